"""Clause Markdown → model blocks and sub-sections.

A renderer in markdown-it-py's style: one small method per node type of the
syntax tree. Headings inside a clause open numbered sub-sections of the clause's
section (`#` is the first level below it). Markers left by `ref()`/`block()` in
clauses.render become CrossRef nodes and data blocks (the budget table, the
signature block).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from drafter.clauses.render import MARKER
from drafter.readers.markdown_tree import Node, syntax_tree
from drafter.model.nodes import (
    Block,
    BulletList,
    CrossRef,
    Emph,
    FootnoteRef,
    Inline,
    LineBreak,
    OrderedList,
    Paragraph,
    Section,
    Strong,
    Table,
    Text,
)

MAX_LIST_DEPTH = 9


@lru_cache(maxsize=256)
def _tree(markdown: str) -> Node:
    """markdown-it's syntax tree of a text, parsed once per process (and kept between runs: markdown_tree):
    a batch's specs and the web page's edits fill most clauses with the same values, and parsing is most
    of reading. The reader only reads the tree (every model node it makes is new), so one tree serves
    every reading."""
    return syntax_tree(markdown)


class UnsupportedMarkup(ValueError):
    """Markdown that has no place in an agreement (code, images, raw HTML, links)."""


class ClauseReader:
    """Reads one clause's Markdown; `data_blocks` supplies blocks named by `block()`."""

    def __init__(self, data_blocks: dict[str, Callable[[], Block]]):
        self.data_blocks = data_blocks
        self.footnotes: dict[int, list[Block]] = {}
        self._list_depth = 0

    def read(self, markdown: str) -> tuple[list[Block], list[Section]]:
        root = _tree(markdown)
        for child in root.children:
            if child.type == "footnote_block":
                for note in child.children:
                    self.footnotes[note.meta["id"]] = self.blocks(note.children)
        blocks: list[Block] = []
        sections: list[Section] = []
        open_by_level: dict[int, Section] = {}
        for child in root.children:
            if child.type == "footnote_block":
                continue
            if child.type == "heading":
                level = int(child.tag[1])
                section = Section(heading=self.plain(child.children))
                parent = open_by_level.get(level - 1)
                (parent.sections if parent else sections).append(section)
                open_by_level = {k: v for k, v in open_by_level.items() if k < level}
                open_by_level[level] = section
                continue
            target = open_by_level[max(open_by_level)].blocks if open_by_level else blocks
            target.extend(self.block(child))
        return blocks, sections

    # --- blocks ---------------------------------------------------------------

    def blocks(self, nodes) -> list[Block]:
        return [b for node in nodes for b in self.block(node)]

    def block(self, node: Node) -> list[Block]:
        method = getattr(self, f"block_{node.type}", None)
        if method is None:
            raise UnsupportedMarkup(f"{node.type} (rad {node.map[0] + 1 if node.map else '?'})")
        return method(node)

    def block_paragraph(self, node) -> list[Block]:
        inlines = self.pending(node.children)
        if len(inlines) == 1 and isinstance(inlines[0], _DataBlock):
            return [inlines[0].build()]
        return [Paragraph([_inline(i) for i in inlines])] if inlines else []

    def block_bullet_list(self, node) -> list[Block]:
        return [BulletList(self._list_items(node))]

    def block_ordered_list(self, node) -> list[Block]:
        start = int(node.attrs.get("start", 1))
        return [OrderedList(self._list_items(node), start)]

    def _list_items(self, node) -> list[list[Block]]:
        """The items of a list; a list nested deeper than the writers can show (DOCX numbering has
        MAX_LIST_DEPTH levels) is refused rather than dropped."""
        self._list_depth += 1
        try:
            if self._list_depth > MAX_LIST_DEPTH:
                line = node.map[0] + 1 if node.map else "?"
                raise UnsupportedMarkup(f"en lista i mer än {MAX_LIST_DEPTH} nivåer (rad {line}); "
                                        "dokumenten kan visa högst så många")
            return [self.blocks(item.children) for item in node.children]
        finally:
            self._list_depth -= 1

    def block_table(self, node) -> list[Block]:
        head = next(c for c in node.children if c.type == "thead")
        body = next((c for c in node.children if c.type == "tbody"), None)
        header_cells = head.children[0].children
        align = ["right" if "right" in str(c.attrs.get("style", "")) else "left" for c in header_cells]
        header = [self.inlines(c.children[0].children) if c.children else [] for c in header_cells]
        rows = [
            [self.inlines(c.children[0].children) if c.children else [] for c in row.children]
            for row in (body.children if body else [])
        ]
        return [Table(header, rows, None, align)]

    def block_hr(self, node) -> list[Block]:
        return []

    # --- inlines --------------------------------------------------------------

    def inlines(self, nodes) -> list[Inline]:
        return [_inline(i) for i in self.pending(nodes)]

    def pending(self, nodes) -> list[Inline | _DataBlock]:
        """The inlines, a `block()` marker still a placeholder: only a paragraph of its own becomes a block."""
        result: list[Inline | _DataBlock] = []
        for node in nodes:
            if node.type == "inline":
                result.extend(self.pending(node.children))
                continue
            method = getattr(self, f"inline_{node.type}", None)
            if method is None:
                raise UnsupportedMarkup(node.type)
            result.extend(method(node))
        return _merge_text(result)

    def inline_text(self, node) -> list[Inline | _DataBlock]:
        out: list[Inline | _DataBlock] = []
        pos = 0
        text = node.content
        for match in MARKER.finditer(text):
            if match.start() > pos:
                out.append(Text(text[pos:match.start()]))
            kind, name = match.groups()
            out.append(CrossRef(name) if kind == "ref" else _DataBlock(self.data_blocks, name))
            pos = match.end()
        if pos < len(text):
            out.append(Text(text[pos:]))
        return out

    def inline_softbreak(self, node) -> list[Inline]:
        return [Text(" ")]

    def inline_hardbreak(self, node) -> list[Inline]:
        return [LineBreak()]

    def inline_em(self, node) -> list[Inline]:
        return [Emph(self.inlines(node.children))]

    def inline_strong(self, node) -> list[Inline]:
        return [Strong(self.inlines(node.children))]

    def inline_footnote_anchor(self, node) -> list[Inline]:
        return []  # the back-link of a footnote body: writers place real footnotes

    def inline_footnote_ref(self, node) -> list[Inline]:
        return [FootnoteRef(self.footnotes.get(node.meta["id"], []))]

    def plain(self, nodes) -> str:
        from drafter.model.text import inline_text

        return inline_text(self.inlines(nodes)).strip()


class _DataBlock:
    """Placeholder for `block(name)` until its paragraph is read."""

    def __init__(self, builders: dict[str, Callable[[], Block]], name: str):
        if name not in builders:
            raise UnsupportedMarkup(f"block('{name}') finns inte; välj bland {', '.join(sorted(builders))}")
        self.name = name
        self.build = builders[name]


def _inline(node: Inline | _DataBlock) -> Inline:
    """An inline; a `block()` marker inside running text has no place there (a block is a paragraph)."""
    if isinstance(node, _DataBlock):
        raise UnsupportedMarkup(f"block('{node.name}') inne i en mening; ett block ska stå ensamt i ett eget stycke")
    return node


def _merge_text(inlines: list[Inline | _DataBlock]) -> list[Inline | _DataBlock]:
    merged: list[Inline | _DataBlock] = []
    for node in inlines:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return merged
