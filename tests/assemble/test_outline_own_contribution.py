"""iop-overenskommelse@3 pins parter/insatser@4: the agreement states only the organisation's own contribution that
the spec gives (figures.egen_insats_text), never v1–v3's "ideellt arbete, egen kunskap om målgruppen och egna
nätverk". Drafts take v3; a slutlig spec keeps the outline version it was made with, and its bytes.

The partnership is one of our own (tests/generic/kommun-tva-firmatecknare.yaml, Åsby kommun and a förening),
with its egen_insats_text taken out where a test needs the spec as it was written before v3.
"""

from __future__ import annotations

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
OLD = "ideellt arbete, egen kunskap om målgruppen och egna nätverk"



def spec_data(status: str, own_words: str | None = None, outline: str = "iop-overenskommelse") -> dict:
    data = yaml.safe_load(GENERIC.read_text(encoding="utf-8"))
    data["document"].update(date=dt.date(2026, 12, 1), status=status)
    data["period"] = {"start": dt.date(2027, 1, 1), "end": dt.date(2027, 12, 31),
                      "renewal": {"unit": "kalenderår", "max_end": dt.date(2029, 12, 31), "notice_deadline": "08-31"}}
    data["budget"]["months"] = 12
    data["proposal"]["date"] = dt.date(2026, 11, 2)
    data["decision"] = {"by": "kultur- och fritidsnämnden", "date": dt.date(2026, 11, 20), "paragraph": "§ 5"}
    data["figures"].pop("egen_insats_text")
    if own_words is not None:
        data["figures"]["egen_insats_text"] = own_words
    data["outline"]["standard"] = outline
    return data


def write(project: Path, name: str, data: dict) -> Path:
    path = project / "agreements" / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def before_v3(tmp_path):
    """A project whose library is as it was before iop-overenskommelse@3 came in (v3 set aside in later/)."""
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "agreements").mkdir()
    (tmp_path / "later").mkdir()
    version_files(tmp_path / "clauses", "iop-overenskommelse")[3].rename(tmp_path / "later" / "v3.yaml")
    return tmp_path


def v3_comes_in(project: Path) -> None:
    (project / "later" / "v3.yaml").rename(project / "clauses" / "outlines" / "iop-overenskommelse" / "v3.yaml")


def build(project: Path, spec: Path) -> str:
    result = run("build", spec.relative_to(project), "--format", "docx", cwd=project)
    assert result.exit_code == 0, result.output
    return result.output


def manifest(project: Path, name: str) -> dict:
    return json.loads((project / "output" / name / "manifest.json").read_text(encoding="utf-8"))


def agreement_text(project: Path, name: str) -> str:
    path = project / "output" / name / f"{name}-overenskommelse.docx"
    return "\n".join(p.text.replace("\u00a0", " ") for p in docx.Document(str(path)).paragraphs)


def test_v3_is_v2_with_only_parter_insatser_raised():
    files = version_files(CLAUSES, "iop-overenskommelse")
    old, new = (files[v].read_text(encoding="utf-8").splitlines() for v in (2, 3))
    assert len(old) == len(new)
    assert [(a.strip(), b.strip()) for a, b in zip(old, new) if a != b] == [
        ("- parter/insatser@3", "- parter/insatser@4")]


def test_a_draft_takes_v3_and_says_only_what_the_spec_says(before_v3):
    project = before_v3
    v3_comes_in(project)
    spec = write(project, "asby", spec_data("utkast", "ideella ledare varannan helg och egen idrottsutrustning"))
    build(project, spec)
    assert manifest(project, "asby")["outlines"]["iop-overenskommelse"] == 3
    text = agreement_text(project, "asby")
    assert "Föreningen bidrar med ideella ledare varannan helg och egen idrottsutrustning." in text
    assert OLD not in text


def test_a_draft_without_its_own_words_is_an_error_not_a_claim(before_v3):
    project = before_v3
    v3_comes_in(project)
    spec = write(project, "asby", spec_data("utkast"))
    checked = run("check", spec.relative_to(project), cwd=project)
    assert checked.exit_code == 1
    [said] = [line for line in checked.output.splitlines() if "[placeholder]" in line and "insatser@4" in line]
    assert "egen_insats_text" in said
    assert run("build", spec.relative_to(project), cwd=project).exit_code == 1


@pytest.mark.parametrize("outline", ["iop-overenskommelse", "iop-overenskommelse@2"])
def test_a_slutlig_or_pinned_spec_keeps_its_text_and_bytes_when_v3_comes_in(before_v3, outline):
    project = before_v3
    spec = write(project, "asby", spec_data("slutlig", outline=outline))
    approved = run("clauses", "approve", "--spec", spec.relative_to(project), "--av", "kultur- och fritidsnämnden",
                   "--för", "Åsby kommun", "--datum", "2026-11-20", "--paragraf", "§ 5", "--ja", cwd=project)
    assert approved.exit_code == 0, approved.output
    build(project, spec)
    before = manifest(project, "asby")
    assert before["outlines"]["iop-overenskommelse"] == 2
    assert f"Föreningen bidrar med {OLD}." in agreement_text(project, "asby")

    v3_comes_in(project)
    output = build(project, spec)

    after = manifest(project, "asby")
    assert "clause-version-changed" not in output
    assert [d["sha256"] for d in after["documents"]] == [d["sha256"] for d in before["documents"]]
    assert after["outlines"]["iop-overenskommelse"] == 2
    assert f"Föreningen bidrar med {OLD}." in agreement_text(project, "asby")
