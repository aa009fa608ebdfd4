"""Section numbers, cross-reference texts and footnote numbers: computed once, here.

Writers print `Section.label`, `CrossRef.text` and `FootnoteRef.number`; they never count.
"""

from __future__ import annotations

from drafter.model.changes import ChangeBlock, Deleted, Inserted
from drafter.model.nodes import (
    BulletList,
    CrossRef,
    Document,
    Emph,
    FootnoteRef,
    OrderedList,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
)


class UnknownReference(Exception):
    """A cross-reference names a clause that is not in the document."""

    def __init__(self, target: str, known: list[str]):
        super().__init__(target)
        self.target = target
        self.known = known


def number_document(doc: Document, against: Document | None = None) -> None:
    """Number sections (1., 1.1, 1.1.1), then resolve references and footnotes. References resolve
    in `against` when given: an addendum's quoted wording refers to points of the agreement."""
    _number_sections(doc.sections, prefix="", level=1)
    by_clause = {s.clause.id: s for s in (against or doc).walk_sections() if s.clause and s.number}
    counter = [0]
    for blocks in _all_block_lists(doc):
        for inline in inlines_in(blocks):
            if isinstance(inline, CrossRef):
                target = by_clause.get(inline.target)
                if target is None:
                    raise UnknownReference(inline.target, sorted(by_clause))
                inline.text = f"punkt {target.number}"
            elif isinstance(inline, FootnoteRef):
                counter[0] += 1
                inline.number = counter[0]


def unnumber(section: Section) -> None:
    """A section and all its parts without numbers (a tjänsteutlåtande's headings, a clause shown alone)."""
    section.numbered = False
    for sub in section.sections:
        unnumber(sub)


def number_footnotes(doc: Document) -> None:
    """Footnotes 1, 2, … in reading order, and nothing else: for a redline, whose old and new
    footnotes share one document and whose sections and references are numbered already."""
    counter = 0
    for blocks in _all_block_lists(doc):
        for inline in inlines_in(blocks):
            if isinstance(inline, FootnoteRef):
                counter += 1
                inline.number = counter


def _number_sections(sections: list[Section], prefix: str, level: int) -> None:
    n = 0
    for section in sections:
        section.level = level
        if section.numbered and section.heading:
            if section.fixed_number:
                section.number = section.fixed_number
                tail = section.number.rsplit(".", 1)[-1]
                n = int(tail) if tail.isdigit() else n  # "3.5 a" does not move the count
            else:
                n += 1
                section.number = f"{prefix}{n}"
            section.label = f"{section.number}." if level == 1 else section.number
            _number_sections(section.sections, f"{section.number}.", level + 1)
        else:  # an unnumbered section (e.g. "Bilagor") has unnumbered parts
            section.number = section.label = ""
            for sub in section.sections:
                sub.numbered = False
            _number_sections(section.sections, prefix, level + 1)


def _all_block_lists(doc: Document):
    yield doc.preamble
    for section in doc.walk_sections():
        yield section.blocks


def inlines_in(blocks):
    """Every inline node in reading order, footnote bodies right after their mark."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield from _walk_inlines(block.inlines)
        elif isinstance(block, (BulletList, OrderedList)):
            for item in block.items:
                yield from inlines_in(item)
        elif isinstance(block, Quote):
            yield from inlines_in(block.blocks)
        elif isinstance(block, Table):
            for row in [block.header, *block.rows, *([block.total] if block.total else [])]:
                for cell in row:
                    yield from _walk_inlines(cell)
        elif isinstance(block, ChangeBlock):  # tracked changes (a redline): what they hold
            yield from _walk_inlines(block.inlines)
            yield from inlines_in(block.blocks)


def _walk_inlines(inlines):
    for inline in inlines:
        yield inline
        if isinstance(inline, (Emph, Strong, Inserted, Deleted)):
            yield from _walk_inlines(inline.children)
        elif isinstance(inline, FootnoteRef):
            yield from inlines_in(inline.blocks)
