"""amendment-effective, amendment-mandate, decision-ceiling, decision-term: each tillägg within the
nämnd's decision (spec `decision:`, drafter/spec/mandate.py); representative-date: a new signatory
(`representatives:`) from after the agreement it cannot sign.

A tillägg binds the kommun only if someone with the power to decide it did: the nämnd itself, or the
one it delegated that matter to (kommunallagen 6 kap. 37–40 §§), and the delegate's decisions are
reported to the nämnd (7 kap. 8 §). A styrgrupp or samverkansgrupp of the partnership is no organ of
the kommun and can decide no tillägg. A delegate also stays within what the nämnd approved: the
budget ceiling and the latest end date. These checks are judged once, on the spec with its
amendments (not again on each amended state: pipeline._after_amendments).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from drafter.checks.amended import amended_states, signed_run
from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.clauses.scope import not_an_organ
from drafter.formatting import datum, genitiv, kronor, lista
from drafter.spec.frame import Frame, committee, frames, last_day, per_year, same_body, total_cost
from drafter.spec.mandate import MATTERS, Matter
from drafter.spec.model import Amendment

_MATTER_WORDS = {"lydelse": "överenskommelsens text", "budget": "budgeten", "period": "perioden"}


def check_amendment_effective(ctx: CheckContext):
    """Each tillägg takes effect after its decision, within the agreement's period and maximum end."""
    if not signed_run(ctx):
        return
    from drafter.notice_calendar import amended_periods

    spec = ctx.spec
    periods = {number: period for number, _, period in amended_periods(spec)}  # after each tillägg that moves it
    in_force = spec.period  # the period a tillägg changes: as signed, or as the tillägg before it left it
    for a, amendment in enumerate(spec.amendments):
        where = ctx.where("amendments", a, "effective")
        effective, decided = amendment.effective, amendment.decision.date
        last = in_force.last_day
        in_force = periods.get(amendment.number, in_force)
        if effective < spec.period.start:
            yield Finding("amendment-effective", "error",
                          f"Tillägg nr {amendment.number} ska gälla från {datum(effective)}, före överenskommelsens "
                          f"början {datum(spec.period.start)}. Ett tillägg kan bara ändra en överenskommelse som "
                          "gäller; ange en dag från och med periodens början.", where)
        elif effective > last:
            yield Finding("amendment-effective", "error",
                          f"Tillägg nr {amendment.number} ska gälla från {datum(effective)}, efter överenskommelsens "
                          f"längsta slutdatum {datum(last)}. Då finns ingen överenskommelse att ändra; det som ska "
                          "gälla efteråt hör till en ny överenskommelse (drafter renew).", where)
        if effective < decided:
            yield Finding("amendment-effective", "warning",
                          f"Tillägg nr {amendment.number} ska gälla från {datum(effective)}, före beslutet om det "
                          f"den {datum(decided)}: tillägget får retroaktiv verkan. Kontrollera att beslutet "
                          "uttryckligen gäller från den dagen, eller ange en dag efter beslutet.", where)


def check_amendment_mandate(ctx: CheckContext):
    """Each tillägg decided by the nämnd, or by someone it delegated every matter the tillägg changes to.

    An error while the tillägg is a draft. A tillägg already signed and locked (`drafter lock`) is a
    legal fact drafter cannot undo, and its spec kept building before this check existed: a warning
    that says how the nämnd can set it right (approve it afterwards), never a build that stops."""
    if not signed_run(ctx):
        return
    signed = {name for name in ctx.locked if name.startswith("tillagg-")}
    for number, finding in _mandate_findings(ctx):
        if f"tillagg-{number}" in signed:
            finding = dataclasses.replace(
                finding, severity="warning",
                message=finding.message + f" Tillägg nr {number} är redan undertecknat och låst: låt "
                        f"{_committee(ctx.spec)} godkänna det i efterhand, så att kommunen är bunden av det.")
        yield finding


