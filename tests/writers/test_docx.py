"""The DOCX writer, checked by opening the bytes again with python-docx (and once with LibreOffice)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile

import docx
import docx.table
import docx.text.paragraph
import pypdf
import pytest
from docx.oxml.ns import qn

from drafter.model.nodes import (
    BulletList, Emph, FootnoteRef, LineBreak, OrderedList, Paragraph, Section, Signatory, Strong, Table, Text,
)
from drafter.house_style import running_title
from drafter.model.numbering import number_document
from drafter.model.text import document_text
from drafter.writers.docx import docx_bytes, house, make_template
from drafter.writers.pdf.libreoffice import convert, find_soffice
from drafter.writers.letterhead import letterhead_lines
from readback import ListLabels, after_letterhead, docx_body_text, docx_list_items, letterhead_texts
from sample_document import sample_document, sample_proposal

PARTY = "Föreningen Ös & Co <\"Ära\"> 'AB'"
TOTAL = "1\u00a0000\u00a0000 kr"


def rich_document():
    """The sample plus a preamble, nested lists, line breaks, two adjacent tables, more footnotes,
    an unnumbered section and a third signatory."""
    doc = sample_document()
    doc.preamble = [Paragraph([Text("Parterna har kommit överens om följande."), LineBreak(), Text("Rad två.")])]
    doc.sections.insert(2, Section(heading="Samverkan", blocks=[
        Paragraph([Text("Text " * 120), FootnoteRef([Paragraph([Text("Andra fotnoten.")])]), Text(" slut.")]),
        BulletList([
            [Paragraph([Text("en "), Emph([Text("kursiv "), Strong([Text("och fet")])])])],
            [Paragraph([Text("två")]), BulletList([[Paragraph([Text("två a")])], [Paragraph([Text("två b")])]]),
             Paragraph([Text("fortsättning av två")])],
        ]),
        OrderedList([[Paragraph([Text("fjärde")])], [OrderedList([[Paragraph([Text("inre")])]])]], start=4),
        Table(header=[[Text("A")], [Text("B")]], rows=[[[Text("1")], [Text("2")]]]),
        Table(header=[[Text("C")], [Text("D"), FootnoteRef([Paragraph([Text("Fotnot i tabell.")])])]],
              rows=[[[Text(f"rad {i}")], [Text(f"{i}\u00a0000")]] for i in range(25)],
              total=[[Text("Summa")], [Text("300\u00a0000 kr")]], align=["left", "right"]),
    ], sections=[Section(heading="Bilaga utan nummer", numbered=False,
                         sections=[Section(heading="Djup", sections=[Section(heading="Djupare")])])]))
    doc.sections[-1].blocks[-1].signatories.append(Signatory("För nätverket", "Anna Andersson", None, "Göteborg den"))
    number_document(doc)
    return doc


@pytest.fixture(scope="module")
def sample_bytes() -> bytes:
    with pytest.MonkeyPatch.context() as mp:  # timestamps from the model's date, whatever the shell says
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        return docx_bytes(sample_document())


@pytest.fixture(scope="module")
def opened(sample_bytes):
    return docx.Document(io.BytesIO(sample_bytes))


def norm(text: str) -> str:
    """Collapse whitespace (tabs, line breaks, no-break spaces) to single spaces."""
    return re.sub(r"\s+", " ", text).strip()


# --- a small reader: the body's visible text, in order ----------------------------


def element_text(element) -> str:
    """Text of runs under `element`: w:t, tabs, breaks, and footnote marks as their number."""
    out = []
    for node in element.iter():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab") and node.getparent().tag == qn("w:r"):
            out.append("\t")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            out.append("\n")
        elif node.tag == qn("w:footnoteReference"):
            out.append(node.get(qn("w:id")))
    return "".join(out)


def paragraph_text(p, labels: ListLabels) -> str:
    """The paragraph as Word shows it: a numbered item with its number ("4. "); bullets are no text
    in the model (text.py), so their dash is left out."""
    return labels.label(p) + element_text(p)


def block_texts(container, labels: ListLabels) -> list[str]:
    lines = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(paragraph_text(child, labels))
        elif child.tag == qn("w:tbl"):
            for tr in child.iterchildren(qn("w:tr")):
                lines.append(" ".join(" ".join(block_texts(tc, labels)) for tc in tr.iterchildren(qn("w:tc"))))
    return lines


def body_text(document) -> str:
    """From the title on: the letterhead before it is checked on its own (letterhead_texts)."""
    body = docx.oxml.parse_xml(document.element.body.xml)
    for child in list(body)[: len(list(body)) - len(after_letterhead(body))]:
        body.remove(child)
    return "\n".join(block_texts(body, ListLabels(document)))


def part_xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


# --- tests ----------------------------------------------------------------------


def test_body_text_equals_model_text(opened):
    assert norm(body_text(opened)) == norm(document_text(sample_document()))


def test_rich_document_text_equals_model_text():
    doc = rich_document()
    opened = docx.Document(io.BytesIO(docx_bytes(doc)))
    assert norm(body_text(opened)) == norm(document_text(doc))
    footnotes = part_xml(docx_bytes(doc), "word/footnotes.xml")
    assert [int(n) for n in re.findall(r'<w:footnote w:id="(\d+)"', footnotes)] == [1, 2, 3]
    assert "Fotnot i tabell." in footnotes


def test_title_and_numbered_headings_in_order(opened):
    styled = [(p.style.name, p.text) for p in opened.paragraphs
              if p.style.name == "Title" or p.style.name.startswith("Heading")]
    assert styled == [
        ("Title", f"Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Socialförvaltningen och {PARTY}"),
        ("Heading 1", "1. Bakgrund"),
        ("Heading 2", "1.1 Förnyad överenskommelse"),
        ("Heading 1", "2. Villkor"),
        ("Heading 2", "2.1 Ekonomisk ersättning"),
        ("Heading 2", "2.2 Återkrav"),
        ("Heading 1", "3. Signering av överenskommelsen"),
    ]
    # Word's own heading styles, so the navigation pane and a table of contents work.
    assert opened.styles["Heading 1"].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val")) == "0"


def test_deep_sections_use_heading_3():
    doc = sample_document()
    deep = Section(heading="Djup", sections=[Section(heading="Djupare")])
    doc.sections[1].sections[0].sections.append(deep)
    number_document(doc)
    opened = docx.Document(io.BytesIO(docx_bytes(doc)))
    styles = {p.text: p.style.name for p in opened.paragraphs}
    assert styles["2.1.1 Djup"] == "Heading 3"
    assert styles["2.1.1.1 Djupare"] == "Heading 3"


def test_budget_table_with_bold_header_and_total(opened):
    assert len(opened.tables) == 2  # the budget and the signature layout
    table = opened.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Beskrivning av resurs", "Kostnad (kronor)"],
        ["Personal", "878\u00a0000"],
        ["Aktiviteter", "122\u00a0000"],
        ["Summa", TOTAL],
    ]
    header, total = table.rows[0], table.rows[-1]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    for row in (header, total):
        assert all(run.bold for cell in row.cells for run in cell.paragraphs[0].runs)
    assert not any(run.bold for run in table.rows[1].cells[0].paragraphs[0].runs)
    amounts = [row.cells[1].paragraphs[0].alignment for row in table.rows]
    assert all(a == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT for a in amounts)
    assert table.rows[1].cells[0].paragraphs[0].alignment is None  # left, the default
    assert table._tbl.tblPr.style == house.TABLE_STYLE


def test_page_is_a4_with_house_margins(opened):
    section = opened.sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    for margin in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin):
        assert margin.cm == pytest.approx(2.5, abs=0.05)


def test_swedish_language_in_styles_and_settings(sample_bytes):
    styles = part_xml(sample_bytes, "word/styles.xml")
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S).group(0)
    assert 'w:lang w:val="sv-SE"' in defaults
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S).group(0)
    assert 'w:val="sv-SE"' in normal
    settings = part_xml(sample_bytes, "word/settings.xml")
    assert re.search(r'<w:themeFontLang w:val="sv-SE"/>', settings)


def test_fonts_of_the_house_style(opened):
    normal = opened.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 12)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        assert opened.styles[name].font.name == "Arial"
        assert opened.styles[name].font.bold


def test_real_footnote(sample_bytes):
    footnotes = part_xml(sample_bytes, "word/footnotes.xml")
    assert 'w:type="separator" w:id="-1"' in footnotes
    assert 'w:type="continuationSeparator" w:id="0"' in footnotes
    note = re.search(r'<w:footnote w:id="1">.*?</w:footnote>', footnotes, re.S).group(0)
    assert "En fotnot om Bostad Först." in note
    assert "<w:footnoteRef/>" in note and 'w:val="FootnoteText"' in note
    body = part_xml(sample_bytes, "word/document.xml")
    ref = re.search(r'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    r'<w:footnoteReference w:id="1"/></w:r>', body)
    assert ref is not None
    assert "footnotes+xml" in part_xml(sample_bytes, "[Content_Types].xml")
    assert "relationships/footnotes" in part_xml(sample_bytes, "word/_rels/document.xml.rels")
    # the mark sits right after "text" in the body text
    assert "kursiv text1. Se punkt 2.2." in norm(body_text(docx.Document(io.BytesIO(sample_bytes))))


def test_no_footnotes_part_without_footnotes():
    doc = sample_document()
    doc.sections[0].blocks[0] = Paragraph([Text("Utan fotnot.")])
    number_document(doc)
    with zipfile.ZipFile(io.BytesIO(docx_bytes(doc))) as z:
        assert "word/footnotes.xml" not in z.namelist()


def test_core_properties(opened):
    props = opened.core_properties
    assert props.title.endswith(PARTY)
    assert props.subject == "Öppen verksamhet"
    assert props.author == props.last_modified_by == "Socialförvaltningen"
    assert props.keywords == "IOP, överenskommelse"
    assert props.language == "sv-SE"
    assert props.revision == 1
    assert props.created == props.modified == dt.datetime(2026, 6, 15, tzinfo=dt.timezone.utc)


def test_source_date_epoch_sets_the_timestamps_of_an_undated_document(monkeypatch):
    """The time policy (drafter/timestamps.py, issue 21): the spec's date wins in every format, so
    SOURCE_DATE_EPOCH only dates a document without one (it used to override the date in DOCX only)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    undated = sample_document()
    undated.meta.date = None
    data = docx_bytes(undated)
    assert docx.Document(io.BytesIO(data)).core_properties.created == dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {info.date_time for info in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    dated = docx.Document(io.BytesIO(docx_bytes(sample_document()))).core_properties.created
    assert dated == dt.datetime(2026, 6, 15, tzinfo=dt.timezone.utc)


def test_special_characters_appear_literally_in_body_and_header():
    doc = sample_document()
    doc.meta.title = f"Avtal med {PARTY}"  # short enough for the running header in full
    data = docx_bytes(doc)
    opened = docx.Document(io.BytesIO(data))
    assert PARTY in body_text(opened)
    header = opened.sections[0].header
    header_text = " ".join(cell.text for table in header.tables for cell in table.rows[0].cells)
    assert PARTY in header_text
    assert "Dnr SoN 2026/123" in header_text
    assert "{{" not in header_text and "{%" not in header_text
    assert "&amp;" in part_xml(data, "word/header1.xml")  # escaped once, shown as "&"


def test_running_header_title_stays_on_one_line(opened):
    """A title too long for the header's cell is cut at a word, with "…" (the PDF measures the same way)."""
    header = opened.sections[0].header
    title = header.tables[0].rows[0].cells[0].text
    full = sample_document().meta.title
    assert title.endswith(" …") and full.startswith(title[:-2]) and len(title) <= 76


def test_header_without_diarienummer_has_no_dnr():
    doc = sample_document()
    doc.meta.diarienummer = None
    header = docx.Document(io.BytesIO(docx_bytes(doc))).sections[0].header
    text = " ".join(cell.text for table in header.tables for cell in table.rows[0].cells)
    assert "Dnr" not in text and "None" not in text


def test_footer_has_page_fields(sample_bytes, opened):
    footer = opened.sections[0].footer
    xml = footer._element.xml
    assert "Sida" in footer.paragraphs[0].text and " av " in footer.paragraphs[0].text
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", xml)


def test_lists_are_word_lists_each_starting_where_the_model_says():
    doc = rich_document()
    doc.sections[0].blocks.append(OrderedList([[Paragraph([Text("fjärde")])], [Paragraph([Text("femte")])]], start=4))
    number_document(doc)
    data = docx_bytes(doc)
    numbering = part_xml(data, "word/numbering.xml")
    assert numbering.count("<w:abstractNum ") == 2 and 'w:numFmt w:val="bullet"' in numbering
    document = part_xml(data, "word/document.xml")
    assert "<w:numPr>" in document and f"{house.BULLET}\t" not in document and "1.\t" not in document
    items = docx_list_items(data)
    assert (0, "4.", "fjärde") in items and (0, "5.", "femte") in items
    assert (0, "1.", "Bostad är en mänsklig rättighet") in items
    assert (0, "", "första punkten") in items  # a bullet: the dash comes from the numbering
    assert any(level == 1 for level, _, _ in items), items  # a nested list is a level down
    # Every list is its own w:num, so each starts over (or at its start) in Word and LibreOffice alike.
    lists = sum(isinstance(b, (BulletList, OrderedList)) for s in doc.walk_sections() for b in s.blocks)
    assert numbering.count("<w:num ") >= lists
    assert '<w:startOverride w:val="4"/>' in numbering


def test_signature_lines_are_borders_not_underscores(opened, sample_bytes):
    sign = opened.tables[1]
    cells = [[p.text.rstrip() for p in cell.paragraphs] for cell in sign.rows[0].cells]
    assert cells[0] == ["För socialnämnden i Stockholms stad", "", "Veronica Carstorp Wolgast, socialdirektör",
                        "Stockholm den"]
    # A name left open: a second line to write it on, captioned below.
    assert cells[1] == [f"För {PARTY}", "", "", "Namnförtydligande, ordförande", "Stockholm den"]
    for cell, lines in ((sign.rows[0].cells[0], [1, 3]), (sign.rows[0].cells[1], [1, 2, 4])):
        for i in lines:  # the lines to sign on, to write a name on, and for the date: borders
            line = cell.paragraphs[i]._p
            assert line.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    # Two rules in a row differ, or Word and LibreOffice would draw them as one.
    borders = [p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") for p in sign.rows[0].cells[1].paragraphs[1:3]]
    assert borders[0].get(qn("w:color")) != borders[1].get(qn("w:color"))
    assert "_" not in body_text(opened)
    assert sign.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert sign.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_same_model_same_bytes(sample_bytes, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = docx_bytes(sample_document())
    assert again == sample_bytes
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as z:
        assert {info.date_time for info in z.infolist()} == {(2026, 6, 15, 0, 0, 0)}
        assert not [n for n in z.namelist() if "thumbnail" in n or "customXml" in n]


def test_same_bytes_in_another_process(sample_bytes):
    """No dependence on hash seeds, object ids or the clock: a fresh interpreter agrees."""
    code = ("import sys, hashlib; sys.path.insert(0, sys.argv[1]);"
            "from sample_document import sample_document; from drafter.writers.docx import docx_bytes;"
            "print(hashlib.sha256(docx_bytes(sample_document())).hexdigest())")
    tests_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    env.pop("SOURCE_DATE_EPOCH", None)
    out = subprocess.run([sys.executable, "-c", code, tests_dir], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == hashlib.sha256(sample_bytes).hexdigest()


def test_committed_template_is_current():
    assert make_template.TEMPLATE.read_bytes() == make_template.build(), (
        "template.docx är inaktuell: kör python -m drafter.writers.docx.make_template")


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) finns inte")
def test_libreoffice_opens_the_docx(tmp_path, sample_bytes):
    path = tmp_path / "overenskommelse.docx"
    path.write_bytes(sample_bytes)
    [pdf] = convert([path], tmp_path / "pdf")
    reader = pypdf.PdfReader(pdf)
    text = norm("\n".join(page.extract_text() for page in reader.pages))
    for heading in ("1. Bakgrund", "1.1 Förnyad överenskommelse", "2.1 Ekonomisk ersättning",
                    "3. Signering av överenskommelsen"):
        assert heading in text
    assert norm(TOTAL) in text
    assert PARTY in text
    assert "Sida 1 av 2" in text and "Sida 2 av 2" in text  # the signatures keep with the text above them
    assert "Dnr SoN 2026/123" in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


def test_signing_section_keeps_its_text_with_the_signatures(opened):
    paragraphs = opened.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "3. Signering av överenskommelsen")
    signing = [p for p in paragraphs[start:] if p._p.getparent().tag == qn("w:body")]
    assert signing and all(p.paragraph_format.keep_with_next for p in signing)
    earlier = next(p for p in paragraphs if p.text == "Underpunkt.")
    assert not earlier.paragraph_format.keep_with_next


# --- the committee proposal (tjänsteutlåtande) ------------------------------------


@pytest.fixture(scope="module")
def proposal_bytes() -> bytes:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        return docx_bytes(sample_proposal())


@pytest.fixture(scope="module")
def proposal(proposal_bytes):
    return docx.Document(io.BytesIO(proposal_bytes))


def header_lines(part) -> list[str]:
    """Paragraph texts of a header or footer, table cells included, in reading order."""
    return [element_text(p) for p in part._element.iter(qn("w:p")) if element_text(p)]


def test_proposal_body_text_equals_model_text(proposal, proposal_bytes):
    doc = sample_proposal()
    assert norm(body_text(proposal)) == norm(document_text(doc))
    assert docx_body_text(proposal_bytes) == norm(document_text(doc))  # the reader test_build uses


def test_letterhead_is_body_text_before_the_title(proposal, proposal_bytes):
    doc = sample_proposal()
    section = proposal.sections[0]
    body = proposal.element.body
    # Real body text (screen readers and LibreOffice's tagged PDF read it), before the title.
    assert letterhead_texts(body) == letterhead_lines(doc.meta.letterhead) == [
        "Socialförvaltningen", "Avdelningen för stadsövergripande sociala frågor", "Tjänsteutlåtande",
        "Dnr SoF 2023/123", "2023-08-29", "Handläggare: Anna Andersson & <Co>", "Telefon: 08-508 25 000",
        "Till Socialnämnden",
    ]
    # A one-point paragraph, then the head's table (LibreOffice adds a paragraph of its own before a
    # table that opens the body), then the title.
    assert body[0].tag == qn("w:p") and not element_text(body[0]) and body[1].tag == qn("w:tbl")
    assert proposal.paragraphs[2].style.style_id == house.TITLE
    # Sender's office and recipient in bold, the document type large and bold.
    runs = {r.text: r for p in body[1].iter(qn("w:p")) for r in docx.text.paragraph.Paragraph(p, None).runs}
    assert runs["Socialförvaltningen"].bold and not runs["Avdelningen för stadsövergripande sociala frågor"].bold
    assert runs["Till Socialnämnden"].bold
    assert runs["Tjänsteutlåtande"].bold and runs["Tjänsteutlåtande"].font.size.pt == 14
    # Page 1's header holds no title and no Dnr (the head has it); later pages the running header.
    assert section.different_first_page_header_footer  # w:titlePg
    assert header_lines(section.first_page_header) == []
    running = " ".join(header_lines(section.header))
    assert running_title(doc.meta.title) in running and "Dnr SoF 2023/123" in running
    assert "Tjänsteutlåtande" not in running
    for footer in (section.footer, section.first_page_footer):
        assert re.search(r"> PAGE <", footer._element.xml) and re.search(r"> NUMPAGES <", footer._element.xml)
    # Escaped once in the part (shown as "&" and "<").
    assert "Anna Andersson &amp; &lt;Co&gt;" in part_xml(proposal_bytes, "word/document.xml")


def test_agreement_first_page_header_has_the_dnr_but_no_title(opened, sample_bytes):
    section = opened.sections[0]
    assert section.different_first_page_header_footer
    assert header_lines(section.first_page_header) == ["Dnr SoN 2026/123"]
    assert header_lines(section.header)[0] == running_title(sample_document().meta.title)
    assert opened.element.body[0].tag == qn("w:p")  # no letterhead without a house style
    assert house.SUBTITLE not in [p.style.style_id for p in opened.paragraphs]


def test_subtitle_follows_the_title(proposal):
    doc = sample_proposal()
    from_title = after_letterhead(proposal.element.body)
    first, second, third = [p for p in proposal.paragraphs if p._p in from_title][:3]
    assert (first.style.style_id, first.text) == (house.TITLE, doc.meta.title)
    assert (second.style.style_id, second.text) == (house.SUBTITLE, doc.meta.subtitle)
    assert third.text == "Förvaltningens förslag till beslut"
    style = proposal.styles["Subtitle"].font
    assert not style.bold and style.name == "Arial"
    assert style.size < proposal.styles["Title"].font.size
    assert not any(r.bold for r in second.runs)


def test_unnumbered_headings_and_no_empty_heading(proposal):
    headings = [(p.style.style_id, p.text) for p in proposal.paragraphs if p.style.style_id.startswith("Heading")]
    assert headings == [
        ("Heading1", "Förvaltningens förslag till beslut"), ("Heading1", "Sammanfattning"),
        ("Heading1", "Bakgrund"), ("Heading1", "Ärendet"), ("Heading2", "Förvaltningens synpunkter"),
        ("Heading1", "Bilagor"),
    ]


def test_officials_two_by_two_after_the_proposal(proposal, proposal_bytes):
    body = after_letterhead(proposal.element.body)
    [tbl] = [e for e in body if e.tag == qn("w:tbl")]
    before = body[body.index(tbl) - 1]
    assert element_text(before) == "omedelbart justera beslutet."  # right after the decision points
    assert docx_list_items(proposal_bytes)[2] == (0, "3.", "omedelbart justera beslutet.")
    table = docx.table.Table(tbl, proposal._body)
    cells = [[[p.text for p in cell.paragraphs] for cell in row.cells] for row in table.rows]
    assert cells == [[["Veronica Carstorp Wolgast", "Socialdirektör"], ["Anna Andersson", "Avdelningschef"]],
                     [["Enhetschef"], [""]]]
    assert f"{qn('w:pBdr')}" not in tbl.xml and "_" not in element_text(tbl)  # no lines to sign on
    borders = tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    air = table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before
    assert air.pt >= 24  # two to three lines above


def test_proposal_lists_and_footnote(proposal, proposal_bytes):
    items = [(label, text) for _, label, text in docx_list_items(proposal_bytes)]
    assert [i for i in items if i[0] in ("7.", "8.")] == [("7.", "Princip nummer 7 för samverkan"),
                                                          ("8.", "Princip nummer 8 för samverkan")]
    texts = [p.text for p in proposal.paragraphs]
    start = texts.index("Bilagor")
    assert texts[start + 1:start + 3] == [f"Överenskommelse om IOP med {PARTY}", "Budget för 2024"]
    assert ("1.", f"Överenskommelse om IOP med {PARTY}") in items and ("2.", "Budget för 2024") in items
    assert "Enligt socialnämndens definition av hemlöshet." in part_xml(proposal_bytes, "word/footnotes.xml")


def test_proposal_special_characters_literal(proposal, proposal_bytes):
    assert PARTY in body_text(proposal)
    assert proposal.core_properties.title.endswith(PARTY)
    running = " ".join(header_lines(proposal.sections[0].header))
    assert running.startswith("Förslag om idéburet offentligt partnerskap med Föreningen Ös & Co …")
    assert "{{" not in running


def test_proposal_same_bytes(proposal_bytes, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert docx_bytes(sample_proposal()) == proposal_bytes
    with zipfile.ZipFile(io.BytesIO(proposal_bytes)) as z:
        assert {info.date_time for info in z.infolist()} == {(2023, 8, 29, 0, 0, 0)}


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) finns inte")
def test_libreoffice_opens_the_proposal(tmp_path, proposal_bytes):
    path = tmp_path / "tjansteutlatande.docx"
    path.write_bytes(proposal_bytes)
    [pdf] = convert([path], tmp_path / "pdf")
    pages = [norm(page.extract_text()) for page in pypdf.PdfReader(pdf).pages]
    assert len(pages) >= 2
    for line in ("Socialförvaltningen", "Tjänsteutlåtande", "Dnr SoF 2023/123", "Handläggare: Anna Andersson & <Co>",
                 "Till Socialnämnden", "Veronica Carstorp Wolgast Socialdirektör", "Sida 1 av"):
        assert line in pages[0], line
    assert pages[0].index("Till Socialnämnden") < pages[0].index("Förvaltningens förslag till beslut")
    for line in ("Tjänsteutlåtande", "Handläggare", "Till Socialnämnden"):
        assert line not in pages[1], line
    assert "Dnr SoF 2023/123" in pages[1] and "Sida 2 av" in pages[1]


def test_tables_have_fixed_widths_and_a_summary_for_screen_readers():
    doc = sample_document()
    table = next(b for s in doc.walk_sections() for b in s.blocks if isinstance(b, Table))
    table.caption, table.summary = "Budget", "Kostnad per resurs i kronor och summan."
    document = part_xml(docx_bytes(doc), "word/document.xml")
    assert '<w:tblLayout w:type="fixed"/>' in document  # a long word wraps inside its cell
    assert '<w:tblCaption w:val="Budget"/>' in document
    assert '<w:tblDescription w:val="Kostnad per resurs i kronor och summan."/>' in document


def test_lead_ins_and_the_text_before_the_signatures_keep_with_next():
    from drafter.model.keep import mark_keep_together

    doc = sample_document()
    mark_keep_together(doc)
    opened = docx.Document(io.BytesIO(docx_bytes(doc)))
    lead_in = next(p for p in opened.paragraphs if p.text == "Ersättning under 12 månader:")
    assert lead_in.paragraph_format.keep_with_next
    before_signing = next(p for p in opened.paragraphs if p.text.startswith("Vid hävning"))
    assert before_signing.paragraph_format.keep_with_next
