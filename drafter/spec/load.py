"""Read a spec file into a validated `Spec`, or fail with Swedish messages naming file, line and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from drafter.errors import DrafterError, Where
from drafter.spec.model import OUTLINE_TAGS, Spec
from drafter.spec.party_names import party_of
from drafter.spec.placeholders import Placeholder, replace_placeholders
from drafter.validation import _allowed_fields, swedish_message
from drafter.spec.yaml_reader import Positions, read_yaml


@dataclass
class LoadedSpec:
    path: Path
    spec: Spec
    positions: Positions
    placeholders: list[Placeholder] = field(default_factory=list)  # left for the user to fill in
    data: dict = field(default_factory=dict)  # as read (stand-ins in place): the base of amended states
    # what a slutlig spec was last made with (its lock, its previous build): which version of a standard
    # outline named without one it takes (drafter/clauses/outline_versions.py)
    records: list = field(default_factory=list)

    def where(self, *field: str | int) -> Where:
        """The file position of a field path, e.g. where("budget", "rows", 2)."""
        return where_in(self.path, self.positions, tuple(field), data=self.data)


class SpecErrors(DrafterError):
    """Several input errors in one file, each its own line."""

    def __init__(self, errors: list[DrafterError]):
        super().__init__(errors[0].message, errors[0].where, errors[0].hint)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def validate_spec(path: Path, data: dict, positions: Positions) -> Spec:
    """Validate spec data (e.g. a state after amendments), errors in Swedish at `positions`."""
    try:
        return Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecErrors(_without_misspelt_missing([_translate(path, positions, e, data) for e in exc.errors()])) from None


def load_spec(path: Path | str, data: bytes | None = None) -> LoadedSpec:
    """`data`: the file's bytes when the caller has read them (and hashed them) already."""
    path = Path(path)
    raw, positions = read_yaml(path, data)
    if not isinstance(raw, dict):
        raise DrafterError(
            "Specen ska vara en samling fält (document:, parties:, period: …), inte en lista eller ett enskilt värde.",
            Where(str(path), 1, 1),
        )
    filled, placeholders = replace_placeholders(raw)
    spec = validate_spec(path, filled, positions)
    return LoadedSpec(path, spec, positions, placeholders, filled)


def _without_misspelt_missing(errors: list[tuple[ErrorDetails, DrafterError]]) -> list[DrafterError]:
    """A misspelt field is reported once, as unknown with "Menade du 'end'?", not also as missing:
    judged from pydantic's error types and the field names, never from the Swedish messages."""
    suggested: set[tuple[int | str, ...]] = set()
    for err, _ in errors:
        loc = err["loc"]
        if err["type"] == "extra_forbidden" and loc:
            import difflib  # only for a field that does not exist

            close = difflib.get_close_matches(str(loc[-1]), _allowed_fields(Spec, loc[:-1]), n=1, cutoff=0.6)
            suggested.update((*loc[:-1], name) for name in close)
    return [e for err, e in errors if not (err["type"] == "missing" and tuple(err["loc"]) in suggested)]


def _translate(path: Path, positions: Positions, err: ErrorDetails, data: dict) -> tuple[ErrorDetails, DrafterError]:
    loc = tuple(p for i, p in enumerate(err["loc"]) if not (p in OUTLINE_TAGS and i and err["loc"][i - 1] == "outline"))
    if err["type"] == "whole_number" and "key" in err.get("ctx", {}):  # a figure: its own line (spec/numbers.py)
        loc = (*loc, err["ctx"]["key"])
    err = {**err, "loc": loc}
    message, hint = swedish_message(err, Spec)
    return err, DrafterError(message, where_in(path, positions, loc, ".".join(map(str, loc)) or None, data), hint)


def where_in(path: Path, positions: Positions, loc: tuple, field: str | None = None, data: object = None) -> Where:
    """The position of a field path in a YAML file read by yaml_reader (the nearest written parent);
    with the spec `data`, a field under `parties.N` names its party ("part 2, Street Minds")."""
    party = party_of(data, loc) if data is not None else None
    for n in range(len(loc), -1, -1):
        if loc[:n] in positions:
            line, column = positions[loc[:n]]
            return Where(str(path), line, column, field or ".".join(map(str, loc)) or None, party)
    return Where(str(path), None, None, field, party)


