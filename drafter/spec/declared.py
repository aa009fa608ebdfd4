"""Amounts and periods the texts may state besides the budget and the agreement's period.

Declared as data (`other_amounts:`, `other_periods:`), the texts take them with {{ }} and the checks
(budget-amount, period-mismatch) know them: an amount that no data explains is then a warning with its
sentence, never mistaken for the budget written wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, model_validator

from drafter.lazy_pattern import lazy
from drafter.spec.base import SpecModel
from drafter.spec.numbers import Kronor


class OtherAmount(SpecModel):
    """An amount the texts may state besides the budget (egen insats, other funding, a first period's
    share): declared here, the texts take it with {{ }} and budget-amount knows it."""

    amount: Kronor = Field(ge=0, description="Belopp i hela kronor.")
    per: Literal["år", "halvår", "kvartal", "månad"] | None = Field(
        None, description="Beloppet gäller per år, halvår, kvartal eller månad; utelämnat: ett belopp i sin helhet.")
    kind: Literal["egen insats", "annan finansiering", "delperiod", "annat"] = Field(
        "annat", description="Vad för slags belopp: egen insats, annan finansiering, delperiod (t.ex. ersättningen "
                             "för en första period på ett halvår) eller annat.")
    item: str | None = Field(None, description="Vad beloppet avser, t.ex. 'Bidrag från Arvsfonden'.")

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value):
        if isinstance(value, str) and re.fullmatch(r"\d[\d \u00a0]*", value.strip()):
            value = int(re.sub(r"\D", "", value))  # "150 000" typed in a form
        # a number alone is the amount (WholeNumber refuses 60.000 and 60.5 there, with the number to write)
        return {"amount": value} if isinstance(value, (int, float, str)) and not isinstance(value, bool) else value


GRANT_KINDS = ("annat",)  # other_amounts counted as the nämnd's grant, when written out (is_grant)
_NOT_GRANT = lazy(r"\begen\b|\begna\b|insats|medfinansier|annan finansiering|extern", re.IGNORECASE)


def is_grant(name: str, amount: OtherAmount) -> bool:
    """The nämnd's own money: `kind: annat` written in the spec (the default is no decision), under a name
    and item that say nothing of an egen insats or other funding. Here, with the data it judges, so that
    the tillägg's money (drafter/assemble/amendment_money.py) and the checks read it alike."""
    return (amount.kind in GRANT_KINDS and "kind" in amount.model_fields_set
            and not _NOT_GRANT.search(f"{name} {amount.item or ''}".replace("_", " ")))


class OtherPeriod(SpecModel):
    """A date range the texts may state that is not the agreement's period (another IOP, a statsbidrag)."""

    start: dt.date
    end: dt.date
    kind: Literal["annan överenskommelse", "statsbidrag", "annan finansiering", "annat"] = Field(
        "annat", description="Vad för slags period: annan överenskommelse, statsbidrag, annan finansiering eller annat.")
    item: str | None = Field(None, description="Vad perioden avser, t.ex. 'IOP med kulturnämnden'.")

    @model_validator(mode="after")
    def _in_order(self):
        if self.end < self.start:
            raise ValueError(f"slutdatumet {self.end} ligger före startdatumet {self.start}")
        return self


NAME = lazy(r"^[a-z_][a-z0-9_]*$")


def text_names(value: dict) -> dict:
    """Keys that clause texts can write after a dot ({{ other_amounts.egen_insats }})."""
    for key in value:
        if not NAME.fullmatch(str(key)):
            raise ValueError(f"'{key}' kan inte skrivas i en text; använd små bokstäver a–z, siffror och "
                             "understreck, t.ex. egen_insats")
    return value
