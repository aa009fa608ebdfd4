"""Diff two lists of model blocks: pair them, then diff paired paragraphs inline by inline.

Blocks are cut into units a reader takes in one go: a paragraph, one list item (with what it
holds), a table, a signature or officials block. Units are matched with difflib on their text;
in a stretch that differs, units of the same kind that read alike (half their words or more) are
paired and diffed, the others are added or removed whole. An ordered item that only moved in its
list is paired with itself, so its number ("3." → "4.") is a change like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from difflib import SequenceMatcher

from drafter.diff.inlines import diff_inlines, to_tokens
from drafter.diff.words import diff_text, tokenize
from drafter.model.nodes import Block, BulletList, Officials, OrderedList, Paragraph, SignatureBlock, Table
from drafter.model.text import block_lines, inline_text

SIMILAR = 0.5


@dataclass
class Unit:
    kind: str  # "p", "bullet", "number", "table", "block"
    block: Any  # Paragraph, an item's list of blocks, Table or another Block
    marker: str = ""  # "3." for an ordered item

    @property
    def text(self) -> str:
        blocks = self.block if isinstance(self.block, list) else [self.block]
        return "\n".join(line for b in blocks for line in block_lines(b))

    @property
    def key(self) -> tuple:
        """What must be equal for the unit to be unchanged: its words with their formatting and
        its footnotes' texts (a footnote mark reads as its number, the same for a changed note)."""
        return self.kind, self.marker, self.text, signature(self.block if isinstance(self.block, list)
                                                              else [self.block])


def signature(blocks: list) -> tuple:
    """Every run of text in `blocks` as diff tokens (bold/italic with the text; a footnote mark
    as its footnote's text): a word that turns bold or a footnote that changed is a change."""
    out: list = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(tuple(to_tokens(block.inlines)))
        elif isinstance(block, (BulletList, OrderedList)):
            out += [signature(item) for item in block.items]
        elif isinstance(block, Table):
            out += [tuple(to_tokens(cell)) for row in [block.header, *block.rows, *([block.total] if block.total else [])]
                    for cell in row]
        else:
            out.append(tuple(block_lines(block)))
    return tuple(out)


@dataclass
class Same:
    unit: Unit


@dataclass
class Added:
    unit: Unit


@dataclass
class Removed:
    unit: Unit


@dataclass
class ChangedParagraph:
    old: Unit
    new: Unit
    ops: list  # [(op, inlines)]


@dataclass
class ChangedItem:
    old: Unit
    new: Unit
    marker_ops: list  # [(op, text)]
    first_ops: list | None  # inline ops of the item's first paragraph, None when it has none
    rest: list  # the diff of the item's other blocks


@dataclass
class PeopleDiff:
    """The same signatories (or officials), some of their lines changed: per person, the lines as
    written now that differ, each with its `[(op, text)]`."""

    old: Unit
    new: Unit
    lines: list[dict[str, list]]


@dataclass
class RowDiff:
    state: str  # "same", "added", "removed", "changed"
    cells: list  # the row's cells, new side (old side for a removed row)
    ops: list | None = None  # per cell [(op, inlines)] for a changed row


@dataclass
class ChangedTable:
    old: Unit
    new: Unit
    rows: list[RowDiff] = field(default_factory=list)  # header first, total (if any) last
    total: bool = False  # the last row is a sum row


def units(blocks: list[Block]) -> list[Unit]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Unit("p", block))
        elif isinstance(block, BulletList):
            out += [Unit("bullet", item) for item in block.items]
        elif isinstance(block, OrderedList):
            out += [Unit("number", item, f"{n}.") for n, item in enumerate(block.items, start=block.start)]
        elif isinstance(block, Table):
            out.append(Unit("table", block))
        else:
            out.append(Unit("block", block))
    return out


def diff_blocks(old: list[Block], new: list[Block]) -> list:
    """Same/Added/Removed/Changed… in reading order (old-only units before their new-side stand-ins)."""
    a, b = units(old), units(new)
    matcher = SequenceMatcher(None, [u.key for u in a], [u.key for u in b], autojunk=False)
    result: list = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [Same(u) for u in b[j1:j2]]
        else:
            result += _pair(a[i1:i2], b[j1:j2])
    return result


