"""A PDF's text for import: the lines pypdf extracts, the look of each line (bold, size: headings) from
the fonts it reports, and without the page furniture (running headers, page numbers)."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import Where
from drafter.importer.model import Item
from drafter.importer.safety import MAX_PDF_PAGES, ImportRefused

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def _line_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Styles:
    """The look of each line of a PDF's text, from the fonts pypdf reports while extracting it:
    bold (the font's name) and size (the font size times the text matrix)."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, bool, float]] = []
        self.parts: list[tuple[str, bool, float]] = []

    def visit(self, text, cm, tm, font, size) -> None:
        name = str(font.get("/BaseFont", "")) if font else ""
        scale = abs(tm[0]) if tm and tm[0] else 1.0
        for k, piece in enumerate(text.split("\n")):
            if k:
                self.flush()
            if piece.strip() and font:
                self.parts.append((piece, bool(_BOLD.search(name)), round(size * scale, 1)))

    def flush(self) -> None:
        if self.parts:
            text = "".join(p for p, _, _ in self.parts)
            self.lines.append((_line_key(text), all(b for _, b, _ in self.parts), max(s for _, _, s in self.parts)))
        self.parts = []

    def looks(self) -> dict[str, tuple[str, float]]:
        """line text → ("heading" (bold, or larger than the body text) or "body", font size)."""
        self.flush()
        weight: dict[float, int] = {}
        for text, _, size in self.lines:
            weight[size] = weight.get(size, 0) + len(text)
        if not weight:
            return {}
        body = max(weight, key=lambda k: weight[k])
        out: dict[str, tuple[str, float]] = {}
        for text, bold, size in self.lines:
            look = "heading" if bold or size > body + 0.5 else "body"
            if out.get(text, ("",))[0] == "body":
                continue  # the same words as running text elsewhere: no heading
            out[text] = (look, size)
        return out


def apply_styles(items: list[Item], styles: dict[str, tuple[str, float]]) -> None:
    """Items get the look of their PDF line, when the fonts told it (else None: judged by the text)."""
    if not any(look == "heading" for look, _ in styles.values()):
        return
    for item in items:
        if item.kind in ("text", "num", "bullet"):
            raw = item.text if item.kind == "text" else (f"{item.number}. {item.text}" if item.kind == "num" else item.text)
            look = styles.get(_line_key(raw)) or styles.get(_line_key(item.text))
            if look:
                item.style, item.size = look


def pdf_text(path: Path, furniture: list[str]) -> tuple[str, dict[str, tuple[str, float]]]:
    import logging

    import pypdf
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            raise ImportRefused("PDF-filen är krypterad och kan inte läsas.", Where(str(path)),
                                "Spara en okrypterad kopia.")
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise ImportRefused(f"PDF-filen har {count} sidor; högst {MAX_PDF_PAGES} kan importeras.", Where(str(path)))
        styles = _Styles()
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text(visitor_text=styles.visit) or "")
            styles.flush()
    except ImportRefused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, AssertionError, ZeroDivisionError):
        raise ImportRefused("PDF-filen kan inte läsas: den är skadad, krypterad eller ingen riktig PDF.",
                            Where(str(path)), "Spara dokumentet som PDF på nytt, eller importera det som .docx "
                                              "eller .txt.") from None
    if not any(p.strip() for p in pages):
        raise ImportRefused("PDF-filen innehåller ingen text (en inskannad bild?).", Where(str(path)),
                            "Importera en PDF med text, eller dokumentets .docx.")
    return "\n".join(strip_running(pages, furniture)), styles.looks()


_FOOTER = re.compile(r"^\s*(Sida\s+\d+\s*(av|/|\(\d+\))?\s*\d*\)?|\d+\s*\(\d+\)|\d+\s*(av|/)\s*\d+|-?\s*\d+\s*-?)\s*$",
                     re.IGNORECASE)


def text_pages(text: str) -> list[str]:
    """A text file's pages: split at form feeds, or after each page-number line ("Sida 2 (4)")."""
    if "\f" in text:
        return text.split("\f")
    pages, current = [], []
    for line in text.split("\n"):
        current.append(line)
        if _FOOTER.match(line) and line.strip() and not line.strip().isdigit():
            pages.append("\n".join(current))
            current = []
    pages.append("\n".join(current))
    return pages


def strip_running(pages: list[str], furniture: list[str]) -> list[str]:
    """Without page footers ("Sida 2 av 7") and a running header repeated at the top of the pages
    (page furniture: it would read as a heading or split a paragraph in two)."""
    split = [p.split("\n") for p in pages]
    for lines in split:
        while lines and (not lines[-1].strip() and len(lines) > 1 or _FOOTER.match(lines[-1]) and lines[-1].strip()):
            furniture.append(lines.pop())
    def first(lines):
        return next((i for i, line in enumerate(lines) if line.strip()), None)

    for _ in range(3):  # a running header may wrap over two or three lines
        firsts = [lines[k].strip() for lines in split if (k := first(lines)) is not None]
        repeated = {f for f in firsts if f and firsts.count(f) >= 2} if len(split) > 1 else set()
        if not repeated:
            break
        for lines in split:
            k = first(lines)
            if k is not None and lines[k].strip() in repeated:
                furniture.append(lines[k])
                del lines[:k + 1]
                while lines and not lines[0].strip():
                    lines.pop(0)
    headers = {line.strip() for line in furniture if line.strip() and not _FOOTER.match(line)}
    for lines in split:  # a header line the text extraction put lower down (inside a table's columns)
        top = [i for i, line in enumerate(lines) if line.strip()][:_HEADER_DEPTH]
        for i in reversed(top):
            if lines[i].strip() in headers:
                furniture.append(lines.pop(i))
    return ["\n".join(lines) for lines in split]


_HEADER_DEPTH = 15  # how far down a page a running header's line may have been read
