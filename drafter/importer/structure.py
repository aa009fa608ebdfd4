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
from drafter.importer.blocks import make_blocks
from drafter.importer.layout import Letterhead, Official, take_attachments, take_letterhead, take_officials
from drafter.importer.lines import DNR_LINE, SENTENCE_END, bare, heading_like, md_bare
from drafter.importer.model import Item, Section, Signature, SourceDoc
from drafter.importer.numbering import numbering_findings
from drafter.importer.signatures import find_signatures as _signatures
from drafter.importer.signatures import side_by_side as _side_by_side_signatures
from drafter.importer.tables import plain_tables

__all__ = ["PROPOSAL_TOP", "NUMBERED_HEADING", "Structure", "bare", "build_structure", "make_blocks"]

# "2.1 Parter", "4. Ekonomi", and the paragraph style of many agreements: "§ 3 Parter", "§ 3. Parter", "3 § Parter"
NUMBERED_HEADING = re.compile(r"^(?:§\s*(?=\d))?(\d{1,2}(?:\.\d{1,2})*)(\.?)(?:\s*§(?!\S))?\s+(\S.*)$")
PARAGRAPH_SIGN = re.compile(r"^(?:§\s*\d|\d{1,2}\s*§(?!\S))")
# The top-level headings of a tjänsteutlåtande; other bare headings after "Ärendet" are its sub-sections.
PROPOSAL_TOP = {
    "förvaltningens förslag till beslut", "förslag till beslut", "sammanfattning", "bakgrund", "ärendet",
    "ärendets beredning", "förvaltningens synpunkter och förslag", "bilagor", "beslut",
}


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
    paragraph_style: tuple[int, str] | None = None  # the first "§ 3 Parter" heading (line, as written)
    attachments: list[tuple[int, str]] = field(default_factory=list)  # "Bilaga 1: …" lines at the end (line, text)
    officials_unit: tuple[int, str] | None = None  # the förvaltning's name above the officials (line, text)
    officials_at_end: bool = False  # the officials signed at the end, not under the decision points


def build_structure(source: SourceDoc, where_file: str, party_names: frozenset[str] | set[str] = frozenset()) -> Structure:
    items = [Item("skip", no=it.no) if it.kind == "text" and DNR_LINE.match(it.text) else it for it in source.items]
    letterhead = take_letterhead(items)
    attachments = take_attachments(items)
    signing = take_officials(items)
    items = plain_tables(items, paragraphs=source.path.lower().endswith(".docx"))
    items = _side_by_side_signatures(items)
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
    paragraph_style: tuple[int, str] | None = None
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
        if number and paragraph_style is None and PARAGRAPH_SIGN.match(written := md_bare(item.text)
                                                                        if item.markup else bare(item.text)):
            paragraph_style = (item.no, written)
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
    if not title:  # the first paragraph, a reference line above it ("Dnr FRN 2026/0142") not counted
        paragraphs = _preamble_paragraphs(preamble_items)
        first = next((k for k, p in enumerate(paragraphs) if not _REFERENCE_LINE.match(p)), 0)
        title, preamble = paragraphs[first:first + 1], paragraphs[:first] + paragraphs[first + 1:]
    else:
        preamble = _preamble_paragraphs(preamble_items)
    for root in roots:
        for section in root.walk():
            section.blocks = make_blocks(section.items, source.dialect)
    structure = Structure(title, preamble, roots, numbered, signatures=signatures, letterhead=letterhead,
                          officials=signing.officials, paragraph_style=paragraph_style, attachments=attachments,
                          officials_unit=signing.unit, officials_at_end=signing.at_end)
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


# --- headings ------------------------------------------------------------------------------------------

def _numbered(items: list[Item], dialect: str) -> bool:
    if dialect == "md":
        return any(NUMBERED_HEADING.match(md_bare(it.text)) for it in items if it.kind == "heading")
    dotted = sum(1 for it in items if it.kind == "text" and (m := NUMBERED_HEADING.match(it.text))
                 and ("." in m.group(1) or PARAGRAPH_SIGN.match(it.text)) and heading_like(m.group(3)))
    return dotted >= 2 or _single_numbered(items) >= 2


