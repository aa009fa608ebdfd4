"""Read a spec file into a validated `Spec`, or fail with Swedish messages naming file, line and field."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from drafter.errors import DrafterError, Where
from drafter.spec.model import Spec
from drafter.spec.yaml_reader import Positions, read_yaml


@dataclass
class LoadedSpec:
    path: Path
    spec: Spec
    positions: Positions

    def where(self, *field: str | int) -> Where:
        """The file position of a field path, e.g. where("budget", "rows", 2)."""
        return _where(self.path, self.positions, tuple(field))


class SpecErrors(DrafterError):
    """Several input errors in one file, each its own line."""

    def __init__(self, errors: list[DrafterError]):
        super().__init__(errors[0].message, errors[0].where, errors[0].hint)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def load_spec(path: Path | str) -> LoadedSpec:
    path = Path(path)
    data, positions = read_yaml(path)
    if not isinstance(data, dict):
        raise DrafterError(
            "Specen ska vara en samling fält (document:, parties:, period: …), inte en lista eller ett enskilt värde.",
            Where(str(path), 1, 1),
        )
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecErrors([_translate(path, positions, err) for err in exc.errors()]) from None
    return LoadedSpec(path, spec, positions)


def _translate(path: Path, positions: Positions, err: dict) -> DrafterError:
    loc = tuple(err["loc"])
    field = ".".join(str(p) for p in loc)
    kind = err["type"]
    hint = None
    if kind == "missing":
        message = f"Fältet '{loc[-1]}' saknas."
    elif kind == "extra_forbidden":
        message = f"Fältet '{loc[-1]}' finns inte här."
        close = difflib.get_close_matches(str(loc[-1]), _allowed_fields(loc[:-1]), n=1, cutoff=0.6)
        hint = f"Menade du '{close[0]}'?" if close else f"Tillåtna fält: {', '.join(_allowed_fields(loc[:-1]))}."
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"Värdet {_shown(err)} ska vara ett heltal (hela kronor eller ett antal)."
    elif kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        message = f"Värdet {_shown(err)} ska vara ett datum."
        hint = "Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-07-01."
    elif kind in ("string_type",):
        message = f"Värdet {_shown(err)} ska vara text."
    elif kind == "bool_type" or kind == "bool_parsing":
        message = f"Värdet {_shown(err)} ska vara true eller false."
    elif kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        message = f"Värdet {_shown(err)} är inte tillåtet; välj ett av {allowed.replace(' or ', ', ')}."
    elif kind in ("list_type", "too_short"):
        message = "Här ska stå en lista med minst ett värde (rader som börjar med '-')."
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = "Här ska stå en samling fält (namn: värde), inte ett enskilt värde."
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"Värdet {_shown(err)} ligger utanför det tillåtna ({err['msg']})."
    elif kind == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"])).rstrip(".") + "."
        message = message[0].upper() + message[1:]
    else:
        message = f"Ogiltigt värde {_shown(err)} ({err['msg']})."
    return DrafterError(message, _where(path, positions, loc, field or None), hint)


def _shown(err: dict) -> str:
    value = err.get("input")
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def _where(path: Path, positions: Positions, loc: tuple, field: str | None = None) -> Where:
    for n in range(len(loc), -1, -1):
        if loc[:n] in positions:
            line, column = positions[loc[:n]]
            return Where(str(path), line, column, field or ".".join(map(str, loc)) or None)
    return Where(str(path), None, None, field)


def _allowed_fields(loc: tuple) -> list[str]:
    """The field names allowed at `loc`, by walking the pydantic models."""
    model: type[BaseModel] | None = Spec
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(str(part))
        model = _model_in(info.annotation) if info else None
    return sorted(model.model_fields) if model else []


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None
