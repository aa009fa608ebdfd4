"""period-continuity: a renewal starts the day after the partnership it renews ends."""

import datetime as dt

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, example_data


def test_example_starts_the_day_after_2023_ends():
    assert of(findings(EXAMPLE), "period-continuity") == []


def renewing(tmp_path, start):
    data = example_data()
    data["renews"] = "street-minds-2023.yaml"
    data["period"]["start"] = start
    return spec_file(tmp_path, data)


def test_gap(tmp_path):
    spec = renewing(tmp_path, dt.date(2026, 8, 1))
    (f,) = of(findings(spec), "period-continuity")
    assert f.severity == "error"
    assert "glapp på 31 dagar" in f.message
    assert "börjar 1 augusti 2026" in f.message and "slutar 30 juni 2026" in f.message
    assert "bör börja 1 juli 2026" in f.message
    assert f.where == line_of(spec, "start: 2026-08-01")


def test_overlap(tmp_path):
    spec = renewing(tmp_path, dt.date(2026, 6, 1))
    (f,) = of(findings(spec), "period-continuity")
    assert "överlappar med 30 dagar" in f.message and "slutar 30 juni 2026" in f.message


def test_earlier_spec_without_renewal_ends_at_its_end(tmp_path):
    earlier = example_data()
    earlier.pop("renews", None)
    del earlier["period"]["renewal"]
    spec_file(tmp_path, earlier, "tidigare.yaml")  # 2026-07-01 – 2026-12-31
    data = example_data()
    data.update(renews="tidigare.yaml")
    data["period"].update(start=dt.date(2027, 1, 1), end=dt.date(2027, 12, 31))
    data["period"]["renewal"]["max_end"] = dt.date(2028, 12, 31)
    assert of(findings(spec_file(tmp_path, data)), "period-continuity") == []


def test_renewed_spec_that_cannot_be_read(tmp_path):
    data = example_data()
    data["renews"] = "finns-inte.yaml"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "period-continuity")
    assert "finns-inte.yaml" in f.message and "kan inte läsas" in f.message
    assert f.where == line_of(spec, "renews:")
