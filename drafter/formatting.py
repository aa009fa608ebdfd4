"""The filters clause texts use: Swedish amounts and dates (written by drafter/swedish/format.py,
re-exported here) and the forms of names and words (genitive, mid-sentence, definite).
"""

from __future__ import annotations

from drafter.swedish.format import MONTHS, NBSP, dag_och_manad, datum, kronor, rakneord, span, tal, tkr

__all__ = ["NBSP", "MONTHS", "tal", "kronor", "tkr", "datum", "dag_och_manad", "span", "rakneord", "genitiv",
           "versal", "gemen", "enhet", "bestamd", "FILTERS"]


def genitiv(name: str) -> str:
    """"Socialnämnden" -> "Socialnämndens"; "Street Minds" stays (ends in s, x or z)."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


def versal(text: str) -> str:
    """First letter upper case, the rest as written (unlike Jinja's capitalize)."""
    return text[:1].upper() + text[1:]


def gemen(text: str) -> str:
    """Mid-sentence form of a name: "Socialförvaltningen" -> "socialförvaltningen",
    "Avdelningen för …" -> "avdelningen för …".

    A proper name keeps its capital: one whose first word is hyphenated ("Spånga-Tensta
    stadsdelsförvaltning") or that has another capitalised word ("Förvaltningen Järva")."""
    words = text.split()
    if not words or "-" in words[0] or any(w[:1].isupper() for w in words[1:]):
        return text
    return text[:1].lower() + text[1:]


_RENEWAL_UNITS = {"kalenderår": "ett kalenderår", "år": "ett år", "halvår": "ett halvår", "månad": "en månad"}


def enhet(unit: str) -> str:
    """A renewal unit with its article: "kalenderår" -> "ett kalenderår"."""
    return _RENEWAL_UNITS.get(unit, unit)


def bestamd(title: str) -> str:
    """A title in definite form: "socialdirektör" -> "socialdirektören", "chef" -> "chefen"."""
    return title + ("n" if title.endswith("e") else "en")


FILTERS = {
    "kronor": kronor, "tkr": tkr, "tal": tal, "datum": datum, "dag_och_manad": dag_och_manad,
    "genitiv": genitiv, "versal": versal, "gemen": gemen, "rakneord": rakneord, "enhet": enhet, "bestamd": bestamd,
}
