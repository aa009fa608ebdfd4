"""deadline-holiday: start and notice deadlines on weekends or allmänna helgdagar."""

import datetime as dt

from checks.support import findings, line_of, of, spec_file
from drafter.checks.deadline_holiday import day_off, helgdagar
from helpers import EXAMPLE, example_data


def test_example_starts_and_gives_notice_on_working_days():
    assert of(findings(EXAMPLE), "deadline-holiday") == []


def test_start_on_a_helgdag(tmp_path):
    data = example_data()
    data.pop("renews", None)
    data["period"]["start"] = dt.date(2026, 1, 6)
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "deadline-holiday")
    assert f.severity == "warning" and "6 januari 2026, som är trettondedag jul" in f.message
    assert f.where == line_of(spec, "start: 2026-01-06")


def test_notice_deadline_on_a_helgdag_and_a_weekend(tmp_path):
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = "10-31"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "deadline-holiday")
    assert f.severity == "warning"
    assert "31 oktober 2026 (alla helgons dag), 31 oktober 2027 (en söndag)" in f.message
    assert "2028" not in f.message  # no renewal follows the end in 2028
    assert f.where == line_of(spec, "notice_deadline:")


def test_eves_are_no_helgdagar(tmp_path):
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = "12-24"  # julafton: Thursday 2026, Friday 2027
    assert of(findings(spec_file(tmp_path, data)), "deadline-holiday") == []
    days = helgdagar(2026)
    assert dt.date(2026, 6, 19) not in days and dt.date(2026, 12, 24) not in days and dt.date(2026, 12, 31) not in days
    assert days[dt.date(2026, 6, 20)].lower() == "midsommardagen"
    assert day_off(dt.date(2026, 6, 19)) is None and day_off(dt.date(2026, 6, 21)) == "en söndag"
