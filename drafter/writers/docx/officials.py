"""The officials behind a tjänsteutlåtande: two by two, the name in clear over the title, no lines.

They sign electronically, so there is no room to sign in: only generous air
above. Like signatures, each official is one cell of a borderless table, so
the reading order stays official by official (name, then title).
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Twips

from drafter.model.nodes import Official, Officials
from drafter.writers.docx import house
from drafter.writers.docx.oxml import border, cell_valign, el, table_property
from drafter.writers.docx.story import Story

COLUMNS = 2
GAP = 454  # 0.8 cm between the two columns
AIR_ABOVE = 720  # twips (36 pt, about three lines) above the first row
ROW_GAP = 360  # between rows


def write_officials(story: Story, block: Officials) -> None:
    if not block.officials:
        return
    rows = [block.officials[i:i + COLUMNS] for i in range(0, len(block.officials), COLUMNS)]
    width = story.width // COLUMNS
    table = story.table(len(rows), COLUMNS, [width] * COLUMNS)
    table_property(table, el("w:tblBorders", [border(side, val="nil") for side in
                                              ("top", "left", "bottom", "right", "insideH", "insideV")]))
    table_property(table, el("w:tblCellMar", [el("w:left", w=0, type="dxa"), el("w:right", w=GAP, type="dxa")]))
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    for key in ("firstRow", "firstColumn", "lastRow", "lastColumn"):
        look.set(qn(f"w:{key}"), "0")
    for r, (row, word_row) in enumerate(zip(rows, table.rows)):
        word_row._tr.get_or_add_trPr().append(el("w:cantSplit"))
        for official, cell in zip(row, word_row.cells):
            # Bottom-aligned, so titles sit level when one official has no name.
            cell_valign(cell, "bottom")
            _write_official(Story(cell._tc, cell, width - GAP), official, AIR_ABOVE if r == 0 else ROW_GAP)


def _write_official(story: Story, official: Official, before: int) -> None:
    lines = ([official.name] if official.name else []) + [official.title]
    for i, line in enumerate(lines):
        p = story.paragraph(house.SIGNATURE)
        if i == 0:
            p.paragraph_format.space_before = Twips(before)
        p.add_run(line)
    p.paragraph_format.keep_with_next = False
