"""Warnings a spec keeps on purpose (`acknowledge:`): shown as acknowledged, never silently dropped.

One mechanism for every finding. An acknowledgement names the code and what the finding is about —
a spec field (`budget.months`) or a clause (`villkor/period@1`) — never a line, which moves with every
edit. Errors cannot be acknowledged; an acknowledgement that matches no finding any more is an info,
so none stays behind after its reason is gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.checks.finding import Finding

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import LoadedSpec


def acknowledge(loaded: "LoadedSpec", findings: list[Finding], library: "ClauseLibrary") -> list[Finding]:
    """`findings` with the spec's acknowledgements applied, and an info for each one left unused."""
    unused = []
    for i, ack in enumerate(loaded.spec.acknowledge):
        places = _places(loaded, ack.about, library)
        matched = [f for f in findings if f.code == ack.code and f.severity != "error"
                   and (places is None or f.where in places)]
        for finding in matched:
            finding.acknowledged = ack.reason
        if not matched:
            where = loaded.where("acknowledge", i)
            unused.append(Finding("acknowledge-unused", "info",
                                  f"Kvitteringen av {ack.code}"
                                  + (f" för {ack.about}" if ack.about else "")
                                  + " gäller inget fynd längre (eller ett fel, som inte kan kvitteras); ta bort den.",
                                  f"{where.file}:{where.line}" if where.line else where.file))
    return findings + unused


def _places(loaded: "LoadedSpec", about: str | None, library: "ClauseLibrary") -> set[str] | None:
    """Where findings about `about` point: "file:line" of a spec field, or "id@version" of a clause."""
    if about is None:
        return None
    if "/" in about:  # a clause: id@version, or every version of the id; and the spec lines that use it
        from drafter.checks.context import CheckContext

        clause_id, _, version = about.partition("@")
        places = {about} if version else {f"{clause_id}@{n}" for n in range(1, 100)}
        for path, ref in CheckContext(loaded, library).clause_refs:
            ref_id, _, ref_version = ref.partition("@")
            if ref_id == clause_id and (not version or ref_version in ("", version)):
                where = loaded.where(*path)
                places.add(f"{where.file}:{where.line}")
        return places
    path = tuple(int(part) if part.isdigit() else part for part in about.split("."))
    where = loaded.where(*path)
    return {f"{where.file}:{where.line}"} if where.line else {where.file}