def _single_numbered(items: list[Item]) -> int:
    """Headings numbered on one level only ("1. Bakgrund", "2. Parter"): a short numbered line standing
    alone between empty lines, not next to another numbered line (that is a list)."""
    count = 0
    for idx, item in enumerate(items):
        if item.kind != "num" or not heading_like(item.text, 8) or _in_list_run(items, idx):
            continue
        _, blank_before = _neighbour(items, idx, -1)
        nxt, blank_after = _neighbour(items, idx, +1)
        count += blank_before and blank_after and nxt is not None and nxt.kind == "text"
    return count


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
    md_title = _md_title(items) if dialect == "md" else None
    for idx, item in enumerate(items):
        if dialect == "md":
            if item.kind != "heading":
                continue
            text = md_bare(item.text)
            m = NUMBERED_HEADING.match(text)
            if m and numbered:
                out[idx] = ("section", item.level, m.group(1), m.group(3).strip())
                first_section_seen = True
            elif not first_section_seen and (item.level == 0 or (numbered and _is_first_heading(items, idx))
                                             or idx == md_title):
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
            if m and heading_like(m.group(3)) and _between_paragraphs(items, idx, numbered=True):
                if "." in m.group(1) or not _in_list_run(items, idx):
                    out[idx] = ("section", None, m.group(1), m.group(3).strip())
                    continue
            if item.kind == "text" and heading_like(raw, 6) and _between_paragraphs(items, idx, numbered=True):
                out[idx] = ("emph", None, None, raw)
        elif item.kind == "text" and heading_like(raw, 8) and ":" not in raw and (
                raw.lower() in PROPOSAL_TOP or _between_paragraphs(items, idx, numbered=False)
                or _isolated(items, idx) or _after_short_line(items, idx, width)):
            before = _roles_before(items, idx, out)
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
    before = _roles_before(items, idx, out)
    if all(role == "text" for role in before) and items[idx].size > _body_size(items) + 0.5:
        before = []  # body-size lines above the first larger one (a page header, a reference): not the title's
    elif before and before[0] == "text" and "title" in before:
        before = before[before.index("title"):]  # the same lines above a title found already
    m = NUMBERED_HEADING.match(raw)
    previous = next((items[j] for j in range(idx - 1, -1, -1) if items[j].kind not in ("blank", "skip")), None)
    if before and set(before) == {"title"} and not (m and numbered) and raw.lower() not in PROPOSAL_TOP \
            and previous is not None and abs(previous.size - items[idx].size) < 0.3:
        return ("title", None, None, raw)  # the title goes on over the next line, in the same size
    if before and set(before) == {"title"} and not (m and numbered) and raw.lower() not in PROPOSAL_TOP \
            and items[idx].size > _body_size(items) + 0.5 and not _size_of_a_later_heading(items, idx):
        return None  # a subtitle under the title (larger than the text, not bold text): before the first heading
    if not before and not (m and numbered) and raw.lower() not in PROPOSAL_TOP:
        return ("title", None, None, raw)
    if numbered and m and heading_like(m.group(3), 14):
        return ("section", None, m.group(1), m.group(3).strip())
    if not heading_like(m.group(3) if m else raw, 14):
        return None
    if numbered:
        return ("emph", None, None, raw)
    if m:  # "1. Parter" in a heading's look, numbered on one level: the number is the source's
        return ("section", None, m.group(1), m.group(3).strip())
    return ("emph" if _party_heading(raw, party_names) else "section", None, None, raw)


# A reference line above the title ("Dnr ÄN 2023-0412", "2025-03-04", "Sida 1 (3)"): no text of the document
_REFERENCE_LINE = re.compile(r"^(?:(?:Dnr|Diarienummer)\.?:?\s*\S.{0,40}|(?:Datum:?\s*)?\d{4}-\d{2}-\d{2}|Sida \d+.*)$",
                             re.IGNORECASE)


def _roles_before(items, idx, out) -> list[str]:
    """The roles of the lines above line idx (text that is no heading: "text"), reference lines not counted."""
    return [out.get(j, ("text",))[0] for j in range(idx)
            if items[j].kind not in ("blank", "skip") and not _REFERENCE_LINE.match(items[j].text.strip())]


def _size_of_a_later_heading(items: list[Item], idx: int) -> bool:
    """The line has the size of a heading further down ("Parter" right under the title): a heading, no subtitle."""
    return any(it.style == "heading" and abs(it.size - items[idx].size) < 0.3 for it in items[idx + 2:])


def _body_size(items: list[Item]) -> float:
    sizes: dict[float, int] = {}
    for item in items:
        if item.style == "body":
            sizes[item.size] = sizes.get(item.size, 0) + 1
    return max(sizes, key=lambda k: sizes[k]) if sizes else 0.0


def _md_title(items: list[Item]) -> int | None:
    """The first heading, when it is the only one on the top level, stands over two or more deeper ones
    and has no text of its own: the document's title ("Heading 1" over "Heading 2" sections)."""
    headings = [(i, it) for i, it in enumerate(items) if it.kind == "heading" and it.level is not None]
    if len(headings) < 3:
        return None
    (first, top), (second, _) = headings[0], headings[1]
    alone = all(it.level > top.level for _, it in headings[1:])  # type: ignore[operator]
    own_text = any(items[j].kind not in ("blank", "skip") for j in range(first + 1, second))
    return first if alone and not own_text and top.level else None


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
    if SENTENCE_END.search(prev_text) or prev.kind == "heading":
        return True
    if prev.kind in ("bullet", "num"):
        _, blank = _neighbour(items, idx, -1)
        return blank or not prev.trailing
    if prev.kind == "text" and heading_like(prev_text):  # another heading just above
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
