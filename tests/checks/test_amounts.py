"""budget-amount and budget-zero with amounts that have meaning: what the spec declares (other_amounts),
rates compared on the budget's basis, and an amount no data explains told from the budget written wrong."""

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.support import findings, library_with, line_of, of, spec_file
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from helpers import example_data

SENTENCES = yaml.safe_load((Path(__file__).parent / "fixtures" / "amount_sentences.yaml").read_text(encoding="utf-8"))
NB = "\u00a0"


def with_clause(tmp_path, body, data=None):
    data = data or example_data()
    data["outline"].append("test/belopp")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/belopp": body})
    return spec, clauses, of(findings(spec, clauses), "budget-amount")


def builds(spec: Path, clauses: Path, tmp_path: Path) -> bool:
    """The spec builds (no error stops it): the agreement's DOCX is written."""
    manifest = build(spec, BuildOptions(out_dir=tmp_path / "out", formats=("docx",), library=ClauseLibrary(clauses)))
    return any(p.suffix == ".docx" for p in manifest.parent.iterdir())


# --- false alarms that no longer stop a build ------------------------------------------------

DECLARED = {
    "egen_insats": {"amount": 150000, "kind": "egen insats", "item": "Föreningens ideella arbete"},
    "arvsfonden": {"amount": 200000, "kind": "annan finansiering", "item": "Bidrag från Arvsfonden"},
}


def test_own_contribution_and_other_funding_declared_as_data_are_explained(tmp_path):
    data = example_data()
    data["other_amounts"] = DECLARED
    body = ("Föreningen bidrar med en egen insats om {{ other_amounts.egen_insats | kronor }}. "
            "Verksamheten finansieras även med {{ other_amounts.arvsfonden | kronor }} från Arvsfonden.")
    spec, clauses, found = with_clause(tmp_path, body, data)
    assert found == []
    assert builds(spec, clauses, tmp_path)


def test_own_contribution_and_other_funding_undeclared_are_a_warning_with_the_sentence(tmp_path):
    body = "Föreningen bidrar med en egen insats om 150 000 kr. Verksamheten finansieras även med 200 000 kr från Arvsfonden."
    spec, clauses, found = with_clause(tmp_path, body)
    assert [f.severity for f in found] == ["warning", "warning"]
    assert '"Föreningen bidrar med en egen insats om 150 000 kr."' in found[0].message
    assert "other_amounts" in found[0].message and found[0].where == "test/belopp@1"
    assert '"Verksamheten finansieras även med 200 000 kr från Arvsfonden."' in found[1].message
    assert builds(spec, clauses, tmp_path)


def test_a_half_year_first_periods_share_of_a_yearly_budget(tmp_path):
    # the example: 1 000 000 kr for 12 months, a first period of six (1 juli–31 december 2026)
    spec, clauses, found = with_clause(tmp_path, "För 2026 utgår 500 tkr, det vill säga 500 000 kr per halvår.")
    assert found == []
    assert builds(spec, clauses, tmp_path)


def test_a_declared_share_for_the_first_period(tmp_path):
    data = example_data()
    data["budget"]["rows"][0]["amount"] = 878_000 + 200_000  # 1 200 000 kr per year; 600 000 kr for the half-year
    data["other_amounts"] = {"ersattning_2026": {"amount": 550_000, "kind": "delperiod",
                                                 "item": "Ersättningen för 1 juli–31 december 2026, avrundad"}}
    spec, clauses, found = with_clause(tmp_path, "För 2026 utgår {{ other_amounts.ersattning_2026 | tkr }}.", data)
    assert found == []


def test_a_declared_rate_is_compared_on_the_same_basis(tmp_path):
    data = example_data()
    data["other_amounts"] = {"arvsfonden": {"amount": 200_000, "per": "år", "kind": "annan finansiering"}}
    body = "Arvsfonden bidrar med 50 000 kr per kvartal. Arvsfonden bidrar med 40 000 kr per kvartal."
    _, _, found = with_clause(tmp_path, body, data)
    (f,) = found
    assert "'40 000 kr per kvartal'" in f.message and f.severity == "warning"


# --- misses that are now caught -------------------------------------------------------------

