"""`drafter compare` on the Street Minds partnership: 2023 → 2026, as tracked changes, text and HTML."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

from drafter.assemble import assemble_documents
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import FootnoteRef
from drafter.model.numbering import inlines_in
from drafter.model.text import block_lines, document_text
from drafter.diff.sections import align_sections, summary
from drafter.spec.load import load_spec
from drafter.writers.docx.writer import docx_bytes
from drafter.writers.pdf.libreoffice import convert, find_soffice
from diff.test_properties import _strip_text
from helpers import CLAUSES, ROOT
from readback import footnotes_text, norm
from diff.tracked_reader import (
    accept_all, accepted_text, assert_resolves, docx_footnotes_text, reject_all, rejected_text, revisions,
)

OLD = ROOT / "agreements" / "street-minds-2023.yaml"
NEW = ROOT / "agreements" / "street-minds-2026.yaml"


def models(kind: str):
    library = ClauseLibrary(CLAUSES)
    return [next(d for d in assemble_documents(load_spec(p), library) if d.kind == kind) for p in (OLD, NEW)]


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*map(str, args), "--clauses", str(CLAUSES)])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def redline(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    files = {}
    for kind in ("agreement", "proposal"):
        out = folder / f"{kind}.docx"
        code, output = run("compare", OLD, NEW, "--document", kind, "--format", "docx", "-o", out)
        assert code == 0, output
        files[kind] = out
    return files


@pytest.mark.parametrize("kind", ["agreement", "proposal"])
def test_accept_all_gives_2026_and_reject_all_gives_2023(redline, kind):
    old, new = models(kind)
    data = redline[kind].read_bytes()
    assert accepted_text(data) == norm(document_text(new))
    assert rejected_text(data) == norm(document_text(old))
    # Footnotes (the 2023 Åtaganden had two): kept, deleted or inserted with their reference.
    assert docx_footnotes_text(accept_all(data)) == footnotes_text(new)
    assert docx_footnotes_text(reject_all(data)) == footnotes_text(old)
    assert_resolves(data, docx_bytes(old), docx_bytes(new))  # paragraph by paragraph, list markers too


def test_revisions_are_native_fixed_and_reproducible(redline, tmp_path):
    data = redline["agreement"].read_bytes()
    counts = revisions(data)
    assert counts["ins"] > 50 and counts["del"] > 50
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    marks = root.findall(".//" + qn("w:ins")) + root.findall(".//" + qn("w:del"))
    assert {m.get(qn("w:author")) for m in marks} == {"drafter"}
    assert {m.get(qn("w:date")) for m in marks} == {"2026-07-01T00:00:00Z"}  # the 2026 agreement's date
    ids = [m.get(qn("w:id")) for m in marks]
    assert len(ids) == len(set(ids))
    assert root.findall(".//" + qn("w:del") + "//" + qn("w:t")) == []  # deleted text is w:delText
    again = tmp_path / "again.docx"
    assert run("compare", OLD, NEW, "--format", "docx", "-o", again)[0] == 0
    assert again.read_bytes() == data
    other = tmp_path / "author.docx"
    assert run("compare", OLD, NEW, "--format", "docx", "--author", "Jurist Ös & Co", "-o", other)[0] == 0
    assert b'w:author="Jurist \xc3\x96s &amp; Co"' in zipfile.ZipFile(other).read("word/document.xml")


def test_libreoffice_opens_the_redline(redline, tmp_path):
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) saknas")
    (pdf,) = convert([redline["agreement"]], tmp_path)
    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    # LibreOffice shows tracked changes in its PDF export: the deleted 2023 text and the inserted
    # 2026 text are both printed (struck through and underlined).
    assert "halvår" in text and "kalenderår" in text
    assert "Förnyad överenskommelse" in text and "Studieförbundet" in text


def test_sections_2023_to_2026():
    old, new = models("agreement")
    counts = summary(align_sections(old, new))
    assert counts == {"added": 3, "removed": 0, "moved": 0, "renumbered": 25, "changed": 9, "same": 16}


def test_text_and_html_report(tmp_path):
    code, text = run("compare", OLD, NEW)
    assert code == 0, text
    assert "Avsnitt: 3 tillagda, 0 borttagna, 0 flyttade, 25 omnumrerade, 9 ändrade, 16 oförändrade." in text
    assert "+ 1. {+Bakgrund+}  [street-minds/bakgrund v1]  (tillagt)" in text
    assert "[villkor/period v1 → v2]  (ändrat, omnumrerat från 4.1)" in text
    assert "motivering: Förnyelsen 2026: förlängning automatiskt" in text
    assert "Förlängning: enhet" in text and "halvår  →  kalenderår" in text
    assert "Budget: Personal" in text and "878\u00a0000\u00a0kr" in text
    page = tmp_path / "compare.html"
    code, _ = run("compare", OLD, NEW, "--format", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    assert code == 0 and html.startswith("<!DOCTYPE html>")
    assert "http" not in html.split("<body>")[0] and "<script" not in html and "<link" not in html
    assert "<del>halvår</del>" in html and "<ins>kalenderår</ins>" in html


def test_a_renewal_naming_the_kommun_instead_of_its_förvaltning_shows_the_change_of_kind(tmp_path):
    """The 2026 agreement's party Socialförvaltningen (kind: förvaltning) renewed as Stockholms stad, a
    kommun acting through socialnämnden: the data table says so, in text and HTML."""
    from helpers import example_data, write_spec

    data = example_data()
    data["parties"][0].update(name="Stockholms stad", kind="kommun", administration="Socialförvaltningen")
    data["parties"][0].pop("municipality")
    renewed = write_spec(tmp_path, data, "stockholms-stad.yaml")
    code, text = run("compare", NEW, renewed)
    assert code == 0, text
    rows = [" ".join(line.split()) for line in text.split("Ändrade uppgifter i specen\n")[1].split("\n\n")[0].splitlines()]
    assert rows[:3] == ["Part 1: namn Socialförvaltningen → Stockholms stad",
                        "Part 1: organisationsform förvaltning → kommun, genom socialnämnden",
                        "Part 1: förvaltning – → Socialförvaltningen"]
    page = tmp_path / "compare.html"
    code, _ = run("compare", NEW, renewed, "--format", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    assert code == 0
    assert ("<tr><td>Part 1: organisationsform</td><td><del>förvaltning</del></td>"
            "<td><ins>kommun, genom socialnämnden</ins></td></tr>") in html
    assert "<tr><td>Part 1: förvaltning</td><td>–</td><td><ins>Socialförvaltningen</ins></td></tr>" in html


def test_proposal_missing_is_a_user_error(tmp_path):
    data = OLD.read_text(encoding="utf-8").split("\nproposal:")[0]
    spec = tmp_path / "utan-utlatande.yaml"
    spec.write_text(data, encoding="utf-8")
    code, output = run("compare", spec, NEW, "--document", "proposal")
    assert code == 2 and "har inget tjänsteutlåtande" in output


class _HtmlSide(HTMLParser):
    """The text one side of a compare page reads: the other side's <ins>/<del> dropped, block
    boundaries as spaces, each footnote mark as "0"."""

    BLOCKS = {"p", "li", "td", "th", "br", "div", "tr"}

    def __init__(self, keep: str):
        super().__init__(convert_charrefs=True)
        self.skip, self.inside, self.sup, self.out = ("ins" if keep == "old" else "del"), 0, False, []

    def handle_starttag(self, tag, attrs):
        self.inside += tag == self.skip
        self.sup = self.sup or (tag == "sup")
        if tag in self.BLOCKS:
            self.out.append(" ")

    def handle_endtag(self, tag):
        self.inside -= tag == self.skip
        self.sup = self.sup and tag != "sup"
        if tag in self.BLOCKS:
            self.out.append(" ")

    def handle_data(self, data):
        if not self.inside:
            self.out.append("0" if self.sup else data)


def _side(fragment: str, keep: str) -> str:
    parser = _HtmlSide(keep)
    parser.feed(fragment)
    return norm("".join(parser.out))


def _own_text(section) -> str:
    """The section's own blocks, then its footnotes' text, every footnote mark "0"."""
    section = copy.deepcopy(section)
    marks = [inline for inline in inlines_in(section.blocks) if isinstance(inline, FootnoteRef)]
    for mark in marks:
        mark.number = 0
    lines = [line for b in section.blocks for line in block_lines(b)]
    notes = [line for mark in marks for b in mark.blocks for line in block_lines(b)]
    return norm(" ".join(lines + notes))


def test_html_keeps_lists_and_footnotes_and_reads_as_either_side(tmp_path):
    page = tmp_path / "compare.html"
    assert run("compare", OLD, NEW, "--format", "html", "-o", page)[0] == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<main>") == 1 and html.count("</main>") == 1
    assert "<ul><li>" in html and '<sup class="fn">1</sup>' in html
    notes = html.split('<ol class="notes" aria-label="Fotnoter">', 1)[1].split("</ol>", 1)[0]
    assert "<del>Peer support innebär" in notes  # the 2023 footnote went with its mark
    old, new = models("agreement")
    sections = html.split("<h2>Avsnitt</h2>", 1)[1].split("<section ")[1:]
    pairs = align_sections(old, new)
    assert len(sections) == len(pairs)
    checked = 0
    for fragment, pair in zip(sections, pairs):
        if 'class="body"' not in fragment:
            continue
        body = fragment.split('<div class="body">', 1)[1].rsplit("</div>", 1)[0]
        if pair.new is not None:
            assert _side(body, "new") == _own_text(pair.new), pair.new.heading
        if pair.old is not None:
            assert _side(body, "old") == _own_text(pair.old), pair.old.heading
        checked += 1
    assert checked == 12  # 3 added + 9 changed


def _text_side(lines: list[str], keep: str) -> str:
    text = _strip_text("\n".join(lines), keep)
    out = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*\[\d+\] ", "", line)  # a footnote's own line
        line = re.sub(r"^\s*– ", "", line)  # a bullet
        out.append(re.sub(r"\[\d+\]", "0", line).replace(" | ", " ").replace(" / ", " "))
    return norm(" ".join(out))


def test_text_report_reads_block_by_block_as_either_side():
    code, text = run("compare", OLD, NEW)
    assert code == 0
    assert "    [-– Att minska ensamhet, isolering och digitalt utanförskap-]" in text  # a whole item, marker too
    assert "    [1] [-Peer support innebär" in text  # the deleted footnote after its section
    bodies: list[list[str]] = []
    for line in text.split("\nAvsnitt\n", 1)[1].split("\n"):
        if not line:
            continue
        if not line.startswith(" "):
            bodies.append([])
        elif not line.startswith("    motivering: "):
            bodies[-1].append(line[4:])
    old, new = models("agreement")
    pairs = align_sections(old, new)
    assert len(bodies) == len(pairs)
    checked = 0
    for body, pair in zip(bodies, pairs):
        if not body:
            continue
        if pair.new is not None:
            assert _text_side(body, "new") == _own_text(pair.new), pair.new.heading
        if pair.old is not None:
            assert _text_side(body, "old") == _own_text(pair.old), pair.old.heading
        checked += 1
    assert checked == 12
