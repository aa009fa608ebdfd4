"""Drafts float, visibly (issue 13 item 2): `clauses approve` says which specs it changes and which
locked ones it leaves; the next build of a draft prints each clause whose version changed."""

import shutil

import pytest
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, new_clause_version, signed_example


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The examples and the library; the 2026 agreement locked; a 2029 draft that is the 2026 spec
    unlocked, built once."""
    (tmp_path / "agreements").mkdir()
    for name in ("street-minds-2026.yaml", "street-minds-2023.yaml"):
        shutil.copy(EXAMPLE.parent / name, tmp_path / "agreements" / name)
    shutil.copy(EXAMPLE, tmp_path / "agreements" / "street-minds-2029.yaml")
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    assert run("lock", "agreements/street-minds-2026.yaml").exit_code == 0
    result = run("build", "agreements/street-minds-2029.yaml", "--format", "docx")
    assert result.exit_code == 0, result.output
    return tmp_path


def new_version(root, clause="street-minds/bakgrund"):
    """v2 of a clause both specs use by its plain id, granskad, with one more paragraph."""
    new_clause_version(root, clause)


def test_approve_lists_the_drafts_it_changes_and_the_locked_documents_it_leaves(project):
    new_version(project)
    result = run("clauses", "approve", "street-minds/bakgrund@2", "--av", "Socialnämnden i Stockholms stad",
                 "--datum", "2026-11-01")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    changed = lines.index("Ändras vid nästa bygge:")
    untouched = lines.index("Rörs inte:")
    assert lines[changed + 1] == ("  agreements/street-minds-2029.yaml: överenskommelsen: street-minds/bakgrund v1 → v2; "
                                  "den konsoliderade överenskommelsen: street-minds/bakgrund v1 → v2")
    assert lines[untouched + 1] == ("  agreements/street-minds-2026.yaml: överenskommelsen (låst vid "
                                    "street-minds/bakgrund@1); den konsoliderade överenskommelsen (följer låset: "
                                    "street-minds/bakgrund@1)")
    assert "street-minds-2023.yaml" not in result.output  # it does not use the clause


def test_the_next_build_of_the_draft_prints_the_version_change(project):
    new_version(project)
    assert run("clauses", "approve", "street-minds/bakgrund@2", "--av", "Socialnämnden i Stockholms stad").exit_code == 0
    result = run("build", "agreements/street-minds-2029.yaml", "--format", "docx")
    assert result.exit_code == 0, result.output
    assert ("info [clause-version-changed] agreements/street-minds-2029.yaml: street-minds/bakgrund: v1 → v2 "
            "(mot förra bygget)") in result.output
    assert "villkor/period" not in result.output  # only what changed is told
    again = run("build", "agreements/street-minds-2029.yaml", "--format", "docx", "--force")
    assert again.exit_code == 0 and "clause-version-changed" not in again.output


def test_a_final_unlocked_spec_is_told_to_lock(project):
    path = project / "agreements" / "street-minds-2029.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  place: Stockholm", "  status: slutlig\n  place: Stockholm",
                                                            1), encoding="utf-8")
    new_version(project)
    result = run("clauses", "approve", "street-minds/bakgrund@2", "--av", "Socialnämnden i Stockholms stad")
    assert "street-minds-2029.yaml: överenskommelsen: street-minds/bakgrund v1 → v2" in result.output
    assert ("slutligt men inte låst: en undertecknad text får inte ändras, så nästa bygge vägras när "
            "versionen fastställdes efter dokumentets datum (clause-approved-after-date) eller "
            "dokumentet har byggts förut (clause-version-changed). Skriv street-minds/bakgrund@1 i specen och "
            "lås det med `drafter lock`; ska texten ändras, gör det i ett tillägg") in result.output


def test_a_newer_version_approved_only_for_another_nämnd_is_not_newer_here(project):
    new_version(project)
    result = run("clauses", "approve", "street-minds/bakgrund@2", "--av", "Norrmalms stadsdelsnämnd",
                 "--för", "Stockholms stad", "--för-nämnd", "Norrmalms stadsdelsnämnd")
    assert result.exit_code == 0, result.output
    assert "Ändras vid nästa bygge" not in result.output  # neither spec's public party is Norrmalm
    check = run("check", "agreements/street-minds-2026.yaml")
    assert "[lock-newer] street-minds/bakgrund@1" not in check.output
    assert run("clauses", "approve", "street-minds/bakgrund@2", "--av", "Socialnämnden i Stockholms stad").exit_code == 0
    check = run("check", "agreements/street-minds-2026.yaml")
    assert "[lock-newer] street-minds/bakgrund@1" in check.output


def test_a_version_brought_by_an_amendment_is_told_with_the_document_that_uses_it(project):
    """The agreement keeps v1, tillägg nr 1 gives the point v2's wording: not "v1 → v1, v2" but which
    document uses which version."""
    new_version(project)
    path = project / "agreements" / "street-minds-2029.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\n    changes:\n" in text
    path.write_text(text.replace("\n    changes:\n", "\n    changes:\n      - {replace: '1', clause: street-minds/bakgrund@2}\n",
                                 1), encoding="utf-8")
    result = run("build", "agreements/street-minds-2029.yaml", "--format", "docx")
    assert result.exit_code == 0, result.output
    assert ("info [clause-version-changed] agreements/street-minds-2029.yaml: street-minds/bakgrund: förra bygget "
            "använde v1; nu även v2, i tillägg nr 1 och den konsoliderade överenskommelsen; v1 kvar i "
            "överenskommelsen") in result.output
    assert "v1 → v1, v2" not in result.output


def test_a_final_spec_the_approval_breaks_is_told_its_signed_version_in_words(project):
    """A slutlig spec that no longer assembles with the approved version was told to write "(@N)"; it is
    told the version it was built with, and where that is not known, in words."""
    path = project / "agreements" / "street-minds-2029.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  place: Stockholm", "  status: slutlig\n  place: Stockholm",
                                                            1), encoding="utf-8")
    new_version(project)
    v2 = project / "clauses" / "street-minds" / "bakgrund" / "v2.md"
    v2.write_text(v2.read_text(encoding="utf-8") + "\nSe {{ figures.finns_inte }}.\n", encoding="utf-8")
    result = run("clauses", "approve", "street-minds/bakgrund@2", "--av", "Socialnämnden i Stockholms stad")
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.output.splitlines() if "street-minds-2029.yaml: kan inte längre byggas" in x]
    assert "@N" not in result.output
    assert "Skriv street-minds/bakgrund@1 i specen och lås det med `drafter lock`" in line

    from drafter.clauses.affected import Summary

    summary = Summary(changed={path: ["kan inte längre byggas: …"]}, final_unlocked={path}, signed={})
    [said] = [x for x in summary.lines() if "slutligt men inte låst" in x]
    assert "@N" not in said
    assert ("Skriv i specen den version av klausulen som dokumentet undertecknades med, som id@versionsnummer "
            "(versionen står i manifest.json i specens mapp under output/), och lås det med `drafter lock`") in said
