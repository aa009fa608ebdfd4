"""Warnings a spec keeps on purpose (`acknowledge:`): shown as acknowledged, never silently dropped.

One mechanism for every finding. An acknowledgement names the code and what the finding is about —
a spec field (`budget.months`) or a clause (`villkor/period@1`) — never a line, which moves with every
edit. Errors cannot be acknowledged; an acknowledgement that matches no finding any more is an info,
so none stays behind after its reason is gone.

An acknowledgement covers what its writer could see. A finding that a later approval brings
(`clause-approved-after-date` about a clause the spec names without a version, which follows every
new approval) did not exist when it was written, so only an acknowledgement naming that very version
(`about: villkor/uppsagning@2`) covers it; a blanket one, or one naming the clause without a version,
covers the versions the spec pins (`@N`, or its lock). In a slutlig agreement that is not locked, such
a finding is an error (drafter/checks/clauses.py: the build is refused), which nothing acknowledges;
what remains to acknowledge this way is a tillägg's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.checks.finding import Finding
from drafter.lazy_pattern import lazy

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import LoadedSpec


def acknowledge(loaded: "LoadedSpec", findings: list[Finding], library: "ClauseLibrary") -> list[Finding]:
    """`findings` with the spec's acknowledgements applied, and an info for each one left unused."""
    unused = []
    floats = _floating(loaded, library) if any(a.code in FOLLOWS_APPROVALS for a in loaded.spec.acknowledge) else None
    named = {a.about for a in loaded.spec.acknowledge if a.about and "@" in a.about}
    for i, ack in enumerate(loaded.spec.acknowledge):
        places = _places(loaded, ack.about, library)
        candidates = [f for f in findings if f.code == ack.code and f.severity != "error"]
        left_out: list[str] = []
        covered = 0  # clauses of grouped findings acknowledged one by one, the others left out
        if floats is not None and ack.code in FOLLOWS_APPROVALS and not (ack.about and "@" in ack.about):
            candidates, left_out, covered = _pinned_only(candidates, floats, places, ack.reason)
            left_out = [ref for ref in left_out if ref not in named]  # another acknowledgement names it
        # a grouped finding (details) stands at its document's outline line: with `about`, its clauses count
        matched = [f for f in candidates if places is None or (not f.details and f.where in places)]
        for finding in matched:
            finding.acknowledged = ack.reason
        key = "clause" if ack.about and "/" in ack.about else "where"
        in_groups = [d for f in candidates if f.details and places is not None
                     for d in f.details if d.get(key) in places]
        for detail in in_groups:  # one clause of a grouped finding: it counts for that clause
            detail["acknowledged"] = ack.reason
        where = loaded.where("acknowledge", i)
        place = f"{where.file}:{where.line}" if where.line else where.file
        if left_out:
            unused.append(Finding("acknowledge-unused", "info",
                                  f"Kvitteringen av {ack.code}" + (f" för {ack.about}" if ack.about else "")
                                  + " gäller inte " + ", ".join(left_out) + ": specen anger klausulen utan version, "
                                  "så fyndet kan komma av en fastställelse som gjordes efter kvitteringen. Skriv "
                                  "versionen i specen (@N), eller kvittera just den versionen (about: "
                                  f"{left_out[0]}).", place))
        elif not matched and not in_groups and not covered:
            unused.append(Finding("acknowledge-unused", "info",
                                  f"Kvitteringen av {ack.code}"
                                  + (f" för {ack.about}" if ack.about else "")
                                  + " gäller inget fynd längre (eller ett fel, som inte kan kvitteras); ta bort den.",
                                  place))
    for finding in findings:
        if finding.details and not finding.acknowledged:
            _settle_group(finding)
    return findings + unused


_REF = lazy(r"Klausulen (\S+@\d+)")
# Codes whose findings a later approval can bring to a clause the spec names without a version.
FOLLOWS_APPROVALS = ("clause-approved-after-date",)


def _floating(loaded: "LoadedSpec", library: "ClauseLibrary") -> tuple[set[str], set[str]]:
    """(spec places "file:line", clause ids) of the references written without a version and not locked."""
    from drafter.checks.context import CheckContext
    from drafter.checks.unpinned import floating

    refs = floating(CheckContext(loaded, library))
    places = set()
    for path, _ in refs:
        where = loaded.where(*path)
        places.add(f"{where.file}:{where.line}" if where.line else where.file)
    return places, {clause_id for _, clause_id in refs}


def _floats(where: object, clause: object, floats: tuple[set[str], set[str]]) -> bool:
    places, ids = floats
    named = clause if isinstance(clause, str) else where if isinstance(where, str) and "/" in where else None
    return where in places or (named is not None and named.partition("@")[0] in ids)


def _pinned_only(candidates: list[Finding], floats: tuple[set[str], set[str]], places: set[str] | None,
                 reason: str) -> tuple[list[Finding], list[str], int]:
    """`candidates` without what a blanket acknowledgement cannot cover: a finding about a clause that
    follows new approvals. A grouped finding with such clauses is taken out too; its other clauses (those
    `places` allows) are acknowledged one by one here, so it says how many are. Returns the findings
    kept, the refs left out and how many clauses were acknowledged here."""
    kept, left_out, covered = [], [], 0
    for finding in candidates:
        if finding.details:
            out = [d for d in finding.details if _floats(d.get("where"), d.get("clause"), floats)]
            if not out:
                kept.append(finding)
                continue
            left_out += [str(d.get("clause")) for d in out]
            for detail in finding.details:
                if detail not in out and (places is None or detail.get("clause") in places):
                    detail["acknowledged"] = reason
                    covered += 1
        elif _floats(finding.where, None, floats):
            named = _REF.search(finding.message)
            left_out.append(named.group(1) if named else finding.where)
        else:
            kept.append(finding)
    return kept, left_out, covered


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
