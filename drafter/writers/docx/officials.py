"""The officials behind a tjänsteutlåtande: two by two, the name in clear over the title, no lines.

They sign electronically, so there is no room to sign in: only generous air
above. Like signatures, each official is one cell of a borderless table, so
the reading order stays official by official (name, then title).
"""

from __future__ import annotations

from docx.shared import Twips

from drafter.model.nodes import Official, Officials
from drafter.writers.docx import house
from drafter.writers.docx.oxml import cell_valign
from drafter.writers.docx.grid import COLUMNS, GAP, people_grid
from drafter.writers.docx.story import Story

AIR_ABOVE = 720  # twips (36 pt, about three lines) above the first row
ROW_GAP = 360  # between rows


def write_officials(story: Story, block: Officials) -> None:
    if not block.officials:
        return
    _, rows = people_grid(story, block.officials)
    width = story.width // COLUMNS
    for r, (row, cells) in enumerate(rows):
        for official, cell in zip(row, cells):
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
