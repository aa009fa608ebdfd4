"""Model inlines ↔ tokens, so runs of text with their formatting can be diffed word by word.

A text token's style is `(bold, italic)`, so a word that turns bold is a change. A footnote mark
and a line break are one token each (an `Atom`), equal when the footnote texts are. A CrossRef
reads as its text ("punkt 5.7"): a renumbered reference is a changed word.
"""

from __future__ import annotations

from drafter.model.nodes import CrossRef, Emph, FootnoteRef, Inline, LineBreak, Strong, Text
from drafter.model.text import block_lines
from drafter.diff.words import OBJECT, Token, diff_tokens, tokenize


class Atom:
    """The style of a token that stands for one node; compared by `key`, carries the node."""

    __slots__ = ("key", "node")

    def __init__(self, key, node):
        self.key, self.node = key, node

    def __eq__(self, other):
        return isinstance(other, Atom) and self.key == other.key

    def __hash__(self):
        return hash(self.key)


def to_tokens(inlines: list[Inline], bold: bool = False, italic: bool = False) -> list[Token]:
    tokens: list[Token] = []
    for node in inlines:
        if isinstance(node, Text):
            tokens += tokenize(node.text, (bold, italic))
        elif isinstance(node, CrossRef):
            tokens += tokenize(node.text, (bold, italic))
        elif isinstance(node, Strong):
            tokens += to_tokens(node.children, True, italic)
        elif isinstance(node, Emph):
            tokens += to_tokens(node.children, bold, True)
        elif isinstance(node, LineBreak):
            tokens.append((Atom(("br",), node), OBJECT))
        elif isinstance(node, FootnoteRef):
            text = "\n".join(line for b in node.blocks for line in block_lines(b))
            tokens.append((Atom(("fn", text), node), OBJECT))
    return tokens


def to_inlines(tokens: list[Token]) -> list[Inline]:
    """Tokens back to nodes: neighbouring text of one style becomes one Text."""
    out: list[Inline] = []
    pending: list[str] = []
    style = None

    def flush():
        if pending:
            node: Inline = Text("".join(pending))
            bold, italic = style
            if italic:
                node = Emph([node])
            if bold:
                node = Strong([node])
            out.append(node)
            pending.clear()

    for token_style, text in tokens:
        if isinstance(token_style, Atom):
            flush()
            out.append(token_style.node)
            continue
        if token_style != style:
            flush()
            style = token_style
        pending.append(text)
    flush()
    return out


def diff_inlines(old: list[Inline], new: list[Inline]) -> list[tuple[str, list[Inline]]]:
    """`[(op, inlines)]` with op "equal", "delete" or "insert"."""
    return [(op, to_inlines(tokens)) for op, tokens in diff_tokens(to_tokens(old), to_tokens(new))]
