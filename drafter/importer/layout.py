"""Parts of a page that are no running text, found in the lines before headings are looked for.

A tjänsteutlåtande's letterhead (sender, "Tjänsteutlåtande", date, diarienummer, "Till … nämnden")
and the officials' block after the decision points (names on one line, titles on the next, often
side by side) would otherwise read as headings; here they are recognised, taken out of the text
("skip" items) and kept as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.importer.model import Item

_TITLE_WORD = re.compile(
    r"(direktör|chef|handläggare|strateg|sekreterare|utredare|samordnare|controller|jurist|ekonom|"
    r"rådgivare|specialist|ansvarig|kurator|kanslist|kommunalråd|ordförande)$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéüA-ZÅÄÖ'-]+$")
_DOC_TYPE = re.compile(r"^(Tjänsteutlåtande|Tjänsteskrivelse|Beslutsförslag)$", re.IGNORECASE)
# The sender and the document type on one line (a PDF reads the right-aligned type into the same line).
_SENDER_AND_TYPE = re.compile(r"^(\S.{0,88}?)\s+(Tjänsteutlåtande|Tjänsteskrivelse|Beslutsförslag)$")
_DRAFT_MARK = re.compile(r"^(UTKAST|Utkast)$")
_DATE = re.compile(r"^(?:Datum:?\s*)?(\d{4}-\d{2}-\d{2})$")
_DNR = re.compile(r"^(?:Dnr|Diarienummer|Dnr\.)[:.]?\s*(\S.{0,40})$", re.IGNORECASE)
_TO = re.compile(r"^Till\s+(\S.{0,80})$")
_DECISION = ("förvaltningens förslag till beslut", "förslag till beslut")
_TOP = {"sammanfattning", "bakgrund", "ärendet", "ärendets beredning", "förvaltningens synpunkter och förslag", "bilagor"}


# A förvaltning's name: "Äldreförvaltningen", "Kultur- och fritidsförvaltningen", "Västerdalens stadsdelsförvaltning"
_UNIT = re.compile(r"^(?=[A-ZÅÄÖ])(?:[\wåäöé-]+s )?[\wåäöé-]*(?: och [\wåäöé-]+)?(?:förvaltning(?:en)?|kontoret)$")


@dataclass
class Letterhead:
    sender: list[str] = field(default_factory=list)
    date: str | None = None
    diarienummer: str | None = None
    recipient: str | None = None

    @property
    def administration(self) -> str | None:
        """The förvaltning among the sender's lines ("Äldreförvaltningen" under "Linköpings kommun")."""
        return next((line for line in self.sender[1:] if _UNIT.match(line)), None)


def _text_lines(items: list[Item]):
    return [(i, it) for i, it in enumerate(items) if it.kind in ("text", "heading") and it.text.strip()]


def take_letterhead(items: list[Item]) -> Letterhead | None:
    """The letterhead of a tjänsteutlåtande: the lines around "Tjänsteutlåtande" at the top, up to
    "Till … nämnden". Its lines become "skip" items."""
    lines = _text_lines(items)[:10]
    kind = next((k for k, (_, it) in enumerate(lines) if _DOC_TYPE.match(it.text.strip())
                 or _SENDER_AND_TYPE.match(it.text.strip())), None)
    if kind is None:
        return None
    head = Letterhead()
    last = kind
    for k, (_, it) in enumerate(lines):
        text = it.text.strip()
        if k == kind and (m := _SENDER_AND_TYPE.match(text)):
            head.sender.append(m.group(1))
            continue
        if k < kind and _DRAFT_MARK.match(text):
            continue  # the draft's mark above the letterhead, no sender
        if m := _TO.match(text):
            head.recipient, last = m.group(1), k
            while last + 1 < len(lines) and lines[last + 1][1].text.strip()[:1].islower():
                last += 1  # "Till Hälso- och" / "sjukvårdsnämnden": wrapped
                head.recipient += " " + lines[last][1].text.strip()
            break
        if m := _DATE.match(text):
            head.date, last = m.group(1), max(last, k)
        elif m := _DNR.match(text):
            head.diarienummer, last = m.group(1), max(last, k)
        elif k < kind or (k == kind + 1 and text.startswith("Avdelning")):
            if k != kind and len(text) < 90 and not text.endswith(".") and not _DOC_TYPE.match(text.split()[0]):
                head.sender.append(text)
                last = max(last, k)
        elif k > kind + 4:
            break
    for _, it in lines[:last + 1]:
        it.kind = "skip"
    return head


