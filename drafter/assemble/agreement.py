"""Assemble the agreement (överenskommelse): the spec's outline, signed by every party."""

from __future__ import annotations

from drafter.assemble.context import agreement_title, clause_context
from drafter.assemble.data_blocks import data_blocks
from drafter.assemble.outline import OutlineAssembler, number
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import Document, Metadata
from drafter.spec.load import LoadedSpec


def assemble_agreement(loaded: LoadedSpec, library: ClauseLibrary) -> Document:
    spec = loaded.spec
    assembler = OutlineAssembler(loaded, library, clause_context(spec, "agreement"), data_blocks(spec))
    doc = Document(
        kind="agreement",
        meta=Metadata(
            title=agreement_title(spec),
            subject=spec.document.subject,
            author=spec.document.author or spec.public.name,
            keywords=["IOP", "idéburet offentligt partnerskap", *(p.name for p in spec.partners)],
            diarienummer=spec.document.diarienummer,
            date=spec.document.date,
            place=spec.document.place,
        ),
        sections=assembler.outline(spec.outline, ("outline",)),
    )
    return number(doc, loaded)
