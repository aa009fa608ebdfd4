"""Two documents → one `Redline`: the new document with the old one's text as tracked changes.

Sections are matched by diff.sections, blocks by diff.blocks, words by diff.words; this module only
turns their results into model nodes (drafter.model.changes), which the DOCX writer renders as
Word's tracked changes. Accepting every change gives the new document's text, rejecting every
change the old one's; the page header (title, Dnr, a proposal's letterhead) is the new document's.

Each section becomes one unnumbered section holding its heading as a `Heading` block (its number
is part of its text: "4.1" → "5.1" is a change like any other), then its diffed blocks.
"""

from __future__ import annotations

import copy

from drafter.diff.blocks import (
    Added, ChangedItem, ChangedParagraph, ChangedTable, PeopleDiff, Removed, Same, Unit, diff_blocks,
)
from drafter.diff.sections import SectionPair, align_sections, heading_line
from drafter.diff.words import diff_text
from drafter.model import changes
from drafter.model.changes import Revision
from drafter.model.nodes import BulletList, Document, FootnoteRef, OrderedList, Paragraph, Section, Table, Text
from drafter.model.numbering import inlines_in, number_footnotes


def redline_document(old: Document, new: Document, revision: Revision,
                     pairs: list[SectionPair] | None = None) -> changes.Redline:
    """The redline of `old` → `new`; neither is changed (footnotes are numbered on copies)."""
    build = _Builder(revision)
    sections = [build.section(pair) for pair in (pairs if pairs is not None else align_sections(old, new))]
    redline = changes.Redline(
        kind=new.kind, meta=new.meta, part=new.part, sections=sections,
        preamble=build.blocks(diff_blocks(old.preamble, new.preamble)),
        title=build.text(old.meta.title, new.meta.title),
        subtitle=build.text(old.meta.subtitle, new.meta.subtitle),
    )
    # Old and new footnotes share one document: number them again, on copies of the blocks that
    # hold them (each block copied on its own, so a mark both documents share is two marks here).
    redline.preamble = _with_own_footnotes(redline.preamble)
    for section in redline.sections:
        section.blocks = _with_own_footnotes(section.blocks)
    number_footnotes(redline)
    return redline


def _with_own_footnotes(blocks: list) -> list:
    return [copy.deepcopy(b) if any(isinstance(i, FootnoteRef) for i in inlines_in([b])) else b for b in blocks]


class _Builder:
    def __init__(self, revision: Revision):
        self.revision = revision

    def inlines(self, ops: list) -> list:
        """`[(op, inlines)]` → inlines, the changed ones inside Inserted / Deleted."""
        out: list = []
        for op, inlines in ops:
            if op == "equal":
                out += inlines
            elif inlines:
                out.append((changes.Inserted if op == "insert" else changes.Deleted)(list(inlines), self.revision))
        return out

    def text(self, old: str, new: str) -> list:
        return self.inlines([(op, [Text(text)]) for op, text in diff_text(old, new)])

    def whole(self, blocks: list, inserted: bool) -> changes.ChangeBlock:
        kind = changes.InsertedBlocks if inserted else changes.DeletedBlocks
        return kind(blocks, self.revision)

    # --- sections ----------------------------------------------------------------------------

    def section(self, pair: SectionPair) -> Section:
        if pair.old is not None and pair.new is not None:
            blocks: list = []
            old_heading, new_heading = heading_line(pair.old), heading_line(pair.new)
            if old_heading and new_heading:
                blocks.append(changes.Heading(pair.new.level, self.text(old_heading, new_heading)))
            elif old_heading or new_heading:
                shown = pair.new if new_heading else pair.old
                blocks.append(self.whole([changes.Heading(shown.level, [Text(heading_line(shown))])],
                                         inserted=bool(new_heading)))
            blocks += self.blocks(diff_blocks(pair.old.blocks, pair.new.blocks))
        else:
            shown = pair.shown
            heading = [changes.Heading(shown.level, [Text(heading_line(shown))])] if shown.heading else []
            blocks = [self.whole(heading + list(shown.blocks), inserted=pair.new is not None)]
        return Section(heading="", blocks=blocks, numbered=False)

    # --- blocks ------------------------------------------------------------------------------

    def blocks(self, diff: list) -> list:
        out: list = []
        for item in diff:
            if isinstance(item, Same):
                out += _unit_blocks(item.unit)
            elif isinstance(item, (Added, Removed)):
                out.append(self.whole(_unit_blocks(item.unit), inserted=isinstance(item, Added)))
            elif isinstance(item, ChangedParagraph):
                out.append(Paragraph(self.inlines(item.ops)))
            elif isinstance(item, ChangedItem):
                out.append(self.item(item))
            elif isinstance(item, ChangedTable):
                out.append(self.table(item))
            elif isinstance(item, PeopleDiff):
                lines = [{text: self.inlines([(op, [Text(t)]) for op, t in ops]) for text, ops in person.items()}
                         for person in item.lines]
                out.append(changes.ChangedPeople(item.new.block, lines))
            else:
                raise TypeError(item)
        return _joined(out)

    def item(self, item: ChangedItem):
        content = ([Paragraph(self.inlines(item.first_ops))] if item.first_ops is not None else []) + \
            self.blocks(item.rest)
        if item.new.kind == "bullet":
            return BulletList([content])
        if all(op == "equal" for op, _ in item.marker_ops):
            return OrderedList([content], start=_number(item.new))
        return changes.RenumberedItem(self.text(item.old.marker, item.new.marker), content)

    def table(self, change: ChangedTable) -> changes.TrackedTable:
        rows = [row.cells if row.ops is None else [self.inlines(ops) for ops in row.ops] for row in change.rows]
        new = change.new.block
        table = Table(rows[0], rows[1:-1] if change.total else rows[1:], rows[-1] if change.total else None,
                      list(new.align))
        states = {"added": "insert", "removed": "delete"}
        return changes.TrackedTable(table, [states.get(row.state, "") for row in change.rows], self.revision)


def _joined(blocks: list) -> list:
    """Neighbouring one-item lists as one list again (the numbers running on), so a list reads as
    one list (a screen reader's "1 of 5") wherever its items were unchanged or changed in place."""
    out: list = []
    for block in blocks:
        last = out[-1] if out else None
        if isinstance(block, BulletList) and isinstance(last, BulletList):
            out[-1] = BulletList(last.items + block.items)
        elif isinstance(block, OrderedList) and isinstance(last, OrderedList) and \
                block.start == last.start + len(last.items):
            out[-1] = OrderedList(last.items + block.items, last.start)
        else:
            out.append(block)
    return out


def _number(unit: Unit) -> int:
    return int(unit.marker.rstrip("."))


def _unit_blocks(unit: Unit) -> list:
    """A unit as blocks of its own: one list item as a list of one item (with its number)."""
    if unit.kind == "bullet":
        return [BulletList([unit.block])]
    if unit.kind == "number":
        return [OrderedList([unit.block], start=_number(unit))]
    return [unit.block]
