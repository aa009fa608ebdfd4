"""The data clause texts see: the spec's fields, plus `public`, `partner`, `budget.total` and `kind`."""

from __future__ import annotations

from drafter.assemble.roles import roles
from drafter.swedish.names import lista
from drafter.spec.model import Spec


def clause_context(spec: Spec, kind: str) -> dict:
    """`kind` ("agreement", "proposal") lets a shared clause word one sentence per document."""
    data = spec.model_dump(mode="python", exclude={"outline": True, "proposal": {"outline"}})
    partners = [p.model_dump() for p in spec.partners]
    data["budget"]["total"] = spec.budget.sum
    data["public"] = spec.public.model_dump()
    data["partners"] = partners
    data["partner"] = partners[0]
    data["document"]["title"] = agreement_title(spec)
    data["kind"] = kind
    data |= roles(spec)
    # A kommun or region is its own municipality: older clauses write `public.municipality`.
    data["public"]["municipality"] = data["public"]["municipality"] or data["huvudman"]
    return data


def agreement_title(spec: Spec) -> str:
    if spec.document.title:
        return spec.document.title
    parties = lista([spec.public.name, *(p.name for p in spec.partners)])
    return f"Överenskommelse om idéburet offentligt partnerskap (IOP) mellan {parties}"
