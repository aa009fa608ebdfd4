"""Reading our files back as a person's viewer would: the text of a PDF and of a DOCX."""

from __future__ import annotations

import io
import re
import zipfile

import pypdf
from docx import Document as open_docx
from docx.oxml.ns import qn

from drafter.model.nodes import FootnoteRef
from drafter.model.text import block_lines
from drafter.writers.letterhead import letterhead_lines


def read(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def norm(text: str) -> str:
    """Collapse whitespace (no-break spaces too)."""
    return re.sub(r"\s+", " ", text).strip()


def footnote_entries(doc) -> list[str]:
    """Footnote texts as the page foot shows them: the number, then the text."""
    entries = []
    for section_blocks in [doc.preamble, *(s.blocks for s in doc.walk_sections())]:
        for inline in _inlines(section_blocks):
            if isinstance(inline, FootnoteRef):
                text = " ".join(line for b in inline.blocks for line in block_lines(b))
                entries.append((inline.number, norm(text)))
    return sorted(entries)


def _inlines(blocks):
    for block in blocks:
        for inline in getattr(block, "inlines", []):
            yield from _walk_inline(inline)


def _walk_inline(inline):
    yield inline
    for child in getattr(inline, "children", []):
        yield from _walk_inline(child)


def head_lines(meta) -> list[str]:
    """The letterhead as page 1 reads: the sender, the house style's address under it, then the rest."""
    lines = letterhead_lines(meta.letterhead)
    sender = [line for line in meta.letterhead.sender if line]
    address = meta.house.address if meta.house else []
    return lines[:len(sender)] + list(address) + lines[len(sender):]


def page_headers(doc, pages: int) -> list[str]:
    """What each page's header reads: page 1 the letterhead (when the document has one) or
    just "Dnr …" (the title follows in full), later pages title and Dnr; a draft's pages
    also "UTKAST" (before the Dnr)."""
    from drafter.house_style import draft_mark

    mark = "UTKAST" if draft_mark(doc.meta) else ""
    dnr = f"Dnr {doc.meta.diarienummer}" if doc.meta.diarienummer else ""
    first = norm(f"{mark} {' '.join(head_lines(doc.meta))}" if doc.meta.letterhead else f"{mark} {dnr}")
    return [first] + [norm(f"{doc.meta.title} {mark} {dnr}")] * (pages - 1)


def body_text(doc, pdf: bytes) -> str:
    """The text of all pages without running header, footer and footnote entries.

    Each part is removed only where it must be: the header as the exact start of
    each page (on page 1 the letterhead's lines, when the document has one),
    "Sida i av n" as the exact end, then the footnote entries due on the page
    (in order) just above it. Anything missing fails the test.
    """
    reader = read(pdf)
    pages = reader.pages
    headers = page_headers(doc, len(pages))
    entries = footnote_entries(doc)
    next_entry = 0
    body = []
    for i, page in enumerate(pages, start=1):
        text = page.extract_text()
        text = re.sub(r"(^|\n)[•–] ", r"\1", text)  # bullet markers (not in the model's text)
        text = re.sub(r"([-/])[ \t]*\n", r"\1", text)  # a line broken after a hyphen or slash
        text = norm(text)
        header = headers[i - 1]
        if header:
            text = _strip_header(header, text, i)
        footer = f"Sida {i} av {len(pages)}"
        assert text.endswith(" " + footer), (i, text[-200:])
        text = text[: -len(footer) - 1]
        # Footnote entries are printed "1En fotnot ..." (raised number, no space).
        for m in range(len(entries) - next_entry, 0, -1):
            due = entries[next_entry:next_entry + m]
            pattern = " " + " ".join(f"{n} ?{re.escape(t)}" for n, t in due) + "$"
            found = re.search(pattern, text)
            if found:
                text = text[: found.start()]
                next_entry += m
                break
        body.append(text)
    assert next_entry == len(entries), "every footnote entry printed once"
    return " ".join(body)


def _strip_header(header: str, text: str, page: int) -> str:
    """The page without its header; a running title too long for one line ends in "…" instead."""
    if text.startswith(header + " "):
        return text[len(header) + 1:]
    words = header.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        for tail in range(len(words) - cut, -1, -1):  # the Dnr words stay after the "…"
            shortened = " ".join(words[:cut] + ["…"] + words[len(words) - tail:] if tail else words[:cut] + ["…"])
            if text.startswith(shortened + " "):
                return text[len(shortened) + 1:]
    raise AssertionError((page, text[:200]))


_BULLET = re.compile(r"^[–•]\s+")  # a list item's marker, which the model's text does not hold


def after_letterhead(body) -> list:
    """The body's blocks from the title on: a letterhead (a table and a spacer before the title,
    writers/docx/letterhead.py) is real body text, but no part of the model's text."""
    children = list(body.iterchildren())
    for i, child in enumerate(children):
        style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if child.tag == qn("w:p") else None
        if style is not None and style.get(qn("w:val")) == "Title":
            return children[i:]
    return children


def letterhead_texts(body) -> list[str]:
    """The paragraphs of the letterhead at the top of a DOCX body, in reading order."""
    children = list(body.iterchildren())
    head = children[: len(children) - len(after_letterhead(body))]
    return [t for el in head for p in el.iter(qn("w:p")) if (t := _paragraph_text(p))]


class ListLabels:
    """What Word prints before a list item, computed from the numbering part as Word does:
    each w:num counts its own items per level, from its start override (or the level's start)."""

    def __init__(self, document):
        self.nums: dict[str, tuple[dict, dict]] = {}
        self.counts: dict[tuple[str, str], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except NotImplementedError:
            return
        abstracts = {a.get(qn("w:abstractNumId")): {
            lvl.get(qn("w:ilvl")): (lvl.find(qn("w:numFmt")).get(qn("w:val")),
                                    lvl.find(qn("w:lvlText")).get(qn("w:val")),
                                    int(lvl.find(qn("w:start")).get(qn("w:val"))))
            for lvl in a.findall(qn("w:lvl"))} for a in numbering.findall(qn("w:abstractNum"))}
        for num in numbering.findall(qn("w:num")):
            levels = abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
            starts = {o.get(qn("w:ilvl")): int(o.find(qn("w:startOverride")).get(qn("w:val")))
                      for o in num.findall(qn("w:lvlOverride")) if o.find(qn("w:startOverride")) is not None}
            self.nums[num.get(qn("w:numId"))] = (levels, starts)

    def label(self, p, bullets: bool = False) -> str:
        """"3. " for a numbered item, "" for a bullet (the model's text holds no bullet; "– " with
        `bullets`, as Word prints it) or no list."""
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            return ""
        num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
        ilvl = num_pr.find(qn("w:ilvl")).get(qn("w:val"))
        levels, starts = self.nums[num_id]
        fmt, text, start = levels[ilvl]
        count = self.counts.get((num_id, ilvl), starts.get(ilvl, start) - 1) + 1
        self.counts[(num_id, ilvl)] = count
        if fmt == "bullet":
            return f"{text} " if bullets else ""
        return text.replace(f"%{int(ilvl) + 1}", str(count)) + " "


def docx_list_items(data: bytes) -> list[tuple[int, str, str]]:
    """(level, label, text) of every list paragraph in the body, labels as Word numbers them."""
    document = open_docx(io.BytesIO(data))
    labels = ListLabels(document)
    items = []
    for p in document.element.body.iter(qn("w:p")):
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            items.append((int(num_pr.find(qn("w:ilvl")).get(qn("w:val"))), labels.label(p).strip(),
                          _paragraph_text(p)))
    return items


def docx_body_text(data: bytes) -> str:
    """The body of a DOCX in reading order: paragraphs and table cells, footnote marks as their number,
    list items with the number Word gives them."""
    document = open_docx(io.BytesIO(data))
    labels = ListLabels(document)
    parts = []
    for element in after_letterhead(document.element.body):
        if element.tag == qn("w:p"):
            parts.append(labels.label(element) + _BULLET.sub("", _paragraph_text(element)))
        elif element.tag == qn("w:tbl"):
            for cell_paragraph in element.iter(qn("w:p")):
                parts.append(labels.label(cell_paragraph) + _paragraph_text(cell_paragraph))
    return norm(" ".join(parts))


def _paragraph_text(p) -> str:
    out = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:footnoteReference")):
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:footnoteReference"):
            out.append(node.get(qn("w:id")))
        else:
            out.append(" ")
    return "".join(out)


def docx_footnotes_text(data: bytes) -> str:
    """Every footnote of a DOCX in order, as "N text" (N its mark)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "word/footnotes.xml" not in z.namelist():
            return ""
        from lxml import etree

        root = etree.fromstring(z.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(qn("w:footnote")):
        number = int(note.get(qn("w:id")))
        if number > 0:
            text = " ".join(_paragraph_text(p) for p in note.iter(qn("w:p")))
            notes.append((number, norm(text.replace(str(number), "", 1) if text.strip().startswith(str(number))
                                       else text)))
    return " ".join(f"{n} {t}" for n, t in sorted(notes))


def footnotes_text(doc) -> str:
    """The model's footnotes as "N text", as a reader sees them at the page foot."""
    return " ".join(f"{n} {t}" for n, t in footnote_entries(doc))


def docx_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def struct_elements(node, out=None) -> list:
    """The structure elements (dictionaries with /S) of a tagged PDF's structure tree, depth first (pikepdf)."""
    import pikepdf

    out = [] if out is None else out
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            out.append(node)
        kids = node.get("/K")
        if kids is not None:
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                struct_elements(kid, out)
    elif isinstance(node, pikepdf.Array):
        for kid in node:
            struct_elements(kid, out)
    return out


def struct_kinds(node) -> list[str]:
    """The structure types (/H1, /Table, /L, …) of a tagged PDF's structure tree, depth first (pikepdf)."""
    return [str(element.S) for element in struct_elements(node)]
