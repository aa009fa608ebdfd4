"""A redline's blocks (drafter.model.changes) as HTML: paragraphs, real lists, tables, footnote marks.

What the DOCX shows as tracked changes the page shows with `<del>` and `<ins>`; a block only one
side has is wrapped whole. Lists stay `<ul>`/`<ol>` (a screen reader announces them), a footnote
mark is a superscript number, and the footnotes a section refers to follow it, deleted or inserted
like their mark. Section headings are shown by html_format, so `Heading` blocks are left out here.
Every text goes through html.escape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from drafter.model.changes import (
    ChangedPeople, Deleted, DeletedBlocks, Heading, Inserted, InsertedBlocks, RenumberedItem, TrackedTable,
)
from drafter.model.nodes import (
    BulletList, CrossRef, Emph, FootnoteRef, LineBreak, Officials, OrderedList, Paragraph, SignatureBlock, Strong,
    Table, Text,
)
from drafter.model.text import block_lines

TAG = {"ins": "ins", "del": "del"}


@dataclass
class Notes:
    """The footnotes met while rendering a section: (number, blocks, "ins" / "del" / None)."""

    found: list[tuple[int, list, str | None]] = field(default_factory=list)

    def html(self) -> str:
        if not self.found:
            return ""
        items = [f"<li value=\"{n}\">{_blocks(blocks, Notes(), mode)}</li>" for n, blocks, mode in self.found]
        return '<ol class="notes" aria-label="Fotnoter">' + "".join(items) + "</ol>"


def section_html(blocks: list) -> str:
    """A section's diffed blocks, then its footnotes."""
    notes = Notes()
    body = _blocks(blocks, notes, None)
    return body + notes.html()


def _wrap(html: str, mode: str | None) -> str:
    return f"<{TAG[mode]}>{html}</{TAG[mode]}>" if mode and html else html


def _blocks(blocks: list, notes: Notes, mode: str | None) -> str:
    return "".join(_block(block, notes, mode) for block in blocks)


def _block(block, notes: Notes, mode: str | None) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_inlines(block.inlines, notes, mode)}</p>"
    if isinstance(block, BulletList):
        return "<ul>" + "".join(f"<li>{_item(item, notes, mode)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, OrderedList):
        return f'<ol start="{block.start}">' + \
            "".join(f"<li>{_item(item, notes, mode)}</li>" for item in block.items) + "</ol>"
    if isinstance(block, RenumberedItem):
        return (f'<ol class="renumbered"><li><span class="marker">{_inlines(block.number, notes, mode)}</span> '
                f"{_item(block.content, notes, mode)}</li></ol>")
    if isinstance(block, (InsertedBlocks, DeletedBlocks)):
        inner = "ins" if isinstance(block, InsertedBlocks) else "del"
        return f'<div class="{"inserted" if inner == "ins" else "deleted"}">{_blocks(block.content, notes, inner)}</div>'
    if isinstance(block, Heading):
        return ""
    if isinstance(block, Table):
        return _table(block, [""] * len(_rows(block)), notes, mode)
    if isinstance(block, TrackedTable):
        return _table(block.table, block.rows, notes, mode)
    if isinstance(block, ChangedPeople):
        return _people(block.block, block.lines, notes, mode)
    if isinstance(block, (SignatureBlock, Officials)):
        return _people(block, [], notes, mode)
    raise TypeError(f"okänd blocknod: {type(block).__name__}")


def _item(blocks: list, notes: Notes, mode: str | None) -> str:
    """A list item: its first paragraph inline, later blocks as they are."""
    if blocks and isinstance(blocks[0], Paragraph):
        return _inlines(blocks[0].inlines, notes, mode) + _blocks(blocks[1:], notes, mode)
    return _blocks(blocks, notes, mode)


def _rows(table: Table) -> list:
    return [table.header, *table.rows, *([table.total] if table.total else [])]


def _table(table: Table, states: list[str], notes: Notes, mode: str | None) -> str:
    rows = _rows(table)
    out = ["<table>"]
    for r, (row, state) in enumerate(zip(rows, states)):
        cell_mode = {"insert": "ins", "delete": "del"}.get(state) or mode
        tag = "th" if r == 0 else "td"
        scope = ' scope="col"' if r == 0 else ""
        cells = []
        for c, cell in enumerate(row):
            align = ' class="num"' if c < len(table.align) and table.align[c] == "right" else ""
            text = _inlines(cell, notes, cell_mode)
            if table.total is not None and r == len(rows) - 1:
                text = f"<strong>{text}</strong>"
            cells.append(f"<{tag}{scope}{align}>{text}</{tag}>")
        out.append(("<thead>" if r == 0 else "") + "<tr>" + "".join(cells) + "</tr>" +
                    ("</thead><tbody>" if r == 0 else ""))
    out.append("</tbody></table>")
    return "".join(out)


def _people(block, changed: list[dict], notes: Notes, mode: str | None) -> str:
    people = block.signatories if isinstance(block, SignatureBlock) else block.officials
    out = ['<div class="people">']
    for i, person in enumerate(people):
        lines = changed[i] if i < len(changed) else {}
        kind = type(block)
        shown = [_inlines(lines[line], notes, mode) if line in lines else _wrap(escape(line), mode)
                 for line in block_lines(kind([person]))]
        out.append("<p>" + "<br>".join(shown) + "</p>")
    out.append("</div>")
    return "".join(out)


def _inlines(inlines: list, notes: Notes, mode: str | None) -> str:
    return _wrap(_inner(inlines, notes, mode), mode)


def _inner(inlines: list, notes: Notes, mode: str | None) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(escape(node.text))
        elif isinstance(node, CrossRef):
            out.append(escape(node.text))
        elif isinstance(node, Strong):
            out.append(f"<strong>{_inner(node.children, notes, mode)}</strong>")
        elif isinstance(node, Emph):
            out.append(f"<em>{_inner(node.children, notes, mode)}</em>")
        elif isinstance(node, LineBreak):
            out.append("<br>")
        elif isinstance(node, FootnoteRef):
            notes.found.append((node.number, node.blocks, mode))
            out.append(f'<sup class="fn">{node.number}</sup>')
        elif isinstance(node, (Inserted, Deleted)):
            inner = "ins" if isinstance(node, Inserted) else "del"
            out.append(_wrap(_inner(node.children, notes, inner), inner))
        else:
            raise TypeError(f"okänd inline-nod: {type(node).__name__}")
    return "".join(out)
