"""Reading Swedish prose back: dates ("1 juli 2026", "den 1:a juli", 2026-07-01) and amounts
("1 000 000 kr", "1,5 mnkr", "1 000 tkr"). The one parser: the checks compare what a text says with
the spec through it, and the importer can read an old agreement with it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.lazy_pattern import lazy
from drafter.swedish.format import MONTHS

# Space, no-break space, narrow no-break space: the class [ \u00a0\u202f], written as two alternatives.
# Python compiles a class that mixes Latin-1 characters with others into a 64 KiB bitmap (about 90 µs
# each time; a check compiles 117 of them, 9 ms); "{1}" keeps its parser from merging the two back into
# that class. The same characters match (tests/swedish/test_space.py).
SPACE = "(?:[ \u00a0]|\u202f{1})"
_MONTH = "|".join(MONTHS)

# "1 juli 2026", "1:a juli 2026", "den 1 juli 2026"; ISO 2026-07-01 too. A template: date_pattern fills
# in the group names' prefix p and SPACE as s (whose braces str.format would read as a field).
DATE = (
    rf"(?:(?P<{{p}}d>\d{{{{1,2}}}})(?::[ae])?{{s}}+(?P<{{p}}m>{_MONTH})(?:{{s}}+(?P<{{p}}y>\d{{{{4}}}}))?"
    rf"|(?P<{{p}}iso>\d{{{{4}}}}-\d{{{{2}}}}-\d{{{{2}}}}))"
)


def date_pattern(prefix: str) -> str:
    """A date regex whose groups are named with `prefix` (so two can stand in one pattern)."""
    return DATE.format(p=prefix, s=SPACE)


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
AMOUNT = lazy(rf"{_NUMBER}{SPACE}*{_UNIT}(?![\wåäö])(?P<per>{SPACE}*(?:per|/){SPACE}*(?P<per_what>[\wåäö]+))?",
              re.IGNORECASE)
_FACTOR = {"mnkr": 1_000_000, "mkr": 1_000_000, "miljoner kronor": 1_000_000, "miljon kronor": 1_000_000,
           "tkr": 1000, "tusen kronor": 1000, "kronor": 1, "kr": 1, "sek": 1}


def amount_value(match: re.Match) -> float:
    """Kronor of an AMOUNT match: "1 000 tkr" → 1000000, "1,5 mnkr" → 1500000."""
    number = float(re.sub(SPACE, "", match.group("num")) + ("." + match.group("dec") if match.group("dec") else ""))
    return number * _FACTOR[match.group("unit").lower()]


def parse_amount(text: str) -> float | None:
    """The kronor of the first amount in `text` ("1,2 mnkr" → 1200000, "två miljoner kronor" → 2000000),
    None when there is none."""
    found = find_amounts(text)
    return found[0].value if found else None


# --- amounts as texts write them: digits in every common form, words, and rates ------------------
# "2 000 000 kr", "2.000.000 kr", "2 000 000:-", "2 mnkr", "500 tkr", "1,5 miljoner kronor",
# "två miljoner kronor", "etthundrafemtiotusen kronor", "en och en halv miljon kronor";
# "600 000 kr per halvår", "50 000 kr i månaden", "1 mnkr årligen".

_WORD_VALUES = {
    "noll": 0, "ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
    "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40,
    "förtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90,
}
_MULTIPLIERS = {"hundra": 100, "tusen": 1000, "ettusen": 1000, "miljon": 10**6, "miljoner": 10**6,
                "miljard": 10**9, "miljarder": 10**9}
_HALF = {"halv", "halvt", "halvannan"}
# Longest first, so "sexton" is not read as "sex" + "ton"; the regex backtracks to a whole-word split.
_MORPHEMES = sorted([*_WORD_VALUES, *_MULTIPLIERS, *_HALF], key=len, reverse=True)
_MORPHEME = "(?:" + "|".join(_MORPHEMES) + ")"
_NUMBER_WORD = rf"{_MORPHEME}+"
WORDS = rf"(?<![\wåäö]){_NUMBER_WORD}(?:{SPACE}+(?:och{SPACE}+)?{_NUMBER_WORD})*"


def number_from_words(words: str) -> float | None:
    """"två miljoner" → 2000000, "etthundrafemtiotusen" → 150000, "en och en halv miljon" → 1500000;
    None when `words` is not a Swedish number."""
    tokens = re.findall(rf"{_MORPHEME}|och", words.lower())
    if "".join(tokens) != re.sub(SPACE, "", words.lower()):
        return None
    total, current, i = 0.0, 0.0, 0
    while i < len(tokens):
        token = tokens[i]
        if token == "och":
            if tokens[i + 1:i + 3] in (["en", "halv"], ["ett", "halvt"]):
                current += 0.5
                i += 3
                continue
            return None
        if token in _HALF:
            if token == "halvannan":
                current += 1.5
            elif i > 0 and tokens[i - 1] in ("en", "ett"):
                current -= 0.5  # "en halv": the 1 just added is a half
            else:
                return None
        elif token == "hundra":
            current = (current or 1) * 100
        elif token in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[token]
            current = 0
        else:
            current += _WORD_VALUES[token]
        i += 1
    value = total + current
    return value if value or tokens == ["noll"] else None


_DIGITS = (rf"(?<![\d,.\wåäö])(?P<num>\d{{1,3}}(?:{SPACE}\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+(?![\d])|\d+)"
           r"(?:[,.](?P<dec>\d{1,2})(?!\d))?")
_UNITS = (r"(?P<unit>mnkr|mkr|milj\.?(?:[ \u00a0]kr|[ \u00a0]kronor)|miljoner kronor|miljoner kr|miljon kronor|miljon kr"
          r"|tkr|tusen kronor|tusen kr|kronor|kr|sek|:-)")
_RATE = (rf"(?P<rate>{SPACE}*(?:per|/|om|i|varje){SPACE}*(?P<per_what>[\wåäö]+)"
         rf"|{SPACE}+(?P<adverb>årligen|månadsvis|kvartalsvis|halvårsvis))?")
AMOUNT_ANY = re.compile(rf"(?:{_DIGITS}|(?P<words>{WORDS})){SPACE}*{_UNITS}(?![\wåäö]){_RATE}", re.IGNORECASE)

# How many months a rate's unit is; "per period" is the whole of what the budget states.
RATE_MONTHS = {"år": 12, "året": 12, "kalenderår": 12, "kalenderåret": 12, "budgetår": 12, "verksamhetsår": 12,
               "årligen": 12, "halvår": 6, "halvåret": 6, "halvårsvis": 6, "kvartal": 3, "kvartalet": 3,
               "kvartalsvis": 3, "månad": 1, "månaden": 1, "mån": 1, "månadsvis": 1}
WHOLE = {"period", "perioden", "avtalsperiod", "avtalsperioden", "avtalstiden"}
_TRUE_RATE = lazy(rf"{SPACE}*(?:per|/){SPACE}*", re.IGNORECASE)  # "per deltagare" is a rate, "i bidrag" not


@dataclass(frozen=True)
class Amount:
    """An amount a text states: kronor, and per what ("år", "halvår", "deltagare") when it is a rate."""

    value: float
    written: str
    start: int
    end: int
    per: str | None = None

    @property
    def months(self) -> int | None:
        """The rate's length in months ("per halvår" → 6); None for a plain amount or "per deltagare"."""
        return RATE_MONTHS.get(self.per) if self.per else None

    @property
    def over_time(self) -> bool:
        """A plain amount, or one per a stretch of time; not "50 kr per deltagare"."""
        return self.per is None or self.per in RATE_MONTHS or self.per in WHOLE


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text`, in order, in any of the forms above."""
    return list(_amounts_in(text))


@lru_cache(maxsize=1024)
def _amounts_in(text: str) -> tuple[Amount, ...]:
    """find_amounts, remembered per text (Amount is frozen): the checks read the same clause texts in
    every spec of a batch and on every edit in the web page, and AMOUNT_ANY is slow on long texts.
    Found line by line, each line remembered too: an amount never spans a line (AMOUNT_ANY has no
    line break in it, and a line break is neither a digit nor a letter to its look-arounds), and a
    text holding a spec's own values differs from the next spec's in those lines only."""
    if "\n" not in text:
        return _amounts_in_line(text)
    found: list[Amount] = []
    offset = 0
    for line in text.split("\n"):
        found += [Amount(a.value, a.written, a.start + offset, a.end + offset, a.per) if offset else a
                  for a in _amounts_in_line(line)]
        offset += len(line) + 1
    return tuple(found)


@lru_cache(maxsize=1024)
def _amounts_in_line(text: str) -> tuple[Amount, ...]:
    found = []
    for m in AMOUNT_ANY.finditer(text):
        unit = m.group("unit").lower()
        if m.group("words"):
            if m.group("words")[1:] != m.group("words")[1:].lower() or unit != m.group("unit"):
                continue  # "Tre Kronor" is a name, not three kronor
            number = number_from_words(m.group("words"))
            if number is None:
                continue
        else:
            digits = re.sub(rf"{SPACE}|\.", "", m.group("num"))
            number = float(digits + ("." + m.group("dec") if m.group("dec") else ""))
        value = number * (10**6 if unit.startswith("m") else 1000 if unit.startswith("t") else 1)
        per_word = (m.group("per_what") or m.group("adverb") or "").lower() or None
        written, end = m.group(0), m.end()
        if per_word and per_word not in RATE_MONTHS and per_word not in WHOLE and not _TRUE_RATE.match(m.group("rate")):
            # "1 000 000 kr i bidrag": a word after i/om/varje that is no stretch of time; the amount alone
            written, end = text[m.start():m.end("unit")], m.end("unit")
            per_word = None
        found.append(Amount(value, written.strip(), m.start(), end, per_word))
    return tuple(found)
