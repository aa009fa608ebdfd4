"""tjansteutlatande/tillagg-ekonomiska-konsekvenser@1 between its sentences: one space, never two.

trial8 read "700 000 kr per år efter.  Förvaltningen bedömer" in a tillägg's DOCX: each changed amount
ended in ". " and the next sentence began with its own space when the total to the period's end was
not known. A generic spec (tests/generic, not the examples) with a tillägg raising the grant per year.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from drafter.assemble.amendment_money import added_money, signed_total
from drafter.assemble.amendment_proposal import tillagg_context
from drafter.assemble.context import clause_context
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.render import render_clause
from drafter.spec.model import Amendment, Spec

ROOT = Path(__file__).resolve().parents[2]
NORRMALM = ROOT / "tests" / "generic" / "norrmalm-stiftelse.yaml"


def _rendered(total_known: bool, fore_efter_known: bool) -> str:
    data = yaml.safe_load(NORRMALM.read_text(encoding="utf-8"))
    data["period"].update(start=dt.date(2027, 1, 1), end=dt.date(2028, 12, 31))
    data["period"].pop("renewal")
    data["budget"]["months"] = 12  # 515 000 kr a year, raised by 60 000 kr a year from 1 februari 2027
    spec = Spec.model_validate(data)
    rows = [r.model_copy(update={"amount": r.amount + (60000 * spec.budget.months // 12 if i == 0 else 0)})
            for i, r in enumerate(spec.budget.rows)]
    after = spec.model_copy(update={"budget": spec.budget.model_copy(update={"rows": rows})})
    effective = spec.period.start + dt.timedelta(days=31)
    amendment = Amendment.model_validate({
        "number": 1, "date": effective, "effective": effective, "changes": [{"set": {"budget.rows": []}}],
        "decision": {"by": spec.public.committee or spec.public.name, "date": spec.period.start}})
    money = added_money(spec, after, effective, signed_total(spec))
    context = clause_context(spec, "proposal")
    context["tillagg"] = tillagg_context(amendment, spec, ["Punkt 5.1 Ekonomisk ersättning får en ny lydelse."], money)
    context["texts"] = {**context.get("texts", {}), "ekonomi-budget": "Förvaltningen bedömer att ökningen ryms."}
    pengar = context["tillagg"]["pengar"]
    assert pengar["poster"], "the tillägg changes an amount"
    if not total_known:
        pengar["totalt"] = None
    if not fore_efter_known:
        pengar["fore"] = pengar["efter"] = None
    clause = ClauseLibrary(ROOT / "clauses").get("tjansteutlatande/tillagg-ekonomiska-konsekvenser@1")
    return render_clause(clause, context)


@pytest.mark.parametrize("total_known", [True, False])
@pytest.mark.parametrize("fore_efter_known", [True, False])
def test_one_space_between_sentences_whatever_is_known(total_known, fore_efter_known):
    text = _rendered(total_known, fore_efter_known).replace("\\", "").strip()
    assert "  " not in text, text
    assert "efter. " in text and "Förvaltningen bedömer att ökningen ryms." in text
    assert not text.startswith(" ")
