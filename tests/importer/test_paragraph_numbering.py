"""Agreements numbered with paragraphs ("§ 3 Parternas åtaganden", "§ 3.", "3 §") under a title heading:
the § is the document's own numbering, not part of the heading; the title is the document's title,
not section 1; "enligt § 4" in the text still points at the same section once drafter numbers it
"4."; the report says with the line that the paragraph style is not kept."""

from pathlib import Path

import pytest
import yaml
from docx import Document

from drafter.writers.pdf import libreoffice
from importer.support import built, imported

TITLE = "Överenskommelse om samverkan kring fritidsbanken i Norrvik"
SECTIONS = [("Parter", ["Norrviks kommun, genom fritidsnämnden, organisationsnummer 212000-2338.",
                        "Föreningen Fritidsbanken Norrvik, organisationsnummer 802524-2879."]),
            ("Syfte och mål", ["Syftet är att fler barn och unga ska kunna låna fritidsutrustning utan kostnad."]),
            ("Parternas åtaganden", ["Kommunen lämnar bidrag enligt {ref} och upplåter en lokal vid idrottsplatsen.",
                                     "Föreningen sköter utlåningen; lagen (2013:311) § 4 gäller inte här."]),
            ("Ekonomi", ["Kommunen bidrar med totalt 90 000 kronor för perioden."]),
            ("Giltighetstid", ["Överenskommelsen gäller från och med 1 mars 2027 till och med 29 februari 2028."])]


def paragraph_docx(path: Path, style: str) -> Path:
    """The title as Heading 1 above the sections, numbered in `style` ("§ {n}", "§ {n}.", "{n} §")."""
    doc = Document()
    doc.add_paragraph("Dnr FRN 2026/77")
    doc.add_heading(TITLE, level=1)
    for n, (heading, paragraphs) in enumerate(SECTIONS, 1):
        doc.add_heading(f"{style.format(n=n)} {heading}", level=2)
        for text in paragraphs:
            doc.add_paragraph(text.replace("{ref}", style.format(n=4).rstrip(".")))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def fill_in(spec_path: Path) -> None:
    """What the official fills in after the import: the placeholders `drafter check` lists."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    spec["document"]["place"] = "Norrvik"
    for party in spec["parties"]:
        if party["sector"] == "offentlig":
            party.update(name="Norrviks kommun", organisationsnummer="212000-2338", municipality="Norrviks kommun",
                         signatory={"name": "Eva Berg", "title": "ordförande"})
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")


def clause(result, slug: str) -> str:
    return (result.clause_dir / slug / "v1.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("style", ["§ {n}", "§ {n}.", "{n} §"])
def test_paragraph_headings_are_numbering_and_the_title_is_no_section(tmp_path, style):
    source = paragraph_docx(tmp_path / "src" / "avtal.docx", style)
    result = imported(tmp_path, source, "fritidsbanken")
    spec = yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))
    assert spec["outline"] == [f"import/fritidsbanken/{s}@1" for s in
                               ("parter", "syfte-och-mal", "parternas-ataganden", "ekonomi", "giltighetstid")]
    assert spec["document"]["title"] == TITLE
    text = clause(result, "parternas-ataganden")
    assert "heading: Parternas åtaganden\n" in text
    assert 'enligt {{ ref("import/fritidsbanken/ekonomi") }} och' in text
    assert "§ 4 gäller inte" in text  # a law's paragraph is no reference to the agreement's sections
    report = "\n".join(result.report())
    assert "info [numbering]" in report and "avtal.docx:3:" in report
    assert f'("{style.format(n=1)} Parter")' in report and "1 hänvisning i texten" in report


def test_paragraph_reference_reads_as_drafter_numbers_it(tmp_path):
    result = imported(tmp_path, paragraph_docx(tmp_path / "src" / "avtal.docx", "§ {n}"), "fritidsbanken")
    fill_in(result.spec_path)
    docx_text, pdf_text, _, _ = built(tmp_path, result)["agreement"]
    for text in (docx_text, pdf_text):
        assert "lämnar bidrag enligt punkt 4 och" in text
        assert "§ 1" not in text and "1. Parter" in text and "4. Ekonomi" in text
        assert f"1. {TITLE}" not in text


@pytest.mark.skipif(libreoffice.find_soffice() is None, reason="LibreOffice is not installed")
def test_paragraph_headings_from_pdf(tmp_path):
    """The same document as a PDF (LibreOffice, as a förvaltning saves it): the bold title wraps over
    lines under a reference line, the § headings are numbering."""
    docx = paragraph_docx(tmp_path / "src" / "fritidsbanken.docx", "{n} §")
    pdf = libreoffice.convert([docx], tmp_path / "pdf")[0]
    result = imported(tmp_path, pdf, "fritidsbanken")
    spec = yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))
    assert spec["document"]["title"] == TITLE
    assert spec["outline"][0] == "import/fritidsbanken/parter@1" and len(spec["outline"]) == 5
    assert 'enligt {{ ref("import/fritidsbanken/ekonomi") }} och' in clause(result, "parternas-ataganden")
