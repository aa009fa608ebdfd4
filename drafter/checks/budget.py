"""budget-sum, budget-amount, budget-period: the budget agrees with itself, the texts and the period."""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.swedish import AMOUNT, amount_value, months_about, span, whole_months
from drafter.formatting import kronor, tal


def check_budget_sum(ctx: CheckContext):
    budget = ctx.spec.budget
    for i, row in enumerate(budget.rows):
        if row.amount < 0:
            yield Finding("budget-sum", "error",
                          f"Beloppet för '{row.item}' är negativt ({tal(row.amount)} kr); "
                          "budgetens belopp ska vara noll eller mer.",
                          ctx.where("budget", "rows", i, "amount"))
    if budget.total is not None and budget.total != budget.sum:
        yield Finding("budget-sum", "error",
                      f"Angiven summa (total) {kronor(budget.total)} stämmer inte med raderna, som tillsammans blir "
                      f"{kronor(budget.sum)}; skillnaden är {kronor(abs(budget.total - budget.sum))}. Rätta raderna "
                      "eller summan, eller ta bort total: summan räknas ut från raderna.",
                      ctx.where("budget", "total"))


# "per år", "för perioden" and plain amounts are compared with the total; "per månad" with total/months;
# other rates ("50 kr per deltagare") are not budget amounts and are left alone.
_YEARLY = {"år", "året", "period", "perioden", "avtalsperiod", "avtalsperioden"}
_MONTHLY = {"månad", "mån", "månaden"}


def check_budget_amount(ctx: CheckContext):
    budget = ctx.spec.budget
    whole = {budget.sum, *(r.amount for r in budget.rows)} | ({budget.total} if budget.total is not None else set())
    monthly = {round(a / budget.months) for a in whole}
    # Other amounts the spec states as data (figures: egen insats, other funding) explain themselves.
    explained = {v for v in ctx.spec.figures.values() if isinstance(v, int) and not isinstance(v, bool)}
    for piece in ctx.pieces:
        for match in AMOUNT.finditer(piece.text):
            value = amount_value(match)
            per = (match.group("per_what") or "").lower()
            if per and per not in _YEARLY | _MONTHLY:
                continue
            if value in explained:
                continue
            allowed = monthly if per in _MONTHLY else whole
            if any(abs(value - a) <= (1 if per in _MONTHLY else 0) for a in allowed):
                continue
            written = match.group(0).strip()
            expected = (f"{kronor(round(budget.sum / budget.months))} per månad" if per in _MONTHLY
                        else kronor(budget.sum))
            yield Finding("budget-amount", "error",
                          f"Texten anger '{written}', men budgeten i specen ({ctx.where('budget')}) ger "
                          f"{expected} och har ingen rad med det beloppet.",
                          ctx.place_of(piece, written), piece.document)


def check_budget_period(ctx: CheckContext):
    budget, period = ctx.spec.budget, ctx.spec.period
    if period.end < period.start:
        return  # period-order says it
    months = whole_months(period.start, period.end)
    if months is not None:
        if months == budget.months:
            return
        length = f"{months} månader" if months != 1 else "en månad"
    else:
        about = months_about(period.start, period.end)
        if abs(about - budget.months) <= 0.5:
            return
        length = "ungefär " + f"{about:.1f}".replace(".", ",") + " månader"
    yield Finding("budget-period", "warning",
                  f"Budgeten avser {budget.months} månader (budget.months), men överenskommelsens första period, "
                  f"{span(period.start, period.end)}, är {length}.",
                  ctx.where("budget", "months"))


CHECKS = [check_budget_sum, check_budget_amount, check_budget_period]
