"""What the checks read in Swedish prose: dates and amounts (the one parser, drafter/swedish/parse.py)
and the lengths of periods in whole months."""

from __future__ import annotations

import calendar
import datetime as dt
from drafter.swedish.format import span
from drafter.swedish.parse import AMOUNT, DATE, SPACE, amount_value, date_from, date_pattern

__all__ = ["SPACE", "DATE", "date_pattern", "date_from", "span", "AMOUNT", "amount_value", "add_months",
           "whole_months", "months_about"]


# --- periods ----------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def whole_months(start: dt.date, end: dt.date) -> int | None:
    """How many whole months start..end (both inclusive) is, or None when not a whole number."""
    after = end + dt.timedelta(days=1)
    for n in range(1, 12 * 200):
        stop = add_months(start, n)
        if stop == after:
            return n
        if stop > after:
            return None
    return None


def months_about(start: dt.date, end: dt.date) -> float:
    return ((end - start).days + 1) / (365.2425 / 12)
