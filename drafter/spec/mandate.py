"""The nämnd's decision on the partnership, as data: what it approved and what it delegated.

A tillägg is signed within that mandate or not at all: a budget above the approved ceiling, a term
past the approved latest end, or a change decided by someone the nämnd did not delegate it to needs a
new decision of the nämnd (kommunallagen 6 kap. 37–40 §§ on delegation, 7 kap. 8 § on reporting).
drafter/checks/decision.py compares every amendment with it; a proposal's "förslag till beslut"
can take its figures from here (`decision.ceiling.amount` in a clause text).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from drafter.spec.base import SpecModel, empty_list
from drafter.spec.numbers import Kronor

Matter = Literal["lydelse", "budget", "period"]
MATTERS: tuple[Matter, ...] = ("lydelse", "budget", "period")


class Ceiling(SpecModel):
    """The most the nämnd approved: per year (the budget scaled to twelve months) or for the whole term."""

    amount: Kronor = Field(ge=0, description="Högsta belopp i hela kronor.")
    per: Literal["år", "hela perioden"] = Field(
        "år", description="år: per tolv månader; hela perioden: sammanlagt från start till längsta slutdatum.")


class Delegation(SpecModel):
    """Who may decide on the nämnd's behalf, and on what (kommunallagen 6 kap. 37 §). Every decision
    taken under delegation is reported to the nämnd (7 kap. 8 §): the law's, not the spec's, to choose."""

    to: str = Field(min_length=1, description="Delegaten, t.ex. socialdirektören (enligt nämndens delegationsordning).")
    matters: list[Matter] = Field(
        default_factory=lambda: list(MATTERS),
        description="Vad delegaten får besluta om: lydelse (punkternas text), budget och period. "
                    "Utelämnat: alla tre, inom nämndens tak och längsta slutdatum.")


class CommitteeDecision(SpecModel):
    """The nämnd's decision to approve the partnership; date and § are filled in once it is taken."""

    by: str | None = Field(None, min_length=1, description="Nämnden som beslutar, t.ex. socialnämnden; utelämnat: den "
                                             "offentliga partens committee.")
    date: dt.date | None = Field(None, description="Sammanträdets datum, när beslutet är fattat.")
    paragraph: str | None = Field(None, description="Paragraf i protokollet, t.ex. § 12.")
    diarienummer: str | None = Field(None, description="Ärendets diarienummer.")
    ceiling: Ceiling | None = Field(None, description="Det högsta belopp nämnden godkänner.")
    latest_end: dt.date | None = Field(None, description="Det senaste slutdatum nämnden godkänner.")
    delegations: list[Delegation] = Field(
        default_factory=empty_list, description="Vem nämnden delegerar beslut om ändringar till, och vilka.")
