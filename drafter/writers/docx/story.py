"""Where blocks are written: the body, a table cell or a footnote, behind one small interface."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from drafter.writers.docx import house
from drafter.writers.docx.oxml import el

AIR_AFTER_TABLE = 160  # twips (8 pt) above a paragraph that follows a table
_SPACED_STYLES = {house.TITLE, *house.HEADINGS.values()}


class Story:
    """A run of block-level content (w:body, w:tc or w:footnote) of a known width in twips.

    New paragraphs and tables go at the end (before the body's w:sectPr). A table
    cell is born holding one empty paragraph, which the first paragraph reuses.
    """

    def __init__(self, element, parent, width: int):
        self._element = element
        self._parent = parent
        self.width = width
        first = element.findall(qn("w:p"))
        self._after_table = False
        self._spare = first[0] if len(element) and len(first) == 1 and _is_empty(first[0]) else None

    def paragraph(self, style: str | None = None) -> Paragraph:
        if self._spare is not None:
            p, self._spare = self._spare, None
        else:
            p = el("w:p")
            self._insert(p)
        if style:
            p.style = style
        paragraph = Paragraph(p, self._parent)
        if self._after_table and style not in _SPACED_STYLES:
            # Air between a table's bottom rule and the text below it (headings have their own).
            paragraph.paragraph_format.space_before = Twips(AIR_AFTER_TABLE)
        self._after_table = False
        return paragraph

    def table(self, rows: int, cols: int, widths: list[int] | None = None) -> Table:
        if self._after_table:
            # Two tables in a row would merge into one (in Word and LibreOffice alike).
            self.paragraph()
        widths = widths or [self.width // cols] * cols
        tbl = CT_Tbl.new_tbl(rows, cols, Twips(sum(widths)))
        for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(width))
        for tr in tbl.findall(qn("w:tr")):
            for tc, width in zip(tr.findall(qn("w:tc")), widths):
                tc.width = Twips(width)
        if self._spare is not None:
            # A cell must end with a paragraph: the table goes before the spare one,
            # which the next paragraph then still reuses.
            self._spare.addprevious(tbl)
        else:
            self._insert(tbl)
        self._after_table = True
        return Table(tbl, self._parent)

    def mark(self) -> int:
        """A place in the story, for `since`: how many block elements it holds now."""
        return len(self._blocks())

    def since(self, mark: int) -> list:
        """The block elements (w:p, w:tbl) written after `mark`, in order."""
        return self._blocks()[mark:]

    def _blocks(self) -> list:
        return [child for child in self._element if child.tag in (qn("w:p"), qn("w:tbl"))]

    def _insert(self, child) -> None:
        sect_pr = self._element.find(qn("w:sectPr"))
        if sect_pr is not None:
            sect_pr.addprevious(child)
        else:
            self._element.append(child)


def _is_empty(p) -> bool:
    return not p.findall(qn("w:r"))
