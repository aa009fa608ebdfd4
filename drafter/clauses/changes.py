"""Drafts float, visibly: the clause versions a build resolved, against those of the previous build.

A plain clause id in a spec that is not locked means "the newest fastställd version", so an approval
changes the next build of every such spec. The previous build's manifest (output/<spec>/manifest.json)
records the versions it used; each clause whose versions differ is told as an `info` finding
("villkor/period: v1 → v2"), which `drafter build` prints. When the documents of one spec use
different versions of a clause (the agreement pins v2, an amendment brings v3), the finding says
which document uses which version, from the model ("nu även v3, i tillägg nr 1").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks.finding import Finding

if TYPE_CHECKING:
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec


def _versions(clauses: list[dict]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for c in clauses:
        if isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("version"), int):
            out.setdefault(c["id"], []).append(c["version"])
    return {k: sorted(set(v)) for k, v in out.items()}


def _shown(versions: list[int]) -> str:
    return ", ".join(f"v{v}" for v in versions)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def _label(doc: "Document") -> str:
    from drafter.checks.finding import document_label

    return "den konsoliderade överenskommelsen" if doc.kind == "consolidated" else document_label(doc.kind, doc.part)


def _users(documents: list["Document"], loaded: "LoadedSpec") -> dict[tuple[str, int], list[str]]:
    """Which documents (as a reader names them, in build order) use each clause version. A tillägg
    quotes the new wording without its sections: its clauses are those its changes in the spec name
    (a plain id: the version the consolidated agreement after it uses)."""
    out: dict[tuple[str, int], list[str]] = {}

    def add(key: tuple[str, int], name: str) -> None:
        if name not in out.setdefault(key, []):
            out[key].append(name)

    consolidated = {(s.clause.id, s.clause.version) for doc in documents if doc.kind == "consolidated"
                    for s in doc.walk_sections() if s.clause}
    amendments = {str(a.number): a for a in loaded.spec.amendments}
    for doc in documents:
        for section in doc.walk_sections():
            if section.clause:
                add((section.clause.id, section.clause.version), _label(doc))
        amendment = amendments.get(doc.part) if doc.kind == "addendum" else None
        for change in amendment.changes if amendment else []:
            if change.clause:
                clause_id, _, pinned = change.clause.partition("@")
                versions = [int(pinned)] if pinned else sorted(v for c, v in consolidated if c == clause_id)[-1:]
                for version in versions:
                    add((clause_id, version), _label(doc))
    return out


def _change(clause_id: str, before: list[int], now: list[int], users: dict[tuple[str, int], list[str]]) -> str:
    """"v1 → v2" when one version replaced another; otherwise what was added, dropped and kept, by document."""
    if len(before) == 1 and len(now) == 1:
        return f"{_shown(before)} → {_shown(now)} (mot förra bygget)"

    def where(version: int, comma: str = ",") -> str:
        names = users.get((clause_id, version))
        return f"{comma} i {_and(names)}" if names else ""

    kept = [v for v in now if v in before]
    parts = [f"{'nu även' if kept else 'nu'} v{v}{where(v)}" for v in now if v not in before]
    parts += [f"v{v} används inte längre" for v in before if v not in now]
    parts += [f"v{v} kvar{where(v, comma='')}" for v in kept]
    return f"förra bygget använde {_and([f'v{v}' for v in before])}; " + "; ".join(parts)


def version_changes(spec_path: Path, loaded: "LoadedSpec", folder: Path, clauses: list[dict],
                    documents: list["Document"] | None = None) -> list[Finding]:
    """One finding per clause whose versions differ from the previous build's (none without one);
    `documents` (the model built) name which document uses which version when they differ."""
    from drafter.output import read_manifest

    previous = read_manifest(folder)
    if not isinstance(previous, dict) or not isinstance(previous.get("clauses"), list):
        return []
    before, now = _versions(previous["clauses"]), _versions(clauses)
    from drafter.lockfile import lock_path

    final = loaded.spec.document.status == "slutlig" and not lock_path(spec_path).exists()
    users = _users(documents or [], loaded)
    out = []
    for clause_id in sorted(set(before) & set(now)):
        if before[clause_id] != now[clause_id]:
            out.append(Finding(
                "clause-version-changed", "info",
                f"{clause_id}: {_change(clause_id, before[clause_id], now[clause_id], users)}"
                + ("; dokumentet är slutligt men inte låst: lås det med `drafter lock` när det undertecknas, "
                   "så ändras det inte av senare fastställelser" if final else ""),
                spec_path.as_posix()))
    return out
