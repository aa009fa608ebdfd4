"""period-retroactive: an agreement signed after its period began grants money for time already passed
(trial 10: signed 10 December 2026 for a period from 1 January 2026)."""

import datetime as dt

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, example_data


def test_examples_are_signed_on_their_first_day():
    assert of(findings(EXAMPLE), "period-retroactive") == []
    assert of(findings(EXAMPLE.parent / "street-minds-2023.yaml"), "period-retroactive") == []


def dated(tmp_path, signed, acknowledge=None):
    data = example_data()
    data["document"]["date"] = signed
    if acknowledge is not None:
        data["acknowledge"] = (data.get("acknowledge") or []) + [acknowledge]
    return spec_file(tmp_path, data)


def test_signed_after_the_start_is_a_warning_at_the_start(tmp_path):
    spec = dated(tmp_path, dt.date(2026, 12, 10))  # period from 2026-07-01
    (f,) = of(findings(spec), "period-retroactive")
    assert f.severity == "warning" and not f.acknowledged
    said = f.message.replace("\u00a0", " ")
    assert "daterad 10 december 2026" in said and "börjar 1 juli 2026" in said and "162 dagar bakåt" in said
    assert "tid som redan har passerat" in said
    assert f.where == line_of(spec, "start: 2026-07-01")


def test_signed_on_or_before_the_start_is_not(tmp_path):
    assert of(findings(dated(tmp_path, dt.date(2026, 7, 1))), "period-retroactive") == []
    assert of(findings(dated(tmp_path, dt.date(2026, 6, 20))), "period-retroactive") == []


def test_the_nämnd_may_mean_it(tmp_path):
    spec = dated(tmp_path, dt.date(2026, 8, 1), {"code": "period-retroactive", "about": "period.start",
                                                 "reason": "Nämnden beviljar bidrag retroaktivt från 1 juli 2026."})
    (f,) = of(findings(spec), "period-retroactive")
    assert f.acknowledged and "retroaktivt" in f.acknowledged
