"""Reading Swedish prose back: dates ("1 juli 2026"), amounts ("1 000 000 kr", "1 mnkr"), counts."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from drafter.formatting import MONTHS, datum

SPACE = "[ \u00a0\u202f]"  # space, no-break space, narrow no-break space
_MONTH = "|".join(MONTHS)

# "1 juli 2026", "1:a juli 2026", "den 1 juli 2026"; ISO 2026-07-01 too.
DATE = (
    rf"(?:(?P<{{p}}d>\d{{{{1,2}}}})(?::[ae])?{SPACE}+(?P<{{p}}m>{_MONTH})(?:{SPACE}+(?P<{{p}}y>\d{{{{4}}}}))?"
    rf"|(?P<{{p}}iso>\d{{{{4}}}}-\d{{{{2}}}}-\d{{{{2}}}}))"
)


def date_pattern(prefix: str) -> str:
    """A date regex whose groups are named with `prefix` (so two can stand in one pattern)."""
    return DATE.format(p=prefix)


def date_from(match: re.Match, prefix: str, year: int | None = None) -> dt.date | None:
    """The date a `date_pattern(prefix)` matched; `year` fills "1 juli" without a year."""
    iso = match.group(f"{prefix}iso")
    try:
        if iso:
            return dt.date.fromisoformat(iso)
        y = match.group(f"{prefix}y")
        y = int(y) if y else year
        if y is None:
            return None
        return dt.date(y, MONTHS.index(match.group(f"{prefix}m")) + 1, int(match.group(f"{prefix}d")))
    except ValueError:  # "31 juni 2026": not a date, not ours to read
        return None


def span(start: dt.date, end: dt.date) -> str:
    return f"{datum(start)}–{datum(end)}"


# --- amounts ----------------------------------------------------------------

_NUMBER = rf"(?<![\d,.])(?P<num>\d{{1,3}}(?:{SPACE}\d{{3}})+|\d+)(?:,(?P<dec>\d+))?"
_UNIT = r"(?P<unit>mnkr|mkr|miljoner kronor|miljon kronor|tkr|tusen kronor|kronor|kr|sek)"
AMOUNT = re.compile(rf"{_NUMBER}{SPACE}*{_UNIT}(?![\wåäö])(?P<per>{SPACE}*(?:per|/){SPACE}*(?P<per_what>[\wåäö]+))?",
                    re.IGNORECASE)
_FACTOR = {"mnkr": 1_000_000, "mkr": 1_000_000, "miljoner kronor": 1_000_000, "miljon kronor": 1_000_000,
           "tkr": 1000, "tusen kronor": 1000, "kronor": 1, "kr": 1, "sek": 1}


def amount_value(match: re.Match) -> float:
    """Kronor of an AMOUNT match: "1 000 tkr" → 1000000, "1,5 mnkr" → 1500000."""
    number = float(re.sub(SPACE, "", match.group("num")) + ("." + match.group("dec") if match.group("dec") else ""))
    return number * _FACTOR[match.group("unit").lower()]


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
