"""How many lines a short text takes in a given width: the bundled Liberation fonts' advance widths
(metric-compatible with Times New Roman, which the template names), greedy breaking as Word and
LibreOffice do at spaces and after hyphens. For layout that must know a wrap the DOCX cannot
express: the signature block pads the shorter party line so the lines to sign on stay level.
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache

from drafter.glyphs import FONTS, cmap_glyphs, font_tables


@lru_cache(maxsize=4)
def _advances(font: str) -> tuple[dict[int, int], int, int]:
    """{code point: advance width}, the default advance, units per em; from cmap (drafter.glyphs) and hmtx.
    Kept between runs (drafter.parse_cache) by the font's name: drafter's package digest holds its bytes."""
    from drafter.parse_cache import kept

    return kept("advances", font.encode("utf-8"), lambda: _read_advances(font),
                lambda value: isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], dict))


def _read_advances(font: str) -> tuple[dict[int, int], int, int]:
    data = (FONTS / font).read_bytes()
    tables = font_tables(data)
    units = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
    metrics = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]
    widths = [struct.unpack_from(">H", data, tables[b"hmtx"] + 4 * i)[0] for i in range(metrics)]
    advance = {code: widths[min(glyph, metrics - 1)] for code, glyph in cmap_glyphs(data).items()}
    return advance, widths[0], units


def text_width(text: str, size_pt: float, font: str = "LiberationSerif-Bold.ttf") -> float:
    """The width of `text` on one line, in points."""
    advance, default, units = _advances(font)
    return sum(advance.get(ord(c), default) for c in text) * size_pt / units


def line_count(text: str, width_pt: float, size_pt: float, font: str = "LiberationSerif-Bold.ttf") -> int:
    """Lines `text` takes in `width_pt`: words (a hyphen ends one) set greedily, a space between them
    allowed to hang past the edge, as word processors do."""
    pieces = re.findall(r"\S+?-(?=\S)|\S+\s*", text)
    lines, line = 1, ""
    for piece in pieces:
        if line and text_width((line + piece).rstrip(), size_pt, font) > width_pt:
            lines, line = lines + 1, piece
        else:
            line += piece
    return lines
