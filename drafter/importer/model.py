"""What an imported document is made of, between reading it and writing clauses and a spec."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FOOTNOTE_OPEN, FOOTNOTE_CLOSE = "\ue010", "\ue011"  # a footnote reference in raw text: \ue010N\ue011


@dataclass
class Item:
    """One line (or table) of the source, classified: heading, text, bullet, num, table, blank."""

    kind: str
    text: str = ""
    no: int = 0  # source line (paragraph number in a .docx)
    number: str | None = None  # a heading's number as written ("2.5", "4."), a list item's
    level: int | None = None  # a heading's level when the source says it (Word heading styles)
    rows: list[list[str]] | None = None  # a table
    markup: bool = False  # Markdown inline markup (**, *, <b>) to keep as emphasis
    trailing: bool = False  # the line ended with a space (wrapped, in PDF text)
    style: str | None = None  # a PDF line's look: "heading" (bold or larger than the body), "body"; None unknown
    size: float = 0.0  # a PDF line's font size


@dataclass
class Text:
    """Literal text with emphasis spans and recognised data to write as Jinja expressions."""

    plain: str
    emph: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, "**" or "*")
    subs: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, jinja expression)

    def substitute(self, start: int, end: int, expr: str) -> bool:
        """Write `expr` for plain[start:end], unless it overlaps another substitution or an emphasis edge."""
        for s, e, _ in self.subs:
            if start < e and s < end:
                return False
        for s, e, _ in self.emph:
            if (start < s < end) or (start < e < end):
                return False
        self.subs.append((start, end, expr))
        return True


@dataclass
class Block:
    kind: str  # para, emph (an unnumbered sub-heading), bullets, nums, table, data (a block() call)
    texts: list[Text] = field(default_factory=list)  # para/emph: one; lists: one per item
    rows: list[list[Text]] | None = None  # table, the first row the header
    start: int = 1  # nums
    name: str = ""  # data: budget, signaturer
    no: int = 0


@dataclass
class Signature:
    signs_for: str
    name: str | None
    title: str
    place: str | None
    no: int
    date: dt.date | None = None  # "Linköping den 12 december 2023": the day it was signed


@dataclass
class Section:
    heading: str
    number: str | None
    level: int
    no: int
    items: list[Item] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    clause_id: str | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class SourceDoc:
    path: str
    items: list[Item]
    footnotes: dict[int, str]
    dialect: str  # "md" (headings marked) or "plain" (PDF text: headings found by their look)
    diarienummer: str | None = None  # "Dnr SN 2025/117", often only in the page header
    furniture: list[str] = field(default_factory=list)  # running headers taken out (page numbers not kept)
