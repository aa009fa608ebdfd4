"""A redline's blocks (drafter.model.changes) as lines of text, for `compare` in a terminal or a file.

Block by block, as the document reads: a paragraph is a line, a list item starts with "–" or its
number, a table row is its cells between " | ", a person in a signature block one line. A change
inside a line is marked where it is; a block only one side has is marked line by line, so no mark
spans a line break. A footnote mark reads "[n]"; the footnotes a section refers to follow it.
Section headings are printed by text_format, so `Heading` blocks are left out here.
"""

from __future__ import annotations

from typing import Callable

from drafter.model.changes import (
    ChangedPeople, Deleted, DeletedBlocks, Heading, Inserted, InsertedBlocks, RenumberedItem, TrackedTable,
)
from drafter.model.nodes import (
    BulletList, CrossRef, Emph, FootnoteRef, LineBreak, Officials, OrderedList, Paragraph, SignatureBlock, Strong,
    Table, Text,
)
from drafter.model.text import block_lines

Mark = Callable[[str, str], str]  # (op "insert" / "delete", text) → the text marked
INDENT = "  "


def section_lines(blocks: list, mark: Mark) -> list[str]:
    """A section's diffed blocks as lines, then its footnotes ("[n] text")."""
    notes: list[tuple[int, list, str | None]] = []
    lines = _blocks(blocks, mark, notes, None, "")
    for number, note_blocks, mode in notes:
        text = " ".join(_blocks(note_blocks, mark, [], mode, ""))
        lines.append(f"[{number}] {text}")
    return lines


def _marked(text: str, mark: Mark, mode: str | None) -> str:
    return mark(mode, text) if mode and text else text


def _blocks(blocks: list, mark: Mark, notes: list, mode: str | None, indent: str) -> list[str]:
    return [line for block in blocks for line in _block(block, mark, notes, mode, indent)]


def _block(block, mark: Mark, notes: list, mode: str | None, indent: str) -> list[str]:
    if isinstance(block, Paragraph):
        return [indent + _inlines(block.inlines, mark, notes, mode)]
    if isinstance(block, BulletList):
        return [line for item in block.items for line in _item(item, [Text("–")], mark, notes, mode, indent)]
    if isinstance(block, OrderedList):
        return [line for n, item in enumerate(block.items, start=block.start)
                for line in _item(item, [Text(f"{n}.")], mark, notes, mode, indent)]
    if isinstance(block, RenumberedItem):
        return _item(block.content, block.number, mark, notes, mode, indent)
    if isinstance(block, (InsertedBlocks, DeletedBlocks)):
        inner = "insert" if isinstance(block, InsertedBlocks) else "delete"
        return _blocks(block.content, mark, notes, inner, indent)
    if isinstance(block, Heading):
        return []
    if isinstance(block, Table):
        return _table(block, [""] * len(_rows(block)), mark, notes, mode, indent)
    if isinstance(block, TrackedTable):
        return _table(block.table, block.rows, mark, notes, mode, indent)
    if isinstance(block, ChangedPeople):
        return _people(block.block, block.lines, mark, notes, mode, indent)
    if isinstance(block, (SignatureBlock, Officials)):
        return _people(block, [], mark, notes, mode, indent)
    raise TypeError(f"okänd blocknod: {type(block).__name__}")


def _item(blocks: list, marker: list, mark: Mark, notes: list, mode: str | None, indent: str) -> list[str]:
    """The marker ("–", "3.", or a changed number) and the first paragraph on one line."""
    first, rest = (blocks[0].inlines, blocks[1:]) if blocks and isinstance(blocks[0], Paragraph) else ([], blocks)
    line = indent + _inlines([*marker, Text(" "), *first], mark, notes, mode).rstrip()
    return [line, *_blocks(rest, mark, notes, mode, indent + INDENT)]


def _rows(table: Table) -> list:
    return [table.header, *table.rows, *([table.total] if table.total else [])]


def _table(table: Table, states: list[str], mark: Mark, notes: list, mode: str | None, indent: str) -> list[str]:
    lines = []
    for row, state in zip(_rows(table), states):
        row_mode = state or mode
        lines.append(indent + " | ".join(_inlines(cell, mark, notes, row_mode) for cell in row))
    return lines


def _people(block, changed: list[dict], mark: Mark, notes: list, mode: str | None, indent: str) -> list[str]:
    people = block.signatories if isinstance(block, SignatureBlock) else block.officials
    lines = []
    for i, person in enumerate(people):
        own = changed[i] if i < len(changed) else {}
        shown = [_inlines(own[line], mark, notes, mode) if line in own else _marked(line, mark, mode)
                 for line in block_lines(type(block)([person]))]
        lines.append(indent + " / ".join(shown))
    return lines


def _inlines(inlines: list, mark: Mark, notes: list, mode: str | None) -> str:
    """Inline text, each stretch of one change marked once: "[-Föreningen Street Minds-]"."""
    segments: list[tuple[str | None, str]] = []
    for segment_mode, text in _segments(inlines, notes, mode):
        if segments and segments[-1][0] == segment_mode:
            segments[-1] = (segment_mode, segments[-1][1] + text)
        else:
            segments.append((segment_mode, text))
    return "".join(_marked(text, mark, segment_mode) for segment_mode, text in segments)


def _segments(inlines: list, notes: list, mode: str | None):
    for node in inlines:
        if isinstance(node, (Text, CrossRef)):
            yield mode, node.text
        elif isinstance(node, (Strong, Emph)):
            yield from _segments(node.children, notes, mode)
        elif isinstance(node, LineBreak):
            yield mode, " "
        elif isinstance(node, FootnoteRef):
            notes.append((node.number, node.blocks, mode))
            yield mode, f"[{node.number}]"
        elif isinstance(node, (Inserted, Deleted)):
            yield from _segments(node.children, notes, "insert" if isinstance(node, Inserted) else "delete")
        else:
            raise TypeError(f"okänd inline-nod: {type(node).__name__}")
