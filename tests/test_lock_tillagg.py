"""A tillägg that sets out a new clause version records it in its lock (trial12): its lock said "inga
klausulversioner", so an edit of that clause file afterwards gave a misleading `lock-text` ("specens
uppgifter har ändrats") and no `lock-changed` naming the file; and `lock-newer` kept advising to bring
in by a tillägg the version a tillägg had brought in."""

import datetime as dt
import hashlib

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import copy_examples, signed_example

SPEC = "agreements/street-minds-2026.yaml"
LOCK = "agreements/street-minds-2026.lock"
NEW = "clauses/villkor/uppsagning/v2.md"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The 2026 agreement signed and locked at villkor/uppsagning@1; then v2 fastställd by socialnämnden and
    tillägg nr 1 setting out its wording as point 5.8."""
    from drafter.clauses.approve import approve_many, new_approval
    from drafter.clauses.library import ClauseLibrary

    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    assert run("lock", SPEC).exit_code == 0
    approve_many(ClauseLibrary(tmp_path / "clauses"), ["villkor/uppsagning@2"],
                 new_approval("Socialnämnden i Stockholms stad", dt.date(2026, 11, 10), paragraph="§ 70"))
    spec = tmp_path / SPEC
    anchor = '      - insert_after: "3.2"'
    text = spec.read_text(encoding="utf-8")
    assert anchor in text
    spec.write_text(text.replace(anchor, '      - replace: "5.8"\n        clause: villkor/uppsagning@2\n' + anchor, 1),
                    encoding="utf-8")
    return tmp_path


def lock_of(root) -> dict:
    return yaml.safe_load((root / LOCK).read_text(encoding="utf-8"))["dokument"]


def test_the_tillaggs_lock_records_the_clause_version_it_sets_out(project):
    check = run("check", SPEC)
    assert "[lock-newer]" not in check.output  # tillägg nr 1 brings v2 in: the advice is heeded
    said = run("lock", SPEC, "--document", "tillagg-1", "--future-date")  # dated 15 December 2026
    assert said.exit_code == 0, said.output
    assert "inga klausulversioner" not in said.output
    clauses = {c["id"]: c for c in lock_of(project)["tillagg-1"]["klausuler"]}
    recorded = clauses["villkor/uppsagning"]
    assert recorded["version"] == 2 and recorded["path"] == "villkor/uppsagning/v2.md"
    file = (project / NEW).read_text(encoding="utf-8")
    heading, body = "Uppsägning", file.split("\n---\n", 1)[1]
    assert recorded["heading"] == heading
    assert recorded["sha256"] == hashlib.sha256(f"{heading}\n\n{body}".encode()).hexdigest()
    assert lock_of(project)["overenskommelse"]["klausuler"] != []  # the agreement's stay as they were
    assert {c["version"] for c in lock_of(project)["overenskommelse"]["klausuler"]
            if c["id"] == "villkor/uppsagning"} == {1}
    assert run("check", SPEC).exit_code == 0


def test_an_edited_clause_file_under_a_locked_tillagg_is_lock_changed_naming_the_file(project):
    assert run("lock", SPEC, "--document", "tillagg-1", "--future-date").exit_code == 0
    path = project / NEW
    path.write_text(path.read_text(encoding="utf-8").replace("skriftligen", "skriftligt", 1), encoding="utf-8")
    check = run("check", SPEC)
    assert check.exit_code == 1
    assert (f"fel [lock-changed] {NEW}: {SPEC}: tillägg nr 1 är låst vid villkor/uppsagning@2, men texten i "
            f"{NEW} har ändrats sedan låsningen.") in check.output
    assert "(tillägget)" not in "".join(x for x in check.output.splitlines() if "[lock-text]" in x)


def test_a_tillagg_locked_by_an_earlier_drafter_without_its_clause_versions_still_checks_clean(project):
    assert run("lock", SPEC, "--document", "tillagg-1", "--future-date").exit_code == 0
    data = yaml.safe_load((project / LOCK).read_text(encoding="utf-8"))
    data["dokument"]["tillagg-1"]["klausuler"] = []  # as drafter before trial12 wrote it
    (project / LOCK).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    check = run("check", SPEC)
    assert check.exit_code == 0, check.output
    assert "[lock-" not in check.output


def test_verify_says_the_consolidated_version_is_never_signed_even_renamed(project):
    """trial12: `drafter verify` on the consolidated PDF printed a word diff against the agreement (96 % alike)."""
    import shutil

    assert run("lock", SPEC, "--document", "tillagg-1", "--future-date").exit_code == 0
    assert run("build", SPEC, "-o", "out", "--jobs", "1", "--format", "pdf").exit_code == 0
    built = project / "out" / "street-minds-2026"
    consolidated = built / "street-minds-2026-overenskommelse-konsoliderad.pdf"
    renamed = project / "avtalet-som-det-lyder-nu.pdf"
    shutil.copy(consolidated, renamed)
    for file in (consolidated, renamed):
        said = run("verify", file, SPEC)
        assert said.exit_code == 1
        assert f"{file} är den konsoliderade versionen" in said.output and "den undertecknas inte" in said.output
        assert "% av orden lika" not in said.output and "efter ”" not in said.output
    assert "street-minds-2026-overenskommelse.pdf" in run("verify", consolidated, SPEC).output
    tillagg = run("verify", built / "street-minds-2026-tillagg-1.pdf", SPEC)
    assert tillagg.exit_code == 0 and "villkor/uppsagning@2" in tillagg.output
