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
    itself or its fullmäktige (committee None)."""
    by = re.sub(r"\s*\([^)]*\)\s*$", "", by).strip()  # "(överenskommelsen med …)" is context
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
