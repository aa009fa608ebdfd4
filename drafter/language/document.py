"""The prose of an assembled document, section by section: what readability is measured on.

Only paragraphs and list items count: tables (the budget), signature blocks and the officials' names
are not prose, and headings are not sentences. Each part knows its section and clause, so a finding
can name the clause id@version it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.language.measure import Stats, measure
from drafter.model.nodes import BulletList, Document, FootnoteRef, OrderedList, Paragraph, Quote, Section
from drafter.model.provenance import section_place
from drafter.model.text import block_lines, inline_text


@dataclass
class Part:
    heading: str  # the section's heading ("" for the preamble)
    text: str  # one paragraph or list item a line
    clause: str | None  # "id@version"
    top: str  # heading of the top-level section it stands in, to pick its LIX threshold
    decision: bool = False  # a numbered decision point ("förslag till beslut")
    other: str = ""  # what a reader also sees but is no prose: heading, tables, footnotes (spelled, not measured)
    place: str = ""  # "spec-file:line" of a section not from a clause (an outline heading, a tillägg's own)


def prose_lines(blocks, numbered: bool = False) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(inline_text(block.inlines, footnote_marks=False))
        elif isinstance(block, (BulletList, OrderedList)):
            for item in block.items:
                out += prose_lines(item)
        elif isinstance(block, Quote):
            out += prose_lines(block.blocks)
    return [line.replace("\n", " ") for line in out if line.strip()]


def other_lines(blocks) -> list[str]:
    """Text of the blocks that is not prose: tables, signatures, officials, and footnotes anywhere."""
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out += [line for note in _footnotes(block.inlines) for b in note.blocks for line in block_lines(b)]
        elif isinstance(block, (BulletList, OrderedList)):
            out += [line for item in block.items for line in other_lines(item)]
        elif isinstance(block, Quote):
            out += other_lines(block.blocks)
        else:
            out += block_lines(block)
    return out


def _footnotes(inlines):
    for node in inlines:
        if isinstance(node, FootnoteRef):
            yield node
        yield from _footnotes(getattr(node, "children", []))


def parts(doc: Document) -> list[Part]:
    """Every section's own prose (subsections are parts of their own), in reading order."""
    title = [doc.meta.title, doc.meta.subtitle]
    found = [Part("", "\n".join(prose_lines(doc.preamble)), None, "",
                  other="\n".join(line for line in title + other_lines(doc.preamble) if line))]

    def walk(section: Section, top: str):
        clause = f"{section.clause.id}@{section.clause.version}" if section.clause else None
        decision = any(isinstance(b, OrderedList) for b in section.blocks) and _is_decision(top or section.heading)
        found.append(Part(section.heading, "\n".join(prose_lines(section.blocks)), clause, top or section.heading,
                          decision, "\n".join([section.heading, *other_lines(section.blocks)]), section_place(section)))
        for sub in section.sections:
            walk(sub, top or section.heading)

    for section in doc.sections:
        walk(section, "")
    return [p for p in found if p.text.strip() or p.other.strip()]


def _is_decision(heading: str) -> bool:
    return "förslag till beslut" in heading.lower()


def document_stats(doc: Document) -> Stats:
    return measure("\n".join(p.text for p in parts(doc)))
