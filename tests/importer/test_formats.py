"""A .docx (headings, a table, a footnote-free Word file made here) and a PDF drafter built itself,
imported and rebuilt."""

import yaml
from click.testing import CliRunner
from docx import Document

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE
from importer.support import built, imported
from similarity import similarity, differences
from readback import docx_body_text


def make_docx(path):
    doc = Document()
    doc.add_paragraph("Överenskommelse om idéburet offentligt partnerskap", style="Title")
    doc.add_heading("1. Parter", level=1)
    doc.add_paragraph("Överenskommelsen upprättas mellan följande parter:")
    doc.add_paragraph("Kulturförvaltningen (organisationsnummer 212000-0142)", style="List Bullet")
    doc.add_paragraph("Föreningen Läsglädje (organisationsnummer 802524-2879)", style="List Bullet")
    doc.add_heading("1.1 Syfte", level=2)
    doc.add_paragraph("Syftet är att fler barn ska läsa. Kulturförvaltningen och Föreningen Läsglädje "
                      "ska arbeta tillsammans.")
    doc.add_heading("2. Period", level=1)
    doc.add_paragraph("Partnerskapets inledande period är från den 1 januari 2027 till och med 31 december 2027.")
    doc.add_heading("3. Ekonomisk ersättning", level=1)
    doc.add_paragraph("Kulturförvaltningens ersättning under 12 månader:")
    table = doc.add_table(rows=4, cols=2)
    for row, (a, b) in zip(table.rows, [("Beskrivning av resurs", "Kostnad (svenska kronor)"),
                                        ("Personal", "300 000"), ("Lokaler", "50 000"), ("Summa", "350 000")]):
        row.cells[0].text, row.cells[1].text = a, b
    doc.add_heading("4. Signering", level=1)
    doc.add_paragraph("Överenskommelsen är upprättad i två exemplar.")
    doc.save(path)


def test_docx_round_trip(tmp_path):
    source = tmp_path / "src" / "lasglädje.docx"
    source.parent.mkdir()
    make_docx(source)
    result = imported(tmp_path, source, "lasgladje")
    spec = yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))
    assert [(p["name"], p["sector"], p["kind"]) for p in spec["parties"]] == [
        ("Kulturförvaltningen", "offentlig", "förvaltning"), ("Föreningen Läsglädje", "idéburen", "ideell förening")]
    assert [(r["item"], r["amount"]) for r in spec["budget"]["rows"]] == [("Personal", 300000), ("Lokaler", 50000)]
    assert str(spec["period"]["start"]) == "2027-01-01" and spec["budget"]["months"] == 12
    assert spec["document"]["title"] == "Överenskommelse om idéburet offentligt partnerskap"
    assert spec["outline"][0] == {"clause": "import/lasgladje/parter@1", "sections": ["import/lasgladje/syfte@1"]}
    assert result.findings == []
    # nothing tells the place: a placeholder that `drafter check` lists, and the build refuses
    assert spec["document"]["place"] == "[Ort]"
    check = CliRunner().invoke(main, ["check", str(result.spec_path), "--clauses", str(tmp_path / "clauses")])
    assert check.exit_code == 1 and "[placeholder]" in check.output and "document.place" in check.output
    assert "parties.0.signatory.title" in check.output  # no signature block, no decision naming a title
    assert "parties.0.committee" in check.output and "parties.0.municipality" in check.output
    # the import's own report names the party as the official counts it, as check's messages do
    assert "den ansvariga nämnden (parties.0.committee – part 1)" in result.recognised.missing
    text = result.spec_path.read_text(encoding="utf-8").replace("place: '[Ort]'", "place: Uppsala")
    text = text.replace("title: '[Befattning]'", "title: kulturdirektör")
    text = text.replace("committee: '[nämnden]'", "committee: kulturnämnden")
    text = text.replace("municipality: '[Kommunen]'", "municipality: Uppsala kommun")
    result.spec_path.write_text(text, encoding="utf-8")
    docx_text = built(tmp_path, result)["agreement"][0]
    for words in ("1.1 Syfte", "Kulturförvaltningen (organisationsnummer 212000-0142)",
                  "från den 1 januari 2027 till och med 31 december 2027", "Personal 300 000", "Summa 350 000"):
        assert words in docx_text.replace("\u00a0", " "), words


def test_pdf_round_trip(tmp_path):
    """The 2026 agreement as drafter builds it (PDF), imported: the rebuild reads the same."""
    out = tmp_path / "orig"
    run = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "--clauses", str(CLAUSES)])
    assert run.exit_code == 0, run.output
    folder = out / EXAMPLE.stem
    pdf = folder / f"{EXAMPLE.stem}-overenskommelse.pdf"
    original = docx_body_text((folder / f"{EXAMPLE.stem}-overenskommelse.docx").read_bytes())
    result = imported(tmp_path, pdf, "fran-pdf")
    spec = yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))
    assert {p["organisationsnummer"] for p in spec["parties"]} == {"212000-0142", "802524-2879"}
    assert str(spec["period"]["renewal"]["max_end"]) == "2028-12-31"
    assert sum(r["amount"] for r in spec["budget"]["rows"]) == 1_000_000
    assert result.findings == []  # drafter numbered it
    assert '{{ block("budget") }}' in (result.clause_dir / "ekonomisk-ersattning" / "v1.md").read_text(encoding="utf-8")
    rebuilt = built(tmp_path, result)["agreement"][0]
    assert similarity(original, rebuilt) >= 0.95, differences(original, rebuilt)
