"""The frame each tillägg is decided in: the ceiling and latest end of the nämnd's latest decision.

A delegate decides within what the nämnd decided (kommunallagen 6 kap. 37–40 §§). The nämnd's decision
on the agreement (`decision:`) is the first frame. A tillägg the nämnd decides itself is a new decision
and sets the next frame: the ceiling and latest end its decision states (`amendments[].decision.ceiling`,
`latest_end`), or else the old ones raised to what the nämnd approved with the tillägg (its grant per
year or over the term, its last possible day). A delegate's tillägg never changes the frame. Computed
once here, for the checks (decision-ceiling, decision-term in drafter/checks/decision.py) and for the
tillägg's tjänsteutlåtande (the new ceiling its förslag till beslut asks the nämnd for).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from drafter.spec.mandate import Ceiling
from drafter.spec.model import Spec


@dataclass(frozen=True)
class Frame:
    """What the nämnd approved, in force from its decision on: `number` the tillägg that set it (None: the
    agreement's `decision:`), `stated` whether that tillägg's decision states the ceiling itself."""

    ceiling: Ceiling | None
    latest_end: dt.date | None
    by: str
    number: int | None = None
    stated: bool = False

    def source(self) -> str:
        """"som socialnämnden beslutade (decision.ceiling)", "… beslutade genom tillägg nr 1"."""
        if self.number is None:
            return f"som {self.by} beslutade"
        return f"som {self.by} beslutade genom tillägg nr {self.number}"


def committee(spec: Spec) -> str:
    return (spec.decision.by if spec.decision and spec.decision.by else None) or spec.public.committee or "nämnden"


def same_body(a: str, b: str) -> bool:
    """"Socialdirektören" and "socialdirektören enligt delegationsordningen" are the same decision-maker."""
    a, b = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def frames(spec: Spec, states: Sequence[Spec | None]) -> list[Frame]:
    """[the agreement's frame, the frame in force after amendment 1, 2, …]; `states`: the spec after each
    amendment (None when its data does not validate: it then changes nothing)."""
    body = committee(spec)
    decision = spec.decision
    frame = Frame(decision.ceiling if decision else None, decision.latest_end if decision else None, body)
    out = [frame]
    pieces: list[tuple[dt.date, Spec]] = [(spec.period.start, spec)]
    for amendment, state in zip(spec.amendments, states):
        if state is not None:
            pieces.append((amendment.effective, state))
            if decision is not None and same_body(amendment.decision.by, body):
                frame = Frame(_ceiling(frame.ceiling, amendment.decision.ceiling, pieces),
                              amendment.decision.latest_end or _later(frame.latest_end, last_day(state)),
                              body, amendment.number, amendment.decision.ceiling is not None)
        out.append(frame)
    return out


def _ceiling(old: Ceiling | None, stated: Ceiling | None, pieces: list[tuple[dt.date, Spec]]) -> Ceiling | None:
    if stated is not None or old is None:
        return stated
    if old.per == "år":
        approved = math.ceil(per_year(pieces[-1][1]))
    else:
        approved = math.ceil(total_cost(pieces))
    return Ceiling(amount=max(old.amount, approved), per=old.per)


def _later(old: dt.date | None, new: dt.date) -> dt.date | None:
    return None if old is None else max(old, new)


def per_year(spec: Spec) -> Fraction:
    """The budget scaled to twelve months."""
    return Fraction(spec.budget.sum * 12, spec.budget.months)


def total_cost(pieces: Sequence[tuple[dt.date, Spec]]) -> Fraction:
    """The budget over the whole term, from start to the last state's latest end: each state's monthly
    rate for the months it is in force (from its tillägg's effective date)."""
    end = last_day(pieces[-1][1])
    total = Fraction(0)
    for (start, state), following in zip(pieces, [*pieces[1:], None]):
        until = following[0] - dt.timedelta(days=1) if following else end
        if until >= start:
            total += Fraction(state.budget.sum, state.budget.months) * months(start, until)
    return total


def months(start: dt.date, last: dt.date) -> Fraction:
    """Months from `start` to `last` inclusive: whole months, then the rest as a share of the month it is in."""
    from drafter.checks.swedish import add_months

    whole = 0
    while add_months(start, whole + 1) - dt.timedelta(days=1) <= last:
        whole += 1
    rest_start = add_months(start, whole)
    if rest_start > last:
        return Fraction(whole)
    month_days = (add_months(rest_start, 1) - rest_start).days
    return whole + Fraction((last - rest_start).days + 1, month_days)


def last_day(spec: Spec) -> dt.date:
    return spec.period.last_day


QUARTER = 3  # months: villkor/utbetalning pays "i förskott en gång per kvartal" unless figures.utbetalning says otherwise


def payment_periods(spec: Spec, months: int = QUARTER) -> list[tuple[dt.date, dt.date]]:
    """The periods the grant is paid for in advance, first day to last, counted from the agreement's start
    to its latest end: 1 March–31 May, 1 June–31 August, … for a quarterly payment from 1 March."""
    from drafter.checks.swedish import add_months

    start, end = spec.period.start, last_day(spec)
    out: list[tuple[dt.date, dt.date]] = []
    n = 0
    while (first := add_months(start, n * months)) <= end:  # from the start each time: 31 January stays the last
        out.append((first, min(add_months(start, (n + 1) * months) - dt.timedelta(days=1), end)))
        n += 1
    return out


def paid_period_around(spec: Spec, day: dt.date, months: int = QUARTER) -> tuple[dt.date, dt.date] | None:
    """The payment period `day` falls inside of, when it is not that period's first day: a change from
    `day` meets a period already paid in advance at the old amount. None when `day` begins a period or
    lies outside the agreement."""
    for first, last in payment_periods(spec, months):
        if first < day <= last:
            return first, last
    return None
