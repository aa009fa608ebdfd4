"""Plain text of a model: what a reader of either format should see, for tests and checks."""

from __future__ import annotations

from drafter.model.nodes import (
    BulletList,
    CrossRef,
    Document,
    Emph,
    FootnoteRef,
    LineBreak,
    OrderedList,
    Paragraph,
    Quote,
    Section,
    Officials,
    SignatureBlock,
    Strong,
    Table,
    Text,
)


def inline_text(inlines, footnote_marks: bool = True) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Emph, Strong)):
            out.append(inline_text(node.children, footnote_marks))
        elif isinstance(node, CrossRef):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, FootnoteRef) and footnote_marks:
            out.append(str(node.number))
    return "".join(out)


def block_lines(block) -> list[str]:
    if isinstance(block, Paragraph):
        return [inline_text(block.inlines)]
    if isinstance(block, Quote):
        return [line for b in block.blocks for line in block_lines(b)]
    if isinstance(block, BulletList):
        return [line for item in block.items for b in item for line in block_lines(b)]
    if isinstance(block, OrderedList):
        lines = []
        for i, item in enumerate(block.items, start=block.start):
            first, *rest = [line for b in item for line in block_lines(b)] or [""]
            lines += [f"{i}. {first}", *rest]
        return lines
    if isinstance(block, Table):
        rows = [block.header, *block.rows, *([block.total] if block.total else [])]
        return [" ".join(inline_text(c) for c in row) for row in rows]
    if isinstance(block, Officials):
        return [line for o in block.officials for line in ([o.name] if o.name else []) + [o.title]]
    if isinstance(block, SignatureBlock):
        lines = []
        for s in block.signatories:
            lines += [s.signs_for, s.name_line, s.place_and_date]
        return lines
    raise TypeError(block)


def own_text(section: Section, without: tuple[type, ...] = ()) -> str:
    """A section's heading and its own blocks (not its sub-sections), one line each: the text checks
    read and amendments compare. Blocks of the types in `without` are left out."""
    lines = [section.heading]
    for block in section.blocks:
        if not isinstance(block, without):
            lines += block_lines(block)
    return "\n".join(lines)


def section_lines(section: Section) -> list[str]:
    heading = f"{section.label} {section.heading}".strip()
    lines = [heading] if heading else []
    for block in section.blocks:
        lines += block_lines(block)
    for sub in section.sections:
        lines += section_lines(sub)
    return lines


def document_text(doc: Document) -> str:
    lines = [doc.meta.title] + ([doc.meta.subtitle] if doc.meta.subtitle else [])
    for block in doc.preamble:
        lines += block_lines(block)
    for section in doc.sections:
        lines += section_lines(section)
    return "\n".join(lines)
