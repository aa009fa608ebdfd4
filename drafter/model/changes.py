"""Tracked changes as model nodes: what a redline shows as inserted or deleted.

drafter.diff builds a `Redline` document out of two documents with these nodes; the DOCX writer
renders them as Word's native tracked changes (drafter.writers.docx.changes). Like every node they
know no file format: which marker a bullet has or how a revision is numbered is the writer's.

Accepting every change of a redline gives the new document, rejecting every change the old one:
an `Inserted` or `InsertedBlocks` belongs to the new side only, a `Deleted` or `DeletedBlocks` to
the old side only, everything else to both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from drafter.model.nodes import Block, Document, Inline, Officials, SignatureBlock, Table


@dataclass(frozen=True)
class Revision:
    """Who made a change and when: `date` is ISO 8601 ("2026-07-01T00:00:00Z"), never the clock;
    None when the change has no date to give (a clause version not yet approved)."""

    author: str
    date: str | None


# --- inline ------------------------------------------------------------------------------------


@dataclass
class Inserted:
    children: list[Inline]
    revision: Revision


@dataclass
class Deleted:
    children: list[Inline]
    revision: Revision


# --- blocks ------------------------------------------------------------------------------------


class ChangeBlock:
    """A block that holds other content: `inlines` and `blocks` are what walkers look into."""

    @property
    def inlines(self) -> list[Inline]:
        return []

    @property
    def blocks(self) -> list[Block]:
        return []


@dataclass
class _WholeBlocks(ChangeBlock):
    """Blocks inserted or deleted whole, with the revision that did it."""

    content: list[Block]
    revision: Revision

    @property
    def blocks(self) -> list[Block]:
        return self.content


class InsertedBlocks(_WholeBlocks):
    """Blocks that only the new document has: every paragraph mark, row and footnote inserted."""


class DeletedBlocks(_WholeBlocks):
    """Blocks that only the old document has."""


@dataclass
class Heading(ChangeBlock):
    """A section heading as a block ("5.2 Återkrav" with its changes), for a redline's sections."""

    level: int
    text: list[Inline]

    @property
    def inlines(self) -> list[Inline]:
        return self.text


@dataclass
class RenumberedItem(ChangeBlock):
    """One item of an ordered list whose number changed ("3." → "4."): the number as inlines."""

    number: list[Inline]  # e.g. [Deleted([Text("3")]), Inserted([Text("4")]), Text(".")]
    content: list[Block]

    @property
    def inlines(self) -> list[Inline]:
        return self.number

    @property
    def blocks(self) -> list[Block]:
        return self.content


@dataclass
class TrackedTable(ChangeBlock):
    """A table whose cells may hold changes and whose rows may be inserted or deleted.

    `rows` has one entry per row of `table` (header, rows, total): "" for a row both documents
    have, "insert" or "delete" for a row only one has."""

    table: Table
    rows: list[str]
    revision: Revision

    @property
    def blocks(self) -> list[Block]:
        return [self.table]


@dataclass
class ChangedPeople(ChangeBlock):
    """A signature or officials block with the same people in it, some lines changed.

    The new block is shown; in person i, each line that reads `text` (a key of `lines[i]`) shows
    the tracked inlines instead: a new chair changes the name in that cell, not the whole table."""

    block: SignatureBlock | Officials
    lines: list[dict[str, list[Inline]]] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return [self.block]


@dataclass
class Redline(Document):
    """The new document with the old one's text as tracked changes: `title` and `subtitle` are the
    title lines with their changes; `meta` is the new document's (header, properties)."""

    title: list[Inline] = field(default_factory=list)
    subtitle: list[Inline] = field(default_factory=list)


CHANGE_BLOCKS = (InsertedBlocks, DeletedBlocks, Heading, RenumberedItem, TrackedTable, ChangedPeople)


def plain_blocks(blocks: list) -> list:
    """`blocks` and the blocks inside their changes, in order (e.g. to find a signature block)."""
    out = []
    for block in blocks:
        out.append(block)
        if isinstance(block, ChangeBlock):
            out += plain_blocks(block.blocks)
    return out
