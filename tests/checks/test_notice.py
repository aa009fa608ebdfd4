"""notice-short and notice-scheme: the notice each renewal gets, read from the notice calendar."""

import datetime as dt

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, ROOT, example_data


def with_renewal(**renewal) -> dict:
    data = example_data()
    data["period"]["renewal"].update(renewal)
    return data


def half_years(notice: str) -> dict:
    """From 1 January 2026, renewed a half-year at a time until 31 December 2027."""
    data = example_data()
    data.pop("renews", None)
    data["period"] = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 6, 30),
                      "renewal": {"unit": "halvår", "max_end": dt.date(2027, 12, 31), "notice_deadline": notice}}
    return data


def test_example_gives_three_months_notice_and_fits_its_yearly_renewals():
    found = findings(EXAMPLE)
    assert of(found, "notice-short") == [] and of(found, "notice-scheme") == []


def test_zero_notice_on_the_day_the_period_ends(tmp_path):
    spec = spec_file(tmp_path, with_renewal(notice_deadline="12-31"))
    (f,) = of(findings(spec), "notice-short")
    assert f.severity == "warning"
    assert "samma dag som perioden slutar, så uppsägningstiden är ingen alls" in f.message
    assert "senast 31 december 2026 inför periodslutet 31 december 2026" in f.message
    assert "senast 31 december 2027 inför periodslutet 31 december 2027" in f.message
    assert f.where == line_of(spec, "notice_deadline:")


def test_short_notice_weeks_before_the_end(tmp_path):
    spec = spec_file(tmp_path, with_renewal(notice_deadline="11-15"))
    (f,) = of(findings(spec), "notice-short")
    assert f.severity == "warning"
    assert "kortare än 3 månader" in f.message
    assert "senast 15 november 2026 inför periodslutet 31 december 2026 (1 månad och 16 dagar)" in f.message


def test_the_threshold_is_set_in_the_spec(tmp_path):
    assert of(findings(spec_file(tmp_path, with_renewal(notice_deadline="11-15", min_notice_months=1),
                                 "lenient.yaml")), "notice-short") == []
    (f,) = of(findings(spec_file(tmp_path, with_renewal(min_notice_months=6), "strict.yaml")), "notice-short")
    assert "kortare än 6 månader" in f.message and "(3 månader)" in f.message


def test_zero_notice_warns_whatever_the_threshold(tmp_path):
    spec = spec_file(tmp_path, with_renewal(notice_deadline="12-31", min_notice_months=0))
    assert [f.severity for f in of(findings(spec), "notice-short")] == ["warning"]


def test_half_year_renewals_with_a_march_notice_day_do_not_fit(tmp_path):
    # 31 March 2026 stops the renewals after 30 June 2026 and after 31 December 2026 alike
    spec = spec_file(tmp_path, half_years("03-31"))
    found = findings(spec)
    (f,) = of(found, "notice-scheme")
    assert f.severity == "warning"
    assert "förlängs ett halvår i taget men har en uppsägningsdag per år (31 mars)" in f.message
    assert "uppsägningsdagen 31 mars 2026 gäller förlängningarna efter 30 juni 2026 och 31 december 2026" in f.message
    assert f.where == line_of(spec, "notice_deadline:")
    assert of(found, "period-renewal") == []


def test_half_year_renewals_with_a_december_notice_day_warn_the_same_way(tmp_path):
    found = findings(spec_file(tmp_path, half_years("12-31")))
    (f,) = of(found, "notice-scheme")
    assert f.severity == "warning" and "31 december 2026 gäller förlängningarna efter 31 december 2026 och 30 juni 2027" in f.message
    # one finding for one fact: the shared deadline is notice-scheme's; period-renewal says only that the
    # first renewal's notice day, 31 December 2025, is before the start (the calendar marks it too)
    (g,) = of(found, "period-renewal")
    assert "31 december 2025, kommer före periodens början 1 januari 2026" in g.message


def test_yearly_renewals_with_the_same_notice_days_fit(tmp_path):
    for notice in ("03-31", "09-30"):
        data = half_years(notice)
        data["period"]["renewal"]["unit"] = "år"
        data["period"]["renewal"]["max_end"] = dt.date(2028, 6, 30)
        assert of(findings(spec_file(tmp_path, data, f"{notice}.yaml")), "notice-scheme") == []


def test_a_single_half_year_renewal_has_its_own_notice_day(tmp_path):
    data = half_years("03-31")
    data["period"]["renewal"]["max_end"] = dt.date(2026, 12, 31)
    assert of(findings(spec_file(tmp_path, data)), "notice-scheme") == []


def test_the_2023_example_keeps_its_notice_findings_acknowledged():
    found = findings(ROOT / "agreements" / "street-minds-2023.yaml")
    (short,) = of(found, "notice-short")
    (scheme,) = of(found, "notice-scheme")
    assert "senast 31 december 2024 inför periodslutet 31 december 2024" in short.message
    assert short.acknowledged and scheme.acknowledged
    assert of(found, "acknowledge-unused") == []

