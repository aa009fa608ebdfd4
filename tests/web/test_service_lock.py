"""The web page holds a locked spec to its lock as `drafter check` does (trial3 item 3): the live check,
the preview and the Översikt of agreements/NAME.yaml read agreements/NAME.lock, though the page checks a
temporary copy of the text."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.web import service
from helpers import copy_examples, new_clause_version, signed_example

NAME = "street-minds-2026"
SPEC = f"agreements/{NAME}.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    result = CliRunner().invoke(main, ["lock", SPEC])
    assert result.exit_code == 0, result.output
    return service.Project(tmp_path)


def edited(project) -> str:
    text = (project.agreements / f"{NAME}.yaml").read_text(encoding="utf-8")
    assert "{item: Aktiviteter, amount: 57000}" in text
    return text.replace("{item: Aktiviteter, amount: 57000}", "{item: Aktiviteter, amount: 67000}")


def test_the_live_check_shows_the_lock_error_check_gives(project):
    text = edited(project)
    result = service.inspect_text(project, NAME, text)
    lock = [f for f in result.findings if f.code.startswith("lock-")]
    assert [(f.code, f.severity) for f in lock] == [("lock-text", "error")]
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "amount: 67000" in row)
    assert lock[0].where == f"{SPEC}:{line}"  # the spec's own name and line, never the temporary copy's
    assert "budget.rows.3.amount" in lock[0].message and "utkast" not in lock[0].message
    assert service.finding_line(lock[0]) == line  # the panel links it to the field
    (project.agreements / f"{NAME}.yaml").write_text(text, encoding="utf-8")  # saved: `check` says the same
    check = CliRunner().invoke(main, ["check", SPEC])
    assert f"fel [lock-text] {SPEC}:{line} (överenskommelsen): {lock[0].message}" in check.output
    errors = [row for row in check.output.splitlines() if row.startswith("fel [")]
    assert len(errors) >= 1 and [r.errors for r in service.overview(project) if r.name == NAME] == [len(errors)]
    assert not [p for p in project.agreements.iterdir() if ".utkast-" in p.name]


def test_the_preview_is_built_from_the_locked_clause_versions(project):
    new_clause_version(project.root, "street-minds/bakgrund")
    approved = CliRunner().invoke(main, ["clauses", "approve", "street-minds/bakgrund@2", "--by",
                                         "Socialnämnden i Stockholms stad", "--date", "2026-11-01"])
    assert approved.exit_code == 0, approved.output
    text = (project.agreements / f"{NAME}.yaml").read_text(encoding="utf-8")
    result = service.inspect_text(project, NAME, text)
    assert "Verksamheten fortsätter 2029" not in service.document_text(result, "agreement")
    assert result.error_count == 0
    assert any(f.code == "lock-newer" for f in result.findings)