def _mandate_findings(ctx: CheckContext):
    """(tillägg number, finding) for each tillägg decided outside the mandate."""
    spec = ctx.spec
    decision = spec.decision
    committee = _committee(spec)
    for a, amendment in enumerate(spec.amendments):
        by = amendment.decision.by
        where = ctx.where("amendments", a, "decision", "by")
        if not_an_organ(by):
            yield amendment.number, Finding("amendment-mandate", "error",
                          f"Tillägg nr {amendment.number} är beslutat av {by}, som inte är ett organ i kommunen och "
                          f"inte kan besluta på {genitiv(committee)} vägnar (kommunallagen 6 kap. 37–40 §§). "
                          f"Låt {committee} besluta, eller den som {committee} delegerat beslutet till enligt "
                          "delegationsordningen; delegatens beslut anmäls till nämnden (7 kap. 8 §).", where)
            continue
        if decision is None or _same_body(by, committee):
            continue
        if amendment.decision.ceiling is not None or amendment.decision.latest_end is not None:
            yield amendment.number, Finding("amendment-mandate", "error",
                          f"Tillägg nr {amendment.number} anger ett nytt tak eller senaste slutdatum, men är beslutat "
                          f"av {by}. Bara {committee} kan besluta om ramen för partnerskapet (kommunallagen 6 kap. "
                          f"37–40 §§): ta bort ceiling och latest_end ur tilläggets decision, eller låt {committee} "
                          "besluta om tillägget.", where)
            continue
        delegation = next((d for d in decision.delegations if _same_body(by, d.to)), None)
        if delegation is None:
            delegates = ", ".join(d.to for d in decision.delegations) or "ingen"
            yield amendment.number, Finding("amendment-mandate", "error",
                          f"Tillägg nr {amendment.number} är beslutat av {by}, men {committee} har inte delegerat "
                          f"beslut om ändringar till {by} (delegerat till: {delegates}; se decision.delegations). "
                          f"Låt {committee} besluta, eller rätta vem som beslutade.", where)
            continue
        if decision.date and amendment.decision.date < decision.date:
            yield amendment.number, Finding("amendment-mandate", "error",
                          f"Tillägg nr {amendment.number} är beslutat av {by} den {datum(amendment.decision.date)}, "
                          f"före {genitiv(committee)} beslut den {datum(decision.date)} som gav delegationen. "
                          "Rätta datumet, eller låt nämnden besluta om tillägget.", where)
            continue
        outside = [m for m in _matters(amendment) if m not in delegation.matters]
        if outside:
            yield amendment.number, Finding("amendment-mandate", "error",
                          f"Tillägg nr {amendment.number} ändrar {lista([_MATTER_WORDS[m] for m in outside])}, men "
                          f"{committee} har delegerat till {delegation.to} bara beslut om "
                          f"{lista([_MATTER_WORDS[m] for m in delegation.matters]) or 'ingenting'}. "
                          f"Det ändringen gäller beslutar {committee} själv.", where)


def check_decision_ceiling(ctx: CheckContext):
    """The budget as signed, and after each tillägg, within the ceiling of the nämnd's latest decision:
    the agreement's `decision:`, or a later tillägg the nämnd decided itself (drafter/spec/frame.py)."""
    if ctx.spec.decision is None or not signed_run(ctx):
        return
    framed = list(_framed(ctx))
    for k, (label, state, index, frame) in enumerate(framed):
        ceiling = frame.ceiling
        if ceiling is None:
            continue
        if ceiling.per == "år":
            changed = index is None or _changes(ctx.spec.amendments[index], "budget") or frame.number == \
                ctx.spec.amendments[index].number
            yearly = per_year(state)
            if changed and yearly > ceiling.amount:
                where = ctx.where("budget", "rows") if index is None else _where_set(ctx, index, "budget")
                yield Finding("decision-ceiling", "error",
                              f"{label} är budgeten {kronor(state.budget.sum)} för {state.budget.months} månader, "
                              f"{kronor(round(yearly))} per år, över det tak om {kronor(ceiling.amount)} per år "
                              f"{frame.source()} ({_field(ctx, frame)}). {_ABOVE}", where)
            continue
        if k + 1 < len(framed) and framed[k + 1][3] == frame:
            continue  # the whole term under one frame is judged at the last tillägg decided in it
        pieces = [(ctx.spec.period.start, ctx.spec)] + [
            (ctx.spec.amendments[i].effective, s) for _, s, i, _ in framed[1:k + 1] if i is not None]
        total = total_cost(pieces)
        if total > ceiling.amount:
            where = ctx.where("budget", "rows") if index is None else ctx.where("amendments", index)
            yield Finding("decision-ceiling", "error",
                          f"Budgeten blir sammanlagt {kronor(round(total))} från {datum(ctx.spec.period.start)} till "
                          f"{datum(last_day(state))}, över det tak om {kronor(ceiling.amount)} för hela perioden "
                          f"{frame.source()} ({_field(ctx, frame)}). {_ABOVE}", where)


def _field(ctx: CheckContext, frame: Frame) -> str:
    """Where the ceiling in force is written: decision.ceiling, or the tillägg's decision."""
    if frame.number is None:
        return "decision.ceiling"
    index = [a.number for a in ctx.spec.amendments].index(frame.number)
    return f"amendments[{index}].decision" + (".ceiling" if frame.stated else "")


_ABOVE = ("Ett högre belopp kräver ett nytt beslut av nämnden; en delegat kan inte gå över taket.")


