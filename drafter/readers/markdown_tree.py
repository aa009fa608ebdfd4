"""markdown-it-py's syntax tree of a clause text, kept between runs (drafter.parse_cache).

The reader asks a node for its type, tag, attrs, meta, map, content and children, and nothing else:
`Node` holds those, made from markdown-it's SyntaxTreeNode when a text is parsed, or from plain
tuples read back from the cache. A run whose texts are all kept never imports markdown-it (about
13 ms) nor parses (the parser's first use compiles its rules).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# (type, tag, attrs, meta, map, content, children): what the reader reads of a node, as plain data
Frozen = tuple[str, str, dict, dict, Any, str, tuple]


class Node:
    """One node of the syntax tree, with the attributes of markdown-it's SyntaxTreeNode the reader uses."""

    __slots__ = ("type", "tag", "attrs", "meta", "map", "content", "children")

    def __init__(self, frozen: Frozen):
        self.type, self.tag, self.attrs, self.meta, self.map, self.content, children = frozen
        self.children = [Node(child) for child in children]


def syntax_tree(markdown: str) -> Node:
    """The tree of `markdown`, kept between runs by the text's exact bytes and markdown-it's version."""
    from drafter.parse_cache import kept

    data = _versions() + markdown.encode("utf-8")
    return Node(kept("markdown", data, lambda: parse(markdown), _is_frozen))


def parse(markdown: str) -> Frozen:
    """markdown-it's own parse, as plain data."""
    from markdown_it.tree import SyntaxTreeNode

    return _frozen(SyntaxTreeNode(_parser().parse(markdown)))


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)


@lru_cache(maxsize=1)
def _versions() -> bytes:
    """The bytes of markdown-it-py's and mdit-py-plugins' `__init__.py` (each holds its version),
    found without importing either."""
    from importlib.util import find_spec

    found = b""
    for name in ("markdown_it", "mdit_py_plugins"):
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            return b"?"
        with open(spec.origin, "rb") as f:
            found += f.read() + b"\0"
    return found


def _frozen(node) -> Frozen:
    if node.is_root:
        return ("root", "", {}, {}, None, "", tuple(_frozen(child) for child in node.children))
    return (node.type, node.tag, dict(node.attrs), dict(node.meta), tuple(node.map) if node.map else None,
            node.content, tuple(_frozen(child) for child in node.children))


def _is_frozen(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 7 and value[0] == "root"
