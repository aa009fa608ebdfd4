"""termination-missing: an agreement that says nowhere how it can end before its time.

A fixed-term IOP without renewal needs no uppsägning: it ends with its period. But the kommun pays out
public money in advance, and if the idéburen part does not do what it promised, misuses the grant or
goes bankrupt, the kommun must be able to end the agreement early: hävning on a väsentligt avtalsbrott
(SOU 2019:56, the vägledning on avtalsbrott; villkor/havning). General contract law gives a right of
hävning even unwritten, but its grounds and form are then a matter for dispute, and a kommunjurist expects
the agreement to state them. prose-mismatch already speaks when the text says "tills vidare" and has no
uppsägning; this says it of every agreement with neither an uppsägning nor a hävning. A warning (the
agreement is valid without), on the outline line, in the agreement only.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.checks.prose_data import NOTICE

_MAY_END = re.compile(r"\b(?:får|kan|äger\s+rätt\s+att|har\s+rätt\s+att)\s+(?:[\wåäö]+\s+){0,5}?häv(?:a|as)\b",
                      re.IGNORECASE)


def _grants_an_ending(text: str) -> bool:
    """An uppsägning named at all, or a sentence that gives a right of hävning ("En part får häva …", "får
    kommunen med omedelbar verkan häva"); one that only presupposes it ("Vid hävning …", "efter att den har
    hävts", both in villkor/aterkrav) grants none."""
    return bool(NOTICE.search(text) or _MAY_END.search(text))


def check_termination(ctx: CheckContext):
    texts = [p.text for p in ctx.pieces if p.document == "agreement"]
    if not texts or any(_grants_an_ending(t) for t in texts):
        return
    renewal = ctx.spec.period.renewal
    fix = ("Ta med villkor/havning (grunderna för hävning, att den ska vara skriftlig och att villkor/aterkrav då "
           "gäller) i outline:, eller skriv en egen punkt om hävning." + (
               " Förlängs överenskommelsen (period.renewal), ta också med villkor/uppsagning." if renewal else ""))
    yield Finding("termination-missing", "warning",
                  "Överenskommelsen säger inte hur den kan upphöra i förtid: den har varken en punkt om uppsägning "
                  "eller om hävning. En överenskommelse med fast slutdatum upphör av sig själv, men kommunen "
                  "betalar ut bidraget, ofta i förskott, och behöver kunna häva överenskommelsen om den idéburna parten "
                  "väsentligt bryter mot den, använder bidraget till annat eller går i konkurs (SOU 2019:56, om "
                  "avtalsbrott). Utan en sådan punkt får grunderna för en hävning avgöras i efterhand, kanske i "
                  "domstol. " + fix, ctx.where("outline"), "agreement", hint=fix)


CHECKS = [check_termination]
