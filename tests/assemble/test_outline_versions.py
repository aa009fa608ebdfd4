"""Standard outlines have versions: a spec that builds today builds tomorrow, when a pin is raised.

The partnership is one of our own (tests/generic/kommun-tva-firmatecknare.yaml: Åsby kommun's kultur-
och fritidsnämnd and a förening), signed: slutlig, its nämnd's decision recorded, every clause version
it uses fastställd in a copy of the library. Its tjänsteutlåtande names the standard outline
iop-tjansteutlatande-facknamnd without a version. v1 of that outline pins forslag-till-beslut@5 (the
outline before today's pin), v2 pins @6, whose point 1 adds "om den inte sägs upp".
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path

import docx
import pytest
import yaml

from drafter.clauses.outline_versions import version_files
from helpers import run_in_folder as run

ROOT = Path(__file__).resolve().parents[2]
CLAUSES = ROOT / "clauses"
GENERIC = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"
OUTLINE = "iop-tjansteutlatande-facknamnd"
V5 = "i taget, som längst till och med"  # forslag-till-beslut@5, point 1
V6 = "i taget om den inte sägs upp, som längst till och med"  # @6



def spec_data(day: dt.date, status: str = "slutlig") -> dict:
    """The partnership, signed on `day` (after v2 came into the library: the date alone would take v2)."""
    data = yaml.safe_load(GENERIC.read_text(encoding="utf-8"))
    data["document"].update(date=day, status=status)
    data["period"] = {"start": dt.date(2027, 1, 1), "end": dt.date(2027, 12, 31),
                      "renewal": {"unit": "kalenderår", "max_end": dt.date(2029, 12, 31), "notice_deadline": "08-31"}}
    data["budget"]["months"] = 12
    data["proposal"]["date"] = dt.date(2026, 11, 2)
    data["decision"] = {"by": "kultur- och fritidsnämnden", "date": dt.date(2026, 11, 20), "paragraph": "§ 5"}
    return data


def write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def set_aside(project: Path, newer_than: dict[str, int]) -> None:
    """The library as it was before some versions came in: every version of each outline newer than the one
    given is moved out, to project/later/NAME/vN.yaml, for come_in to bring back."""
    for name, kept in newer_than.items():
        for version, path in version_files(project / "clauses", name).items():
            if version > kept:
                (project / "later" / name).mkdir(parents=True, exist_ok=True)
                path.rename(project / "later" / name / path.name)


def come_in(project: Path, name: str, version: int) -> None:
    """Version `version` of the outline `name`, set aside, comes into the library."""
    (project / "later" / name / f"v{version}.yaml").rename(project / "clauses" / "outlines" / name / f"v{version}.yaml")


@pytest.fixture
def project(tmp_path):
    """A project whose library holds the outlines as they were before the first raised pin: v1 only (the
    later versions set aside; come_in brings one back)."""
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "agreements").mkdir()
    set_aside(tmp_path, {OUTLINE: 1, "iop-overenskommelse": 1})
    return tmp_path


def raise_pin(project: Path, approve: bool = False) -> None:
    """The first pin raised: v2 of the outline comes into the library (and, with `approve`, the nämnd approves
    the clause version it pins, so that only the outline's version could change the text)."""
    come_in(project, OUTLINE, 2)
    if approve:
        approved = run("clauses", "approve", "tjansteutlatande/forslag-till-beslut@6", "--av", "kultur- och "
                       "fritidsnämnden", "--för", "Åsby kommun", "--datum", "2026-11-25", "--paragraf", "§ 9", cwd=project)
        assert approved.exit_code == 0, approved.output


def signed(project: Path, name: str = "asby") -> Path:
    spec = write(project / "agreements" / f"{name}.yaml", spec_data(dt.date(2026, 12, 1)))
    approved = run("clauses", "approve", "--spec", spec.relative_to(project), "--av", "kultur- och fritidsnämnden",
                   "--för", "Åsby kommun", "--datum", "2026-11-20", "--paragraf", "§ 5", "--ja", cwd=project)
    assert approved.exit_code == 0, approved.output
    return spec


def build(project: Path, spec: Path, *more):
    result = run("build", spec.relative_to(project), "--format", "docx", *more, cwd=project)
    assert result.exit_code == 0, result.output
    return result.output


def manifest(project: Path, name: str = "asby", out: str = "output") -> dict:
    return json.loads((project / out / name / "manifest.json").read_text(encoding="utf-8"))


def proposal_text(project: Path, name: str = "asby", out: str = "output") -> str:
    [path] = (project / out / name).glob("*tjansteutlatande*.docx")
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def sums(m: dict) -> list[dict]:
    return [d["sha256"] for d in m["documents"]]


@pytest.mark.parametrize("manifest_from", ["this drafter", "drafter before outline versions"])
def test_a_slutlig_spec_built_before_a_pin_is_raised_builds_the_same_bytes_after(project, manifest_from):
    spec = signed(project)
    build(project, spec)
    before = manifest(project)
    assert before["outlines"][OUTLINE] == 1
    assert V5 in proposal_text(project) and V6 not in proposal_text(project)
    if manifest_from != "this drafter":  # main's manifest: no outlines:, only the clause versions it used
        del before["outlines"]
        (project / "output" / "asby" / "manifest.json").write_text(json.dumps(before), encoding="utf-8")

    raise_pin(project, approve=True)
    output = build(project, spec)  # no clause-version-changed: the spec keeps the outline it was built from

    after = manifest(project)
    assert "clause-version-changed" not in output
    assert sums(after) == sums(before)  # same bytes
    assert after["outlines"][OUTLINE] == 1 and V5 in proposal_text(project)
    assert after["document_clauses"] == before["document_clauses"]
    checked = run("check", spec.relative_to(project), "--alla", cwd=project)
    [said] = [line for line in checked.output.splitlines() if "[outline-unpinned]" in line and OUTLINE in line]
    assert (f"så drafter tar version 1, den som förra bygget använde (output/asby/manifest.json), fast den nyaste "
            f"är version 2; skriv standard: {OUTLINE}@1 så byter texten aldrig mallversion.") in said


def test_a_draft_takes_the_raised_pin(project):
    spec = signed(project)
    build(project, spec)
    raise_pin(project)
    draft = write(project / "agreements" / "asby-utkast.yaml", spec_data(dt.date(2026, 12, 1), status="utkast"))
    output = build(project, draft)
    assert manifest(project, "asby-utkast")["outlines"][OUTLINE] == 2
    assert V6 in proposal_text(project, "asby-utkast")
    assert "[outline-unpinned]" not in output  # a draft floats, as meant: nothing to say


def test_a_locked_spec_keeps_the_outline_its_lock_agrees_with(project):
    spec = signed(project)
    build(project, spec)
    for document in ("overenskommelse", "tjansteutlatande"):
        locked = run("lock", spec.relative_to(project), "--document", document, "--future-date", cwd=project)  # dated 2026-12-01
        assert locked.exit_code == 0, locked.output
    raise_pin(project)
    build(project, spec, "-o", "annan")  # no previous build there: the lock says which
    assert manifest(project, out="annan")["outlines"][OUTLINE] == 1
    assert V5 in proposal_text(project, out="annan")


def test_never_built_a_slutlig_spec_takes_the_version_in_force_on_its_date(tmp_path):
    """Without a lock or a build: the newest version that came into the library on or before the
    document's date; a date before the first version's takes the first (the real library)."""
    from drafter.clauses.outline_versions import chosen
    from drafter.spec.load import load_spec

    since = yaml.safe_load(version_files(CLAUSES, OUTLINE)[2].read_text(encoding="utf-8"))["date"]
    newest = max(version_files(CLAUSES, OUTLINE))  # v2 and v3 came in on the same day
    for day, version in [(since - dt.timedelta(days=1), 1), (since, newest), (since + dt.timedelta(days=30), newest)]:
        loaded = load_spec(write(tmp_path / "spec.yaml", spec_data(day)))
        [(_, choice)] = [(p, c) for p, c in chosen(loaded, CLAUSES) if c.name == OUTLINE]
        assert (choice.version, choice.why) == (version, "date"), day


def test_a_named_version_is_taken_and_a_missing_one_is_told(project):
    raise_pin(project)
    data = spec_data(dt.date(2026, 12, 1), status="utkast")
    data["proposal"]["outline"] = {"standard": f"{OUTLINE}@1"}
    build(project, write(project / "agreements" / "namngiven.yaml", data))
    assert V5 in proposal_text(project, "namngiven")
    data["proposal"]["outline"] = {"standard": f"{OUTLINE}@3"}
    result = run("check", write(project / "agreements" / "namngiven.yaml", data).relative_to(project), cwd=project)
    assert result.exit_code == 2
    assert f"Standardmallen '{OUTLINE}' har ingen version 3." in result.output
    assert f"{OUTLINE}@1, {OUTLINE}@2" in result.output


def test_an_old_library_with_flat_outline_files_still_builds(project):
    """A library of its own from before versions: outlines/NAME.yaml, read as version 1."""
    outlines = project / "clauses" / "outlines"
    for folder in [p for p in outlines.iterdir() if p.is_dir()]:
        newest = max(folder.glob("v*.yaml"), key=lambda p: int(p.stem[1:]))
        shutil.copy(newest, outlines / f"{folder.name}.yaml")
        shutil.rmtree(folder)
    data = copy.deepcopy(spec_data(dt.date(2026, 12, 1), status="utkast"))
    build(project, write(project / "agreements" / "platt.yaml", data))
    assert manifest(project, "platt")["outlines"] == {"iop-overenskommelse": 1, OUTLINE: 1}
    listed = run("clauses", "outlines", "--clauses", "clauses", cwd=project)
    assert f"{OUTLINE}@1 (" in listed.output and f"{OUTLINE}@2" not in listed.output


def test_drafter_new_writes_the_versions_it_used(tmp_path):
    result = run("new", "ny-2027", "--clauses", CLAUSES, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "agreements" / "ny-2027.yaml").read_text(encoding="utf-8"))
    assert data["outline"]["standard"] == "iop-overenskommelse@3"
    assert data["proposal"]["outline"]["standard"] == f"{OUTLINE}@5"


