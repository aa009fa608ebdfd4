"""agreement-before-decision: a document is not dated before the decision it rests on.

The nämnd approves the agreement on the proposal (tjänsteutlåtandet), so the agreement cannot be
signed with the nämnd's authority before the proposal's date, nor before the decision itself when the
spec records it (`decision.date`); an amendment is dated on or after its own decision.
The 2023 example really was dated so, and acknowledges it (`acknowledge:`).
decision-before-proposal: the decision itself is not dated before the proposal it is taken on.
period-retroactive: the agreement is signed after its period has begun, so the nämnd grants money for
time already passed (trial 10: dated 10 December 2026 for a period from 1 January 2026). A warning the
spec may acknowledge when the nämnd means it.
"""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.decision import _committee
from drafter.formatting import datum, genitiv, versal


def check_agreement_before_decision(ctx: CheckContext):
    spec = ctx.spec
    decided = spec.decision.date if spec.decision else None
    if decided and spec.document.date < decided:
        yield Finding("agreement-before-decision", "warning",
                      f"Överenskommelsen är daterad {datum(spec.document.date)} (document.date), före "
                      f"{genitiv(_committee(spec))} beslut {datum(decided)} ({ctx.where('decision', 'date')}) som den "
                      "vilar på. Den som undertecknar för nämnden har då inget beslut att stödja sig på. Kontrollera "
                      "datumen; överenskommelsen dateras den dag den undertecknas, efter nämndens beslut.",
                      ctx.where("document", "date"))
    elif spec.proposal is not None and spec.document.date < spec.proposal.date:
        yield Finding("agreement-before-decision", "warning",
                      f"Överenskommelsen är daterad {datum(spec.document.date)} (document.date), före "
                      f"tjänsteutlåtandet {datum(spec.proposal.date)} ({ctx.where('proposal', 'date')}) som ber "
                      "nämnden godkänna den. Nämnden kan inte ha beslutat om överenskommelsen före dess, och den som "
                      "undertecknar för nämnden har då inget beslut att stödja sig på. Kontrollera datumen; "
                      "överenskommelsen dateras den dag den undertecknas, efter nämndens beslut.",
                      ctx.where("document", "date"))
    if decided and spec.proposal is not None and decided < spec.proposal.date:
        yield Finding("decision-before-proposal", "warning",
                      f"{versal(genitiv(_committee(spec)))} beslut är daterat {datum(decided)} (decision.date), "
                      f"före tjänsteutlåtandet {datum(spec.proposal.date)} ({ctx.where('proposal', 'date')}) som ber "
                      "nämnden besluta. Nämnden beslutar på ett utlåtande som redan är skrivet. Kontrollera datumen: "
                      "decision.date är sammanträdets datum, proposal.date utlåtandets.",
                      ctx.where("decision", "date"))
    for i, amendment in enumerate(spec.amendments):
        if amendment.date < amendment.decision.date:
            yield Finding("agreement-before-decision", "warning",
                          f"Tillägg nr {amendment.number} är daterat {datum(amendment.date)}, före beslutet "
                          f"{datum(amendment.decision.date)} ({amendment.decision.by}) som det vilar på. "
                          "Kontrollera datumen; tillägget dateras den dag det undertecknas, efter beslutet.",
                          ctx.where("amendments", i, "date"))
        proposal = amendment.proposal
        if proposal is not None and amendment.decision.date < proposal.date:
            yield Finding("decision-before-proposal", "warning",
                          f"Beslutet om tillägg nr {amendment.number} är daterat {datum(amendment.decision.date)} "
                          f"({amendment.decision.by}), före tjänsteutlåtandet om tillägget {datum(proposal.date)} "
                          f"({ctx.where('amendments', i, 'proposal', 'date')}) som ber nämnden besluta. Nämnden "
                          "beslutar på ett utlåtande som redan är skrivet. Kontrollera datumen: tilläggets "
                          "decision.date är sammanträdets datum, proposal.date utlåtandets.",
                          ctx.where("amendments", i, "decision"), "addendum-proposal")


def check_period_retroactive(ctx: CheckContext):
    spec = ctx.spec
    signed, start = spec.document.date, spec.period.start
    if signed <= start:
        return
    days = (signed - start).days
    fix = ("Låt perioden börja tidigast den dag överenskommelsen undertecknas (period.start), eller, om nämnden "
           "verkligen vill bevilja bidrag i efterhand, skriv det och skälet i tjänsteutlåtandet och behåll varningen "
           "med acknowledge: (code: period-retroactive, about: period.start, reason: …).")
    yield Finding("period-retroactive", "warning",
                  f"Överenskommelsen är daterad {datum(signed)} (document.date, {ctx.where('document', 'date')}), men "
                  f"perioden börjar {datum(start)}: den gäller {days} {'dag' if days == 1 else 'dagar'} bakåt i tiden, "
                  "och kommunen beviljar bidrag för tid som redan har passerat. Ett idéburet offentligt partnerskap "
                  "bygger på att parterna i förväg kommer överens om vad som ska göras; bidrag i efterhand för "
                  "verksamhet som redan bedrivits är något nämnden måste ha beslutat om med avsikt. " + fix,
                  ctx.where("period", "start"), hint=fix)


CHECKS = [check_agreement_before_decision, check_period_retroactive]
