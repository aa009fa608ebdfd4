"""villkor/ersattning@3: the grant per year, never "för 12 månader" in an agreement of two years.

trial7 item 15: point 5.1 of a 24-month agreement said "1 600 000 kr för 12 månader". v3 says "per år"
(the budget's sum row is the year's) and no total for the period, which a tillägg raising the grant midway
would make false in its new wording. The old version still builds as it did.
Built from the generic kommun spec (tests/generic), read back from the agreement's DOCX.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from docx import Document as DocxDocument

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.notice_calendar import next_end
from helpers import CLAUSES, ROOT, write_spec

KOMMUN = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"


def _point(tmp_path: Path, version: int, start: dt.date, end: dt.date, months: int, amounts: list[int],
           renewal: bool = False) -> str:
    data = yaml.safe_load(KOMMUN.read_text(encoding="utf-8"))
    data["outline"]["replace"] = {"villkor/ersattning": f"villkor/ersattning@{version}"}
    data["period"] = {"start": start, "end": end}
    if renewal:
        data["period"]["renewal"] = {"unit": "år", "max_end": next_end(next_end(end, "år"), "år"),
                                     "notice_deadline": "08-31"}
    data["budget"] = {"months": months, "rows": [{"item": f"Rad {i}", "amount": a} for i, a in enumerate(amounts)]}
    data["document"]["date"] = start - dt.timedelta(days=20)
    data["proposal"]["date"] = start - dt.timedelta(days=40)
    spec = write_spec(tmp_path, data)
    out = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES), formats=("docx",)))
    paragraphs = [p.text.replace("\u00a0", " ") for p in
                  DocxDocument(str(out.parent / "spec-overenskommelse.docx")).paragraphs]
    start_at = next(i for i, p in enumerate(paragraphs) if p.endswith("Ekonomiskt bidrag"))
    return "\n".join(paragraphs[start_at + 1:start_at + 4])


def test_v2_says_twelve_months_in_a_two_year_agreement(tmp_path):
    text = _point(tmp_path, 2, dt.date(2027, 1, 1), dt.date(2028, 12, 31), 12, [1_200_000, 400_000])
    assert "ett bidrag till partnerskapet om 1 600 000 kr för 12 månader" in text


def test_a_two_year_agreement_states_the_grant_per_year(tmp_path):
    text = _point(tmp_path, 3, dt.date(2027, 1, 1), dt.date(2028, 12, 31), 12, [1_200_000, 400_000])
    assert ("Åsby kommun lämnar genom nämnden ett bidrag till partnerskapet om 1 600 000 kr per år, fördelat "
            "enligt budgeten nedan.") in text
    assert "12 månader" not in text
    assert ("Bidraget för tiden efter 2027 förutsätter att kultur- och fritidsnämnden har medel för "
            "partnerskapet i sin budget för respektive år.") in text


def test_a_tillagg_raising_the_grant_midway_states_no_wrong_total(tmp_path):
    """The new wording of 5.1 in a tillägg from 1 July 2027: a total for the whole period counted at the new
    rate (2 × 1 800 000) would be false, since the first half year was paid at 1 600 000 kr."""
    data = yaml.safe_load(KOMMUN.read_text(encoding="utf-8"))
    data["outline"]["replace"] = {"villkor/ersattning": "villkor/ersattning@3"}
    data["period"] = {"start": dt.date(2027, 1, 1), "end": dt.date(2028, 12, 31)}
    data["budget"] = {"months": 12, "rows": [{"item": "Ledare", "amount": 1_600_000}]}
    data["document"]["date"], data["proposal"]["date"] = dt.date(2026, 12, 10), dt.date(2026, 11, 20)
    data["amendments"] = [{
        "number": 1, "date": dt.date(2027, 6, 15), "effective": dt.date(2027, 7, 1),
        "decision": {"by": "kultur- och fritidsnämnden", "date": dt.date(2027, 6, 10), "paragraph": "§ 40"},
        "changes": [{"set": {"budget.rows": [{"item": "Ledare", "amount": 1_800_000}]}}]}]
    spec = write_spec(tmp_path, data)
    out = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES), formats=("docx",)))
    for name in ("spec-tillagg-1.docx", "spec-overenskommelse-konsoliderad.docx"):
        text = " ".join(p.text.replace("\u00a0", " ") for p in DocxDocument(str(out.parent / name)).paragraphs)
        assert "om 1 800 000 kr per år, fördelat enligt budgeten nedan." in text, name
        assert "3 600 000" not in text and "sammanlagt" not in text, name


@pytest.mark.parametrize("start, end, months, said, later", [
    # one year, renewed: per year; the renewal's money is reserved as before
    (dt.date(2027, 1, 1), dt.date(2027, 12, 31), 12, "om 1 600 000 kr per år, fördelat enligt budgeten nedan.",
     "Bidraget för en senare period förutsätter"),
    # one year from 1 March: the year's money over two calendar years
    (dt.date(2027, 3, 1), dt.date(2028, 2, 29), 12, "om 1 600 000 kr per år, fördelat enligt budgeten nedan.",
     "Bidraget för tiden efter 2027 och för en förlängning förutsätter"),
    # a six-month budget for six months: as v2, the budget's own months
    (dt.date(2027, 7, 1), dt.date(2027, 12, 31), 6, "om 1 600 000 kr för 6 månader, fördelat",
     "Bidraget för en senare period förutsätter"),
])
def test_other_periods(tmp_path, start, end, months, said, later):
    text = _point(tmp_path, 3, start, end, months, [1_200_000, 400_000], renewal=True)
    assert said in text and later in text
