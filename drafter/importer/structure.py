"""Classified lines → the document's title, its sections (as numbered in the source) and their blocks.

Headings: marked ones (`##`, Word styles) or, in PDF text, bare short lines that end no sentence
and stand between paragraphs. A document is *numbered* when its headings carry numbers (2.1, 5.8);
then the numbers give the levels, unnumbered headings are sub-headings inside a section, and the
numbering as written is checked (numbering findings). Paragraphs are joined from wrapped lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.checks.finding import Finding
from drafter.importer.layout import Letterhead, Official, take_letterhead, take_officials
from drafter.importer.model import FOOTNOTE_CLOSE, FOOTNOTE_OPEN, Block, Item, Section, Signature, SourceDoc, Text

NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+(\S.*)$")
# The top-level headings of a tjänsteutlåtande; other bare headings after "Ärendet" are its sub-sections.
PROPOSAL_TOP = {
    "förvaltningens förslag till beslut", "förslag till beslut", "sammanfattning", "bakgrund", "ärendet",
    "ärendets beredning", "förvaltningens synpunkter och förslag", "bilagor", "beslut",
}
_MARKUP = re.compile(r"</?(?:b|i|strong|em)>|\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_MARKERS = re.compile(f"{FOOTNOTE_OPEN}\\d+{FOOTNOTE_CLOSE}")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_AMOUNT_ROW = re.compile(r"^(\S.*?)\s+(−?\d{1,3}(?:[ \u00a0]\d{3})+|−?\d+)(?:\s*kr)?$")


def strip_markup(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def bare(text: str) -> str:
    return _MARKERS.sub("", strip_markup(text)).strip()


@dataclass
class Structure:
    title: list[str]  # the document title's lines (or the preamble's first paragraph)
    preamble: list[str]  # further paragraphs before the first heading (a subtitle)
    sections: list[Section]
    numbered: bool
    findings: list[Finding] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    letterhead: Letterhead | None = None
    officials: list[Official] = field(default_factory=list)


def build_structure(source: SourceDoc, where_file: str, party_names: set[str] = frozenset()) -> Structure:
    items = list(source.items)
    letterhead = take_letterhead(items)
    officials = take_officials(items)
    items = _plain_tables(items, paragraphs=source.path.lower().endswith(".docx"))
    signatures = _signatures(items)
    numbered = _numbered(items, source.dialect)
    headings = _classify_headings(items, source.dialect, numbered, {n.lower() for n in party_names})
    title: list[str] = []
    preamble_items: list[Item] = []
    roots: list[Section] = []
    stack: list[Section] = []
    md_levels = [h[1] for h in headings.values() if h[1] is not None]
    top_md = min(md_levels) if md_levels else 1
    container_top: Section | None = None
    for idx, item in enumerate(items):
        info = headings.get(idx)
        if info is None:
            (stack[-1].items if stack else preamble_items).append(item)
            continue
        role, level, number, text = info
        if role == "title":
            title.append(text)
            continue
        if role == "emph":
            target = stack[-1].items if stack else preamble_items
            target.append(Item("emph", item.text if item.markup else text, item.no, markup=item.markup))
            continue
        if numbered:
            level = number.count(".") + 1
        elif source.dialect == "plain":
            if text.lower() in PROPOSAL_TOP or not roots:
                level = 1
            else:
                level = 2 if container_top is not None else 1
        else:
            level = max(1, (level if level is not None else top_md) - top_md + 1)
        section = Section(heading=text, number=number, level=level, no=item.no)
        while stack and stack[-1].level >= level:
            stack.pop()
        if stack:
            section.level = stack[-1].level + 1
            stack[-1].children.append(section)
        else:
            section.level = 1
            roots.append(section)
        stack.append(section)
        if not numbered and source.dialect == "plain" and section.level == 1:
            container_top = section if _empty_before_next_heading(items, idx, headings) else None
    if not title:
        paragraphs = _preamble_paragraphs(preamble_items)
        title, preamble = paragraphs[:1], paragraphs[1:]
    else:
        preamble = _preamble_paragraphs(preamble_items)
    for root in roots:
        for section in root.walk():
            section.blocks = make_blocks(section.items, source.dialect)
    structure = Structure(title, preamble, roots, numbered, signatures=signatures, letterhead=letterhead,
                          officials=officials)
    if numbered:
        structure.findings = numbering_findings(roots, where_file)
    return structure


def _empty_before_next_heading(items, idx, headings) -> bool:
    for j in range(idx + 1, len(items)):
        if j in headings and headings[j][0] == "section":
            return True
        if items[j].kind not in ("blank", "rule"):
            return False
    return True


def _preamble_paragraphs(items: list[Item]) -> list[str]:
    blocks = make_blocks(items, "plain")
    return [" ".join(t.plain for t in b.texts) for b in blocks if b.texts]


# --- signatures ----------------------------------------------------------------------------------------

_FOR = re.compile(r"^För (\S.{1,90})$")
_NAME_TITLE = re.compile(r"^([^,]{1,60}),\s*([^,]{1,60})$")
_PLACE_DATE = re.compile(r"^([A-ZÅÄÖ][\wåäöÅÄÖ -]{0,40}?)\s+den\b\s*(.*)$")
_NO_NAME = re.compile(r"^(?:[xX]{3,}|_{3,}|\.{3,}|Namnförtydligande|Namn|\[.*\])$")


def _signatures(items: list[Item]) -> list[Signature]:
    """"För X" / (a line) / "Name, title" / "Place den …" groups; their items become one "sig" item."""
    found = []
    for i, item in enumerate(items):
        if item.kind not in ("heading", "text"):
            continue
        m = _FOR.match(bare(item.text))
        if not m or bare(item.text).endswith("."):
            continue
        rest = [j for j in range(i + 1, min(len(items), i + 10)) if items[j].kind not in ("blank",)]
        rest = [j for j in rest if not (items[j].kind == "rule" or re.fullmatch(r"[-_.\s]*", bare(items[j].text)))][:2]
        if len(rest) < 2 or items[rest[0]].kind != "text" or items[rest[1]].kind != "text":
            continue
        nt = _NAME_TITLE.match(bare(items[rest[0]].text))
        pd = _PLACE_DATE.match(bare(items[rest[1]].text))
        if not nt or not pd:
            continue
        name = nt.group(1).strip()
        signature = Signature(m.group(1).strip(), None if _NO_NAME.match(name) else name, nt.group(2).strip(),
                              pd.group(1).strip(), item.no)
        found.append(signature)
        for j in range(i + 1, rest[1] + 1):
            items[j] = Item("skip", no=items[j].no)
        items[i] = Item("sig", no=item.no)
    return found


# --- headings ------------------------------------------------------------------------------------------

def _numbered(items: list[Item], dialect: str) -> bool:
    if dialect == "md":
        return any(NUMBERED_HEADING.match(bare(it.text)) for it in items if it.kind == "heading")
    dotted = sum(1 for it in items if it.kind == "text" and (m := NUMBERED_HEADING.match(it.text)) and "." in m.group(1)
                 and _heading_like(m.group(3)))
    return dotted >= 2


# A line ending in one of these words goes on on the next line: never a heading
# ("Enskede-Årsta-Vantörs stadsdelsförvaltning har budgeterat för" / "200 000 kronor …").
_CONTINUES = {"för", "och", "att", "med", "i", "på", "av", "som", "till", "om", "en", "ett", "den", "det", "de",
              "är", "har", "ska", "kan", "samt", "eller", "från", "vid", "under", "genom", "inom", "mellan", "där",
              "när", "mot", "hos", "efter", "utan", "sin", "sitt", "sina", "dess", "deras", "vara", "blir", "får"}


def _heading_like(text: str, max_words: int = 12) -> bool:
    text = bare(text)
    words = text.split()
    return (0 < len(text) <= 90 and len(words) <= max_words and text[:1].isupper()
            and not re.search(r"[.,;:!?\-–]$", text) and not _AMOUNT_ROW.match(text)
            and not (len(words) > 1 and words[-1].lower() in _CONTINUES))


def _party_heading(text: str, party_names: set[str]) -> bool:
    """A sub-heading naming a party ("Street Minds", "Föreningen Street Minds", "Socialförvaltningen")."""
    lower = text.lower()
    return (lower in party_names or lower.removeprefix("föreningen ") in party_names
            or bool(re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]*(förvaltningen|nämnden)", text)))


def _classify_headings(items: list[Item], dialect: str, numbered: bool, party_names: set[str]) -> dict[int, tuple]:
    """index → (role, level, number, text): role "title", "section" or "emph" (an unnumbered sub-heading)."""
    out: dict[int, tuple] = {}
    first_section_seen = False
    lengths = sorted(len(it.text) for it in items if it.kind == "text")
    width = lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 20 else 0
    for idx, item in enumerate(items):
        if dialect == "md":
            if item.kind != "heading":
                continue
            text = bare(item.text)
            m = NUMBERED_HEADING.match(text)
            if m and numbered:
                out[idx] = ("section", item.level, m.group(1), m.group(3).strip())
                first_section_seen = True
            elif not first_section_seen and (item.level == 0 or (numbered and _is_first_heading(items, idx))):
                out[idx] = ("title", None, None, text)
            elif numbered:
                out[idx] = ("emph", None, None, text)
            else:
                out[idx] = ("section", item.level if item.level is not None else _md_level(item), None, text)
                first_section_seen = True
            continue
        if item.kind not in ("text", "num"):
            continue
        raw = item.text if item.kind == "text" else f"{item.number}. {item.text}"
        if item.style is not None:  # a PDF whose fonts tell headings from running text
            role = _styled_role(items, idx, out, numbered, raw, party_names)
            if role is not None:
                out[idx] = role
            continue
        if numbered:
            m = NUMBERED_HEADING.match(raw)
            if m and _heading_like(m.group(3)) and _between_paragraphs(items, idx, numbered=True):
                if "." in m.group(1) or not _in_list_run(items, idx):
                    out[idx] = ("section", None, m.group(1), m.group(3).strip())
                    continue
            if item.kind == "text" and _heading_like(raw, 6) and _between_paragraphs(items, idx, numbered=True):
                out[idx] = ("emph", None, None, raw)
        elif item.kind == "text" and _heading_like(raw, 8) and ":" not in raw and (
                raw.lower() in PROPOSAL_TOP or _between_paragraphs(items, idx, numbered=False)
                or _isolated(items, idx) or _after_short_line(items, idx, width)):
            before = [out.get(j, ("text",))[0] for j in range(idx) if items[j].kind not in ("blank", "skip")]
            if raw.lower() not in PROPOSAL_TOP and (not before or (set(before) == {"title"} and re.match(
                    r"^(mellan|avseende|om)\b", raw, re.IGNORECASE))):
                shown = raw[:1].lower() + raw[1:] if before else raw
                out[idx] = ("title", None, None, shown)  # the document's first line, and "mellan X och Y" under it
                continue
            out[idx] = ("emph" if _party_heading(raw, party_names) else "section", None, None, raw)
    return out


def _styled_role(items, idx, out, numbered: bool, raw: str, party_names: set[str]) -> tuple | None:
    """A PDF line's role from its look: only a bold or larger line is a heading (a short line of running
    text never is); bold lines at the top are the title, wrapped or not."""
    if items[idx].style != "heading":
        return None
    before = [out.get(j, ("text",))[0] for j in range(idx) if items[j].kind not in ("blank", "skip")]
    m = NUMBERED_HEADING.match(raw)
    previous = next((items[j] for j in range(idx - 1, -1, -1) if items[j].kind not in ("blank", "skip")), None)
    if before and set(before) == {"title"} and not (m and numbered) and raw.lower() not in PROPOSAL_TOP \
            and previous is not None and abs(previous.size - items[idx].size) < 0.3:
        return ("title", None, None, raw)  # the title goes on over the next line, in the same size
    if before and set(before) == {"title"} and not (m and numbered) and raw.lower() not in PROPOSAL_TOP:
        return None  # a subtitle under the title: text before the first heading
    if not before and not (m and numbered) and raw.lower() not in PROPOSAL_TOP:
        return ("title", None, None, raw)
    if numbered and m and _heading_like(m.group(3), 14):
        return ("section", None, m.group(1), m.group(3).strip())
    if not _heading_like(raw, 14):
        return None
    if numbered:
        return ("emph", None, None, raw)
    return ("emph" if _party_heading(raw, party_names) else "section", None, None, raw)


def _md_level(item: Item) -> int:
    return item.level or 1


def _is_first_heading(items, idx) -> bool:
    return all(it.kind != "heading" for it in items[:idx])


def _neighbour(items, idx, step):
    j = idx + step
    blank = False
    while 0 <= j < len(items) and items[j].kind in ("blank", "skip"):
        blank = blank or items[j].kind == "blank"
        j += step
    return (items[j] if 0 <= j < len(items) else None), blank


def _between_paragraphs(items, idx, numbered: bool) -> bool:
    prev, _ = _neighbour(items, idx, -1)
    nxt, _ = _neighbour(items, idx, +1)
    if nxt is not None and nxt.kind in ("text",) and not (nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
        return False
    if nxt is None:
        return False
    if prev is None or prev.kind in ("sig", "table", "rule"):
        return True
    prev_text = bare(prev.text)
    if _SENTENCE_END.search(prev_text) or prev.kind == "heading":
        return True
    if prev.kind in ("bullet", "num"):
        _, blank = _neighbour(items, idx, -1)
        return blank or not prev.trailing
    if prev.kind == "text" and _heading_like(prev_text):  # another heading just above
        return True
    return numbered and not prev.trailing


def _after_short_line(items, idx, width: int) -> bool:
    """PDF text: the line above ended well before the margin (its paragraph or list item ended there,
    without a full stop), and a paragraph starts below: a heading between them. Wrapped lines run to
    the margin, so a short line inside a paragraph does not look like this."""
    if not width:
        return False
    prev, blank = _neighbour(items, idx, -1)
    nxt, _ = _neighbour(items, idx, +1)
    if prev is None or nxt is None or prev.kind not in ("text", "bullet", "num") or blank:
        return False
    return (len(prev.text) < 0.6 * width and nxt.kind == "text" and nxt.text[:1].isupper()
            and len(nxt.text) > 0.8 * width and len(bare(items[idx].text).split()) <= 6)


def _isolated(items, idx) -> bool:
    """A short line with an empty line above it, and below it an empty line or a capital: a heading."""
    if len(bare(items[idx].text).split()) > 6:
        return False
    _, blank_before = _neighbour(items, idx, -1)
    nxt, blank_after = _neighbour(items, idx, +1)
    return blank_before and nxt is not None and (blank_after or nxt.text[:1].isupper())


def _in_list_run(items, idx) -> bool:
    """A "3." line next to "2." or "4." lines is a numbered list, not a heading."""
    item = items[idx]
    n = int(item.number) if item.number else None
    if n is None:
        return False
    for step in (-1, 1):
        other, _ = _neighbour(items, idx, step)
        if other is not None and other.kind == "num" and other.number and abs(int(other.number) - n) == 1:
            return True
    return False


# --- blocks --------------------------------------------------------------------------------------------

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
    return bool(_SENTENCE_END.search(bare(text)))


def make_blocks(items: list[Item], dialect: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None  # the paragraph or list whose last text may continue
    last_item: Item | None = None
    blank = False
    items = _plain_tables(items) if dialect == "plain" else items
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


_GROUPED = re.compile(r"^−?\d{1,3}(?:[ \u00a0]\d{3})+$")
_KR_ROW = re.compile(r"^(\S.*?)\s+(−?\d{1,3}(?:[ \u00a0]\d{3})+|−?\d+)\s*(?:kr|kronor|:-)\.?$")
_TOTAL_LABEL = re.compile(r"^(summa|totalt|total|summa kostnader|sammanlagt)\b", re.IGNORECASE)
_HEADER = re.compile(r"(Kostnad|Belopp|kronor|\bkr\b)")


def _row_of(text: str) -> tuple[str, str] | None:
    """ "Personal 878 000", "Lokalhyra (inkl. el) 125 000 kr" → (item, amount)."""
    m = _KR_ROW.match(text) or _AMOUNT_ROW.match(text)
    return (m.group(1), m.group(2)) if m and len(text) < 120 else None


def _plain_tables(items: list[Item], paragraphs: bool = False) -> list[Item]:
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
        row = _row_of(text)
        if row is None and j == i and len(text) < 40 and _heading_like(text, 6) and _next_starts_upper(items, j):
            return None  # a heading above the budget lines ("Ekonomi"), not the start of an item
        if row is None and not rows and not pending and head is None and j == i and _HEADER.search(text) \
                and not _SENTENCE_END.search(text):
            head = items[j]
            j += 1
            continue
        if row is None and rows and head is not None and text == head.text.strip() and not pending:
            j += 1  # the header repeated on the next page
            continue
        if row is None:
            if len(pending) >= 4 or _SENTENCE_END.search(text) or len(text) > 90:
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
        and not _SENTENCE_END.search(out[-1].text)
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
        m = re.match(r"^(.*?)\s+((?:Kostnad|Belopp).*)$", header.text)
        rows.insert(0, [m.group(1), m.group(2)] if m else [header.text, ""])
    return Item("table", no=no, rows=rows), end


def _next_starts_upper(items: list[Item], j: int) -> bool:
    nxt = next((it for it in items[j + 1:] if it.kind != "blank"), None)
    return nxt is not None and nxt.kind == "text" and nxt.text[:1].isupper()


def _plausible_item_start(text: str) -> bool:
    return text[:1].isupper() and len(text) <= 90


def _column_table(items: list[Item], i: int) -> tuple[Item, int] | None:
    """pdftotext's way with a two-column table: the labels, an empty line, the header and amounts."""
    labels = []
    j = i
    while j < len(items) and items[j].kind == "text" and _row_of(items[j].text) is None and len(labels) < 30:
        labels.append(items[j].text.strip())
        j += 1
    if len(labels) < 2 or j >= len(items) or items[j].kind != "blank":
        return None
    while j < len(items) and items[j].kind == "blank":
        j += 1
    amounts = []
    while j < len(items) and items[j].kind == "text" and len(amounts) < len(labels):
        amounts.append(items[j].text.strip())
        j += 1
    if len(amounts) != len(labels) or not _HEADER.search(amounts[0]) or \
            not all(_GROUPED.match(a) or re.fullmatch(r"−?\d+", a) for a in amounts[1:]):
        return None
    return Item("table", no=items[i].no, rows=[[label, amount] for label, amount in zip(labels, amounts)]), j


