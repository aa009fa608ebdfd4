"""Signatures: for each party "För …", room and a line to sign on, name and title, place and date.

Signatories stand two by two in a borderless table, each in its own cell, so
the reading order stays party by party. Lines are paragraph borders and an
never underscore characters, so the text holds only words.
"""

from __future__ import annotations

from docx.shared import Twips

from drafter.model.nodes import Signatory, SignatureBlock
from drafter.writers.docx import house
from drafter.writers.docx.oxml import border, cell_valign, paragraph_border
from drafter.writers.docx.grid import COLUMNS, GAP, people_grid
from drafter.writers.docx.story import Story

SIGN_ROOM = 960  # space above the signature line, in twips (≈ 1.7 cm)


def name_line(signatory: Signatory) -> str:
    """The name line assembly decided ("Name, title", or "Namnförtydligande, title")."""
    return signatory.name_line


def write_signatures(story: Story, block: SignatureBlock) -> None:
    if not block.signatories:
        return
    _, rows = people_grid(story, block.signatories)
    width = story.width // COLUMNS
    for row, cells in rows:
        for signatory, cell in zip(row, cells):
            # Bottom-aligned, so the lines of both parties sit level even when
            # one "För …" wraps onto two lines.
            cell_valign(cell, "bottom")
            _write_signatory(Story(cell._tc, cell, width - GAP), signatory)


def _write_signatory(story: Story, signatory: Signatory) -> None:
    party = story.paragraph(house.SIGNATURE)
    party.paragraph_format.space_before = Twips(240)
    party.add_run(signatory.signs_for).bold = True

    line = story.paragraph(house.SIGNATURE)  # the line to sign on: a bottom border
    line.paragraph_format.space_before = Twips(SIGN_ROOM)
    paragraph_border(line, bottom=border("bottom", 6, "000000", space=1))

    name = story.paragraph(house.SIGNATURE)
    name.paragraph_format.space_before = Twips(40)
    name.add_run(name_line(signatory))

    date = story.paragraph(house.SIGNATURE)  # "Stockholm den" on a line left open for the day
    date.paragraph_format.space_before = Twips(480)
    date.paragraph_format.space_after = Twips(480)
    date.paragraph_format.keep_with_next = False
    paragraph_border(date, bottom=border("bottom", 6, "000000", space=1))
    date.add_run(signatory.place_and_date)
