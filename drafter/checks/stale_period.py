"""stale-year for the years of the period a renewal replaces (trial 12): "för 2027–2029" in the
Sammanfattning, "äldre 2027–2029" in the subtitle, "bidraget för 2027 ryms inom … budget för 2027" in
Ekonomiska konsekvenser — carried over by `drafter renew` into the tjänsteutlåtande for 2030–2031, and
read by the nämnd as the period it decides on.

A year of the old agreement's period (its start to the day it ends: `renews_ends:`, else its last
possible day) that is not a year of the new period (start to its longest end), typed by hand in a text
the renewal carried over: the spec's texts, the documents' titles and subject, and the partnership's
own clauses. A sentence that names the earlier agreement or period as such ("Överenskommelsen för
2027–2029 upphör den 31 december 2029", "under den förra perioden 2027–2029") is history and left
alone, as is "sedan 2027", a sentence in the perfect or past tense ("antalet besökare har ökat från …
under 2027"), and the line of place and date of signing (prose-mismatch says it).
A warning in a draft; an error when slutlig, as renewal-ending is: a signed tjänsteutlåtande that
names the wrong period is a wrong fact, and the wording that names the old agreement as such is
always open to a text that means it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding, Severity
from drafter.checks.prose_signing import SIGNING_LINE

_EXPRESSION = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+[.!?]?")  # "punkt 3.1" is no sentence end
_MARKER = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_BLOCK = re.compile(r"\n\s*\n|\n(?=[ \t]*(?:[-*•–]|\d+[.)])\s)")
# A year, not a reference ("SOU 2019:56", "(2017:725)") nor a number within a longer one.
_YEAR = re.compile(r"(?<![\d:/,])((?:19|20)\d{2})(?!\d|:\d)")
# Words that name the earlier agreement or period as such, or say it ended: the sentence is history.
_EARLIER = re.compile(
    r"\b(förra|föregående|tidigare|nuvarande|gamla|hittillsvarande|förnyas|"
    r"upphör\w*|uppsag\w*|uppsägning\w*|sades upp|sägs upp|sagts upp|ersätt\w*|gällde|har gällt|"
    r"avslut\w*|uppföljning\w*|utvärdering\w*|avtalstiden|sedan|grundades|bildades|startade)\b", re.IGNORECASE)
# What has been: a perfect or past tense ("antalet besökare har ökat …", "under 2028 hade …", "ökade").
_HAS_BEEN = re.compile(r"\b(?:har|hade)\s+(?:\S+\s+){0,3}?\w+(?:at|it|tt|ts|its|ats|ett)\b|\b(?:hade|var|blev|ökade|"
                       r"minskade|fick|gjordes|genomfördes)\b", re.IGNORECASE)


def old_period_years(ctx: CheckContext) -> list[int]:
    """The years of the renewed agreement's period that are no year of the new one: [] when the spec
    renews none, or the renewed spec cannot be read (period-continuity says why)."""
    from drafter.spec.load import LoadedSpec

    spec = ctx.spec
    renewed = ctx.renewed if spec.renews else None
    if not isinstance(renewed, LoadedSpec):
        return []
    return years_left_behind(renewed.spec.period, spec.renews_ends, spec.period)


def years_left_behind(old, renews_ends, new) -> list[int]:
    """The years from the old period's start to the day it ends (`renews_ends`, else its last possible day)
    that are not years of the new period (its start to its last possible day). Periods as the spec model's
    or as dicts (`drafter renew` asks before the new spec is read back)."""
    def get(holder, name):
        return holder.get(name) if isinstance(holder, dict) else getattr(holder, name, None)

    def last(period):
        renewal = get(period, "renewal")
        return get(renewal, "max_end") if renewal else get(period, "end")

    old_end = renews_ends or last(old)
    new_years = set(range(get(new, "start").year, last(new).year + 1))
    return [y for y in range(get(old, "start").year, old_end.year + 1) if y not in new_years]


def stale_years_in(sentence: str, years: list[int]) -> list[str]:
    """The years of `years` a sentence states as current: none when it names the earlier agreement or
    period as such, tells what has been, or is the signing line."""
    wanted = {str(y) for y in years}
    found = [m.group(1) for m in _YEAR.finditer(sentence) if m.group(1) in wanted]
    if not found or _EARLIER.search(sentence) or _HAS_BEEN.search(sentence) or SIGNING_LINE.search(sentence):
        return []
    return list(dict.fromkeys(found))


def sentences(text: str) -> list[str]:
    """The sentences of a typed text, its expressions ({{ … }}) shown as "…" (computed, never stale): a
    line break inside a paragraph joins, a blank line or a list item ("- …", "1. …") starts anew."""
    blocks = _BLOCK.split(_EXPRESSION.sub(" … ", text))
    return [found for block in blocks for found in _SENTENCE.findall(re.sub(r"\s*\n\s*", " ", block))]


def check_old_period_years(ctx: CheckContext) -> Iterator[Finding]:
    years = old_period_years(ctx)
    if not years:
        return
    spec = ctx.spec
    old = ctx.renewed.spec.period  # type: ignore[union-attr]  # old_period_years read it
    shown_old = _span(old.start.year, (spec.renews_ends or old.last_day).year)
    new = _span(spec.period.start.year, spec.period.end.year)
    severity: Severity = "error" if spec.document.status == "slutlig" else "warning"
    for where, text in _carried_over(ctx):
        for sentence in sentences(text):
            found = stale_years_in(sentence, years)
            if not found:
                continue
            shown = _MARKER.sub("", " ".join(sentence.split())).rstrip(".;")
            fix = (f"Skriv den nya periodens år ({new}), eller låt meningen säga att den gäller den förra "
                   f"överenskommelsen (\"den förra överenskommelsen för {shown_old} …\").")
            yield Finding("stale-year", severity,
                          f"Texten anger {_years(found)}, {'år' if len(set(found)) > 1 else 'ett år'} i den förra "
                          f"överenskommelsens period ({shown_old}, {spec.renews}) men inte i den nya ({new}): "
                          f"\"{shown}\". "
                          f"Den följde med från den förra överenskommelsen och läses nu som den nya periodens. {fix}",
                          where, hint=fix)


def typed_sources(ctx: CheckContext) -> Iterator[tuple[str, str]]:
    """(clause@version or spec line, source text) of what the partnership typed itself: its own clauses
    (with `partnership:`) and the spec's texts."""
    seen: set[str] = set()
    for doc in ctx.documents:
        for section in doc.walk_sections():
            clause = section.clause
            if not clause:
                continue
            ref = f"{clause.id}@{clause.version}"
            if ref in seen:
                continue
            seen.add(ref)
            version = ctx.library.get(ref)
            if version.meta.partnership:
                yield ref, version.body
    for key, text in ctx.spec.texts.items():
        yield ctx.where("texts", key), text


def _carried_over(ctx: CheckContext) -> Iterator[tuple[str, str]]:
    """(where, text) of what a renewal carries over as typed: titles and subject, then the texts and
    the partnership's own clauses (as the other stale-year findings read them)."""
    spec = ctx.spec
    for path in (("document", "subject"), ("document", "title"), ("proposal", "title"), ("proposal", "subtitle")):
        holder = getattr(spec, path[0], None)
        value = getattr(holder, path[1], None) if holder is not None else None
        if isinstance(value, str) and value:
            yield ctx.where(*path), value
    yield from typed_sources(ctx)


def _years(found: list[str]) -> str:
    shown = list(dict.fromkeys(found))
    return " och ".join(filter(None, (", ".join(shown[:-1]), shown[-1])))


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"
