"""The consolidated agreement is a reading copy, never a signed document.

It says so on every page (the mark in the running header) and in its title in the PDF's metadata,
and where the signed agreement has its signature lines it says who signed what and when instead:
nothing in it can be signed by mistake and passed off as the agreement.
"""

from __future__ import annotations

import datetime as dt

from drafter.formatting import datum
from drafter.model.nodes import Document, Paragraph, SignatureBlock, Text

MARK = "Konsoliderad version – ej undertecknad"


def mark_unsigned(doc: Document, signed_on: dt.date | None, numbers: str) -> Document:
    """`doc` marked as not signed, its signature blocks replaced by a sentence about the signed texts."""
    doc.meta.mark = MARK
    when = f", daterad den {datum(signed_on)}," if signed_on else ""
    note = Paragraph([Text(f"Den konsoliderade versionen undertecknas inte. Den sammanställer den undertecknade "
                           f"överenskommelsen{when} och tillägg nr {numbers}; det är de undertecknade "
                           "handlingarna som gäller.")])
    doc.preamble = [note if isinstance(b, SignatureBlock) else b for b in doc.preamble]
    for section in doc.walk_sections():
        if any(isinstance(b, SignatureBlock) for b in section.blocks):
            section.blocks = [note if isinstance(b, SignatureBlock) else b for b in section.blocks]
    return doc
