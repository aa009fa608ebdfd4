"""`drafter lock`: a signed agreement is built from its locked clause versions, whatever is approved later."""

import hashlib
import shutil

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, copy_examples, new_clause_version, signed_example

SPEC = "agreements/street-minds-2026.yaml"
AGREEMENT = ("street-minds-2026-overenskommelse.docx", "street-minds-2026-overenskommelse.pdf")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the examples and the library, the 2026 agreement built and locked."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    assert run("build", SPEC, "-o", "signed").exit_code == 0
    result = run("lock", SPEC)
    assert result.exit_code == 0, result.output
    assert "Överenskommelsen låst i agreements/street-minds-2026.lock" in result.output
    return tmp_path


def new_approved_version(root, clause="street-minds/bakgrund"):
    """v2 of a clause the 2026 agreement uses, with a new paragraph, approved the way an official does."""
    new_clause_version(root, clause)
    result = run("clauses", "approve", f"{clause}@2", "--by", "Socialnämnden i Stockholms stad",
                 "--date", "2026-11-01")
    assert result.exit_code == 0, result.output


def test_the_lock_records_clauses_text_and_files(project):
    lock = yaml.safe_load((project / "agreements" / "street-minds-2026.lock").read_text(encoding="utf-8"))
    entry = lock["dokument"]["overenskommelse"]
    refs = {f"{c['id']}@{c['version']}" for c in entry["klausuler"]}
    assert {"street-minds/bakgrund@1", "villkor/period@2", "signering/signering@1"} <= refs
    bakgrund = next(c for c in entry["klausuler"] if c["id"] == "street-minds/bakgrund")
    assert bakgrund["heading"] == "Bakgrund" and bakgrund["path"] == "street-minds/bakgrund/v1.md"
    for fmt, name in zip(("docx", "pdf"), AGREEMENT):
        assert entry["filer"][fmt] == {"namn": name, "sha256": sha(project / "signed" / "street-minds-2026" / name)}
    assert set(lock["dokument"]) == {"overenskommelse"}  # the proposal and the tillägg stay drafts


def test_a_newer_approval_leaves_the_locked_agreement_byte_identical(project):
    new_approved_version(project)
    result = run("build", SPEC, "-o", "after")
    assert result.exit_code == 0, result.output
    for name in AGREEMENT:
        assert sha(project / "after" / "street-minds-2026" / name) == sha(project / "signed" / "street-minds-2026" / name)
    check = run("check", SPEC)
    assert check.exit_code == 0
    assert ("info [lock-newer] street-minds/bakgrund@1: agreements/street-minds-2026.yaml: street-minds/bakgrund har "
            "en nyare fastställd version, 2; överenskommelsen är låst vid 1.") in check.output
    # Without the lock a slutlig agreement that names the clause without a version would take in the text
    # approved after its date: refused, in a new folder too (no manifest to compare with), naming the pin.
    (project / "agreements" / "street-minds-2026.lock").unlink()
    refused = run("build", SPEC, "-o", "unlocked")
    assert refused.exit_code == 1 and not (project / "unlocked" / "street-minds-2026").exists()
    assert ("Skriv street-minds/bakgrund@1 i specen (version 1 gällde den 1 juli 2026; version 2 fastställdes "
            "2026-11-01, efter överenskommelsens datum)") in refused.output
    # As a draft it floats to the new version: the lock is what kept the bytes.
    spec = project / SPEC
    spec.write_text(spec.read_text(encoding="utf-8").replace("  status: slutlig\n", "  status: utkast\n", 1),
                    encoding="utf-8")
    assert run("build", SPEC, "-o", "unlocked").exit_code == 0
    pdf = AGREEMENT[1]
    assert sha(project / "unlocked" / "street-minds-2026" / pdf) != sha(project / "signed" / "street-minds-2026" / pdf)


