"""Placeholders in a spec: what `drafter new` writes for the district to fill in.

A value like "[Föreningens namn]", "ÅÅÅÅ-MM-DD", "NNNNNN-NNNN", "MM-DD" or "N" may stand
where a name, date, organisationsnummer or amount belongs. The spec still loads (so that
`drafter check` can list every one of them with its line); dates, numbers and
organisationsnummer get a stand-in value of the right type meanwhile. Each placeholder is
a `placeholder` finding (an error), so nothing is built until all are filled.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import overload
from dataclasses import dataclass

from drafter.swedish.format import dag_och_manad, datum

# A whole value in brackets, however long ("[Är verksamheten ekonomisk? Kan bidraget …?]"), on one line.
PLACEHOLDER = re.compile(r"^(\[[^\[\]\n]+\]|ÅÅÅÅ-MM-DD|NNNNNN-NNNN|MM-DD|N+)$")

# Stand-ins of the right type; a weekday that is no holiday, a valid organisationsnummer.
_STAND_INS = {"ÅÅÅÅ-MM-DD": dt.date(2001, 1, 2), "NNNNNN-NNNN": "000000-0000", "MM-DD": "12-31"}


def stand_in_text(value: str) -> str | None:
    """The placeholder whose stand-in `value` is ("2001-01-02" → "ÅÅÅÅ-MM-DD"), else None."""
    return next((k for k, v in _STAND_INS.items() if k != "MM-DD" and str(v) == value), None)


# A number standing alone, not the digits of a longer one ("0", never the 0 of "10" or "1 000").
STANDING_ALONE = r"(?<![\d\xa0,.\-]){}(?![\d\-]|[,.]\d|[\xa0 ]\d)"


@dataclass(frozen=True)
class Shown:
    """How a stand-in reads in an assembled document (`pattern`) and the placeholder to show instead.
    A `distinct` one cannot be a real value of a spec that has the placeholder (nobody signs an IOP in
    2001, no organisation has number 000000-0000); the others ("0 kr", "31 december") can, so the web
    preview replaces them only where the model says the text read the placeholder's field."""

    pattern: re.Pattern
    text: str
    distinct: bool


def shown_instead(placeholder: str) -> list[Shown]:
    """What the web preview shows in place of a placeholder's stand-in: the placeholder itself
    ("ÅÅÅÅ-MM-DD" where the text says "2 januari 2001"), so a draft never reads as if it were filled in."""
    stand_in = _STAND_INS.get(placeholder)
    if isinstance(stand_in, dt.date):
        return [Shown(re.compile(re.escape(stand_in.isoformat())), placeholder, True),
                Shown(re.compile(re.escape(datum(stand_in))), placeholder, True),
                # the year alone ("ryms i budgeten för 2001"): a real text may name 2001, so only where read
                Shown(re.compile(rf"(?<!\d){stand_in.year}(?!\d)"), "ÅÅÅÅ", False)]
    if placeholder == "NNNNNN-NNNN":
        return [Shown(re.compile(re.escape(str(stand_in))), placeholder, True)]
    if placeholder == "MM-DD":  # "31 december" as `dag_och_manad` writes it, never "31 december 2026"
        return [Shown(re.compile(re.escape(str(stand_in))), placeholder, False),
                Shown(re.compile(re.escape(dag_och_manad(str(stand_in))) + r"(?! ?\d)"), placeholder, False)]
    if re.fullmatch("N+", placeholder):
        return [Shown(re.compile(STANDING_ALONE.format("0")), "N", False)]
    return []  # "[Föreningens namn]" stands as itself


@dataclass(frozen=True)
class Placeholder:
    path: tuple
    text: str


@overload
def replace_placeholders(data: dict, path: tuple = ()) -> tuple[dict, list[Placeholder]]: ...


@overload
def replace_placeholders(data: object, path: tuple = ()) -> tuple[object, list[Placeholder]]: ...


def replace_placeholders(data: object, path: tuple = ()) -> tuple[object, list[Placeholder]]:
    """The data with stand-ins for placeholders, and where each placeholder stood."""
    found: list[Placeholder] = []
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            out[key], more = replace_placeholders(value, (*path, key))
            found += more
        return out, found
    if isinstance(data, list):
        out_list = []
        for i, value in enumerate(data):
            item, more = replace_placeholders(value, (*path, i))
            out_list.append(item)
            found += more
        return out_list, found
    if isinstance(data, str) and PLACEHOLDER.match(data.strip()):
        text = data.strip()
        stand_in = _STAND_INS.get(text, 0 if re.fullmatch("N+", text) else data)
        return stand_in, [Placeholder(path, text)]
    return data, []


def stand_ins_unsaid(placeholders: list[Placeholder]):
    """A function that writes, in a finding's text, the placeholder where a check quoted its stand-in
    ("för perioden den ÅÅÅÅ-MM-DD" for "den 2 januari 2001", trial 13), also where a quote was cut inside
    it ("den 2 januari 2…"); None when the spec has no placeholder with a distinct stand-in. A finding
    must never show a date nobody wrote."""
    swaps: list[tuple[re.Pattern, str]] = []
    for text in dict.fromkeys(p.text for p in placeholders):
        for shown in shown_instead(text):
            literal = shown.pattern.pattern
            if not shown.distinct or literal.startswith("(?"):
                continue
            plain = re.sub(r"\\(.)", r"\1", literal)  # the stand-in as it reads
            cut = [re.escape(plain[:n]).replace(r"\ ", "[ \u00a0]") for n in range(len(plain) - 1, 4, -1)]
            swaps.append((re.compile("(?:" + "|".join(cut) + ")…"), shown.text + "…"))
            swaps.append((re.compile(re.escape(plain).replace(r"\ ", "[ \u00a0]")), shown.text))
    if not swaps:
        return None

    def unsaid(message: str) -> str:
        for pattern, placeholder in swaps:
            message = pattern.sub(placeholder, message)
        return message

    return unsaid
