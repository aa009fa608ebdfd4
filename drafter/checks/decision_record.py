"""decision-unrecorded: a final agreement rests on the nämnd's decision, recorded with date and §.

The nämnd approves the agreement on the tjänsteutlåtande's förslag till beslut, and the decision is
what the nämnd's protocol records: the meeting's date and the paragraph. The protocol is checked
(justerat) and its checking announced on the kommun's anslagstavla, from which the time to appeal
the decision runs (kommunallagen 13 kap., laglighetsprövning). An agreement marked
`status: slutlig` is the one the kommun signs, so the decision it rests on must be in the spec: a
`decision:` block without date or § is an error (the spec itself says the decision is still to come).
A spec that records no decision at all, as specs did before `decision:` existed, gets a warning, so
that it keeps building; and an agreement already signed and locked is a legal fact drafter cannot
undo: a warning there too, never a build that stops.
"""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.amended import signed_run
from drafter.checks.decision import _committee
from drafter.checks.finding import Finding
from drafter.formatting import genitiv, lista


def check_decision_recorded(ctx: CheckContext):
    spec = ctx.spec
    if spec.document.status != "slutlig" or not signed_run(ctx):
        return
    committee = _committee(spec)
    decision = spec.decision
    if decision is None:
        yield Finding("decision-unrecorded", "warning",
                      f"Överenskommelsen är slutlig (document.status: slutlig), men specen anger inte {genitiv(committee)} "
                      "beslut om den. Skriv in beslutet under decision: med datum och paragraf i protokollet, så att "
                      "det syns vilket beslut överenskommelsen vilar på.",
                      ctx.where("document", "status"), hint="Skriv in nämndens beslut under decision: (by, date, paragraph).")
        return
    missing = [word for word, value in (("datum (decision.date)", decision.date),
                                        ("paragraf (decision.paragraph)", decision.paragraph)) if not value]
    if not missing:
        return
    locked = "overenskommelse" in ctx.locked
    advice = ("Fyll i datum och paragraf ur protokollet när nämnden har beslutat; till dess är överenskommelsen "
              "ett utkast (document.status: utkast).")
    message = (f"Överenskommelsen är slutlig (document.status: slutlig), men {genitiv(committee)} beslut om den "
               f"saknar {lista(missing)}. En slutlig överenskommelse vilar på nämndens beslut om tjänsteutlåtandets "
               "förslag till beslut, och beslutet är det som protokollet anger med sammanträdets datum och paragraf.")
    if locked:
        advice = ("Överenskommelsen är redan undertecknad och låst: fyll i datum och paragraf för det beslut den "
                  "vilar på.")
    yield Finding("decision-unrecorded", "warning" if locked else "error", f"{message} {advice}",
                  ctx.where("decision"), hint=advice)


CHECKS = [check_decision_recorded]
