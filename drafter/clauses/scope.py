"""For whom an approval applies: an organisation (kommun or region, all its nämnder) or one nämnd.

A nämnd decides for itself; fullmäktige (or a decision that says so) for the whole kommun or region
(kommunallagen 3 kap. 3–5 §§, 6 kap. 1–3 §§). A spec's public party is matched on the party model
(drafter/assemble/roles.py): the legal person (the kommun or region) and the nämnd acting for it.

Front matter written before scopes existed (`approval: {by, date}`) keeps working: its scope is read
from `by` — "Socialnämnden i Stockholms stad" applies to that nämnd of Stockholms stad,
"Kommunfullmäktige i Åsby kommun" or "Stockholms stad" to the whole organisation, and a bare organ
("Socialnämnden") to the nämnd of that name in any organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from drafter.lazy_pattern import lazy

if TYPE_CHECKING:
    from drafter.clauses.front_matter import Approval
    from drafter.spec.model import Party

_WHOLE = lazy(r"^(kommunfullmäktige|regionfullmäktige|fullmäktige)$", re.I)
_ORGANISATION = lazy(r"(^region\s|\skommun$|\sstad$|\sregion$|^kommun$)", re.I)
_IN = re.compile(r"^(?P<organ>.+?)\s+i\s+(?P<organisation>.+)$")


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


_FORM = re.compile(r"\s+(stad|kommun)$")


@lru_cache(maxsize=512)  # pure; asked for each approval of each clause version a spec uses, in every spec
def organisation_key(name: str | None) -> str:
    """A kommun's name stem, so that "Sundbyberg", "Sundbybergs stad" and "Sundbybergs kommun" are one
    kommun (a kommun may call itself stad or kommun: kommunallagen 1 kap. 2 §). Only the genitive -s
    before stad/kommun and those words go; a region ("Region Stockholm") keeps its word, so it never
    matches the kommun of the same name."""
    name = _norm(name)
    stem = _FORM.sub("", name)
    if stem != name and stem.endswith("s") and not stem.endswith("ss"):
        stem = stem[:-1]  # "sundbybergs stad" → "sundbyberg"; "borås stad" → "borå", as "borås" below
    elif stem == name and name.endswith("s") and not name.endswith("ss") and " " not in name:
        stem = name[:-1]  # a bare name written in the genitive ("Borås" → "borå", the same as "Borås stad")
    return stem


def same_organisation(a: str | None, b: str | None) -> bool:
    return organisation_key(a) == organisation_key(b)


@dataclass(frozen=True)
class Scope:
    """organisation None: any organisation (an old approval naming only its organ);
    committee None: every nämnd of the organisation."""

    organisation: str | None
    committee: str | None

    def covers(self, party: "Scope") -> bool:
        if self.organisation and not same_organisation(self.organisation, party.organisation):
            return False
        if self.committee is None:
            return self.organisation is not None
        return _committee(self.committee, self.organisation) == _committee(party.committee, party.organisation)

    def describe(self) -> str:
        """"hela Stockholms stad", "socialnämnden i Stockholms stad", "Socialnämnden"."""
        if self.committee is None:
            return f"hela {self.organisation}"
        return f"{self.committee} i {self.organisation}" if self.organisation else self.committee


@lru_cache(maxsize=512)  # pure, as organisation_key
def _committee(name: str | None, organisation: str | None) -> str:
    """A nämnd's name compared without "i <organisation>" and without case."""
    name = _norm(name)
    match = _IN.match(name)
    if organisation and match and same_organisation(match.group("organisation"), organisation):
        return match.group("organ")
    return name


def scope_of(approval: "Approval") -> Scope:
    """The written scope (`applies_to`), else the one `by` names."""
    if approval.applies_to is not None:
        return Scope(approval.applies_to.organisation, approval.applies_to.committee)
    return body_of(approval.by)


def body_of(by: str) -> Scope:
    """Who decided, as `by` names them: an organ (committee) of an organisation, or the organisation
    itself or its fullmäktige (committee None). A delegate ("Fritidschefen på delegation av
    fritidsnämnden i Umeå kommun") decides with the power of the organ that delegated: that organ."""
    by = _without_context(by)
    delegated = delegation_of(by)
    delegate, principal = delegated if delegated is not None else ("", None)
    if principal is not None:
        scope = body_of(principal)
        if scope.organisation is None:  # "Fritidschefen i Umeå kommun på delegation av fritidsnämnden"
            own = body_of(delegate).organisation
            if looks_like_organisation(own):
                return Scope(own, scope.committee)
        return scope
    match = _IN.match(by)
    if match:
        organ, organisation = match.group("organ"), match.group("organisation")
        return Scope(organisation, None if _WHOLE.match(organ) else organ)
    if _ORGANISATION.search(by):
        return Scope(by, None)
    return Scope(None, by)


def looks_like_organisation(name: str | None) -> bool:
    """"Västerås stad", "Åsby kommun", "Region Skåne"; not "Rinkeby-Kista" (of "Stadsdelsnämnden i Rinkeby-Kista")."""
    return bool(name) and bool(_ORGANISATION.search(name or ""))


_NÄMND = re.compile(r"nämnd|styrelse", re.I)  # kommunstyrelsen is a nämnd too (kommunallagen 3 kap. 3 §)


