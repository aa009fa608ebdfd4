"""Which specs use which version of a clause: agreement and proposal outlines of every spec in a folder.

A pinned reference (`villkor/period@1`) uses that version; an unpinned one the newest fastställd
version, as the build resolves it.
"""

from __future__ import annotations

from pathlib import Path

from drafter.clauses.library import ClauseLibrary, ClauseNotFound
from drafter.errors import DrafterError

DOCUMENTS = {"outline": "överenskommelse", "proposal": "tjänsteutlåtande"}


def clause_usage(clause_id: str, library: ClauseLibrary, specs: list[Path],
                 problems: list[str] | None = None) -> dict[int, dict[str, list[str]]]:
    """{version: {spec file name: [documents]}}; specs that cannot be read are named in `problems`."""
    from drafter.spec.load import load_spec

    usage: dict[int, dict[str, list[str]]] = {}
    for path in sorted(specs):
        try:
            spec = load_spec(path).spec
        except DrafterError as exc:
            if problems is not None:
                problems.append(f"{path}: kunde inte läsas ({exc.message})")
            continue
        outlines = [("outline", spec.outline)] + ([("proposal", spec.proposal.outline)] if spec.proposal else [])
        for document, items in outlines:
            for ref in _refs(items):
                found_id, _, pinned = ref.partition("@")
                if found_id != clause_id:
                    continue
                try:
                    version = int(pinned) if pinned else library.get(found_id).version
                except ClauseNotFound:
                    continue
                documents = usage.setdefault(version, {}).setdefault(path.name, [])
                if DOCUMENTS[document] not in documents:
                    documents.append(DOCUMENTS[document])
    return usage


def _refs(items) -> list[str]:
    refs = []
    for item in items:
        if item.clause:
            refs.append(item.clause)
        refs += _refs(item.sections)
    return refs