@pytest.mark.parametrize("old, new, what", [
    ("heading: Bakgrund\n", "heading: Bakgrund och syfte\n", "rubriken (”Bakgrund” → ”Bakgrund och syfte”)"),
    ("Sedan 2023", "Sedan 2022", "texten"),
])
def test_a_locked_version_changed_in_place_is_an_error_naming_the_spec(project, old, new, what):
    new_approved_version(project)
    v1 = project / "clauses" / "street-minds" / "bakgrund" / "v1.md"
    v1.write_text(v1.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run("build", SPEC, "-o", "after")
    assert result.exit_code == 1
    assert (f"fel [lock-changed] clauses/street-minds/bakgrund/v1.md: {SPEC}: överenskommelsen är låst vid "
            f"street-minds/bakgrund@1, men {what} i clauses/street-minds/bakgrund/v1.md har ändrats") in result.output
    assert "lock-text" not in result.output  # one cause, one error
    assert not (project / "after" / "street-minds-2026").exists()


def test_editing_a_locked_specs_data_is_an_error(project):
    spec = project / SPEC
    spec.write_text(spec.read_text(encoding="utf-8").replace("{item: Aktiviteter, amount: 57000}",
                                                             "{item: Aktiviteter, amount: 67000}"), encoding="utf-8")
    result = run("check", SPEC)
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "amount: 67000" in text)
    # The error names the spec line, the field and the section whose text changed, not only the lock (trial3 item 13).
    assert (f"fel [lock-text] {SPEC}:{line} (överenskommelsen): {SPEC}: texten i överenskommelsen skiljer sig från den "
            "låsta texten; specens uppgifter har ändrats efter låsningen (ändrade avsnitt: ”5.2 Ekonomisk ersättning”; "
            f"ändrade uppgifter i specen: budget.rows.3.amount (rad {line}, 57000 → 67000)).") in result.output


def test_a_document_is_locked_once(project):
    result = run("lock", SPEC, "--document", "overenskommelse")
    assert result.exit_code == 2
    assert "Överenskommelsen i agreements/street-minds-2026.yaml är redan låst." in result.output


def test_an_amendment_is_locked_on_its_own(project):
    result = run("lock", SPEC, "--document", "tillagg-1", "--future-date")  # dated 15 December 2026
    assert result.exit_code == 0, result.output
    lock = yaml.safe_load((project / "agreements" / "street-minds-2026.lock").read_text(encoding="utf-8"))
    assert set(lock["dokument"]) == {"overenskommelse", "tillagg-1"}
    assert run("check", SPEC).exit_code == 0


def test_a_malformed_lock_is_bad_input_with_its_line(project):
    lock = project / "agreements" / "street-minds-2026.lock"
    lock.write_text(lock.read_text(encoding="utf-8").replace("    drafter:", "    drafter: [", 1), encoding="utf-8")
    result = run("check", SPEC)
    assert result.exit_code == 2
    assert "agreements/street-minds-2026.lock:" in result.output
    assert "Låsfilen är inte giltig YAML" in result.output
    lock.write_text("spec: x\n", encoding="utf-8")
    result = run("build", SPEC, "-o", "x")
    assert result.exit_code == 2
    assert "Låsfilen saknar fältet 'dokument'" in result.output


def test_a_changed_lock_is_not_skipped_as_unchanged(project):
    assert "klar" in run("build", SPEC, "-o", "signed").output  # the new lock is an input: built again
    assert "oförändrad" in run("build", SPEC, "-o", "signed").output  # nothing changed since then
    lock = project / "agreements" / "street-minds-2026.lock"
    lock.write_text(lock.read_text(encoding="utf-8").replace("    drafter:", "    drafter: [", 1), encoding="utf-8")
    result = run("build", SPEC, "-o", "signed")
    assert result.exit_code == 2 and "Låsfilen är inte giltig YAML" in result.output


def test_compare_reads_a_locked_spec_as_build_does(project):
    """`compare` assembles a locked spec from its locked versions, like `build`: against an unlocked
    copy that takes the newer approval, the new paragraph is a change (it was read into both sides)."""
    new_approved_version(project)
    shutil.copy(project / SPEC, project / "agreements" / "kopia.yaml")
    result = run("compare", SPEC, "agreements/kopia.yaml", "--lydelse", "undertecknad")
    assert result.exit_code == 0, result.output
    assert "Verksamheten fortsätter 2029 med nya mål." in result.output
    assert "{+" in result.output  # shown as inserted text


