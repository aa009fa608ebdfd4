"""A spec still full of placeholders is checked with stand-ins of the right type (2 januari 2001 for
ÅÅÅÅ-MM-DD); a finding that quotes a text must show the placeholder, never the stand-in (trial 13: the lix
finding read "för perioden den 2 januari 2001 till och med den 2 januari 2…")."""

from __future__ import annotations

import json

from drafter.spec.placeholders import Placeholder, stand_ins_unsaid
from test_renew_old_wording import run

from helpers import CLAUSES


def test_a_new_spec_s_findings_quote_the_placeholder_not_its_stand_in(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("new", "proba").exit_code == 0
    checked = run("check", "agreements/proba.yaml", "--clauses", CLAUSES, "--format", "json")
    findings = json.loads(checked.output)["findings"]
    quoting = [f["message"] for f in findings if f["code"] == "lix" and "för perioden den" in f["message"]]
    assert quoting, "the proposal's decision sentence is quoted"
    assert "för perioden den ÅÅÅÅ-MM-DD till och med den ÅÅÅÅ-MM-DD" in quoting[0]
    said = "\n".join(f["message"] + (f.get("hint") or "") for f in findings).replace("\u00a0", " ")
    assert "2001" not in said and "januari 2…" not in said


def test_a_stand_in_cut_in_a_quote_is_the_placeholder_too():
    unsaid = stand_ins_unsaid([Placeholder(("period", "start"), "ÅÅÅÅ-MM-DD"),
                               Placeholder(("parties", 1, "organisationsnummer"), "NNNNNN-NNNN")])
    assert unsaid("den 2 januari 2001 till och med den 2 januari 2…") == "den ÅÅÅÅ-MM-DD till och med den ÅÅÅÅ-MM-DD…"
    assert unsaid("2001-01-02, 000000-0000") == "ÅÅÅÅ-MM-DD, NNNNNN-NNNN"
    assert unsaid("budgetåret 2001 och 2 juni") == "budgetåret 2001 och 2 juni"  # not a stand-in for certain


def test_a_spec_without_such_placeholders_keeps_every_date():
    assert stand_ins_unsaid([Placeholder(("document", "place"), "[Ort]")]) is None
