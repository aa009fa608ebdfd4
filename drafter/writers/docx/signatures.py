"""Signatures: for each party "För …", room and a line to sign on, name and title, place and date.

Signatories stand two by two in a borderless table, each in its own cell, so
the reading order stays party by party. A party line ("För kultur- och
fritidsnämnden i Sundbybergs stad") that wraps to more lines than the other
party's would push its line to sign on lower; the other party's line to sign
on gets the missing lines as space before it (measured with the fonts' widths, measure.py), so the
lines stay level, as the PDF's `head-height` does. A name left open gets a second line to
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
from drafter.writers.docx.grid import COLUMNS, GAP, people_grid
from drafter.writers.docx.measure import line_count
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
        heads = [head_lines(signatory, width - GAP) for signatory in row]
        for signatory, cell, lines in zip(row, cells, heads):
            # Top-aligned: the parties' heads and signature lines sit level (a name left open
            # adds a line below, which must not push the other party's lines down).
            cell_valign(cell, "top")
            _write_signatory(Story(cell._tc, cell, width - GAP), signatory, max(heads) - lines)


PARTY_SIZE = 11  # pt, the Signature style's
LINE = 253  # twips: one line of 11 pt Times New Roman / Liberation Serif (1.149 em)


def head_lines(signatory: Signatory, width: int) -> int:
    """Lines the bold party line takes in a cell `width` twips wide."""
    return line_count(signatory.signs_for, width / 20, PARTY_SIZE)


NAME_ROOM = 480  # space above the line for a name written by hand


def _write_signatory(story: Story, signatory: Signatory, missing_lines: int = 0) -> None:
    party = story.paragraph(house.SIGNATURE)
    party.paragraph_format.space_before = Twips(240)
    party.add_run(signatory.signs_for).bold = True

    # The line to sign on; lower by the lines the other party's wrapped "För …" line takes more,
    # so both lines stay level (added to the space before: Word and LibreOffice may merge a space after).
    _rule(story, SIGN_ROOM + missing_lines * LINE)
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


def _rule(story: Story, before: int, space: int = 1) -> None:
    """An empty paragraph with a bottom border. Word and LibreOffice draw one border around
    adjacent paragraphs whose borders are alike, so a second rule differs in its spacing."""
    line = story.paragraph(house.SIGNATURE)
    line.paragraph_format.space_before = Twips(before)
    paragraph_border(line, bottom=border("bottom", 6, "000000" if space == 1 else "000001", space=space))