def check_decision_term(ctx: CheckContext):
    """The period, as signed and after each tillägg, ends no later than the nämnd's latest decision approved."""
    if ctx.spec.decision is None or not signed_run(ctx):
        return
    reported: set[dt.date] = set()
    for label, state, index, frame in _framed(ctx):
        last = last_day(state)
        if frame.latest_end is not None and last > frame.latest_end and last not in reported:
            reported.add(last)
            field = ("period", "renewal", "max_end") if state.period.renewal else ("period", "end")
            source = "(decision.latest_end)" if frame.number is None else f"genom tillägg nr {frame.number}"
            yield Finding("decision-term", "error",
                          f"{label} kan överenskommelsen gälla till {datum(last)}, efter det senaste slutdatum "
                          f"{datum(frame.latest_end)} som {frame.by} beslutade {source}. "
                          "En längre period kräver ett nytt beslut av nämnden.", _where_changed(ctx, index, field))


def check_representative_date(ctx: CheckContext):
    """A new representative applies from after the agreement's date: the signed agreement keeps the
    signatories it was signed with, so one from before it would never sign it."""
    if not signed_run(ctx):
        return
    signed_on = ctx.spec.document.date
    for i, party in enumerate(ctx.spec.parties):
        for k, representative in enumerate(party.representatives):
            if representative.since <= signed_on:
                names = lista([s.name or s.title for s in representative.signatories])
                yield Finding("representative-date", "warning",
                              f"{names} företräder {party.name} från {datum(representative.since)}, senast samma dag "
                              f"som överenskommelsen är daterad ({datum(signed_on)}), men överenskommelsen "
                              "undertecknas av de undertecknare som står under parten. Ska den nya företrädaren "
                              "underteckna överenskommelsen: skriv den under signatory och ta bort "
                              "representatives-raden.",
                              ctx.where("parties", i, "representatives", k, "since"))


# --- the nämnd's frame at each amendment ---------------------------------------------------------


def _framed(ctx: CheckContext):
    """("Enligt överenskommelsen", spec, None, frame) and ("Efter tillägg nr N", spec after it, index,
    frame), each with the frame of the nämnd's latest decision at that tillägg: a delegate's tillägg is
    judged against the frame before it, a tillägg the nämnd decided itself sets a new one."""
    amended = amended_states(ctx)
    in_force = frames(ctx.spec, [a.spec for a in amended])
    yield "Enligt överenskommelsen", ctx.spec, None, in_force[0]
    for amended_one in amended:
        if amended_one.spec is not None:
            yield (f"Efter tillägg nr {amended_one.amendment.number}", amended_one.spec, amended_one.index,
                   in_force[amended_one.index + 1])


def _where_changed(ctx: CheckContext, index: int | None, field: tuple) -> str:
    """The line of the last amendment up to `index` that changed the period, else the spec's own field."""
    for a in reversed(range(index + 1 if index is not None else 0)):
        if _changes(ctx.spec.amendments[a], "period"):
            return _where_set(ctx, a, "period")
    return ctx.where(*field)


def _where_set(ctx: CheckContext, a: int, head: str) -> str:
    """The line of amendment `a`'s `set:` key that changes `head` (budget, period)."""
    for c, change in enumerate(ctx.spec.amendments[a].changes):
        for key in change.set or {}:
            if key.split(".")[0] == head:
                return ctx.where("amendments", a, "changes", c, "set", key)
    return ctx.where("amendments", a, "changes")


# --- who decided, and on what ---------------------------------------------------------------------


def _matters(amendment: Amendment) -> list[Matter]:
    """What a tillägg changes: the wording of points, the budget, the period (other data, e.g. a
    figure a text cites, changes the wording)."""
    found = [m for m in MATTERS if _changes(amendment, m)]
    return found


def _changes(amendment, matter: str) -> bool:
    for change in amendment.changes:
        if change.set is None:
            if matter == "lydelse":
                return True
            continue
        if any(_matter_of(key) == matter for key in change.set):
            return True
    return False


def _matter_of(key: str) -> str | None:
    """What a `set:` key changes: the budget; the period's length (start, end, renewal, latest end);
    a term of the text (a figure, a text, the notice day, which only words the period clause); or
    nothing a decision covers (a party's data, e.g. its signatory)."""
    head = key.split(".")[0]
    if head == "budget":
        return "budget"
    if head == "period":
        return "lydelse" if key.endswith("notice_deadline") else "period"
    return None if head == "parties" else "lydelse"


_committee = committee
_same_body = same_body


CHECKS = [check_amendment_effective, check_amendment_mandate, check_decision_ceiling, check_decision_term,
          check_representative_date]
