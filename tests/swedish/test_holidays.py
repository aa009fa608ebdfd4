"""The computed helgdagar are the `holidays` package's public Swedish calendar, 1990–2100."""

import datetime as dt

import holidays

from drafter.swedish.holidays import helgdagar


def test_every_year_1990_to_2100_matches_the_holidays_package():
    for year in range(1990, 2101):
        expected = holidays.country_holidays("SE", years=year, categories=("public",), language="sv")
        assert helgdagar(year) == dict(expected.items()), year


def test_2026_as_an_official_reads_it():
    days = helgdagar(2026)
    assert days[dt.date(2026, 4, 3)] == "Långfredagen"
    assert days[dt.date(2026, 6, 20)] == "Midsommardagen"  # the Saturday of 20–26 June
    assert days[dt.date(2026, 10, 31)] == "Alla helgons dag"
    assert dt.date(2026, 6, 19) not in days  # midsommarafton is no allmän helgdag
    assert dt.date(2026, 12, 24) not in days  # nor julafton
    assert len(days) == 13


def test_annandag_pingst_until_2004_nationaldagen_from_2005():
    assert "Annandag pingst" in helgdagar(2004).values()
    assert "Nationaldagen" not in helgdagar(2004).values()
    assert "Nationaldagen" in helgdagar(2005).values()
    assert "Annandag pingst" not in helgdagar(2005).values()


def test_two_on_one_day_share_it():
    assert helgdagar(2008)[dt.date(2008, 5, 1)] == "Första maj; Kristi himmelsfärdsdag"


def test_years_before_the_1989_law_come_from_the_holidays_package():
    assert helgdagar(1985)[dt.date(1985, 3, 24)] == "Marie bebådelsedag"
