"""amendment-paid-period: a tillägg that changes the grant from a day inside a quarter already paid.

The agreement's point on payment (villkor/utbetalning) pays the grant "i förskott en gång per kvartal",
counted from the agreement's start. A tillägg that raises or lowers the grant per year from a day inside
such a quarter leaves the rest of that quarter paid at the old amount, and no point says what happens to
the difference (trial8 §7). A kommunjurist either lets the tillägg apply from the quarter's first day or
writes a transitional provision; drafter warns until one of them is done (`amendments[].transition`).
The quarters are the model's (drafter/spec/frame.py `payment_periods`), never counted here.
"""

from __future__ import annotations

from fractions import Fraction

from drafter.checks.context import CheckContext
from drafter.checks.amended import amended_states, signed_run
from drafter.checks.finding import Finding
from drafter.formatting import datum, kronor
from drafter.spec.frame import months, paid_period_around, per_year
from drafter.swedish.format import span

PAYMENT = "villkor/utbetalning"  # the clause whose default pays quarterly in advance


def check_amendment_paid_period(ctx: CheckContext):
    if not signed_run(ctx):
        return
    point = _payment_point(ctx)
    if point is None:
        return
    number, heading = point
    before = ctx.spec
    for amended in amended_states(ctx):
        after, amendment, a = amended.spec, amended.amendment, amended.index
        if after is None:
            continue
        old, new = per_year(before), per_year(after)
        paid = paid_period_around(after, amendment.effective)
        own_terms = "utbetalning" in before.figures  # the spec words the payment itself: no quarters to judge
        if old != new and paid and not amendment.transition and not own_terms and not _rewords(amendment, number):
            yield _finding(ctx, a, amendment, paid, old, new, number, heading)
        before = after


def _finding(ctx, a, amendment, paid, old: Fraction, new: Fraction, number: str, heading: str) -> Finding:
    first, last = paid
    rest = Fraction(months(amendment.effective, last))
    difference = round(abs(new - old) * rest / 12)
    more = new > old
    settled = ("betalas ut tillsammans med utbetalningen för nästa kvartal" if more
               else "räknas av från utbetalningen för nästa kvartal")
    sentence = (f"Skillnaden mellan bidraget enligt detta tillägg och det bidrag som redan har betalats ut för tiden "
                f"den {datum(amendment.effective)} till och med den {datum(last)} {settled}.")
    start_of_next = last.fromordinal(last.toordinal() + 1)
    days = [day for day in (first, start_of_next) if day >= amendment.decision.date]  # never before the decision
    moved = " eller ".join(f"från den {datum(day)} (effective: {day.isoformat()})" for day in days)
    hint = (f"Låt tillägget gälla {moved}, när ett kvartal börjar, eller skriv en övergångsbestämmelse under "
            f"tillägget, till exempel transition: \"{sentence}\"")
    return Finding(
        "amendment-paid-period", "warning",
        f"Tillägg nr {amendment.number} ändrar bidraget från den {datum(amendment.effective)} "
        f"(amendments[{a}].effective), mitt i kvartalet {span(first, last)}. Enligt punkt {number} {heading} "
        f"betalas bidraget ut i förskott en gång per kvartal, så det kvartalet är redan utbetalt med "
        f"{kronor(round(old))} per år. Med bidraget efter tillägget, {kronor(round(new))} per år, är "
        f"{kronor(difference)} {'för lite' if more else 'för mycket'} utbetalt för tiden den "
        f"{datum(amendment.effective)} till och med den {datum(last)}, och ingen punkt säger hur skillnaden "
        f"regleras. {hint}",
        ctx.where("amendments", a, "effective"), hint=hint)


def _payment_point(ctx: CheckContext) -> tuple[str, str] | None:
    """The number and heading of the signed agreement's point on payment, when it is drafter's clause."""
    agreement = next((d for d in ctx.documents if d.kind == "agreement"), None)
    if agreement is None:
        return None
    for section in agreement.walk_sections():
        origin = section.origin
        if origin is not None and origin.kind == "clause" and origin.ref.partition("@")[0] == PAYMENT:
            return section.number, section.heading
    return None


def _rewords(amendment, number: str) -> bool:
    """Whether the tillägg gives the point on payment a new wording, or repeals it: its own terms then."""
    return any(number in (change.replace, change.remove) for change in amendment.changes)


CHECKS = [check_amendment_paid_period]
