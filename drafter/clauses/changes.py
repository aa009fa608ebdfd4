"""Drafts float, visibly: the clause versions a build resolved, against those of the previous build.

A plain clause id in a spec that is not locked means "the newest fastställd version", so an approval
changes the next build of every such spec. The previous build's manifest (output/<spec>/manifest.json)
records the versions it used; each clause whose versions differ is told as an `info` finding
("villkor/period: v1 → v2"), which `drafter build` prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks.finding import Finding

if TYPE_CHECKING:
    from drafter.spec.load import LoadedSpec


def _versions(clauses: list[dict]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for c in clauses:
        if isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("version"), int):
            out.setdefault(c["id"], []).append(c["version"])
    return {k: sorted(set(v)) for k, v in out.items()}


def _shown(versions: list[int]) -> str:
    return ", ".join(f"v{v}" for v in versions)


def version_changes(spec_path: Path, loaded: "LoadedSpec", folder: Path, clauses: list[dict]) -> list[Finding]:
    """One finding per clause whose versions differ from the previous build's (none without one)."""
    from drafter.output import read_manifest

    previous = read_manifest(folder)
    if not isinstance(previous, dict) or not isinstance(previous.get("clauses"), list):
        return []
    before, now = _versions(previous["clauses"]), _versions(clauses)
    from drafter.lockfile import lock_path

    final = loaded.spec.document.status == "slutlig" and not lock_path(spec_path).exists()
    out = []
    for clause_id in sorted(set(before) & set(now)):
        if before[clause_id] != now[clause_id]:
            out.append(Finding(
                "clause-version-changed", "info",
                f"{clause_id}: {_shown(before[clause_id])} → {_shown(now[clause_id])} (mot förra bygget)"
                + ("; dokumentet är slutligt men inte låst: lås det med `drafter lock` när det undertecknas, "
                   "så ändras det inte av senare fastställelser" if final else ""),
                spec_path.as_posix()))
    return out
