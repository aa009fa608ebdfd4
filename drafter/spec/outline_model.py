"""A document's outline in the spec: its sections in order (OutlineItem), or a standard outline from the
library adjusted by remove, replace, add and move (StandardOutline). Validated by pydantic like the rest of
the spec (drafter/spec/model.py, which re-exports these names)."""

from __future__ import annotations

import re
from typing import Annotated, Union

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from drafter.lazy_pattern import lazy
from drafter.spec.base import SpecModel as _Model, empty_list
from drafter.spec.refs import CLAUSE_REF, ref_id

KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
STANDARD = lazy(r"^[a-z0-9][a-z0-9-]*(@[1-9][0-9]*)?$")  # a standard outline, maybe with its version


def clause_ref(value: str | None) -> str | None:
    """A well-formed clause reference (id or id@version), or a Swedish error."""
    if value is not None and not CLAUSE_REF.fullmatch(value):
        raise ValueError(
            f"'{value}' är inget giltigt klausul-id; skriv t.ex. villkor/aterkrav eller villkor/aterkrav@2 "
            "(små bokstäver a–z, siffror och bindestreck, delar åtskilda med /)"
        )
    return value


class OutlineItem(_Model):
    """A section: a clause (id or id@version), a heading, a text from the spec or a data block,
    with subsections."""

    clause: str | None = None
    heading: str | None = None
    key: str | None = Field(None, description="Namn på avsnittet, för texts: och för att ändra en standardmall.")
    text: str | None = Field(None, description="Standardtext (Markdown) när specens texts: saknar avsnittets key.")
    block: str | None = Field(None, description="Ett datablock utan egen klausul: tjansteman, bilagor, budget.")
    numbered: bool = True
    sections: list["OutlineItem"] = Field(default_factory=empty_list)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value):
        return {"clause": value} if isinstance(value, str) else value

    @field_validator("clause")
    @classmethod
    def _well_formed(cls, value: str | None) -> str | None:
        return clause_ref(value)

    @field_validator("key")
    @classmethod
    def _key_form(cls, value: str | None) -> str | None:
        if value is not None and not KEY.fullmatch(value):
            raise ValueError(f"'{value}' är ingen giltig key; använd små bokstäver a–z, siffror och bindestreck")
        return value

    @model_validator(mode="after")
    def _clause_or_heading(self):
        # A text without a heading (key or text alone) continues the section it stands in.
        if not self.clause and not self.heading and not self.block and not self.key and self.text is None:
            raise ValueError("en punkt behöver en klausul (clause), en rubrik (heading), ett block (block) "
                             "eller en text (key eller text)")
        return self

    @property
    def name(self) -> str | None:
        """How a standard outline's change names this section: its key, else its clause id, else its
        block (`tjansteman`, `bilagor`, `budget`), so every part of an outline can be removed or moved."""
        return self.key or (ref_id(self.clause) if self.clause else None) or self.block


class Placement(_Model):
    """Where an added or moved section goes: after or before a named section, or last inside one."""

    after: str | None = None
    before: str | None = None
    into: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self):
        if sum(x is not None for x in (self.after, self.before, self.into)) != 1:
            raise ValueError("ange precis en av after, before eller into")
        return self


class Addition(Placement):
    item: OutlineItem


class Move(Placement):
    section: str = Field(description="Avsnittet som flyttas (key eller klausul-id).")


class StandardOutline(_Model):
    """A standard outline from the library (clauses/outlines/NAME/vN.yaml), adjusted for this spec."""

    standard: str = Field(description="Standardmallens namn, med version: iop-overenskommelse@2. Utan @N tar "
                                      "ett utkast den nyaste versionen och ett slutligt dokument den som det "
                                      "senast byggdes med (se outline-unpinned).")
    remove: list[str] = Field(default_factory=empty_list, description="Avsnitt som tas bort (key eller klausul-id).")
    replace: dict[str, OutlineItem] = Field(default_factory=dict, description="Avsnitt som byts ut.")
    add: list[Addition] = Field(default_factory=empty_list, description="Avsnitt som läggs till.")
    move: list[Move] = Field(default_factory=empty_list, description="Avsnitt som flyttas.")

    @field_validator("standard")
    @classmethod
    def _name_form(cls, value: str) -> str:
        if not STANDARD.fullmatch(value):
            raise ValueError(f"'{value}' är inget giltigt namn på en standardmall (t.ex. iop-overenskommelse, "
                             "eller iop-overenskommelse@2 för version 2)")
        return value


def _outline_kind(value) -> str:
    """Validation sees YAML data, serialisation the model."""
    return "standard" if isinstance(value, (dict, StandardOutline)) else "list"


# A list of sections, or a standard outline; the tag keeps validation errors about the one meant.
Outline = Annotated[
    Union[Annotated[list[OutlineItem], Tag("list")], Annotated[StandardOutline, Tag("standard")]],
    Discriminator(_outline_kind),
]
OUTLINE_TAGS = ("list", "standard")