@pytest.mark.parametrize("sentence, written, basis", [
    ("Ersättningen uppgår till två miljoner kronor.", "två miljoner kronor", f"1{NB}000{NB}000{NB}kr"),
    ("Socialnämnden betalar ut 2.000.000 kr till föreningen.", "2.000.000 kr", f"1{NB}000{NB}000{NB}kr"),
    ("Ersättningen är 2 000 000:- för perioden.", "2 000 000:-", f"1{NB}000{NB}000{NB}kr"),
    ("Ersättningen är 2 mnkr.", "2 mnkr", f"1{NB}000{NB}000{NB}kr"),
    ("Ersättningen är 600 000 kr per halvår.", "600 000 kr per halvår", f"500{NB}000{NB}kr per halvår"),
    ("Ersättningen betalas ut med 90 000 kr per månad.", "90 000 kr per månad", f"83{NB}333{NB}kr per månad"),
    ("Bidraget är 300 000 kr per kvartal.", "300 000 kr per kvartal", f"250{NB}000{NB}kr per kvartal"),
])
def test_the_budget_written_wrong_in_any_form_is_an_error(tmp_path, sentence, written, basis):
    spec, _, found = with_clause(tmp_path, sentence)
    (f,) = found
    assert f.severity == "error" and f.where == "test/belopp@1" and f.document == "agreement"
    assert f"'{written}'" in f.message and f"ger {basis}" in f.message
    assert f"budgeten i specen ({spec}:" in f.message


def test_a_zero_budget(tmp_path):
    data = example_data()
    for row in data["budget"]["rows"]:
        row["amount"] = 0
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "budget-zero")
    assert f.severity == "warning" and "0 kr" in f.message and f.where == line_of(spec, "item: Personal")


def test_a_budget_with_money_is_not_zero():
    from helpers import EXAMPLE
    assert of(findings(EXAMPLE), "budget-zero") == []


# --- my own sentences, on a spec that is not the example's --------------------------------------

def _other_spec() -> dict:
    data = example_data()
    data.pop("renews")
    data.pop("decision", None)  # another partnership: the 2026 nämnd decision (its ceiling) is not its
    data["period"] = {"start": "2027-01-01", "end": "2029-12-31"}
    data["budget"] = {"months": 12, "rows": [{"item": "Personal", "amount": 900_000},
                                             {"item": "Lokaler", "amount": 240_000},
                                             {"item": "Aktiviteter", "amount": 60_000}]}
    data["other_amounts"] = {"egen_insats": 150_000,
                             "arvsfonden": {"amount": 200_000, "per": "år", "kind": "annan finansiering"}}
    data["acknowledge"] = []
    return data


def test_own_sentences(tmp_path):
    body = "\n\n".join(case["text"] for case in SENTENCES)
    _, _, found = with_clause(tmp_path, body, _other_spec())
    said = {}
    for f in found:  # each finding quotes the amount as written: 'written'
        written = f.message.split("'")[1]
        (case,) = [c for c in SENTENCES if written in c["text"]]
        said[case["text"]] = f
    for case in SENTENCES:
        f = said.get(case["text"])
        expected = case["expect"]
        if expected == "inget":
            assert f is None, (case["text"], f and f.message)
            continue
        assert f is not None, case["text"]
        assert f.severity == {"fel": "error", "varning": "warning"}[expected], (case["text"], f.message)
        if "basis" in case:
            assert f"ger {case['basis'].replace(' ', NB).replace(f'{NB}per{NB}', ' per ')}" in f.message, f.message
        else:
            assert f"\"{case['text']}\"" in f.message
    assert len(found) == sum(c["expect"] != "inget" for c in SENTENCES)


def test_a_yearly_budget_in_a_multi_year_agreement_is_normal(tmp_path):
    from helpers import CLAUSES

    spec = spec_file(tmp_path, _other_spec())
    found = findings(spec)
    assert of(found, "budget-period") == [] and not [f for f in found if f.severity == "error"]
    assert builds(spec, CLAUSES, tmp_path)


def test_an_unexplained_amount_kept_on_purpose_is_acknowledged_by_its_clause(tmp_path):
    data = example_data()
    data["acknowledge"].append({"code": "budget-amount", "about": "test/belopp@1",
                                "reason": "Föreningens omsättning anges som bakgrund."})
    _, _, found = with_clause(tmp_path, "Föreningens omsättning var 3.400.000 kr år 2025.", data)
    (f,) = found
    assert f.severity == "warning" and f.acknowledged == "Föreningens omsättning anges som bakgrund."


# --- generated budgets: a rate written from the budget is explained, one off by more than rounding is not --

