"""Signature blocks in an imported document, in the layouts förvaltningar write them:

    För X                      Linköping den 12 december 2023      För A        För B
    ______________             För X                                ______       ______
    Namn Namnsson, titel       ______________                       Namn A       Namn B
    Ort den …                  Namn Namnsson                        titel A      titel B
                               Titel

"Ort den …" below each signature or once above them, name and title on one line ("Namn, titel",
"Namn Titel") or two, side by side in a Word table (read column by column), in text columns set apart
by spaces, or as a PDF line "För A För B". A recognised block becomes one "sig" item (the spec's
`{{ block("signaturer") }}`), its lines (the signature lines `____` with them) are no text any more.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.formatting import MONTHS
from drafter.importer.lines import bare
from drafter.importer.model import Item, Signature
from drafter.swedish.signing import TITLE_WORD as _TITLE_WORD
from drafter.swedish.signing import is_person as _person
from drafter.swedish.signing import name_and_title

_FOR = re.compile(r"^För (\S.{1,90})$")
_SPLIT_FOR = re.compile(r"\s+(?=För [A-ZÅÄÖ0-9])")
_PLACE_DATE = re.compile(r"^([A-ZÅÄÖ][\wåäöÅÄÖ -]{0,40}?)(?:\s+den\b|,)\s*(.*)$")
_PLACE_ISO = re.compile(r"^([A-ZÅÄÖ][\wåäöÅÄÖ -]{0,40}?),?\s+(\d{4}-\d{2}-\d{2})$")
_DATE = re.compile(rf"^(?:den\s+)?(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\b|^(\d{{4}}-\d{{2}}-\d{{2}})\b")
_RULE = re.compile(r"^[-_.…\s]*$")
_LABEL = re.compile(r"^(?:underskrift|namnteckning|namnförtydligande|befattning|titel|datum|ort och datum|ort, datum|"
                    r"ort|namn)\s*:?\s*[-_.…\s]*$", re.IGNORECASE)
_COLUMNS = re.compile(r"\s{3,}|\t")





def place_and_date(text: str) -> tuple[str, dt.date | None] | None:
    """ "Linköping den 12 december 2023", "Åsby den", "Norrstrand 2025-06-01" → (place, date or None)."""
    m = _PLACE_ISO.match(text) or _PLACE_DATE.match(text)
    if not m or len(text) > 70 or _FOR.match(text):
        return None
    rest = m.group(2).strip(" _.…")
    d = _DATE.match(rest) if rest else None
    if rest and not d and not (" den" in text and re.fullmatch(r"[\d\s/._…-]*(?:\s*\S{0,10}\s*\d{4})?", rest)):
        return None  # "Stockholm den / 2026", "Åsby den ____ 20__" are a place and a date to fill in
    date = None
    if rest and d:
        try:
            date = dt.date.fromisoformat(d.group(4)) if d.group(4) else \
                dt.date(int(d.group(3)), MONTHS.index(d.group(2)) + 1, int(d.group(1)))
        except ValueError:
            date = None
    place = m.group(1).strip()
    if place.lower() in ("ort", "datum", "ort och datum") or len(place.split()) > 3:
        return None
    return place, date


def side_by_side(items: list[Item]) -> list[Item]:
    """ "För A        För B" and the lines under it, columns set apart by spaces: each column's lines in
    turn, so that each signature reads as one ("För A" / "Namn, titel" / "Ort den")."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        parts = _COLUMNS.split(item.text.strip()) if item.kind == "text" else []
        if len(parts) >= 2 and all(p.startswith("För ") for p in parts):
            block = [item]
            j = i + 1
            while j < len(items) and len(block) < 8 and (items[j].kind == "blank" and j + 1 < len(items)
                                                          and items[j + 1].kind == "text" and
                                                          len(_COLUMNS.split(items[j + 1].text.strip())) > 1
                                                          or items[j].kind == "text"
                                                          and len(_COLUMNS.split(items[j].text.strip())) > 1):
                if items[j].kind == "text":
                    block.append(items[j])
                j += 1
            for column in range(len(parts)):
                for line in block:
                    cells = _COLUMNS.split(line.text.strip())
                    if column < len(cells) and cells[column].strip():
                        out.append(Item("text", cells[column].strip(), line.no))
                out.append(Item("blank", no=item.no))
            i = j
            continue
        out.append(item)
        i += 1
    return out


class _Open:
    """A signature being read: whom it binds, and what the lines under it said."""

    def __init__(self, signs_for: str, no: int):
        self.signs_for, self.no = signs_for, no
        self.name: str | None = None
        self.title: str | None = None
        self.place: str | None = None
        self.date: dt.date | None = None
        self.marks = 0  # signature lines and labels ("____", "Namnförtydligande")

    def done(self) -> bool:
        return self.title is not None


def _is_for(item: Item) -> bool:
    text = bare(item.text)
    return item.kind in ("heading", "text") and text.startswith("För ") and not text.endswith(".") and len(text) < 200


def find_signatures(items: list[Item]) -> list[Signature]:
    """The signature blocks of `items`; their items become one "sig" item and "skip" items, in place."""
    found: list[Signature] = []
    i = 0
    while i < len(items):
        if not _is_for(items[i]):
            i += 1
            continue
        got, end = _block(items, i)
        if not got:
            i += 1
            continue
        found += got
        i = end
    return found


def _content(items: list[Item], start: int, stop: int) -> list[int]:
    return [j for j in range(start, stop) if items[j].kind not in ("blank", "skip")]


