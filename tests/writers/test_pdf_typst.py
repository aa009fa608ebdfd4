"""The Typst PDF writer, checked by reading the PDF back with pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import typst

from drafter.model.nodes import FootnoteRef, OrderedList, Paragraph, Section, Text
from drafter.model.numbering import number_document
from drafter.model.text import document_text
from drafter.writers.pdf import pdf_bytes
from drafter.writers.pdf import typst_writer
from readback import body_text, norm, read, struct_kinds
from drafter.writers.letterhead import letterhead_lines
from sample_document import PROPOSAL_PARTY, sample_document, sample_proposal

MARKUP_PARTY = "#set page(width: 1cm) *bold* $x$ ] [ {{ 7*7 }} <b> _u_ @ref \\ & å"


def long_document(party: str = "Föreningen Ös & Co <\"Ära\"> 'AB'"):
    """The sample plus long sections with footnotes: several pages, footnotes on each."""
    doc = sample_document(party)
    filler = "Uppföljningen av verksamheten sker i samverkan mellan parterna. " * 22
    for i in range(5):
        doc.sections.insert(2, Section(
            heading=f"Samverkan, del {i + 1}",
            blocks=[
                Paragraph([Text(filler), FootnoteRef([Paragraph([Text(f"Fotnot om del {i + 1}.")])]),
                           Text(" Slut på stycket.")]),
                OrderedList([[Paragraph([Text("fjärde")])], [Paragraph([Text("femte")])]], start=4),
            ],
        ))
    number_document(doc)
    return doc


def expected_text(doc) -> str:
    return norm(document_text(doc))


@pytest.fixture(scope="module")
def sample_pdf():
    doc = sample_document()
    return doc, pdf_bytes(doc)


@pytest.fixture(scope="module")
def long_pdf():
    doc = long_document()
    return doc, pdf_bytes(doc)


def test_a4_pages(sample_pdf, long_pdf):
    for _, pdf in (sample_pdf, long_pdf):
        for page in read(pdf).pages:
            box = page.mediabox
            assert float(box.width) == pytest.approx(595.28, abs=0.5)
            assert float(box.height) == pytest.approx(841.89, abs=0.5)
    assert len(read(long_pdf[1]).pages) >= 3


@pytest.mark.parametrize("which", ["sample_pdf", "long_pdf"])
def test_text_matches_model(which, request):
    doc, pdf = request.getfixturevalue(which)
    assert body_text(doc, pdf) == expected_text(doc)


def test_headings_in_order_and_outline(long_pdf):
    doc, pdf = long_pdf
    headings = [f"{s.label} {s.heading}" for s in doc.walk_sections()]
    text = body_text(doc, pdf)
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)

    reader = read(pdf)

    def titles(outline):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    assert list(titles(reader.outline)) == headings


def test_table_total(sample_pdf):
    doc, pdf = sample_pdf
    assert "Summa 1\u00a0000\u00a0000 kr" in read(pdf).pages[0].extract_text()  # no-break spaces kept


def test_footnote_numbers_agree_with_typst():
    doc = long_document()
    found = typst.query(
        typst_writer.document_files(doc), "<drafter-footnote>", field="value", format="json",
        root=typst_writer.TEMPLATE.parent, font_paths=[typst_writer.FONTS], ignore_system_fonts=True,
    )
    import json

    pairs = json.loads(found)
    assert [p["model"] for p in pairs] == list(range(1, 7))
    assert all(p["model"] == p["typst"] for p in pairs)


def test_catalog_tags_and_language(sample_pdf):
    _, pdf = sample_pdf
    root = read(pdf).trailer["/Root"]
    assert root["/Lang"] == "sv-SE"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712


def test_metadata_and_pdfa_xmp(sample_pdf):
    doc, pdf = sample_pdf
    reader = read(pdf)
    info = reader.metadata
    assert info.title == doc.meta.title
    assert info.author == "Socialförvaltningen"
    assert info["/CreationDate"].startswith("D:20260615")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    assert "<rdf:li>sv-SE</rdf:li>" in xmp


def test_fonts_embedded_liberation_only(long_pdf):
    _, pdf = long_pdf
    seen = set()
    for page in read(pdf).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
            seen.add(str(target["/BaseFont"]).split("+")[-1])
    assert seen and all(name.startswith("/Liberation") or name.startswith("Liberation") for name in seen), seen


def test_special_characters_literal(sample_pdf):
    doc, pdf = sample_pdf
    text = norm(" ".join(p.extract_text() for p in read(pdf).pages))
    assert "Föreningen Ös & Co <\"Ära\"> 'AB'" in text
    assert "Namnförtydligande, ordförande" in text


def test_typst_markup_in_data_prints_literally():
    plain = pdf_bytes(long_document())
    doc = long_document(MARKUP_PARTY)
    pdf = pdf_bytes(doc)
    assert body_text(doc, pdf) == expected_text(doc)
    reader = read(pdf)
    assert MARKUP_PARTY in norm(reader.pages[0].extract_text())
    assert "49" not in body_text(doc, pdf)
    assert len(reader.pages) == len(read(plain).pages)
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.5)


def test_reproducible(sample_pdf, monkeypatch):
    doc, pdf = sample_pdf
    assert pdf_bytes(sample_document()) == pdf
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert pdf_bytes(sample_document()) == pdf  # the document date wins


def test_source_date_epoch_without_document_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    doc = sample_document()
    doc.meta.date = None
    first = pdf_bytes(doc)
    assert pdf_bytes(doc) == first
    assert read(first).metadata["/CreationDate"].startswith("D:20231114")


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_check(long_pdf, tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(long_pdf[1])
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- the committee proposal (tjänsteutlåtande) ------------------------------------


@pytest.fixture(scope="module")
def proposal_pdf():
    doc = sample_proposal()
    return doc, pdf_bytes(doc)


def page_texts(pdf) -> list[str]:
    return [norm(page.extract_text()) for page in read(pdf).pages]


def test_proposal_text_matches_model(proposal_pdf):
    doc, pdf = proposal_pdf
    assert len(read(pdf).pages) >= 2
    assert body_text(doc, pdf) == expected_text(doc)


def test_letterhead_on_page_one_only(proposal_pdf):
    doc, pdf = proposal_pdf
    first, second, *_ = page_texts(pdf)
    lines = letterhead_lines(doc.meta.letterhead)
    assert lines == ["Socialförvaltningen", "Avdelningen för stadsövergripande sociala frågor", "Tjänsteutlåtande",
                     "Dnr SoF 2023/123", "2023-08-29", "Handläggare: Anna Andersson & <Co>",
                     "Telefon: 08-508 25 000", "Till Socialnämnden"]
    # Page 1 opens with the head, then the title; the head is body text (tagged, read by screen readers).
    assert first.startswith(norm(" ".join(lines)) + " " + norm(doc.meta.title))
    for line in ("Socialförvaltningen", "Tjänsteutlåtande", "Handläggare", "Telefon", "Till Socialnämnden"):
        assert line not in second, line
    # The running header stays on one line: a title too long for it is cut at a word, with "…".
    assert second.startswith("Förslag om idéburet offentligt partnerskap med Föreningen Ös & Co … Dnr SoF 2023/123 ")
    assert "Sida 1 av" in first and "Sida 2 av" in second


def test_body_text_strips_the_letterhead_only_when_there_is_one(proposal_pdf):
    _, pdf = proposal_pdf
    doc = sample_proposal()
    doc.meta.letterhead = None
    with pytest.raises(AssertionError):
        body_text(doc, pdf)


def test_letterhead_sits_above_the_title(proposal_pdf):
    doc, pdf = proposal_pdf
    page = read(pdf).pages[0]
    heights = {}

    def visitor(text, cm, tm, font, size):
        y = (tm[5] * cm[3] + cm[5]) if tm else None
        for key in ("Till Socialnämnden", "Förslag om idéburet", "Tjänsteutlåtande"):
            if key in text and key not in heights:
                heights[key] = y

    page.extract_text(visitor_text=visitor)
    assert heights["Tjänsteutlåtande"] > heights["Till Socialnämnden"] > heights["Förslag om idéburet"]


def test_subtitle_after_title_and_unnumbered_headings(proposal_pdf):
    doc, pdf = proposal_pdf
    text = body_text(doc, pdf)
    assert text.startswith(norm(f"{doc.meta.title} {doc.meta.subtitle} Förvaltningens förslag till beslut"))

    def titles(outline):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    # Bookmarks are the headings: no label, no leading space, none for the headless section.
    assert list(titles(read(pdf).outline)) == [
        "Förvaltningens förslag till beslut", "Sammanfattning", "Bakgrund", "Ärendet",
        "Förvaltningens synpunkter", "Bilagor",
    ]


def test_officials_in_order_right_after_the_proposal(proposal_pdf):
    doc, pdf = proposal_pdf
    text = body_text(doc, pdf)
    assert ("3. omedelbart justera beslutet. Veronica Carstorp Wolgast Socialdirektör Anna Andersson "
            "Avdelningschef Enhetschef Sammanfattning") in text
    assert "_" not in text


def test_proposal_lists_footnote_and_special_characters(proposal_pdf):
    doc, pdf = proposal_pdf
    text = body_text(doc, pdf)  # also checks the footnote entry is printed on its page
    assert "7. Princip nummer 7 för samverkan 8. Princip nummer 8 för samverkan" in text
    assert text.endswith(f"Bilagor 1. Överenskommelse om IOP med {PROPOSAL_PARTY} 2. Budget för 2024")
    assert "hemlöshet1. Förvaltningen" in text
    assert PROPOSAL_PARTY in page_texts(pdf)[0]


def test_markup_in_letterhead_prints_literally():
    doc = sample_proposal(MARKUP_PARTY)
    doc.meta.letterhead.sender.append(MARKUP_PARTY)
    doc.meta.letterhead.recipient = f"Till {MARKUP_PARTY}"
    pdf = pdf_bytes(doc)
    assert body_text(doc, pdf) == expected_text(doc)
    assert f"Till {MARKUP_PARTY}" in page_texts(pdf)[0]
    assert all(float(p.mediabox.width) == pytest.approx(595.28, abs=0.5) for p in read(pdf).pages)


def test_proposal_reproducible(proposal_pdf, monkeypatch):
    doc, pdf = proposal_pdf
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert pdf_bytes(sample_proposal()) == pdf


def test_a_word_longer_than_its_cell_wraps_inside_it():
    from drafter.model.nodes import Table as TableNode

    doc = sample_document()
    word = "Sammanträdesersättningsberäkningsunderlagsdokumentationsmaterialet" * 2
    table = next(b for s in doc.walk_sections() for b in s.blocks if isinstance(b, TableNode))
    table.rows[0][0] = [Text(word)]
    page = read(pdf_bytes(doc)).pages[0]
    lines = [line.replace("\u200b", "") for line in page.extract_text().splitlines()]
    first = next(i for i, line in enumerate(lines) if line.startswith("Sammanträdes"))
    head = lines[first].split(" ")[0]
    assert len(head) < len(word) and (head + lines[first + 1]).startswith(word[:len(head) + 10]), lines
    assert "878\u00a0000" in lines[first - 1:first + 3]  # the amount stands clear, on its own


def test_a_table_caption_is_tagged_as_the_tables_caption():
    import pikepdf
    import io as _io

    from drafter.model.nodes import Table as TableNode

    doc = sample_document()
    table = next(b for s in doc.walk_sections() for b in s.blocks if isinstance(b, TableNode))
    table.caption = "Budget för 2026"
    with pikepdf.open(_io.BytesIO(pdf_bytes(doc))) as pdf:
        kinds = struct_kinds(pdf.Root.StructTreeRoot.K)
    assert kinds[kinds.index("/Table") + 1] == "/Caption"
    assert "Budget för 2026" in read(pdf_bytes(doc)).pages[0].extract_text()


def test_a_web_address_in_a_footnote_is_a_link():
    doc = sample_document()
    note = next(i for s in doc.walk_sections() for b in s.blocks for i in getattr(b, "inlines", [])
                if isinstance(i, FootnoteRef))
    note.blocks = [Paragraph([Text("Se https://start.stockholm/om-stockholms-stad/ för mer.")])]
    reader = read(pdf_bytes(doc))
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])
            if a.get_object().get("/A", {}).get("/URI")]
    assert uris == ["https://start.stockholm/om-stockholms-stad/"]
