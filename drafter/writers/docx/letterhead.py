"""The first-page head of a tjänsteutlåtande, in a first-page header (w:titlePg), never in the body.

Stockholms stad style: the sender at the left (the office in bold), at the
right the document type, large and bold, the reference data below it and,
after some air, whom the document is for, in bold. Pages after the first keep
the template's running header (title and Dnr); the first page gets a copy of
the running footer, so "Sida 1 av n" stays.

Written with python-docx after docxtpl has rendered the template, so the text
goes in as text (lxml escapes it) and documents without a letterhead are
untouched.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from drafter.model.nodes import Letterhead
from drafter.writers.docx import house
from drafter.writers.docx.oxml import border, el, table_property
from drafter.writers.docx.story import Story
from drafter.writers.letterhead import reference_lines

RIGHT_COLUMN = 6 * house.CM + 283  # 6.5 cm for type and references
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x40, 0x40, 0x40)
AIR_BELOW = 480  # twips between the head and the title


def write_letterhead(document, letterhead: Letterhead) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.is_linked_to_previous = False
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    _copy_children(section.footer._element, footer._element)

    story = Story(header._element, header, house.TEXT_WIDTH)
    widths = [house.TEXT_WIDTH - RIGHT_COLUMN, RIGHT_COLUMN]
    table = story.table(1, 2, widths)
    table_property(table, el("w:tblBorders", [border(side, val="nil") for side in
                                              ("top", "left", "bottom", "right", "insideH", "insideV")]))
    table_property(table, el("w:tblW", w=house.TEXT_WIDTH, type="dxa"))
    table_property(table, el("w:tblLayout", type="fixed"))
    table_property(table, el("w:tblCellMar", [el("w:left", w=0, type="dxa"), el("w:right", w=0, type="dxa")]))
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    for key in ("firstRow", "firstColumn", "lastRow", "lastColumn"):
        look.set(qn(f"w:{key}"), "0")

    left, right = (Story(cell._tc, cell, width) for cell, width in zip(table.rows[0].cells, widths))
    for i, line in enumerate(letterhead.sender):
        _line(left, line, size=10, bold=i == 0)

    _line(right, letterhead.document_type, size=14, bold=True, after=60)
    for line in reference_lines(letterhead):
        _line(right, line, size=9, color=GREY)
    if letterhead.recipient:
        _line(right, letterhead.recipient, size=12, bold=True, before=360)

    # A header ends with a paragraph: an empty one, which keeps the title clear of the head.
    tail = story.paragraph(house.HEADER)
    tail.paragraph_format.space_before = Twips(AIR_BELOW)


def _line(story: Story, text: str, size: float, bold: bool = False, color: RGBColor = BLACK,
          before: int = 0, after: int = 0) -> None:
    if not text:
        return
    p = story.paragraph(house.HEADER)
    fmt = p.paragraph_format
    if before:
        fmt.space_before = Twips(before)
    if after:
        fmt.space_after = Twips(after)
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.color.rgb = color
    if bold:
        run.bold = True


def _copy_children(source, target) -> None:
    for child in list(target):
        target.remove(child)
    for child in source:
        target.append(copy.deepcopy(child))
