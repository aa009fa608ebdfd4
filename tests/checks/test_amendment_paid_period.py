"""amendment-paid-period: a tillägg that changes the grant from a day inside a quarter already paid in advance.

trial8 §7: the agreement (villkor/utbetalning) pays quarterly in advance from its start on 1 March; a
tillägg raising the grant from 1 January 2028 leaves January–February 2028 paid at the old rate and
nothing says what happens to the difference. Built on the generic kommun spec (tests/generic), with
the quarters the model computes (drafter/spec/frame.py)."""

from __future__ import annotations

import datetime as dt

import yaml
from docx import Document as DocxDocument

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import prepare
from drafter.spec.frame import paid_period_around, payment_periods
from drafter.spec.model import Spec
from helpers import CLAUSES, ROOT, write_spec

KOMMUN = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"
NBSP = "\u00a0"


def _data(effective: str = "2028-01-01", personal: int = 260000, **amendment) -> dict:
    data = yaml.safe_load(KOMMUN.read_text(encoding="utf-8"))
    data["period"] = {"start": dt.date(2027, 3, 1), "end": dt.date(2029, 2, 28)}
    data["document"]["date"] = dt.date(2027, 2, 15)
    data["proposal"]["date"] = dt.date(2027, 1, 20)
    data["budget"] = {"months": 12, "rows": [{"item": "Ledare", "amount": 180000}, {"item": "Material", "amount": 20000}]}
    data["amendments"] = [{
        "number": 1, "date": dt.date(2027, 12, 1), "effective": dt.date.fromisoformat(effective),
        "decision": {"by": "kultur- och fritidsnämnden", "date": dt.date(2027, 11, 20), "paragraph": "§ 88"},
        "changes": [{"set": {"budget.rows": [{"item": "Ledare", "amount": personal},
                                             {"item": "Material", "amount": 20000}]}}],
        **amendment}]
    return data


def _findings(tmp_path, data: dict, code: str = "amendment-paid-period"):
    return [f for f in prepare(write_spec(tmp_path, data), ClauseLibrary(CLAUSES)).findings if f.code == code]


def test_the_quarters_are_counted_from_the_agreements_start():
    spec = Spec.model_validate(_data())
    assert payment_periods(spec)[:5] == [
        (dt.date(2027, 3, 1), dt.date(2027, 5, 31)), (dt.date(2027, 6, 1), dt.date(2027, 8, 31)),
        (dt.date(2027, 9, 1), dt.date(2027, 11, 30)), (dt.date(2027, 12, 1), dt.date(2028, 2, 29)),
        (dt.date(2028, 3, 1), dt.date(2028, 5, 31))]
    assert payment_periods(spec)[-1] == (dt.date(2028, 12, 1), dt.date(2029, 2, 28))
    assert paid_period_around(spec, dt.date(2028, 1, 1)) == (dt.date(2027, 12, 1), dt.date(2028, 2, 29))
    assert paid_period_around(spec, dt.date(2028, 3, 1)) is None  # a quarter's first day


def test_a_raise_inside_a_paid_quarter_is_a_warning_naming_the_field_and_the_quarter(tmp_path):
    (finding,) = _findings(tmp_path, _data())
    lines = (tmp_path / "spec.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("effective:"))
    assert finding.severity == "warning" and finding.where == f"{tmp_path / 'spec.yaml'}:{line}"
    message = finding.message.replace(NBSP, " ")
    assert ("Tillägg nr 1 ändrar bidraget från den 1 januari 2028 (amendments[0].effective), mitt i kvartalet "
            "1 december 2027 – 29 februari 2028. Enligt punkt 5.2 Utbetalning betalas bidraget ut i förskott") in message
    # 80 000 kr more per year for two months of the quarter: 13 333 kr paid too little
    assert "Med bidraget efter tillägget, 280 000 kr per år, är 13 333 kr för lite utbetalt" in message
    assert "från den 1 mars 2028 (effective: 2028-03-01)" in message and 'transition: "Skillnaden' in message


def test_a_cut_inside_a_paid_quarter_is_paid_too_much(tmp_path):
    (finding,) = _findings(tmp_path, _data(personal=120000))
    assert "för mycket utbetalt" in finding.message and "räknas av från utbetalningen" in finding.message


def test_no_warning_from_a_quarters_first_day_or_with_own_payment_terms(tmp_path):
    assert _findings(tmp_path, _data(effective="2028-03-01")) == []
    data = _data()
    data["figures"] = {**(data.get("figures") or {}), "utbetalning": "i förskott en gång per månad"}
    assert _findings(tmp_path, data) == []


def test_a_transitional_provision_settles_it_and_stands_in_the_tillagg(tmp_path):
    transition = ("Skillnaden mellan bidraget enligt detta tillägg och det bidrag som redan har betalats ut för "
                  "perioden 1 januari 2028 – 29 februari 2028 betalas ut tillsammans med utbetalningen för "
                  "nästa kvartal.")
    data = _data(transition=transition)
    assert _findings(tmp_path, data) == []
    # the quarter's dates in the provision are the model's own periods of the tillägg, not a period-mismatch
    assert _findings(tmp_path, data, "period-mismatch") == []
    spec = write_spec(tmp_path, data)
    out = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES), formats=("docx",))).parent
    paragraphs = [p.text for p in DocxDocument(str(out / "spec-tillagg-1.docx")).paragraphs]
    start = next(i for i, p in enumerate(paragraphs) if p.endswith("Ikraftträdande"))
    assert paragraphs[start + 1:start + 4] == ["Tillägget gäller från och med den 1 januari 2028.", transition,
                                               "I övrigt gäller överenskommelsen oförändrad."]
