"""What a line of text is, shared by the structure, the tables and the blocks of an import."""

from __future__ import annotations

import re

from drafter.importer.model import FOOTNOTE_CLOSE, FOOTNOTE_OPEN

_MARKUP = re.compile(r"</?(?:b|i|strong|em)>|\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_MARKERS = re.compile(f"{FOOTNOTE_OPEN}\\d+{FOOTNOTE_CLOSE}")
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
AMOUNT_ROW = re.compile(r"^(\S.*?)\s+(−?\d{1,3}(?:[ \u00a0]\d{3})+|−?\d+)(?:\s*kr)?$")
def strip_markup(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def bare(text: str) -> str:
    return _MARKERS.sub("", strip_markup(text)).strip()


def md_bare(text: str) -> str:
    """A Markdown heading's words as a reader sees them: emphasis and tags dropped, backslash escapes
    resolved ("1\\. Syfte", "Delmål \\[viktigt\\]" are "1. Syfte", "Delmål [viktigt]"), footnote marks
    removed. The heading becomes a clause's `heading:`, which is plain text, not Markdown."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parseInline(text)
    words = "".join(t.content if t.type in ("text", "code_inline") else " " if t.type == "softbreak" else ""
                    for token in tokens for t in token.children or [])
    return _MARKERS.sub("", words).strip()


# A line ending in one of these words goes on on the next line: never a heading
# ("Enskede-Årsta-Vantörs stadsdelsförvaltning har budgeterat för" / "200 000 kronor …").
_CONTINUES = {"för", "och", "att", "med", "i", "på", "av", "som", "till", "om", "en", "ett", "den", "det", "de",
              "är", "har", "ska", "kan", "samt", "eller", "från", "vid", "under", "genom", "inom", "mellan", "där",
              "när", "mot", "hos", "efter", "utan", "sin", "sitt", "sina", "dess", "deras", "vara", "blir", "får",
              "besluta", "beslutar", "föreslås", "föreslår"}  # "Nämnden föreslås besluta" over the decision points


# A line that only gives the diarienummer ("Dnr ÄN 2023-0412" above the title): the source's diarienummer.
DNR_LINE = re.compile(r"^(?:Dnr|Diarienr|Diarienummer|Vårt dnr)\.?:?\s+\S{1,12}(?:\s\S{1,12})?\s*$", re.IGNORECASE)
# A line that ends before the number it announces ("…, organisationsnummer" / "212000-3112").
_NEVER_HEADING = re.compile(r"\b(?:organisationsnummer|org\.?\s?nr|orgnr)$", re.IGNORECASE)


def heading_like(text: str, max_words: int = 12) -> bool:
    text = bare(text)
    words = text.split()
    return (0 < len(text) <= 90 and len(words) <= max_words and text[:1].isupper()
            and not re.search(r"[.,;:!?\-–]$", text) and not AMOUNT_ROW.match(text)
            and not (len(words) > 1 and words[-1].lower() in _CONTINUES)
            and text.count("(") <= text.count(")") and not _NEVER_HEADING.search(text) and not DNR_LINE.match(text))


