"""Assemble the committee proposal (tjänsteutlåtande) from the same spec and clauses as the agreement.

Sections it shares with the agreement (syfte och mål, målgrupp, åtaganden,
period) name the same clause ids in its outline, so one change shows in both.
"""

from __future__ import annotations

from drafter.assemble.context import clause_context, spec_origin
from drafter.assemble.data_blocks import data_blocks
from drafter.assemble.outline import OutlineAssembler, number
from drafter.assemble.roles import legal_person
from drafter.assemble.standard_outline import resolve_outline
from drafter.formatting import versal
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import Document, Letterhead, Metadata
from drafter.model.numbering import unnumber
from drafter.spec.load import LoadedSpec
from drafter.spec.model import Spec
from drafter.spec.refs import ref_id

DOCUMENT_TYPE = "Tjänsteutlåtande"


def assemble_proposal(loaded: LoadedSpec, library: ClauseLibrary) -> Document:
    spec = loaded.spec
    proposal = spec.proposal
    assert proposal is not None  # assemble() calls this only for a spec with a proposal
    context = clause_context(spec, "proposal", loaded)
    context["agreement_clauses"] = agreement_clauses(loaded, library)
    assembler = OutlineAssembler(loaded, library, context, data_blocks(spec, loaded))
    sections = assembler.outline(proposal.outline, ("proposal", "outline"))
    for section in sections:
        unnumber(section)
    doc = Document(
        kind="proposal",
        meta=Metadata(
            title=proposal.title,
            title_origin=spec_origin(loaded, ("proposal", "title"), proposal.title),
            subtitle=proposal.subtitle,
            subject=f"{DOCUMENT_TYPE} till {spec.public.committee or 'nämnden'}",
            author=spec.public.name,
            keywords=["IOP", DOCUMENT_TYPE, *(p.name for p in spec.partners)],
            diarienummer=spec.document.diarienummer,
            date=proposal.date,
            place=spec.document.place,
            letterhead=letterhead(spec),
        ),
        sections=sections,
    )
    return number(doc, loaded)


def agreement_clauses(loaded: LoadedSpec, library: ClauseLibrary) -> list[str]:
    """The clause ids (without version) of the agreement's outline, so that a tjänsteutlåtande states
    what the agreement says only when it says it ("Överenskommelsen har en punkt om statsstöd")."""
    ids: list[str] = []
    stack = resolve_outline(loaded.spec.outline, loaded, library.root, ("outline",))
    while stack:
        placed = stack.pop(0)
        if placed.item.clause:
            ids.append(ref_id(placed.item.clause))
        stack[:0] = placed.sections
    return ids


def letterhead(spec: Spec) -> Letterhead:
    proposal = spec.proposal
    assert proposal is not None  # a letterhead heads the proposal, made only for a spec with one
    references = []
    if spec.document.diarienummer:
        references.append(("Dnr", spec.document.diarienummer))
    references.append(("Datum", proposal.date.isoformat()))
    if proposal.handlaggare:
        references.append(("Handläggare", proposal.handlaggare.name))
        if proposal.handlaggare.phone:
            references.append(("Telefon", proposal.handlaggare.phone))
    # The förvaltning writes the tjänsteutlåtande; the kommun is named when the spec names no förvaltning.
    # A letterhead line starts with a capital; the spec writes the förvaltning as running text does.
    sender = [versal(spec.public.administration or spec.public.name)] + ([proposal.department] if proposal.department else [])
    # The nämnd as the spec writes it ("Till kultur- och fritidsnämnden", lower case as in running text);
    # a house style that capitalises it (Stockholm's) does so in apply_house_style.
    recipient = f"Till {spec.public.committee}" if spec.public.committee else ""
    return Letterhead(sender, DOCUMENT_TYPE, references, recipient, organisation=legal_person(spec.public))
