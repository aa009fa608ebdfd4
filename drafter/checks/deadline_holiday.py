"""deadline-holiday: the period's start and the notice deadlines fall on working days.

Helgdagar are those of lag (1989:253) om allmänna helgdagar (nyårsdagen, trettondedag jul, långfredagen,
påskdagen, annandag påsk, Kristi himmelsfärdsdag, pingstdagen, nationaldagen, midsommardagen, alla
helgons dag, juldagen, annandag jul, and every Sunday) with första maj (lag 1939:210), from the `holidays`
package's public Swedish calendar. Midsommarafton, julafton and nyårsafton are no helgdagar and are left
out; Saturdays and Sundays are found here as weekend days.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.period import notice_date, renewal_ends
from drafter.formatting import dag_och_manad, datum

_WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


@lru_cache(maxsize=64)
def helgdagar(year: int) -> dict[dt.date, str]:
    """The allmänna helgdagar of `year` that are not Sundays anyway, with their Swedish names."""
    from drafter.swedish.holidays import helgdagar as computed  # not `holidays`: it loads every country

    calendar = computed(year)
    return {day: name for day, name in calendar.items()
            if "afton" not in name.lower() and name.lower() != "söndag"}


def day_off(day: dt.date) -> str | None:
    """Why `day` is no working day ("en lördag", "juldagen"), or None for a working day."""
    name = helgdagar(day.year).get(day)
    if name:
        return name.lower()
    if day.weekday() >= 5:
        return f"en {_WEEKDAYS[day.weekday()]}"
    return None


def check_deadline_holiday(ctx: CheckContext):
    period = ctx.spec.period
    why = day_off(period.start)
    if why:
        yield Finding("deadline-holiday", "warning",
                      f"Perioden börjar {datum(period.start)}, som är {why}. Kontrollera att verksamheten och "
                      "utbetalningen kan börja den dagen, eller välj närmaste vardag.",
                      ctx.where("period", "start"))
    renewal = period.renewal
    if renewal is None or period.end < period.start or renewal.max_end < period.end:
        return
    # the notice deadlines that matter: one in the year of each period end that a renewal follows
    years = sorted({e.year for e in renewal_ends(period.end, renewal.unit, renewal.max_end) if e < renewal.max_end})
    off = []
    for year in years:
        day = notice_date(renewal.notice_deadline, year)
        if day and day >= period.start and (why := day_off(day)):
            off.append(f"{datum(day)} ({why})")
    if off:
        yield Finding("deadline-holiday", "warning",
                      f"Sista dag för uppsägning, {dag_och_manad(renewal.notice_deadline)}, infaller på en ledig dag: "
                      f"{', '.join(off)}. En uppsägning som kommer in nästa vardag kan bli för sen; överväg en "
                      "annan dag.",
                      ctx.where("period", "renewal", "notice_deadline"))


CHECKS = [check_deadline_holiday]
