"""A slutlig document says beforehand that a later approval would change it (clause-unpinned), and an
acknowledgement written before an approval does not swallow the finding the approval brings (trial4)."""

import json

import pytest
from click.testing import CliRunner

from drafter.cli import main
from helpers import copy_examples

SPEC = "agreements/street-minds-2023.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def lines(result, code):
    return [line for line in result.output.splitlines() if f"[{code}]" in line]


@pytest.fixture
def project(tmp_path, monkeypatch):
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def unpin(root, *clauses):
    path = root / SPEC
    text = path.read_text(encoding="utf-8")
    for clause in clauses:
        assert f"      - {clause}@1\n" in text
        text = text.replace(f"      - {clause}@1\n", f"      - {clause}\n")
    path.write_text(text, encoding="utf-8")


def test_the_shipped_examples_have_no_unpinned_clause(project):
    result = run("check", SPEC, "agreements/street-minds-2026.yaml")
    assert result.exit_code == 0, result.output
    assert lines(result, "clause-unpinned") == []  # 2023 pins every version; 2026 is an utkast


def test_a_final_document_naming_a_clause_without_a_version_is_warned(project):
    unpin(project, "villkor/uppsagning")
    result = run("check", SPEC)
    (line,) = lines(result, "clause-unpinned")
    assert line == ("varning [clause-unpinned] agreements/street-minds-2023.yaml:85: Dokumentet är slutligt "
                    "(document.status: slutlig), men villkor/uppsagning anges utan version och är inte låst: en ny "
                    "fastställd version ändrar texten. Skriv villkor/uppsagning@N, den version som undertecknades: ingen "
                    "version var fastställd för socialnämnden i Stockholms stad den 1 juli 2023 (version 1 "
                    "fastställdes först 2026-07-01, efter överenskommelsens datum; nu används version 1), så vilken "
                    "det var kan drafter inte avgöra, eller lås dokumentet när det undertecknats (`drafter lock`). "
                    "Bygget vägras annars när en ny version fastställs (clause-version-changed).")


def test_many_unpinned_clauses_are_one_finding_with_each_in_json(project):
    unpin(project, "villkor/uppsagning", "villkor/aterkrav", "villkor/brister", "villkor/oenighet")
    result = run("check", SPEC, "--format", "json")
    data = json.loads(result.output)
    found = [f for spec in (data if isinstance(data, list) else data.get("specs", [data]))
             for f in (spec.get("findings", []) if isinstance(spec, dict) else []) if f["code"] == "clause-unpinned"]
    (finding,) = found
    assert finding["severity"] == "warning" and finding["where"] == "agreements/street-minds-2023.yaml:15"
    assert [d["clause"] for d in finding["details"]] == ["villkor/brister@1", "villkor/aterkrav@1",
                                                         "villkor/uppsagning@1", "villkor/oenighet@1"]


def test_a_draft_is_not_warned(project):
    unpin(project, "villkor/uppsagning")
    path = project / SPEC
    path.write_text(path.read_text(encoding="utf-8").replace("  status: slutlig\n", "  status: utkast\n"),
                    encoding="utf-8")
    assert lines(run("check", SPEC), "clause-unpinned") == []


def test_a_blanket_acknowledgement_does_not_swallow_a_later_approval(project):
    """The trial: approving uppsagning@2 for the whole city, after the 2023 agreement's date. The spec's
    blanket acknowledgement (no about:) was written for the 2026-07-01 approvals of pinned versions."""
    unpin(project, "villkor/uppsagning")
    approved = run("clauses", "approve", "villkor/uppsagning@2", "--av", "Kommunfullmäktige i Stockholms stad",
                   "--för", "Stockholms stad", "--datum", "2026-11-20")
    assert approved.exit_code == 0, approved.output
    result = run("check", SPEC)
    assert result.exit_code == 1, result.output
    error, grouped = lines(result, "clause-approved-after-date")
    # the plain id took in the version approved after the agreement's date: refused, and no acknowledgement
    # covers an error (drafter/checks/clauses.py); the pinned ones stay acknowledged
    assert error.startswith("fel ") and "villkor/uppsagning@2" in error and "så bygget vägras" in error
    assert "[kvitterad:" not in error
    assert grouped.startswith("varning ") and "18 klausulversioner" in grouped and "[kvitterad:" in grouped
    assert lines(result, "acknowledge-unused") == []
    assert "Skriv villkor/uppsagning@N, den version som undertecknades" in lines(result, "clause-unpinned")[0]


def test_an_acknowledgement_naming_the_version_covers_it_once_it_is_pinned(project):
    unpin(project, "villkor/uppsagning")
    path = project / SPEC
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - code: clause-approved-after-date\n    about: villkor/uppsagning@1\n"
        "    reason: Uppsägningen 2023 löd så.\n"), encoding="utf-8")
    result = run("check", SPEC)
    error = next(x for x in lines(result, "clause-approved-after-date") if "villkor/uppsagning@1" in x)
    assert error.startswith("fel ") and "[kvitterad:" not in error  # without a version: an error, not acknowledged
    (unused,) = lines(result, "acknowledge-unused")
    assert "ett fel, som inte kan kvitteras" in unused

    unpin_undone = path.read_text(encoding="utf-8").replace("      - villkor/uppsagning\n", "      - villkor/uppsagning@1\n")
    path.write_text(unpin_undone, encoding="utf-8")
    result = run("check", SPEC)
    (late,) = lines(result, "clause-approved-after-date")
    assert late.startswith("varning ") and late.endswith("]") and "[kvitterad:" in late
    assert lines(result, "acknowledge-unused") == []


def test_a_clause_in_both_documents_is_named_once(project):
    """trial5: a clause the agreement and the tjänsteutlåtande both name was counted, and listed, twice."""
    path = project / SPEC
    text = path.read_text(encoding="utf-8")
    assert text.count("      - street-minds/malgrupp@1\n") == 2
    path.write_text(text.replace("      - street-minds/malgrupp@1\n", "      - street-minds/malgrupp\n"), encoding="utf-8")
    (line,) = lines(run("check", SPEC), "clause-unpinned")
    assert line.count("street-minds/malgrupp@") == 1
