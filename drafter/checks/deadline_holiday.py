"""deadline-holiday: every notice deadline that stops a renewal falls on a working day.

Non-working days are those of lag (1930:173) om beräkning av lagstadgad tid: Saturdays, Sundays and
the other allmänna helgdagar (lag 1989:253, första maj by lag 1939:210), and midsommarafton, julafton
and nyårsafton. The deadlines are the notice calendar's (drafter/notice_calendar.py): the one that
governs each renewal, also a deadline in the year before a period end (31 December 2023 for the
renewal after 30 June 2024). The period's start is no deadline and is not checked: calendar-year
agreements start on nyårsdagen.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import dag_och_manad, datum
from drafter.notice_calendar import deadline_day_off, notice_calendar

__all__ = ["helgdagar", "day_off", "check_deadline_holiday", "CHECKS"]


@lru_cache(maxsize=64)
def helgdagar(year: int) -> dict[dt.date, str]:
    """The allmänna helgdagar of `year` that are not Sundays anyway, with their Swedish names."""
    from drafter.swedish.holidays import helgdagar as computed  # not `holidays`: it loads every country

    return {day: name for day, name in computed(year).items() if name.lower() != "söndag"}


def day_off(day: dt.date) -> str | None:
    """Why a deadline on `day` is on no working day ("julafton", "en lördag"), or None for a working day."""
    return deadline_day_off(day)


def check_deadline_holiday(ctx: CheckContext):
    calendar = notice_calendar(ctx.spec.period)
    if calendar is None:
        return
    off = []
    for day in sorted({s.deadline for s in calendar.renewals if s.deadline and s.deadline >= calendar.start}):
        if why := day_off(day):
            off.append(f"{datum(day)} ({why})")
    if off:
        yield Finding("deadline-holiday", "warning",
                      f"Sista dag för uppsägning, {dag_och_manad(calendar.notice_deadline)}, infaller på en ledig "
                      f"dag: {', '.join(off)}. En uppsägning som kommer in nästa vardag kan bli för sen; överväg "
                      "en annan dag.",
                      ctx.where("period", "renewal", "notice_deadline"))


CHECKS = [check_deadline_holiday]