def test_a_draft_is_not_locked(tmp_path, monkeypatch):
    """Only a signed document is locked: a spec still marked utkast is refused, nothing written."""
    (tmp_path / "agreements").mkdir()
    shutil.copy(EXAMPLE, tmp_path / SPEC)
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    monkeypatch.chdir(tmp_path)
    result = run("lock", SPEC)
    assert result.exit_code == 2, result.output
    assert f"(fält document.status): {SPEC} är ett utkast (document.status: utkast)" in result.output
    assert "bara ett undertecknat dokument låses" in result.output and "status: slutlig" in result.output
    assert not (tmp_path / "agreements" / "street-minds-2026.lock").exists()


def test_a_tillagg_is_locked_after_the_one_before_it(tmp_path, monkeypatch):
    """Tillägg nr 1 amends the signed agreement: it cannot be locked first; both in one go, in order, can."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    result = run("lock", SPEC, "--document", "tillagg-1")
    assert result.exit_code == 2, result.output
    assert "Tillägg nr 1 i agreements/street-minds-2026.yaml kan inte låsas före överenskommelsen." in result.output
    assert f"drafter lock {SPEC} --document overenskommelse --document tillagg-1" in result.output
    assert not (tmp_path / "agreements" / "street-minds-2026.lock").exists()
    assert f"tillägg nr 3 i {SPEC} kan inte låsas före tillägg nr 2" in run("lock", SPEC, "--document", "overenskommelse",
                                                                   "--document", "tillagg-3").output.casefold()
    result = run("lock", SPEC, "--document", "overenskommelse", "--document", "tillagg-1", "--future-date")
    assert result.exit_code == 0, result.output
    lock = yaml.safe_load((tmp_path / "agreements" / "street-minds-2026.lock").read_text(encoding="utf-8"))
    assert list(lock["dokument"]) == ["overenskommelse", "tillagg-1"]


def test_one_build_lists_each_clause_folder_once_and_finds_what_the_library_finds(monkeypatch):
    """PinnedLibrary keeps what one spec's build looked up: the same versions as the library's own get,
    each clause's folder listed once, and an unknown clause still an error each time it is asked for."""
    import pytest as _pytest

    from drafter.clauses.library import ClauseLibrary, ClauseNotFound
    from drafter.lockfile import pinned_library
    from drafter.pipeline import check_spec
    from drafter.spec.load import load_spec
    from helpers import CLAUSES, EXAMPLE

    library = ClauseLibrary(CLAUSES)
    listed: list[str] = []
    versions = library.versions
    monkeypatch.setattr(library, "versions", lambda clause_id: listed.append(clause_id) or versions(clause_id))
    loaded = load_spec(EXAMPLE)
    pinned = pinned_library(loaded, library)
    for clause_id in library.ids():
        for version in versions(clause_id):
            assert pinned.get(version.ref) is library.get(version.ref)
    listed.clear()
    check_spec(loaded, library)
    assert listed and len(listed) == len(set(listed))
    for _ in range(2):
        with _pytest.raises(ClauseNotFound):
            pinned.get("finns/inte")


def test_lock_newer_names_the_spec_it_is_about(tmp_path):
    """Two locked partnerships using one clause: after a newer version is fastställd, each lock-newer line
    says which spec is locked at the older one (both lines were the same)."""
    import shutil

    from click.testing import CliRunner

    from drafter.cli import main
    from helpers import CLAUSES
    from own_partnership import signed

    library = shutil.copytree(CLAUSES, tmp_path / "clauses")
    first = signed(tmp_path, library, [])
    second = first.with_name("laxhjalp-rinkeby-2026.yaml")
    shutil.copy(first, second)
    shutil.copy(first.with_suffix(".lock"), second.with_suffix(".lock"))
    lock = second.with_suffix(".lock")
    lock.write_text(lock.read_text(encoding="utf-8").replace("laxhjalp-tensta-2026.yaml", second.name), encoding="utf-8")
    v1 = library / "villkor" / "jav" / "v1.md"
    (v1.parent / "v2.md").write_text(v1.read_text(encoding="utf-8").replace("version: 1", "version: 2", 1),
                                     encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--alla", str(first), str(second), "--clauses", str(library)])
    newer = [line for line in result.output.splitlines() if "[lock-newer]" in line]
    assert len(newer) == 2, result.output
    assert f"{first.as_posix()}: villkor/jav har en nyare fastställd version, 2" in newer[0] + newer[1]
    assert f"{second.as_posix()}: villkor/jav har en nyare fastställd version, 2" in newer[0] + newer[1]
