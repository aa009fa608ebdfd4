"""Swedish names in running text: mid-sentence case, genitive, definite titles, lists of names.

Proper names keep their case ("Sundbybergs stad", "Norrmalms stadsdelsförvaltning", "KFUM"); names
that begin with a common noun for an organ or unit lose the capital mid-sentence ("socialnämnden",
"avdelningen för …", "kultur- och fritidsförvaltningen"), as Myndigheternas skrivregler and Språkrådet
advise. The genitive of an abbreviation takes a colon ("KFUM:s"); a name ending in s, x or z takes no
extra s ("Street Minds", "Region Västra Götalands" is not made).
"""

from __future__ import annotations

import re

# Common nouns that begin the name of an organ or unit of a kommun or region (definite form).
ORGAN_HEADS = (
    "förvaltningen", "nämnden", "styrelsen", "kontoret", "avdelningen", "enheten", "sektionen", "staben",
    "kansliet", "fullmäktige", "direktionen", "utskottet", "beredningen", "sekretariatet", "byrån",
    "ledningen", "verksamheten",
)
_COORDINATORS = {"och", "samt", "eller"}


class MissingName(ValueError):
    """A name filter was given no value: a field the clause uses is not written in the spec."""

    def __init__(self, filter_name: str):
        super().__init__(f"filtret {filter_name} fick inget värde, så en uppgift som texten använder saknas i specen "
                         "(till exempel committee eller municipality för den offentliga parten)")


def require_value(value, filter_name: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise MissingName(filter_name)
    return str(value)
_ABBREVIATION = re.compile(r"^[A-ZÅÄÖ0-9&]{2,}$")


def _head(words: list[str]) -> str:
    """The word whose ending tells what a name is: "Kultur- och fritidsförvaltningen" → the last of the
    coordinated compound; otherwise the first word."""
    first = words[0]
    if first.endswith("-"):
        for i, word in enumerate(words[1:], 1):
            if word.lower() in _COORDINATORS and i + 1 < len(words):
                return words[i + 1]
    return first


def is_common_name(name: str) -> bool:
    """Whether `name` begins with a common noun ("Socialnämnden", "Avdelningen för …") rather than a
    proper name ("Sundbybergs stad", "Spånga-Tensta stadsdelsförvaltning", "Förvaltningen Järva")."""
    words = name.split()
    if not words:
        return False
    first = words[0]
    if _ABBREVIATION.match(first) or "-" in first.rstrip("-"):
        return False  # "KFUM …", "Spånga-Tensta …": proper names
    if len(words) > 1 and words[1][:1].isupper() and not first.endswith("-"):
        return False  # an apposition: "Förvaltningen Järva", "Stiftelsen Ljusgården"
    head = _head(words).lower()
    return head.endswith(ORGAN_HEADS)


def gemen(name: str) -> str:
    """Mid-sentence form of a name: a common name loses its capital, a proper name keeps it."""
    name = require_value(name, "gemen")
    return name[:1].lower() + name[1:] if is_common_name(name) else name


def genitiv(name: str) -> str:
    """"Socialnämnden" → "Socialnämndens"; "Street Minds" stays; "KFUM" → "KFUM:s"; "Tillägg 2" → "Tillägg 2:s"."""
    name = require_value(name, "genitiv")
    last = name.split()[-1]
    if _ABBREVIATION.match(last) or not last[-1].isalpha():
        return f"{name}:s"
    if last[-1].lower() in ("s", "x", "z"):
        return name
    return name + "s"


def bestamd(title: str) -> str:
    """A title in definite form: "socialdirektör" → "socialdirektören", "ordförande" → "ordföranden",
    "rektor" → "rektorn", "tf. socialdirektör" → "tf. socialdirektören". Only the title's head takes the
    ending, not what says whose it is: "ordförande, äldrenämnden" → "ordföranden, äldrenämnden",
    "ordförande i kulturnämnden" → "ordföranden i kulturnämnden" (never "äldrenämndenen")."""
    text = require_value(title, "bestamd")
    head, rest = _head_of_title(text)
    words = head.split(" ")
    last = words[-1]
    lower = last.lower()
    if lower.endswith("man"):  # ombudsman → ombudsmannen, talesman → talesmannen
        ending = "nen"
    elif lower.endswith("e"):
        ending = "n"
    elif lower.endswith(("or", "er", "el")) and not lower.endswith(("ör",)):
        ending = "n"
    else:
        ending = "en"
    return " ".join([*words[:-1], last + ending]) + rest


_QUALIFIER = re.compile(r",| (?:i|för|vid|på|inom|hos|över) ")


def _head_of_title(title: str) -> tuple[str, str]:
    """The title's head and what follows it ("ordförande", ", äldrenämnden"): a comma or a preposition
    after the first word starts what says whose title it is."""
    found = _QUALIFIER.search(title, title.find(" ") + 1 if title.startswith("tf. ") else 1)
    return (title[:found.start()], title[found.start():]) if found else (title, "")


def lista(names: list[str] | tuple[str, ...], conjunction: str = "och") -> str:
    """["A", "B", "C"] → "A, B och C"; two names → "A och B"."""
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
