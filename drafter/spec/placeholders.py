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

# A whole value in brackets, however long ("[Är verksamheten ekonomisk? Kan bidraget …?]"), on one line.
PLACEHOLDER = re.compile(r"^(\[[^\[\]\n]+\]|ÅÅÅÅ-MM-DD|NNNNNN-NNNN|MM-DD|N+)$")

# Stand-ins of the right type; a weekday that is no holiday, a valid organisationsnummer.
_STAND_INS = {"ÅÅÅÅ-MM-DD": dt.date(2001, 1, 2), "NNNNNN-NNNN": "000000-0000", "MM-DD": "12-31"}


def stand_in_text(value: str) -> str | None:
    """The placeholder whose stand-in `value` is ("2001-01-02" → "ÅÅÅÅ-MM-DD"), else None."""
    return next((k for k, v in _STAND_INS.items() if k != "MM-DD" and str(v) == value), None)


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
