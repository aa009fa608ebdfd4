"""A borderless grid of people, two by two, each in their own cell: signatures and officials.

One cell per person keeps the reading order person by person; rows never split across pages.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from drafter.writers.docx.oxml import border, el, table_property
from drafter.writers.docx.story import Story

COLUMNS = 2
GAP = 454  # 0.8 cm between the two columns


def people_grid(story: Story, people: list):
    """The table and, per row, the people and that row's cells."""
    rows = [people[i:i + COLUMNS] for i in range(0, len(people), COLUMNS)]
    width = story.width // COLUMNS
    table = story.table(len(rows), COLUMNS, [width] * COLUMNS)
    table_property(table, el("w:tblBorders", [border(side, val="nil") for side in
                                              ("top", "left", "bottom", "right", "insideH", "insideV")]))
    table_property(table, el("w:tblCellMar", [el("w:left", w=0, type="dxa"), el("w:right", w=GAP, type="dxa")]))
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    for key in ("firstRow", "firstColumn", "lastRow", "lastColumn"):
        look.set(qn(f"w:{key}"), "0")
    for word_row in table.rows:
        word_row._tr.get_or_add_trPr().append(el("w:cantSplit"))
    return table, [(row, word_row.cells) for row, word_row in zip(rows, table.rows)]
