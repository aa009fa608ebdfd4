"""The first-page head of a tjänsteutlåtande, at the top of the body, before the title.

Stockholms stad style: the sender at the left (the office in bold, a logo above
it and the address below when the house style has them), at the right the
document type, large and bold, the reference data below it and, after some
air, whom the document is for, in bold. It is body text, so screen readers and
the tagged PDF LibreOffice exports read it (a header would be an artifact);
page 1's header (make_template.py) then shows no Dnr, which the head holds.

Written with python-docx after docxtpl has rendered the template, so the text
goes in as text (lxml escapes it) and documents without a letterhead are
untouched.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

from drafter.model.nodes import HouseStyle, Letterhead
from drafter.writers.docx import house
from drafter.writers.docx.oxml import PPR_ORDER, border, el, element, set_child, table_property
from drafter.writers.docx.story import Story
from drafter.writers.letterhead import reference_lines

RIGHT_COLUMN = 6 * house.CM + 283  # 6.5 cm for type and references
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x40, 0x40, 0x40)
AIR_BELOW = 400  # twips between the head and the title
HEAD_STYLE = house.HEADER  # small sans lines, no space after
ANCHOR = 20  # twips: the one-point paragraph before the head's table


def write_letterhead(document, letterhead: Letterhead, house_style: HouseStyle | None = None) -> None:
    body = document.element.body
    story = Story(body, document._body, house.TEXT_WIDTH)
    start = story.mark()
    # A body must not open with a table: LibreOffice then adds an empty paragraph of its own
    # above it when the document has footnotes, a line lower than Word and the PDF. One point high.
    anchor = story.paragraph(HEAD_STYLE)
    anchor.paragraph_format.line_spacing = Twips(ANCHOR)
    anchor.paragraph_format.space_after = Twips(0)
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
    if house_style is not None and house_style.logo.lower().endswith(".png"):
        logo = left.paragraph(HEAD_STYLE)
        logo.paragraph_format.space_after = Twips(120)
        shape = logo.add_run().add_picture(house_style.logo, width=Cm(house_style.logo_width_cm))
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", house_style.logo_alt)
    for i, line in enumerate(letterhead.sender):
        _line(left, line, size=10, bold=i == 0)
    for line in (house_style.address if house_style else []):
        _line(left, line, size=9, color=GREY)

    _line(right, letterhead.document_type, size=14, bold=True, after=140)
    for line in reference_lines(letterhead):
        _line(right, line, size=9, color=GREY)
    if letterhead.recipient:
        _line(right, letterhead.recipient, size=12, bold=True, before=320)

    # Air between the head and the title: the paragraph after the table.
    tail = story.paragraph(HEAD_STYLE)
    tail.paragraph_format.space_before = Twips(AIR_BELOW - ANCHOR)
    tail.paragraph_format.space_after = Twips(0)
    written = story.since(start)
    first = body[0]
    for block in written:
        first.addprevious(block)


def _line(story: Story, text: str, size: float, bold: bool = False, color: RGBColor = BLACK,
          before: int = 0, after: int = 0) -> None:
    """One line of the head, its properties written as the XML python-docx's paragraph_format and font
    setters make (w:spacing after, before, line, lineRule; w:b, w:color, w:sz), without their schema
    searches: a head has up to a dozen lines and every tjänsteutlåtande one head."""
    if not text:
        return
    p = story.paragraph(HEAD_STYLE)
    spacing = element("w:spacing")
    for name, value in (("after", Twips(after).twips), ("before", Twips(before).twips), ("line", 240),
                        ("lineRule", "auto")):  # line_spacing 1.0: single, 240 twentieths of a line
        spacing.set(qn(f"w:{name}"), str(value))
    set_child(p._p.get_or_add_pPr(), spacing, PPR_ORDER)
    run = p.add_run(text)
    rpr = element("w:rPr")
    if bold:
        rpr.append(element("w:b"))
    rpr.append(element("w:color", {qn("w:val"): str(color)}))
    rpr.append(element("w:sz", {qn("w:val"): str(int(Pt(size).pt * 2))}))  # half-points, as python-docx rounds
    run._r.insert(0, rpr)
