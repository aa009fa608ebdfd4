"""An imported agreement whose budget table and signatures follow the spec: the import makes them
`{{ block("budget") }}` and `{{ block("signaturer") }}` (in the layouts förvaltningar write them), reads
the place, the date and budget.months ("per år") from the text, and a change in the spec then reaches the
built document. Word files made here (python-docx), PDFs by LibreOffice, as a förvaltning would."""

from __future__ import annotations

import datetime as dt
import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from drafter.cli import main
from drafter.writers.pdf.libreoffice import convert, find_soffice
from importer.support import as_draft, imported

PUBLIC, PUBLIC_NR = "Storvikens kommun", "212000-1405"
PARTNER, PARTNER_NR = "Föreningen Grönt Ljus", "802530-1113"


def agreement_docx(path, signatures: str = "table", budget: str = "table", per: str = "per år",
                   dnr: bool = True) -> None:
    """An agreement of Storvikens kommun (kulturnämnden) and Föreningen Grönt Ljus, 2025–2026 (24 months),
    its budget a yearly one, signed in one of the layouts `signatures` names."""
    d = Document()
    if dnr:
        p = d.add_paragraph("Dnr KN 2024/0077")
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_heading("Överenskommelse om idéburet offentligt partnerskap för odling i Norra Vik", level=1)
    d.add_heading("1. Parter", level=2)
    d.add_paragraph(f"{PUBLIC}, genom kulturnämnden, organisationsnummer {PUBLIC_NR}, nedan kallad kommunen.")
    d.add_paragraph(f"{PARTNER}, organisationsnummer {PARTNER_NR}, nedan kallad föreningen.")
    d.add_heading("2. Syfte", level=2)
    d.add_paragraph("Syftet är att boende i Norra Vik odlar tillsammans och lär känna varandra över generationerna.")
    d.add_heading("3. Period", level=2)
    d.add_paragraph("Överenskommelsen gäller från och med 1 mars 2025 till och med 28 februari 2027.")
    d.add_heading("4. Ekonomi", level=2)
    d.add_paragraph(f"Kommunen bidrar med sammanlagt 300 000 kronor {per} enligt budgeten nedan.")
    if budget == "table":
        t = d.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Kostnadspost", "Kronor"
        for a, b in [("Odlingsledare", "180 000"), ("Frön och redskap", "70 000"), ("Vatten och arrende", "50 000"),
                     ("Totalt", "300 000")]:
            r = t.add_row().cells
            r[0].text, r[1].text = a, b
    elif budget == "wide":  # three columns: drafter's block cannot draw it
        t = d.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, ("Kostnadspost", "Kommentar", "Kronor")):
            cell.text = text
        for a, c, b in [("Odlingsledare", "halvtid", "180 000"), ("Frön och redskap", "", "70 000"),
                        ("Vatten och arrende", "", "50 000")]:
            r = t.add_row().cells
            r[0].text, r[1].text, r[2].text = a, c, b
    d.add_heading("5. Underskrifter", level=2)
    d.add_paragraph("Överenskommelsen har upprättats i två likalydande exemplar.")
    people = [(PUBLIC, "Anneli Forsberg", "Ordförande i kulturnämnden"), (PARTNER, "Jonas Ek-Larsson", "Ordförande")]
    if signatures == "table":  # place above, in a Word table: "För …" / a line / name and title on two lines
        d.add_paragraph("Storvik den 3 februari 2025")
        t = d.add_table(rows=3, cols=2)
        for col, (who, name, title) in enumerate(people):
            t.cell(0, col).text = f"För {who}"
            t.cell(1, col).text = "\n\n_________________________"
            t.cell(2, col).text = f"{name}\n{title}"
    elif signatures == "lines":  # one paragraph per line, place and date above the first
        d.add_paragraph("Storvik den 3 februari 2025")
        for who, name, title in people:
            for line in (f"För {who}", "_________________________", name, title):
                d.add_paragraph(line)
    elif signatures == "below":  # "Namn, titel" and the place under each signature, the date to be written
        for who, name, title in people:
            for line in (f"För {who}", "_________________________", f"{name}, {title.lower()}", "Storvik den"):
                d.add_paragraph(line)
    d.save(str(path))


