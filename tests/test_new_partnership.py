"""`drafter new` writes the new spec's `partnership:`: its name without the year, or `--partnership`."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from checks.support import findings, of
from drafter.cli import main
from helpers import CLAUSES, EXAMPLE


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def written(path) -> str | None:
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("partnership")


def test_new_writes_the_name_without_its_year(tmp_path):
    assert run("new", "laxhjalp-jarva-2027", "--agreements", tmp_path, "--clauses", CLAUSES).exit_code == 0
    path = tmp_path / "laxhjalp-jarva-2027.yaml"
    assert written(path) == "laxhjalp-jarva"
    assert "partnership: laxhjalp-jarva " in path.read_text(encoding="utf-8").split("document:")[0]
    assert not of(findings(path), "partnership-unknown")  # a new partnership: no folder yet, and none needed


def test_new_from_another_partnership_writes_the_new_one_and_uses_none_of_the_old_ones_clauses(tmp_path):
    assert run("new", "gatans-rost-2027", "--from", EXAMPLE, "--agreements", tmp_path, "--clauses", CLAUSES).exit_code == 0
    path = tmp_path / "gatans-rost-2027.yaml"
    assert written(path) == "gatans-rost"
    found = findings(path)
    assert not of(found, "clause-other-partnership") and not of(found, "partnership-unknown")


def test_new_with_a_partnership_given_writes_it_after_checking_the_folder(tmp_path):
    result = run("new", "iop-0007", "--partnership", "street-minds", "--agreements", tmp_path, "--clauses", CLAUSES)
    assert result.exit_code == 0, result.output
    assert written(tmp_path / "iop-0007.yaml") == "street-minds"
    misspelt = run("new", "iop-0008", "--partnership", "stret-minds", "--agreements", tmp_path, "--clauses", CLAUSES)
    assert misspelt.exit_code == 2 and "Menade du 'street-minds'?" in misspelt.output
    assert "--partnership stret-minds: Klausulbiblioteket" in misspelt.output
    assert not (tmp_path / "iop-0008.yaml").exists()
    unknown = run("new", "iop-0009", "--partnership", "gatans-rost", "--agreements", tmp_path, "--clauses", CLAUSES)
    assert unknown.exit_code == 2 and "t.ex. gatans-rost-2027" in unknown.output
    bad = run("new", "iop-0010", "--partnership", "Gatans Röst", "--agreements", tmp_path, "--clauses", CLAUSES)
    assert bad.exit_code == 2 and "går inte att använda som namn på ett partnerskap" in bad.output
