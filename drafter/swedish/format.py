"""Writing Swedish amounts, numbers and dates: the one formatter (clause filters, data blocks,
messages). "1 000 000 kr" with a no-break space; "1 juli 2026" in prose; 2026-07-01 in data."""

from __future__ import annotations

import datetime as dt

NBSP = "\u00a0"

MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]


def tal(value: int) -> str:
    """12345 -> "12 345" (no-break space between groups of three)."""
    sign = "−" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", NBSP)


def kronor(value: int) -> str:
    """1000000 -> "1 000 000 kr"."""
    return f"{tal(value)}{NBSP}kr"


def tkr(value: int) -> str:
    """1000000 -> "1 000 tkr" (rounded to whole thousands)."""
    return f"{tal(round(value / 1000))}{NBSP}tkr"


def datum(value: dt.date) -> str:
    """2026-07-01 -> "1 juli 2026"."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def dag_och_manad(value: str | dt.date) -> str:
    """"09-30" (a date every year) or a date -> "30 september"."""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]}"
    try:  # "00-31" is not 31 december (a day past the month's end, "02-30", is period-renewal's to say)
        month, day = (int(p) for p in str(value).split("-"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise ValueError
    except (ValueError, TypeError):
        raise ValueError(f"'{value}' är ingen dag och månad; skriv den som MM-DD, t.ex. 03-31") from None
    return f"{day} {MONTHS[month - 1]}"


def span(start: dt.date, end: dt.date) -> str:
    """A period: "1 juli 2026 – 31 december 2026". Between items of several words the en dash is spaced
    (Språkrådet, Svenska skrivregler), with a no-break space before it so a line never starts with the dash;
    a span of bare years ("2027–2028") stays unspaced. Every date pair drafter writes goes through here."""
    return f"{datum(start)}{NBSP}– {datum(end)}"


def uppraknat(items: list[str]) -> str:
    """Items as a Swedish sentence lists them: "a", "a och b", "a, b och c" (no serial comma)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


_NUMBER_WORDS = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]


def rakneord(value: int) -> str:
    """2 -> "två"; numbers above twelve as digits, as Swedish style guides advise."""
    return _NUMBER_WORDS[value] if 0 <= value < len(_NUMBER_WORDS) else tal(value)