def test_the_input_hash_covers_the_outline_version_used(tmp_path):
    from drafter.incremental import inputs_sha256

    spec = write(tmp_path / "spec.yaml", spec_data(dt.date(2026, 12, 1)))
    one, two = ({OUTLINE: v} for v in (1, 2))
    hashes = [inputs_sha256(spec, CLAUSES, [], ("docx",), "typst", outlines_used=used) for used in (one, two, one)]
    assert hashes[0] == hashes[2] != hashes[1]
    assert inputs_sha256(spec, CLAUSES, [], ("docx",), "typst", outlines_used={OUTLINE: "x"}) is None


def test_a_renewal_starts_from_the_outline_version_the_old_documents_were_built_from(project):
    spec = signed(project)
    build(project, spec)
    raise_pin(project)
    result = run("renew", spec.relative_to(project), "asby-2028", "--months", "24", "--clauses", "clauses", cwd=project)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((project / "agreements" / "asby-2028.yaml").read_text(encoding="utf-8"))
    assert data["proposal"]["outline"]["standard"] == f"{OUTLINE}@1"
    assert data["outline"]["standard"] == "iop-overenskommelse@1"
    written = (project / "agreements" / "asby-2028.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(written, 1) if f"standard: {OUTLINE}@1" in text)
    assert f"agreements/asby-2028.yaml:{line}: standardmallen har en nyare version" in result.output
    assert (f"standardmallen har en nyare version (den nya specen använder samma som förut; byt genom att ändra @1 "
            f"i standard:): \"{OUTLINE}@2 (2026-11-29), nyaste: tjansteutlatande/forslag-till-beslut@5 → @6\"") in " ".join(
        result.output.split())


# --- The pins raised after the kommunjurist's review: rattslig-bedomning@3 and ersattning@3 ------------------

LAST = {OUTLINE: 3, "iop-tjansteutlatande-stadsdelsnamnd": 3, "iop-overenskommelse": 2}  # the outline versions
RAISED = ("tjansteutlatande/rattslig-bedomning@3", "villkor/ersattning@3", "villkor/statsstod@2")  # the clause versions they pin
V2_LOU = "Förvaltningen bedömer därför att lagen (2016:1145) om offentlig upphandling inte är tillämplig."
V3_LOU = "Lagen (2016:1145) om offentlig upphandling gäller när en upphandlande myndighet anskaffar tjänster"


@pytest.fixture
def before_review(tmp_path):
    """A project whose library holds the outlines as they were before these pins were raised."""
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "agreements").mkdir()
    set_aside(tmp_path, {name: version - 1 for name, version in LAST.items()})
    return tmp_path


