"""prose-mismatch: what a clause's or the spec's own words say about notice, renewal and the period's
length, compared with the spec's data.

Only prose is read: words a clause writes itself ("senast den 31 oktober"), or the spec's texts:, never
what a clause fills in from the data (`senast den {{ period.renewal.notice_deadline | dag_och_manad }}`),
which cannot disagree. Read: the notice day ("sägs upp … senast den 31 oktober"), the day a notice
takes effect ("för att träda i kraft 1 januari kommande år"), the renewal unit ("förlängs med ett år i
taget") and the agreement's length ("gäller i ett år"). A warning: the official reads the sentence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.checks.context import CheckContext, Piece
from drafter.clauses.library import ClauseNotFound
from drafter.checks.finding import Finding
from drafter.checks.swedish import SPACE, whole_months
from drafter.formatting import MONTHS, dag_och_manad, datum, enhet, span
from drafter.lazy_pattern import LazyPattern, lazy
from drafter.notice_calendar import notice_calendar

_S = f"{SPACE}+"
_MONTH = "|".join(MONTHS)


def _day(p: str = "") -> str:
    """"30 september", "30:e september 2027": groups d, m (and y) with the suffix `p`."""
    return rf"(?P<d{p}>\d{{1,2}})(?::[ae])?{_S}(?P<m{p}>{_MONTH})(?:{_S}(?P<y{p}>\d{{4}}))?"


_DAY = _day()
_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
          "tio": 10, "elva": 11, "tolv": 12, "arton": 18, "tjugofyra": 24, "trettiosex": 36}
_COUNT = rf"(?P<n>\d{{1,3}}|{'|'.join(_WORDS)})"
_UNIT = r"(?P<u>kalenderår|halvår|år|månader|månad)"
_MONTHS_OF = {"kalenderår": 12, "år": 12, "halvår": 6, "månader": 1, "månad": 1}

NOTICE = re.compile(rf"(?:sägs|säga|sägas|säger){_S}upp|uppsägning", re.IGNORECASE)
NOTICE_DAY = re.compile(rf"senast{_S}(?:den{_S})?{_DAY}", re.IGNORECASE)
EFFECTIVE = re.compile(rf"(?:träda|träder|trätt){_S}i{_S}kraft{_S}(?:den{_S}|från{_S}(?:och{_S}med{_S})?(?:den{_S})?)?"
                       rf"{_DAY}|upphör(?:a)?{_S}att{_S}gälla{_S}(?:den{_S}|efter{_S}(?:den{_S})?)?{_day('2')}",
                       re.IGNORECASE)
RENEWS = re.compile(rf"förläng(?:s|es|as|ning)\b[^.;]{{0,80}}?(?:med{_S})?(?:(?:minst|ytterligare|högst){_S})?"
                    rf"{_COUNT}{_S}{_UNIT}{_S}(?:i{_S}taget|i{_S}sänder|åt{_S}gången|per{_S}gång)", re.IGNORECASE)
LASTS = re.compile(rf"(?:gäller|löper|gälla|löpa)(?:{_S}(?:under|i|på|för))?(?:{_S}en{_S}period{_S}(?:om|av|på))?"
                   rf"{_S}{_COUNT}{_S}{_UNIT}(?!{_S}(?:i{_S}taget|i{_S}sänder|åt{_S}gången|till|efter|före))",
                   re.IGNORECASE)
UNTIL_FURTHER = re.compile(rf"tills{_S}vidare", re.IGNORECASE)
_RENEWAL_WORDS = lazy(r"förläng|i taget|i sänder|åt gången|respektive år|varje år|därefter", re.IGNORECASE)
# A sentence about the agreement's own term names it; one about a lease, an insurance or a certificate
# ("Intyget gäller i ett år", "Hyresavtalet sägs upp senast den 31 oktober") is about another thing.
_THE_AGREEMENT = lazy(r"överenskommels|avtal|partnerskap|\bIOP\b", re.IGNORECASE)
_OTHER_THING = re.compile(r"hyres|försäkring|intyg|utdrag|licens|abonnemang|anställning|lokal|lån", re.IGNORECASE)


@dataclass
class _Said:
    """One statement read from prose: where in the piece, the words, and the sentence."""

    piece: Piece
    words: str
    sentence: str


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[left:min(stops) + 1 if stops else len(text)].strip()


def _plain(text: str) -> str:
    return re.sub(rf"{SPACE}+|\s+", " ", text.replace("*", "").replace("_", "")).strip().casefold()


def _literal(ctx: CheckContext, piece: Piece) -> str | None:
    """The piece's own words (a clause's template with what it fills in from data taken out; the spec's
    text as written), or None when the piece is drafter's (the title, the preamble, a data block)."""
    section = piece.section
    if section is None or section.origin is None:
        return _plain(piece.text) if section is not None and piece.clause is None else None
    if section.origin.kind == "spec":
        return _plain(piece.text)
    if piece.clause is None:
        return None
    try:
        body = ctx.library.get(piece.clause).body
    except ClauseNotFound:  # reported by the checks of clause references
        return None
    body = re.sub(r"\{\{.*?\}\}", "\x00", body, flags=re.DOTALL)
    return _plain(re.sub(r"\{%.*?%\}|\{#.*?#\}", "", body, flags=re.DOTALL))


