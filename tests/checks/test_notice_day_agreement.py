"""Every check that reasons about the notice day agrees with the notice calendar (`check --kalender`).

Over a grid of periods that are not the examples' (every start month, first periods of one to four
years, starts in and around leap years, notice days across the year, each renewal unit that fits),
the notice day that stops each renewal is worked out here on its own (the latest notice day on or
before the period end, as README says) and compared with what the calendar shows and what
period-renewal, notice-short and deadline-holiday say.
"""

import calendar as cal
import dataclasses
import datetime as dt
import re
from functools import cache

import pytest

from checks.support import findings, of, spec_file
from drafter.checks.context import CheckContext
from drafter.checks.deadline_holiday import check_deadline_holiday
from drafter.checks.notice import check_notice_scheme, check_notice_short
from drafter.checks.period import check_period_renewal
from drafter.clauses.library import ClauseLibrary
from drafter.formatting import datum
from drafter.notice_calendar import calendar_lines, next_end, notice_calendar
from drafter.spec.load import load_spec
from drafter.spec.model import Period
from helpers import CLAUSES, EXAMPLE, example_data

START_YEARS = (2026, 2027, 2028)  # 2028 is a leap year: ends on 28/29 February on both sides of it
NOTICE_DAYS = [f"{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 15, cal.monthrange(2001, m)[1])]


@cache
def _loaded():
    return load_spec(EXAMPLE)


def _ctx(period: Period) -> CheckContext:
    loaded = _loaded()
    spec = loaded.spec.model_copy(update={"period": period})
    return CheckContext(dataclasses.replace(loaded, spec=spec), ClauseLibrary(CLAUSES))


def _governing(notice: str, end: dt.date) -> dt.date:
    """Worked out here, not by drafter: the notice day of end's year if on or before the end, else the
    year before's."""
    month, day = map(int, notice.split("-"))
    this_year = dt.date(end.year, month, day)
    return this_year if this_year <= end else dt.date(end.year - 1, month, day)


def _periods():
    for year in START_YEARS:
        for month in range(1, 13):
            start = dt.date(year, month, 1)
            for years in (1, 2, 3, 4):
                end = dt.date(year + years, month, 1) - dt.timedelta(days=1)
                units = ["år", "halvår"] + (["kalenderår"] if (end.month, end.day) == (12, 31) else [])
                for unit in units:
                    max_end = next_end(next_end(end, unit), unit)
                    yield start, end, unit, max_end


def _months_notice(deadline: dt.date, end: dt.date) -> bool:
    """True when `deadline` leaves at least 3 whole months before `end`: three months from the day
    after the deadline (clamped to the month's last day) reach no further than the day after the end."""
    first = deadline + dt.timedelta(days=1)
    year, month = first.year + (first.month + 2) // 12, (first.month + 2) % 12 + 1
    return dt.date(year, month, min(first.day, cal.monthrange(year, month)[1])) <= end + dt.timedelta(days=1)


def test_the_grid_covers_what_the_trial_found():
    periods = list(_periods())
    assert (dt.date(2027, 3, 1), dt.date(2029, 2, 28), "år", dt.date(2031, 2, 28)) in periods
    assert {p[0].month for p in periods} == set(range(1, 13)) and len(periods) > 250


@pytest.mark.parametrize("year", START_YEARS)
def test_no_check_puts_the_notice_day_after_the_end_when_the_calendar_shows_one_before(year):
    checked = 0
    for start, end, unit, max_end in (p for p in _periods() if p[0].year == year):
        for notice in NOTICE_DAYS:
            period = Period.model_validate({"start": start, "end": end, "renewal": {
                "unit": unit, "max_end": max_end, "notice_deadline": notice}})
            calendar = notice_calendar(period)
            assert calendar is not None
            expected = [_governing(notice, step.after) for step in calendar.renewals]
            # the calendar shows the notice day worked out above, always on or before the end it stops
            assert [step.deadline for step in calendar.renewals] == expected
            shown = "\n".join(calendar_lines(calendar, "x"))
            assert all(f"{step.weekday} {datum(step.deadline)}" in shown for step in calendar.renewals)

            ctx = _ctx(period)
            said = [f for check in (check_period_renewal, check_notice_short, check_notice_scheme,
                                    check_deadline_holiday) for f in check(ctx)]
            case = f"{start}–{end} {unit} till {max_end}, uppsägning {notice}"
            assert not [f for f in said if "efter periodens slut" in f.message], case
            renewal_errors = of(said, "period-renewal")
            # period-renewal speaks only of a first notice day before the start, the date the calendar shows
            assert bool(renewal_errors) == (expected[0] < start), case
            for f in renewal_errors:
                assert f"{datum(expected[0])}, kommer före periodens början" in f.message, case
            # notice-short names exactly the calendar's notice days that leave under 3 months
            short = sorted({d for d, step in zip(expected, calendar.renewals)
                            if d >= start and not _months_notice(d, step.after)})
            named = [dt.date.fromisoformat(s) for f in of(said, "notice-short")
                     for s in _iso_dates(f.message)]
            assert sorted(set(named)) == short, case
            checked += 1
    assert checked > 2000


_MONTH_NAMES = ("januari februari mars april maj juni juli augusti september oktober november december").split()


def _iso_dates(message: str) -> list[str]:
    """The notice days a notice-short message lists ("senast 30 november 2028 inför …")."""
    return [f"{int(y):04d}-{_MONTH_NAMES.index(m) + 1:02d}-{int(d):02d}"
            for d, m, y in re.findall(r"senast (\d{1,2}) (\w+) (\d{4}) inför", message)]


def test_the_trial_agreement_from_march_to_february_checks_without_period_errors(tmp_path):
    # trial4: 1 March 2027–28 February 2029, renewed a year at a time, notice by 30 November. The
    # calendar showed 30 November 2028, three months, while period-renewal said the notice day came
    # after the period's end.
    data = example_data()
    data.pop("renews", None)
    data["document"]["date"] = dt.date(2027, 3, 1)
    data["period"] = {"start": dt.date(2027, 3, 1), "end": dt.date(2029, 2, 28), "renewal": {
        "unit": "år", "max_end": dt.date(2031, 2, 28), "notice_deadline": "11-30"}}
    found = findings(spec_file(tmp_path, data))
    assert of(found, "period-renewal") == [] and of(found, "notice-short") == []
    assert of(found, "notice-scheme") == [] and of(found, "deadline-holiday") == []
    # the agreement's clause says "träda i kraft 1 januari kommande år": the prose check names the day
    # the calendar gives instead, 1 March
    (prose,) = [f for f in of(found, "prose-mismatch") if "1 januari" in f.message]
    assert "(1 mars)" in prose.message
