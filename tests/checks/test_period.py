"""period-order and period-renewal."""

import datetime as dt

import pytest

from checks.support import findings, line_of, of, spec_file
from drafter.checks.period import renewal_ends
from helpers import EXAMPLE, example_data


def test_example_period_is_in_order():
    found = findings(EXAMPLE)
    assert of(found, "period-order") == [] and of(found, "period-renewal") == []


def test_end_before_start(tmp_path):
    data = example_data()
    data["period"]["end"] = dt.date(2026, 6, 30)
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-order")
    assert f.severity == "error" and "30 juni 2026, före sin början 1 juli 2026" in f.message
    assert f.where == line_of(spec, "end: 2026-06-30")


def test_max_end_before_end(tmp_path):
    data = example_data()
    data["period"]["renewal"]["max_end"] = dt.date(2026, 10, 31)
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-renewal")
    assert f.severity == "error" and "ligger före periodens slut 31 december 2026" in f.message
    assert f.where == line_of(spec, "max_end: 2026-10-31")


def test_max_end_that_calendar_year_renewals_cannot_reach(tmp_path):
    data = example_data()
    data["period"]["renewal"]["max_end"] = dt.date(2028, 6, 30)
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-renewal")
    assert f.severity == "error"
    assert "exakt 30 juni 2028" in f.message and "31 december 2027 och sedan 31 december 2028" in f.message
    assert f.where == line_of(spec, "max_end: 2028-06-30")


def test_half_year_renewals_and_a_yearly_notice_deadline_after_a_period_end(tmp_path):
    data = example_data()
    data["period"]["renewal"].update(unit="halvår", max_end=dt.date(2028, 6, 30))
    spec = spec_file(tmp_path, data)
    found = findings(spec)
    assert of(found, "period-renewal") == []  # 2028-06-30 is reachable; the notice scheme is notice-scheme's
    (f,) = of(found, "notice-scheme")
    assert f.severity == "warning"
    assert "30 september 2026 gäller förlängningarna efter 31 december 2026 och 30 juni 2027" in f.message
    assert f.where == line_of(spec, "notice_deadline:")


def test_yearly_renewal_ending_before_the_notice_day_is_governed_by_the_year_before(tmp_path):
    # 30 September 2026 stops the renewal after 30 June 2027, as `check --kalender` shows; the rule
    # once looked only at 30 September 2027, after the end, and called the agreement unbuildable.
    data = example_data()
    data["period"].update(end=dt.date(2027, 6, 30))
    data["budget"]["months"] = 12
    data["period"]["renewal"].update(unit="år", max_end=dt.date(2028, 6, 30))
    found = findings(spec_file(tmp_path, data))
    assert of(found, "period-renewal") == [] and of(found, "notice-short") == []


def test_yearly_renewal_whose_governing_notice_day_is_before_the_start(tmp_path):
    data = example_data()
    data["period"].update(start=dt.date(2026, 10, 1), end=dt.date(2027, 6, 30))
    data["period"]["renewal"].update(unit="år", max_end=dt.date(2028, 6, 30))
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-renewal")
    assert f.severity == "error"
    assert "30 september 2026, kommer före periodens början 1 oktober 2026" in f.message
    assert f.where == line_of(spec, "notice_deadline:")


def test_notice_deadline_that_not_every_year_has(tmp_path):
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = "02-29"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-renewal")
    assert "02-29 finns inte varje år" in f.message
    assert f.where == line_of(spec, "notice_deadline:")


@pytest.mark.parametrize("day, why", [("02-30", "februari har 28 dagar (29 under skottår), inte 30."),
                                      ("04-31", "april har 30 dagar, inte 31.")])
def test_notice_deadline_that_no_year_has_says_why(tmp_path, day, why):
    # "02-30 finns inte varje år" suggested that some years have it.
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = day
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-renewal")
    assert f"Uppsägningsdagen {day} finns inte: {why}" in f.message and "varje år" not in f.message
    assert f.where == line_of(spec, "notice_deadline:")


def test_first_notice_deadline_before_the_period_starts(tmp_path):
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = "03-31"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-renewal")
    assert "31 mars 2026, kommer före periodens början 1 juli 2026" in f.message


def test_renewal_steps():
    end = dt.date(2026, 12, 31)
    assert renewal_ends(end, "kalenderår", dt.date(2028, 12, 31))[-1] == dt.date(2028, 12, 31)
    assert renewal_ends(end, "halvår", dt.date(2027, 12, 31)) == [end, dt.date(2027, 6, 30), dt.date(2027, 12, 31)]
    assert renewal_ends(dt.date(2027, 2, 28), "år", dt.date(2028, 2, 1)) == [dt.date(2027, 2, 28), dt.date(2028, 2, 29)]
    assert renewal_ends(dt.date(2026, 1, 31), "månad", dt.date(2026, 3, 1))[1:] == [dt.date(2026, 2, 28), dt.date(2026, 3, 31)]


def test_calendar_year_renewals_after_an_end_that_is_not_31_december(tmp_path):
    data = example_data()
    data["period"]["end"] = dt.date(2027, 6, 30)
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-renewal")
    assert "slutar 30 juni 2027, inte 31 december" in f.message and "unit: år" in f.message
    assert f.where == line_of(spec, "unit: kalenderår")