def raise_review_pins(project: Path, approve: bool = False) -> None:
    """The new outline versions come into the library (with `approve`, the nämnd approves the clause versions
    they pin, so that only the outline's version could change the text)."""
    for name, version in LAST.items():
        come_in(project, name, version)
    for ref in RAISED if approve else ():
        approved = run("clauses", "approve", ref, "--av", "kultur- och fritidsnämnden", "--för", "Åsby kommun",
                       "--datum", "2026-11-30", "--paragraf", "§ 11", cwd=project)
        assert approved.exit_code == 0, approved.output


def agreement_text(project: Path, name: str = "asby") -> str:
    path = project / "output" / name / f"{name}-overenskommelse.docx"
    return "\n".join(p.text.replace("\u00a0", " ") for p in docx.Document(str(path)).paragraphs)


@pytest.mark.parametrize("manifest_from", ["this drafter", "drafter before outline versions"])
def test_a_slutlig_spec_built_before_the_review_pins_builds_the_same_bytes_after(before_review, manifest_from):
    project = before_review
    spec = signed(project)
    build(project, spec)
    before = manifest(project)
    assert before["outlines"] == {"iop-overenskommelse": 1, OUTLINE: 2}
    assert V2_LOU in proposal_text(project) and V3_LOU not in proposal_text(project)
    assert "bidrag till partnerskapet om 200 000 kr för 12 månader" in agreement_text(project)
    if manifest_from != "this drafter":  # no outlines: in the manifest, only the clause versions it used
        del before["outlines"]
        (project / "output" / "asby" / "manifest.json").write_text(json.dumps(before), encoding="utf-8")

    raise_review_pins(project, approve=True)
    output = build(project, spec)

    after = manifest(project)
    assert "clause-version-changed" not in output
    assert sums(after) == sums(before)  # same bytes
    assert after["outlines"] == {"iop-overenskommelse": 1, OUTLINE: 2}
    assert after["document_clauses"] == before["document_clauses"]
    assert V2_LOU in proposal_text(project) and "för 12 månader" in agreement_text(project)
    checked = run("check", spec.relative_to(project), "--alla", cwd=project)
    said = " ".join(line for line in checked.output.splitlines() if "[outline-unpinned]" in line)
    assert f"så drafter tar version 2, den som förra bygget använde (output/asby/manifest.json), fast den nyaste " \
           f"är version 3; skriv standard: {OUTLINE}@2 så byter texten aldrig mallversion." in said
    assert "så drafter tar version 1, den som förra bygget använde (output/asby/manifest.json), fast den nyaste " \
           "är version 2; skriv standard: iop-overenskommelse@1 så byter texten aldrig mallversion." in said


