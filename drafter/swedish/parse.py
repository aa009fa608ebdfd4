"""Reading Swedish prose back: dates ("1 juli 2026", "den 1:a juli", 2026-07-01) and amounts
("1 000 000 kr", "1,5 mnkr", "1 000 tkr"). The one parser: the checks compare what a text says with
the spec through it, and the importer can read an old agreement with it."""

from __future__ import annotations

import datetime as dt
import re

from drafter.swedish.format import MONTHS

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


def parse_date(day: str | int, month: str, year: str | int) -> dt.date | None:
    """("1", "juli", "2026") -> 2026-07-01; None for a day the month does not have or an unknown month."""
    try:
        return dt.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


def date_from(match: re.Match, prefix: str, year: int | None = None) -> dt.date | None:
    """The date a `date_pattern(prefix)` matched; `year` fills "1 juli" without a year."""
    iso = match.group(f"{prefix}iso")
    if iso:
        try:
            return dt.date.fromisoformat(iso)
        except ValueError:  # "2026-02-30": not a date, not ours to read
            return None
    y = match.group(f"{prefix}y")
    y = int(y) if y else year
    if y is None:
        return None
    return parse_date(match.group(f"{prefix}d"), match.group(f"{prefix}m"), y)


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


def parse_amount(text: str) -> float | None:
    """The kronor of the first amount in `text` ("1,2 mnkr" → 1200000), None when there is none."""
    m = AMOUNT.search(text)
    return amount_value(m) if m else None
