"""A warning kept on purpose is acknowledged in the spec by code and field or clause, never by line."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE

ACK = """
acknowledge:
  - code: budget-period
    about: budget.months
    reason: Som originalet.
"""


def spec_copy(tmp_path, text_change=lambda text: text):
    agreements = tmp_path / "agreements"
    agreements.mkdir(parents=True)
    for spec in EXAMPLE.parent.glob("street-minds-*.yaml"):
        shutil.copy(spec, agreements / spec.name)
    path = agreements / EXAMPLE.name
    text = path.read_text(encoding="utf-8").split("\n# Varningar som specen behåller")[0]
    path.write_text(text_change(text), encoding="utf-8")
    return path


def check(path):
    result = CliRunner().invoke(main, ["check", str(path), "--clauses", str(CLAUSES)])
    return result.exit_code, result.output.splitlines()


def test_an_acknowledged_warning_is_shown_with_its_reason_not_dropped(tmp_path):
    path = spec_copy(tmp_path, lambda text: text + ACK)
    code, lines = check(path)
    (budget,) = [line for line in lines if "[budget-period]" in line]
    assert budget.startswith("varning [budget-period]") and budget.endswith("[kvitterad: Som originalet.]")
    assert code == 0 and "(1 kvitterad)" in lines[-1]


def test_the_acknowledgement_follows_the_field_when_lines_move(tmp_path):
    path = spec_copy(tmp_path, lambda text: "# en ny kommentar\n# och en till\n" + text + ACK)
    _, lines = check(path)
    assert any("[budget-period]" in line and "kvitterad" in line for line in lines)


def test_without_the_acknowledgement_the_warning_is_plain(tmp_path):
    _, lines = check(spec_copy(tmp_path))
    (budget,) = [line for line in lines if "[budget-period]" in line]
    assert "kvitterad" not in budget


def test_an_acknowledgement_that_matches_nothing_is_reported(tmp_path):
    ack = ACK.replace("budget.months", "period.start")
    _, lines = check(spec_copy(tmp_path, lambda text: text + ack))
    assert any(line.startswith("info [acknowledge-unused]") and "budget-period för period.start" in line
               for line in lines)
    assert not any("[budget-period]" in line and "kvitterad" in line for line in lines)


def test_an_error_cannot_be_acknowledged(tmp_path):
    ack = "\nacknowledge:\n  - code: budget-sum\n    about: budget.total\n    reason: Vi vill inte se det.\n"
    path = spec_copy(tmp_path, lambda text: text.replace("budget:\n", "budget:\n  total: 1\n", 1) + ack)
    code, lines = check(path)
    (error,) = [line for line in lines if line.startswith("fel [budget-sum]")]
    assert code == 1 and "kvitterad" not in error
    assert any(line.startswith("info [acknowledge-unused]") for line in lines)


def test_a_clause_version_can_be_acknowledged(tmp_path):
    ack = ("\nacknowledge:\n  - code: clause-unapproved\n    about: street-minds/tu-bakgrund@2\n"
           "    reason: Förvaltningen fastställer den före nämndens möte.\n")
    _, lines = check(spec_copy(tmp_path, lambda text: text + ack))
    unapproved = [line for line in lines if "[clause-unapproved]" in line]
    assert [line for line in unapproved if "kvitterad" in line] == [
        line for line in unapproved if "street-minds/tu-bakgrund@2 (" in line]


def test_json_gives_the_reason_only_for_an_acknowledged_finding(tmp_path):
    import json

    path = spec_copy(tmp_path, lambda text: text + ACK)
    result = CliRunner().invoke(main, ["check", str(path), "--clauses", str(CLAUSES), "--format", "json"])
    found = json.loads(result.output)["findings"]
    (budget,) = [f for f in found if f["code"] == "budget-period"]
    assert budget["acknowledged"] == "Som originalet."
    assert all("acknowledged" not in f for f in found if f["code"] != "budget-period")


def _norrmalm(text: str) -> str:
    """The example for Norrmalms stadsdelsnämnd: the library's versions approved by Socialnämnden i
    Stockholms stad are not approved here, so clause-unapproved is grouped, one line per document."""
    return text.replace("committee: socialnämnden", "committee: Norrmalms stadsdelsnämnd", 1)


def _grouped_line(lines):
    (line,) = [line for line in lines if "[clause-unapproved]" in line and "(överenskommelsen)" in line]
    return line


def test_one_clause_of_a_grouped_finding_can_be_acknowledged(tmp_path):
    _, before = check(spec_copy(tmp_path / "a", _norrmalm))
    group = _grouped_line(before)
    assert "kvitter" not in group and "villkor/period@2" in group
    ack = ("\nacknowledge:\n  - code: clause-unapproved\n    about: villkor/period@2\n"
           "    reason: Norrmalm fastställer villkoren i juni.\n")
    _, lines = check(spec_copy(tmp_path / "b", lambda text: _norrmalm(text) + ack))
    group = _grouped_line(lines)  # still one line, saying how many of its clauses are acknowledged
    assert "1 av " in group and "är kvitterad i specen (Norrmalm fastställer villkoren i juni); de övriga är inte det." in group
    assert "[kvitterad:" not in group
    assert not any("[acknowledge-unused]" in line for line in lines)  # the acknowledgement was used


def test_a_grouped_finding_with_every_clause_acknowledged_is_acknowledged(tmp_path):
    import json

    path = spec_copy(tmp_path / "a", _norrmalm)
    result = CliRunner().invoke(main, ["check", str(path), "--clauses", str(CLAUSES), "--format", "json"])
    (group,) = [f for f in json.loads(result.output)["findings"]
                if f["code"] == "clause-unapproved" and f["document"] == "agreement"]
    refs = [d["clause"] for d in group["details"]]
    ack = "\nacknowledge:\n" + "".join(f"  - code: clause-unapproved\n    about: {ref}\n    reason: Norrmalm beslutar i juni.\n"
                                       for ref in refs)
    path = spec_copy(tmp_path / "b", lambda text: _norrmalm(text) + ack)
    result = CliRunner().invoke(main, ["check", str(path), "--clauses", str(CLAUSES), "--format", "json"])
    (group,) = [f for f in json.loads(result.output)["findings"]
                if f["code"] == "clause-unapproved" and f["document"] == "agreement"]
    assert group["acknowledged"] == "Norrmalm beslutar i juni."
    assert all(d["acknowledged"] == "Norrmalm beslutar i juni." for d in group["details"])
    _, lines = check(path)
    assert _grouped_line(lines).endswith("[kvitterad: Norrmalm beslutar i juni.]")


def test_build_counts_acknowledged_warnings_and_leaves_the_list_to_check(tmp_path):
    """`build` says how many warnings the spec keeps on purpose, in one line; `check` lists them."""
    path = spec_copy(tmp_path, lambda text: text + ACK)
    result = CliRunner().invoke(main, ["build", str(path), "--clauses", str(CLAUSES), "-o", str(tmp_path / "ut"),
                                       "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert f"{path}: 1 kvitterad varning (visas med drafter check)" in result.output
    assert "[kvitterad:" not in result.output
    assert "varning [clause-unapproved]" in result.output  # a warning not acknowledged is still printed
