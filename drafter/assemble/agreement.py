"""Assemble the agreement (överenskommelse): the spec's outline, signed by every party."""

from __future__ import annotations

from drafter.assemble.context import agreement_title, clause_context
from drafter.assemble.data_blocks import data_blocks, title_origin
from drafter.assemble.outline import OutlineAssembler, number
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import Document, Metadata
from drafter.spec.load import LoadedSpec


def agreement_assembler(loaded: LoadedSpec, library: ClauseLibrary) -> OutlineAssembler:
    spec = loaded.spec
    return OutlineAssembler(loaded, library, clause_context(spec, "agreement", loaded), data_blocks(spec, loaded))


def assemble_agreement(loaded: LoadedSpec, library: ClauseLibrary, adjust=None) -> Document:
    """The agreement; `adjust(sections, assembler)`, when given, changes the sections before they
    are numbered (the amended agreement keeps its signed numbers that way)."""
    spec = loaded.spec
    assembler = agreement_assembler(loaded, library)
    sections = assembler.outline(spec.outline, ("outline",))
    if adjust:
        adjust(sections, assembler)
    doc = Document(
        kind="agreement",
        meta=Metadata(
            title=agreement_title(spec),
            title_origin=title_origin(spec, loaded),
            subject=spec.document.subject,
            author=spec.document.author or spec.public.name,
            keywords=["IOP", "idéburet offentligt partnerskap", *(p.name for p in spec.partners)],
            diarienummer=spec.document.diarienummer,
            date=spec.document.date,
            place=spec.document.place,
        ),
        sections=sections,
    )
    return number(doc, loaded)
