"""stale-year: a renewed agreement that still states last period's figures and seasons as current.

The texts of a partnership carry facts of their time ("från ca 40 besökare per månad under 2023 till
ca 140 under 2025", "våren 2026 är det 160 brukare"). Copied into the renewal they read as today's.
Precision over recall: a year is stale only where it is typed by hand (in a clause's source or the
spec's texts, never a computed value) and dates a figure, or is a season before the period; "sedan
2023" and other history are left alone.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.prose_signing import SIGNING_LINE
from drafter.checks.stale_period import check_old_period_years, old_period_years, typed_sources
from drafter.checks.swedish import date_from, date_pattern
from drafter.formatting import datum
from drafter.lazy_pattern import lazy

_EXPRESSION = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_FIGURE = re.compile(r"{{\s*figures\.\w+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")
_HISTORY = re.compile(r"\b(sedan|från och med|fr\.o\.m\.|grundades|startade|bildades|permanentades)\s+(år\s+)?$",
                      re.IGNORECASE)
_SEASON = re.compile(r"\b(våren|hösten|sommaren|vintern)\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_KEY_YEAR = re.compile(r"_((?:19|20)\d{2})$")
# A year that is no reference ("SOU 2019:56", "2023/24"), and a figure typed by hand: "9 500 besök",
# "cirka 40", "över 75 år", "var fjärde", "30 procent".
_PLAIN_YEAR = re.compile(r"(?<![\d:/-])((?:19|20)\d{2})(?![\d:/-])")
_TYPED_FIGURE = lazy(r"\b\d{1,3}(?:[ \u00a0]\d{3})+\b|\b(?:cirka|ca\.?|omkring|drygt|knappt|nästan|över|"
                     r"minst|totalt|sammanlagt)\s+\d+|\b\d+(?:,\d+)?\s*(?:%|procent)"
                     r"|\bvar\s+(?:annan|tredje|fjärde|femte|sjätte|tionde)\b", re.IGNORECASE)
_FULL_DATE = re.compile(rf"\b{date_pattern('f')}", re.IGNORECASE)
_QUOTED_FIGURE, _OTHER = "\ue010", "\ue011"  # stand-ins for a quoted figure and any other expression


def check_stale_years(ctx: CheckContext):
    spec = ctx.spec
    start = spec.period.start.year
    renewed_start = _renewed_start(ctx) if spec.renews else None
    before = renewed_start.year if renewed_start else None
    old_years = set(old_period_years(ctx))  # said by check_old_period_years, not again as a season
    yield from check_old_period_years(ctx)
    for clause_ref, source in typed_sources(ctx):
        # Expressions hold dots ("figures.x"): mark them before the text is cut into sentences.
        marked = _EXPRESSION.sub(lambda m: _QUOTED_FIGURE if _FIGURE.match(m.group(0)) else _OTHER, source)
        for sentence in _SENTENCE.findall(marked):
            shown = " ".join(sentence.replace(_QUOTED_FIGURE, "…").replace(_OTHER, "…").split()).rstrip(".")
            if before is not None and _QUOTED_FIGURE in sentence:
                literal = sentence.replace(_QUOTED_FIGURE, " ").replace(_OTHER, " ")
                old = [m.group(1) for m in _YEAR.finditer(literal)
                       if int(m.group(1)) < before and not _HISTORY.search(literal[:m.start()])]
                if old:
                    yield Finding("stale-year", "warning",
                                  f"Texten anger siffror för {', '.join(dict.fromkeys(old))}, före {before} då den "
                                  f"överenskommelse som nu förnyas började: \"{shown}\". Uppdatera siffrorna och årtalen "
                                  "för den nya perioden.", clause_ref)
            elif renewed_start is not None:
                yield from _typed_facts(sentence, shown, renewed_start, clause_ref)
            for m in _SEASON.finditer(sentence.replace(_QUOTED_FIGURE, " ").replace(_OTHER, " ")):
                if int(m.group(2)) < start - 1 and int(m.group(2)) not in old_years:
                    yield Finding("stale-year", "warning",
                                  f"\"{m.group(0)}\" ligger mer än ett år före periodens start ({start}): \"{shown}\".",
                                  clause_ref)
    for key, value in spec.figures.items():
        where = ctx.where("figures", key)
        season = _SEASON.search(str(value))
        if season and int(season.group(2)) < start - 1:
            yield Finding("stale-year", "warning",
                          f"Uppgiften {key} gäller \"{season.group(0)}\", mer än ett år före periodens start ({start}). "
                          "Ange en tidpunkt för den nya perioden.", where)
        if renewed_start is not None and isinstance(value, dt.date) and value < renewed_start:
            yield Finding("stale-year", "warning",
                          f"Uppgiften {key} är {datum(value)}, före {datum(renewed_start)} då den överenskommelse som "
                          "nu förnyas började, och hör till en tidigare period. Ange datumet för den nya perioden.",
                          where)
        keyed = _KEY_YEAR.search(key)
        if before is not None and keyed and int(keyed.group(1)) < before:
            yield Finding("stale-year", "warning",
                          f"Uppgiften {key} avser {keyed.group(1)}, före {before} då den överenskommelse som nu "
                          "förnyas började. Ge den nya perioden egna siffror.", where)


def _typed_facts(sentence: str, shown: str, renewed_start: dt.date, where: str):
    """A figure typed by hand for a year before the agreement now renewed ("Under 2022 hade mötesplatsen
    cirka 9 500 besök"), and a whole date before it ("i en skrivelse den 4 september 2023"): the old
    ärende's facts, which read as today's in the new documents. History ("sedan 2015") stays alone."""
    literal = sentence.replace(_QUOTED_FIGURE, " ").replace(_OTHER, " ")
    if SIGNING_LINE.search(literal):
        return  # the place and date of signing: prose-mismatch says it (drafter/checks/prose_signing.py)
    dates = [d for m in _FULL_DATE.finditer(literal) if m.group("fy") or m.group("fiso")
             for d in [date_from(m, "f")] if d is not None and d < renewed_start
             and not _HISTORY.search(literal[:m.start()])]
    if dates:
        yield Finding("stale-year", "warning",
                      f"Texten anger {datum(dates[0])}, före {datum(renewed_start)} då den överenskommelse som nu "
                      f"förnyas började: \"{shown}\". Det hör till det förra ärendet; skriv vad som gäller nu, eller "
                      "säg att det är historik (\"inför den förra överenskommelsen …\").", where)
        return
    without_years = _PLAIN_YEAR.sub(" ", literal)
    old = [m.group(1) for m in _PLAIN_YEAR.finditer(literal)
           if int(m.group(1)) < renewed_start.year and not _HISTORY.search(literal[:m.start()])]
    if old and _TYPED_FIGURE.search(without_years):
        yield Finding("stale-year", "warning",
                      f"Texten anger siffror för {', '.join(dict.fromkeys(old))}, före {renewed_start.year} då den "
                      f"överenskommelse som nu förnyas började: \"{shown}\". Uppdatera siffrorna och årtalen för "
                      "den nya perioden.", where)


def _renewed_start(ctx: CheckContext) -> dt.date | None:
    from drafter.spec.load import LoadedSpec

    renewed = ctx.renewed  # an error: period-continuity says why the renewed spec cannot be read
    return renewed.spec.period.start if isinstance(renewed, LoadedSpec) else None


CHECKS = [check_stale_years]
