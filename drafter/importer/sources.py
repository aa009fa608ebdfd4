"""Read an imported file (.txt, .md, .pdf, .docx) into classified lines (`Item`s).

Two dialects: "md" where headings are marked (`## 2. Parter`, Word heading styles) and "plain",
the text of a PDF, where headings are bare lines found later by their look (structure.py).
Footnotes are taken out of the text and their references marked (model.FOOTNOTE_OPEN).
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import Where
from drafter.importer.lines import heading_like
from drafter.importer.model import FOOTNOTE_CLOSE, FOOTNOTE_OPEN, Item, SourceDoc
from drafter.importer.pdf import apply_styles, pdf_text, strip_running, text_pages
from drafter.importer.safety import ImportRefused, check_docx, check_pdf_header, check_size
from drafter.xmlchars import NOT_XML

SUFFIXES = (".txt", ".md", ".pdf", ".docx")

_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_BULLET = re.compile(r"^\s*(?:•|●|▪|◦|·|–|-|\*|\+)\s+(.*)$")
_NUM = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_LINE = re.compile(r"^\s*\|.*\|?\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
_HR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_FOOTNOTE_DEF = re.compile(r"^\[\^([0-9A-Za-z_-]{1,20})\]:\s*(.*)$")
_MD_FOOTNOTE_REF = re.compile(r"\[\^([0-9A-Za-z_-]{1,20})\]")


def clean(text: str) -> tuple[str, int]:
    """Line ends normalised, Symbol-font bullets made •, other private-use and non-XML characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\uf0b7", "•")
    text, private = _PRIVATE_USE.subn("", text)
    text, bad = NOT_XML.subn(" ", text)
    return text, private + bad


