"""deadline-holiday: the notice deadline that stops each renewal falls on a working day (lag 1930:173)."""

import datetime as dt

from checks.support import findings, line_of, of, spec_file
from drafter.build import BuildOptions, build
from drafter.checks.deadline_holiday import day_off, helgdagar
from drafter.clauses.library import ClauseLibrary
from helpers import CLAUSES, EXAMPLE, ROOT, example_data


def calendar_year_data(start: dt.date, notice: str = "09-30") -> dict:
    """The example as a calendar-year agreement from `start` to 31 December, renewed a year at a time."""
    data = example_data()
    data.pop("renews", None)
    data["amendments"] = []
    data["period"] = {"start": start, "end": dt.date(start.year, 12, 31),
                      "renewal": {"unit": "kalenderår", "max_end": dt.date(start.year + 2, 12, 31),
                                  "notice_deadline": notice}}
    return data


def test_example_gives_notice_on_working_days():
    assert of(findings(EXAMPLE), "deadline-holiday") == []


def test_a_start_on_nyarsdagen_is_no_deadline_and_builds(tmp_path):
    spec = spec_file(tmp_path, calendar_year_data(dt.date(2026, 1, 1)))  # nyårsdagen, a Thursday
    assert of(findings(spec), "deadline-holiday") == []
    manifest = build(spec, BuildOptions(out_dir=tmp_path / "out", formats=("docx",), library=ClauseLibrary(CLAUSES)))
    assert any(p.suffix == ".docx" for p in manifest.parent.iterdir())


def test_a_start_on_trettondedag_jul_is_no_deadline(tmp_path):
    data = example_data()
    data.pop("renews", None)
    data["period"]["start"] = dt.date(2026, 1, 6)
    assert of(findings(spec_file(tmp_path, data)), "deadline-holiday") == []


def test_notice_deadline_on_a_helgdag_and_a_weekend(tmp_path):
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = "10-31"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "deadline-holiday")
    assert f.severity == "warning"
    assert "31 oktober 2026 (alla helgons dag), 31 oktober 2027 (en söndag)" in f.message
    assert "2028" not in f.message  # no renewal follows the end in 2028
    assert f.where == line_of(spec, "notice_deadline:")


def test_notice_deadline_on_julafton(tmp_path):
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = "12-24"  # julafton: Thursday 2026, Friday 2027
    (f,) = of(findings(spec_file(tmp_path, data)), "deadline-holiday")
    assert f.severity == "warning"
    assert "24 december 2026 (julafton), 24 december 2027 (julafton)" in f.message


def test_notice_deadline_on_nyarsafton(tmp_path):
    spec = spec_file(tmp_path, calendar_year_data(dt.date(2026, 1, 1), notice="12-31"))
    (f,) = of(findings(spec), "deadline-holiday")
    assert f.severity == "warning"
    assert "31 december 2026 (nyårsafton), 31 december 2027 (nyårsafton)" in f.message


def test_notice_deadline_on_midsommarafton(tmp_path):
    # 19 June is midsommarafton in 2026 (a Friday) and a Saturday in 2027 (midsommarafton is 25 June)
    spec = spec_file(tmp_path, calendar_year_data(dt.date(2026, 1, 1), notice="06-19"))
    (f,) = of(findings(spec), "deadline-holiday")
    assert f.severity == "warning"
    assert "19 juni 2026 (midsommarafton), 19 juni 2027 (en lördag)" in f.message


def test_the_deadline_in_the_year_before_a_renewal_is_checked(tmp_path):
    # Half-year renewal after 30 June 2025: stopped by notice by 29 December 2024, a Sunday.
    # 29 December 2025 (a Monday) governs no renewal here, since max_end is 31 December 2025.
    data = example_data()
    data.pop("renews", None)
    data["period"] = {"start": dt.date(2024, 7, 1), "end": dt.date(2025, 6, 30),
                      "renewal": {"unit": "halvår", "max_end": dt.date(2025, 12, 31), "notice_deadline": "12-29"}}
    (f,) = of(findings(spec_file(tmp_path, data)), "deadline-holiday")
    assert f.severity == "warning" and "29 december 2024 (en söndag)" in f.message
    assert "2025" not in f.message.split(":")[1]


def test_the_2023_example_gives_notice_on_nyarsafton_and_keeps_it_acknowledged():
    (f,) = of(findings(ROOT / "agreements" / "street-minds-2023.yaml"), "deadline-holiday")
    assert f.severity == "warning"
    assert "31 december 2023 (nyårsafton, en söndag)" in f.message  # governs the renewal after 30 June 2024
    assert "31 december 2024 (nyårsafton)" in f.message
    assert f.acknowledged and "nyårsafton" in f.acknowledged


def test_non_working_days_for_deadlines():
    assert day_off(dt.date(2026, 6, 19)) == "midsommarafton"
    assert day_off(dt.date(2026, 12, 24)) == "julafton"
    assert day_off(dt.date(2023, 12, 31)) == "nyårsafton, en söndag"
    assert day_off(dt.date(2026, 6, 20)) == "midsommardagen"
    assert day_off(dt.date(2026, 6, 21)) == "en söndag"
    assert day_off(dt.date(2026, 6, 6)) == "nationaldagen"
    assert day_off(dt.date(2026, 6, 18)) is None and day_off(dt.date(2026, 12, 23)) is None
    days = helgdagar(2026)  # the aftnar are no allmänna helgdagar, only non-working days for deadlines
    assert dt.date(2026, 6, 19) not in days and dt.date(2026, 12, 24) not in days and dt.date(2026, 12, 31) not in days
    assert days[dt.date(2026, 6, 20)].lower() == "midsommardagen"