@lru_cache(maxsize=2048)  # keyed by (pattern, text): a few patterns for each text
def _matches(pattern: re.Pattern, text: str) -> tuple[re.Match, ...]:
    """pattern.finditer(text), remembered per pattern and text (a match is immutable): four checks read
    every text of every spec, most of them the same clause texts."""
    return tuple(pattern.finditer(text))


def _statements(ctx: CheckContext, pattern: re.Pattern, context: re.Pattern | LazyPattern | None = None):
    """(match, statement) for each match of `pattern` in prose: in words the text writes itself."""
    for piece in ctx.pieces:
        literal = None
        for m in _matches(pattern, piece.text):
            sentence = _sentence(piece.text, m.start(), m.end())
            if context is not None and not context.search(sentence) or _OTHER_THING.search(sentence):
                continue
            if literal is None:
                literal = _literal(ctx, piece) or ""
            if _plain(m.group(0)) in literal:
                yield m, _Said(piece, m.group(0).strip(), sentence)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def _finding(ctx: CheckContext, said: _Said, message: str) -> Finding:
    quoted = said.sentence if len(said.sentence) <= 200 else said.sentence[:197] + "…"
    return Finding("prose-mismatch", "warning", f"{message} Meningen: \"{quoted}\"",
                   ctx.place_of(said.piece, said.words), said.piece.document)


def _ends(ctx: CheckContext) -> list[dt.date]:
    """The last day of the first period and of each renewal (up to max_end), as the notice calendar
    (drafter/notice_calendar.py) computes them: one source for every renewal date."""
    calendar = notice_calendar(ctx.spec.period)
    return [ctx.spec.period.end] + ([step.end for step in calendar.renewals] if calendar else [])


def check_notice_day(ctx: CheckContext):
    renewal = ctx.spec.period.renewal
    if renewal is None:
        return
    month, day = map(int, renewal.notice_deadline.split("-"))
    for m, said in _statements(ctx, NOTICE_DAY, NOTICE):
        stated = (MONTHS.index(m.group("m").lower()) + 1, int(m.group("d")))
        if stated == (month, day):
            continue
        yield _finding(ctx, said,
                       f"Texten anger {m.group('d')} {m.group('m')} som sista dag för uppsägning, men specen anger "
                       f"{dag_och_manad(renewal.notice_deadline)} ({ctx.where('period', 'renewal', 'notice_deadline')}). "
                       "Skriv {{ period.renewal.notice_deadline | dag_och_manad }} i texten, så följer den specen.")


def check_effective_day(ctx: CheckContext):
    ends = _ends(ctx)
    allowed = {(d.month, d.day) for d in ends} | {((d + dt.timedelta(days=1)).month, (d + dt.timedelta(days=1)).day)
                                                 for d in ends}
    for m, said in _statements(ctx, EFFECTIVE, NOTICE):
        month_name, day = m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
        stated = (MONTHS.index(month_name.lower()) + 1, int(day))
        if stated in allowed:
            continue
        renewal = ctx.spec.period.renewal
        how = (f"perioden slutar {datum(ctx.spec.period.end)}"
               + (f" och förlängs med {enhet(renewal.unit)} i taget" if renewal else ""))
        yield _finding(ctx, said,
                       f"Texten säger att en uppsägning får verkan {day} {month_name}, men ingen period slutar då: "
                       f"{how} ({ctx.where('period', 'end')}), så uppsägningen kan bara få verkan dagen efter att "
                       f"en period slutar ({_days_after(ends)}).")


def _days_after(ends: list[dt.date]) -> str:
    """"1 januari, 1 juli": the days after the periods' ends, in calendar order."""
    days = sorted({((d + dt.timedelta(days=1)).month, (d + dt.timedelta(days=1)).day) for d in ends})
    return ", ".join(dag_och_manad(f"{m:02}-{d:02}") for m, d in days)


