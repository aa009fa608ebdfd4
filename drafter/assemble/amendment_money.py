"""What a tillägg adds to the grant, computed once from its `set:` data, for its tjänsteutlåtande.

A tillägg changes money in two ways: new budget rows (`set: budget.rows`, the grant per budget period)
and an amount of its own (`set: other_amounts.NAME`: an extra grant, per year or once). Only what the spec
says is the nämnd's money counts (`is_grant`): `kind: annat` written out, under a name and item that do not
speak of an egen insats or other funding. An amount without `kind` (README's `egen_insats: 150000`) is never
a grant: no sentence of drafter's may grant money nobody decided. The sums
here are what the förslag till beslut and the ekonomiska konsekvenser state: per year from the day the
tillägg applies, once, in total up to the end of the agreement's period, and the grant for the whole
period before and after. When the tillägg prolongs the period, or a sum is no whole number of kronor,
the money is given per budget year (calendar year), each rounded to whole kronor, and the sums are the
sums of those years: a total is never silently left out (trial8).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from fractions import Fraction

from drafter.spec.declared import OtherAmount, is_grant  # is_grant: beside the data it judges, also read by the checks
from drafter.spec.frame import per_year as budget_per_year  # the budget per twelve months, as the ceilings count it
from drafter.spec.model import Spec
from drafter.swedish.format import uppraknat

PER_YEAR = {"år": 1, "halvår": 2, "kvartal": 4, "månad": 12}


@dataclass(frozen=True)
class AmountChange:
    """One changed amount: the budget, or an other_amounts entry (`item` its words, else its name)."""

    item: str
    before: int
    after: int
    per: str | None  # "år", … ; None: once

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class BudgetYear:
    """The grant in one budget year (a calendar year, KL 11 kap. 8 §) between two days, in whole kronor:
    the grant per year × the months it runs / 12, rounded to the nearest krona (a part month by its days)."""

    year: int
    first: dt.date
    last: dt.date
    amount: int

    @property
    def whole(self) -> bool:
        return (self.first.month, self.first.day, self.last.month, self.last.day) == (1, 1, 12, 31)

    def said(self) -> str:
        """"700 000 kr för 2028", "116 667 kr för januari–februari 2030", "… för 15 mars–31 december 2028"."""
        from drafter.swedish.format import MONTHS, kronor

        if self.whole:
            when = str(self.year)
        elif self.first.day == 1 and (self.last + dt.timedelta(days=1)).day == 1:
            months = MONTHS[self.first.month - 1] if self.first.month == self.last.month else \
                f"{MONTHS[self.first.month - 1]}–{MONTHS[self.last.month - 1]}"
            when = f"{months} {self.year}"
        else:
            when = f"{self.first.day} {MONTHS[self.first.month - 1]}–{self.last.day} {MONTHS[self.last.month - 1]} {self.year}"
        return f"{kronor(self.amount)} för {when}"


@dataclass(frozen=True)
class AddedMoney:
    per_year: int | None  # the grant per year changes by this from `effective` (0: no ongoing change)
    once: int  # amounts granted once
    months: int | None  # whole months from `effective` to the period's end (0 when it applies after it)
    total: int | None  # what the tillägg adds up to the period's end: per_year over `months`, and `once`
    before_total: int | None  # the grant for the agreement's period before the tillägg
    after_total: int | None
    period_end: dt.date
    changes: list[AmountChange] = field(default_factory=list)
    renewal_end: dt.date | None = None  # the latest end when the agreement can be extended (else None)
    renewal_total: int | None = None  # what the change per year adds over the extensions, up to renewal_end
    grant_per_year: int | None = None  # the grant per year after the tillägg (budget and yearly amounts)
    earlier_end: dt.date | None = None  # the period's end before the tillägg, when the tillägg moves it
    # When the tillägg prolongs the period, or its total is no whole number of kronor: the grant per budget
    # year from `effective` to the new end, and what the same years gave before (to the earlier end); the
    # total is then their difference, so every figure the texts state adds up.
    years: list[BudgetYear] = field(default_factory=list)
    years_before: int | None = None
    renewals: int | None = None  # how many extensions remain after the period's end (förlängning/-arna)
    effective_year: int = 0

    @property
    def any(self) -> bool:
        return bool(self.changes) or (self.earlier_end is not None and self.total != 0)

    def amounts(self) -> list[tuple[int, int | None]]:
        """The sums the texts state, as budget-amount reads them: (kronor, 12) per year, (kronor, None) a sum."""
        sums = [self.once, self.total, self.before_total, self.after_total, self.renewal_total or 0,
                self.grant_per_year or 0, (self.grant_per_year or 0) - (self.per_year or 0),
                self.years_before or 0, sum(y.amount for y in self.years), *(y.amount for y in self.years),
                *(c.before for c in self.changes),
                *(c.after for c in self.changes), *(abs(c.change) for c in self.changes)]
        found: list[tuple[int, int | None]] = [(abs(s), None) for s in sums if s]
        if self.per_year:
            found.append((abs(self.per_year), 12))
        for c in self.changes:
            if c.per:
                found += [(v, 12 // PER_YEAR[c.per]) for v in (c.before, c.after, abs(c.change)) if v]
        return found

    def as_context(self) -> dict:
        """As a clause reads it (`tillagg.pengar.per_ar`, …)."""
        return {"per_ar": self.per_year, "engang": self.once, "manader": self.months, "totalt": self.total,
                "fore": self.before_total, "efter": self.after_total, "slut": self.period_end,
                "andrat": self.any, "tidigare_slut": self.earlier_end,
                "forlangs": self.earlier_end is not None and self.period_end > self.earlier_end,
                "budgetar": [{"ar": y.year, "fran": y.first, "till": y.last, "belopp": y.amount, "helt": y.whole}
                             for y in self.years],
                "budgetar_text": _listed([y.said() for y in self.years]),
                "budgetar_summa": sum(y.amount for y in self.years) if self.years else None,
                "budgetar_fore": self.years_before,
                # the later budget years the grant to the period's end depends on: one computation for the
                # förslag and the ekonomiska konsekvenser (extensions are said apart)
                "senare_ar": ({"fran": self.effective_year + 1, "till": self.period_end.year}
                              if self.period_end.year > self.effective_year else None),
                "forlangning": ({"slut": self.renewal_end, "totalt": self.renewal_total, "antal": self.renewals,
                                 "per_ar": self.grant_per_year,
                                 "per_ar_fore": (self.grant_per_year - self.per_year
                                                 if self.grant_per_year is not None and self.per_year is not None
                                                 else None)}
                                if self.renewal_end is not None and self.per_year else None),
                "poster": [{"vad": c.item, "fore": c.before, "efter": c.after, "per": c.per,
                                                "andring": c.change} for c in self.changes]}


def _grants(spec: Spec) -> list[OtherAmount]:
    return [a for n, a in spec.other_amounts.items() if is_grant(n, a)]


def _listed(items: list[str]) -> str | None:
    return uppraknat(items) if items else None


def _whole(value: Fraction | None) -> int | None:
    return int(value) if value is not None and value.denominator == 1 else None


def _months(effective: dt.date, spec: Spec) -> int | None:
    from drafter.checks.swedish import whole_months  # the month arithmetic the budget checks use

    start, end = max(effective, spec.period.start), spec.period.end
    return 0 if start > end else whole_months(start, end)


def amount_changes(before: Spec, after: Spec) -> list[AmountChange]:
    out = []
    if budget_per_year(before) != budget_per_year(after):
        out.append(AmountChange("Bidraget enligt budgeten", _whole(budget_per_year(before)) or 0,
                                _whole(budget_per_year(after)) or 0, "år"))
    for name, now in after.other_amounts.items():
        was = before.other_amounts.get(name)
        grant_was = was is not None and is_grant(name, was)
        if not is_grant(name, now):
            if grant_was and was is not None:  # no longer the nämnd's money
                out.append(AmountChange(was.item or name, was.amount, 0, was.per))
            continue
        if grant_was and was is not None and was.amount == now.amount and was.per == now.per:
            continue
        out.append(AmountChange(now.item or name, was.amount if was is not None and grant_was else 0,
                                now.amount, now.per))
    for name, was in before.other_amounts.items():
        if name not in after.other_amounts and is_grant(name, was):
            out.append(AmountChange(was.item or name, was.amount, 0, was.per))
    return out


def added_money(before: Spec, after: Spec, effective: dt.date, before_total: int | None) -> AddedMoney:
    """What the tillägg changing `before` into `after` from `effective` adds; `before_total`: the grant for
    the period as it stood (the signed agreement's, plus what earlier tillägg added)."""
    per_year = budget_per_year(after) - budget_per_year(before)
    once = 0
    for sign, spec in ((-1, before), (1, after)):  # what the earlier amounts gave out, what the new ones give
        for amount in _grants(spec):
            if amount.per is None:
                once += sign * amount.amount
            else:
                per_year += sign * amount.amount * PER_YEAR[amount.per]
    months = _months(effective, after)
    total = _added_total(before, after, effective, once)
    moved = before.period.end if before.period.end != after.period.end else None
    years: list[BudgetYear] = []
    years_before = None
    if (moved is not None and after.period.end > moved) or total is None:
        years = budget_years(_grant_per_year(after), max(effective, after.period.start), after.period.end)
        years_before = sum(y.amount for y in budget_years(_grant_per_year(before), max(effective, before.period.start),
                                                          before.period.end))
        total = sum(y.amount for y in years) - years_before + once
    after_total = before_total + total if before_total is not None and total is not None else None
    renewal_end, renewal_total = _renewals(after, effective, per_year)
    return AddedMoney(_whole(per_year), once, months, total, before_total, after_total, after.period.end,
                      amount_changes(before, after), renewal_end, renewal_total, _whole(_grant_per_year(after)),
                      earlier_end=moved, years=years, years_before=years_before,
                      renewals=_renewal_count(after) if renewal_end else None, effective_year=effective.year)


def budget_years(per_year: Fraction, start: dt.date, end: dt.date) -> list[BudgetYear]:
    """The grant per year over start..end, split by calendar year, each rounded to whole kronor."""
    out = []
    for year in range(start.year, end.year + 1):
        first, last = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
        if first <= last:
            exact = per_year * _month_count(first, last) / 12
            out.append(BudgetYear(year, first, last, _round(exact)))
    return out


def _round(value: Fraction) -> int:
    """To the nearest krona, half a krona up (away from zero), as an official rounds by hand."""
    return int(value + Fraction(1, 2)) if value >= 0 else -int(-value + Fraction(1, 2))


def _month_count(first: dt.date, last: dt.date) -> Fraction:
    """The months first..last (both inclusive, within one year): whole months, a part month by its days."""
    import calendar

    count = Fraction(0)
    day = first
    while day <= last:
        days_in = calendar.monthrange(day.year, day.month)[1]
        month_end = min(last, dt.date(day.year, day.month, days_in))
        count += Fraction((month_end - day).days + 1, days_in)
        day = month_end + dt.timedelta(days=1)
    return count


def _renewal_count(after: Spec) -> int | None:
    """How many extensions fit between the period's end and the latest end (one: "förlängningen")."""
    renewal = after.period.renewal
    if renewal is None or renewal.max_end <= after.period.end:
        return None
    months = _span_months(after.period.end + dt.timedelta(days=1), renewal.max_end)
    unit = {"kalenderår": 12, "år": 12, "halvår": 6, "månad": 1}[renewal.unit]
    return max(1, math.ceil(months / unit))


def _span_months(start: dt.date, end: dt.date) -> Fraction:
    """The months start..end over any years (whole months exactly, a part month by its days)."""
    return sum((_month_count(max(start, dt.date(y, 1, 1)), min(end, dt.date(y, 12, 31)))
                for y in range(start.year, end.year + 1)), Fraction(0))


def _added_total(before: Spec, after: Spec, effective: dt.date, once: int) -> int | None:
    """The grant the tillägg adds up to the period's end: the change per year over the months both periods
    share from `effective`, the months a later end adds at the new rate, less the months an earlier end takes
    away at the old one, and `once`. None when a part that changes money is no whole number of months."""
    from drafter.checks.swedish import whole_months

    day = dt.timedelta(days=1)
    old, new = before.period.end, after.period.end
    parts = [(_grant_per_year(after) - _grant_per_year(before), max(effective, after.period.start), min(old, new)),
             (_grant_per_year(after), max(effective, old + day), new),
             (-_grant_per_year(before), max(effective, new + day), old)]
    total = Fraction(once)
    for rate, start, end in parts:
        if rate == 0 or start > end:
            continue
        months = whole_months(start, end)
        if months is None:
            return None
        total += rate * months / 12
    return _whole(total)


def _grant_per_year(spec: Spec) -> Fraction:
    """The nämnd's grant per year: the budget, and the other amounts of kind annat given per year."""
    return budget_per_year(spec) + sum((Fraction(a.amount * PER_YEAR[a.per]) for a in _grants(spec)
                                         if a.per is not None), Fraction(0))


def _renewals(after: Spec, effective: dt.date, per_year: Fraction) -> tuple[dt.date | None, int | None]:
    """The latest end of the extensions, and what the change per year adds over them (the raised grant
    applies in every extension: the budget is the agreement's, kept when it is extended), rounded to whole
    kronor like the budget years: never left out for want of a whole number."""
    renewal = after.period.renewal
    if renewal is None or renewal.max_end <= after.period.end:
        return None, None
    start = max(effective, after.period.end + dt.timedelta(days=1))
    months = _span_months(start, renewal.max_end) if start <= renewal.max_end else Fraction(0)
    return renewal.max_end, _round(per_year * months / 12)


def signed_total(spec: Spec) -> int | None:
    """The grant for the agreement's whole first period as signed (the budget over the period)."""
    from drafter.assemble.context import budget_for_period

    return budget_for_period(spec)["period_total"]