def similarity(a: str, b: str) -> float:
    words_a = [t for _, t in tokenize(a) if not t.isspace()]
    words_b = [t for _, t in tokenize(b) if not t.isspace()]
    if not words_a and not words_b:
        return 1.0
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def _pair(old: list[Unit], new: list[Unit]) -> list:
    out: list = []
    j = 0
    for unit in old:
        best, best_score = None, SIMILAR
        for k in range(j, len(new)):
            if new[k].kind == unit.kind and (unit.kind != "block" or type(new[k].block) is type(unit.block)):
                score = similarity(unit.text, new[k].text)
                if score >= best_score and (best is None or score > best_score):
                    best, best_score = k, score
        if best is None:
            out.append(Removed(unit))
            continue
        out += [Added(u) for u in new[j:best]]
        changed = _changed(unit, new[best])
        out += changed if isinstance(changed, list) else [changed]
        j = best + 1
    out += [Added(u) for u in new[j:]]
    return out


def _changed(old: Unit, new: Unit):
    if old.kind == "p":
        return ChangedParagraph(old, new, diff_inlines(old.block.inlines, new.block.inlines))
    if old.kind in ("bullet", "number"):
        first_old = old.block[:1] if old.block and isinstance(old.block[0], Paragraph) else []
        first_new = new.block[:1] if new.block and isinstance(new.block[0], Paragraph) else []
        if bool(first_old) != bool(first_new):
            return [Removed(old), Added(new)]
        ops = diff_inlines(first_old[0].inlines, first_new[0].inlines) if first_old else None
        return ChangedItem(old, new, diff_text(old.marker, new.marker), ops,
                           diff_blocks(old.block[len(first_old):], new.block[len(first_new):]))
    if old.kind == "table" and len(_width(old.block)) == 1 and _width(old.block) == _width(new.block):
        return _changed_table(old, new)
    people = _changed_people(old, new)
    return people if people is not None else [Removed(old), Added(new)]


def _changed_people(old: Unit, new: Unit) -> PeopleDiff | None:
    """A new chair changes the name in that person's cell; a person added or a line left out
    (an official without a name) replaces the whole block."""
    kinds = (SignatureBlock, "signatories"), (Officials, "officials")
    for kind, attribute in kinds:
        if isinstance(old.block, kind) and isinstance(new.block, kind):
            a, b = getattr(old.block, attribute), getattr(new.block, attribute)
            if len(a) != len(b):
                return None
            lines = []
            for x, y in zip(a, b):
                old_lines, new_lines = block_lines(kind([x])), block_lines(kind([y]))
                if len(old_lines) != len(new_lines):
                    return None
                lines.append({n: diff_text(o, n) for o, n in zip(old_lines, new_lines) if o != n})
            return PeopleDiff(old, new, lines)
    return None


def _changed_table(old: Unit, new: Unit) -> ChangedTable:
    t_old, t_new = old.block, new.block
    change = ChangedTable(old, new, total=bool(t_old.total or t_new.total))
    change.rows.append(_row(t_old.header, t_new.header))
    keys_old = [_row_text(r) for r in t_old.rows]
    keys_new = [_row_text(r) for r in t_new.rows]
    matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            change.rows += [_row(o, n) for o, n in zip(t_old.rows[i1:i2], t_new.rows[j1:j2])]
            continue
        olds, news = t_old.rows[i1:i2], t_new.rows[j1:j2]
        for k in range(max(len(olds), len(news))):  # pair row by row: a budget line's amount changes
            o = olds[k] if k < len(olds) else None
            n = news[k] if k < len(news) else None
            if o is not None and n is not None and similarity(_row_text(o), _row_text(n)) >= SIMILAR:
                change.rows.append(_row(o, n))
            else:
                change.rows += ([RowDiff("removed", o)] if o is not None else []) + \
                               ([RowDiff("added", n)] if n is not None else [])
    if t_old.total and t_new.total:
        change.rows.append(_row(t_old.total, t_new.total))
    elif t_old.total or t_new.total:
        change.rows.append(RowDiff("removed", t_old.total) if t_old.total else RowDiff("added", t_new.total))
    return change


def _row(old: list, new: list) -> RowDiff:
    if _row_key(old) == _row_key(new):
        return RowDiff("same", new)
    return RowDiff("changed", new, [diff_inlines(o, n) for o, n in zip(old, new)])


def _row_key(row: list) -> tuple:
    return tuple(tuple(to_tokens(c)) for c in row)


def _row_text(row: list) -> str:
    return "\t".join(inline_text(c) for c in row)


def _width(table: Table) -> tuple:
    rows = [table.header, *table.rows, *([table.total] if table.total else [])]
    return tuple(sorted({len(r) for r in rows}))
