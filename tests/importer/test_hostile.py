"""Hostile or broken files given to `drafter import`: refused with one Swedish message and exit 2, or
imported with their text kept literal (never executed as a template, never read as markup).
Each test id is a row of docs/robustness.md."""

import io
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document

from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.render import render_clause
from drafter.model.text import block_lines
from drafter.readers.markdown import ClauseReader
from helpers import CLAUSES, EXAMPLE


def run_import(tmp_path, file):
    result = CliRunner().invoke(main, ["import", str(file), "--name", "x", "--clauses", str(tmp_path / "lib"),
                                       "--agreements", str(tmp_path / "agr")])
    assert "Traceback" not in result.output
    return result


def refused(tmp_path, file, fragment):
    result = run_import(tmp_path, file)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"fel: {file}") and fragment in result.output, result.output
    assert not (tmp_path / "lib").exists() and not (tmp_path / "agr").exists()


def docx_bytes() -> bytes:
    doc = Document()
    doc.add_heading("1. Parter", level=1)
    doc.add_paragraph("Text.")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def test_import_too_large(tmp_path):
    file = tmp_path / "stor.txt"
    file.write_text("## 1. Rubrik\n" + "x" * (2 * 1024 * 1024 + 10), encoding="utf-8")
    refused(tmp_path, file, "största tillåtna storlek för import är 2 MB")


def test_import_unknown_type(tmp_path):
    file = tmp_path / "avtal.xlsx"
    file.write_bytes(b"PK\x03\x04")
    refused(tmp_path, file, "Filtypen .xlsx kan inte importeras")


def test_import_zip_bomb(tmp_path):
    file = tmp_path / "bomb.docx"
    file.write_bytes(rezip(docx_bytes(), add={"word/media/zeros.bin": b"\0" * (5 * 1024 * 1024)}))
    refused(tmp_path, file, "packad mer än 100 gånger")


def test_import_zip_size(tmp_path):
    file = tmp_path / "stor.docx"
    file.write_bytes(rezip(docx_bytes(), add={f"word/media/{i}.bin": bytes(range(256)) * 4096 * 50 for i in range(5)}))
    refused(tmp_path, file, "packas upp till")


def test_import_zip_entries(tmp_path):
    file = tmp_path / "manga.docx"
    file.write_bytes(rezip(docx_bytes(), add={f"word/media/{i}.txt": b"x" for i in range(1001)}))
    refused(tmp_path, file, "högst 1000 tillåts")


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahaha">'
                  b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
                  b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')


def test_import_docx_entities(tmp_path):
    data = docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml")
    body = xml.split(b"?>", 1)[1].replace(b"Text.", b"&c; &xxe;")
    file = tmp_path / "entiteter.docx"
    file.write_bytes(rezip(data, replace={"word/document.xml": BILLION_LAUGHS + body}))
    refused(tmp_path, file, "innehåller en DOCTYPE")


def test_python_docx_parser_resolves_no_entities():
    """Behind the DOCTYPE refusal: python-docx's own parser would not expand entities either."""
    from docx.oxml.parser import oxml_parser, parse_xml

    assert oxml_parser.resolvers is not None
    root = parse_xml(b'<!DOCTYPE r [<!ENTITY a "EXPANDED"><!ENTITY x SYSTEM "file:///etc/hostname">]><r>&a;&x;</r>')
    from lxml import etree

    assert b"EXPANDED" not in etree.tostring(root) and b"&a;" in etree.tostring(root)


def test_import_pdf_broken(tmp_path):
    file = tmp_path / "trasig.pdf"
    file.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 9 0 R >>\n%%EOF")
    refused(tmp_path, file, "PDF-filen kan inte läsas: den är skadad")
    # no Python in the message (it said "(PdfReadError: …)" or "(KeyError: …)")
    assert "Error" not in run_import(tmp_path, file).output


