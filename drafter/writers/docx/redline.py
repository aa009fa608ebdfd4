"""A DOCX with tracked changes, in one call: the redline model (drafter.diff.redline) written by the
one DOCX writer. Kept for `drafter build --redline` and the commands; no writing of its own."""

from __future__ import annotations

from pathlib import Path

from drafter.diff.redline import redline_document
from drafter.diff.sections import SectionPair
from drafter.model.changes import Revision
from drafter.model.nodes import Document
from drafter.writers.docx.writer import TEMPLATE, docx_bytes

NO_DATE = "1980-01-01T00:00:00Z"


def redline_docx_bytes(old: Document, new: Document, author: str = "drafter", date: str | None = NO_DATE,
                       pairs: list[SectionPair] | None = None, template: Path = TEMPLATE) -> bytes:
    """`new` with what changed since `old` as Word's tracked changes, each by `author` on `date`."""
    return docx_bytes(redline_document(old, new, Revision(author, date), pairs), template)
