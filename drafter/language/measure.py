"""Readability figures of a text: LIX, words, sentences, long sentences (`measure(text)`).

LIX (läsbarhetsindex, C.-H. Björnsson 1968) = O/M + 100·L/O: O words, M sentences, L words of more
than six letters. Below 30 very easy, 30–40 easy, 40–50 medium (plain newspaper text), 50–60 hard
(official prose), over 60 very hard (specialist and legal text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.language.text import Sentence, sentences
from drafter.lazy_pattern import lazy

LONG_SENTENCE = 30  # words; Myndigheternas skrivregler and Språkrådet: keep sentences short, vary their length


@dataclass(frozen=True)
class Stats:
    words: int
    sentences: int
    long_words: int  # words of more than six letters
    long_sentences: int  # sentences of more than LONG_SENTENCE words
    longest: int  # words in the longest sentence

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def level(self) -> str:
        """Björnsson's scale in words: mycket lätt … mycket svår."""
        lix = self.lix
        for limit, word in ((30, "mycket lätt"), (40, "lätt"), (50, "medelsvår"), (60, "svår")):
            if lix < limit:
                return word
        return "mycket svår"

    def short(self) -> str:
        """"LIX 53 (svår), 2 meningar över 30 ord", for one line of a diff or a table."""
        long = f"{self.long_sentences} {'mening' if self.long_sentences == 1 else 'meningar'} över {LONG_SENTENCE} ord"
        return f"LIX {self.lix:.0f} ({self.level}), {long}"


def change_line(old: Stats, new: Stats, old_label: str, new_label: str) -> str:
    """"Läsbarhet: v1 LIX 71 (mycket svår), 0 meningar över 30 ord → v2 LIX 48 (medelsvår), …"."""
    return f"Läsbarhet: {old_label} {old.short()} → {new_label} {new.short()}"


def measure(text: str, long_sentence: int = LONG_SENTENCE) -> Stats:
    """The figures of a plain text in which each line is a paragraph, list item or heading."""
    return stats_of(sentences(text), long_sentence)


def stats_of(found: list[Sentence], long_sentence: int = LONG_SENTENCE) -> Stats:
    """The figures of sentences already cut."""
    counts = [len(s.words) for s in found]
    return Stats(
        words=sum(counts),
        sentences=len(found),
        long_words=sum(s.long_words for s in found),
        long_sentences=sum(n > long_sentence for n in counts),
        longest=max(counts, default=0),
    )


_TEMPLATE = lazy(r"\{\{.*?\}\}", re.DOTALL)
_TAG = lazy(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_FOOTNOTE_REF = lazy(r"\[\^[^\]]+\](?!:)")
_FOOTNOTE_DEF = lazy(r"^\[\^[^\]]+\]:\s*", re.MULTILINE)
_EMPHASIS = lazy(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def clause_prose(body: str) -> str:
    """A clause body (Markdown with {{ }} expressions) as the prose a reader meets: each expression
    counts as one short word ("X"), tags and Markdown marks are dropped, a paragraph is one line."""
    text = _TAG.sub("", _TEMPLATE.sub("X", body))
    text = _FOOTNOTE_DEF.sub("", _FOOTNOTE_REF.sub("", text))
    text = _EMPHASIS.sub(r"\2", text)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
        elif re.match(r"\s*(?:#+|\d+[.)]|[-*+])\s", line) and current:
            paragraphs.append(" ".join(current))
            current = [line.strip()]
        else:
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)


def measure_clause(body: str) -> Stats:
    return measure(clause_prose(body))
