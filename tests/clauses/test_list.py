"""`drafter clauses list` and the web's clause list say for whom a version is fastställd: an approval
holds for a kommun, a region or one nämnd, never for everyone (README "Fastställa en klausulversion")."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.approve import approve
from drafter.clauses.library import ClauseLibrary
from helpers import CLAUSES

REF = "parter/insatser@2"


def library_with_two_approvals(tmp_path) -> ClauseLibrary:
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    library = ClauseLibrary(tmp_path / "clauses")
    approve(library, REF, "Rinkeby-Kista stadsdelsnämnd", dt.date(2026, 9, 10), organisation="Stockholms stad",
            paragraph="§ 12")
    approve(ClauseLibrary(tmp_path / "clauses"), REF, "Regionstyrelsen", dt.date(2026, 10, 1),
            organisation="Region Exempelland")
    return ClauseLibrary(tmp_path / "clauses")


def listed(*args) -> str:
    result = CliRunner().invoke(main, ["clauses", "list", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_list_names_each_approval_with_for_whom(tmp_path):
    library_with_two_approvals(tmp_path)
    lines = listed("--clauses", tmp_path / "clauses").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("parter/insatser  ("))
    assert lines[at + 2].split()[:3] == ["v2", "fastställd", "2026-09-10"]
    assert lines[at + 3].strip() == "fastställd för Rinkeby-Kista stadsdelsnämnd i Stockholms stad (2026-09-10, § 12)"
    assert lines[at + 4].strip() == "fastställd för hela Region Exempelland (2026-10-01)"
    assert lines[at + 1].split()[:3] == ["v1", "granskad", "–"]  # not fastställd: no line for whom


def test_the_list_as_json_holds_every_approval_and_its_scope(tmp_path):
    library_with_two_approvals(tmp_path)
    data = json.loads(listed("--clauses", tmp_path / "clauses", "--format", "json"))
    clause = next(c for c in data if c["id"] == "parter/insatser")
    v2 = next(v for v in clause["versions"] if v["version"] == 2)
    assert v2["status"] == "fastställd"
    assert [(a["by"], a["date"], a["paragraph"], a["applies_to"], a["for"]) for a in v2["approvals"]] == [
        ("Rinkeby-Kista stadsdelsnämnd", "2026-09-10", "§ 12",
         {"organisation": "Stockholms stad", "committee": "Rinkeby-Kista stadsdelsnämnd"},
         "Rinkeby-Kista stadsdelsnämnd i Stockholms stad"),
        ("Regionstyrelsen", "2026-10-01", None, {"organisation": "Region Exempelland", "committee": None},
         "hela Region Exempelland")]
    assert next(v for v in clause["versions"] if v["version"] == 1)["approvals"] == []


def test_the_web_clause_list_and_page_say_for_whom(tmp_path):
    from starlette.testclient import TestClient

    from drafter.web.app import create_app

    library_with_two_approvals(tmp_path)
    (tmp_path / "agreements").mkdir()
    with TestClient(create_app(tmp_path, {"testserver"}, token="t")) as client:
        listing = client.get("/clauses", params={"q": "parter/insatser"}).text
        page = client.get("/clauses/parter/insatser").text
    assert ("v2 fastställd för Rinkeby-Kista stadsdelsnämnd i Stockholms stad och hela Region Exempelland"
            in listing)
    assert "Rinkeby-Kista stadsdelsnämnd 2026-09-10 (§ 12) för Rinkeby-Kista stadsdelsnämnd i Stockholms stad" in page
    assert "Regionstyrelsen 2026-10-01 för hela Region Exempelland" in page