def test_a_draft_takes_the_review_pins(before_review):
    project = before_review
    build(project, signed(project))
    raise_review_pins(project)
    draft = write(project / "agreements" / "asby-utkast.yaml", spec_data(dt.date(2026, 12, 1), status="utkast"))
    build(project, draft)
    assert manifest(project, "asby-utkast")["outlines"] == {"iop-overenskommelse": 2, OUTLINE: 3}
    proposal = proposal_text(project, "asby-utkast")
    assert V3_LOU in proposal and V2_LOU not in proposal
    assert "bidrag till partnerskapet om 200 000 kr per år, fördelat enligt budgeten nedan." in agreement_text(
        project, "asby-utkast")


def test_the_new_versions_only_raise_the_pins_they_name():
    """Each new version is the one before it with the named pins raised (and its date), nothing else."""
    for name, version in LAST.items():
        files = version_files(CLAUSES, name)
        old, new = (files[v].read_text(encoding="utf-8").splitlines() for v in (version - 1, version))
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        assert len(old) == len(new) and changed, name
        for a, b in changed:
            assert any(a.strip() == f"- {ref.split('@')[0]}@{int(ref.split('@')[1]) - 1}" and b.strip() == f"- {ref}"
                       for ref in RAISED), (name, a, b)


def test_check_reads_the_build_of_the_folder_it_is_told(project):
    """`drafter build -o annan` keeps the outline version of its previous build in annan/; `drafter check -o annan`
    says the same version, from the same manifest, where `check` alone reads output/ (another build, or none)."""
    spec = signed(project)
    build(project, spec, "-o", "annan")
    assert manifest(project, out="annan")["outlines"][OUTLINE] == 1
    raise_pin(project, approve=True)
    build(project, spec)  # output/: this build takes the version in force on the spec's date

    def said(*more) -> str:
        checked = run("check", spec.relative_to(project), "--alla", *more, cwd=project)
        [line] = [line for line in checked.output.splitlines() if "[outline-unpinned]" in line and OUTLINE in line]
        return line

    in_output = manifest(project)["outlines"][OUTLINE]
    assert in_output == 2  # the two folders hold builds of two outline versions
    assert f"så drafter tar version {in_output}, den som förra bygget använde (output/asby/manifest.json)" in said()
    assert "så drafter tar version 1, den som förra bygget använde (annan/asby/manifest.json)" in said("-o", "annan")
    build(project, spec, "-o", "annan")  # and build -o annan takes what check -o annan said
    assert manifest(project, out="annan")["outlines"][OUTLINE] == 1 and V5 in proposal_text(project, out="annan")