@dataclass
class Official:
    name: str | None
    title: str


def _titles(text: str) -> list[str] | None:
    """ "Socialdirektör Avdelningschef" → two titles; None when the line is not made of titles."""
    out, current = [], []
    for word in text.split():
        current.append(word)
        if _TITLE_WORD.search(word):
            out.append(" ".join(current))
            current = []
    if current or not out:
        return None
    return [t[:1].upper() + t[1:] for t in out]


def _names(text: str, count: int) -> list[str] | None:
    words = text.split()
    if len(words) < 2 or len(words) > 4 * count or not all(_NAME_WORD.match(w) for w in words) \
            or text.strip().lower() in _TOP:
        return None
    if count > 1 and len(words) == 2 * count:
        return [" ".join(words[i:i + 2]) for i in range(0, len(words), 2)]
    return [" ".join(words)]


@dataclass
class OfficialsBlock:
    """The officials who sign a tjänsteutlåtande, and the förvaltning's name printed above them."""

    officials: list[Official] = field(default_factory=list)
    unit: tuple[int, str] | None = None  # (line, "Äldreförvaltningen")
    at_end: bool = False  # printed at the document's end, not under the decision points


def _decision_start(items: list[Item]) -> int | None:
    return next((i for i, it in enumerate(items) if it.kind in ("text", "heading")
                 and it.text.strip().lower() in _DECISION), None)


def take_officials(items: list[Item]) -> OfficialsBlock:
    """The officials printed after the decision points, or else at the document's end (after the last
    section, before its attachments): a block of short lines, each a line of names or of titles (side
    by side: "Anna Lind Omar Haddad" / "Socialdirektör Avdelningschef"), or a table. Its lines, and
    the förvaltning's name on the line above them, become "skip" items."""
    start = _decision_start(items)
    if start is None:
        return OfficialsBlock()
    i = start + 1
    while i < len(items):
        it = items[i]
        if it.kind == "table":
            return OfficialsBlock(_officials_table(it))
        if it.kind in ("text", "heading") and (it.text.strip().lower() in _TOP or i - start > 120):
            return _officials_at_end(items, start)
        if it.kind in ("text", "heading") and _candidate(it.text) and re.search(r"[.:;]\s*$", _prev_text(items, i)):
            break
        i += 1
    block: list[int] = []
    while i < len(items) and (items[i].kind == "blank" or (items[i].kind in ("text", "heading")
                                                           and _candidate(items[i].text))):
        if items[i].kind != "blank":
            block.append(i)
        i += 1
    found = _read_block(items, block)
    return OfficialsBlock(found) if found else _officials_at_end(items, start)


def _officials_at_end(items: list[Item], start: int) -> OfficialsBlock:
    """The officials' block as the document's last lines (or last table), the förvaltning above it."""
    last = [i for i in range(start + 1, len(items)) if items[i].kind not in ("blank", "skip")]
    if not last:
        return OfficialsBlock()
    if items[last[-1]].kind == "table":
        block, found = [last[-1]], _officials_table(items[last[-1]])
    else:
        block = []
        joined: dict[int, tuple[int, str]] = {}  # a title's line → (the line it began on, its own text)
        for i in reversed(last):
            text = items[i].text.strip()
            if block and re.search(r"(-| och| eller)$", text) and _titles(f"{text} {items[block[0]].text.strip()}"):
                joined[block[0]] = (i, items[block[0]].text)  # "Kultur- och" / "fritidsdirektör": one title
                items[block[0]].text = f"{text} {items[block[0]].text.strip()}"
                continue
            if items[i].kind not in ("text", "heading") or not _candidate(text) or len(block) == 6:
                break
            block.insert(0, i)
        found = _read_block(items, block) if len(block) >= 2 else []
        for k, (fragment, own) in joined.items():
            if found:
                items[fragment].kind = "skip"
            else:
                items[k].text = own
    if not found:
        return OfficialsBlock()
    result = OfficialsBlock(found, at_end=True)
    above = [i for i in last if i < block[0]][-1:]
    if above and items[above[0]].kind == "text" and _UNIT.match(items[above[0]].text.strip()):
        result.unit = (items[above[0]].no, items[above[0]].text.strip())
        items[above[0]].kind = "skip"
    return result


_ATTACHMENT = re.compile(r"^Bilag(?:a|or)\b\s*\d*\s*[:.–-]?\s*\S.*$")


