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
    assert "1 januari 2027\u00a0– 31 december 2027" in first and "onsdag 30 september 2026" in first and "3 månader" in first
    assert "1 januari 2028\u00a0– 31 december 2028" in second and "torsdag 30 september 2027" in second
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


def generated_periods():
    """Periods that are not the examples: every unit, first periods of 6–18 months from different
    months, notice days across the year (including 02-29 and month ends), two to five years of life."""
    from drafter.spec.model import Period

    for unit in ("kalenderår", "år", "halvår", "månad"):
        for start in (D(2025, 1, 1), D(2025, 4, 1), D(2025, 7, 1), D(2025, 10, 1)):
            for months in (6, 12, 18):
                from drafter.checks.swedish import add_months

                end = add_months(start, months) - dt.timedelta(days=1)
                if unit == "kalenderår" and (end.month, end.day) != (12, 31):
                    continue
                for years in (2, 5):
                    max_end = add_months(end + dt.timedelta(days=1), 12 * years) - dt.timedelta(days=1)
                    if unit == "kalenderår":
                        max_end = D(end.year + years, 12, 31)
                    for notice in ("01-31", "02-29", "03-31", "06-19", "09-30", "11-15", "12-24", "12-31"):
                        yield Period(start=start, end=end, renewal={"unit": unit, "max_end": max_end,
                                                                    "notice_deadline": notice})


def test_generated_calendars_hold_their_invariants():
    from drafter.checks.swedish import add_months
    from drafter.notice_calendar import notice_date

    count = 0
    for period in generated_periods():
        calendar = notice_calendar(period)
        steps = calendar.renewals
        count += 1
        assert steps and steps[0].after == period.end and steps[-1].end == period.renewal.max_end
        for before, after in zip(steps, steps[1:]):
            assert after.after == before.end and after.start == before.end + dt.timedelta(days=1)
        for s in steps:
            # the governing deadline is the notice day, the last one on or before the period end
            assert s.deadline.strftime("%m-%d") == period.renewal.notice_deadline
            later = notice_date(period.renewal.notice_deadline, s.deadline.year + 1)
            assert s.deadline <= s.after and (later is None or later > s.after
                                              or period.renewal.notice_deadline == "02-29")
            months, days = s.notice
            assert add_months(s.deadline + dt.timedelta(days=1), months) + dt.timedelta(days=days) \
                == s.after + dt.timedelta(days=1)
            assert days < 31 and months < 12 or period.renewal.notice_deadline == "02-29"
            assert s.short(3) == ((months, days) == (0, 0) or months < 3)
        if period.renewal.unit in ("kalenderår", "år"):
            assert calendar.shared_deadlines() == [] or period.renewal.notice_deadline == "02-29"
        elif len(steps) >= 3:
            assert calendar.shared_deadlines(), period
    assert count > 300


def test_generated_specs_warn_exactly_where_the_calendar_is_short(tmp_path):
    from checks.support import findings, of

    cases = [("kalenderår", D(2026, 1, 1), D(2026, 12, 31), D(2028, 12, 31), n)
             for n in ("09-30", "10-01", "12-31")]
    cases += [("år", D(2026, 4, 1), D(2027, 3, 31), D(2029, 3, 31), n) for n in ("12-31", "01-15", "03-31")]
    for i, (unit, start, end, max_end, notice) in enumerate(cases):
        data = example_data()
        data.pop("renews", None)
        data["amendments"] = []
        data["period"] = {"start": start, "end": end,
                          "renewal": {"unit": unit, "max_end": max_end, "notice_deadline": notice}}
        spec = write_spec(tmp_path, data, f"case{i}.yaml")
        calendar = notice_calendar(load_spec(spec).spec.period)
        short = [s for s in calendar.renewals if s.short(3)]
        found = of(findings(spec), "notice-short")
        assert len(found) == (1 if short else 0), (unit, notice)
        for s in short:
            assert f"inför periodslutet {s.after.day} " in found[0].message


