"""Sweden's allmänna helgdagar, computed: lag (1989:253) om allmänna helgdagar and lag (1939:210) om första maj.

The `holidays` package gives the same days, but importing it loads the calendars of every country
it knows (about a fifth of `drafter check`'s time, for thirteen dates a year). The rules are few: fixed
dates, Easter-based days (Easter by `dateutil.easter`, which `holidays` itself uses) and two Saturdays
in a week. The test suite compares every year 1990–2100 with the `holidays` package's public
Swedish calendar, names included.

Sundays are helgdagar too, but are not listed; neither are midsommarafton, julafton and nyårsafton
(days off by custom and by the annual leave act, not allmänna helgdagar).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateutil.easter import easter

_DAY = dt.timedelta(days=1)


def _saturday_from(day: dt.date) -> dt.date:
    """The first Saturday on or after `day`."""
    return day + (5 - day.weekday()) % 7 * _DAY


@lru_cache(maxsize=256)
def helgdagar(year: int) -> dict[dt.date, str]:
    """The allmänna helgdagar of `year` by date, with their Swedish names as the law has
    them ("Långfredagen"). Two on one day share it: "Första maj; Kristi himmelsfärdsdag" (as in 2008)."""
    if year < 1990:  # other rules then (marie bebådelsedag on a Sunday): the rare case pays the import
        import holidays

        return dict(holidays.country_holidays("SE", years=year, categories=("public",), language="sv").items())
    sunday = easter(year)
    days = [
        (dt.date(year, 1, 1), "Nyårsdagen"),
        (dt.date(year, 1, 6), "Trettondedag jul"),
        (sunday - 2 * _DAY, "Långfredagen"),
        (sunday, "Påskdagen"),
        (sunday + _DAY, "Annandag påsk"),
        (dt.date(year, 5, 1), "Första maj"),
        (sunday + 39 * _DAY, "Kristi himmelsfärdsdag"),
    ]
    if year >= 2005:  # nationaldagen replaced annandag pingst (SFS 2004:1320)
        days.append((dt.date(year, 6, 6), "Nationaldagen"))
    days.append((sunday + 49 * _DAY, "Pingstdagen"))
    if year <= 2004:
        days.append((sunday + 50 * _DAY, "Annandag pingst"))
    days += [
        (_saturday_from(dt.date(year, 6, 20)), "Midsommardagen"),
        (_saturday_from(dt.date(year, 10, 31)), "Alla helgons dag"),
        (dt.date(year, 12, 25), "Juldagen"),
        (dt.date(year, 12, 26), "Annandag jul"),
    ]
    found: dict[dt.date, str] = {}
    for day, name in days:
        found[day] = f"{found[day]}; {name}" if day in found else name
    return dict(sorted(found.items()))
