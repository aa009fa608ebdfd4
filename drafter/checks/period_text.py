"""period-mismatch: the periods the documents state in words are the spec's period.

A date pair ("från den 1 juli 2026 till och med 31 december 2026", "1 juli–31 december 2026") is
compared with the spec when it can honestly be said to be the partnership's period: it shares its
start or its end with the spec, or its sentence speaks of the period or the agreement's term and not
of an earlier one. "som längst till 31 december 2028" is compared with renewal.max_end.

Not compared: the periods the renewals give (1 januari–31 december 2027) and the periods the spec
declares under `other_periods` (another IOP, a statsbidrag). A pair in a sentence about someone
else's agreement or money that no data explains is a warning with its sentence, not an error.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from drafter.checks.budget import sentence_around
from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.period import renewal_ends
from drafter.checks.swedish import SPACE, date_from, date_pattern, span
from drafter.formatting import datum
from drafter.lazy_pattern import lazy

_S = f"{SPACE}+"
_DEN = rf"(?:den{_S})?"
_TO = rf"(?:{_S}till{_S}och{_S}med{_S}|{_S}till{_S}|{_S}t\.?\s?o\.?\s?m\.?{_S}|{SPACE}*[–—-]{SPACE}*)"
PAIR = re.compile(
    rf"(?:(?:från{_S}och{_S}med|fr\.?\s?o\.?\s?m\.?|från){_S})?{_DEN}{date_pattern('a')}{_TO}{_DEN}{date_pattern('b')}",
    re.IGNORECASE)
LONGEST = re.compile(
    rf"(?:som{_S})?längst{_S}(?:till{_S}och{_S}med|till|t\.?\s?o\.?\s?m\.?){_S}{_DEN}{date_pattern('c')}",
    re.IGNORECASE)
_ABOUT_PERIOD = lazy(r"period|avtalstid|gäller|löper|partnerskapet|överenskommelsen", re.IGNORECASE)
_EARLIER = lazy(r"föregående|tidigare|förra|nuvarande|sedan|gällde|föregick", re.IGNORECASE)
# Someone else's agreement or money: "en annan IOP", "statsbidraget", "beviljat av Arvsfonden".
_OTHER = lazy(r"\b(?:annan|annat|övriga)\b|\bandra\b(?!\s+(?:halvår|år|period|kvartal|förläng))"
              r"|statsbidrag|bidrag från|beviljat|beviljade|arvsfond|fonden"
              r"|stiftelse|projekt", re.IGNORECASE)
_WITH = lazy(r"(?:IOP|överenskommelse\w*|partnerskap\w*|avtal\w*)\s+med\s+(?P<who>[\wåäöÅÄÖ-]+)", re.IGNORECASE)
_OURS = {"föreningen", "organisationen", "staden", "kommunen", "regionen", "förvaltningen", "nämnden", "parterna"}


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    return text[left:min(stops) if stops else len(text)]


def _renewal_periods(period) -> set[tuple[dt.date, dt.date]]:
    """Periods the agreement runs that a text may state: each renewal on its own, and the rest of the
    term from the start of any period to max_end (the first period itself is the spec's)."""
    renewal = period.renewal
    if not renewal or renewal.max_end <= period.end:
        return set()
    ends = [e for e in renewal_ends(period.end, renewal.unit, renewal.max_end) if e <= renewal.max_end]
    runs = {(a + dt.timedelta(days=1), b) for a, b in zip(ends, ends[1:])}
    return runs | {(start, renewal.max_end) for start, _ in runs}


def _someone_else(sentence: str, ctx: CheckContext) -> bool:
    if _OTHER.search(sentence):
        return True
    ours = _OURS | {word.casefold() for p in ctx.spec.parties
                    for name in (p.name, p.committee, p.municipality, p.administration) if name
                    for word in name.split()}
    return any(m.group("who").casefold() not in ours for m in _WITH.finditer(sentence))


@lru_cache(maxsize=2048)  # keyed by (pattern, text): a few patterns for each text
def _matches(pattern: re.Pattern, text: str) -> tuple[re.Match, ...]:
    """pattern.finditer(text), remembered per text (a match is immutable): the date patterns are slow,
    and a batch's specs and the web page's edits hold the same clause texts again and again."""
    return tuple(pattern.finditer(text))


def _computed_periods(ctx: CheckContext) -> dict[str, set[tuple[dt.date, dt.date]]]:
    """Periods drafter computed for a document's text, by document kind: the signed agreement's period in
    a tillägg's tjänsteutlåtande, checked with the data after a tillägg that changes the period."""
    found: dict[str, set[tuple[dt.date, dt.date]]] = {}
    for doc in ctx.documents:
        found.setdefault(doc.kind, set()).update(doc.periods)
    return found


def check_period_mismatch(ctx: CheckContext):
    period = ctx.spec.period
    renewal = period.renewal
    spec_span = span(period.start, period.end)
    ends_ok = {period.end} | ({renewal.max_end} if renewal else set())
    renewals = _renewal_periods(period)
    declared = {(p.start, p.end) for p in ctx.spec.other_periods.values()}
    computed = _computed_periods(ctx)
    for piece in ctx.pieces:
        for m in _matches(PAIR, piece.text):
            end = date_from(m, "b")
            start = date_from(m, "a", year=end.year if end else None)
            if start is None or end is None or end < start:
                continue
            if ((start == period.start and end in ends_ok) or (start, end) in renewals or (start, end) in declared
                    or (start, end) in computed.get(piece.document, ())):
                continue
            sentence = _sentence(piece.text, m.start(), m.end())
            if _someone_else(sentence, ctx):
                yield Finding("period-mismatch", "warning",
                              f"Texten anger perioden {span(start, end)} i meningen "
                              f"\"{sentence_around(piece.text, m.start(), m.end())}\", men den "
                              f"är varken överenskommelsens period ({spec_span}), en förlängning eller en period "
                              "under other_periods i specen. Gäller den något annat, t.ex. en annan överenskommelse "
                              "eller ett statsbidrag, ange den under other_periods (start, end, kind); annars rätta "
                              "texten.",
                              ctx.place_of(piece, m.group(0).strip()), piece.document)
                continue
            shares = start == period.start or end in ends_ok
            if not shares and not (_ABOUT_PERIOD.search(sentence) and not _EARLIER.search(sentence)):
                continue
            yield Finding("period-mismatch", "error",
                          f"Texten anger perioden {span(start, end)} ('{m.group(0).strip()}'), men specen anger "
                          f"{spec_span} ({ctx.where('period', 'start')}).",
                          piece.clause or piece.fallback, piece.document)
        for m in _matches(LONGEST, piece.text):
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
