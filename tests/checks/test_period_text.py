"""period-mismatch: the periods the documents write agree with the spec."""

from checks.support import findings, library_with, line_of, of, spec_file
from helpers import EXAMPLE, example_data


def with_clause(tmp_path, body):
    data = example_data()
    data["outline"].append("test/period")
    spec = spec_file(tmp_path, data)
    return spec, findings(spec, library_with(tmp_path, {"test/period": body}))


def test_example_documents_state_the_spec_period():
    assert of(findings(EXAMPLE), "period-mismatch") == []


def test_a_clause_that_states_another_period(tmp_path):
    spec, found = with_clause(tmp_path, "Överenskommelsen gäller från den 1 juli 2026 till och med den 30 juni 2027.")
    (f,) = of(found, "period-mismatch")
    assert f.severity == "error" and f.document == "agreement"
    assert "perioden 1 juli 2026–30 juni 2027" in f.message and "1 juli 2026–31 december 2026" in f.message
    assert line_of(spec, "start: 2026-07-01") in f.message
    assert f.where == "test/period@1"


def test_a_stale_period_in_a_sentence_about_the_term(tmp_path):
    _, found = with_clause(tmp_path, "Avtalsperioden är 1 juli–31 december 2025.")
    (f,) = of(found, "period-mismatch")
    assert "1 juli 2025–31 december 2025" in f.message


def test_another_longest_date(tmp_path):
    _, found = with_clause(tmp_path, "Partnerskapet kan förlängas, dock som längst till den 31 december 2029.")
    (f,) = of(found, "period-mismatch")
    assert "31 december 2029" in f.message and "max_end" in f.message and "31 december 2028" in f.message


def test_earlier_periods_and_the_whole_term_are_not_mismatches(tmp_path):
    body = ("Den föregående överenskommelsen gällde från den 1 juli 2023 till och med den 30 juni 2026. "
            "Strategiperioden 2022–2026 löper vidare. "
            "Partnerskapet kan som helhet vara från 1 juli 2026 till 31 december 2028.")
    _, found = with_clause(tmp_path, body)
    assert of(found, "period-mismatch") == []
