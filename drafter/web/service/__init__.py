"""The web page's one door into drafter: every call into the library goes through this module.

The web layer never checks, assembles or writes documents itself; it asks here, and here asks the
same functions the command line uses (load_spec, pipeline.prepare, build, write_new_spec, the clause
library, approve, compare). When the pipeline moves, only this module follows it.
"""

from __future__ import annotations

from pathlib import Path

from drafter.web.service.builds import LOCK_NOTES, build_spec, last_build, manifest, output_file
from drafter.web.service.clause_library import (APPROVE_FIELDS, VersionRow, approve_clause, clause_ids, clause_notes,
                                                clause_versions)
from drafter.web.service.new_specs import IMPORT_SUFFIXES, MAX_UPLOAD, FormError, import_document, new_spec, renew_spec
from drafter.web.service.previews import _previews, _previews_lock, document_text, preview, preview_documents, preview_page
from drafter.web.service.project import CLAUSE_ID, NAME, OUTPUT_FILE, NotFound, Project, kronor
from drafter.web.service.specs import (Inspection, Overview, error_field, finding_clause, finding_line, inspect_text,
                                       overview, read_spec_text, save_spec, spec_names, spec_schema)


# --- specs -----------------------------------------------------------------------------------------


# --- overview --------------------------------------------------------------------------------------


# --- build and download ----------------------------------------------------------------------------


# --- preview ---------------------------------------------------------------------------------------


# --- clause library --------------------------------------------------------------------------------


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