def test_import_docx_broken_says_so_in_swedish(tmp_path):
    file = tmp_path / "trasig.docx"
    with zipfile.ZipFile(file, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    result = run_import(tmp_path, file)
    assert result.exit_code == 2 and "Filen kan inte läsas som .docx: den är skadad eller ingen Word-fil." in result.output
    assert "Error" not in result.output and "KeyError" not in result.output


def test_import_pdf_pages(tmp_path, monkeypatch):
    out = tmp_path / "orig"
    assert CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "--clauses", str(CLAUSES),
                                     "--format", "pdf"]).exit_code == 0
    monkeypatch.setattr("drafter.importer.pdf.MAX_PDF_PAGES", 3)
    refused(tmp_path, out / EXAMPLE.stem / f"{EXAMPLE.stem}-overenskommelse.pdf", "högst 3 kan importeras")


HOSTILE = ("Text {{ 7*7 }} {% include 'x' %} {# c #} {{ ''.__class__ }} *fet* _k_ <b>x</b> &amp; [^1] [länk](u) "
           "`kod` \ue000block:budget\ue001 {%raw%} {% endraw %} \\ | ~~~ ![b](i)")


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_import_template_in_text(tmp_path, suffix):
    file = tmp_path / f"fientlig{suffix}"
    if suffix == ".md":
        text = f"## 1. Parter {{{{ x }}}}\n\n{HOSTILE}\n\n# rubrik\n\n- {{% if 1 %}}\n\n1) 2. tre\n"
    else:  # plain text (as from a PDF): headings are numbered lines
        text = f"1.1 Parter {{{{ x }}}}\n{HOSTILE}\nrubrik #\n- {{% if 1 %}}\n1.2 Villkor\nText.\n"
    file.write_text(text, encoding="utf-8")
    result = run_import(tmp_path, file)
    assert result.exit_code == 0, result.output
    library = ClauseLibrary(tmp_path / "lib")
    clause_id = sorted(i for i in library.ids() if i.startswith("import/x/"))[0]
    clause = library.get(f"{clause_id}@1")
    markdown = render_clause(clause, {})
    blocks, sections = ClauseReader({}).read(markdown)
    lines = [line for block in blocks for line in block_lines(block)]
    expected = HOSTILE.replace("\ue000", "").replace("\ue001", "")
    if suffix == ".md":  # Markdown's own emphasis (as the seed writes it) stays emphasis; nothing else is markup
        expected = expected.replace("*fet*", "fet").replace("<b>x</b>", "x")
    else:  # wrapped lines of plain text are joined into one paragraph
        expected += " rubrik #"
    assert lines[0] == expected
    assert sections == [] and "rubrik" in " ".join(lines) and "{% if 1 %}" in " ".join(lines)
    from drafter.clauses.render import render_heading

    assert render_heading(clause, {}) == "Parter {{ x }}"


def test_import_newline_in_file_name(tmp_path):
    """Issue 21, item 17: a newline (or another control character) in the source file's name is written
    as \\u000a in the spec's header comment and the clauses' front matter, never as a line of YAML."""
    name = "avtal\ndocument: {place: Injicerad}\nx\u2028y\x85z.md"
    source = tmp_path / name
    source.write_text("# Överenskommelse\n\n## 1. Parter\n\nParterna är Kulturförvaltningen och "
                      "Föreningen Läsglädje.\n\n## 2. Period\n\nÖverenskommelsen gäller ett år.\n", encoding="utf-8")
    result = run_import(tmp_path, source)
    assert result.exit_code == 0, result.output
    spec = (tmp_path / "agr" / "x.yaml").read_text(encoding="utf-8")
    assert "avtal\\u000adocument: {place: Injicerad}\\u000ax\\u2028y\\u0085z.md" in spec.splitlines()[0]
    assert not any(line.startswith("document: {place") for line in spec.splitlines())
    from drafter.spec.load import load_spec

    loaded = load_spec(tmp_path / "agr" / "x.yaml")
    assert loaded.spec.document.place != "Injicerad"
    clause = (tmp_path / "lib" / "import" / "x" / "parter" / "v1.md").read_text(encoding="utf-8")
    assert "\n" not in clause.split("rationale: ")[1].split("\nsource:")[0]
    assert "Importerad från avtal\\u000adocument" in clause
