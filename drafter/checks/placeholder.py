"""placeholder: text left unfilled in a document ("xxxx", "TODO", "[namn]", "den / 2026", "{{", "NN")."""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.lazy_pattern import lazy

# Text in brackets that asks for something: "[namn]", and the template's questions whatever their length
# and punctuation ("[Är verksamheten ekonomisk? Kan bidraget påverka handeln mellan EU:s
# medlemsstater?]"). Not what brackets hold in a finished text: a number or reference ("[1]",
# "[SFS 2017:725]", "[2 kap. 1 § KL]": a digit), an editor's mark ("[sic]", "[red. anm.]", "[…]"), a
# citation ("[se …]", "[jfr …]"), a footnote ("[^1]") or a link ("[text](adress)").
_EDITORIAL = r"(?i:(?:sic!?|red\.?\s?anm\.?|anm\.?|min kursivering|kursivering tillagd|kursiv i original)\]|(?:se|jfr|jämför)\s)"
_ASKED = re.compile(rf"\[(?!{_EDITORIAL})(?=[A-Za-zÅÄÖåäöÉé])[^\[\]\n\d]{{1,400}}\](?!\()")

PATTERNS = [
    (re.compile(r"(?<![\wåäö])[xX]{3,}(?![\wåäö])"), "en utfyllnad med x"),
    (re.compile(r"\b(?:TODO|FIXME|TBD)\b"), "en att göra-markering"),
    (_ASKED, "en platshållare inom hakparentes"),
    (re.compile(r"\bden[ \u00a0]+/[ \u00a0]*(?:\d{2,4})?|(?<![\d/])[ \u00a0]+/[ \u00a0]*20\d\d\b"),
     "ett datum som saknar dag"),
    (re.compile(r"_{3,}|\.{4,}"), "en tom rad att fylla i"),
    (re.compile(r"\{\{|\}\}|\{%|%\}"), "en mallmarkering ({{ }} eller {% %})"),
    (re.compile(r"(?<![\wåäö])(?:N{2,}|ÅÅÅÅ|ÅÅ-MM-DD|MM-DD)(?![\wåäö])"), "en platshållare (NN, ÅÅÅÅ)"),
]


def check_placeholder(ctx: CheckContext):
    """One finding per placeholder, place and document: a name used twenty times is one mistake."""
    seen = set()
    in_spec = set()
    for placeholder in ctx.loaded.placeholders:
        where = ctx.where(*placeholder.path)
        in_spec.add(where)
        field = ".".join(map(str, placeholder.path))
        yield Finding("placeholder", "error",
                      f"Fältet {field} är inte ifyllt ('{placeholder.text}'). Fyll i det innan dokumenten byggs.",
                      where)
    for piece in ctx.pieces:
        for what, written, start, end in _placeholders_in(piece.text):
            if _signature_line(piece.text, start, end):
                continue
            where = ctx.place_of(piece, written)
            if (what, where, piece.document) in seen or where in in_spec:
                continue
            seen.add((what, where, piece.document))
            shown = _around(piece.text, start, end)
            key = _asked_for(ctx, piece.clause, written)
            advice = (f"Den står där specen saknar texts: {key}; skriv texten där (Markdown)." if key else
                      "Fyll i eller ta bort den innan dokumentet används.")
            yield Finding("placeholder", "error", f"Texten innehåller {what}: '{written}' i \"{shown}\". {advice}",
                          where, piece.document, advice if key else None)


def _asked_for(ctx: CheckContext, clause: str | None, written: str) -> str | None:
    """The key of texts: a clause prints `written` in place of, when the spec leaves it out
    (`texts["KEY"] if texts["KEY"] is defined else "[…]"`): the förvaltning's own assessment, written in the
    spec and never in the clause (tjansteutlatande/rattslig-bedomning, -barnrattsperspektiv)."""
    if clause is None or not written.startswith("["):
        return None
    from drafter.clauses.library import ClauseNotFound

    try:
        body = ctx.library.get(clause).body
    except ClauseNotFound:
        return None
    return _asked_in(body).get(written)


_ASKED_IN_CLAUSE = re.compile(r'texts\["([a-z0-9-]+)"\] if texts\["\1"\] is defined else "(\[[^"]*\])"')


@lru_cache(maxsize=256)
def _asked_in(body: str) -> dict[str, str]:
    """Placeholder → key of texts:, for every text the clause body asks the spec for (remembered per body)."""
    return {asked: key for key, asked in _ASKED_IN_CLAUSE.findall(body)}


_FOR_LINE = lazy(r"^För \S[^\n]{1,120}$", re.MULTILINE)


def _signature_line(text: str, start: int, end: int) -> bool:
    """A line of its own of "____" under "För X" (a signature block typed as text) is where the party
    signs by hand, not a blank to fill in; party-mismatch checks the name under it."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line = text[left:right if right >= 0 else len(text)]
    if not re.fullmatch(r"[\s_.…-]+", line):
        return False
    above = text[:left].rstrip("\n").split("\n")[-4:]
    return any(_FOR_LINE.match(a.strip()) and not a.strip().endswith(".") for a in above)


@lru_cache(maxsize=1024)
def _placeholders_in(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """(what, the text matched, start, end) of every pattern's matches, pattern by pattern: remembered
    per text, since a batch's specs and the web page's edits hold the same clause texts again."""
    if "\n" not in text:
        return tuple(found for per_pattern in _placeholders_in_line(text) for found in per_pattern)
    lines = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, _placeholders_in_line(line)))
        offset += len(line) + 1
    # pattern by pattern, and each pattern's matches in the order of the text: line by line. No pattern
    # matches a line break, and to their look-arounds and \b a line break is what a line's edge is.
    return tuple((what, written, start + offset, end + offset) for i in range(len(PATTERNS))
                 for offset, found in lines for what, written, start, end in found[i])


@lru_cache(maxsize=1024)
def _placeholders_in_line(line: str) -> tuple[tuple[tuple[str, str, int, int], ...], ...]:
    """Per pattern, its matches in one line: most lines are the same in every spec of a batch."""
    return tuple(tuple((what, m.group(0).strip(), m.start(), m.end()) for m in pattern.finditer(line))
                 for pattern, what in PATTERNS)


def _around(text: str, start: int, end: int, width: int = 30) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    if start - width > left:  # cut at a space, not inside a word
        space = text.find(" ", start - width, start)
        left = space + 1 if space >= 0 else start - width
    if end + width < right:
        space = text.rfind(" ", end, end + width)
        right = space if space >= 0 else end + width
    return ("…" if left > 0 and text[left - 1] != "\n" else "") + text[left:right].strip() + \
        ("…" if right < len(text) and text[right] != "\n" else "")


CHECKS = [check_placeholder]
