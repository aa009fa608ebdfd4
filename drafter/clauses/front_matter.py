"""A clause version's front matter: heading, version, status, approval, rationale, source."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from drafter.spec.base import empty_list
from drafter.spec.kept_schema import KeptSchema

STATUSES = ("utkast", "granskad", "fastställd", "upphävd")


class _Model(BaseModel):
    # defer_build: built at the first validation, nested models inside ClauseMeta's one validator
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class AppliesTo(_Model):
    """For whom an approval applies: an organisation (all its nämnder) or one of its nämnder."""

    organisation: str = Field(description="Kommunen eller regionen, t.ex. Stockholms stad.")
    committee: str | None = Field(None, description="En enda nämnd, t.ex. socialnämnden; utelämnad: hela "
                                                    "kommunen eller regionen.")


class Approval(_Model):
    by: str = Field(description="Vem som fastställde versionen, t.ex. Socialnämnden i Stockholms stad.")
    date: dt.date = Field(description="Beslutsdatum, ÅÅÅÅ-MM-DD.")
    applies_to: AppliesTo | None = Field(
        None, description="För vem fastställelsen gäller; utelämnad: den som fastställde (by).")
    paragraph: str | None = Field(None, description="Paragraf i protokollet, t.ex. § 12.")
    dnr: str | None = Field(None, description="Ärendets diarienummer.")

    def describe(self) -> str:
        """"Socialnämnden i Stockholms stad 2026-07-01 (§ 12, dnr 1.2-3) för socialnämnden i Stockholms stad"."""
        from drafter.clauses.scope import scope_of

        ref = ", ".join(x for x in (self.paragraph, f"dnr {self.dnr}" if self.dnr else None) if x)
        return (f"{self.by} {self.date.isoformat()}" + (f" ({ref})" if ref else "")
                + f" för {scope_of(self).describe()}")


class Source(_Model):
    document: str = Field(description="Dokumentet texten kommer från.")
    section: str | None = Field(None, description="Punkten i det dokumentet, t.ex. 5.7.")


class ClauseMeta(KeptSchema, _Model):
    heading: str
    version: int = Field(ge=1)
    status: Literal["utkast", "granskad", "fastställd", "upphävd"]
    approval: Approval | None = None
    approvals: list[Approval] = Field(
        default_factory=empty_list,
        description="Senare fastställelser av samma text för andra, t.ex. för en annan nämnd eller hela kommunen.")
    rationale: str = Field(description="Varför versionen finns: vad som ändrats mot förra versionen.")
    source: Source | None = None
    partnership: str | None = Field(None, description="Satt när texten hör till ett enda partnerskap.")

    @model_validator(mode="after")
    def _approved_when_fastställd(self):
        if self.status == "fastställd" and self.approval is None:
            raise ValueError("en fastställd version behöver approval med by och date")
        if self.approvals and self.approval is None:
            raise ValueError("approvals (senare fastställelser) förutsätter approval (den första)")
        return self

    @property
    def all_approvals(self) -> list[Approval]:
        """Every decision approving this text, the first one first."""
        return ([self.approval] if self.approval else []) + list(self.approvals)
