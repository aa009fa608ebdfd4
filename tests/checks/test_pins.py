"""A signed text stays the text that was signed: the pin clause-unpinned advises is the version in force
for the public party on the document's date, a slutlig build that would take in a later approval is
refused without any earlier build, and a clause without a version that takes another nämnd's approved
text says so. Each with its own clause in a library under tmp_path."""

import json
import shutil

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.lock import update_lock
from helpers import copy_examples, pin_plain_ids, signed_example

SPEC = "agreements/street-minds-2026.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def lines(result, code):
    return [line for line in result.output.splitlines() if f"[{code}]" in line]


def version(root, clause_id, n, status, approval=None, body="Text."):
    folder = root / "clauses" / clause_id
    folder.mkdir(parents=True, exist_ok=True)
    front = f"---\nheading: Återkrav av medel\nversion: {n}\nstatus: {status}\n"
    if approval:
        by, date, committee = approval
        front += (f"approval:\n  by: {by}\n  date: {date}\n"
                  f"  applies_to: {{organisation: Stockholms stad, committee: {committee}}}\n")
    (folder / f"v{n}.md").write_text(front + f"rationale: Test.\n---\n{body}\n", encoding="utf-8")


def pin_all(root, spec=SPEC):
    """Every plain id in the spec written with the version it uses now, as a signed spec would be."""
    path = root / spec
    path.write_text(pin_plain_ids(path.read_text(encoding="utf-8"), root / "clauses"), encoding="utf-8")


def add_to_outline(root, ref, spec=SPEC):
    path = root / spec
    text = path.read_text(encoding="utf-8")
    assert "\n  - signering/signering" in text
    path.write_text(text.replace("\n  - signering/signering", f"\n  - {ref}\n  - signering/signering", 1), encoding="utf-8")


