"""Assemble the agreement: walk the spec's outline, render each clause, number the whole."""

from __future__ import annotations

from drafter.assemble.context import agreement_title, clause_context
from drafter.assemble.data_blocks import data_blocks
from drafter.clauses.library import ClauseLibrary, ClauseNotFound
from drafter.clauses.render import render_clause, render_heading
from drafter.errors import DrafterError, Where
from drafter.model.nodes import ClauseUse, CrossRef, Document, Metadata, Section
from drafter.model.numbering import UnknownReference, inlines_in, number_document
from drafter.readers.markdown import ClauseReader, UnsupportedMarkup
from drafter.spec.load import LoadedSpec
from drafter.spec.model import OutlineItem


def assemble_agreement(loaded: LoadedSpec, library: ClauseLibrary) -> Document:
    spec = loaded.spec
    context = clause_context(spec)
    blocks = data_blocks(spec)
    sections = [
        _section(item, loaded, library, context, blocks, ("outline", i)) for i, item in enumerate(spec.outline)
    ]
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
        sections=sections,
    )
    try:
        number_document(doc)
    except UnknownReference as exc:
        users = [s.clause for s in doc.walk_sections() if s.clause and _refers_to(s, exc.target)]
        where = Where(users[0].path) if users else loaded.where("outline")
        raise DrafterError(
            f"Hänvisningen till '{exc.target}' pekar på en klausul som inte finns med i överenskommelsen.",
            where,
            "Lägg till klausulen i outline eller ta bort hänvisningen.",
        ) from None
    return doc


def _section(item: OutlineItem, loaded, library, context, blocks, path) -> Section:
    section = Section(heading=item.heading or "", numbered=item.numbered)
    if item.clause:
        try:
            clause = library.get(item.clause)
        except ClauseNotFound as exc:
            exc.where = loaded.where(*path, "clause")
            raise
        try:
            section.blocks, section.sections = ClauseReader(blocks).read(render_clause(clause, context))
        except UnsupportedMarkup as exc:
            raise DrafterError(
                f"Klausulen {clause.ref} innehåller markering som inte stöds: {exc}.", Where(str(clause.path))
            ) from None
        section.heading = item.heading or render_heading(clause, context)
        section.clause = ClauseUse(clause.id, clause.version, clause.sha256, clause.path.relative_to(library.root).as_posix())
    section.sections += [
        _section(sub, loaded, library, context, blocks, (*path, "sections", i))
        for i, sub in enumerate(item.sections)
    ]
    return section


def _refers_to(section: Section, target: str) -> bool:
    return any(isinstance(n, CrossRef) and n.target == target for n in inlines_in(section.blocks))
