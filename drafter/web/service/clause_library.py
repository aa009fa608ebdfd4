"""The clause library as the web page shows it: every clause, what a reference brings in, each
version with its approval and where it is used, and approving a version as `drafter clauses approve` does."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.errors import DrafterError
from drafter.web.service.project import CLAUSE_ID, NotFound, Project


@dataclass
class VersionRow:
    ref: str
    version: int
    heading: str
    status: str
    approval: str
    rationale: str
    used_in: list[str]


def clause_ids(project: Project) -> list[tuple[str, str, list[tuple[int, str, str]]]]:
    """(id, newest heading, [(version, status, for whom it is fastställd)]) of every clause in the library."""
    from drafter.clauses.scope import scope_of
    from drafter.swedish.names import lista

    library = project.library()
    out = []
    for clause_id in library.ids():
        try:
            versions = library.versions(clause_id)
        except DrafterError:
            continue
        out.append((clause_id, versions[-1].meta.heading, [(v.version, v.meta.status, lista(
            [scope_of(a).describe() for a in v.meta.all_approvals])) for v in versions]))
    return out


def clause_notes(project: Project) -> dict[str, str]:
    """What a clause reference brings in, for the outline's entries: heading, version, status, rationale.
    Keys: every "id@version" and every "id" (which the build resolves to the newest fastställd version)."""
    library = project.library()
    notes: dict[str, str] = {}
    for clause_id in library.ids():
        try:
            versions = library.versions(clause_id)
        except DrafterError:
            continue
        for v in versions:
            notes[f"{clause_id}@{v.version}"] = (f"{v.meta.heading} – version {v.version}, {v.meta.status}. "
                                                 f"Motivering: {v.meta.rationale}")
        approved = [v for v in versions if v.meta.status == "fastställd"]
        newest = approved[-1] if approved else None
        notes[clause_id] = (f"{newest.meta.heading} – senaste fastställda versionen, {newest.version}. "
                            f"Motivering: {newest.meta.rationale}") if newest else (
            f"{versions[-1].meta.heading} – ingen version är fastställd än; ange en version (id@version).")
    return notes


def clause_versions(project: Project, clause_id: str) -> list[VersionRow]:
    from drafter.clauses.approve import find_version
    from drafter.comparison import clause_usage

    if not CLAUSE_ID.fullmatch(clause_id or ""):
        raise NotFound(f"'{clause_id}' är inget giltigt klausul-id.")
    library = project.library()
    try:
        versions = library.versions(clause_id)
    except DrafterError as exc:
        raise NotFound(exc.message, hint=exc.hint) from None
    specs = sorted(project.agreements.glob("*.yaml")) if project.agreements.is_dir() else []
    usage = clause_usage(clause_id, library, [s for s in specs if not s.name.startswith(".")], [])
    rows = []
    for v in versions:
        v = find_version(library, v.ref)
        approvals = "; ".join(a.describe() for a in v.meta.all_approvals)  # by, date, §, for whom: each one
        rows.append(VersionRow(v.ref, v.version, v.meta.heading, v.meta.status, approvals or "–", v.meta.rationale,
                               [f"{spec} ({', '.join(docs)})" for spec, docs in usage.get(v.version, {}).items()]))
    return rows


APPROVE_FIELDS = {"by": "”Fastställd av”", "organisation": "”Kommun eller region”",
                  "committee": "”Bara för nämnden”"}  # an approval's fields, as the form labels them


def approve_clause(project: Project, ref: str, by: str, date_text: str | None, organisation: str | None = None,
                   committee: str | None = None, paragraph: str | None = None, dnr: str | None = None) -> str:
    """`drafter clauses approve REF --av BY --datum DATE --för … --för-nämnd … --paragraf … --dnr …`,
    with its rules and messages."""
    from drafter.clauses.approve import ApprovalFieldError, approve, parse_date

    try:
        approved = approve(project.library(), ref, by, parse_date(date_text or None), organisation or None,
                           committee or None, paragraph or None, dnr or None)
    except ApprovalFieldError as exc:
        raise exc.named(APPROVE_FIELDS, lambda label, example: f"{label}: {example}" if example else label) from None
    approval = approved.meta.all_approvals[-1]  # this one: a version may be approved for several
    return (f"{approved.ref} fastställd av {approval.describe()}; "
            f"texten (sha256 {approved.sha256[:12]}…) är införd i clauses/approvals.lock.")
