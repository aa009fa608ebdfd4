"""A DOCX with tracked changes: the NEW document, written by the normal writer pieces (same house
template, styles, lists, tables, footnotes), with what the OLD document had and the new one has
not as deleted text, and what is new as inserted text (see tracked.py).

Sections come from drafter.redline.compare.align_sections, blocks from drafter.redline.blocks.
Accepting every change gives the new document's text, rejecting every change the old one's.
The page header (title, Dnr, a proposal's letterhead) is the new document's, untracked.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docx.oxml.ns import qn

from drafter.model.nodes import Document, Section, SignatureBlock, Table, Text
from drafter.redline.blocks import (
    Added, ChangedItem, ChangedParagraph, ChangedTable, Removed, Same, Unit, diff_blocks,
)
from drafter.redline.compare import SectionPair, align_sections, heading_line
from drafter.redline.words import diff_text
from drafter.writers.docx import house
from drafter.writers.docx.blocks import ListLevel, indent, write_block, write_item
from drafter.writers.docx.footnotes import Footnotes
from drafter.writers.docx.inlines import write_inlines
from drafter.writers.docx.letterhead import write_letterhead
from drafter.writers.docx.story import Story
from drafter.writers.docx.tables import write_table
from drafter.writers.docx.tracked import Tracker, footnote_references
from drafter.writers.docx.writer import TEMPLATE, finish, keep_with_signatures, open_template

NO_DATE = "1980-01-01T00:00:00Z"


def redline_docx_bytes(old: Document, new: Document, author: str = "drafter", date: str = NO_DATE,
                       pairs: list[SectionPair] | None = None, template: Path = TEMPLATE) -> bytes:
    document = open_template(new.meta, template)
    body = Story(document.element.body, document._body, house.TEXT_WIDTH)
    footnotes = _Footnotes(lambda story, blocks: write_block_list(story, blocks, footnotes))
    writer = _RedlineWriter(footnotes, Tracker(author, date))

    title = body.paragraph(house.TITLE)
    writer.text_ops(title, old.meta.title, new.meta.title)
    if old.meta.subtitle or new.meta.subtitle:
        writer.plain_paragraph(body, house.SUBTITLE, old.meta.subtitle, new.meta.subtitle)
    if new.meta.letterhead is not None:
        write_letterhead(document, new.meta.letterhead)
    writer.blocks(body, diff_blocks(old.preamble, new.preamble))
    for pair in pairs if pairs is not None else align_sections(old, new):
        writer.section(body, pair)
    return finish(document, new.meta, footnotes)


def write_block_list(story: Story, blocks: list, footnotes: Footnotes) -> None:
    for block in blocks:
        write_block(story, block, footnotes)


class _Footnotes(Footnotes):
    """Numbers footnotes in the order they are written: old and new ones share one document."""

    def __init__(self, write_blocks):
        super().__init__(write_blocks)
        self._number = 0

    def reference(self, run, note) -> None:
        if not self._writing:
            self._number += 1
            note = replace(note, number=self._number)
        super().reference(run, note)

    def note(self, note_id: str):
        return next(n for n in self._root.findall(qn("w:footnote")) if n.get(qn("w:id")) == note_id)


class _RedlineWriter:
    def __init__(self, footnotes: _Footnotes, tracker: Tracker):
        self.footnotes = footnotes
        self.tracker = tracker
        self._cell_ops: dict[int, list] = {}

    # --- whole pieces ----------------------------------------------------------------

    def whole(self, story: Story, write, kind: str) -> None:
        """Write with `write()`, then mark everything it wrote as inserted or deleted."""
        start = story.mark()
        write()
        self._mark_notes(self.tracker.mark_elements(story.since(start), kind), kind)

    def _mark_notes(self, note_ids: list[str], kind: str) -> None:
        for note_id in note_ids:
            note = self.footnotes.note(note_id)
            self.tracker.mark_elements(note.findall(qn("w:p")), kind)

    # --- sections --------------------------------------------------------------------

    def section(self, story: Story, pair: SectionPair) -> None:
        start = story.mark()
        if pair.old is not None and pair.new is not None:
            old_heading, new_heading = heading_line(pair.old), heading_line(pair.new)
            if old_heading and new_heading:
                p = story.paragraph(house.heading_style(pair.new.level))
                self.text_ops(p, old_heading, new_heading)
            elif new_heading or old_heading:
                kind, section = ("insert", pair.new) if new_heading else ("delete", pair.old)
                self.whole(story, lambda: self._heading(story, section), kind)
            self.blocks(story, diff_blocks(pair.old.blocks, pair.new.blocks))
        else:
            kind, section = ("insert", pair.new) if pair.old is None else ("delete", pair.old)
            self.whole(story, lambda: self._section_alone(story, section), kind)
        shown = pair.new or pair.old
        if any(isinstance(block, SignatureBlock) for block in shown.blocks):
            keep_with_signatures(story.since(start))

    def _heading(self, story: Story, section: Section) -> None:
        story.paragraph(house.heading_style(section.level)).add_run(heading_line(section))

    def _section_alone(self, story: Story, section: Section) -> None:
        if section.heading:
            self._heading(story, section)
        write_block_list(story, section.blocks, self.footnotes)

    # --- blocks ----------------------------------------------------------------------

    def blocks(self, story: Story, diff: list, depth: int = 0) -> None:
        for item in diff:
            if isinstance(item, Same):
                self.unit(story, item.unit, depth)
            elif isinstance(item, (Added, Removed)):
                kind = "insert" if isinstance(item, Added) else "delete"
                self.whole(story, lambda item=item: self.unit(story, item.unit, depth), kind)
            elif isinstance(item, ChangedParagraph):
                p = self._paragraph(story, depth)
                self.ops(p, item.ops)
            elif isinstance(item, ChangedItem):
                self._item(story, item, depth)
            elif isinstance(item, ChangedTable):
                self._table(story, item)
            else:
                raise TypeError(item)

    def unit(self, story: Story, unit: Unit, depth: int) -> None:
        if unit.kind in ("bullet", "number"):
            write_item(story, unit.block, self.footnotes, self._level(unit, depth))
        else:
            write_block(story, unit.block, self.footnotes, depth)

    def _level(self, unit: Unit, depth: int) -> ListLevel:
        if unit.kind == "bullet":
            return ListLevel(depth + 1, house.BULLET, house.LIST_BULLET)
        return ListLevel(depth + 1, unit.marker, house.LIST_NUMBER)

    def _paragraph(self, story: Story, depth: int):
        p = story.paragraph()
        if depth:  # as blocks.write_block: a paragraph inside a list item
            indent(p, depth, hanging=False)
            p._p.style = house.LIST_CONTINUE
        return p

    def _item(self, story: Story, item: ChangedItem, depth: int) -> None:
        level = self._level(item.new, depth)
        p = story.paragraph(level.style)
        indent(p, level.depth, hanging=True)
        self.ops(p, [(op, [Text(text)]) for op, text in item.marker_ops])
        p.add_run("\t")
        if item.first_ops is not None:
            self.ops(p, item.first_ops)
        self.blocks(story, item.rest, depth=level.depth)

    def _table(self, story: Story, change: ChangedTable) -> None:
        rows = [row.cells for row in change.rows]
        for row in change.rows:
            for cell, ops in zip(row.cells, row.ops or []):
                self._cell_ops[id(cell)] = ops
        new = change.new.block
        merged = Table(rows[0], rows[1:-1] if change.total else rows[1:], rows[-1] if change.total else None,
                       new.align)
        start = story.mark()

        def cell(p, inlines, **fmt):
            ops = self._cell_ops.get(id(inlines))
            if ops is not None:
                self.ops(p, ops, **fmt)
            else:
                write_inlines(p, inlines, self.footnotes, **fmt)

        write_table(story, merged, cell)
        tbl = [e for e in story.since(start) if e.tag == qn("w:tbl")][-1]
        for tr, row in zip(tbl.findall(qn("w:tr")), change.rows):
            if row.state in ("added", "removed"):
                kind = "insert" if row.state == "added" else "delete"
                self._mark_notes(self.tracker.mark_elements([tr], kind), kind)

    # --- inlines ---------------------------------------------------------------------

    def ops(self, p, ops: list, bold: bool = False, italic: bool = False) -> None:
        """Write `[(op, inlines)]` into paragraph `p`, deletions and insertions tracked."""
        for op, inlines in ops:
            before = len(p._p)
            write_inlines(p, inlines, self.footnotes, bold, italic)
            runs = [child for child in list(p._p)[before:] if child.tag == qn("w:r")]
            if op != "equal":
                self.tracker.wrap_runs(runs, op)
                self._mark_notes(footnote_references(runs), op)

    def text_ops(self, p, old: str, new: str) -> None:
        self.ops(p, [(op, [Text(text)]) for op, text in diff_text(old, new)])

    def plain_paragraph(self, story: Story, style: str, old: str, new: str) -> None:
        if old and new:
            self.text_ops(story.paragraph(style), old, new)
        else:
            self.whole(story, lambda: story.paragraph(style).add_run(old or new), "insert" if new else "delete")