def spec_of(result) -> dict:
    return yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))


def clause_texts(result) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(result.clause_dir.glob("*/v1.md")))


def check(result) -> tuple[int, str]:
    run = CliRunner().invoke(main, ["check", str(result.spec_path), "--clauses", str(result.clause_dir.parent.parent)])
    return run.exit_code, run.output


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory):
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) saknas")
    return tmp_path_factory.mktemp("pdf")


def source(tmp_path, fmt: str, pdf_dir=None, **layout):
    docx = tmp_path / "src" / "gront-ljus.docx"
    docx.parent.mkdir(exist_ok=True)
    agreement_docx(docx, **layout)
    if fmt == "docx":
        return docx
    (pdf,) = convert([docx], tmp_path / "src")
    return pdf


@pytest.mark.parametrize("fmt,layout", [("docx", "table"), ("docx", "lines"), ("docx", "below"), ("pdf", "table"),
                                        ("pdf", "lines")])
def test_signatures_recognised_in_common_layouts(tmp_path, request, fmt, layout):
    if fmt == "pdf":
        request.getfixturevalue("pdf_dir")
    result = imported(tmp_path, source(tmp_path, fmt, signatures=layout), "gront-ljus")
    spec = spec_of(result)
    people = {p["name"]: p["signatory"] for p in spec["parties"]}
    titles = ("Ordförande i kulturnämnden", "ordförande i kulturnämnden") if layout == "below" else \
        ("Ordförande i kulturnämnden",)
    assert people[PUBLIC]["name"] == "Anneli Forsberg" and people[PUBLIC]["title"] in titles
    assert people[PARTNER]["name"] == "Jonas Ek-Larsson"
    assert spec["document"]["place"] == "Storvik"
    if layout != "below":  # "Storvik den 3 februari 2025" above the block: the day it was signed
        assert spec["document"]["date"] == dt.date(2025, 2, 3)
    texts = clause_texts(result)
    assert '{{ block("signaturer") }}' in texts
    assert "\\_\\_\\_" not in texts and "Anneli Forsberg" not in texts and "Storvik den" not in texts
    code, output = check(result)
    assert "tom rad att fylla i" not in output  # the signature lines went with the block: nothing to delete


def test_signature_lines_in_a_block_left_as_text_are_no_placeholder(tmp_path):
    """A block the import cannot read stays text and is listed as to do; its "____" lines are where a
    party signs, not blanks to delete, and a name in it that the spec does not have is party-mismatch."""
    result = imported(tmp_path, source(tmp_path, "docx", signatures="none"), "gront-ljus")
    section = next(result.clause_dir.glob("*underskrifter*/v1.md"))
    text = section.read_text(encoding="utf-8")
    text += ("\nFör Storvikens kommun\n\n\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\nBo Nilsson, kommunstyrelsens ordförande\n")
    section.write_text(text, encoding="utf-8")
    assert "underskrifterna" in "\n".join(result.recognised.todo) or not result.recognised.todo
    filled = result.spec_path.read_text(encoding="utf-8").replace("'[Ort]'", "Storvik")
    result.spec_path.write_text(filled.replace("'[Befattning]'", "ordförande"), encoding="utf-8")
    code, output = check(result)
    assert "tom rad att fylla i" not in output
    assert "[party-mismatch]" in output and "Bo Nilsson skriva under för Storvikens kommun" in output


