"""parter/insatser@4 writes the organisation's own contribution only as the spec states it
(figures.egen_insats_text); v1–v3 wrote "ideellt arbete, egen kunskap om målgruppen och egna nätverk",
a claim nobody entered (trial 11). Without the field, a placeholder the placeholder check reports."""

import pytest

from checks.support import findings, of, spec_file
from helpers import CLAUSES, ROOT, example_data

NB = "\u00a0"
CLAIM = "ideellt arbete, egen kunskap om målgruppen och egna nätverk"
GENERIC = sorted((ROOT / "tests" / "generic").glob("*.yaml"))


def _rendered(version: int, spec) -> str:
    from drafter.assemble.context import clause_context
    from drafter.clauses.library import ClauseLibrary
    from drafter.clauses.render import render_clause

    return render_clause(ClauseLibrary(CLAUSES).get(f"parter/insatser@{version}"), clause_context(spec, "agreement"))


def test_v4_is_granskad_with_a_rationale_and_v3_is_unchanged():
    from drafter.clauses.library import ClauseLibrary

    library = ClauseLibrary(CLAUSES)
    v3, v4 = library.get("parter/insatser@3"), library.get("parter/insatser@4")
    assert v4.meta.status == "granskad" and "ingen har angett" in v4.meta.rationale
    assert v4.meta.heading == v3.meta.heading
    assert CLAIM in (CLAUSES / "parter" / "insatser" / "v3.md").read_text(encoding="utf-8")  # signed texts stay


@pytest.mark.parametrize("spec", GENERIC, ids=lambda p: p.stem)
def test_v4_never_writes_the_claim_itself(spec):
    from drafter.spec.load import load_spec

    loaded = load_spec(spec).spec
    loaded.figures.pop("egen_insats_text", None)  # norrmalm-stiftelse states one: here, a spec without
    assert CLAIM in _rendered(3, loaded)
    text = _rendered(4, loaded)
    assert CLAIM not in text and "[den idéburna partens egen insats" in text


@pytest.mark.parametrize("spec", GENERIC, ids=lambda p: p.stem)
def test_v4_reads_as_v3_when_the_spec_states_the_contribution(spec):
    from drafter.spec.declared import OtherAmount
    from drafter.spec.load import load_spec

    loaded = load_spec(spec).spec
    loaded.figures["egen_insats_text"] = "volontärer som ger läxhjälp två kvällar i veckan"
    loaded.other_amounts = {"egen_insats": OtherAmount(amount=240000, per="år")}
    text = _rendered(4, loaded)
    assert text == _rendered(3, loaded)
    assert f"bidrar med volontärer som ger läxhjälp två kvällar i veckan, till ett uppskattat värde av 240{NB}000{NB}kr " \
           "per år." in text


def test_the_placeholder_check_reports_v4_without_the_contribution(tmp_path):
    """In an agreement, the placeholder is an error at the clause; with the figure it is gone."""
    data = example_data()
    data["outline"].append("parter/insatser@4")
    spec = spec_file(tmp_path, data)
    (f,) = [f for f in of(findings(spec), "placeholder") if f.where == "parter/insatser@4"]
    assert f.severity == "error" and "egen_insats_text" in f.message
    data["figures"]["egen_insats_text"] = "ideellt arbete i styrelsen"
    spec = spec_file(tmp_path, data, "filled.yaml")
    assert [f for f in of(findings(spec), "placeholder") if f.where == "parter/insatser@4"] == []


