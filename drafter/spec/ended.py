"""How the agreement a renewal renews came to an end (`renews_ended_by:`), when its own text says it
"löper därefter tills vidare": such an agreement does not end with its period, only when it is sagt upp
under its terms or the parties agree in writing that it ends. Until the spec says which, and when,
`drafter check` keeps the renewal-ending finding (drafter/checks/continuity.py): two agreements in force
means the kommun pays twice."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from drafter.spec.base import SpecModel

HOW = {"uppsägning": "sades upp", "överenskommelse": "avslutades genom en skriftlig överenskommelse mellan parterna"}


class RenewsEndedBy(SpecModel):
    """The act that ends the renewed agreement: a notice given, or a written agreement of the parties."""

    how: Literal["uppsägning", "överenskommelse"] = Field(
        description="Hur den förra överenskommelsen upphör: uppsägning (en part sade upp den enligt dess villkor) "
                    "eller överenskommelse (parterna kom skriftligen överens om att den upphör).")
    date: dt.date = Field(
        description="Dagen då uppsägningen lämnades eller då parternas överenskommelse om att avsluta den "
                    "undertecknades; den ligger före den dag den förra överenskommelsen upphör.")
    by: str | None = Field(None, description="Vem som sade upp den eller undertecknade överenskommelsen, t.ex. "
                                             "'äldrenämnden'; utelämnat: anges inte.")
    diarienummer: str | None = Field(None, description="Uppsägningens eller överenskommelsens diarienummer, om det finns.")
