"""The web page's one door into drafter: every call into the library goes through this module.

The web layer never checks, assembles or writes documents itself; it asks here, and here asks the
same functions the command line uses (load_spec, pipeline.prepare, build, write_new_spec, the clause
library, approve, compare). When the pipeline moves, only this module follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError
from drafter.web.service.builds import LOCK_NOTES, build_spec, last_build, manifest, output_file
from drafter.web.service.new_specs import IMPORT_SUFFIXES, MAX_UPLOAD, FormError, import_document, new_spec, renew_spec
from drafter.web.service.previews import (
    _previews, _previews_lock, document_text, preview, preview_documents,
    preview_page)
from drafter.web.service.project import CLAUSE_ID, NAME, OUTPUT_FILE, NotFound, Project, kronor
from drafter.web.service.specs import (
    Inspection, Overview, error_field, finding_clause, finding_line,
    inspect_text, overview, read_spec_text, save_spec, spec_names, spec_schema)


# --- specs -----------------------------------------------------------------------------------------


# --- overview --------------------------------------------------------------------------------------


# --- build and download ----------------------------------------------------------------------------


# --- preview ---------------------------------------------------------------------------------------


# --- clause library --------------------------------------------------------------------------------

@dataclass
class VersionRow:
    ref: str
    version: int
    heading: str
    status: str
    approval: str
    rationale: str
    used_in: list[str]


def clause_ids(project: Project) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """(id, newest heading, [(version, status)]) of every clause in the library."""
    library = project.library()
    out = []
    for clause_id in library.ids():
        try:
            versions = library.versions(clause_id)
        except DrafterError:
            continue
        out.append((clause_id, versions[-1].meta.heading, [(v.version, v.meta.status) for v in versions]))
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
        a = v.meta.approval
        rows.append(VersionRow(v.ref, v.version, v.meta.heading, v.meta.status,
                               f"{a.by}, {a.date.isoformat()}" if a else "–", v.meta.rationale,
                               [f"{spec} ({', '.join(docs)})" for spec, docs in usage.get(v.version, {}).items()]))
    return rows


def clause_diff_html(project: Project, clause_id: str, old: int, new: int) -> str:
    """The HTML report of `drafter clauses diff ID OLD NEW --format html`."""
    from drafter.clauses.approve import find_version
    from drafter.diff.html_format import clause_html
    from drafter.diff.report import clause_report
    from drafter.language.measure import change_line, measure_clause

    if not CLAUSE_ID.fullmatch(clause_id or ""):
        raise NotFound(f"'{clause_id}' är inget giltigt klausul-id.")
    library = project.library()
    older, newer = find_version(library, f"{clause_id}@{old}"), find_version(library, f"{clause_id}@{new}")
    readability = change_line(measure_clause(older.body), measure_clause(newer.body), f"v{older.version}",
                              f"v{newer.version}")
    return clause_html(clause_report(older, newer), readability)


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


def compare_html(project: Project, old: str, new: str, kind: str = "agreement", old_text: str = "standing") -> str:
    """The HTML report of `drafter compare OLD NEW --format html` (--lydelse: `old_text`, "standing" as
    the command's default, or "signed"), the specs named as the project shows them."""
    from drafter.comparison import comparison_of
    from drafter.diff.html_format import comparison_html

    if kind not in ("agreement", "proposal"):
        raise NotFound("Välj överenskommelsen eller tjänsteutlåtandet.")
    if old_text not in ("standing", "signed"):
        raise NotFound("Välj den gällande lydelsen eller den undertecknade.")
    paths = [project.existing_spec(old), project.existing_spec(new)]
    labels = (Path(project.shown(paths[0])), Path(project.shown(paths[1])))
    return comparison_html(*comparison_of(paths[0], paths[1], kind, project.library(), old_text, labels))


__all__ = ["Project", "NotFound", "NAME", "CLAUSE_ID", "OUTPUT_FILE", "kronor", "spec_names", "read_spec_text",
           "Inspection", "inspect_text", "finding_line", "finding_clause", "error_field", "spec_schema", "save_spec",
           "Overview", "overview", "new_spec", "FormError", "renew_spec", "import_document", "IMPORT_SUFFIXES",
           "MAX_UPLOAD", "build_spec", "manifest", "output_file", "last_build", "LOCK_NOTES", "preview_documents",
           "preview", "preview_page", "document_text", "VersionRow", "clause_ids", "clause_notes", "clause_versions",
           "approve_clause", "APPROVE_FIELDS", "clause_diff_html", "compare_html", "_previews", "_previews_lock"]
