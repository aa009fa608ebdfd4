"""Where blocks are written: the body, a table cell or a footnote, behind one small interface.

A Story keeps the block elements it holds in a list, so a mark is a number and
writing stays linear in the document's length (no search of the body per
paragraph). Paragraphs and their text runs are made as plain lxml elements, the
same XML python-docx makes, without its per-character text machinery.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Twips
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from drafter.writers.docx import house
from drafter.writers.docx.oxml import el, element, paragraph_property, style_of

AIR_AFTER_TABLE = 160  # twips (8 pt) above a paragraph that follows a table
_SPACED_STYLES = {house.TITLE, *house.HEADINGS.values()}
_P, _TBL, _R, _T = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:t")
_BLOCKS = (_P, _TBL)
_SECT_PR = qn("w:sectPr")
_VAL = qn("w:val")
_SPACE = qn("xml:space")


class Story:
    """A run of block-level content (w:body, w:tc or w:footnote) of a known width in twips.

    New paragraphs and tables go at the end (before the body's w:sectPr). A table
    cell is born holding one empty paragraph, which the first paragraph reuses.
    """

    def __init__(self, element, parent, width: int):
        self._element = element
        self._parent = parent
        self.width = width
        self._blocks = [child for child in element if child.tag in _BLOCKS]
        self._sect_pr = element.find(_SECT_PR)
        paragraphs = [block for block in self._blocks if block.tag == _P]
        self._after_table = False
        self._spare = paragraphs[0] if len(paragraphs) == 1 and _is_empty(paragraphs[0]) else None

    def paragraph(self, style: str | None = None) -> Paragraph:
        if self._spare is not None:
            p, self._spare = self._spare, None
            if style:
                style_of(p, style)
        else:
            p = element("w:p")
            if style:  # what CT_P.style makes of an empty paragraph, without its schema search
                p.append(element("w:pPr", {}))
                p[0].append(element("w:pStyle", {_VAL: style}))
            self._insert(p)
        paragraph = FastParagraph(p, self._parent)
        if self._after_table and style not in _SPACED_STYLES:
            # Air between a table's bottom rule and the text below it (headings have their own).
            paragraph_property(p, el("w:spacing", before=AIR_AFTER_TABLE))
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
            self._blocks.insert(self._blocks.index(self._spare), tbl)
        else:
            self._insert(tbl)
        self._after_table = True
        return Table(tbl, self._parent)

    def mark(self) -> int:
        """A place in the story, for `since`: how many block elements it holds now."""
        return len(self._blocks)

    def since(self, mark: int) -> list:
        """The block elements (w:p, w:tbl) written after `mark`, in order."""
        return self._blocks[mark:]

    def _insert(self, child) -> None:
        if self._sect_pr is not None:
            self._sect_pr.addprevious(child)
        else:
            self._element.append(child)
        self._blocks.append(child)


class FastParagraph(Paragraph):
    """python-docx's Paragraph, whose `add_run` writes the run's XML in one go.

    The XML is python-docx's own: text between tabs and line breaks in w:t (with
    xml:space="preserve" when it starts or ends with white space), "\\t" as w:tab,
    "\\n" and "\\r" as w:br. python-docx builds it one character at a time.
    """

    def add_run(self, text: str | None = None, style=None) -> Run:
        r = element("w:r")
        self._p.append(r)
        if text:
            _append_text(r, text)
        run = Run(r, self)
        if style:
            run.style = style
        return run


def _append_text(r, text: str) -> None:
    if "\t" not in text and "\n" not in text and "\r" not in text:
        _append_t(r, text)
        return
    piece: list[str] = []
    for char in text:
        if char == "\t" or char == "\r" or char == "\n":
            if piece:
                _append_t(r, "".join(piece))
                piece.clear()
            r.append(element("w:tab" if char == "\t" else "w:br"))
        else:
            piece.append(char)
    if piece:
        _append_t(r, "".join(piece))


def _append_t(r, text: str) -> None:
    t = element("w:t")
    t.text = text
    if len(text.strip()) < len(text):
        t.set(_SPACE, "preserve")
    r.append(t)


def _is_empty(p) -> bool:
    return not p.findall(_R)
