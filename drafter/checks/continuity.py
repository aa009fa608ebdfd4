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
        ends = previous.last_day
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
    """renewal-ending: the agreement renewed does not end by itself on the day before the new one starts —
    it runs on "tills vidare" after its period, or it is extended unless sagt upp in time (it could run to
    its max_end, trial 12) — so it ends only as it is sagt upp or ended by the parties' written agreement;
    until `renews_ended_by:` records which and when, and the tjänsteutlåtande says so, two agreements may
    be in force and the kommun pay twice. A warning in a draft, an error when slutlig."""
    spec = ctx.spec
    earlier = ctx.renewed
    if not spec.renews or earlier is None or isinstance(earlier, DrafterError):
        return
    sentence = runs_on(earlier, ctx.library)
    ends = spec.renews_ends or earlier.spec.period.end
    renewal = earlier.spec.period.renewal
    extended = sentence is None and spec.renews_ends is not None and renewal is not None \
        and spec.renews_ends < renewal.max_end
    if sentence is None and not extended:
        return
    final = spec.document.status == "slutlig"
    severity: Severity = "error" if final else "warning"
    where = ctx.where("renews_ends") if spec.renews_ends else ctx.where("renews")
    ended = spec.renews_ended_by
    deadline = _deadline(earlier.spec.period, ends) if extended else None
    if ended is None:
        fix = ("Säg upp den enligt dess villkor eller kom skriftligen överens med den idéburna parten om att den "
               f"upphör {datum(ends)}, och skriv sedan under renews: hur och när, t.ex. \"renews_ended_by: "
               "{how: uppsägning, date: ÅÅÅÅ-MM-DD}\" (eller how: överenskommelse). Skriv det också i "
               "tjänsteutlåtandet, så att nämnden vet att den förra överenskommelsen upphör.")
        if extended:
            assert renewal is not None
            by = f" så att uppsägningen har kommit fram senast {datum(deadline)}" if deadline else ""
            said = (f"förlängs enligt sina villkor om den inte sägs upp, som längst till {datum(renewal.max_end)}, "
                    f"och upphör {datum(ends)} bara om den sägs upp{by}")
        else:
            said = (f"löper enligt sin text tills vidare efter sin period (\"{sentence}\") och upphör {datum(ends)} "
                    "bara om den sägs upp enligt sina villkor")
        yield Finding("renewal-ending", severity,
                      f"Den överenskommelse som förnyas ({spec.renews}) {said} eller om parterna skriftligen kommer "
                      "överens om det. Specen säger inte hur den upphör (renews_ended_by:); annars gäller båda "
                      f"överenskommelserna samtidigt och kommunen betalar två gånger för samma tid. {fix}",
                      where, hint=fix)
    elif ended.date > ends:
        fix = f"Skriv dagen då den sades upp eller avslutades, senast {datum(ends)}, eller välj en senare start."
        yield Finding("renewal-ending", severity,
                      f"renews_ended_by.date, {datum(ended.date)}, ligger efter den dag den förra överenskommelsen "
                      f"({spec.renews}) ska ha upphört, {datum(ends)}: den kan inte ha upphört genom något som gjordes "
                      f"senare. {fix}", ctx.where("renews_ended_by", "date"), hint=fix)
    elif deadline is not None and ended.how == "uppsägning" and ended.date > deadline:
        fix = (f"Har uppsägningen kommit fram senast {datum(deadline)}, skriv den dagen; annars kom skriftligen "
               "överens med den idéburna parten om att den upphör (how: överenskommelse), eller välj en senare start.")
        yield Finding("renewal-ending", severity,
                      f"renews_ended_by: uppsägningen {datum(ended.date)} kom efter {datum(deadline)}, den sista dagen "
                      f"för en uppsägning som får den förra överenskommelsen ({spec.renews}) att upphöra {datum(ends)}; "
                      "den förlängs då enligt sina villkor och gäller samtidigt som den nya. "
                      f"{fix}", ctx.where("renews_ended_by", "date"), hint=fix)
    elif spec.proposal is not None and not _proposal_says_it_ends(ctx, ends):
        fix = ("Skriv i tjänsteutlåtandet, t.ex. i ärendets beskrivning: \"Den nuvarande överenskommelsen "
               + ("sades upp" if ended.how == "uppsägning" else "avslutades genom en överenskommelse mellan parterna")
               + " {{ renews_ended_by.date | datum }} och upphör " + datum(ends) + ".\" "
               "(tjansteutlatande/giltighetstid@3 säger det.)")
        yield Finding("renewal-ending", severity,
                      f"Specen anger hur den förnyade överenskommelsen ({spec.renews}) upphör "
                      f"(renews_ended_by: {ended.how}, {datum(ended.date)}), men tjänsteutlåtandet säger det inte: "
                      "ingen mening i det säger att den förra överenskommelsen har sagts upp, avslutats eller "
                      "upphör. Nämnden beslutar om den nya överenskommelsen och ska veta att den förra inte gäller "
                      f"samtidigt. {fix}", ctx.where("renews_ended_by"), "proposal", hint=fix)


def _deadline(period, ends: dt.date) -> dt.date | None:
    """The last day a notice must have arrived for the renewed agreement to end on `ends`."""
    from drafter.notice_calendar import notice_calendar

    calendar = notice_calendar(period)
    return next((step.deadline for step in (calendar.renewals if calendar else []) if step.after == ends), None)


_ENDING = lazy(r"upphör|upphörde|sagts upp|sades upp|sägs upp|uppsag|uppsägning|avslut", re.IGNORECASE)


_EARLIER = lazy(r"\b(nuvarande|förra|föregående|tidigare|gamla|hittillsvarande|gällande)\b", re.IGNORECASE)


def _proposal_says_it_ends(ctx: CheckContext, ends: dt.date) -> bool:
    """A sentence of the tjänsteutlåtande that says the earlier agreement ends, is sagt upp or ended: one
    that names it so ("den nuvarande överenskommelsen", "den förra"), not the new agreement's own terms
    of notice ("om ingen part säger upp den … förlängs den"), or names the day it ends."""
    from drafter.checks.prose_data import _THE_AGREEMENT

    day = " ".join(datum(ends).split())
    for piece in ctx.pieces:
        if piece.document == "proposal":
            for sentence in re.split(r"(?<=[.!?])\s+|\n", piece.text):
                if _ENDING.search(sentence) and _THE_AGREEMENT.search(sentence) and (
                        _EARLIER.search(sentence) or day in " ".join(sentence.split())):
                    return True
    return False


def _days(days: list[dt.date]) -> str:
    shown = [datum(day) for day in days]
    return " eller ".join(filter(None, (", ".join(shown[:-1]), shown[-1])))


CHECKS = [check_period_continuity, check_renewal_ending]
