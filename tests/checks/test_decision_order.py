"""agreement-before-decision: an agreement dated before the proposal the nämnd decides on, an amendment
dated before its decision."""

import datetime as dt

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, example_data

EXAMPLE_2023 = EXAMPLE.parent / "street-minds-2023.yaml"


def test_agreement_dated_before_the_proposal(tmp_path):
    data = example_data()
    data["document"]["date"] = dt.date(2026, 5, 1)  # the proposal is dated 2026-05-12
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "agreement-before-decision")
    assert f.severity == "warning" and not f.acknowledged
    assert f.where == line_of(spec, "date: 2026-05-01")
    assert "daterad 1 maj 2026 (document.date)" in f.message.replace("\u00a0", " ")
    assert "före tjänsteutlåtandet 12 maj 2026" in f.message.replace("\u00a0", " ")


def test_agreement_dated_after_the_proposal_is_fine():
    assert of(findings(EXAMPLE), "agreement-before-decision") == []


def test_amendment_dated_before_its_decision(tmp_path):
    data = example_data(amended=True)
    data["amendments"][0]["date"] = dt.date(2026, 12, 1)  # decided 2026-12-08
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "agreement-before-decision")
    assert f.severity == "warning"
    assert "Tillägg nr 1 är daterat 1 december 2026, före beslutet 8 december 2026" in f.message.replace("\u00a0", " ")
    assert f.where == line_of(spec, "date: 2026-12-01")


def test_the_2023_example_was_so_and_says_why():
    (f,) = of(findings(EXAMPLE_2023), "agreement-before-decision")
    assert f.severity == "warning" and "23 augusti 2023" in f.message.replace("\u00a0", " ")
    assert f.acknowledged and "2023" in f.acknowledged


def test_a_decision_dated_before_the_proposal_it_is_taken_on(tmp_path):
    """trial5: decision.date 2026-11-27 against proposal.date 2027-01-20 passed without a word."""
    data = example_data()
    data["decision"] = {"date": dt.date(2026, 5, 5), "paragraph": "§ 12"}  # the proposal is dated 2026-05-12
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "decision-before-proposal")
    assert f.severity == "warning" and f.where == line_of(spec, "date: 2026-05-05")
    message = f.message.replace("\u00a0", " ")
    assert message.startswith("Socialnämndens beslut är daterat 5 maj 2026 (decision.date), före tjänsteutlåtandet 12 maj 2026")
    data["decision"]["date"] = dt.date(2026, 5, 12)  # the same day: decided on the proposal written that day
    assert of(findings(spec_file(tmp_path, data)), "decision-before-proposal") == []