# --- numbering -----------------------------------------------------------------------------------------

def numbering_findings(roots: list[Section], file: str) -> list[Finding]:
    findings = []
    seen: dict[tuple, int] = {}
    last: list[int] | None = None
    for root in roots:
        for section in root.walk():
            if not section.number:
                continue
            number = [int(p) for p in section.number.split(".")]
            key = tuple(number)
            where = f"{file}:{section.no}"
            if key in seen:
                findings.append(Finding("numbering", "warning",
                                        f"Punkt {section.number} ({section.heading}) har samma nummer som punkten på "
                                        f"rad {seen[key]}. drafter numrerar om avsnitten när dokumentet byggs.", where))
            elif last is not None:
                depth = len(number)
                if depth > len(last):
                    expected = last + [1] * (depth - len(last))
                else:
                    expected = last[:depth - 1] + [last[depth - 1] + 1]
                if number != expected:
                    shown = ".".join(map(str, expected))
                    findings.append(Finding(
                        "numbering", "warning",
                        f"Punkt {section.number} ({section.heading}) följer på {'.'.join(map(str, last))}; "
                        f"nästa nummer skulle vara {shown}. drafter numrerar om avsnitten när dokumentet byggs.", where))
            elif number != [1] * len(number):
                findings.append(Finding("numbering", "warning",
                                        f"Numreringen börjar med {section.number}, inte 1.", where))
            seen.setdefault(key, section.no)
            last = number
    return findings
