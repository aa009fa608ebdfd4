"""A tjänsteutlåtande whose letterhead is one paragraph broken by hand, whose officials sign at the end
side by side in a table (a name row over a title row) under the förvaltning's name, and whose last
lines list the attachments ("Bilaga 1: …"). From the .docx and from its PDF: the officials are the
proposal's officials (no heading made of their names), the förvaltning is the public party's
administration, "Bilaga 1" is drafter's attachments list; what has no place is named in the report."""

from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.enum.text import WD_BREAK

from drafter.writers.pdf import libreoffice
from importer.support import imported


def proposal_docx(path: Path) -> Path:
    doc = Document()
    letterhead = doc.add_paragraph()
    for k, line in enumerate(["Åsa kommun", "Kultur- och fritidsförvaltningen", "Avdelningen för föreningsstöd",
                              "Enheten för bidrag"]):
        if k:
            letterhead.add_run().add_break(WD_BREAK.LINE)
        letterhead.add_run(line)
    doc.add_paragraph("Tjänsteutlåtande\n2026-02-17\nDnr KFN 2026/31".replace("\n", "\t"))
    doc.paragraphs[-1].text = ""
    for k, line in enumerate(["Tjänsteutlåtande", "2026-02-17", "Dnr KFN 2026/31"]):
        if k:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.LINE)
        doc.paragraphs[-1].add_run(line)
    doc.add_paragraph("Till kultur- och fritidsnämnden")
    doc.add_heading("Idéburet offentligt partnerskap med Föreningen Skridskoklubben Isfri", level=1)
    doc.add_heading("Förslag till beslut", level=2)
    doc.add_paragraph("Kultur- och fritidsnämnden föreslås besluta")
    for point in ("att ingå idéburet offentligt partnerskap med Föreningen Skridskoklubben Isfri enligt bilaga 1,",
                  "att uppdra åt kultur- och fritidsdirektören att underteckna överenskommelsen."):
        doc.add_paragraph(point, style="List Number")
    doc.add_heading("Sammanfattning", level=2)
    doc.add_paragraph("Föreningen Skridskoklubben Isfri ordnar fri skridskoåkning för barn på vintrarna. "
                      "Partnerskapet gäller från och med 1 december 2026 till och med 31 mars 2027.")
    doc.add_heading("Ärendet", level=2)
    doc.add_paragraph("Föreningen har i en skrivelse föreslagit ett partnerskap om isbanan vid Åsa IP.")
    doc.add_paragraph("Kultur- och fritidsförvaltningen")
    table = doc.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Lena Forsberg", (0, 1): "Jonas Åkesson",
                         (1, 0): "Kultur- och fritidsdirektör", (1, 1): "Avdelningschef"}.items():
        table.cell(r, c).text = text
    doc.add_paragraph("Bilaga 1: Förslag till överenskommelse med Föreningen Skridskoklubben Isfri")
    doc.add_paragraph("Bilaga 2: Isbanans öppettider vintern 2026/27")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def check_import(result) -> None:
    spec = yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))
    proposal = spec["proposal"]
    assert proposal["officials"] == [{"name": "Lena Forsberg", "title": "Kultur- och fritidsdirektör"},
                                     {"name": "Jonas Åkesson", "title": "Avdelningschef"}]
    assert proposal["title"] == "Idéburet offentligt partnerskap med Föreningen Skridskoklubben Isfri"
    outline = proposal["outline"]
    assert outline[-2:] == [{"block": "tjansteman"}, {"heading": "Bilagor", "block": "bilagor"}]
    assert all("Forsberg" not in str(item) for item in outline)
    public = next(p for p in spec["parties"] if p["sector"] == "offentlig")
    assert public["administration"] == "Kultur- och fritidsförvaltningen"
    clauses = " ".join(p.read_text(encoding="utf-8") for p in result.clause_dir.rglob("v1.md"))
    assert "Bilaga 1" not in clauses and "Kultur- och fritidsförvaltningen\n" not in clauses
    assert "Lena Forsberg" not in clauses
    report = "\n".join(result.report())
    placed, unplaced = report.split("Inte med i specen eller klausulerna")
    assert "Bilaga 1: Förslag till överenskommelse" in placed and "block: bilagor" in placed
    assert "Kultur- och fritidsförvaltningen" in placed and "administration" in placed
    assert "Bilaga 2: Isbanans öppettider vintern 2026/27" in unplaced
    assert "\"Enheten för bidrag\" (brevhuvudet)" in unplaced


def test_proposal_officials_in_a_table_at_the_end_docx(tmp_path):
    check_import(imported(tmp_path, proposal_docx(tmp_path / "src" / "utlatande.docx"), "isfri"))


@pytest.mark.skipif(libreoffice.find_soffice() is None, reason="LibreOffice is not installed")
def test_proposal_officials_in_a_table_at_the_end_pdf(tmp_path):
    """The PDF reads the table's two columns into one line of names and one of titles."""
    pdf = libreoffice.convert([proposal_docx(tmp_path / "src" / "utlatande.docx")], tmp_path / "pdf")[0]
    check_import(imported(tmp_path, pdf, "isfri"))
