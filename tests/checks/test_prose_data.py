"""prose-mismatch: notice day, effective day, renewal unit and length written in a text's own words,
against the spec's data. What a clause fills in from the data is never read (it cannot disagree)."""

import datetime as dt

from checks.support import findings, library_with, line_of, of, spec_file
from helpers import EXAMPLE, example_data

EXAMPLE_2023 = EXAMPLE.parent / "street-minds-2023.yaml"


def with_text(tmp_path, body: str, change=None):
    """The 2026 example (first period 1 July–31 December 2026, then a calendar year at a time until 2028,
    notice by 30 September) with a clause saying `body`."""
    data = example_data()
    if change:
        change(data)
    data["outline"].append("test/villkor")
    spec = spec_file(tmp_path, data)
    return spec, of(findings(spec, library_with(tmp_path, {"test/villkor": body})), "prose-mismatch")


def test_examples_say_what_their_data_say():
    assert of(findings(EXAMPLE), "prose-mismatch") == []
    assert of(findings(EXAMPLE_2023), "prose-mismatch") == []


# --- the notice day


def test_notice_day_in_words_that_is_not_the_specs(tmp_path):
    _, (f,) = with_text(tmp_path, "Överenskommelsen kan sägas upp skriftligen senast den 31 oktober varje år.")
    assert f.severity == "warning" and f.where == "test/villkor@1" and f.document == "agreement"
    assert "Texten anger 31 oktober som sista dag för uppsägning, men specen anger 30 september" in f.message
    assert "senast den 31 oktober varje år" in f.message  # the sentence


def test_notice_day_in_words_that_is_the_specs(tmp_path):
    _, found = with_text(tmp_path, "Uppsägning ska ske skriftligen senast den 30 september varje år.")
    assert found == []


def test_notice_day_filled_in_from_the_data_is_never_read(tmp_path):
    def other_day(data):
        data["period"]["renewal"]["notice_deadline"] = "08-31"
    _, found = with_text(tmp_path, "Uppsägning ska ske senast den "
                                   "{{ period.renewal.notice_deadline | dag_och_manad }} varje år.", other_day)
    assert found == []


def test_a_date_in_another_sentence_is_no_notice_day(tmp_path):
    _, found = with_text(tmp_path, "Rapporten lämnas senast den 31 oktober. Avtalet kan inte sägas upp i förtid.")
    assert found == []


# --- the day a notice takes effect


def test_effective_1_january_when_the_periods_end_30_june(tmp_path):
    def june(data):
        data["period"].update(end=dt.date(2027, 6, 30))
        data["period"]["renewal"].update(unit="år", max_end=dt.date(2029, 6, 30), notice_deadline="03-31")
    _, found = with_text(tmp_path, "Uppsägningen ska ske skriftligen senast den 31 mars för att träda i kraft "
                                   "1 januari kommande år.", june)
    # the example's own villkor/uppsagning@1 says the same in its own words, and is found too
    assert sorted(f.where for f in found) == ["test/villkor@1", "villkor/uppsagning@1"]
    f = next(f for f in found if f.where == "test/villkor@1")
    assert f.severity == "warning"
    assert "får verkan 1 januari, men ingen period slutar då" in f.message.replace("\u00a0", " ")
    assert "perioden slutar 30 juni 2027 och förlängs med ett år i taget" in f.message.replace("\u00a0", " ")
    assert "kan bara få verkan dagen efter att en period slutar (1 juli)" in f.message.replace("\u00a0", " ")


def test_the_examples_own_clause_on_effect_fits_calendar_years(tmp_path):
    # villkor/uppsagning@1 says "träda i kraft 1 januari kommande år" in its own words; the 2026 example
    # has calendar years, the 2023 example half-years ending 30 June and 31 December: both fit
    _, found = with_text(tmp_path, "Uppsägningen ska ske senast den 30 september för att träda i kraft "
                                   "1 januari kommande år.")
    assert found == []


# --- the renewal unit


def test_renewal_unit_in_words_that_is_not_the_specs(tmp_path):
    _, (f,) = with_text(tmp_path, "Därefter förlängs överenskommelsen med ett halvår i taget.")
    assert f.severity == "warning"
    assert "förlängs med ett halvår i taget, men specen anger ett kalenderår" in f.message


def test_renewal_unit_in_other_words_of_the_same_length(tmp_path):
    _, found = with_text(tmp_path, "Därefter förlängs överenskommelsen med tolv månader i taget.")
    assert found == []


def test_renewal_in_words_without_renewal_in_the_spec(tmp_path):
    def no_renewal(data):
        del data["period"]["renewal"]
    _, (f,) = with_text(tmp_path, "Överenskommelsen förlängs därefter med ett år i sänder.", no_renewal)
    assert "specen har ingen förlängning" in f.message


# --- the agreement's length


def test_lasts_one_year_for_a_six_month_period(tmp_path):
    spec, (f,) = with_text(tmp_path, "Överenskommelsen gäller i ett år från undertecknandet.")
    assert f.severity == "warning"
    assert "gäller ett år, men perioden 1 juli 2026 – 31 december 2026" in f.message.replace("\u00a0", " ")
    assert "är 6 månader" in f.message


def test_lasts_six_months_or_the_longest_term(tmp_path):
    _, found = with_text(tmp_path, "Överenskommelsen gäller i sex månader. Med förlängningar gäller den "
                                   "som längst i 30 månader.")
    assert found == []


def test_a_renewal_said_with_gäller_is_not_the_length(tmp_path):
    _, found = with_text(tmp_path, "Därefter gäller den ett år i taget.")
    assert found == []


def test_the_specs_own_text_is_read_and_named_by_its_line(tmp_path):
    data = example_data()
    data.setdefault("texts", {})["villkor-egna"] = "Överenskommelsen löper på två år."
    data["outline"].append({"key": "villkor-egna", "heading": "Avtalstid"})
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "prose-mismatch")
    assert "gäller två år" in f.message and f.where == line_of(spec, "villkor-egna: ")


def test_other_things_that_last_renew_or_are_given_notice(tmp_path):
    _, found = with_text(tmp_path, "Intyget gäller i ett år. Föreningens försäkring förlängs med ett halvår i "
                                   "taget. Hyresavtalet för lokalen sägs upp senast den 31 oktober.")
    assert found == []
