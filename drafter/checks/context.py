"""What every check sees: the loaded spec, the clause library, the assembled documents, and helpers
to name places (spec file and line, or clause id@version) and to read the documents' text piece by piece."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import BaseModel

from drafter.errors import DrafterError
from drafter.model.nodes import Block, Document, Origin, Section
from drafter.model.provenance import origin_of, section_place
from drafter.model.text import block_lines, own_text
from drafter.spec.load import LoadedSpec
from drafter.spec.refs import split_ref

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary


@dataclass
class Piece:
    """Text of one part of a document: the title, the preamble, or one section (heading and blocks)."""

    document: str  # the document kind
    text: str
    clause: str | None  # "id@version" of the section's clause, when it has one
    fallback: str  # where to point when the text has no clause: the spec's document or outline line
    blocks: list[Block] = field(default_factory=list)  # the model the text was read from
    section: Section | None = None
    origin: Origin | None = None  # the title's


@dataclass
class CheckContext:
    loaded: LoadedSpec
    library: "ClauseLibrary"
    documents: list[Document] = field(default_factory=list)
    # The spec's lock {document name: entry} as the pipeline read it (drafter/lockfile.py); None: not
    # given, then read from the lock file when a check asks (`locked`).
    lock: dict | None = None

    @property
    def spec(self):
        return self.loaded.spec

    @cached_property
    def locked(self) -> dict:
        """The spec's locked documents {name: entry} ({} without a lock): the one the pipeline passed,
        else read once from the lock file beside the spec."""
        if self.lock is not None:
            return self.lock
        from drafter.lockfile import lock_path, read_lock

        return read_lock(lock_path(self.loaded.path))

    def where(self, *path: str | int) -> str:
        """"spec-file:line" of a spec field (the nearest written parent when the field is not written)."""
        w = self.loaded.where(*path)
        return f"{w.file}:{w.line}" if w.line else w.file

    @cached_property
    def pieces(self) -> list[Piece]:
        out = []
        for doc in self.documents:
            out.append(Piece(doc.kind, doc.meta.title, None, self.where("document"), origin=doc.meta.title_origin))
            preamble = "\n".join(line for b in doc.preamble for line in block_lines(b))
            out.append(Piece(doc.kind, preamble, None, self.where("document"), doc.preamble))
            for section in doc.walk_sections():
                out.append(Piece(doc.kind, _section_text(section), _clause_ref(section),
                                 section_place(section) or self.where("outline"), section.blocks, section))
        return out

    def place_of(self, piece: Piece, snippet: str) -> str:
        """Where a piece of text came from, by the model's provenance: the spec value that holds
        `snippet` if the text has one (a party's name, a figure, a heading), else the clause version,
        else the spec's document or outline."""
        found = origin_of(snippet, piece.blocks, piece.section)
        if found is None and piece.origin is not None:
            found = next((f for f in (piece.origin, *piece.origin.data) if f.value and snippet and snippet in f.value),
                         None)
        return found.where() if found else piece.clause or piece.fallback

    @cached_property
    def renewed(self) -> "LoadedSpec | DrafterError | None":
        """The spec this one renews (`renews:`), read once for every check that compares with it; the
        error when it cannot be read (period-continuity reports it); None when it renews none."""
        if not self.spec.renews:
            return None
        from drafter.spec.renewed import load_renewed

        try:
            return load_renewed(self.loaded)  # parsed once per content in this process (drafter/spec/renewed.py)
        except DrafterError as exc:
            return exc

    @cached_property
    def spec_strings(self) -> list[tuple[tuple, str]]:
        """Every string value of the spec with its field path, in file order: for checks of the spec's
        own wording (names, spelling). Where a document's text came from is the model's provenance
        (`place_of`), not a search here."""
        found: list[tuple[tuple, str]] = []

        def walk(value, path):
            if isinstance(value, str):
                found.append((path, value))
            elif isinstance(value, dict):
                for k, v in value.items():
                    walk(v, (*path, k))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, (*path, i))

        walk(self.spec.model_dump(mode="python", exclude_none=True), ())
        return found

    @cached_property
    def clause_refs(self) -> list[tuple[tuple, str]]:
        """Every clause reference written in the spec (`clause: villkor/period@1`), with its field path."""
        found: list[tuple[tuple, str]] = []
        inner = (BaseModel, list, tuple, dict)  # a leaf (text, number, date) holds no reference: not visited

        def walk(value, path):
            if isinstance(value, BaseModel):
                clause = getattr(value, "clause", None)
                if isinstance(clause, str):
                    found.append(((*path, "clause"), clause))
                for name in type(value).model_fields:
                    v = getattr(value, name)
                    if isinstance(v, inner):
                        walk(v, (*path, name))
            elif isinstance(value, (list, tuple)):
                for i, v in enumerate(value):
                    if isinstance(v, inner):
                        walk(v, (*path, i))
            elif isinstance(value, dict):
                for k, v in value.items():
                    if isinstance(v, inner):
                        walk(v, (*path, k))

        walk(self.spec, ())
        return found

    def where_clause_used(self, clause_id: str, version: int) -> str:
        """The spec line that brings in this clause version, else "id@version"."""
        for path, pinned in self._clause_refs_by_id.get(clause_id, ()):
            if pinned is None or pinned == version:
                return self.where(*path)
        return f"{clause_id}@{version}"

    @cached_property
    def _clause_refs_by_id(self) -> dict[str, list[tuple[tuple, int | None]]]:
        """clause_refs by clause id, each id's in the spec's order: a check asks for every clause it reports."""
        by_id: dict[str, list[tuple[tuple, int | None]]] = {}
        for path, ref in self.clause_refs:
            ref_id, pinned = split_ref(ref)
            by_id.setdefault(ref_id, []).append((path, pinned))
        return by_id


def _section_text(section: Section) -> str:
    return own_text(section)


def _clause_ref(section: Section) -> str | None:
    return f"{section.clause.id}@{section.clause.version}" if section.clause else None