@pytest.fixture
def signed(tmp_path, monkeypatch):
    """The 2026 agreement signed 2026-07-01 (slutlig, not locked), every clause pinned but test/atervinning,
    whose v1 socialnämnden fastställde 2026-03-01 and v2 2026-10-01, after the agreement was signed."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    pin_all(tmp_path)
    version(tmp_path, "test/atervinning", 1, "fastställd", ("Socialnämnden i Stockholms stad", "2026-03-01", "socialnämnden"),
            "Medel som inte använts betalas tillbaka.")
    version(tmp_path, "test/atervinning", 2, "fastställd", ("Socialnämnden i Stockholms stad", "2026-10-01", "socialnämnden"),
            "Medel som inte använts betalas tillbaka inom en månad.")
    update_lock(ClauseLibrary(tmp_path / "clauses"))
    add_to_outline(tmp_path, "test/atervinning")
    return tmp_path


def test_unpinned_advises_the_version_in_force_on_the_agreements_date_not_the_newest(signed):
    (line,) = lines(run("check", SPEC), "clause-unpinned")
    assert ("Skriv test/atervinning@1 (version 1 gällde den 1 juli 2026; version 2 fastställdes 2026-10-01, efter "
            "överenskommelsens datum), eller lås dokumentet") in line
    assert "test/atervinning@2" not in line


def test_unpinned_names_the_version_in_force_when_no_later_one_exists(signed):
    (signed / "clauses" / "test" / "atervinning" / "v2.md").unlink()
    (line,) = lines(run("check", SPEC), "clause-unpinned")
    assert ("Skriv test/atervinning@1, den version som gällde för socialnämnden i Stockholms stad den 1 juli 2026 "
            "(fastställd 2026-03-01), eller lås") in line


def test_unpinned_says_when_no_decision_date_tells_the_version(signed):
    """Both versions fastställda only for kulturnämnden: no decision dates tell, and drafter does not guess."""
    for n in (1, 2):
        version(signed, "test/atervinning", n, "fastställd", ("Kulturnämnden i Stockholms stad", "2026-03-01",
                                                              "kulturnämnden"))
    update_lock(ClauseLibrary(signed / "clauses"))
    (line,) = lines(run("check", SPEC), "clause-unpinned")
    assert ("Skriv test/atervinning@N, den version som undertecknades: ingen version av test/atervinning är "
            "fastställd för socialnämnden i Stockholms stad") in line
    assert "kan drafter inte avgöra" in line


def test_a_slutlig_build_into_a_new_folder_is_refused_and_names_the_pin(signed, tmp_path):
    out = tmp_path / "annan-mapp"
    result = run("build", SPEC, "-o", out, "--format", "docx")
    assert result.exit_code == 1, result.output
    (line,) = [x for x in lines(result, "clause-approved-after-date") if x.startswith("fel ")]
    assert "Klausulen test/atervinning@2 (Återkrav av medel) fastställdes 2026-10-01" in line
    assert "efter dokumentets datum 2026-07-01" in line and "så bygget vägras" in line
    assert ("Skriv test/atervinning@1 i specen (version 1 gällde den 1 juli 2026; version 2 fastställdes 2026-10-01, "
            "efter överenskommelsens datum)") in line
    assert not list(out.rglob("*.docx"))  # nothing written, without any manifest to compare with

    path = signed / SPEC
    path.write_text(path.read_text(encoding="utf-8").replace("  - test/atervinning\n", "  - test/atervinning@1\n"),
                    encoding="utf-8")
    again = run("build", SPEC, "-o", out, "--format", "docx")
    assert again.exit_code == 0, again.output
    from docx import Document

    (agreement,) = [p for p in out.rglob("*.docx") if "overenskommelse" in p.name and "konsoliderad" not in p.name]
    text = "\n".join(p.text for p in Document(agreement).paragraphs)
    assert "Medel som inte använts betalas tillbaka." in text and "inom en månad" not in text


def test_a_draft_still_floats_without_an_error(signed, tmp_path):
    path = signed / SPEC
    path.write_text(path.read_text(encoding="utf-8").replace("  status: slutlig\n", "  status: utkast\n", 1),
                    encoding="utf-8")
    result = run("build", SPEC, "-o", tmp_path / "utkast", "--format", "docx")
    assert result.exit_code == 0, result.output
    assert not [x for x in result.output.splitlines() if x.startswith("fel ")]


def test_a_locked_agreement_is_not_refused(signed):
    """Locked at v1 before v2 came: the lock pins it, whatever is approved later."""
    (signed / "clauses" / "test" / "atervinning" / "v2.md").unlink()
    assert run("lock", SPEC).exit_code == 0
    version(signed, "test/atervinning", 2, "fastställd", ("Socialnämnden i Stockholms stad", "2026-10-01", "socialnämnden"))
    update_lock(ClauseLibrary(signed / "clauses"))
    result = run("check", SPEC)
    assert lines(result, "clause-approved-after-date") == []
    # only the unlocked tillägg is still named (drafter lock --document tillagg-1), never the agreement
    assert [line for line in lines(result, "clause-unpinned") if "(tillägget)" not in line] == []


def _party(data_text: str, committee: str) -> str:
    return data_text.replace("    committee: socialnämnden\n", f"    committee: {committee}\n", 1).replace(
        "      signs_for: socialnämnden i Stockholms stad\n", f"      signs_for: {committee}\n", 1)


@pytest.mark.parametrize(("committee", "expected", "unapproved"), [
    ("socialnämnden", 1, False),                 # its own approval
    ("kulturnämnden", 3, False),                 # its own approval
    ("Norrmalms stadsdelsnämnd", 3, True),       # neither: as always the newest fastställd, and told so
])
def test_two_nämnder_approving_different_versions(tmp_path, monkeypatch, committee, expected, unapproved):
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    pin_all(tmp_path)
    version(tmp_path, "test/atervinning", 1, "fastställd", ("Socialnämnden i Stockholms stad", "2026-03-01", "socialnämnden"),
            "Socialnämndens text.")
    version(tmp_path, "test/atervinning", 2, "granskad", body="Den granskade texten.")
    version(tmp_path, "test/atervinning", 3, "fastställd", ("Kulturnämnden i Stockholms stad", "2026-04-01", "kulturnämnden"),
            "Kulturnämndens text.")
    update_lock(ClauseLibrary(tmp_path / "clauses"))
    add_to_outline(tmp_path, "test/atervinning")
    path = tmp_path / SPEC
    path.write_text(_party(path.read_text(encoding="utf-8"), committee), encoding="utf-8")

    from drafter.pipeline import prepare

    prepared = prepare(path, ClauseLibrary(tmp_path / "clauses"))
    (agreement, *_) = prepared.documents
    used = {s.clause.version for s in agreement.walk_sections() if s.clause and s.clause.id == "test/atervinning"}
    assert used == {expected}
    result = run("check", SPEC, "--format", "json")
    data = json.loads(result.output)
    specs = data if isinstance(data, list) else data.get("specs", [data])
    messages = [d.get("message", "") for spec in specs for f in spec.get("findings", [])
                if f["code"] == "clause-unapproved" for d in (f.get("details") or [f])]
    ours = [m for m in messages if "test/atervinning@" in m]
    if unapproved:
        (message,) = ours
        assert message.startswith("Klausulen test/atervinning@3 (Återkrav av medel) är fastställd av Kulturnämnden i "
                                  "Stockholms stad 2026-04-01 för kulturnämnden i Stockholms stad, inte för den "
                                  "offentliga parten här (Norrmalms stadsdelsnämnd i Stockholms stad)")
        assert ("Specen anger test/atervinning utan version, och ingen version är fastställd för Norrmalms "
                "stadsdelsnämnd i Stockholms stad: då används den senaste fastställda, som bara gäller andra "
                "(senaste granskade version: 2).") in message
    else:
        assert ours == []


def test_the_examples_keep_their_findings(tmp_path, monkeypatch):
    """2023 pins every version (@1): no error; 2026 is an utkast: no clause-approved-after-date."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("check", "agreements/street-minds-2023.yaml", "agreements/street-minds-2026.yaml")
    assert result.exit_code == 0, result.output
    assert [x for x in lines(result, "clause-approved-after-date") if x.startswith("fel ")] == []
    shutil.rmtree(tmp_path / "agreements")