def read_source(path: Path) -> tuple[SourceDoc, int]:
    """The file's items, and how many unusable characters were removed."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(f"Filtypen {suffix or '(ingen)'} kan inte importeras; använd .docx, .pdf, .txt eller .md.",
                            Where(str(path)))
    check_size(path)
    furniture: list[str] = []  # running headers and page numbers taken out (a diarienummer may stand there)
    page_ends: set[int] = set()  # a text file's last line of each page (index), where a footnote ends
    if suffix == ".docx":
        check_docx(path)
        return _read_docx(path)
    if suffix == ".pdf":
        check_pdf_header(path)
        text, styles = pdf_text(path, furniture)
        dialect = "plain"
    else:
        data = path.read_bytes()
        if b"\x00" in data:
            raise ImportRefused("Filen är inte en textfil (den innehåller binära data).", Where(str(path)))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"Filen är inte sparad som UTF-8 (byte {exc.start}).", Where(str(path)),
                                "Spara filen med teckenkodningen UTF-8.") from None
        dialect = "md" if suffix == ".md" or re.search(r"^#{1,6}\s", text, re.MULTILINE) else "plain"
        if dialect == "plain":
            pages = strip_running(text_pages(text.replace("\r\n", "\n").replace("\r", "\n")), furniture)
            text = "\n".join(pages)
            lengths = [page.count("\n") + 1 for page in pages]
            page_ends = {sum(lengths[:k + 1]) - 1 for k in range(len(lengths))}
    dnr = diarienummer_in("\n".join(furniture) + "\n" + text)
    text, removed = clean(text)
    lines = text.split("\n")
    if dialect == "md":
        items, notes = _md_items(lines)
    else:
        lines, notes = _plain_footnotes(lines, page_ends)
        items = _plain_items(lines)
        if suffix == ".pdf":
            apply_styles(items, styles)
    headers = list(dict.fromkeys(line.strip() for line in furniture if line.strip() and not _PAGE_NUMBER.match(line)))
    return SourceDoc(str(path), items, notes, dialect, dnr, headers), removed


_PAGE_NUMBER = re.compile(r"^\s*(?:Sida\s+)?\d+\s*(?:(?:av|/)\s*\d+|\(\d+\))?\s*$", re.IGNORECASE)
_DNR = re.compile(r"\b(?:Dnr|Diarienummer)[.:]?\s*([A-ZÅÄÖ]{1,8}[ -]?\d{4}[/:.-]\d{1,6}(?:[-:./]\d{1,6})*)")


def diarienummer_in(text: str) -> str | None:
    """The first "Dnr SN 2025/117" (or "Diarienummer: KS 2024:33"), wherever it stands (a page header)."""
    m = _DNR.search(text[:200_000])
    return m.group(1) if m else None


# --- Markdown-ish text -------------------------------------------------------------------------------

def _md_items(lines: list[str]) -> tuple[list[Item], dict[int, str]]:
    items: list[Item] = []
    notes: dict[int, str] = {}
    labels: dict[str, int] = {}

    def note_number(label: str) -> int:
        return labels.setdefault(label, len(labels) + 1)

    def refs(text: str) -> str:
        return _MD_FOOTNOTE_REF.sub(lambda m: f"{FOOTNOTE_OPEN}{note_number(m.group(1))}{FOOTNOTE_CLOSE}", text)

    i = 0
    while i < len(lines):
        line, no = lines[i], i + 1
        if m := _MD_FOOTNOTE_DEF.match(line):
            notes[note_number(m.group(1))] = m.group(2).strip()
        elif not line.strip():
            items.append(Item("blank", no=no))
        elif m := _MD_HEADING.match(line):
            items.append(Item("heading", refs(m.group(2)), no, markup=True))
        elif _TABLE_LINE.match(line):
            rows = []
            while i < len(lines) and _TABLE_LINE.match(lines[i]):
                if not _TABLE_RULE.match(lines[i]):
                    cells = lines[i].strip().strip("|").split("|")
                    rows.append([refs(c.strip()) for c in cells])
                i += 1
            items.append(Item("table", no=no, rows=rows, markup=True))
            continue
        elif _HR.match(line):
            items.append(Item("rule", line.strip(), no))
        elif m := _BULLET.match(line):
            items.append(Item("bullet", refs(m.group(1)), no, markup=True))
        elif m := _NUM.match(line):
            items.append(Item("num", refs(m.group(2)), no, number=m.group(1), markup=True))
        else:
            items.append(Item("text", refs(line.strip()), no, markup=True))
        i += 1
    return items, notes


# --- plain text (PDF extraction) ---------------------------------------------------------------------

_NOTE_START = re.compile(r"^(\d{1,2}) (\S.*)$")
_NOTE_REF = "(?<=[A-Za-zÅÄÖåäöéü.,:;)])(?<!\\d\\.){n}(?=[\\s.,:;)]|$)"  # not the 1 of "1.1 Parter"


def _plain_footnotes(lines: list[str], page_ends: set[int] | frozenset[int] = frozenset()) -> tuple[list[str], dict[int, str]]:
    """Footnote blocks as a PDF's text gives them: after a line holding only a space, lines starting
    "1 Begreppet …", until the page's text resumes on a line starting with a space; or (pdftotext)
    the number alone on a line, an empty line, the note, up to the end of the page. Each reference
    is the number glued to the word before it ("återhämtning1"), the last such before the block."""
    notes: dict[int, str] = {}
    out: list[str] = list(lines)
    keep = [True] * len(lines)
    search_from = 0
    i = 0
    while i < len(lines):
        expected = len(notes) + 1
        start = _NOTE_START.match(lines[i + 1].strip()) if i + 1 < len(lines) else None
        if lines[i] == " " and start is None and i + 2 < len(lines) and not lines[i + 1].strip():
            start = _NOTE_START.match(lines[i + 2].strip())
            first = i + 2
        else:
            first = i + 1
        alone = (lines[i].strip() == str(expected) and i + 2 < len(lines) and not lines[i + 1].strip()
                 and bool(lines[i + 2].strip()) and i not in page_ends
                 and any(end > i for end in page_ends))
        if alone:  # "1" / "" / "Begreppet …": the block is the rest of the page
            lines = lines[:]
            lines[i + 2] = f"{expected} {lines[i + 2].strip()}"
            start, first = _NOTE_START.match(lines[i + 2]), i + 2
        if (lines[i] == " " or alone) and start and int(start.group(1)) == expected:
            j = first
            current: int | None = None
            found: dict[int, list[str]] = {}
            page_end = min((end for end in page_ends if end >= first), default=len(lines) - 1) if alone else None
            while j < len(lines) and not (lines[j].startswith(" ") and j > first) and lines[j] != " " \
                    and (page_end is None or j <= page_end):
                m = _NOTE_START.match(lines[j].strip())
                if m and int(m.group(1)) == expected + len(found):
                    current = int(m.group(1))
                    found[current] = [m.group(2).strip()]
                elif current is not None and lines[j].strip():
                    found[current].append(lines[j].strip())
                j += 1
            placed = {}
            for n in sorted(found):
                pattern = re.compile(_NOTE_REF.format(n=n))
                for k in range(search_from, i):
                    if keep[k] and (m := pattern.search(out[k])):
                        out[k] = out[k][:m.start()] + f"{FOOTNOTE_OPEN}{n}{FOOTNOTE_CLOSE}" + out[k][m.end():]
                        placed[n] = k
                        search_from = k
                        break
            if placed:
                for n, parts in found.items():
                    notes[n] = _join_note(parts)
                for k in range(i, j):
                    keep[k] = False
                i = j
                continue
        i += 1
    return [line for line, k in zip(out, keep) if k] if notes else out, notes


def _join_note(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        glued = text.endswith(("/", "-")) or re.search(r"https?://\S+$", text)
        text += ("" if glued and not part[:1].isupper() else " ") + part
    return text


_LONE_MARKER = re.compile(r"^\s*(?:•|●|▪|◦|·|–|-|\*|\+)\s*$")


def _plain_items(lines: list[str]) -> list[Item]:
    items = []
    marker = False  # a Word list's marker extracted on a line of its own ("–", then the item's text)
    for i, line in enumerate(lines, start=1):
        trailing = line != line.rstrip()
        if _LONE_MARKER.match(line):
            marker = True
            continue
        if not line.strip():
            if not marker:
                items.append(Item("blank", no=i))
            continue
        if marker:
            marker = False
            items.append(Item("bullet", line.strip(), i, trailing=trailing))
        elif m := _BULLET.match(line):
            items.append(Item("bullet", m.group(1).strip(), i, trailing=trailing))
        elif m := _NUM.match(line):
            items.append(Item("num", m.group(2).strip(), i, number=m.group(1), trailing=trailing))
        else:
            items.append(Item("text", line.strip(), i, trailing=trailing))
    return items


# --- DOCX --------------------------------------------------------------------------------------------

_DOCX_NUMBERED = re.compile(r"^(?:§\s*)?\d+(\.\d+)*\.?(?:\s*§)?\s+\S")  # "2.1 Parter", "§ 3 Parter", "3 § Parter"


def _read_docx(path: Path) -> tuple[SourceDoc, int]:
    import zipfile

    from docx import Document
    from docx.oxml.ns import qn
    from lxml import etree

    try:
        document = Document(str(path))
    except Exception:  # python-docx raises many kinds for a broken package
        raise ImportRefused("Filen kan inte läsas som .docx: den är skadad eller ingen Word-fil.", Where(str(path))) from None

    notes: dict[int, str] = {}
    note_ids: dict[str, int] = {}
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" in z.namelist():
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
            root = etree.fromstring(z.read("word/footnotes.xml"), parser)
            for note in root.iter(qn("w:footnote")):
                fid = note.get(qn("w:id"))
                text = " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in note.iter(qn("w:p")))
                if text.strip() and int(fid or 0) > 0:
                    note_ids[fid] = len(note_ids) + 1
                    notes[note_ids[fid]] = clean(text.strip())[0]

    removed = 0

    def para_text(p, breaks: bool = False) -> str:
        """The paragraph's text; its line breaks (w:br) as "\n" when `breaks`, else as spaces."""
        nonlocal removed
        out = []
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:footnoteReference")):
            if node.tag == qn("w:t"):
                out.append(node.text or "")
            elif node.tag == qn("w:footnoteReference"):
                n = note_ids.get(node.get(qn("w:id")))
                if n:
                    out.append((n,))
            elif node.tag == qn("w:br") and breaks and node.get(qn("w:type")) in (None, "textWrapping"):
                out.append("\n")
            else:
                out.append(" ")
        text = ""
        for part in out:
            if isinstance(part, tuple):
                text += f"{FOOTNOTE_OPEN}{part[0]}{FOOTNOTE_CLOSE}"
            else:
                cleaned, bad = clean(part)
                removed += bad
                text += cleaned
        return re.sub(r" *\n *", "\n", re.sub(r"[ \t]+", " ", text)).strip()

    from docx.table import Table
    from docx.text.paragraph import Paragraph

    items: list[Item] = []
    no = 0
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            no += 1
            paragraph = Paragraph(element, document)
            lines = para_text(element, breaks=True)
            text = lines.replace("\n", " ")
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            level = _heading_level(style)
            if level is None:
                level = _outline_level(element, paragraph.style, qn)
            bold = all(r.bold for r in paragraph.runs if r.text.strip()) and any(r.text.strip() for r in paragraph.runs)
            has_num = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
            if level is not None:
                items.append(Item("heading", text, no, level=level))
            elif bold and _DOCX_NUMBERED.match(text) and len(text) < 100 and not text.endswith("."):
                items.append(Item("heading", text, no))
            elif bold and not has_num and heading_like(text, 10) and not text.startswith("För "):
                items.append(Item("heading", text, no))  # a bold line of its own, the way many write headings
            elif "List Number" in style or "Numrerad" in style:
                m = _NUM.match(text)  # the number typed into the text ("1.\tSocialnämnden …")
                items.append(Item("num", m.group(2) if m else text, no, number=m.group(1) if m else None))
            elif "List" in style or "Lista" in style or has_num:
                m = _BULLET.match(text)  # a bullet typed into the text ("–\tSocialförvaltningen …")
                items.append(Item("bullet", m.group(1) if m else text, no))
            else:  # lines broken by hand (a letterhead: "Linköpings kommun" / "Äldreförvaltningen") one by one
                items += [Item("text", line, no) for line in lines.split("\n") if line.strip()]
            items.append(Item("blank", no=no))
        elif element.tag == qn("w:tbl"):
            no += 1
            table = Table(element, document)
            rows = []
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    cells.append(" ".join(para_text(p._p) for p in cell.paragraphs).strip())
                rows.append(cells)
            if any(c.startswith("För ") for row in rows for c in row) and len(rows[0]) <= 4:
                # signatures side by side in a table: each column's lines in turn, as the text would read
                for column in range(len(table.columns)):
                    for row in table.rows:
                        for paragraph in row.cells[column].paragraphs:
                            if line := para_text(paragraph._p):
                                items.append(Item("text", line, no))
                        items.append(Item("blank", no=no))
                continue
            items.append(Item("table", no=no, rows=rows))
            items.append(Item("blank", no=no))
    header = " ".join(p.text for section in document.sections for p in section.header.paragraphs)
    header += " " + " ".join(cell.text for section in document.sections for t in section.header.tables
                             for row in t.rows for cell in row.cells)
    body = " ".join(it.text for it in items[:40])
    return SourceDoc(str(path), items, notes, "md", diarienummer_in(header + "\n" + body)), removed


def _outline_level(element, style, qn) -> int | None:
    """Word's outline level (Disposition: Nivå 1 …) on the paragraph or its style: a heading's level."""
    for owner in (element, getattr(style, "element", None)):
        if owner is None:
            continue
        found = owner.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if found is not None:
            value = found.get(qn("w:val"))
            if value is not None and value.isdigit() and int(value) < 9:
                return int(value) + 1
    return None


def _heading_level(style: str) -> int | None:
    if style in ("Title", "Rubrik"):
        return 0
    m = re.match(r"^(?:Heading|Rubrik)\s*(\d)$", style)
    return int(m.group(1)) if m else None
