"""Which characters the PDF can show: those in the character map (cmap) of a bundled Liberation font.

Typst is given these fonts and no others (typst_writer), and refuses to write a PDF/A with text no
font can show. `drafter check` writes no PDF, so it asks this module instead, and `drafter build` asks
it before Typst does: both report the same text at the same place (`glyph_error`). Read from the
fonts themselves (TrueType cmap formats 4 and 12, https://learn.microsoft.com/typography/opentype/spec/cmap),
once per process; tests/test_glyphs.py holds the verdicts to Typst's own.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from drafter.errors import DrafterError, Where

if TYPE_CHECKING:
    from drafter.model.nodes import Document

FONTS = Path(__file__).parent / "writers" / "pdf" / "fonts"  # what typst_writer gives Typst
_NOT_SHOWN = {"id", "path", "sha256", "target", "type", "kind", "align", "language", "logo", "first_page"}
_LAYOUT = {"\n", "\r", "\t"}  # line breaks and tabs are layout, not glyphs


@lru_cache(maxsize=1)
def showable() -> frozenset[int]:
    """Every code point some bundled font maps to a glyph: read from the fonts once, then kept between
    runs (parse_cache) under their names and drafter's package digest, which holds the fonts' bytes."""
    from drafter.parse_cache import kept

    fonts = sorted(FONTS.glob("*.ttf"))
    names = "\n".join(font.name for font in fonts).encode("utf-8")
    return kept("glyphs", names, lambda: _read_showable(fonts),
                lambda value: isinstance(value, frozenset) and all(type(p) is int for p in value))


def _read_showable(fonts: list[Path]) -> frozenset[int]:
    points: set[int] = set()
    for font in fonts:
        points |= cmap_glyphs(font.read_bytes()).keys()
    return frozenset(points)


@lru_cache(maxsize=1)
def _showable_chars() -> frozenset[str]:
    """showable() as characters, with the layout ones: what a text may hold without a look, char by char."""
    return frozenset(map(chr, showable())) | _LAYOUT


def font_tables(data: bytes) -> dict[bytes, int]:
    """Table tag (b"cmap", b"hmtx", …) → its offset in a TrueType font."""
    return {data[12 + 16 * i: 16 + 16 * i]: struct.unpack_from(">I", data, 20 + 16 * i)[0]
            for i in range(struct.unpack_from(">H", data, 4)[0])}


def cmap_glyphs(data: bytes) -> dict[int, int]:
    """Code point → glyph id, for every code point the font shows (.notdef, glyph 0, left out); from
    its Windows cmap: format 12 (full Unicode) when it has one, else format 4 (the BMP)."""
    base = font_tables(data)[b"cmap"]
    records = [struct.unpack_from(">HHI", data, base + 4 + 8 * i) for i in range(struct.unpack_from(">H", data, base + 2)[0])]
    offsets = {(platform, encoding): base + offset for platform, encoding, offset in records}
    if (3, 10) in offsets:
        return _format12(data, offsets[(3, 10)])
    return _format4(data, offsets[(3, 1)])


def _format12(data: bytes, at: int) -> dict[int, int]:
    glyphs: dict[int, int] = {}
    for i in range(struct.unpack_from(">I", data, at + 12)[0]):
        start, end, first = struct.unpack_from(">III", data, at + 16 + 12 * i)
        glyphs.update((code, first + k) for k, code in enumerate(range(start, end + 1)) if first + k)
    return glyphs


def _format4(data: bytes, at: int) -> dict[int, int]:
    count = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{count}H", data, at + 14)
    starts = struct.unpack_from(f">{count}H", data, at + 16 + 2 * count)
    deltas = struct.unpack_from(f">{count}h", data, at + 16 + 4 * count)
    range_at = at + 16 + 6 * count
    range_offsets = struct.unpack_from(f">{count}H", data, range_at)
    glyphs: dict[int, int] = {}
    for i, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, range_offsets)):
        end = min(end, 0xFFFE)  # 0xFFFF ends the last segment and is no character
        if end < start:
            continue
        if offset == 0:  # glyph = code + delta
            found = (((code + delta) & 0xFFFF) for code in range(start, end + 1))
        else:  # glyph from the array after the offsets, then + delta (0 stays .notdef)
            found = ((((g + delta) & 0xFFFF) if g else 0)
                     for g in struct.unpack_from(f">{end - start + 1}H", data, range_at + 2 * i + offset))
        glyphs.update((code, glyph) for code, glyph in zip(range(start, end + 1), found) if glyph)
    return glyphs


def _shown_strings(value, key: str = "") -> Iterator[str]:
    """The strings of a document's model (as the PDF writer gets it) that the PDF shows."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in _NOT_SHOWN:
                yield from _shown_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _shown_strings(v, key)
    elif isinstance(value, str):
        yield value


def unshowable(documents: list["Document"]) -> str:
    """The first run of characters no bundled font has, in document order ("" when there is none)."""
    from drafter.model.data import to_data

    fonts = showable()
    shown = _showable_chars()
    for doc in documents:
        for text in _shown_strings(to_data(doc)):
            if shown.issuperset(text):
                continue  # every character has a glyph (or is layout): nothing to find in it, at C speed
            run = ""
            for char in text:
                if ord(char) in fonts or char in _LAYOUT:
                    if run:
                        return run
                else:
                    run += char
            if run:
                return run
    return ""


def glyph_error(documents: list["Document"], loaded, clause_root: Path) -> DrafterError | None:
    """What `build` stops with (and `check` reports) when a document holds text the PDF cannot show:
    the characters, and the spec field or clause line they came from."""
    text = unshowable(documents)
    if not text:
        return None
    from drafter.writers.pdf.typst_writer import MissingGlyphs

    error = MissingGlyphs(text)
    error.where = source_of(documents, loaded, clause_root, text)
    return error


def source_of(documents: list["Document"], loaded, clause_root: Path, text: str) -> Where:
    """Where text a writer cannot show came from, by the model's provenance: the spec field (or the
    clause) that put it in the document; the spec file when nothing holds it."""
    from drafter.model.provenance import locate_text

    origin = locate_text(documents, text)
    if origin is None:
        return Where(str(loaded.path))
    if origin.kind == "clause":
        path = clause_root / origin.file
        return Where(str(path), _line_holding(path, text, origin.line) or origin.line)
    return Where(origin.file, origin.line, None, origin.ref or None)


def _line_holding(path: Path, text: str, first: int | None) -> int | None:
    """The line of the clause file, from the section's first line on, that holds `text` (or its first
    character): the provenance names the clause, the text names the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for needle in (text, text[:1]):
        for number, line in enumerate(lines[(first or 1) - 1:], first or 1):
            if needle and needle in line:
                return number
    return None
