"""The consolidated agreement is a reading copy: "Konsoliderad version – ej undertecknad" on every page
and in its title, and no signature lines; the signed agreement keeps its signature block."""

import io
import zipfile

import pypdf
from docx import Document as Docx

from drafter.assemble.unsigned import MARK

CONSOLIDATED = "street-minds-2026-overenskommelse-konsoliderad"
SIGNED = "street-minds-2026-overenskommelse"


def test_every_page_of_the_consolidated_pdf_says_it_is_not_signed(example_files):
    reader = pypdf.PdfReader(str(example_files[f"{CONSOLIDATED}.pdf"]))
    assert str(reader.metadata.title).endswith(f"Street Minds – {MARK}")
    assert len(reader.pages) > 1
    for number, page in enumerate(reader.pages, 1):
        assert MARK in page.extract_text(), f"sida {number}"
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Namnförtydligande" not in text and "Ort och datum" not in text
    assert "Den konsoliderade versionen undertecknas inte." in text


def test_every_header_of_the_consolidated_docx_says_it_is_not_signed(example_files):
    data = example_files[f"{CONSOLIDATED}.docx"].read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        headers = [n for n in package.namelist() if n.startswith("word/header")]
        assert len(headers) == 2  # the first page's and the others'
        for name in headers:
            assert MARK in package.read(name).decode("utf-8"), name
    docx = Docx(io.BytesIO(data))
    assert docx.core_properties.title.endswith(f" – {MARK}")
    assert not docx.tables or all("Namnförtydligande" not in c.text for t in docx.tables for r in t.rows
                                  for c in r.cells)


def test_the_signed_agreement_keeps_its_signature_block_and_no_mark(example_files):
    reader = pypdf.PdfReader(str(example_files[f"{SIGNED}.pdf"]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert MARK not in text and "ej undertecknad" not in str(reader.metadata.title)
    assert "För socialnämnden i Stockholms stad" in text and "Veronica Carstorp Wolgast, socialdirektör" in text
    assert "Namnförtydligande" in text  # the signature lines the consolidated copy must not have
    assert "För Street Minds" in text and "Sara Ahmadi" not in text  # the tillägg's new signatory signs the tillägg
