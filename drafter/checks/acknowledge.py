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
        candidates = [f for f in findings if f.code == ack.code and f.severity != "error"]
        # a grouped finding (details) stands at its document's outline line: with `about`, its clauses count
        matched = [f for f in candidates if places is None or (not f.details and f.where in places)]
        for finding in matched:
            finding.acknowledged = ack.reason
        key = "clause" if ack.about and "/" in ack.about else "where"
        in_groups = [d for f in candidates if f.details and places is not None
                     for d in f.details if d.get(key) in places]
        for detail in in_groups:  # one clause of a grouped finding: it counts for that clause
            detail["acknowledged"] = ack.reason
        if not matched and not in_groups:
            where = loaded.where("acknowledge", i)
            unused.append(Finding("acknowledge-unused", "info",
                                  f"Kvitteringen av {ack.code}"
                                  + (f" för {ack.about}" if ack.about else "")
                                  + " gäller inget fynd längre (eller ett fel, som inte kan kvitteras); ta bort den.",
                                  f"{where.file}:{where.line}" if where.line else where.file))
    for finding in findings:
        if finding.details and not finding.acknowledged:
            _settle_group(finding)
    return findings + unused


def _settle_group(finding: Finding) -> None:
    """A grouped finding stays one line: acknowledged when every clause in it is, else it says how many are."""
    assert finding.details is not None
    reasons = list(dict.fromkeys(d["acknowledged"] for d in finding.details if d.get("acknowledged")))
    kept = sum(1 for d in finding.details if d.get("acknowledged"))
    if not kept:
        return
    if kept == len(finding.details):
        finding.acknowledged = "; ".join(reasons)
        return
    said = "; ".join(r.rstrip(". ") for r in reasons)
    finding.message += (f" {kept} av {len(finding.details)} är {'kvitterad' if kept == 1 else 'kvitterade'} "
                        f"i specen ({said}); de övriga är inte det.")


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