def is_nämnd(organ: str | None) -> bool:
    """A nämnd or styrelse (not fullmäktige, not an official deciding on delegation)."""
    return bool(organ) and bool(_NÄMND.search(organ or "")) and not _WHOLE.match(_norm(organ))


_DELEGATION = re.compile(r"^(?P<delegate>.+?),?\s+(?:på|enligt)\s+delegation(?:\s+(?:av|från)\s+(?P<principal>.+))?$",
                         re.I)
_STYRELSE = re.compile(r"^(kommun|region)styrelse", re.I)
# Bodies of the partnership, not of the kommun: they prepare, they do not decide, and no nämnd can delegate
# to them (kommunallagen 6 kap. 37–38 §§: to an utskott, a ledamot or ersättare, or an anställd). The one
# notion of "not an organ" for approvals (drafter clauses approve) and tillägg (check amendment-mandate).
NOT_ORGANS = ("styrgrupp", "samverkansgrupp", "referensgrupp", "arbetsgrupp", "partnerskapet")


def _without_context(by: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", by).strip()  # "(överenskommelsen med …)" is context


def not_an_organ(by: str) -> bool:
    """A styrgrupp, arbetsgrupp or the like of the partnership: never a decision-maker of the kommun,
    nor anyone's delegate."""
    name = _norm(_without_context(by))
    return any(word in name for word in NOT_ORGANS)


def delegation_of(by: str) -> tuple[str, str | None] | None:
    """("Fritidschefen", "fritidsnämnden i Umeå kommun") for "Fritidschefen på delegation av fritidsnämnden
    i Umeå kommun"; ("Socialdirektören", None) for an old "Socialdirektören på delegation"; None when
    `by` names no delegation."""
    match = _DELEGATION.match(_without_context(by))
    if match is None:
        return None
    return match.group("delegate").strip(), (match.group("principal") or "").strip() or None


def is_organ(by: str) -> bool:
    """Fullmäktige, a nämnd or styrelse (kommunstyrelsen too), an utskott, or the kommun or region
    itself: who decides for the kommun without anyone's delegation (kommunallagen 3 kap. 3–4 §§,
    6 kap. 2 §). Not a förvaltning, an official, a person or a styrgrupp."""
    if not_an_organ(by) or delegation_of(by) is not None:
        return False
    organ = body_of(by).committee
    if organ is None:
        return True
    name = _norm(organ)
    return bool(_WHOLE.match(name)) or is_nämnd(organ) or "utskott" in name


def is_styrelse(organ: str | None) -> bool:
    """Kommunstyrelsen or regionstyrelsen, or one of its utskott: it leads and coordinates every nämnd
    (kommunallagen 6 kap. 1 §), and its kommun-wide decisions rest on fullmäktige's delegation."""
    return bool(organ) and bool(_STYRELSE.match(_norm(organ)))


def committee_name(name: str) -> str:
    """A nämnd as README and the messages write it: "fritidsnämnden", "kultur- och fritidsnämnden",
    "kommunstyrelsen"; a name that begins with a proper name keeps it ("Norrmalms stadsdelsnämnd")."""
    first = name.split(" ", 1)[0]
    if first.endswith("-") or re.search(r"(nämnd|styrelse|utskott)", first, re.I):
        return name[:1].lower() + name[1:]
    return name


def same_nämnd(organ: str, committee: str, organisation: str | None) -> bool:
    """`organ` is `committee`, or one of its own parts ("Socialnämndens arbetsutskott" of socialnämnden)."""
    mine, theirs = _committee(organ, organisation), _committee(committee, organisation)
    return mine == theirs or mine.startswith(theirs + "s ")


def who_may_approve(party: Scope) -> list[str]:
    """Who may fastställa for `party`, as `--av` would name them: its own nämnd, and fullmäktige, which
    decides for the whole kommun or region (kommunallagen 5 kap. 1 §, 6 kap. 2–3 §§)."""
    organisation = party.organisation or ""
    council = "Regionfullmäktige" if _norm(organisation).startswith("region") else "Kommunfullmäktige"
    own = []
    if party.committee:
        name = _IN.match(party.committee)
        organ = name.group("organ") if name and same_organisation(name.group("organisation"), organisation) \
            else party.committee
        own = [f"{organ[:1].upper()}{organ[1:]} i {organisation}" if organisation else organ]
    return [*own, f"{council} i {organisation}" if organisation else council]


def party_scope(public: "Party") -> Scope:
    """Where a spec's public party stands: its kommun or region, and the nämnd acting for it."""
    from drafter.assemble.roles import legal_person

    committee = public.committee or (public.name if public.kind == "nämnd" else None)
    return Scope(legal_person(public), committee)


def approvals_covering(approvals: list["Approval"], public: "Party") -> list["Approval"]:
    where = party_scope(public)
    return [a for a in approvals if scope_of(a).covers(where)]


def newest_approved_for(library, clause_id: str, public: "Party"):
    """The newest version of `clause_id` fastställd for `public`; None when there is none (or no such
    clause: the library's own get() then says so)."""
    from drafter.clauses.library import ClauseNotFound

    try:
        versions = library.versions(clause_id)
    except ClauseNotFound:
        return None
    ours = [v for v in versions if v.meta.status == "fastställd" and approvals_covering(v.meta.all_approvals, public)]
    return ours[-1] if ours else None
