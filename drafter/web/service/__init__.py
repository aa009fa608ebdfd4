"""The web page's one door into drafter: every call into the library goes through this package.

The web layer never checks, assembles or writes documents itself; it asks here, and here asks the
same functions the command line uses (load_spec, pipeline.prepare, build, write_new_spec, the clause
library, approve, compare). When the pipeline moves, only this package follows it. One module a concept:
project.py (the folder served, its name rules), specs.py (spec text, inspection, overview), new_specs.py
(new, renew, import), spec_approval.py (a spec's versions fastställda in one
decision), builds.py (build, download), previews.py, clause_library.py, compare.py. The web
layer calls them as `service.NAME`, so every name is handed on here.
"""

from drafter.web.service.builds import LOCK_NOTES, build_spec, last_build, manifest, output_file
from drafter.web.service.clause_library import (APPROVE_FIELDS, VersionRow, approve_clause, clause_ids, clause_notes,
                                                clause_versions)
from drafter.web.service.compare import clause_diff_html, compare_html
from drafter.web.service.new_specs import IMPORT_SUFFIXES, MAX_UPLOAD, FormError, import_document, new_spec, renew_spec
from drafter.web.service.previews import _previews, _previews_lock, document_text, preview, preview_documents, preview_page
from drafter.web.service.project import CLAUSE_ID, NAME, OUTPUT_FILE, NotFound, Project, kronor
from drafter.web.service.spec_approval import SpecApproved, SpecWaiting, approve_spec, spec_waiting
from drafter.web.service.specs import (Inspection, Overview, error_field, finding_clause, finding_line, inspect_text,
                                       overview, read_spec_text, save_spec, spec_names, spec_schema, unsaved)

__all__ = ["Project", "NotFound", "NAME", "CLAUSE_ID", "OUTPUT_FILE", "kronor", "spec_names", "read_spec_text",
           "Inspection", "inspect_text", "finding_line", "finding_clause", "error_field", "spec_schema", "save_spec", "unsaved",
           "Overview", "overview", "new_spec", "FormError", "renew_spec", "import_document", "IMPORT_SUFFIXES",
           "MAX_UPLOAD", "build_spec", "manifest", "output_file", "last_build", "LOCK_NOTES", "preview_documents",
           "preview", "preview_page", "document_text", "VersionRow", "clause_ids", "clause_notes", "clause_versions",
           "approve_clause", "APPROVE_FIELDS", "clause_diff_html", "compare_html",
           "spec_waiting", "approve_spec", "SpecWaiting", "SpecApproved",
           "_previews", "_previews_lock"]  # the preview cache, which tests/web/test_preview_memory.py empties