def test_budget_table_follows_the_spec(tmp_path):
    """The budget table becomes block("budget") with the source's headings and sum row; a changed amount
    in the spec reaches the built document (python-docx reads the table)."""
    result = imported(tmp_path, source(tmp_path, "docx"), "gront-ljus")
    spec = spec_of(result)
    assert [(r["item"], r["amount"]) for r in spec["budget"]["rows"]] == [
        ("Odlingsledare", 180000), ("Frön och redskap", 70000), ("Vatten och arrende", 50000)]
    assert spec["budget"]["table"] == {"item_heading": "Kostnadspost", "amount_heading": "Kronor"}
    texts = clause_texts(result)
    assert '{{ block("budget") }}' in texts and "180 000" not in texts
    as_draft(result.spec_path)  # a signed agreement changes only by a tillägg; changed here as a draft
    spec_text = result.spec_path.read_text(encoding="utf-8").replace("amount: 70000", "amount: 90000")
    spec_text = spec_text.replace("300 000 kronor", "320 000 kronor").replace("Jonas Ek-Larsson", "Lina Sjöberg")
    result.spec_path.write_text(spec_text, encoding="utf-8")
    clause = next(result.clause_dir.glob("*ekonomi/v1.md"))
    clause.write_text(clause.read_text(encoding="utf-8").replace("300 000 kronor", "320 000 kronor"), encoding="utf-8")
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["build", str(result.spec_path), "-o", str(out), "--clauses",
                                    str(result.clause_dir.parent.parent)])
    assert run.exit_code == 0, run.output
    docx = next((out / "gront-ljus").glob("*overenskommelse.docx"))
    rows = [[c.text.replace("\u00a0", " ") for c in row.cells] for t in Document(str(docx)).tables for row in t.rows]
    assert ["Kostnadspost", "Kronor"] in rows
    assert ["Frön och redskap", "90 000"] in rows and ["Summa", "320 000"] in rows
    signed = [c.text for t in Document(str(docx)).tables for row in t.rows for c in row.cells]
    # the signatures drawn from the spec too: a new ordförande in the spec signs, the old name is gone
    assert any("Lina Sjöberg" in c for c in signed) and not any("Jonas Ek-Larsson" in c for c in signed)


def test_a_table_drafter_cannot_draw_stays_text_and_is_to_do(tmp_path):
    result = imported(tmp_path, source(tmp_path, "docx", budget="wide"), "gront-ljus")
    assert "180 000" in clause_texts(result)
    todo = "\n".join(result.recognised.todo)
    assert "budgettabellen" in todo and "fler än två kolumner" in todo
    assert "Att göra" in "\n".join(result.report())
    # the table left as text contradicting a changed spec is a finding
    spec_text = result.spec_path.read_text(encoding="utf-8").replace("amount: 180000", "amount: 200000")
    result.spec_path.write_text(spec_text, encoding="utf-8")
    code, output = check(result)
    assert "Budgettabellen i texten stämmer inte med budgeten" in output and "'Odlingsledare halvtid 180\u00a0000'" in output


@pytest.mark.parametrize("per,months", [("per år", 12), ("per halvår", 6), ("", 24)])
def test_budget_months_from_the_text(tmp_path, per, months):
    """"300 000 kronor per år" → 12 months although the period is 24; without a rate, the period's length."""
    result = imported(tmp_path, source(tmp_path, "docx", per=per), "gront-ljus")
    spec = spec_of(result)
    assert spec["budget"]["months"] == months
    note = [line for line in result.spec_path.read_text(encoding="utf-8").splitlines() if "months:" in line][0]
    assert (f"kronor {per}" in note) if per else ("antaget" in note)


def test_dnr_line_and_public_party_through_its_namnd(tmp_path):
    result = imported(tmp_path, source(tmp_path, "docx"), "gront-ljus")
    spec = spec_of(result)
    assert spec["document"].get("title") != "Dnr KN 2024/0077"
    assert not str(spec["document"].get("title", "")).startswith("Dnr")
    assert spec["document"]["diarienummer"] == "KN 2024/0077"
    public = next(p for p in spec["parties"] if p["sector"] == "offentlig")
    assert (public["name"], public["organisationsnummer"], public["committee"]) == (PUBLIC, PUBLIC_NR, "kulturnämnden")
