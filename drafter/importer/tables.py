"""Budget tables that lost their rules in a PDF's text (or were typed as lines in a .docx): runs of
"Personal 878 000" or "Post … 125 000 kr" lines, and tables extracted column by column."""

from __future__ import annotations

import re

from drafter.importer.lines import AMOUNT_ROW, SENTENCE_END, heading_like
from drafter.importer.model import Item

_GROUPED = re.compile(r"^−?\d{1,3}(?:[ \u00a0]\d{3})+$")
_KR_ROW = re.compile(r"^(\S.*?)\s+(−?\d{1,3}(?:[ \u00a0]\d{3})+|−?\d+)\s*(?:kr|kronor|:-)\.?$")
_TOTAL_LABEL = re.compile(r"^(summa|totalt|total|summa kostnader|sammanlagt)\b", re.IGNORECASE)
_HEADER = re.compile(r"(Kostnad|Belopp|kronor|\bkr\b)")
_PROSE_END = re.compile(r"\s(?:med|totalt|sammanlagt|högst|om|på|till|av|är|uppgår)$", re.IGNORECASE)
_DATED = re.compile(r"\b\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                    r"december)$|\bden$", re.IGNORECASE)


def _row_of(text: str) -> tuple[str, str] | None:
    """ "Personal 878 000", "Lokalhyra (inkl. el) 125 000 kr" → (item, amount)."""
    m = _KR_ROW.match(text) or AMOUNT_ROW.match(text)
    if m and _DATED.search(m.group(1)) and re.fullmatch(r"(19|20)\d\d", m.group(2)):
        return None  # "Sydhamn den 10 mars 2026": a date, its year no amount
    if m and (_PROSE_END.search(m.group(1)) or text.endswith(".") and len(m.group(1).split()) >= 4):
        return None  # "Nämnden bidrar årligen med totalt 420 000 kronor.": a sentence, no budget line
    return (m.group(1), m.group(2)) if m and len(text) < 120 else None


def plain_tables(items: list[Item], paragraphs: bool = False) -> list[Item]:
    """Budget tables that lost their rules in PDF text become table items: runs of "Personal 878 000"
    or "Post … 125 000 kr" lines (an item wrapped over lines joined), and a table extracted column by
    column (labels, then "Kostnad …" and the amounts)."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        found = _amount_run(items, i, out, paragraphs) or (None if paragraphs else _column_table(items, i))
        if found:
            table, i = found
            before = next((it for it in reversed(out) if it.kind != "blank"), None)
            if before is not None and before.kind == "table" and before.rows and table.rows and \
                    before.rows[0] == table.rows[0] and _amount_row_count(before) > 0:
                before.rows += table.rows[1:]  # the table went on over a page break, its header repeated
            else:
                out.append(table)
            continue
        out.append(items[i])
        i += 1
    return out


def _amount_row_count(table: Item) -> int:
    return sum(1 for row in table.rows or [] if row and (_GROUPED.match(row[-1]) or re.fullmatch(r"−?\d+", row[-1])))


def _amount_run(items: list[Item], i: int, out: list[Item], paragraphs: bool = False) -> tuple[Item, int] | None:
    """A budget written as lines (`paragraphs`: a .docx, one paragraph per line, blank items between)."""
    if items[i].kind != "text":
        return None
    rows: list[list[str]] = []
    pending: list[str] = []
    j = i
    end = i
    kr_rows = grouped = 0
    head: Item | None = None
    while j < len(items) and (items[j].kind == "text" or paragraphs and items[j].kind == "blank"):
        if items[j].kind == "blank":
            j += 1
            continue
        text = items[j].text.strip()
        if items[j].style == "heading" and j > i:
            break  # a PDF's heading (bold or larger) after the lines ends them ("§ 5 Giltighetstid")
        row = _row_of(text)
        if row is None and j == i and len(text) < 40 and heading_like(text, 6) and _next_starts_upper(items, j):
            return None  # a heading above the budget lines ("Ekonomi"), not the start of an item
        if row is None and not rows and not pending and head is None and j == i and _HEADER.search(text) \
                and not SENTENCE_END.search(text):
            head = items[j]
            j += 1
            continue
        if row is None and rows and head is not None and text == head.text.strip() and not pending:
            j += 1  # the header repeated on the next page
            continue
        if row is None:
            if len(pending) >= 4 or SENTENCE_END.search(text) or len(text) > 90:
                break
            pending.append(text)
            j += 1
            continue
        if pending and not rows and not _plausible_item_start(pending[0]):
            return None
        rows.append([" ".join(pending + [row[0]]), row[1]])
        kr_rows += bool(_KR_ROW.match(text))
        grouped += bool(_GROUPED.match(row[1]))
        pending = []
        j += 1
        end = j
    if not rows:
        return None
    header = head
    above = header is None and bool(out) and out[-1].kind == "text" and bool(_HEADER.search(out[-1].text)) \
        and not SENTENCE_END.search(out[-1].text)
    if above:
        header = out[-1]
    summed = _TOTAL_LABEL.match(rows[-1][0]) is not None
    accepted = len(rows) >= 3 or (len(rows) >= 2 and (summed or kr_rows == len(rows))) or \
        (header is not None and grouped == len(rows)) or (len(rows) >= 1 and kr_rows == len(rows) and summed)
    if not accepted or (len(rows) < 3 and grouped + kr_rows == 0):
        return None
    no = items[i].no
    if above:
        out.pop()
    if header is not None:
        no = header.no
        m = re.match(r"^(.*?)\s+((?:Kostnad|Belopp|Kronor|Summa|SEK\b|Kr\b|kr\b).*)$", header.text)
        rows.insert(0, [m.group(1), m.group(2)] if m else [header.text, ""])
    return Item("table", no=no, rows=rows), end


def _next_starts_upper(items: list[Item], j: int) -> bool:
    nxt = next((it for it in items[j + 1:] if it.kind != "blank"), None)
    return nxt is not None and nxt.kind == "text" and nxt.text[:1].isupper()


def _plausible_item_start(text: str) -> bool:
    return text[:1].isupper() and len(text) <= 90


def _column_table(items: list[Item], i: int) -> tuple[Item, int] | None:
    """pdftotext's way with a two-column table: the labels, an empty line, the header and amounts."""
    labels: list[str] = []
    j = i
    while j < len(items) and items[j].kind == "text" and _row_of(items[j].text) is None and len(labels) < 30:
        labels.append(items[j].text.strip())
        j += 1
    if len(labels) < 2 or j >= len(items) or items[j].kind != "blank":
        return None
    while j < len(items) and items[j].kind == "blank":
        j += 1
    amounts: list[str] = []
    while j < len(items) and items[j].kind == "text" and len(amounts) < len(labels):
        amounts.append(items[j].text.strip())
        j += 1
    if len(amounts) != len(labels) or not _HEADER.search(amounts[0]) or \
            not all(_GROUPED.match(a) or re.fullmatch(r"−?\d+", a) for a in amounts[1:]):
        return None
    return Item("table", no=items[i].no, rows=[[label, amount] for label, amount in zip(labels, amounts)]), j


