"""Where a piece of a document came from, read off the model (`Origin` on sections and spans).

Assembly sets the origins; this module only reads them, for the checks (which place to name in a
finding), for `build` (which spec line a rendering error is about) and for pages that jump from the
document to its source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from drafter.model.nodes import Block, Document, Officials, Origin, Section, SignatureBlock, Text
from drafter.model.numbering import inlines_in
from drafter.model.text import section_lines


def origins_in(blocks: Iterable[Block]) -> Iterator[tuple[str, Origin]]:
    """(text, origin) of every span in `blocks` that knows where it came from, in reading order;
    a signatory's or an official's origin with each of the spec values it was made from."""
    blocks = list(blocks)
    for inline in inlines_in(blocks):
        if isinstance(inline, Text) and inline.origin is not None:
            yield inline.text, inline.origin
    for block in blocks:
        people: list = []
        if isinstance(block, SignatureBlock):
            people = block.signatories
        elif isinstance(block, Officials):
            people = block.officials
        for person in people:
            if person.origin is not None:
                yield from _values(person.origin)


def _values(origin: Origin) -> Iterator[tuple[str, Origin]]:
    for field in origin.data:
        if field.value:
            yield field.value, field


def origin_of(snippet: str, blocks: Iterable[Block], section: Section | None = None) -> Origin | None:
    """The origin of the spec value that holds `snippet` in these blocks (a party's name, a figure a
    clause cites, a budget row), or None when the text is the clause's or drafter's own."""
    if not snippet:
        return None
    for text, origin in origins_in(blocks):
        if snippet in text:
            return _field_holding(snippet, origin)
    if section is not None and section.origin is not None:
        for text, origin in _values(section.origin):
            if snippet in text:
                return origin
        if section.origin.kind == "spec" and snippet in section.origin.value:
            return section.origin
    return None


def _field_holding(snippet: str, origin: Origin) -> Origin:
    """A computed value's own spec field that holds the snippet, else the value itself."""
    return next((f for f in origin.data if f.value and snippet in f.value), origin)


def section_place(section: Section) -> str:
    """"spec-file:line" of a section drafter or the spec wrote (an outline heading, a tillägg's own
    section, a spec text); "" for a clause's section, which is named by its clause instead."""
    origin = section.origin
    return origin.where() if origin is not None and origin.kind != "clause" else ""


def locate_text(documents: Iterable[Document], text: str) -> Origin | None:
    """Where text that cannot be shown (a glyph the PDF fonts lack) came from: the first span,
    spec value or section of the documents that holds it, or its first character."""
    for needle in (text, text[:1]):
        for doc in documents:
            found = origin_of(needle, doc.preamble)
            if found:
                return found
            for section in doc.walk_sections():
                found = origin_of(needle, section.blocks, section)
                if (found is None and section.origin is not None and section.origin.kind != "computed"
                        and needle in "\n".join(section_lines(section))):
                    found = section.origin  # the clause's (or the spec text's) own words
                if found:
                    return found
    return None


__all__ = ["origins_in", "origin_of", "locate_text", "section_place"]