def check_renewal_unit(ctx: CheckContext):
    renewal = ctx.spec.period.renewal
    for m, said in _statements(ctx, RENEWS):
        months = _count(m.group("n")) * _MONTHS_OF[m.group("u").lower()]
        stated = f"{m.group('n')} {m.group('u')}"
        if renewal is None:
            yield _finding(ctx, said,
                           f"Texten säger att överenskommelsen förlängs med {stated} i taget, men specen har ingen "
                           f"förlängning (period.renewal, {ctx.where('period')}): perioden slutar "
                           f"{datum(ctx.spec.period.end)}.")
        elif months != _MONTHS_OF[renewal.unit]:
            yield _finding(ctx, said,
                           f"Texten säger att överenskommelsen förlängs med {stated} i taget, men specen anger "
                           f"{enhet(renewal.unit)} ({ctx.where('period', 'renewal', 'unit')}). Skriv "
                           "{{ period.renewal.unit | enhet }} i texten, så följer den specen.")


def check_length(ctx: CheckContext):
    period = ctx.spec.period
    first = whole_months(period.start, period.end)
    longest = whole_months(period.start, period.renewal.max_end) if period.renewal else None
    for m, said in _statements(ctx, LASTS):
        before = said.sentence[:said.sentence.find(said.words)] if said.words in said.sentence else ""
        if _RENEWAL_WORDS.search(before) or not _THE_AGREEMENT.search(before):
            continue  # "därefter gäller den ett år i taget" is a renewal; "Intyget gäller i ett år" another thing
        months = _count(m.group("n")) * _MONTHS_OF[m.group("u").lower()]
        if months in (first, longest) or first is None:
            continue
        yield _finding(ctx, said,
                       f"Texten säger att överenskommelsen gäller {m.group('n')} {m.group('u')}, men perioden "
                       f"{span(period.start, period.end)} ({ctx.where('period', 'start')}) är {first} "
                       f"{'månad' if first == 1 else 'månader'}"
                       + (f" och som längst, till {datum(period.renewal.max_end)}, {longest} månader"
                          if period.renewal and longest else "") + ".")


def check_until_further_notice(ctx: CheckContext):
    """"löper därefter tills vidare": an agreement without an end, which the spec cannot be. The spec's
    period ends (period.end), or is renewed a unit at a time up to max_end: both are what the nämnd
    decides and what its budget covers. A warning in a draft, an error in a slutlig document (it would be
    signed so); without any uppsägning in the agreement the text gives no way to end it at all."""
    period = ctx.spec.period
    renewal = period.renewal
    final = ctx.spec.document.status == "slutlig"
    for _m, said in _statements(ctx, UNTIL_FURTHER, _THE_AGREEMENT):
        if renewal:
            spec_says = (f"specen förlänger den med {enhet(renewal.unit)} i taget, som längst till "
                         f"{datum(renewal.max_end)} ({ctx.where('period', 'renewal', 'max_end')})")
        else:
            spec_says = (f"specen har ingen förlängning (period.renewal) och perioden slutar {datum(period.end)} "
                         f"({ctx.where('period', 'end')})")
        noticed = any(NOTICE.search(p.text) for p in ctx.pieces if p.document == said.piece.document)
        if renewal:
            advice = ("Skriv förlängningen som specen anger den i stället för \"tills vidare\": "
                      "{{ period.renewal.unit | enhet }} i taget, som längst till {{ period.renewal.max_end | datum }}.")
        else:
            advice = ("Stryk \"tills vidare\" ur texten, så gäller överenskommelsen till periodens slut. Ska den kunna "
                      "fortsätta, ange period.renewal (unit, max_end, notice_deadline) och skriv förlängningen med "
                      "{{ period.renewal.unit | enhet }} och {{ period.renewal.max_end | datum }}.")
        if not noticed:
            advice += (" Överenskommelsen anger inte heller någon uppsägning, så texten ger ingen dag då kommunens "
                       "åtagande upphör. En överenskommelse om IOP ska ange avtalstid och uppsägningstid (vägledningen "
                       "till SOU 2019:56; kommuners riktlinjer för IOP, t.ex. Uddevalla kommuns): klausulerna "
                       "villkor/period och villkor/uppsagning skriver båda ur specen.")
        finding = _finding(ctx, said, f"Texten säger att överenskommelsen löper tills vidare, men {spec_says}. "
                           + advice)
        yield dataclasses.replace(finding, severity="error") if final else finding


CHECKS = [check_notice_day, check_effective_day, check_renewal_unit, check_length, check_until_further_notice]
