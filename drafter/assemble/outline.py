"""Outline → sections: the part of assembly every document kind shares.

Each outline item becomes a section: a clause rendered with the spec's data and
read as Markdown, a heading of its own, or a data block (the budget table, the
signatures, the officials, the attachments). Numbering runs once over the whole.
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.clauses.library import ClauseLibrary, ClauseNotFound
from drafter.assemble.context import Used, spec_origin, traced_context, used_origins
from drafter.assemble.standard_outline import Placed, resolve_outline
from drafter.clauses.render import MARK_CLOSE, MARK_OPEN, render_clause, render_heading
from drafter.checks.finding import document_label
from drafter.errors import DrafterError, Where
from drafter.model.nodes import Block, ClauseUse, CrossRef, Document, Origin, Section
from drafter.model.numbering import UnknownReference, inlines_in, number_document
from drafter.readers.markdown import ClauseReader, UnsupportedMarkup
from drafter.spec.load import LoadedSpec
from drafter.spec.model import OutlineItem, StandardOutline
from drafter.spec.refs import split_ref

DataBlocks = dict[str, Callable[[], Block]]


class UnresolvedReference(DrafterError):
    """A clause refers to a clause the document does not hold (a finding, exit 1)."""

    exit_code = 1
    code = "xref-unresolved"

    def __init__(self, message: str, where: Where | None, hint: str | None, target: str):
        super().__init__(message, where, hint)
        self.target = target


class OutlineAssembler:
    """Builds the sections of one document from its outline."""

    def __init__(self, loaded: LoadedSpec, library: ClauseLibrary, context: dict, blocks: DataBlocks):
        self.loaded = loaded
        self.library = library
        self.context = context
        self.blocks = blocks
        self.texts = loaded.spec.texts
        self.texts_path: tuple = ("texts",)  # where `texts` stand in the spec (a tillägg's tjänsteutlåtande has its own)

    def outline(self, outline, spec_path: tuple) -> list[Section]:
        """The sections of the spec's outline (a list, or an adjusted standard outline)."""
        return self.sections(resolve_outline(outline, self.loaded, self.library.root, spec_path))

    def sections(self, placed: list[Placed]) -> list[Section]:
        built = [(self.section(p), p) for p in placed]
        return [section for section, p in built if not _left_out(section, p)]

    def section(self, placed: Placed) -> Section:
        item = placed.item
        section = Section(heading=item.heading or "", numbered=item.numbered, name=item.name or "")
        if item.clause:
            self._fill_from_clause(section, item, placed.locate)
        elif item.key in self.texts or item.text:
            section.blocks, section.sections = self._read_text(item, placed.locate)
            if item.key in self.texts:
                section.origin = spec_origin(self.loaded, (*self.texts_path, item.key), self.texts[item.key])
        elif item.key and not item.block and not item.sections:
            raise DrafterError(f"Avsnittet '{item.key}' har ingen text.", placed.locate("key"),
                               f"Skriv texten i specen under {'.'.join(map(str, self.texts_path))}: {item.key}: (Markdown).")
        if item.block:
            if item.block not in self.blocks:
                raise DrafterError(
                    f"Blocket '{item.block}' finns inte.", placed.locate("block"),
                    f"Välj bland {', '.join(sorted(self.blocks))}.",
                )
            section.blocks.append(self.blocks[item.block]())
        section.sections += self.sections(placed.sections)
        if section.origin is None and not item.clause:  # a heading, block or text written in the outline
            where = placed.locate()
            section.origin = Origin("computed", where.file, where.line, value=section.heading)
        return section

    def _read_text(self, item: OutlineItem, locate) -> tuple[list, list]:
        """The partnership's own text from the spec (texts: KEY), else the outline's default text.
        Markdown only, never a template; markers that only clause rendering may make are dropped."""
        text = self.texts.get(item.key) if item.key in self.texts else item.text
        assert text is not None  # section() reads a text only when the spec or the outline has one
        text = text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
        try:
            return ClauseReader({}).read(text)
        except UnsupportedMarkup as exc:
            where = self.loaded.where(*self.texts_path, item.key) if item.key in self.texts else locate("text")
            raise DrafterError(f"Texten innehåller markering som inte stöds: {exc}.", where) from None

    def _fill_from_clause(self, section: Section, item: OutlineItem, locate) -> None:
        assert item.clause is not None  # section() fills from a clause only when the item names one
        try:
            clause = self.library.get(item.clause)
        except ClauseNotFound as exc:
            exc.where = locate("clause")
            raise
        used: Used = []  # the spec fields the clause text reads: its provenance
        context = traced_context(self.context, self.loaded.spec, used)
        try:
            section.blocks, section.sections = ClauseReader(self.blocks).read(render_clause(clause, context))
        except UnsupportedMarkup as exc:
            raise DrafterError(
                f"Klausulen {clause.ref} innehåller markering som inte stöds: {exc}.", Where(str(clause.path))
            ) from None
        section.heading = item.heading or render_heading(clause, context)
        relative = clause.path.relative_to(self.library.root).as_posix()
        section.clause = ClauseUse(clause.id, clause.version, clause.sha256, relative)
        section.origin = Origin("clause", relative, clause.body_line, clause.ref,
                                data=used_origins(self.loaded, used))


