"""The notice calendar: each renewal, the notice deadline that stops it, and `drafter check --kalender`."""

import datetime as dt
import json

from click.testing import CliRunner

from drafter.cli import main
from drafter.notice_calendar import governing_deadline, notice_calendar, notice_length
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, ROOT, example_data, write_spec

EXAMPLE_2023 = ROOT / "agreements" / "street-minds-2023.yaml"
D = dt.date


def kalender(*args):
    return CliRunner().invoke(main, ["check", "--kalender", *map(str, args), "--clauses", str(CLAUSES)])


def test_the_2026_calendar():
    calendar = notice_calendar(load_spec(EXAMPLE).spec.period)
    assert [(s.after, s.start, s.end, s.deadline, s.weekday, s.notice) for s in calendar.renewals] == [
        (D(2026, 12, 31), D(2027, 1, 1), D(2027, 12, 31), D(2026, 9, 30), "onsdag", (3, 0)),
        (D(2027, 12, 31), D(2028, 1, 1), D(2028, 12, 31), D(2027, 9, 30), "torsdag", (3, 0)),
    ]
    assert calendar.shared_deadlines() == [] and not any(s.day_off for s in calendar.renewals)


def test_the_2023_calendar_has_a_deadline_in_the_year_before_each_june_end():
    calendar = notice_calendar(load_spec(EXAMPLE_2023).spec.period)
    assert [(s.after, s.deadline, s.notice, s.day_off) for s in calendar.renewals] == [
        (D(2024, 6, 30), D(2023, 12, 31), (6, 0), "nyårsafton, en söndag"),
        (D(2024, 12, 31), D(2024, 12, 31), (0, 0), "nyårsafton"),
        (D(2025, 6, 30), D(2024, 12, 31), (6, 0), "nyårsafton"),
        (D(2025, 12, 31), D(2025, 12, 31), (0, 0), "nyårsafton"),
    ]
    assert [[s.after for s in group] for group in calendar.shared_deadlines()] == [
        [D(2024, 12, 31), D(2025, 6, 30)]]
    assert calendar.renewals[-1].end == D(2026, 6, 30)


def test_notice_length_counts_from_the_day_after_the_deadline():
    assert notice_length(D(2026, 9, 30), D(2026, 12, 31)) == (3, 0)
    assert notice_length(D(2026, 11, 15), D(2026, 12, 31)) == (1, 16)
    assert notice_length(D(2026, 12, 31), D(2026, 12, 31)) == (0, 0)
    assert notice_length(D(2026, 3, 31), D(2026, 6, 30)) == (3, 0)


def test_a_notice_day_that_not_every_year_has_falls_back_to_the_last_year_with_it():
    assert governing_deadline("02-29", D(2027, 6, 30)) == D(2024, 2, 29)
    assert governing_deadline("02-29", D(2028, 6, 30)) == D(2028, 2, 29)


def test_no_renewal_no_calendar(tmp_path):
    data = example_data()
    del data["period"]["renewal"]
    assert notice_calendar(load_spec(write_spec(tmp_path, data)).spec.period) is None


def test_kalender_prints_each_renewal_with_its_deadline_and_weekday():
    result = kalender(EXAMPLE)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Uppsägningskalender för {EXAMPLE}"
    assert "förlängs ett kalenderår i taget, längst till 31 december 2028" in lines[1]
    assert "Uppsägning senast 30 september respektive år" in lines[2]
    first, second = (line for line in lines if line.startswith("  31 december 202"))
    assert "1 januari 2027–31 december 2027" in first and "onsdag 30 september 2026" in first and "3 månader" in first
    assert "1 januari 2028–31 december 2028" in second and "torsdag 30 september 2027" in second
    assert "  Överenskommelsen upphör senast 31 december 2028." in lines
    assert lines[-1].startswith("1 spec kontrollerad: 0 fel")  # the findings follow as without --kalender


def test_kalender_marks_non_working_days_and_short_notice():
    lines = kalender(EXAMPLE_2023).output.splitlines()
    june = next(line for line in lines if line.startswith("  30 juni 2024"))
    assert "söndag 31 december 2023" in june and "6 månader" in june
    assert june.endswith("(ledig dag: nyårsafton, en söndag)")
    december = next(line for line in lines if line.startswith("  31 december 2024"))
    assert "ingen (samma dag)" in december and december.endswith("(ledig dag: nyårsafton; kort uppsägningstid)")


def test_kalender_as_json():
    result = kalender(EXAMPLE_2023, EXAMPLE, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [c["spec"] for c in data["calendars"]] == [str(EXAMPLE_2023), str(EXAMPLE)]
    first = data["calendars"][0]["renewals"][0]
    assert first == {"after": "2024-06-30", "start": "2024-07-01", "end": "2024-12-31",
                     "notice_deadline": "2023-12-31", "weekday": "söndag", "day_off": "nyårsafton, en söndag",
                     "notice": {"months": 6, "days": 0}, "short": False}
    assert data["calendars"][1]["min_notice_months"] == 3
    assert any(f["code"] == "notice-short" for f in data["findings"])


def test_json_without_kalender_keeps_its_shape():
    data = json.loads(CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "json",
                                                "--clauses", str(CLAUSES)]).output)
    assert list(data) == ["findings"]


def test_kalender_for_a_spec_without_renewal(tmp_path):
    data = example_data()
    data.pop("renews", None)
    del data["period"]["renewal"]
    spec = write_spec(tmp_path, data)
    result = kalender(spec)
    assert result.output.splitlines()[0] == (f"Uppsägningskalender för {spec}: överenskommelsen förlängs inte "
                                             "(ingen period.renewal), så det finns ingen uppsägningsdag att räkna ut.")