def test_kalender_of_a_new_spec_says_the_period_is_not_filled_in(tmp_path):
    data = example_data()
    data.pop("renews", None)
    data["period"]["end"] = "ÅÅÅÅ-MM-DD"
    data["period"]["renewal"]["notice_deadline"] = "MM-DD"
    spec = write_spec(tmp_path, data)
    assert kalender(spec).output.splitlines()[0] == (
        f"Uppsägningskalender för {spec}: perioden är inte ifylld (period.end, period.renewal.notice_deadline); "
        "fyll i den, så räknas kalendern ut.")
    data = json.loads(kalender(spec, "--format", "json").output)
    assert data["calendars"] == [{"spec": str(spec), "unfilled": ["period.end", "period.renewal.notice_deadline"],
                                  "renewals": []}]


def test_kalender_after_an_amendment_that_extends_the_agreement(tmp_path):
    data = example_data(amended=True)
    data["amendments"][0]["changes"].append({"set": {"period.renewal.max_end": dt.date(2029, 12, 31)}})
    spec = write_spec(tmp_path, data)
    lines = kalender(spec).output.splitlines()
    assert "  Överenskommelsen upphör senast 31 december 2028." in lines  # as signed
    after = lines.index(f"Uppsägningskalender för {spec} efter tillägg nr 1 (gäller från 1 januari 2027)")
    assert "längst till 31 december 2029" in lines[after + 1]
    third = next(line for line in lines[after:] if line.startswith("  31 december 2028"))
    assert "1 januari 2029\u00a0– 31 december 2029" in third and "lördag 30 september 2028" in third
    assert third.endswith("(ledig dag: en lördag)")
    data = json.loads(kalender(spec, "--format", "json").output)
    assert [(c.get("amendment"), c["max_end"]) for c in data["calendars"]] == [(None, "2028-12-31"),
                                                                              (1, "2029-12-31")]
    assert data["calendars"][1]["effective"] == "2027-01-01"


def test_an_amendment_that_leaves_the_period_alone_adds_no_calendar():
    assert len(kalender(EXAMPLE, "--format", "json").output.split('"renewals"')) == 2


def test_kalender_after_a_tillägg_shows_only_the_deadlines_it_governs(tmp_path):
    # Tillägg nr 2 moves the notice day to 31 August from 1 July 2027: the calendar after it listed
    # "måndag 31 augusti 2026" for the renewal of 31 December 2026, a day the tillägg never governed.
    data = example_data(amended=True)
    data["amendments"].append({"number": 2, "date": D(2027, 6, 10),
                               "decision": {"by": "socialdirektören", "date": D(2027, 6, 3)},
                               "effective": D(2027, 7, 1),
                               "changes": [{"set": {"period.renewal.notice_deadline": "08-31"}}]})
    spec = write_spec(tmp_path, data)
    lines = kalender(spec).output.splitlines()
    after = lines.index(f"Uppsägningskalender för {spec} efter tillägg nr 2 (gäller från 1 juli 2027)")
    amended = lines[after:lines.index("  Överenskommelsen upphör senast 31 december 2028.", after)]
    assert not any("2026" in line and "augusti" in line for line in amended)
    assert any(line.startswith("  31 december 2027") and "tisdag 31 augusti 2027" in line for line in amended)
    assert "onsdag 30 september 2026" in "\n".join(lines[:after])  # the signed wording governed that one


def test_kalender_after_a_tillägg_with_no_deadline_left(tmp_path):
    data = example_data(amended=True)
    data["amendments"].append({"number": 2, "date": D(2027, 10, 10),
                               "decision": {"by": "socialdirektören", "date": D(2027, 10, 3)},
                               "effective": D(2027, 11, 1),
                               "changes": [{"set": {"period.renewal.notice_deadline": "08-31"}}]})
    lines = kalender(write_spec(tmp_path, data)).output.splitlines()
    assert "  Ingen förlängning återstår med en uppsägningsdag från och med 1 november 2027." in lines
    assert "  Ingen förlängning ryms före längsta slutdatum." not in lines
