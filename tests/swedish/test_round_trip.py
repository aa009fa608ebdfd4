"""One formatter, one parser: what drafter writes in Swedish, it reads back as the same value."""

import datetime as dt
import re

import pytest

from drafter.swedish.format import datum, kronor, span, tal, tkr
from drafter.swedish.parse import AMOUNT, SPACE, amount_value, date_from, date_pattern, parse_amount, parse_date

DATE = re.compile(date_pattern("x"))


@pytest.mark.parametrize("value", [0, 7, 999, 1000, 12_345, 878_000, 1_000_000, 2_147_483_647])
def test_amounts_round_trip(value):
    assert kronor(value) == f"{tal(value)}\u00a0kr"
    assert parse_amount(f"Ersättningen är {kronor(value)} per år.") == value
    m = AMOUNT.search(tkr(value))
    assert amount_value(m) == round(value / 1000) * 1000


def test_every_day_of_a_leap_year_and_the_next_round_trips():
    day = dt.date(2028, 1, 1)
    while day.year < 2030:
        m = DATE.search(f"från den {datum(day)}")
        assert date_from(m, "x") == day
        day += dt.timedelta(days=1)


def test_a_period_and_what_is_not_a_date():
    text = span(dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert text == "1 juli 2026\u00a0– 31 december 2026"  # a spaced en dash between dates (Språkrådet)
    m = re.search(f"{date_pattern('a')}{SPACE}*–{SPACE}*{date_pattern('b')}", text)
    assert (date_from(m, "a"), date_from(m, "b")) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert parse_date("31", "juni", "2026") is None and parse_date("1", "juli", "2026") == dt.date(2026, 7, 1)
    assert date_from(DATE.search("1 juli"), "x") is None and date_from(DATE.search("1 juli"), "x", 2027).year == 2027
    assert date_from(DATE.search("2026-02-30"), "x") is None
    assert parse_amount("1,5 mnkr") == 1_500_000 and parse_amount("inget belopp") is None
