"""Swedish prose cut into paragraphs, sentences and words, the units that readability is measured in.

A sentence ends at . ! ? or : before a space or the end of its line (as in Björnsson's LIX and
Språkrådet's LIX tools), and at the end of a line: a list item, a heading-like line or a table row
without a full stop is a sentence of its own. Abbreviations (t.ex., bl.a., ca.) do not end one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

# Abbreviations whose full stop is not a sentence end; lower-cased, without the last full stop.
ABBREVIATIONS = {
    "t.ex", "bl.a", "m.m", "m.fl", "s.k", "t.o.m", "fr.o.m", "o.s.v", "osv", "dvs", "d.v.s", "ca", "resp",
    "enl", "jfr", "kap", "st", "nr", "p", "s", "f.d", "p.g.a", "pga", "ev", "inkl", "exkl", "mha", "m.h.a",
    "t.ex.", "etc", "kl", "tel", "jur", "fil", "dir", "prop", "bet", "ff", "f", "a", "o", "e.d", "el",
}

WORD = re.compile(r"[^\W_]+(?:[-:'’.][^\W_]+)*", re.UNICODE)
_END = re.compile(r"[.!?:]+(?=[\s\"”’)]|$)")
_LABEL = re.compile(r"\s*(?:#+|\d+[.)]|[a-zåäö][.)]|[-*•–])\s+")  # a heading mark or list label


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the text it was cut from
    words: tuple[str, ...]

    @cached_property
    def long_words(self) -> int:  # asked for again and again by the measures and the rules
        return sum(is_long(w) for w in self.words)


def is_long(word: str) -> bool:
    """LIX's long word: more than six letters (digits and hyphens are no letters)."""
    return len(word) > 6 and (word.isalpha() or sum(c.isalpha() for c in word) > 6)


def words(text: str) -> list[str]:
    """Words: runs of letters and digits, joined by a hyphen or a genitive colon (IOP-avtal, KFUM:s)."""
    return WORD.findall(text)


def lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a text in which each line is a paragraph, list item or heading."""
    out: list[Sentence] = []
    for offset, line in lines(text):
        label = _LABEL.match(line)
        start = label.end() if label else 0
        for m in _END.finditer(line):
            before = line[start:m.start()]
            last = before.rsplit(None, 1)[-1] if before.split() else ""
            if m.group(0).startswith(".") and last.lower().lstrip("(\"'”") in ABBREVIATIONS:
                continue
            _add(out, line, offset, start, m.end())
            start = m.end()
        _add(out, line, offset, start, len(line))
    return out


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    found = tuple(words(piece))
    if not found:
        return
    lead = len(piece) - len(piece.lstrip())
    out.append(Sentence(piece.strip(), offset + start + lead, found))


def reflow(text: str) -> str:
    """Plain text wrapped at a fixed width (text copied out of a PDF) as one paragraph a line: a line is
    joined to the one before unless that one ends a sentence, is short and ends a heading, or this one
    starts a list item."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            out.append("")
            continue
        prev = out[-1] if out else ""
        heading = len(prev.split()) <= 6 and line[:1].isupper()
        if prev and not re.search(r"[.!?:]$", prev) and not _LABEL.match(line + " ") and not heading:
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out)
