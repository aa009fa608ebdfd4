"""period-continuity: a spec that renews another (`renews: other.yaml`) starts the day after it ends:
its last possible day (period.renewal.max_end), or the day `renews_ends:` says it was sagt upp to end on,
which must be a day it can end on (the end of its first period or of a renewal; drafter/notice_calendar.py)."""

from __future__ import annotations

import datetime as dt
import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding, Severity
from drafter.errors import DrafterError
from drafter.formatting import datum
from drafter.lazy_pattern import lazy
from drafter.notice_calendar import possible_ends


def runs_on(loaded, library) -> str | None:
    """The sentence in which an agreement without renewal says in its own words that it runs on after its
    end ("… och löper därefter tills vidare"), read from the clauses and texts its spec names; None when
    it says no such thing. Such an agreement can end on any later day it is sagt upp to end on; the spec
    cannot say how (drafter has no open-ended period), so the renewal says when it ended."""
    from drafter.checks.context import CheckContext
    from drafter.checks.prose_data import UNTIL_FURTHER, _THE_AGREEMENT
    from drafter.clauses.library import ClauseNotFound

    if loaded.spec.period.renewal is not None:
        return None
    texts = [str(t) for t in loaded.spec.texts.values()]
    for path, ref in CheckContext(loaded, library).clause_refs:  # the agreement's own `clause:` references
        if path[0] != "outline":
            continue
        try:
            texts.append(library.get(ref).body)
        except (ClauseNotFound, DrafterError, ValueError):
            pass
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
            if UNTIL_FURTHER.search(sentence) and _THE_AGREEMENT.search(sentence):
                return " ".join(re.sub(r"{{.*?}}", "…", sentence).split())
    return None


_FIX = "Skriv ett av de datumen, eller ta bort renews_ends: om den gäller till sitt längsta slutdatum."


def check_period_continuity(ctx: CheckContext):
    spec = ctx.spec
    if not spec.renews:
        return
    earlier = ctx.renewed
    if isinstance(earlier, DrafterError):
        yield Finding("period-continuity", "error",
                      f"Specen som förnyas ({spec.renews}) kan inte läsas: {earlier.message}",
                      ctx.where("renews"))
        return
    assert earlier is not None  # the spec renews one
    previous = earlier.spec.period
    if spec.renews_ends is not None:
        possible = possible_ends(previous)
        running_on = spec.renews_ends > previous.end and runs_on(earlier, ctx.library)
        if spec.renews_ends not in possible and not running_on:
            yield Finding("period-continuity", "error",
                          f"renews_ends: {spec.renews_ends.isoformat()} är ingen dag då den överenskommelse som "
                          f"förnyas ({spec.renews}) kan upphöra. Den kan bara upphöra när en period eller förlängning "
                          f"slutar: {_days(possible)}. {_FIX}", ctx.where("renews_ends"), hint=_FIX)
            return
        ends, said = spec.renews_ends, f"sagd upp så, renews_ends, {ctx.where('renews_ends')}"
    else:
        field = "period.renewal.max_end" if previous.renewal else "period.end"
        ends = previous.renewal.max_end if previous.renewal else previous.end
        where_ends = earlier.where(*field.split("."))
        said = f"{field}, {where_ends.file}:{where_ends.line}"
    expected = ends + dt.timedelta(days=1)
    start = spec.period.start
    if start == expected:
        return
    if start > expected:
        gap = (start - expected).days
        what = f"Det blir ett glapp på {gap} {'dag' if gap == 1 else 'dagar'} utan överenskommelse"
    else:
        overlap = (expected - start).days
        what = f"Perioderna överlappar med {overlap} {'dag' if overlap == 1 else 'dagar'}"
    hint = None
    if spec.renews_ends is None and previous.renewal and start - dt.timedelta(days=1) in possible_ends(previous):
        hint = (f"Har den gamla överenskommelsen sagts upp så att den upphör {datum(start - dt.timedelta(days=1))}? "
                f"Skriv då renews_ends: {(start - dt.timedelta(days=1)).isoformat()} under renews:.")
    yield Finding("period-continuity", "error",
                  f"{what}: den förnyade överenskommelsen börjar {datum(start)}, men den som förnyas "
                  f"({spec.renews}) slutar {datum(ends)} ({said}); "
                  f"den nya bör börja {datum(expected)}." + (f" {hint}" if hint else ""),
                  ctx.where("period", "start"), hint=hint)


