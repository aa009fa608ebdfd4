"""Signatures: for each party "För …", room and a line to sign on, name and title, place and date.

Signatories stand two by two in a borderless table, each pair in three rows:
the party line ("För …"), the line to sign on, and the rest (name, place and
date). A row holds the same element of both parties, so a party line that wraps
to two lines moves both signature lines down alike and they stay level (as in
the PDF, where the party lines share a row's height). A name left open gets a second line to
write it on, captioned "Namnförtydligande, ordförande"; "Stockholm den" stands
on a line left open for the date, year included. Lines are paragraph borders,
never underscore characters, so the text holds only words. The PDF template (nodes.typ, `signatory`) uses the same
measures.
"""

from __future__ import annotations

from docx.shared import Twips

from drafter.model.nodes import Signatory, SignatureBlock
from drafter.writers.docx import house
from drafter.writers.docx.oxml import border, cell_valign, paragraph_border
from drafter.writers.docx.grid import COLUMNS, GAP, borderless_table
from drafter.writers.docx.story import Story

SIGN_ROOM = 960  # space above the signature line, in twips (≈ 1.7 cm)


def name_line(signatory: Signatory) -> str:
    """The name line assembly decided ("Name, title", or "Namnförtydligande, title")."""
    return signatory.name_line


def write_signatures(story: Story, block: SignatureBlock) -> None:
    if not block.signatories:
        return
    pairs = [block.signatories[i:i + COLUMNS] for i in range(0, len(block.signatories), COLUMNS)]
    table = borderless_table(story, len(pairs) * len(_ROWS))
    width = story.width // COLUMNS
    for n, pair in enumerate(pairs):
        for k, write in enumerate(_ROWS):
            cells = table.rows[n * len(_ROWS) + k].cells
            for signatory, cell in zip(pair, cells):
                # Top-aligned: a name left open adds a line below, which must not push the
                # other party's name and date down.
                cell_valign(cell, "top")
                write(Story(cell._tc, cell, width - GAP), signatory)


NAME_ROOM = 480  # space above the line for a name written by hand


def _party(story: Story, signatory: Signatory) -> None:
    party = story.paragraph(house.SIGNATURE)
    party.paragraph_format.space_before = Twips(240)
    party.add_run(signatory.signs_for).bold = True


def _sign_line(story: Story, signatory: Signatory) -> None:
    _rule(story, SIGN_ROOM)  # the line to sign on


def _name_and_date(story: Story, signatory: Signatory) -> None:
    if not signatory.name:
        _rule(story, NAME_ROOM, space=2)  # the name, written by hand (another border space: not merged)
    name = story.paragraph(house.SIGNATURE)
    name.paragraph_format.space_before = Twips(40)
    name.add_run(name_line(signatory))

    # "Stockholm den" on a line left open for the day, month and year (a bottom border; tab
    # leaders, which would draw separate blanks, are not drawn by LibreOffice in table cells).
    date = story.paragraph(house.SIGNATURE)
    date.paragraph_format.space_before = Twips(480)
    date.paragraph_format.space_after = Twips(480)
    date.paragraph_format.keep_with_next = False
    paragraph_border(date, bottom=border("bottom", 6, "000000", space=1))
    date.add_run(signatory.place_and_date)


# One table row each, in this order: the rows align what each party's cell holds.
_ROWS = (_party, _sign_line, _name_and_date)


def _rule(story: Story, before: int, space: int = 1) -> None:
    """An empty paragraph with a bottom border. Word and LibreOffice draw one border around
    adjacent paragraphs whose borders are alike, so a second rule differs in its spacing."""
    line = story.paragraph(house.SIGNATURE)
    line.paragraph_format.space_before = Twips(before)
    paragraph_border(line, bottom=border("bottom", 6, "000000" if space == 1 else "000001", space=space))
