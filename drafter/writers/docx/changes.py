"""Tracked-change nodes (drafter.model.changes) as Word's native revisions, inside the normal writer.

blocks.write_block and inlines.write_inlines hand change nodes here; everything else in a redline
is written by the same code as any document (house template, styles, lists, tables, footnotes).
The XML of a revision is tracked.py's. A footnote whose mark is inserted or deleted has its text
marked the same way. Revisions get their w:id at the end, in document order (`number_revisions`),
so the same model always gives the same bytes.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from drafter.model.changes import (
    ChangeBlock, ChangedPeople, Deleted, DeletedBlocks, Heading, Inserted, InsertedBlocks, Redline, RenumberedItem,
    TrackedTable,
)
from drafter.model.nodes import Document
from drafter.model.nodes import Paragraph as ParagraphNode
from drafter.writers.docx import house
from drafter.writers.docx.blocks import ListLevel, indent, write_block
from drafter.writers.docx.footnotes import Footnotes
from drafter.writers.docx.inlines import write_inlines
from drafter.writers.docx.story import Story
from drafter.writers.docx.tables import write_table
from drafter.writers.docx.tracked import FIRST_ID, footnote_references, mark_elements, revisions, wrap_runs

KIND = {Inserted: "insert", Deleted: "delete", InsertedBlocks: "insert", DeletedBlocks: "delete"}


def write_tracked_inline(p: Paragraph, node: Inserted | Deleted, footnotes: Footnotes,
                         bold: bool = False, italic: bool = False) -> None:
    """The node's children as runs in one w:ins / w:del; their footnotes' text marked alike."""
    before = len(p._p)
    write_inlines(p, node.children, footnotes, bold, italic)
    runs = [child for child in list(p._p)[before:] if child.tag == qn("w:r")]
    kind = KIND[type(node)]
    wrap_runs(runs, kind, node.revision)
    _mark_notes(footnotes, footnote_references(runs), kind, node.revision)


def write_change(story: Story, block: ChangeBlock, footnotes: Footnotes, depth: int = 0) -> None:
    if isinstance(block, (InsertedBlocks, DeletedBlocks)):
        start = story.mark()
        for inner in block.content:
            write_block(story, inner, footnotes, depth)
        kind = KIND[type(block)]
        _mark_notes(footnotes, mark_elements(story.since(start), kind, block.revision), kind, block.revision)
    elif isinstance(block, Heading):
        write_inlines(story.paragraph(house.heading_style(block.level)), block.text, footnotes)
    elif isinstance(block, RenumberedItem):
        _renumbered_item(story, block, footnotes, depth)
    elif isinstance(block, TrackedTable):
        _table(story, block, footnotes)
    elif isinstance(block, ChangedPeople):
        _people(story, block, footnotes, depth)
    else:
        raise TypeError(f"okänd ändringsnod: {type(block).__name__}")


def write_title(story: Story, doc: Document, footnotes: Footnotes, style: str, subtitle: bool = False):
    """The title (or subtitle) paragraph; a redline's with its changes (a subtitle only one side
    has is an inserted or deleted paragraph). None when there is no such line."""
    if not isinstance(doc, Redline):
        text = doc.meta.subtitle if subtitle else doc.meta.title
        if subtitle and not text:
            return None
        p = story.paragraph(style)
        p.add_run(text)
        return p
    inlines = doc.subtitle if subtitle else doc.title
    if not inlines:
        return None
    p = story.paragraph(style)
    write_inlines(p, inlines, footnotes)
    first = inlines[0]
    if isinstance(first, (Inserted, Deleted)) and all(type(node) is type(first) for node in inlines):
        mark_elements([p._p], KIND[type(first)], first.revision, runs=False)  # the whole line is new / gone
    return p


def number_revisions(roots: list) -> None:
    """Every w:ins / w:del of the document and its footnotes a unique w:id, in document order."""
    number = FIRST_ID
    for root in roots:
        for mark in revisions(root):
            mark.set(qn("w:id"), str(number))
            number += 1


def _mark_notes(footnotes: Footnotes, note_ids: list[str], kind: str, revision) -> None:
    for note_id in note_ids:
        mark_elements(footnotes.note(note_id).findall(qn("w:p")), kind, revision)


def _renumbered_item(story: Story, item: RenumberedItem, footnotes: Footnotes, depth: int) -> None:
    """As blocks.write_item, the number written with its changes."""
    level = ListLevel(depth + 1, "", house.LIST_NUMBER)
    first, rest = (item.content[0], item.content[1:]) if item.content and \
        isinstance(item.content[0], ParagraphNode) else (None, item.content)
    p = story.paragraph(level.style)
    indent(p, level.depth, hanging=True)
    write_inlines(p, item.number, footnotes)
    p.add_run("\t")
    if first is not None:
        write_inlines(p, first.inlines, footnotes)
    for block in rest:
        write_block(story, block, footnotes, depth=level.depth)


def _table(story: Story, tracked: TrackedTable, footnotes: Footnotes) -> None:
    start = story.mark()
    write_table(story, tracked.table, lambda p, inlines, **fmt: write_inlines(p, inlines, footnotes, **fmt))
    tbl = [e for e in story.since(start) if e.tag == qn("w:tbl")][-1]
    for tr, state in zip(tbl.findall(qn("w:tr")), tracked.rows):
        if state:
            _mark_notes(footnotes, mark_elements([tr], state, tracked.revision), state, tracked.revision)


def _people(story: Story, change: ChangedPeople, footnotes: Footnotes, depth: int) -> None:
    """The new block as always; then in person i's cell, each changed line rewritten with its changes."""
    start = story.mark()
    write_block(story, change.block, footnotes, depth)
    tables = [e for e in story.since(start) if e.tag == qn("w:tbl")]
    if not tables:
        return
    cells = list(tables[-1].iter(qn("w:tc")))
    for cell, lines in zip(cells, change.lines):
        for p in cell.findall(qn("w:p")):
            inlines = lines.get(_text(p))
            if inlines is None:
                continue
            runs = p.findall(qn("w:r"))
            bold = any(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs)
            for r in runs:
                p.remove(r)
            write_inlines(Paragraph(p, None), inlines, footnotes, bold=bold)  # type: ignore[arg-type]  # runs need no part


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))

