"""child-rights: the work is with children, but the tjänsteutlåtande has no Barnrättsperspektiv.

Since 1 January 2020 barnkonventionen is Swedish law (lag (2018:1197)): at every measure concerning children
the child's best interests shall be a primary consideration (art. 3.1), and Barnombudsmannen and SKR ask the
decision papers to show how that was tried. The spec says the work is with children when its agreement has
villkor/belastningsregister (what `drafter new --barn` adds). The standard tjänsteutlåtande outlines have the
section from their version 4 (tjansteutlatande/barnrattsperspektiv); a spec with its own outline, one pinned
to an older version, or one that removed the section gets this warning. Only a draft: a slutlig document's
text is not changed by drafter, and one pinned to an older outline keeps it on purpose.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.model.nodes import walk_sections

REGISTER = "villkor/belastningsregister"
SECTION = "tjansteutlatande/barnrattsperspektiv"
# A heading the förvaltning wrote itself for the same thing, as kommuner's templates name it.
_OWN_HEADING = re.compile(r"barnr[äa]tt|barnkonsekvens|barnets\s+bästa|barnperspektiv", re.IGNORECASE)


def check_child_rights(ctx: CheckContext):
    if ctx.spec.document.status == "slutlig" or ctx.spec.proposal is None:
        return
    kinds = {d.kind: d for d in ctx.documents}
    agreement, proposal = kinds.get("agreement"), kinds.get("proposal")
    if agreement is None or proposal is None:
        return
    if not any(s.clause and s.clause.id == REGISTER for s in walk_sections(agreement.sections)):
        return
    for section in walk_sections(proposal.sections):
        if (section.clause and section.clause.id == SECTION) or _OWN_HEADING.search(section.heading or ""):
            return
    outline = ctx.spec.proposal.outline
    if isinstance(outline, list):  # the förvaltning's own outline: the section goes into its list
        hint = (f"Sätt in - {SECTION}@1 i tjänsteutlåtandets outline, före den rättsliga bedömningen (eller där "
                "förvaltningen brukar ha den), och skriv förvaltningens prövning av barnets bästa under texts: "
                "barnrattsperspektiv.")
    else:
        hint = ("Ta standardmallen i version 4 eller senare (standard: iop-tjansteutlatande-facknamnd@4 eller "
                "iop-tjansteutlatande-stadsdelsnamnd@4), eller lägg till avsnittet: add: [{before: "
                f"tjansteutlatande/rattslig-bedomning, item: {SECTION}@1}}]. Skriv förvaltningens prövning av "
                "barnets bästa under texts: barnrattsperspektiv.")
    yield Finding(
        "child-rights", "warning",
        "Verksamheten rör barn (överenskommelsen har punkten Utdrag ur belastningsregistret), men tjänsteutlåtandet "
        "har inget avsnitt om barnrättsperspektiv. Barnkonventionen är svensk lag sedan den 1 januari 2020 (lag "
        "(2018:1197)): vid alla åtgärder som rör barn ska i första hand beaktas vad som bedöms vara barnets bästa "
        f"(artikel 3.1), och beslutsunderlaget ska visa hur det har prövats. {hint}",
        ctx.where("proposal", "outline"), "proposal", hint)


CHECKS = [check_child_rights]
