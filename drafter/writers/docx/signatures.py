"""Signatures: for each party "För …", room and a line to sign on, name and title, place and date.

Signatories stand two by two in a borderless table, each in its own cell, so
the reading order stays party by party. A name left open gets a second line to
write it on, captioned "Namnförtydligande, ordförande"; "Stockholm den" is
followed by a blank for day and month and one for the year. Lines are
paragraph borders and tab leaders, never underscore characters, so the text
holds only words. The PDF template (nodes.typ, `signatory`) uses the same
measures.
"""

from __future__ import annotations

from docx.shared import Twips

from drafter.model.nodes import Signatory, SignatureBlock
from drafter.writers.docx import house
from drafter.writers.docx.oxml import border, cell_valign, el, paragraph_border
from drafter.writers.docx.grid import COLUMNS, GAP, people_grid
from drafter.writers.docx.story import Story

SIGN_ROOM = 960  # space above the signature line, in twips (≈ 1.7 cm)


def name_line(signatory: Signatory) -> str:
    """"Name, title", or "Namnförtydligande, title" when the name is left open (as text.py)."""
    return ", ".join(p for p in (signatory.name or "Namnförtydligande", signatory.title) if p)


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


YEAR_BLANK = 680  # twips for the year's blank at the end of the date line
NAME_ROOM = 480  # space above the line for a name written by hand


def _write_signatory(story: Story, signatory: Signatory) -> None:
    party = story.paragraph(house.SIGNATURE)
    party.paragraph_format.space_before = Twips(240)
    party.add_run(signatory.signs_for).bold = True

    _rule(story, SIGN_ROOM)  # the line to sign on
    if not signatory.name:
        _rule(story, NAME_ROOM)  # the name, written by hand
    name = story.paragraph(house.SIGNATURE)
    name.paragraph_format.space_before = Twips(40)
    name.add_run(name_line(signatory))

    # "Stockholm den ________ ____": blanks drawn as tab leaders, for day and month, then the year
    # (unless the text already holds a year).
    date = story.paragraph(house.SIGNATURE)
    date.paragraph_format.space_before = Twips(480)
    date.paragraph_format.space_after = Twips(480)
    date.paragraph_format.keep_with_next = False
    width = story.width
    has_year = any(part.isdigit() and len(part) == 4 for part in signatory.place_and_date.split())
    stops = [width] if has_year else [width - YEAR_BLANK - 120, width]
    ppr = date._p.get_or_add_pPr()
    ppr.append(el("w:tabs", [el("w:tab", val="left", leader="underscore", pos=pos) for pos in stops]))
    date.add_run(signatory.place_and_date)
    date.add_run().add_tab()
    if not has_year:
        date.add_run(" ")
        date.add_run().add_tab()


def _rule(story: Story, before: int) -> None:
    line = story.paragraph(house.SIGNATURE)  # an empty paragraph with a bottom border
    line.paragraph_format.space_before = Twips(before)
    paragraph_border(line, bottom=border("bottom", 6, "000000", space=1))
