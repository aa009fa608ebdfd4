"""Classified lines of a section → its blocks: paragraphs joined from wrapped lines, lists, tables."""

from __future__ import annotations

import re

from drafter.importer.lines import SENTENCE_END, bare
from drafter.importer.model import Block, Item, Text
from drafter.importer.tables import plain_tables

def text_of(raw: str, markup: bool) -> Text:
    """Raw line text → Text: emphasis markup (when the source is Markdown) becomes spans."""
    if not markup:
        return Text(raw)
    plain = ""
    emph = []
    pos = 0
    pattern = re.compile(r"\*\*(.+?)\*\*|<b>(.+?)</b>|(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|<i>(.+?)</i>")
    for m in pattern.finditer(raw):
        plain += raw[pos:m.start()]
        inner = next(g for g in m.groups() if g is not None)
        kind = "**" if (m.group(1) is not None or m.group(2) is not None) else "*"
        start = len(plain)
        plain += inner
        if inner.strip():
            emph.append((start, len(plain), kind))
        pos = m.end()
    plain += raw[pos:]
    return Text(plain, emph)


def _join(a: Text, b: Text) -> Text:
    """Two wrapped lines as one: "Först-" + "lägenheter" and "Enskede-" + "Årsta" keep the hyphen, a
    word hyphenated at the line end ("verksam-" + "heten") loses it, "försöks-" + "och" keep the space."""
    head = a.plain
    last = re.search(r"(\S+)[-/]$", head)
    conjunction = re.match(r"(och|eller|samt|respektive|till)\b", b.plain)
    glued = bool(re.search(r"\w[-/]$", head)) and b.plain[:1].isalpha() and not conjunction
    word = last.group(1) if last else ""
    sentence_start = last is not None and re.search(r"(^|[.!?]\s+)$", head[:last.start(1)]) is not None
    if glued and head.endswith("-") and b.plain[:1].islower() and word.isalpha() and len(word) >= 2 \
            and (word.islower() or (sentence_start and word[1:].islower())):
        head = head[:-1]  # a soft break: the word goes on
    glue = "" if glued else " "
    offset = len(head) + len(glue)
    return Text(head + glue + b.plain, a.emph + [(s + offset, e + offset, k) for s, e, k in b.emph])


def _ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(bare(text)))


def make_blocks(items: list[Item], dialect: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None  # the paragraph or list whose last text may continue
    last_item: Item | None = None
    blank = False
    items = plain_tables(items) if dialect == "plain" else items
    for item in items:
        if item.kind in ("blank", "skip"):
            blank = blank or item.kind == "blank"
            continue
        if item.kind == "rule":
            current, blank = None, False
            continue
        if item.kind == "text" and current is not None and last_item is not None and \
                _continues(last_item, current.texts[-1].plain, item, blank, dialect):
            current.texts[-1] = _join(current.texts[-1], text_of(item.text, item.markup))
            last_item, blank = item, False
            continue
        if item.kind == "text":
            current = Block("para", [text_of(item.text, item.markup)], no=item.no)
            blocks.append(current)
        elif item.kind == "emph":
            blocks.append(Block("emph", [text_of(bare(item.text) if item.markup else item.text, False)], no=item.no))
            current = None
        elif item.kind in ("bullet", "num"):
            kind = "bullets" if item.kind == "bullet" else "nums"
            if current is not None and current.kind == kind and blocks and blocks[-1] is current:
                current.texts.append(text_of(item.text, item.markup))
            else:
                start = int(item.number) if item.kind == "num" and item.number else 1
                current = Block(kind, [text_of(item.text, item.markup)], start=start, no=item.no)
                blocks.append(current)
        elif item.kind == "table":
            rows = [[text_of(c, item.markup) for c in row] for row in item.rows or [] if any(c.strip() for c in row)]
            if rows:
                width = max(len(r) for r in rows)
                rows = [r + [Text("")] * (width - len(r)) for r in rows]
                blocks.append(Block("table", rows=rows, no=item.no))
            current = None
        elif item.kind == "sig":
            if not (blocks and blocks[-1].kind == "data" and blocks[-1].name == "signaturer"):
                blocks.append(Block("data", name="signaturer", no=item.no))
            current = None
        elif item.kind == "heading":  # a heading the classification left as text
            current = Block("para", [text_of(item.text, item.markup)], no=item.no)
            blocks.append(current)
        last_item, blank = item, False
    return blocks


def _continues(prev: Item, prev_text: str, item: Item, blank: bool, dialect: str) -> bool:
    starts_lower = item.text[:1].islower()
    if blank:
        return (starts_lower or item.text[:1].isdigit()) and not _ends_sentence(prev_text)
    if dialect == "md":
        return True
    if starts_lower:
        return True
    if prev.kind in ("bullet", "num") and not prev.trailing:
        return False
    if _ends_sentence(prev_text) and not prev.trailing:
        return False
    return True