def _block(items: list[Item], i: int) -> tuple[list[Signature], int]:
    """The signatures starting at items[i] ("För …"), with the "Ort den …" line just above them."""
    heads = [h.strip() for h in _SPLIT_FOR.split(bare(items[i].text))]
    if not all(_FOR.match(h) for h in heads):
        return [], i
    columns = [_Open(_FOR.match(h).group(1).strip(), items[i].no) for h in heads]  # type: ignore[union-attr]
    used = [i]
    j = i + 1
    while j < len(items) and j - i < 30:
        item = items[j]
        if item.kind in ("blank", "skip"):
            j += 1
            continue
        if item.kind == "rule":
            columns[-1].marks += 1
            used.append(j)
            j += 1
            continue
        if item.kind not in ("text", "heading"):
            break
        text = bare(item.text)
        if _is_for(item):
            empty = all(c.name is None and c.title is None and not c.marks for c in columns)
            if not empty and not all(c.done() for c in columns):
                break  # "För B" under an unfinished signature: not a block drafter can read
            more = [h.strip() for h in _SPLIT_FOR.split(text)]
            if not all(_FOR.match(h) for h in more):
                break
            columns += [_Open(_FOR.match(h).group(1).strip(), item.no) for h in more]  # type: ignore[union-attr]
            used.append(j)
            j += 1
            continue
        if not _take(text, columns) and not _goes_on(text, columns):
            break
        used.append(j)
        j += 1
    signatures = [c for c in columns if c.title is not None or c.name]
    if len(signatures) != len(columns) or not any(c.name or c.marks for c in columns):
        return [], i
    above = _place_above(items, i)
    if above is not None:
        place, date = place_and_date(bare(items[above].text)) or ("", None)
        for c in columns:
            c.place, c.date = c.place or place, c.date or date
        used.append(above)
    for k in used:
        items[k] = Item("skip", no=items[k].no)
    items[i] = Item("sig", no=items[i].no)
    return [Signature(c.signs_for, c.name or None, c.title or "[Befattning]", c.place, c.no, c.date)
            for c in columns], j


def _take(text: str, columns: list[_Open]) -> bool:
    """Read one line under "För …" into the signatures being read; False when the line is no part of them.
    Side by side the lines may come column by column or row by row: a name goes to the first signature
    without one, a title to the first named one without a title."""
    if _RULE.match(text) or _LABEL.match(text):
        next((c for c in columns if c.name is None and c.title is None), columns[-1]).marks += 1
        return True
    if (pd := place_and_date(text)) is not None:
        for c in columns:
            if c.place is None:
                c.place, c.date = pd
        return True
    if _row_of_cells(text, columns):
        return True
    name, title = name_and_title(text)
    free = next((c for c in columns if c.name is None and c.title is None), None)
    if name is not None and free is not None:
        free.name, free.title = name or None, title
        return True
    titled = [c for c in columns if c.title]
    untitled = next((c for c in columns if c.name and c.title is None), None)
    if text[:1].islower() and titled and len(text) <= 60 and not text.endswith(".") and \
            (untitled is None or re.search(r"(?:\s(?:och|i|för|inom)|[-,])$", titled[-1].title or "")):
        titled[-1].title = f"{titled[-1].title} {text}"  # a title wrapped over two lines ("Ordförande, barn- och")
        return True
    if untitled is not None and len(text) <= 70 and not text.endswith(".") and len(text.split()) <= 8:
        untitled.title = text
        return True
    return False


_OPEN_END = re.compile(r"(?:\s(?:i|och|för|inom|genom)|\b(?:Region|Landstinget)|-)$")


def _goes_on(text: str, columns: list[_Open]) -> bool:
    """ "För hälso- och sjukvårdsnämnden i Region" / "Norrstrand": whom a signature binds, wrapped over two
    lines (before anything else is written under it)."""
    words = text.split()
    empty = [c for c in columns if c.name is None and c.title is None and not c.marks]
    if not empty or not 1 <= len(words) <= 4 or any(_TITLE_WORD.match(w) for w in words) or text.endswith("."):
        return False
    target = next((c for c in empty if _OPEN_END.search(c.signs_for)), None)
    if target is None:
        return False
    target.signs_for = f"{target.signs_for} {text}"
    return True


def _row_of_cells(text: str, columns: list[_Open]) -> bool:
    """A row of a side-by-side block as a PDF's text gives it, its cells joined by one space: "Maria
    Gustafsson Sara Lindqvist" (two names of two words) or "Socialdirektör Ordförande" (a title each)."""
    words, n = text.split(), len(columns)
    if n < 2:
        return False
    free = [c for c in columns if c.name is None and c.title is None]
    if len(free) == n and len(words) == 2 * n and all(_person(words[i:i + 2]) for i in range(0, len(words), 2)):
        for c, i in zip(columns, range(0, len(words), 2)):
            c.name = " ".join(words[i:i + 2])
        return True
    untitled = [c for c in columns if c.name and c.title is None]
    if len(untitled) == n and len(words) == n and all(_TITLE_WORD.match(w) for w in words):
        for c, word in zip(columns, words):
            c.title = word
        return True
    return False


def _place_above(items: list[Item], i: int) -> int | None:
    """The "Ort den …" line just above the first "För …" (blank lines between), if there is one."""
    j = i - 1
    while j >= 0 and items[j].kind in ("blank", "skip"):
        j -= 1
    if j >= 0 and items[j].kind == "text" and place_and_date(bare(items[j].text)) is not None:
        return j
    return None
