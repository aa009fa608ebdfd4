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
    assert "perioden 1 juli 2026\u00a0– 30 juni 2027" in f.message and "1 juli 2026\u00a0– 31 december 2026" in f.message
    assert line_of(spec, "start: 2026-07-01") in f.message
    assert f.where == "test/period@1"


def test_a_stale_period_in_a_sentence_about_the_term(tmp_path):
    _, found = with_clause(tmp_path, "Avtalsperioden är 1 juli–31 december 2025.")
    (f,) = of(found, "period-mismatch")
    assert "1 juli 2025\u00a0– 31 december 2025" in f.message


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


# --- other periods: another IOP, a statsbidrag, the renewals ------------------------------------

OTHER_IOP = "Föreningen har också en IOP med kulturnämnden som gäller 1 juni 2021–31 maj 2027."
STATSBIDRAG = "Statsbidraget från Socialstyrelsen avser perioden 1 januari–31 december 2026."


def test_another_iop_and_a_statsbidrag_declared_as_data_are_not_mismatches(tmp_path):
    from checks.test_amounts import builds

    data = example_data()
    data["other_periods"] = {
        "iop_kultur": {"start": "2021-06-01", "end": "2027-05-31", "kind": "annan överenskommelse",
                       "item": "IOP med kulturnämnden om sommarläger"},
        "statsbidrag": {"start": "2026-01-01", "end": "2026-12-31", "kind": "statsbidrag"},
    }
    data["outline"].append("test/period")
    spec = spec_file(tmp_path, data)
    body = ("Föreningen har också en IOP med kulturnämnden som gäller "
            "{{ other_periods.iop_kultur.start | datum }}–{{ other_periods.iop_kultur.end | datum }}. " + STATSBIDRAG)
    clauses = library_with(tmp_path, {"test/period": body})
    assert of(findings(spec, clauses), "period-mismatch") == []
    assert builds(spec, clauses, tmp_path)


def test_another_iop_and_a_statsbidrag_undeclared_are_a_warning_with_the_sentence(tmp_path):
    _, found = with_clause(tmp_path, f"{OTHER_IOP} {STATSBIDRAG}")
    iop, bidrag = of(found, "period-mismatch")
    assert iop.severity == bidrag.severity == "warning"
    assert "1 juni 2021–31 maj 2027" in iop.message and f'"{OTHER_IOP}"' in iop.message
    assert "other_periods" in iop.message
    assert "1 januari 2026\u00a0– 31 december 2026" in bidrag.message


def test_the_renewals_a_text_states_are_not_mismatches(tmp_path):
    body = ("Förlängs överenskommelsen gäller den 1 januari–31 december 2027 och därefter "
            "1 januari 2028–31 december 2028. Förlängningarna omfattar som mest 1 januari 2027–31 december 2028.")
    _, found = with_clause(tmp_path, body)
    assert of(found, "period-mismatch") == []


def test_the_first_period_written_to_a_renewals_end_is_still_an_error(tmp_path):
    _, found = with_clause(tmp_path, "Överenskommelsen gäller 1 juli 2026–31 december 2027.")
    (f,) = of(found, "period-mismatch")
    assert f.severity == "error" and "1 juli 2026–31 december 2027" in f.message


def test_a_period_the_spec_declares_must_be_written_as_declared(tmp_path):
    data = example_data()
    data["other_periods"] = {"statsbidrag": {"start": "2026-01-01", "end": "2026-12-31", "kind": "statsbidrag"}}
    data["outline"].append("test/period")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/period": "Statsbidraget avser perioden 1 februari–31 december 2026."})
    (f,) = of(findings(spec, clauses), "period-mismatch")
    assert f.severity == "warning" and "1 februari 2026\u00a0– 31 december 2026" in f.message


def test_the_second_half_year_is_not_someone_elses_period(tmp_path):
    _, found = with_clause(tmp_path, "Överenskommelsen gäller under andra halvåret, 1 juli–31 december 2027.")
    (f,) = of(found, "period-mismatch")
    assert f.severity == "error"
