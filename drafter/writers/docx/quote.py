"""A Quote (an addendum's new wording) indented from the text around it.

The quoted blocks are written as anywhere else, in a story narrowed by the indent (so a table still
fits the page), then every paragraph moves right by QUOTE_INDENT (its list indent kept) and every
table is indented by it: Word and LibreOffice show the wording set off from the instruction before
it and the next instruction after it.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.model.nodes import Quote
from drafter.writers.docx import house
from drafter.writers.docx.footnotes import Footnotes
from drafter.writers.docx.story import Story

QUOTE_INDENT = house.CM  # 1 cm
_LIST_STYLES = {house.LIST_BULLET, house.LIST_NUMBER, house.LIST_CONTINUE}
_HANGING = {house.LIST_BULLET, house.LIST_NUMBER}


def write_quote(story: Story, block: Quote, footnotes: Footnotes, depth: int = 0) -> None:
    from drafter.writers.docx.blocks import write_block  # the blocks inside are any blocks

    start, width = story.mark(), story.width
    story.width = width - QUOTE_INDENT
    try:
        for inner in block.blocks:
            write_block(story, inner, footnotes, depth)
    finally:
        story.width = width
    for element in story.since(start):
        if element.tag == qn("w:tbl"):
            _indent_table(element)
        else:
            _indent_paragraph(element)


def _indent_paragraph(p) -> None:
    ppr = p.get_or_add_pPr()
    style = ppr.pStyle.val if ppr.pStyle is not None else None
    ind = ppr.get_or_add_ind()
    left = ind.get(qn("w:left"))
    if left is None:
        left = house.LIST_INDENT if style in _LIST_STYLES else 0
        if style in _HANGING and ind.get(qn("w:hanging")) is None and ind.get(qn("w:firstLine")) is None:
            ind.set(qn("w:hanging"), str(house.LIST_INDENT))
    ind.set(qn("w:left"), str(int(left) + QUOTE_INDENT))


def _indent_table(tbl) -> None:
    tbl_pr = tbl.tblPr
    tbl_ind = tbl_pr.find(qn("w:tblInd"))
    if tbl_ind is None:
        tbl_ind = OxmlElement("w:tblInd")
        tbl_pr.insert_element_before(tbl_ind, "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                     "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    tbl_ind.set(qn("w:w"), str(QUOTE_INDENT))
    tbl_ind.set(qn("w:type"), "dxa")
