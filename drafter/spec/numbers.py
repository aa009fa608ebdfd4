"""Whole numbers as an official types them: kronor and counts, never a decimal read into something else.

pydantic's lax int takes "60.000" as 60 and YAML reads `amount: 60.000` as the float 60.0; in Swedish
both are sixty thousand written with a dot. Every whole-number field of the spec (amounts in kronor,
months, a tillägg's number, figures) is `WholeNumber`: digits only, or an error whose hint writes the
number without dot, comma or space. Amounts in kronor are `Kronor`, which also reads the Swedish way of
writing them, "30 000" and "5 000 kr". The Swedish sentence is drafter/validation.py's (type `whole_number`).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

_DIGITS = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?\d[\d .,\u00a0\u202f]*\d?( ?kr)?", re.IGNORECASE)
# "30 000", "5 000 kr", "1 000 000 kronor": digits grouped by threes with a space, a no-break space or a
# narrow no-break space, as Swedish writes kronor. Unambiguous, unlike "60.000" or "60,000".
_KRONOR = re.compile(r"(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[ \u00a0\u202f]?(?:kr|kronor))?", re.IGNORECASE)


def written(value: object) -> str:
    """The number as the user wrote it: a YAML float keeps its text (yaml_reader.WrittenFloat)."""
    return str(getattr(value, "written", None) or value).strip()


def whole_number(value: object) -> object:
    """Digits (an int, or text of digits from a web form) pass; a decimal, a dotted, spaced or comma-
    grouped number, or true/false is refused with what was written (the message says why)."""
    if isinstance(value, bool) or isinstance(value, float):
        raise PydanticCustomError("whole_number", "not a whole number", {"written": written(value)})
    if isinstance(value, str):
        text = value.strip()
        if _DIGITS.fullmatch(text):
            return int(text)
        if _NUMBER.fullmatch(text):  # a number with a dot, comma or space in it; anything else is pydantic's
            raise PydanticCustomError("whole_number", "not a whole number", {"written": text})
    return value


def no_decimals(value: object) -> object:
    """Figures may be numbers, dates or text; a decimal number (a YAML float: `antal: 1.200`) is none of
    them. Refused for the whole dict, naming its key (spec/load.py places the error at the key's line),
    so that the field's annotation stays the plain union the web form reads."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, float):  # true/false stay: de_minimis: true is a figure the texts read
                raise PydanticCustomError("whole_number", "not a whole number",
                                          {"written": written(item), "key": str(key)})
    return value


def kronor(value: object) -> object:
    """An amount in kronor: what whole_number takes, and also "30 000" and "5 000 kr" (grouped by threes
    with a space, no-break or narrow no-break space, optionally " kr" or " kronor")."""
    if isinstance(value, str) and (m := _KRONOR.fullmatch(value.strip())):
        return int(re.sub(r"\D", "", m["n"]))
    return whole_number(value)


# The annotation pydantic keeps for the field (FieldInfo.annotation) is the plain int or int | None:
# the web form (drafter/web/forms.py) and the JSON schema read it as before.
WholeNumber = Annotated[int, BeforeValidator(whole_number)]
OptionalWholeNumber = Annotated[int | None, BeforeValidator(whole_number)]
Kronor = Annotated[int, BeforeValidator(kronor)]
OptionalKronor = Annotated[int | None, BeforeValidator(kronor)]
