"""A clause version's front matter: heading, version, status, approval, rationale, source."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

STATUSES = ("utkast", "granskad", "fastställd", "upphävd")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Approval(_Model):
    by: str = Field(description="Vem som fastställde versionen.")
    date: dt.date


class Source(_Model):
    document: str = Field(description="Dokumentet texten kommer från.")
    section: str | None = Field(None, description="Punkten i det dokumentet, t.ex. 5.7.")


class ClauseMeta(_Model):
    heading: str
    version: int = Field(ge=1)
    status: Literal["utkast", "granskad", "fastställd", "upphävd"]
    approval: Approval | None = None
    rationale: str = Field(description="Varför versionen finns: vad som ändrats mot förra versionen.")
    source: Source | None = None
    partnership: str | None = Field(None, description="Satt när texten hör till ett enda partnerskap.")

    @model_validator(mode="after")
    def _approved_when_fastställd(self):
        if self.status == "fastställd" and self.approval is None:
            raise ValueError("en fastställd version behöver approval med by och date")
        return self
