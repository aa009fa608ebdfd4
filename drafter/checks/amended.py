"""The spec as it stands after each tillägg, for the checks that judge the tillägg against the nämnd's
decision (drafter/checks/decision.py) and the payments they make (drafter/checks/payment.py).

Those findings belong to the spec with its amendments, so they are made once: on the run over the
signed documents, not again on each amended state (pipeline._after_amendments) — `signed_run`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from drafter.checks.context import CheckContext
from drafter.errors import DrafterError
from drafter.spec.model import Amendment, Spec

__all__ = ["Amended", "amended_states", "signed_run"]


@dataclass
class Amended:
    """One amendment with the spec as it stands after it (None when its data does not validate)."""

    index: int
    amendment: Amendment
    spec: Spec | None


def signed_run(ctx: CheckContext) -> bool:
    """The amended states are checked again with only their addendum (pipeline._after_amendments);
    these findings belong to the spec with its amendments, so they are made once."""
    return not any(d.kind in ("addendum", "consolidated") for d in ctx.documents)


def amended_states(ctx: CheckContext) -> list[Amended]:
    """The spec's data after amendments 1..N, each `set:` carried out on a copy (the point changes
    change text, not data)."""
    from drafter.spec.load import validate_spec

    data = copy.deepcopy({k: v for k, v in ctx.loaded.data.items() if k != "amendments"})
    found = []
    for a, amendment in enumerate(ctx.spec.amendments):
        for change in amendment.changes:
            for key, value in (change.set or {}).items():
                _set(data, key, value)
        try:
            spec = validate_spec(ctx.loaded.path, copy.deepcopy(data), ctx.loaded.positions)
        except DrafterError:
            spec = None  # the amendment's data is reported by assembly (amendments.py)
        found.append(Amended(a, amendment, spec))
    return found


def _set(data: dict, key: str, value) -> None:
    target = data
    parts = [int(p) if p.isdigit() else p for p in key.split(".")]
    try:
        for part in parts[:-1]:
            target = target[part]
        target[parts[-1]] = copy.deepcopy(value)
    except (KeyError, IndexError, TypeError):
        return  # a path that does not exist stops assembly with its own message
