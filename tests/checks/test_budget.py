"""budget-sum, budget-amount, budget-period."""

from checks.support import findings, library_with, line_of, of, spec_file
from helpers import EXAMPLE, example_data


def test_example_budget_is_consistent_but_for_the_kept_period_warning():
    found = findings(EXAMPLE)
    assert of(found, "budget-sum") == [] and of(found, "budget-amount") == []
    (warning,) = of(found, "budget-period")
    assert warning.severity == "warning"
    assert "12 månader" in warning.message and "6 månader" in warning.message
    assert warning.where == line_of(EXAMPLE, "months: 12")


def test_stated_total_that_the_rows_do_not_give(tmp_path):
    data = example_data()
    data["budget"]["total"] = 1_000_001
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "budget-sum")
    assert f.severity == "error"
    assert "stämmer inte med raderna" in f.message and "skillnaden är 1\u00a0kr" in f.message
    assert f.where == line_of(spec, "total: 1000001")


def test_negative_amount(tmp_path):
    data = example_data()
    data["budget"]["rows"][1]["amount"] = -5000
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "budget-sum")
    assert f.severity == "error" and "Konsulter" in f.message and "negativt" in f.message
    assert f.where == line_of(spec, "amount: -5000")


def test_amount_in_a_clause_that_differs_from_the_total(tmp_path):
    data = example_data()
    data["outline"].append("test/belopp")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/belopp": "Ersättningen är 2 000 000 kr per år."})
    (f,) = of(findings(spec, clauses), "budget-amount")
    assert f.severity == "error" and f.document == "agreement"
    assert "'2 000 000 kr per år'" in f.message and "1\u00a0000\u00a0000\u00a0kr" in f.message
    assert f.where == "test/belopp@1"


def test_an_amount_in_words_beside_the_budget_is_told_both_ways_to_write_it(tmp_path):
    # trial 10: "trettiofemtusen kronor per år" for cleaning was told only to write budget.total
    data = example_data()
    data["outline"].append("test/belopp")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/belopp": "Kommunen står därtill för städning, trettiofemtusen kronor per år."})
    (f,) = of(findings(spec, clauses), "budget-amount")
    assert "{{ budget.total | kronor }}" in f.hint
    assert "NAMN: {amount: 35000, per: år, kind: annat}" in f.hint and "{{ other_amounts.NAMN | kronor }}" in f.hint


def test_amounts_that_agree_in_every_format(tmp_path):
    data = example_data()
    data["outline"].append("test/belopp")
    spec = spec_file(tmp_path, data)
    body = ("Totalt 1 000 000 kr, det vill säga 1\u00a0000\u00a0tkr eller 1 mnkr eller 1000000 kronor; "
            "personal 878 000 kr; 83 333 kr per månad; 50 kr per deltagare; budgetåret 2026 1 000 000 kr.")
    clauses = library_with(tmp_path, {"test/belopp": body})
    assert of(findings(spec, clauses), "budget-amount") == []


def test_amount_from_a_spec_figure_points_at_the_figure(tmp_path):
    data = example_data()
    data["figures"]["tidigare_ersattning"] = "1,2 mnkr"
    data["outline"].append("test/belopp")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/belopp": "Tidigare utgick {{ figures.tidigare_ersattning }}."})
    (f,) = of(findings(spec, clauses), "budget-amount")
    assert "'1,2 mnkr'" in f.message
    assert f.where == line_of(spec, "tidigare_ersattning: 1,2 mnkr")


def test_budget_months_equal_to_the_period(tmp_path):
    data = example_data()
    data["budget"]["months"] = 6
    assert of(findings(spec_file(tmp_path, data)), "budget-period") == []