def check_renewal_ending(ctx: CheckContext):
    """renewal-ending: the agreement renewed runs on "tills vidare" after its period, so it ends only as it is
    sagt upp or ended by the parties' written agreement; until `renews_ended_by:` records which and when, two
    agreements may be in force and the kommun pay twice. A warning in a draft, an error when slutlig."""
    spec = ctx.spec
    earlier = ctx.renewed
    if not spec.renews or earlier is None or isinstance(earlier, DrafterError):
        return
    sentence = runs_on(earlier, ctx.library)
    if sentence is None:
        return
    ends = spec.renews_ends or earlier.spec.period.end
    final = spec.document.status == "slutlig"
    severity: Severity = "error" if final else "warning"
    where = ctx.where("renews_ends") if spec.renews_ends else ctx.where("renews")
    ended = spec.renews_ended_by
    if ended is None:
        fix = ("Säg upp den enligt dess villkor eller kom skriftligen överens med den idéburna parten om att den "
               f"upphör {datum(ends)}, och skriv sedan under renews: hur och när, t.ex. \"renews_ended_by: "
               "{how: uppsägning, date: ÅÅÅÅ-MM-DD}\" (eller how: överenskommelse). Skriv det också i "
               "tjänsteutlåtandet, så att nämnden vet att den förra överenskommelsen upphör.")
        yield Finding("renewal-ending", severity,
                      f"Den överenskommelse som förnyas ({spec.renews}) löper enligt sin text tills vidare efter sin "
                      f"period (\"{sentence}\") och upphör {datum(ends)} bara om den sägs upp enligt sina villkor "
                      "eller om parterna skriftligen kommer överens om det. Specen säger inte hur den upphör "
                      "(renews_ended_by:); annars gäller båda överenskommelserna samtidigt och kommunen betalar två "
                      f"gånger för samma tid. {fix}", where, hint=fix)
    elif ended.date > ends:
        fix = f"Skriv dagen då den sades upp eller avslutades, senast {datum(ends)}, eller välj en senare start."
        yield Finding("renewal-ending", severity,
                      f"renews_ended_by.date, {datum(ended.date)}, ligger efter den dag den förra överenskommelsen "
                      f"({spec.renews}) ska ha upphört, {datum(ends)}: den kan inte ha upphört genom något som gjordes "
                      f"senare. {fix}", ctx.where("renews_ended_by", "date"), hint=fix)
    elif spec.proposal is not None and not _proposal_says_it_ends(ctx):
        fix = ("Skriv i tjänsteutlåtandet, t.ex. i ärendets beskrivning: \"Den nuvarande överenskommelsen "
               + ("sades upp" if ended.how == "uppsägning" else "avslutades genom en överenskommelse mellan parterna")
               + " {{ renews_ended_by.date | datum }} och upphör " + datum(ends) + ".\"")
        yield Finding("renewal-ending", severity,
                      f"Specen anger hur den förnyade överenskommelsen ({spec.renews}) upphör "
                      f"(renews_ended_by: {ended.how}, {datum(ended.date)}), men tjänsteutlåtandet säger det inte: "
                      "ingen mening i det säger att den förra överenskommelsen har sagts upp, avslutats eller "
                      "upphör. Nämnden beslutar om den nya överenskommelsen och ska veta att den förra inte gäller "
                      f"samtidigt. {fix}", ctx.where("renews_ended_by"), "proposal", hint=fix)


_ENDING = lazy(r"upphör|upphörde|sagts upp|sades upp|sägs upp|uppsag|uppsägning|avslut", re.IGNORECASE)


def _proposal_says_it_ends(ctx: CheckContext) -> bool:
    """A sentence of the tjänsteutlåtande that says an agreement ends, is sagt upp or ended."""
    from drafter.checks.prose_data import _THE_AGREEMENT

    for piece in ctx.pieces:
        if piece.document == "proposal":
            for sentence in re.split(r"(?<=[.!?])\s+|\n", piece.text):
                if _ENDING.search(sentence) and _THE_AGREEMENT.search(sentence):
                    return True
    return False


def _days(days: list[dt.date]) -> str:
    shown = [datum(day) for day in days]
    return " eller ".join(filter(None, (", ".join(shown[:-1]), shown[-1])))


CHECKS = [check_period_continuity, check_renewal_ending]
