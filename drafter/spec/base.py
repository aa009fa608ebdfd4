"""The base of every spec model: unknown fields refused, text stripped, Swedish titles in the schema."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from drafter.spec import schema_sv


class SpecModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              field_title_generator=schema_sv.field_title,
                              model_title_generator=schema_sv.model_title,
                              json_schema_extra=schema_sv.model_schema_extra)
