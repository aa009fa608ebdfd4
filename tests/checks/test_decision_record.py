"""decision-unrecorded: a final agreement rests on the nämnd's decision, recorded with date and §."""

import datetime as dt

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, example_data

EXAMPLE_2023 = EXAMPLE.parent / "street-minds-2023.yaml"


def final(**decision) -> dict:
    data = example_data()
    data["document"]["status"] = "slutlig"
    data["decision"].update(decision)
    return data


def test_a_final_agreement_whose_decision_has_no_date_or_paragraph(tmp_path):
    # found by a trial: status slutlig, a decision: block without date or §, and no finding
    spec = spec_file(tmp_path, final())
    (f,) = of(findings(spec), "decision-unrecorded")
    assert f.severity == "error" and f.where == line_of(spec, "by: socialnämnden", after="decision:")
    assert "socialnämndens beslut om den saknar datum (decision.date) och paragraf (decision.paragraph)" in f.message
    assert "förslag till beslut" in f.message and "document.status: utkast" in f.hint


def test_a_paragraph_alone_is_missing(tmp_path):
    (f,) = of(findings(spec_file(tmp_path, final(date=dt.date(2026, 6, 16)))), "decision-unrecorded")
    assert "saknar paragraf (decision.paragraph)." in f.message and "datum (decision.date)" not in f.message


def test_a_recorded_decision_or_a_draft_gives_no_finding(tmp_path):
    assert of(findings(spec_file(tmp_path, final(date=dt.date(2026, 6, 16), paragraph="§ 12"))),
              "decision-unrecorded") == []
    assert of(findings(EXAMPLE), "decision-unrecorded") == []  # a draft: the decision is still to come


def test_a_final_agreement_with_no_decision_at_all_warns(tmp_path):
    data = final()
    del data["decision"]
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "decision-unrecorded")
    assert f.severity == "warning" and f.where == line_of(spec, "status: slutlig")
    assert "specen anger inte socialnämndens beslut om den" in f.message


def test_the_2023_example_says_why_its_decision_is_not_there():
    (f,) = of(findings(EXAMPLE_2023), "decision-unrecorded")
    assert f.severity == "warning" and f.acknowledged and "2023" in f.acknowledged


def test_the_command_stops_a_final_agreement_without_its_decision(tmp_path):
    from click.testing import CliRunner

    from drafter.cli import main

    spec = spec_file(tmp_path, final())
    result = CliRunner().invoke(main, ["check", str(spec)])
    assert result.exit_code == 1 and "fel [decision-unrecorded]" in result.output


def test_an_agreement_dated_before_the_recorded_decision(tmp_path):
    spec = spec_file(tmp_path, final(date=dt.date(2026, 7, 15), paragraph="§ 12"))  # signed 2026-07-01
    (f,) = of(findings(spec), "agreement-before-decision")
    assert f.severity == "warning" and f.where == line_of(spec, "date: 2026-07-01")
    assert "före socialnämndens beslut 15 juli 2026" in f.message.replace("\u00a0", " ")


def test_a_signed_and_locked_agreement_warns_and_keeps_building(tmp_path):
    """Signed and locked before this check existed: a legal fact, so a warning, never a build that stops."""
    from drafter.checks.context import CheckContext
    from drafter.checks.decision_record import check_decision_recorded
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import load_spec
    from helpers import CLAUSES

    loaded, library = load_spec(spec_file(tmp_path, final())), ClauseLibrary(CLAUSES)
    (draft,) = check_decision_recorded(CheckContext(loaded, library, lock={}))
    (signed,) = check_decision_recorded(CheckContext(loaded, library, lock={"overenskommelse": {}}))
    assert (draft.severity, signed.severity) == ("error", "warning")
    assert "redan undertecknad och låst" in signed.message