def _basis(rows: list[int], months: int):
    from types import SimpleNamespace

    from drafter.checks.budget import _Basis
    from drafter.spec.model import Spec

    data = example_data()
    data["budget"] = {"months": months, "rows": [{"item": f"Post {i}", "amount": a} for i, a in enumerate(rows)]}
    return _Basis(SimpleNamespace(spec=Spec.model_validate(data)))  # type: ignore[arg-type]


UNITS = {"år": 12, "halvår": 6, "kvartal": 3, "månad": 1}


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.integers(min_value=0, max_value=5_000_000), min_size=1, max_size=6),
       months=st.sampled_from([1, 3, 6, 12, 24, 36]), unit=st.sampled_from(sorted(UNITS)),
       form=st.sampled_from(["kronor", "tkr-free", "words"]))
def test_a_rate_written_from_any_budget_is_explained_and_a_wrong_one_is_not(rows, months, unit, form):
    from num2words import num2words

    from drafter.swedish.format import kronor
    from drafter.swedish.parse import find_amounts

    basis = _basis(rows, months)
    right = round(sum(rows) / months * UNITS[unit])
    written = {"kronor": kronor(right), "tkr-free": f"{right:,}".replace(",", ".") + " kr",
               "words": f"{num2words(right, lang='sv')} kronor" if right else "0 kr"}[form]
    (amount,) = find_amounts(f"Ersättningen är {written} per {unit}.")
    assert basis.explains(amount)
    wrong = right + 2 + right // 10
    figures = {v for v in example_data()["figures"].values() if isinstance(v, int)}  # whole figures explain too
    if wrong not in figures and all(abs(wrong - a / months * UNITS[unit]) > 1 for a in [sum(rows), *rows]):
        (amount,) = find_amounts(f"Ersättningen är {kronor(wrong)} per {unit}.")
        assert not basis.explains(amount)


def test_an_amount_taken_for_the_budget_is_explained_once_declared(tmp_path):
    body = "Ersättningen från regionen är 300 000 kr per år."
    _, _, (f,) = with_clause(tmp_path, body)
    assert f.severity == "error" and "other_amounts" in f.hint
    data = example_data()
    data["other_amounts"] = {"regionen": {"amount": 300_000, "per": "år", "kind": "annan finansiering"}}
    (tmp_path / "declared").mkdir()
    _, _, found = with_clause(tmp_path / "declared", body, data)
    assert found == []


@pytest.mark.parametrize("ceiling, sentence", [
    ({"amount": 1200000, "per": "år"}, "Socialnämnden beviljar ett bidrag till partnerskapet om högst 1 200 000 kr per år."),
    ({"amount": 3000000, "per": "hela perioden"},
     "Socialnämnden beviljar ett bidrag till partnerskapet om högst 3 000 000 kr för hela perioden."),
])
def test_the_nämnds_ceiling_stated_in_the_proposal_is_data_not_a_budget_error(tmp_path, ceiling, sentence):
    # Found by a new Sundbyberg spec: "förslag till beslut" v3 writes the decided ceiling from
    # decision.ceiling, and a ceiling above the budget stopped the build as "the budget written wrong".
    data = example_data()
    data["decision"]["ceiling"] = ceiling
    spec, clauses, found = with_clause(tmp_path, sentence, data)
    assert found == []
    assert builds(spec, clauses, tmp_path)


def test_an_amount_that_is_neither_budget_nor_ceiling_is_still_an_error(tmp_path):
    data = example_data()
    data["decision"]["ceiling"] = {"amount": 1200000, "per": "år"}
    spec, clauses, found = with_clause(tmp_path, "Socialnämnden beviljar ett bidrag om 1 100 000 kr per år.", data)
    assert [f.severity for f in found] == ["error"]


def test_a_stale_budget_equal_to_the_ceiling_is_still_an_error(tmp_path):
    # The ceiling explains itself only where the sentence states a ceiling ("högst"): a budget sentence
    # that still says the old total, equal to the ceiling, is the budget written wrong.
    data = example_data()
    data["decision"]["ceiling"] = {"amount": 1000000, "per": "år"}
    data["budget"]["rows"][0]["amount"] += 22000
    spec, clauses, found = with_clause(tmp_path, "Socialförvaltningen lämnar ett bidrag om 1 000 000 kr per år.", data)
    assert [f.severity for f in found] == ["error"]
