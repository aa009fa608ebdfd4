"""A signed document is a legal fact (trial4, item 1): a later approval never changes the text of a
slutlig document. Its next build is refused, with the fix; pinning the version it was built with
builds it again, with the text it had."""

import hashlib
import json

import pytest
from click.testing import CliRunner
from docx import Document as Docx

from drafter.cli import main
from helpers import copy_examples

SPEC = "agreements/street-minds-2023.yaml"
DOCX = "output/street-minds-2023/street-minds-2023-overenskommelse.docx"
V1 = "Uppsägningen skall ske skriftligen till styrgruppen"  # villkor/uppsagning@1 as the 2023 agreement reads
V2 = "En part som inte vill att överenskommelsen förlängs ska säga upp den skriftligen"  # v2's first sentence


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def docx_text(path) -> str:
    return "\n".join(p.text for p in Docx(str(path)).paragraphs)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


BEFORE = "2023-06-20"  # a decision taken before the 2023 agreement's date, registered in the library later


def approve_uppsagning_v2(date: str = "2026-11-20"):
    """Kommunfullmäktige approves uppsagning@2 for the whole city, after the 2023 agreement's date (or, with
    BEFORE, registers an earlier decision: then only the previous build's manifest tells what was signed)."""
    result = run("clauses", "approve", "villkor/uppsagning@2", "--av", "Kommunfullmäktige i Stockholms stad",
                 "--för", "Stockholms stad", "--datum", date)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def unpinned(tmp_path, monkeypatch):
    """The 2023 example as it was shipped before: slutlig, not locked, villkor/uppsagning without a version;
    built once."""
    copy_examples(tmp_path)
    path = tmp_path / SPEC
    text = path.read_text(encoding="utf-8")
    assert "      - villkor/uppsagning@1\n" in text
    path.write_text(text.replace("      - villkor/uppsagning@1\n", "      - villkor/uppsagning\n"), encoding="utf-8")
    # v1 fastställd before the agreement's date (the library's copy says 2026-07-01, when it was taken in):
    # otherwise a slutlig agreement naming it without a version is refused at once (clause-approved-after-date)
    v1 = tmp_path / "clauses" / "villkor" / "uppsagning" / "v1.md"
    front = v1.read_text(encoding="utf-8")
    assert "\n  date: 2026-07-01\n" in front
    v1.write_text(front.replace("\n  date: 2026-07-01\n", "\n  date: 2023-06-15\n", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("build", SPEC, "--format", "docx")
    assert result.exit_code == 0, result.output
    assert V1 in docx_text(tmp_path / DOCX)
    return tmp_path


def test_a_later_approval_refuses_the_build_of_a_final_document_and_writes_nothing(unpinned):
    before = sha(unpinned / DOCX)
    manifest = (unpinned / "output/street-minds-2023/manifest.json").read_bytes()
    approve_uppsagning_v2(BEFORE)
    result = run("build", SPEC, "--format", "docx")
    assert result.exit_code == 1, result.output
    assert ("fel [clause-version-changed] agreements/street-minds-2023.yaml:85: villkor/uppsagning ändras i ett "
            "slutligt dokument (överenskommelsen: v1 → v2, mot förra bygget).") in result.output
    assert "Skriv villkor/uppsagning@1 i specen" in result.output
    assert "inga dokument skrevs" in result.output
    assert sha(unpinned / DOCX) == before  # the signed text stays what it was
    assert (unpinned / "output/street-minds-2023/manifest.json").read_bytes() == manifest
    again = run("build", SPEC, "--format", "docx", "--force")  # refused every time, not only once
    assert again.exit_code == 1 and "[clause-version-changed]" in again.output


def test_an_approval_after_the_agreements_date_refuses_the_build_by_its_date(unpinned):
    before = sha(unpinned / DOCX)
    approve_uppsagning_v2()
    result = run("build", SPEC, "--format", "docx")
    assert result.exit_code == 1, result.output
    assert ("fel [clause-approved-after-date] agreements/street-minds-2023.yaml:85 (överenskommelsen): Klausulen "
            "villkor/uppsagning@2 (Uppsägning) fastställdes 2026-11-20") in result.output
    assert ("Skriv villkor/uppsagning@1 i specen (version 1 gällde den 1 juli 2023; version 2 fastställdes "
            "2026-11-20, efter överenskommelsens datum)") in result.output
    assert sha(unpinned / DOCX) == before


def test_pinning_the_version_it_was_built_with_builds_it_again_with_its_own_text(unpinned):
    approve_uppsagning_v2()
    assert run("build", SPEC, "--format", "docx").exit_code == 1
    path = unpinned / SPEC
    path.write_text(path.read_text(encoding="utf-8").replace("      - villkor/uppsagning\n",
                                                             "      - villkor/uppsagning@1\n"), encoding="utf-8")
    result = run("build", SPEC, "--format", "docx")
    assert result.exit_code == 0, result.output
    text = docx_text(unpinned / DOCX)
    assert V1 in text and V2 not in text


def test_a_manifest_from_before_per_document_versions_still_refuses(unpinned):
    folder = unpinned / "output/street-minds-2023"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    del manifest["document_clauses"], manifest["status"]
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    approve_uppsagning_v2(BEFORE)
    result = run("build", SPEC, "--format", "docx")
    assert result.exit_code == 1, result.output
    assert "villkor/uppsagning ändras i ett slutligt dokument (dokumentet: v1 → v2" in result.output


def test_a_draft_built_before_it_became_final_may_change(unpinned):
    """The draft (utkast) floated to v2 before anyone signed: the first slutlig build is not refused."""
    path = unpinned / SPEC
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  status: slutlig\n", "  status: utkast\n"), encoding="utf-8")
    assert run("build", SPEC, "--format", "docx").exit_code == 0
    approve_uppsagning_v2(BEFORE)  # approved after 2023-07-01 it is refused (tests/checks/test_pins.py)
    path.write_text(text, encoding="utf-8")
    result = run("build", SPEC, "--format", "docx")
    assert result.exit_code == 0, result.output
    assert "info [clause-version-changed] agreements/street-minds-2023.yaml: villkor/uppsagning: v1 → v2" in result.output
    assert V2 in docx_text(unpinned / DOCX)


def test_the_shipped_2023_example_pins_its_versions_and_is_untouched_by_the_approval(tmp_path, monkeypatch):
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run("build", SPEC, "--format", "docx").exit_code == 0
    before = docx_text(tmp_path / DOCX)
    result = approve_uppsagning_v2()
    assert "agreements/street-minds-2023.yaml: överenskommelsen (använder villkor/uppsagning@1)" in result.output
    built = run("build", SPEC, "--format", "docx", "--force")
    assert built.exit_code == 0, built.output
    assert "clause-version-changed" not in built.output
    assert docx_text(tmp_path / DOCX) == before


@pytest.fixture
def signed_2026(tmp_path, monkeypatch):
    """The 2026 example signed (slutlig, decision recorded) and its agreement locked; built once."""
    from helpers import signed_example

    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    assert run("lock", "agreements/street-minds-2026.yaml").exit_code == 0
    result = run("build", "agreements/street-minds-2026.yaml", "--format", "docx")
    assert result.exit_code == 0, result.output
    return tmp_path


def as_if_built_with(root, document: str, clause: str, version: int) -> None:
    """The previous build's manifest as if `document` had used another version of `clause`."""
    path = root / "output/street-minds-2026/manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    refs = manifest["document_clauses"][document]
    assert any(r.startswith(f"{clause}@") for r in refs), refs
    manifest["document_clauses"][document] = [f"{clause}@{version}" if r.startswith(f"{clause}@") else r for r in refs]
    path.write_text(json.dumps(manifest), encoding="utf-8")


def test_each_document_is_compared_with_its_own_previous_versions(signed_2026):
    """The tjänsteutlåtande of a slutlig spec is what the nämnd decided on: refused when it changes; the
    consolidated agreement, which nobody signs, is not."""
    as_if_built_with(signed_2026, "overenskommelse-konsoliderad", "villkor/period", 7)
    built = run("build", "agreements/street-minds-2026.yaml", "--format", "docx", "--force")
    assert built.exit_code == 0, built.output
    as_if_built_with(signed_2026, "tjansteutlatande", "tjansteutlatande/beredning", 7)
    refused = run("build", "agreements/street-minds-2026.yaml", "--format", "docx", "--force")
    assert refused.exit_code == 1, refused.output
    assert ("tjansteutlatande/beredning ändras i ett slutligt dokument (tjänsteutlåtandet: v7 → v1, mot förra "
            "bygget)") in refused.output
    assert "Skriv tjansteutlatande/beredning@7 i specen" in refused.output
