"""What clause texts call the parties, computed once from the spec's party data.

A generic clause cannot hard-code "föreningen" (the partner may be a stiftelse or a trossamfund, or
there may be three partners) nor "socialnämnden" or "den kommunala sektorn" (the public party may be
a region, a stadsdelsnämnd or a kommun acting through any nämnd). The legal person is the kommun or
region; the nämnd acts for it (kommunallagen 3 kap. 3–5 §§, 6 kap. 1–3 §§); a förvaltning is neither.
"""

from __future__ import annotations

from drafter.spec.model import Party, Spec

# The definite form a text uses for one idéburen party of each kind.
PARTNER_NOUN = {
    "ideell förening": "föreningen",
    "ekonomisk förening": "föreningen",
    "stiftelse": "stiftelsen",
    "registrerat trossamfund": "trossamfundet",
    "aktiebolag med särskild vinstutdelningsbegränsning": "bolaget",
    "registrerad idéburen organisation": "organisationen",
}

LEGAL_PERSONS = ("kommun", "region")
ADMINISTRATIONS = ("förvaltning", "stadsdelsförvaltning")


def legal_person(public: Party) -> str:
    """The kommun or region that is bound: the party itself, or the municipality it belongs to."""
    if public.kind in LEGAL_PERSONS:
        return public.name
    return public.municipality or public.name


def public_noun(public: Party) -> str:
    """"nämnden" when a nämnd acts for the kommun or region; otherwise "kommunen" or "regionen"."""
    if public.committee or public.kind == "nämnd":
        return "nämnden"
    return "regionen" if public.kind == "region" else "kommunen"


def partner_noun(partners: list[Party]) -> str:
    """"föreningen", "stiftelsen" …; "organisationerna" for several idéburna parties."""
    if len(partners) == 1:
        return PARTNER_NOUN.get(partners[0].kind, "organisationen")
    return "organisationerna"


def roles(spec: Spec) -> dict:
    """The role words a generic clause uses; see docs/clauses.md."""
    public, partners = spec.public, spec.partners
    one = len(partners) == 1
    noun = partner_noun(partners)
    return {
        "huvudman": legal_person(public),
        "namnd": public.committee or (public.name if public.kind == "nämnd" else None),
        "offentlig": public_noun(public),
        # Who prepares and follows up for the nämnd: the förvaltning when the spec names it.
        "forvaltning": public.administration or (public.name if public.kind in ADMINISTRATIONS else "förvaltningen"),
        "ideburen": noun,
        # An obligation must bind every idéburen party, never only the first one.
        "varje_ideburen": noun if one else "var och en av organisationerna",
        "ideburna_flera": not one,
    }
