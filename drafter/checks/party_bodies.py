"""party-administration: the förvaltning that prepares the partnership belongs to the nämnd that decides
it; party-municipality: the public party's `municipality` names the party's own kommun or region.

The same mistake party-signs-for finds in a signature, found in the party's own fields: a district copies
last year's spec of another stadsdel and changes the nämnd but not the förvaltning ("Skärholmens
stadsdelsförvaltning" preparing for Farsta stadsdelsnämnd), or writes another kommun in `municipality`.
Only what the names themselves show is judged: two different stadsdelar, a stadsdelsförvaltning beside a
kommun-wide nämnd (or the other way round), two different kommuner. A förvaltning whose name differs
from its nämnd's is no finding ("Vård- och omsorgsförvaltningen" preparing for Äldrenämnden):
many kommuner organise so.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.clauses.scope import same_organisation
from drafter.spec.model import Party

# "Skärholmens stadsdelsförvaltning", "stadsdelsnämnden i Farsta", "Stadsdelsnämnden Centrum" (Göteborg)
_DISTRICT_ORGAN = re.compile(r"^stadsdels(?:förvaltning|nämnd)(?:en)?$", re.IGNORECASE)
_ORGAN = re.compile(r"(?:förvaltning|nämnd)(?:en)?$", re.IGNORECASE)
_JOINERS = {"i", "för", "inom", "-", "–"}
_KOMMUN_WORD = re.compile(r"^(?:stad|stads|kommun|kommuns)$", re.IGNORECASE)


def _same_name(a: str, b: str) -> bool:
    """"Skärholmens" and "Skärholmen", "Stockholms" and "Stockholm": one name, with or without genitive s."""
    a, b = a.casefold(), b.casefold()
    return a == b or a == b + "s" or b == a + "s"


def district(name: str) -> tuple[bool, str] | None:
    """(whether `name` is a stadsdel's organ, the stadsdel's name or "") for a förvaltning or nämnd;
    None for a name that is neither ("Stadsledningskontoret")."""
    words = name.replace(",", " ").split()
    at = next((i for i in range(len(words) - 1, -1, -1) if _ORGAN.search(words[i])), None)
    if at is None:
        return None
    if not _DISTRICT_ORGAN.match(words[at]):
        return False, ""
    rest = words[:at] + words[at + 1:]
    # the kommun is no part of the stadsdel's name: "Farsta stadsdelsnämnd i Stockholms stad"
    rest = [w for i, w in enumerate(rest) if not _KOMMUN_WORD.match(w)
            and not (i + 1 < len(rest) and _KOMMUN_WORD.match(rest[i + 1]))]
    return True, " ".join(w for w in rest if w.casefold() not in _JOINERS)


def _committee_of(party: Party) -> str | None:
    return party.committee or (party.name if party.kind == "nämnd" else None)


def _administration_of(party: Party) -> tuple[str | None, tuple[str, ...]]:
    """The förvaltning and the field it is written in."""
    if party.administration:
        return party.administration, ("administration",)
    if party.kind in ("förvaltning", "stadsdelsförvaltning"):
        return party.name, ("name",)
    return None, ()


def administration_problem(administration: str, committee: str) -> str | None:
    """Why `administration` does not prepare for `committee`, as the end of a sentence; None when it may."""
    ours, theirs = district(administration), district(committee)
    if ours is None or theirs is None:
        return None
    (our_district, our_place), (their_district, their_place) = ours, theirs
    if our_district and their_district:
        if our_place and their_place and not _same_name(our_place, their_place):
            return (f"de hör till olika stadsdelar ({our_place} och {their_place}), och en stadsdelsförvaltning "
                    "bereder bara sin egen stadsdelsnämnds ärenden")
        return None
    if our_district != their_district:
        return (f"{administration} är en stadsdelsförvaltning, men {committee} är ingen stadsdelsnämnd"
                if our_district else
                f"{committee} är en stadsdelsnämnd, men {administration} är ingen stadsdelsförvaltning; "
                "en stadsdelsnämnds ärenden bereds av dess egen stadsdelsförvaltning")
    return None


def check_administration(ctx: CheckContext):
    """party-administration: the förvaltning and the nämnd of the public party belong together."""
    for i, party in enumerate(ctx.spec.parties):
        if party.sector != "offentlig":
            continue
        administration, field = _administration_of(party)
        committee = _committee_of(party)
        if not administration or not committee:
            continue
        problem = administration_problem(administration, committee)
        if problem is None:
            continue
        advice = ("Rätta administration (förvaltningen) eller committee (nämnden), så att förvaltningen är den som "
                  "bereder nämndens ärenden; texterna skriver båda som de står.")
        yield Finding("party-administration", "warning",
                      f"Förvaltningen {administration} och nämnden {committee} hör inte ihop: {problem} "
                      f"({ctx.where('parties', i, 'committee')}). {advice}",
                      ctx.where("parties", i, *field), hint=advice)


def _a_region(name: str) -> bool:
    words = name.casefold().split()
    return bool(words) and (words[0] in ("region", "regionen") or words[-1] in ("region", "regionen"))


def check_municipality(ctx: CheckContext):
    """party-municipality: a kommun's or region's `municipality` names itself, not another."""
    for i, party in enumerate(ctx.spec.parties):
        if party.sector != "offentlig" or party.kind not in ("kommun", "region") or not party.municipality:
            continue
        if same_organisation(party.name, party.municipality):
            continue
        advice = (f"Parten är {party.kind}en själv: rätta name eller municipality, eller ta bort municipality "
                  f"(för en {party.kind} som part behövs det inte).")
        yield Finding("party-municipality", "warning",
                      f"Parten {party.name} står med municipality: {party.municipality}, en annan "
                      f"{'region' if _a_region(party.municipality) else 'kommun'} "
                      f"({ctx.where('parties', i, 'name')}). {advice}",
                      ctx.where("parties", i, "municipality"), hint=advice)


CHECKS = [check_administration, check_municipality]
