"""Drafts float, visibly: the clause versions a build resolved, against those of the previous build.

A plain clause id in a spec that is not locked means "the newest fastställd version", so an approval
changes the next build of every such spec. The previous build's manifest (output/<spec>/manifest.json)
records the versions it used; each clause whose versions differ is told as an `info` finding
("villkor/period: v1 → v2"), which `drafter build` prints. When the documents of one spec use
different versions of a clause (the agreement pins v2, an amendment brings v3), the finding says
which document uses which version, from the model ("nu även v3, i tillägg nr 1").

A signed document is a legal fact: in a spec whose documents are slutliga, a document whose clause
versions differ from those its previous slutlig build used is an error, and the build is refused
(`drafter build` writes nothing), whatever moved it: a later approval, or an edit of the spec. The
manifest records each document's versions (`document_clauses`) and the status it was built with; a
manifest from before then has only the spec's versions, so a version no longer used is what counts.
The consolidated agreement is not signed and a tillägg is locked on its own when it is signed (until
then it may be a draft in a slutlig spec): neither is refused; the agreement and the proposal are.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks.finding import Finding
from drafter.swedish.format import uppraknat

UNSIGNED = ("overenskommelse-konsoliderad",)  # document names (drafter/lockfile.py) nobody signs
# A tillägg is written while the spec stays slutlig, and each is locked on its own when it is signed
# (drafter/lockfile.py): an unlocked one may still be a draft, so its versions may change (told as info).
DRAFTED_LATER = "tillagg-"

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
        return f"{comma} i {uppraknat(names)}" if names else ""

    kept = [v for v in now if v in before]
    parts = [f"{'nu även' if kept else 'nu'} v{v}{where(v)}" for v in now if v not in before]
    parts += [f"v{v} används inte längre" for v in before if v not in now]
    parts += [f"v{v} kvar{where(v, comma='')}" for v in kept]
    return f"förra bygget använde {uppraknat([f'v{v}' for v in before])}; " + "; ".join(parts)


def document_versions(documents: list["Document"]) -> dict[str, list[str]]:
    """Each document's clause versions as the manifest records them: {"overenskommelse": ["villkor/period@2", …]}."""
    from drafter.lockfile import document_name

    out: dict[str, list[str]] = {}
    for doc in documents:
        refs = {(s.clause.id, s.clause.version) for s in doc.walk_sections() if s.clause}
        out[document_name(doc)] = [f"{i}@{v}" for i, v in sorted(refs)]
    return out


def _by_id(refs: object) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for ref in refs if isinstance(refs, list) else []:
        clause_id, _, version = str(ref).rpartition("@")
        if clause_id and version.isdigit():
            out.setdefault(clause_id, []).append(int(version))
    return {k: sorted(set(v)) for k, v in out.items()}


def _refused(loaded: "LoadedSpec", previous: dict, before: dict[str, list[int]], now: dict[str, list[int]],
             documents: list["Document"]) -> dict[str, Finding]:
    """{clause id: error} for each clause whose versions changed in a signed document of a slutlig spec."""
    from drafter.checks.context import CheckContext
    from drafter.lockfile import document_name

    if loaded.spec.document.status != "slutlig" or previous.get("status", "slutlig") != "slutlig":
        return {}
    labels = {document_name(d): _label(d) for d in documents}
    ctx = CheckContext(loaded, None)  # type: ignore[arg-type]  # only the spec's own references are read
    changed: dict[str, list[tuple[str, list[int], list[int]]]] = {}  # id: [(document, was, now)]
    recorded = previous.get("document_clauses")
    if isinstance(recorded, dict):
        for name, refs in document_versions(documents).items():
            if name in UNSIGNED or name.startswith(DRAFTED_LATER) or name not in recorded:
                continue  # not signed, or a tillägg (locked when signed), or new
            was, now = _by_id(recorded[name]), _by_id(refs)
            for clause_id in sorted(set(was) & set(now)):
                if was[clause_id] != now[clause_id]:
                    changed.setdefault(clause_id, []).append((labels[name], was[clause_id], now[clause_id]))
    else:  # a manifest from before per-document versions: a version the spec's documents no longer use
        for clause_id in sorted(set(before) & set(now)):
            if any(v not in now[clause_id] for v in before[clause_id]):
                changed.setdefault(clause_id, []).append(("dokumentet", before[clause_id], now[clause_id]))
    out = {}
    for clause_id, where in changed.items():
        old = where[0][1]
        pin = f"{clause_id}@{old[0]}" if len(old) == 1 else f"{clause_id}@N (en av {_shown(old)})"
        said = "; ".join(f"{name}: {_shown(w)} → {_shown(n)}" for name, w, n in where)
        out[clause_id] = Finding(
            "clause-version-changed", "error",
            f"{clause_id} ändras i ett slutligt dokument ({said}, mot förra bygget). Dokumentet är slutligt "
            "(document.status: slutlig), och ett undertecknat dokument får inte få en ny text av att en senare "
            f"version fastställs. Skriv {pin} i specen, den version dokumentet byggdes med, och lås det med "
            "`drafter lock`; ska texten ändras, gör det i ett tillägg (amendments:). Är dokumentet ännu inte "
            "undertecknat, sätt document.status: utkast. Inga dokument skrevs.",
            ctx.where_clause_used(clause_id, where[0][2][-1]))
    return out


def version_changes(spec_path: Path, loaded: "LoadedSpec", folder: Path, clauses: list[dict],
                    documents: list["Document"] | None = None) -> list[Finding]:
    """One finding per clause whose versions differ from the previous build's (none without one);
    `documents` (the model built) name which document uses which version when they differ. In a
    slutlig spec a change in a signed document is an error, which refuses the build."""
    from drafter.output import read_manifest

    previous = read_manifest(folder)
    if not isinstance(previous, dict) or not isinstance(previous.get("clauses"), list):
        return []
    before, now = _versions(previous["clauses"]), _versions(clauses)
    from drafter.lockfile import lock_path

    final = loaded.spec.document.status == "slutlig" and not lock_path(spec_path).exists()
    users = _users(documents or [], loaded)
    refused = _refused(loaded, previous, before, now, documents or [])
    out = []
    for clause_id in sorted(set(before) & set(now)):
        if clause_id in refused:
            out.append(refused[clause_id])
        elif before[clause_id] != now[clause_id]:
            out.append(Finding(
                "clause-version-changed", "info",
                f"{clause_id}: {_change(clause_id, before[clause_id], now[clause_id], users)}"
                + ("; dokumentet är slutligt men inte låst: lås det med `drafter lock` när det undertecknas, "
                   "så ändras det inte av senare fastställelser" if final else ""),
                spec_path.as_posix()))
    return out