def take_attachments(items: list[Item]) -> list[tuple[int, str]]:
    """A tjänsteutlåtande's attachments listed on its last lines ("Bilaga 1: Förslag till
    överenskommelse …"): drafter lists the attachments itself (block bilagor). Their lines become
    "skip" items; (line, text) of each."""
    if _decision_start(items) is None:
        return []
    found: list[tuple[int, str]] = []
    wrapped: list[Item] = []  # the lines an attachment's name wrapped onto (a PDF's text), read upwards
    for item in reversed(items):
        if item.kind in ("blank", "skip"):
            continue
        if item.kind not in ("text", "bullet", "num"):
            break
        if not _ATTACHMENT.match(item.text.strip()):
            if len(wrapped) == 2:
                break
            wrapped.insert(0, item)
            continue
        found.insert(0, (item.no, " ".join([item.text.strip()] + [w.text.strip() for w in wrapped])))
        for line in [item, *wrapped]:
            line.kind = "skip"
        wrapped = []
    return found


def _read_block(items: list[Item], block: list[int]) -> list[Official]:
    """Names and titles in a block of lines → officials; the lines used become "skip" items."""
    found: list[Official] = []
    pending: list[str] = []
    used: list[int] = []
    last_titles = 0
    skip_to = 0
    for n_block, k in enumerate(block):
        if n_block < skip_to:
            continue
        text = items[k].text.strip()
        titles = _titles(text)
        if titles is not None and len(pending) > 1:
            # names on lines of their own, then as many titles on lines of their own (side-by-side
            # columns read row by row: "Anna Lind" / "Omar Haddad" / "Socialdirektör" / "Avdelningschef")
            run = [k]
            while len(run) < len(pending) and n_block + len(run) < len(block) \
                    and _titles(items[block[n_block + len(run)]].text.strip()) is not None:
                run.append(block[n_block + len(run)])
            run_titles = [t for j in run for t in _titles(items[j].text.strip()) or []]
            if len(run_titles) == len(pending) and all(_names(p, 1) for p in pending):
                found += [Official(name, title) for name, title in zip(pending, run_titles)]
                pending = []
                used += run
                last_titles = len(used)
                skip_to = n_block + len(run)
                continue
        if titles is not None:
            names = _names(" ".join(pending), len(titles)) if pending else []
            m = n_block + 1
            while pending and names is None and m < len(block) and (more := _titles(items[block[m]].text.strip())):
                titles, m = titles + more, m + 1  # the titles go on over the next line (a table's cell wrapped)
                names = _names(" ".join(pending), len(titles))
            if pending and names is None:
                break
            used += block[n_block + 1:m]
            skip_to = m
            names = names or []
            found += [Official(names[n] if n < len(names) else None, t) for n, t in enumerate(titles)]
            pending = []
            used.append(k)
            last_titles = len(used)
        elif _names(text, 4) is not None:
            pending.append(text)
            used.append(k)
        else:
            break
    if not found:
        return []
    for k in used[:last_titles]:
        items[k].kind = "skip"
    return found


def _prev_text(items: list[Item], i: int) -> str:
    j = i - 1
    while j >= 0 and items[j].kind == "blank":
        j -= 1
    return items[j].text if j >= 0 else ""


def _candidate(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 80 and not re.search(r"[.,:;!?]$", text) and (
        _titles(text) is not None or _names(text, 4) is not None)


def _officials_table(item: Item) -> list[Official]:
    """A table of officials (a .docx): each cell "Name Title" or "Title", or a row of names over a
    row of titles ("Eva Lindahl | Mehmet Aydin" / "Förvaltningsdirektör | Avdelningschef")."""
    rows = [[c.strip() for c in row] for row in item.rows or []]
    if len(rows) == 2 and any(rows[1]) and all(len(_titles(c) or []) == 1 and _names(c, 1) is None
                                               for c in rows[1] if c) \
            and all(_names(c, 1) and _titles(c) is None for c in rows[0] if c):
        found = [Official(name or None, title) for name, title in zip(rows[0], rows[1]) if title]
        item.kind = "skip"
        return found
    found = []
    for row in item.rows or []:
        for cell in row:
            words = cell.split()
            if not words:
                continue
            if not _TITLE_WORD.search(words[-1]):
                return []
            name = " ".join(words[:-1])
            if name and _names(name, 1) is None:
                return []
            found.append(Official(name or None, words[-1][:1].upper() + words[-1][1:]))
    if found:
        item.kind = "skip"
    return found
