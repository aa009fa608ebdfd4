"""The filters clause texts use: Swedish amounts and dates (written by drafter/swedish/format.py,
re-exported here) and the forms of names and words (drafter/swedish/names.py: genitive,
mid-sentence, definite, lists).
"""

from __future__ import annotations

from drafter.swedish.format import MONTHS, NBSP, dag_och_manad, datum, kronor, rakneord, span, tal, tkr
from drafter.swedish.names import bestamd, gemen, genitiv, lista, require_value

__all__ = ["NBSP", "MONTHS", "tal", "kronor", "tkr", "datum", "dag_och_manad", "span", "rakneord", "genitiv",
           "versal", "gemen", "enhet", "bestamd", "lista", "FILTERS"]


def versal(text: str) -> str:
    """First letter upper case, the rest as written (unlike Jinja's capitalize)."""
    text = require_value(text, "versal")
    return text[:1].upper() + text[1:]


_RENEWAL_UNITS = {"kalenderår": "ett kalenderår", "år": "ett år", "halvår": "ett halvår", "månad": "en månad"}


def enhet(unit: str) -> str:
    """A renewal unit with its article: "kalenderår" -> "ett kalenderår"."""
    return _RENEWAL_UNITS.get(unit, unit)


FILTERS = {
    "kronor": kronor, "tkr": tkr, "tal": tal, "datum": datum, "dag_och_manad": dag_och_manad,
    "genitiv": genitiv, "versal": versal, "gemen": gemen, "rakneord": rakneord, "enhet": enhet, "bestamd": bestamd,
    "lista": lista, "datumspann": span,
}
