"""proposal-unlocked: a tjänsteutlåtande the nämnd has decided on, that is not locked.

Once the nämnd has decided on a tjänsteutlåtande it is a registered allmän handling: the text the
nämnd decided on. An unlocked one is rebuilt from the house style and the clause library as they read
now, so a new address in clauses/husstil.yaml, a new logo or a newer fastställd version of a clause
named without version changes it at the next build, with no message (trial6). The agreement's
tjänsteutlåtande counts as decided when `decision.date` is written, a tillägg's (`amendments[].proposal`)
when its `decision.date` has come. Only in a spec marked slutlig: `drafter lock` locks only such a spec.
Said like clause-unpinned, with what `drafter lock` keeps.
"""

from __future__ import annotations

import datetime as dt

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import datum, versal

KEEPS = ("Låset håller kvar klausulversionerna, texten och brevhuvudet (avsändare, adress och uppgifterna på "
         "sidan 1) som de var när det låstes, och `drafter verify` känner sedan igen filen.")


def _decided(by: str | None, date: dt.date, paragraph: str | None) -> str:
    return f"{versal(by) + ' ' if by else ''}den {datum(date)}{', ' + paragraph if paragraph else ''}"


def check_proposal_unlocked(ctx: CheckContext, today: dt.date | None = None):
    spec = ctx.spec
    if spec.document.status != "slutlig":
        return
    today = today or dt.date.today()
    spec_file = ctx.loaded.path.as_posix() if ctx.loaded.path else "SPEC"
    decision = spec.decision
    if (spec.proposal is not None and decision is not None and decision.date is not None
            and decision.date <= today and "tjansteutlatande" not in ctx.locked):
        by = decision.by or spec.public.committee
        yield Finding("proposal-unlocked", "warning",
                      f"Tjänsteutlåtandet är beslutat ({_decided(by, decision.date, decision.paragraph)}), men är "
                      "inte låst: en ändrad husstil (till exempel en ny adress eller logotyp) eller en ny fastställd "
                      "version av en klausul ändrar dess text vid nästa bygge, fast nämnden redan har beslutat om "
                      f"den. Lås det: drafter lock {spec_file} --document tjansteutlatande. {KEEPS}",
                      ctx.where("decision", "date"), "proposal",
                      hint=f"drafter lock {spec_file} --document tjansteutlatande")
    for i, amendment in enumerate(spec.amendments):
        name = f"tjansteutlatande-tillagg-{amendment.number}"
        made = amendment.decision
        if amendment.proposal is None or made.date > today or name in ctx.locked:
            continue
        yield Finding("proposal-unlocked", "warning",
                      f"Tjänsteutlåtandet om tillägg nr {amendment.number} är beslutat "
                      f"({_decided(made.by, made.date, made.paragraph)}), men är inte låst: en ändrad husstil "
                      "(till exempel en ny adress eller logotyp) eller en ny fastställd version av en klausul ändrar "
                      "dess text vid nästa bygge, fast nämnden redan har beslutat om den. Lås det: "
                      f"drafter lock {spec_file} --document {name}. {KEEPS}",
                      ctx.where("amendments", i, "proposal"), "addendum-proposal",
                      hint=f"drafter lock {spec_file} --document {name}")


CHECKS = [check_proposal_unlocked]
