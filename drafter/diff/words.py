"""Word-level differences: tokenise, diff with difflib, tidy the result so a person can read it.

Tokens are what a reader takes as one thing: a word, a run of spaces, one punctuation mark, and
whole — never split — a date ("1 juli 2026", "2026-07-01"), an organisationsnummer
("802436-9758"), a clause number ("5.7", "3.5 a" counts "3.5"), an amount with its thousands
groups ("878 000", "1 250,50"). So 878 000 → 890 000 is one replaced token, not "8[-78-]{+90+} 000".

A token is `(style, text)`: `style` is anything hashable (None for plain text, the bold/italic
state of a run, or a marker for an atom such as a footnote) and `text` what it reads as. Two
tokens are the same when both parts are. The diff is a list of `(op, tokens)` with op "equal",
"delete" or "insert"; joining the "equal" and "delete" tokens gives the old sequence, the "equal"
and "insert" tokens the new one, always.

Tidying, after difflib.SequenceMatcher: an unchanged stretch of spaces, or of punctuation shorter than
the changes on both sides of it (after diff-match-patch's semantic cleanup), is folded into the
change, so "[-a b-]{+c d+}" reads as one edit instead of two. One word replaced by a similar word
("Supports" → "Support", "vuxenskolan" → "Vuxenskolan") is refined to the characters that differ.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Hashable

_SP = "[ \u00a0\u202f]"  # the spaces inside a Swedish amount or date (no-break ones too)
_MONTH = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
TOKEN = re.compile(
    rf"(?<!\w)\d{{1,2}}{_SP}(?:{_MONTH})(?:{_SP}\d{{4}})?(?!\w)"  # 1 juli 2026, 30 september
    r"|(?<!\w)\d{4}-\d{2}-\d{2}(?!\w)"  # 2026-07-01
    r"|(?<!\w)(?:\d{2})?\d{6}-\d{4}(?!\w)"  # organisationsnummer 802436-9758
    r"|(?<!\w)\d+(?:\.\d+)+(?![\w.]\d)"  # clause number 5.7, 4.1.2
    rf"|(?<![\w,])\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?(?![\w,])"  # 878 000, 1 250,50
    r"|(?<![\w,])\d+(?:,\d+)?(?![\w,])"  # 2026, 1,5
    r"|\w+|\s+|[^\w\s]")
WORD = re.compile(r"\w+")
OBJECT = "\ufffc"  # the text of an atom token (a footnote mark, a line break): counts as a word

Token = tuple[Hashable, str]


def tokenize(text: str, style: Hashable = None) -> list[Token]:
    return [(style, m.group()) for m in TOKEN.finditer(text)]


def diff_tokens(old: list[Token], new: list[Token]) -> list[tuple[str, list[Token]]]:
    """The ops that turn `old` into `new`: deletions before insertions, adjacent ops merged."""
    chunks = _chunks(old, new)
    chunks = _fold_equalities(chunks)
    ops: list[tuple[str, list[Token]]] = []
    for chunk in chunks:
        for op, tokens in _refine(chunk):
            tokens = [t for t in tokens if t[1]]
            if not tokens:
                continue
            if ops and ops[-1][0] == op:
                ops[-1] = (op, ops[-1][1] + tokens)
            else:
                ops.append((op, list(tokens)))
    return _deletions_first(ops)


def diff_text(old: str, new: str) -> list[tuple[str, str]]:
    """Plain texts: `[(op, text)]`; "".join of equal+delete is `old`, of equal+insert is `new`."""
    return [(op, "".join(t for _, t in tokens)) for op, tokens in diff_tokens(tokenize(old), tokenize(new))]


def old_side(ops) -> list:
    return [t for op, tokens in ops if op != "insert" for t in tokens]


def new_side(ops) -> list:
    return [t for op, tokens in ops if op != "delete" for t in tokens]


# --- steps ----------------------------------------------------------------------


class _Chunk:
    """An equal stretch (old == new) or a change (old replaced by new, either may be empty)."""

    __slots__ = ("equal", "old", "new")

    def __init__(self, equal: bool, old: list, new: list):
        self.equal, self.old, self.new = equal, old, new

    def size(self, side: list) -> int:
        return sum(len(text) for _, text in side)


def _chunks(old: list[Token], new: list[Token]) -> list[_Chunk]:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    chunks: list[_Chunk] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chunks.append(_Chunk(True, old[i1:i2], new[j1:j2]))
        elif chunks and not chunks[-1].equal:
            chunks[-1].old += old[i1:i2]
            chunks[-1].new += new[j1:j2]
        else:
            chunks.append(_Chunk(False, old[i1:i2], new[j1:j2]))
    return chunks


def _fold_equalities(chunks: list[_Chunk]) -> list[_Chunk]:
    """Fold short or blank equal stretches between two changes into one change; repeat until stable."""
    changed = True
    while changed:
        changed = False
        for i in range(1, len(chunks) - 1):
            left, mid, right = chunks[i - 1], chunks[i], chunks[i + 1]
            if not mid.equal or left.equal or right.equal:
                continue
            size = mid.size(mid.old)
            blank = all(text.isspace() for _, text in mid.old)
            no_words = not any(WORD.match(text) or text == OBJECT for _, text in mid.old)
            short = size <= max(left.size(left.old), left.size(left.new)) and \
                size <= max(right.size(right.old), right.size(right.new))
            if blank or (no_words and short):
                merged = _Chunk(False, left.old + mid.old + right.old, left.new + mid.new + right.new)
                chunks[i - 1:i + 2] = [merged]
                changed = True
                break
    return chunks


def _refine(chunk: _Chunk) -> list[tuple[str, list[Token]]]:
    if chunk.equal:
        return [("equal", chunk.new)]
    if len(chunk.old) == 1 and len(chunk.new) == 1:
        (style_a, a), (style_b, b) = chunk.old[0], chunk.new[0]
        if style_a == style_b and _plain_word(a) and _plain_word(b):
            split = _similar_words(a, b)
            if split:
                p, s = split
                return [("equal", [(style_a, a[:p])]),
                        ("delete", [(style_a, a[p:len(a) - s])]),
                        ("insert", [(style_b, b[p:len(b) - s])]),
                        ("equal", [(style_a, a[len(a) - s:])] if s else [])]
    return [("delete", chunk.old), ("insert", chunk.new)]


def _plain_word(text: str) -> bool:
    """A word of letters only: "2026" → "2030" is a new year, never "20[-26-]{+30+}"."""
    return bool(WORD.fullmatch(text)) and not any(c.isdigit() for c in text)


def _similar_words(a: str, b: str) -> tuple[int, int] | None:
    """(common prefix, common suffix) when they cover at least half of the longer word."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    if (p + s) * 2 >= max(len(a), len(b)) and p + s > 0:
        return p, s
    return None


def _deletions_first(ops: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """Within a run of changes, one deletion then one insertion (refinement can interleave them)."""
    out: list[tuple[str, list[Token]]] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == "equal":
            out.append(ops[i])
            i += 1
            continue
        deleted: list[Token] = []
        inserted: list[Token] = []
        while i < len(ops) and ops[i][0] != "equal":
            (deleted if ops[i][0] == "delete" else inserted).extend(ops[i][1])
            i += 1
        out += [op for op in (("delete", deleted), ("insert", inserted)) if op[1]]
    return out
