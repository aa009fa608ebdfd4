"""Every PDF the examples build, the nämnd packet included, as an archive and a screen reader see it:
tagged with a structure tree, /Lang sv-SE, the title shown, PDF/A-2b and PDF/UA-1 declared in the XMP,
every font embedded, `qpdf --check` clean, and no body text hidden as an artifact."""

from __future__ import annotations

import shutil
import subprocess

import pikepdf
import pypdf
import pytest

from drafter.writers.letterhead import letterhead_lines
from readback import struct_kinds
from sample_document import sample_proposal
from drafter.writers.pdf import pdf_bytes

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def example_pdfs(example_files):
    pdfs = {name: path for name, path in example_files.items() if name.endswith(".pdf")}
    assert any(name.endswith("-handlingar.pdf") for name in pdfs) and len(pdfs) >= 8, sorted(pdfs)
    return pdfs


def test_every_example_pdf_is_tagged_archivable_and_accessible(example_files):
    for name, path in example_pdfs(example_files).items():
        with pikepdf.open(path) as pdf:
            root = pdf.Root
            assert "/StructTreeRoot" in root and len(root.StructTreeRoot.K) > 0, name
            assert root.MarkInfo.Marked is True, name
            assert str(root.Lang) == "sv-SE", name
            assert root.ViewerPreferences.DisplayDocTitle is True, name
            meta = pdf.open_metadata()
            assert meta.pdfa_status == "2B", name
            assert meta.get("{http://www.aiim.org/pdfua/ns/id/}part") == "1", name
            assert meta.get("{http://purl.org/dc/elements/1.1/}title"), name
            assert str(pdf.docinfo.Title) == meta.get("{http://purl.org/dc/elements/1.1/}title"), name
            for page in pdf.pages:
                assert page.Tabs == pikepdf.Name.S, name  # tab order follows the structure
                for font in _fonts(page):
                    descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                    assert any(key in descriptor for key in FONT_FILES), (name, font.get("/BaseFont"))


def _fonts(page):
    fonts = page.Resources.get("/Font", {})
    return [fonts[key] for key in fonts.keys()]


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_every_example_pdf_passes_qpdf_check(example_files):
    for name, path in example_pdfs(example_files).items():
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, (name, result.stdout[-500:], result.stderr[-500:])
        assert "No syntax or stream encoding errors found" in result.stdout, name


def page_text_tagging(pdf: bytes | str, index: int = 0) -> list[tuple[bool, str]]:
    """(inside an /Artifact?, text) for each piece of text on a page, in content order."""
    reader = pypdf.PdfReader(pdf) if isinstance(pdf, str) else pypdf.PdfReader(__import__("io").BytesIO(pdf))
    stack: list[str] = []
    out: list[tuple[bool, str]] = []

    def before(op, args, cm, tm):
        if op in (b"BDC", b"BMC"):
            stack.append(str(args[0]))
        elif op == b"EMC" and stack:
            stack.pop()

    def text(t, cm, tm, font, size):
        if t.strip():
            out.append(("/Artifact" in stack, t.strip()))

    reader.pages[index].extract_text(visitor_operand_before=before, visitor_text=text)
    return out


def test_the_letterhead_is_read_by_screen_readers():
    doc = sample_proposal()
    pieces = page_text_tagging(pdf_bytes(doc))
    tagged = [t for artifact, t in pieces if not artifact]
    lines = letterhead_lines(doc.meta.letterhead)
    # Every letterhead line is real, tagged text, and it comes first, before the title.
    assert tagged[: len(lines)] == lines
    artifacts = " ".join(t for artifact, t in pieces if artifact)
    for line in lines:
        assert line not in artifacts


def test_the_packets_letterhead_and_titles_are_tagged(example_files):
    pdfs = example_pdfs(example_files)
    for name in (n for n in pdfs if n.endswith("-handlingar.pdf")):
        tagged = [t for artifact, t in page_text_tagging(str(pdfs[name])) if not artifact]
        assert tagged[:2] == ["Socialförvaltningen", "Avdelningen för stadsövergripande sociala frågor"], tagged[:5]
        assert "Tjänsteutlåtande" in tagged[2:6], (name, tagged[:6])
        with pikepdf.open(pdfs[name]) as pdf:
            assert str(pdf.docinfo.Title).startswith("Handlingar: "), name
            kinds = struct_kinds(pdf.Root.StructTreeRoot)
            assert kinds.count("/H1") == 2, (name, kinds.count("/H1"))  # the proposal and Bilaga 1
            assert "/H2" in kinds and "/Table" in kinds and "/L" in kinds and "/Note" in kinds, name
