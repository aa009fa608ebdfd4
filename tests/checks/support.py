"""Helpers for the check tests: a spec (a mutation of the example) and a clause library with extra clauses."""

import shutil
from pathlib import Path

from drafter.pipeline import check_spec
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, write_spec

APPROVAL = "approval: {by: Socialnämnden, date: 2026-05-01}\n"


def spec_file(tmp_path: Path, data: dict, name: str = "spec.yaml") -> Path:
    """Write the spec; the spec it renews (`renews:`) is copied beside it when it is one of agreements/."""
    renews = data.get("renews")
    if renews and (EXAMPLE.parent / renews).is_file() and not (tmp_path / renews).exists():
        shutil.copy(EXAMPLE.parent / renews, tmp_path / renews)
    return write_spec(tmp_path, data, name)


def library_with(tmp_path: Path, clauses: dict[str, str], status: str = "fastställd") -> Path:
    """A copy of the clause library plus clauses {"test/x": body} as version 1 with `status`."""
    root = tmp_path / "clauses"
    if not root.exists():
        shutil.copytree(CLAUSES, root)
    for clause_id, body in clauses.items():
        folder = root / clause_id
        folder.mkdir(parents=True, exist_ok=True)
        approval = APPROVAL if status == "fastställd" else ""
        (folder / "v1.md").write_text(
            f"---\nheading: Test\nversion: 1\nstatus: {status}\n{approval}rationale: Test.\n---\n{body}\n",
            encoding="utf-8")
    return root


def partnership_clause(root: Path, clause_id: str, body: str, partnership: str = "street-minds") -> None:
    """A fastställd clause of a partnership's own (as an import writes one): its facts are the
    partnership's, typed by hand, and the checks of a renewal's stale facts read it."""
    folder = root / clause_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "v1.md").write_text(
        f"---\nheading: Test\nversion: 1\nstatus: fastställd\n{APPROVAL}rationale: Test.\n"
        f"partnership: {partnership}\n---\n{body}\n", encoding="utf-8")


def findings(spec: Path, clauses: Path = CLAUSES):
    return check_spec(load_spec(spec), ClauseLibrary(clauses))


def of(found, code):
    return [f for f in found if f.code == code]


def line_of(path: Path, text: str, after: str | None = None) -> str:
    """"path:line" of the first line holding `text` (after the first line holding `after`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    n = next(i for i, line in enumerate(lines) if i >= start and text in line) + 1
    return f"{path}:{n}"
