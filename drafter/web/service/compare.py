"""The HTML reports of `drafter clauses diff` and `drafter compare`, for the web page's compare pages."""

from __future__ import annotations

from pathlib import Path

from drafter.web.service.project import CLAUSE_ID, NotFound, Project


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
