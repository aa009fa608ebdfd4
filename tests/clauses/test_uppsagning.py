"""villkor/uppsagning@3: the notice day as a date, computed by the notice calendar, and what happens
without notice.

v2 said "senast den 30 november under den period som pågår": in a two-year first period that is either
of two 30 Novembers. v3 states the governing deadline (drafter/notice_calendar.py, the same rule as
`drafter check --kalender` and the notice checks) and the renewal that follows when nobody gives notice.
The periods here are generated, not the examples'.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
import yaml

from drafter.assemble.context import clause_context
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.render import render_clause
from drafter.notice_calendar import governing_deadline, next_end
from drafter.spec.model import Spec
from drafter.swedish.format import datum

ROOT = Path(__file__).resolve().parents[2]
NORRMALM = ROOT / "tests" / "generic" / "norrmalm-stiftelse.yaml"
CLAUSE = ClauseLibrary(ROOT / "clauses").get("villkor/uppsagning@3")


def _spec(start: dt.date, end: dt.date, unit: str, renewals: int, notice: str) -> Spec:
    """The generic stadsdelsnämnd spec (tests/generic) with this period and renewal."""
    data = yaml.safe_load(NORRMALM.read_text(encoding="utf-8"))
    max_end = end
    for _ in range(renewals):
        max_end = next_end(max_end, unit)
    data["period"] = {"start": start, "end": end,
                      "renewal": {"unit": unit, "max_end": max_end, "notice_deadline": notice}}
    return Spec.model_validate(data)


def _text(spec: Spec) -> str:
    return " ".join(render_clause(CLAUSE, clause_context(spec, "agreement")).split())


def test_a_two_year_period_names_the_one_30_november_that_counts():
    text = _text(_spec(dt.date(2026, 1, 1), dt.date(2027, 12, 31), "kalenderår", 3, "11-30"))
    assert ("För att överenskommelsen ska upphöra den 31 december 2027 ska uppsägningen ha kommit fram till de "
            "andra parterna senast den 30 november 2027.") in text
    assert "Säger ingen part upp den i tid, förlängs den med ett kalenderår, till och med den 31 december 2028." in text
    assert "senast den 30 november närmast före den dag då den pågående förlängningen löper ut" in text
    assert "som längst till och med den 31 december 2030" in text
    assert "period som pågår" not in text
    assert ("Norrmalms stadsdelsnämnd beslutar för Stockholms stad om uppsägning. Beslutet kan också fattas av den "
            "som Norrmalms stadsdelsnämnd har gett rätt att besluta i frågan.") in text  # kommunallagen 6 kap. 37 §


@pytest.mark.parametrize("unit, notice, end", list(itertools.product(
    ["kalenderår", "år", "halvår", "månad"], ["11-30", "09-30", "03-31", "06-15"],
    [dt.date(2027, 6, 30), dt.date(2027, 12, 31), dt.date(2028, 2, 29)])))
def test_the_stated_date_is_the_notice_calendars_for_every_period(unit, notice, end):
    """One rule: the date in the text is governing_deadline's, also when it lies in the year before the end."""
    if unit == "kalenderår" and (end.month, end.day) != (12, 31):
        end = dt.date(end.year, 12, 31)
    spec = _spec(dt.date(2026, 3, 1), end, unit, 2, notice)
    text = _text(spec)
    deadline = governing_deadline(notice, end)
    assert deadline is not None
    said = re.search(r"ska uppsägningen ha kommit fram till de andra parterna senast den (\d+ \w+ \d{4})\.", text)
    assert said and said.group(1) == datum(deadline), text
    assert f"upphöra den {datum(end)}" in text
    assert f"till och med den {datum(next_end(end, unit))}." in text  # the renewal that follows without notice


def test_the_last_possible_renewal_says_no_later_one():
    text = _text(_spec(dt.date(2026, 1, 1), dt.date(2027, 12, 31), "kalenderår", 1, "11-30"))
    assert "förlängs den med ett kalenderår, till och med den 31 december 2028." in text
    assert "senare förlängning" not in text


def test_without_renewal_the_agreement_ends_without_notice():
    spec = _spec(dt.date(2026, 1, 1), dt.date(2027, 12, 31), "kalenderår", 1, "11-30")
    spec.period.renewal = None
    assert _text(spec) == ("Överenskommelsen upphör att gälla den 31 december 2027 utan uppsägning. Parterna kan "
                           "skriftligen komma överens om att den ska upphöra tidigare.")


def test_the_new_version_is_granskad_with_its_sources():
    meta = CLAUSE.meta
    assert meta.status == "granskad" and meta.approval is None
    assert "SOU 2019:56" in meta.source.document and "Kommunallagen (2017:725) 6 kap. 37–40 §§" in meta.source.document