def _left_out(section: Section, placed: Placed) -> bool:
    """A clause whose text says nothing for this spec (tjansteutlatande/barnrattsperspektiv for a partnership
    that does not concern children) gives no section: a heading over nothing is never meant."""
    return bool(placed.item.clause) and not section.blocks and not section.sections


def number(doc: Document, loaded: LoadedSpec) -> Document:
    """Number the document; a reference to a clause it does not hold names the clause version that
    makes it and the spec line that brings that clause in (as clause-unapproved places itself)."""
    try:
        number_document(doc)
    except UnknownReference as exc:
        users = [s.clause for s in doc.walk_sections() if s.clause and _refers_to(s, exc.target)]
        root = ("proposal", "outline") if doc.kind == "proposal" else ("outline",)
        where = _where_used(loaded, root, users[0].id, users[0].version) if users else loaded.where(*root)
        by = f"Klausulen {users[0].id}@{users[0].version} hänvisar till" if users else "Hänvisningen till"
        raise UnresolvedReference(
            f"{by} '{exc.target}', som inte finns med i {document_label(doc.kind, doc.part)}.",
            where,
            f"Lägg till {exc.target} i outline, välj en version av den hänvisande klausulen utan hänvisningen, "
            "eller ta bort hänvisningen.",
            exc.target,
        ) from None
    return doc


def _where_used(loaded: LoadedSpec, root: tuple, clause_id: str, version: int) -> Where:
    """The spec line that names this clause (unpinned or at this version) in the outline at `root`; for a
    clause that only the standard outline names, the spec's `standard:` line."""
    outline: object = loaded.spec
    for name in root:
        outline = getattr(outline, name, None)
    for path, ref in _clause_refs(outline, ()):
        ref_id, pinned = split_ref(ref)
        if ref_id == clause_id and pinned in (None, version):
            return loaded.where(*root, *path)
    return loaded.where(*root, "standard") if isinstance(outline, StandardOutline) else loaded.where(*root)


def _clause_refs(value, path: tuple):
    """(field path, reference) of every `clause:` in an outline (a list, or a standard outline's changes)."""
    if isinstance(value, OutlineItem):
        if value.clause:
            yield (*path, "clause"), value.clause
        yield from _clause_refs(value.sections, (*path, "sections"))
    elif isinstance(value, StandardOutline):
        for name, item in value.replace.items():
            yield from _clause_refs(item, (*path, "replace", name))
        for i, addition in enumerate(value.add):
            yield from _clause_refs(addition.item, (*path, "add", i, "item"))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _clause_refs(item, (*path, i))


def _refers_to(section: Section, target: str) -> bool:
    return any(isinstance(n, CrossRef) and n.target == target for n in inlines_in(section.blocks))
