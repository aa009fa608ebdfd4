"""One look in both formats: the Typst PDF and LibreOffice's rendering of the DOCX break pages alike.

For every example document: the same number of pages, and each page opens with the same words
(running header left out). Differences in the opening words are reported in the failure message;
the page counts must agree, and nearly all pages must open alike.
"""

from __future__ import annotations

import re

import pypdf
import pytest

from drafter.writers.pdf import libreoffice
from readback import norm

needs_soffice = pytest.mark.skipif(libreoffice.find_soffice() is None, reason="LibreOffice is not installed")
WORDS = 6  # opening words compared per page
SHARE_ALIKE = 0.9  # of pages that must open with the same words (36 of 38 on the examples)


def page_openings(path) -> list[str]:
    """The first words of each page's body: page 1 from the top, later pages after the running header
    (title, or its start with "…", and "UTKAST"/"Dnr …")."""
    reader = pypdf.PdfReader(str(path))
    title = norm(str(reader.metadata.title))
    openings = []
    for i, page in enumerate(reader.pages):
        text = norm(page.extract_text())
        if i > 0:
            if text.startswith(title):
                text = text[len(title):].strip()
            elif " … " in text[:len(title) + 5]:
                text = text.split(" … ", 1)[1]
        text = re.sub(r"^UTKAST ", "", text)
        text = re.sub(r"^Konsoliderad version – ej undertecknad ", "", text)  # the consolidated agreement's mark
        text = re.sub(r"^Dnr \S+ \S+ ", "", text)
        openings.append(" ".join(text.split()[:WORDS]))
    return openings


@pytest.fixture(scope="module")
def libreoffice_pdfs(example_files, tmp_path_factory):
    docx = sorted(path for name, path in example_files.items() if name.endswith(".docx"))
    out = tmp_path_factory.mktemp("lo")
    return {path.name: pdf for path, pdf in zip(docx, libreoffice.convert(docx, out))}


@needs_soffice
def test_docx_and_pdf_have_the_same_pages(example_files, libreoffice_pdfs):
    report, alike, total = [], 0, 0
    for name, lo_pdf in libreoffice_pdfs.items():
        typst_pdf = example_files[name.removesuffix(".docx") + ".pdf"]
        ours, theirs = page_openings(typst_pdf), page_openings(lo_pdf)
        assert len(ours) == len(theirs), f"{name}: Typst {len(ours)} sidor, LibreOffice {len(theirs)}"
        for number, (a, b) in enumerate(zip(ours, theirs), 1):
            total += 1
            if a == b:
                alike += 1
            else:
                report.append(f"{name} sida {number}: PDF «{a}» / DOCX «{b}»")
    assert len(libreoffice_pdfs) >= 6
    assert alike >= SHARE_ALIKE * total, "\n".join(report)
    print(f"{alike} av {total} sidor börjar lika", *report, sep="\n")
