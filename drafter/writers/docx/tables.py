"""A model Table as a real Word table: bold repeating header row, bold total row, aligned columns.

The look (thin grey rules between rows, a light header fill, no vertical lines)
comes from the template's "Avtalstabell" style; header and total are also
formatted directly so LibreOffice, which reads table styles only in part,
shows the same thing.
"""

from __future__ import annotations

from typing import Callable

from docx.oxml.ns import qn

from drafter.model.nodes import Table
from drafter.model.text import inline_text
from drafter.writers.docx import house
from drafter.writers.docx.oxml import (
    border,
    cell_borders,
    cell_shading,
    el,
    keep_next,
    paragraph_property,
    table_property,
)
from drafter.writers.docx.story import Story

KEEP_TOGETHER_ROWS = 15  # tables up to this many rows are kept on one page
MIN_SHARE = 0.15  # no column narrower than this share of the width


def write_table(story: Story, table: Table, write_inlines: Callable) -> None:
    header = [table.header] if table.header else []  # a table may have no header row
    rows = [*header, *table.rows, *([table.total] if table.total else [])]
    cols = max(len(row) for row in rows)
    widths = column_widths(rows, cols, story.width)
    word_table = story.table(len(rows), cols, widths)
    tbl = word_table._tbl
    tbl.tblPr.style = house.TABLE_STYLE
    # Fixed widths: a word longer than its cell wraps inside it instead of widening the
    # column into the next one (and off the page).
    table_property(word_table, el("w:tblLayout", type="fixed"))
    # Caption and summary for screen readers (Word: Table Properties → Alt Text).
    if table.caption:
        table_property(word_table, el("w:tblCaption", val=table.caption))
    if table.summary:
        table_property(word_table, el("w:tblDescription", val=table.summary))
    look = tbl.tblPr.find(qn("w:tblLook"))
    for key, value in (("val", "0000"), ("firstRow", int(bool(header))), ("lastRow", int(table.total is not None)),
                       ("firstColumn", 0), ("lastColumn", 0), ("noHBand", 1), ("noVBand", 1)):
        look.set(qn(f"w:{key}"), str(value))

    last = len(rows) - 1
    keep = len(rows) <= KEEP_TOGETHER_ROWS
    for r, (row, word_row) in enumerate(zip(rows, word_table.rows)):
        is_header, is_total = bool(header) and r == 0, table.total is not None and r == last
        trPr = word_row._tr.get_or_add_trPr()
        trPr.append(el("w:cantSplit"))
        if is_header:
            trPr.append(el("w:tblHeader"))  # repeats on every page
        for c, cell in enumerate(word_row.cells):
            inlines = row[c] if c < len(row) else []
            cell_story = Story(cell._tc, cell, widths[c])
            p = cell_story.paragraph(house.TABLE_TEXT)
            if _align(table, c) == "right":
                paragraph_property(p._p, el("w:jc", val="right"))  # p.alignment = RIGHT
            if keep and r < last:
                keep_next(p._p)
            write_inlines(p, inlines, bold=is_header or is_total)
            if is_header:
                cell_shading(cell, house.HEADER_FILL)
                cell_borders(cell, bottom=border("bottom", 6, house.RULE_COLOR))
            elif is_total:
                cell_borders(cell, top=border("top", 6, house.RULE_COLOR),
                             bottom=border("bottom", 8, house.RULE_COLOR))


def column_widths(rows: list, cols: int, total: int) -> list[int]:
    """Share `total` by the longest text in each column, no column under MIN_SHARE."""
    longest = [max((len(inline_text(row[c])) if c < len(row) else 0) for row in rows) or 1
               for c in range(cols)]
    shares = [max(n / sum(longest), MIN_SHARE) for n in longest]
    widths = [int(total * s / sum(shares)) for s in shares]
    widths[-1] += total - sum(widths)
    return widths


def _align(table: Table, column: int) -> str:
    return table.align[column] if column < len(table.align) else "left"
