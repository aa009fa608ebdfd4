"""period-mismatch: the periods the documents state in words are the spec's period.

A date pair ("från den 1 juli 2026 till och med 31 december 2026", "1 juli–31 december 2026") is
compared with the spec when it can honestly be said to be the partnership's period: it shares its
start or its end with the spec, or its sentence speaks of the period or the agreement's term and not
of an earlier one. "som längst till 31 december 2028" is compared with renewal.max_end.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.swedish import SPACE, date_from, date_pattern, span
from drafter.formatting import datum

_S = f"{SPACE}+"
_DEN = rf"(?:den{_S})?"
_TO = rf"(?:{_S}till{_S}och{_S}med{_S}|{_S}till{_S}|{_S}t\.?\s?o\.?\s?m\.?{_S}|{SPACE}*[–—-]{SPACE}*)"
PAIR = re.compile(
    rf"(?:(?:från{_S}och{_S}med|fr\.?\s?o\.?\s?m\.?|från){_S})?{_DEN}{date_pattern('a')}{_TO}{_DEN}{date_pattern('b')}",
    re.IGNORECASE)
LONGEST = re.compile(
    rf"(?:som{_S})?längst{_S}(?:till{_S}och{_S}med|till|t\.?\s?o\.?\s?m\.?){_S}{_DEN}{date_pattern('c')}",
    re.IGNORECASE)
_ABOUT_PERIOD = re.compile(r"period|avtalstid|gäller|löper|partnerskapet|överenskommelsen", re.IGNORECASE)
_EARLIER = re.compile(r"föregående|tidigare|förra|nuvarande|sedan|gällde|föregick", re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    return text[left:min(stops) if stops else len(text)]


def check_period_mismatch(ctx: CheckContext):
    period = ctx.spec.period
    renewal = period.renewal
    spec_span = span(period.start, period.end)
    ends_ok = {period.end} | ({renewal.max_end} if renewal else set())
    for piece in ctx.pieces:
        for m in PAIR.finditer(piece.text):
            end = date_from(m, "b")
            start = date_from(m, "a", year=end.year if end else None)
            if start is None or end is None or end < start:
                continue
            if start == period.start and end in ends_ok:
                continue
            sentence = _sentence(piece.text, m.start(), m.end())
            shares = start == period.start or end in ends_ok
            if not shares and not (_ABOUT_PERIOD.search(sentence) and not _EARLIER.search(sentence)):
                continue
            yield Finding("period-mismatch", "error",
                          f"Texten anger perioden {span(start, end)} ('{m.group(0).strip()}'), men specen anger "
                          f"{spec_span} ({ctx.where('period', 'start')}).",
                          piece.clause or piece.fallback, piece.document)
        for m in LONGEST.finditer(piece.text):
            stated = date_from(m, "c")
            if stated is None or (renewal and stated == renewal.max_end):
                continue
            if renewal:
                message = (f"Texten anger att partnerskapet som längst gäller till {datum(stated)}, men specens "
                           f"längsta slutdatum (max_end) är {datum(renewal.max_end)} "
                           f"({ctx.where('period', 'renewal', 'max_end')}).")
            else:
                message = (f"Texten anger att partnerskapet som längst gäller till {datum(stated)}, men specen "
                           f"har ingen förlängning (period.renewal) och perioden slutar {datum(period.end)}.")
            yield Finding("period-mismatch", "error", message, piece.clause or piece.fallback, piece.document)


CHECKS = [check_period_mismatch]
