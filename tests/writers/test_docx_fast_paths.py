"""The DOCX writer's fast paths make exactly the XML of the slow ones they replace: the template
copied per document against docxtpl's rendering, runs written at once against python-docx's
add_run, and story marks kept in a list against a search of the element."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

from drafter.model.nodes import Metadata
from drafter.writers.docx import house, writer
from drafter.writers.docx.story import FastParagraph, Story

EPOCH = (1980, 1, 1, 0, 0, 0)


def _docxtpl_bytes(meta: Metadata) -> bytes:
    return writer.save(writer._render(writer.TEMPLATE, {"title": meta.title,
                                                        "diarienummer": meta.diarienummer or ""}), EPOCH)


def test_copied_template_is_byte_for_byte_docxtpls_rendering():
    for meta in [
        Metadata(title="Överenskommelse om idéburet offentligt partnerskap", diarienummer="SOF 2026/123"),
        Metadata(title="Ös & Co <\"Ära\"> 'AB' {{ inte jinja }}", diarienummer=None),  # escaped, no Dnr line
        Metadata(title="  luft runt  ", diarienummer="  Dnr  "),
        Metadata(title="Två\trader\nmed tabb", diarienummer="1"),  # docxtpl's own path: w:tab, w:br
    ]:
        assert writer.save(writer.open_template(meta), EPOCH) == _docxtpl_bytes(meta), meta.title


def test_each_document_gets_its_own_copy():
    first = writer.open_template(Metadata(title="Första", diarienummer="1"))
    second = writer.open_template(Metadata(title="Andra", diarienummer="2"))

    def header(document) -> str:
        with zipfile.ZipFile(io.BytesIO(writer.save(document, EPOCH))) as zf:
            return zf.read("word/header1.xml").decode("utf-8")

    assert "Första" in header(first) and "Andra" not in header(first)
    assert "Andra" in header(second) and "Dnr 2" in header(second)


def test_fast_runs_are_python_docx_runs():
    texts = ["vanlig text", " luft före", "luft efter ", "a\tb", "rad\nny rad", "cr\rlf", "\t", "\n\n", "x\t\ty",
             "ä & <b>"]
    fast = docx.Document()
    slow = docx.Document()
    for text in texts:
        FastParagraph(fast.add_paragraph()._p, fast._body).add_run(text)
        slow.add_paragraph().add_run(text)
    assert etree.tostring(fast.element.body) == etree.tostring(slow.element.body)


def test_marks_count_what_the_story_wrote_and_cells_reuse_their_paragraph():
    document = docx.Document()
    body = Story(document.element.body, document._body, house.TEXT_WIDTH)
    body.paragraph(house.TITLE)
    start = body.mark()
    body.paragraph()
    table = body.table(1, 1)
    body.paragraph()
    written = body.since(start)
    assert [e.tag for e in written] == [qn("w:p"), qn("w:tbl"), qn("w:p")]
    assert written == [e for e in document.element.body if e.tag in (qn("w:p"), qn("w:tbl"))][1:]

    cell = table.rows[0].cells[0]
    story = Story(cell._tc, cell, 1000)
    mark = story.mark()  # the cell's own empty paragraph
    story.table(1, 1)  # goes before it
    story.paragraph()  # reuses it
    blocks = [e for e in cell._tc if e.tag in (qn("w:p"), qn("w:tbl"))]
    assert story.since(0) == blocks and len(blocks) == 2 and mark == 1


def test_paragraph_properties_written_directly_are_python_docxs():
    """keep_next, style_of, paragraph_property and the bold/italic run make what python-docx's setters make,
    on paragraphs with and without properties already, in any order of setting."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Twips

    from drafter.writers.docx.inlines import _run
    from drafter.writers.docx.oxml import el, keep_next, paragraph_property, style_of

    fast, slow = docx.Document(), docx.Document()
    for style in (None, "Normal", "List Paragraph"):
        for order in ((0, 1, 2, 3), (3, 2, 1, 0), (2, 0, 3, 1, 0)):
            f = FastParagraph(fast.add_paragraph(style=style)._p, fast._body)
            s = slow.add_paragraph(style=style)
            for step in order:
                if step == 0:
                    keep_next(f._p)
                    s.paragraph_format.keep_with_next = True
                elif step == 1:
                    style_of(f._p, "Heading1")
                    s._p.style = "Heading1"
                elif step == 2:
                    paragraph_property(f._p, el("w:jc", val="right"))
                    s.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                else:
                    paragraph_property(f._p, el("w:spacing", before=160))
                    s.paragraph_format.space_before = Twips(160)
            for bold, italic in ((False, False), (True, False), (False, True), (True, True)):
                _run(f, "text", bold, italic)
                run = s.add_run("text")  # inlines._run before: the setters only for what is on
                if bold:
                    run.bold = True
                if italic:
                    run.italic = True
    assert etree.tostring(fast.element.body) == etree.tostring(slow.element.body)


def test_letterhead_lines_are_python_docxs():
    """A head line's spacing and run properties as python-docx's paragraph_format and font setters make them."""
    from docx.shared import Pt, RGBColor, Twips

    from drafter.writers.docx import letterhead

    fast, slow = docx.Document(), docx.Document()
    story = Story(fast.element.body, fast._body, house.TEXT_WIDTH)
    for text, size, bold, color, before, after in [("Socialförvaltningen", 10, True, letterhead.BLACK, 0, 0),
                                                  ("Box 44", 9, False, letterhead.GREY, 0, 0),
                                                  ("Tjänsteutlåtande", 14, True, letterhead.BLACK, 0, 140),
                                                  ("Till socialnämnden", 12, True, letterhead.BLACK, 320, 0),
                                                  ("Halv", 10.5, False, RGBColor(1, 2, 3), 7, 9)]:
        letterhead._line(story, text, size, bold, color, before, after)
        p = slow.add_paragraph(style=letterhead.HEAD_STYLE)
        fmt = p.paragraph_format
        fmt.space_after, fmt.space_before, fmt.line_spacing = Twips(after), Twips(before), 1.0
        run = p.add_run(text)
        run.font.size, run.font.color.rgb = Pt(size), color
        if bold:
            run.bold = True
    assert etree.tostring(fast.element.body) == etree.tostring(slow.element.body)
