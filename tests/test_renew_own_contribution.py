"""What the organisation contributes (figures.egen_insats_text, which parter/insatser@4 states) is the parties'
description of their partnership, not bound to the period: `drafter renew` carries it over as written and does
not list it to do. A renewal of an agreement made before iop-overenskommelse@3 keeps its outline version (so its
text), and says that the newer one raises parter/insatser."""

from __future__ import annotations

import json

import yaml

from test_new import OWN_CONTRIBUTION
from test_renew_first_period import partnership, renew, run


def test_renew_carries_the_own_contribution_over_and_lists_nothing_about_it(tmp_path):
    spec = partnership(tmp_path)
    result = renew(spec, "--months", "24")
    assert result.exit_code == 0, result.output
    new = spec.with_name("laxhjalpen-norr-2028.yaml")
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["figures"]["egen_insats_text"] == OWN_CONTRIBUTION
    assert data["outline"]["standard"] == "iop-overenskommelse@3"
    assert "egen_insats_text" not in result.output  # nothing to do about it: no year, date or amount in it
    checked = run("check", new, "--format", "json", "--clauses", tmp_path / "clauses")
    findings = json.loads(checked.output)["findings"]
    assert not [f for f in findings if f["code"] == "placeholder" and "insats" in f["message"]]  # dates: to fill


def test_a_year_in_the_own_contribution_is_listed_like_any_figure_with_one(tmp_path):
    def since_2019(text: str) -> str:
        return text.replace(f"egen_insats_text: {OWN_CONTRIBUTION}", f"egen_insats_text: {OWN_CONTRIBUTION} sedan 2019")

    spec = partnership(tmp_path, since_2019)
    result = renew(spec, "--months", "24")
    assert result.exit_code == 0, result.output
    todo = " ".join(result.output.split())
    assert "uppgiften egen_insats_text gäller en viss tidpunkt" in todo and "sedan 2019" in todo


def test_a_renewal_of_an_agreement_on_v2_keeps_v2_and_names_the_raised_pin(tmp_path):
    def on_v2_without_own_words(text: str) -> str:
        text = text.replace("standard: iop-overenskommelse@3", "standard: iop-overenskommelse@2", 1)
        return text.replace(f"  egen_insats_text: {OWN_CONTRIBUTION}\n", "", 1)

    spec = partnership(tmp_path, on_v2_without_own_words)
    result = renew(spec, "--months", "24")
    assert result.exit_code == 0, result.output
    new = spec.with_name("laxhjalpen-norr-2028.yaml")
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["outline"]["standard"] == "iop-overenskommelse@2" and not data.get("figures")
    said = " ".join(result.output.split())
    assert "iop-overenskommelse@3 (2026-11-29), nyaste: parter/insatser@3 → @4" in said, said
