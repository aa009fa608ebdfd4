"""The house style in numbers: page, fonts and the style ids template and writer share.

make_template.py builds the styles from these values; the writer only refers
to styles by id, so a renamed style is caught here, not in a finished document.
"""

from __future__ import annotations

# --- page (twentieths of a point, "twips": 567 per cm) -----------------------

CM = 567
PAGE_WIDTH = 11906  # A4, 210 mm
PAGE_HEIGHT = 16838  # A4, 297 mm
MARGIN = 1418  # 2.5 cm on every side
HEADER_DISTANCE = 709  # 1.25 cm from the paper edge
FOOTER_DISTANCE = 709
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN  # 9070 twips = 16 cm

# --- fonts (the PDF writer uses the metric-compatible Liberation fonts) -----

BODY_FONT = "Times New Roman"
HEADING_FONT = "Arial"
LANGUAGE = "sv-SE"

# --- style ids (w:styleId) ---------------------------------------------------

TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = {1: "Heading1", 2: "Heading2", 3: "Heading3"}
HEADER = "Header"
FOOTER = "Footer"
LIST_BULLET = "ListBullet"
LIST_NUMBER = "ListNumber"
LIST_CONTINUE = "ListContinue"
TABLE_TEXT = "TableText"
TABLE_STYLE = "Avtalstabell"
SIGNATURE = "Signature"
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"

# --- lists --------------------------------------------------------------------

LIST_INDENT = 425  # 0.75 cm per level; the marker hangs in it
BULLET = "\u2013"  # en dash, the usual Swedish list mark

# --- tables -------------------------------------------------------------------

RULE_COLOR = "808080"
DRAFT_COLOR = "B00020"  # "UTKAST" in the header of every page of a draft
HEADER_FILL = "F2F2F2"


def heading_style(level: int) -> str:
    """Heading 1–3 by section level; deeper levels share Heading 3."""
    return HEADINGS[min(max(level, 1), 3)]
