"""Keep-together marks: which blocks must stay on the page of the block after them.

A transform on the finished model (like docutils' transforms), so both writers
only translate the mark (Typst: a sticky block; DOCX: w:keepNext):

- a lead-in ("Målen med partnerskapet är:", "Socialförvaltningen ska:") with
  the list or table it leads into;
- a short paragraph that is only italic or bold (a sub-heading in the text)
  with what follows it;
- the last block before the signatures with them, so the signature block never
  stands alone on a page that could be swapped.

Headings always keep with the next block (both writers' heading styles), and
no page ends or begins with a single line of a paragraph (widow/orphan control,
also the writers' default).
"""

from __future__ import annotations

from drafter.model.nodes import (
    BulletList, Document, Emph, OrderedList, Paragraph, Quote, SignatureBlock, Strong, Table, Text, walk_sections,
)

SUB_HEADING_MAX = 120  # characters: longer emphasised paragraphs are text, not sub-headings


def mark_keep_together(doc: Document) -> None:
    _mark_blocks(doc.preamble)
    previous_last = None
    for section in walk_sections(doc.sections):
        _mark_blocks(section.blocks)
        if previous_last is not None and any(isinstance(b, SignatureBlock) for b in section.blocks):
            previous_last.keep_with_next = True
        if section.blocks and isinstance(section.blocks[-1], (Paragraph, BulletList, OrderedList)):
            previous_last = section.blocks[-1]
        elif section.blocks:
            previous_last = None


def _mark_blocks(blocks: list) -> None:
    for block, after in zip(blocks, blocks[1:]):
        if not isinstance(block, Paragraph):
            continue
        if isinstance(after, (BulletList, OrderedList, Table, Quote)) and _plain(block).rstrip().endswith(":"):
            block.keep_with_next = True
        elif is_sub_heading(block):
            block.keep_with_next = True
    for block in blocks:
        for item in getattr(block, "items", []):
            _mark_blocks(item)
        if isinstance(block, Quote):
            _mark_blocks(block.blocks)


def is_sub_heading(paragraph: Paragraph) -> bool:
    """A short paragraph set entirely in italic or bold, not ending a sentence."""
    inlines = [i for i in paragraph.inlines if not (isinstance(i, Text) and not i.text.strip())]
    if not inlines or not all(isinstance(i, (Emph, Strong)) for i in inlines):
        return False
    text = _plain(paragraph).strip()
    return 0 < len(text) <= SUB_HEADING_MAX and not text.endswith(".")


def _plain(paragraph: Paragraph) -> str:
    out: list[str] = []

    def walk(inlines):
        for inline in inlines:
            if isinstance(inline, Text):
                out.append(inline.text)
            walk(getattr(inline, "children", []))

    walk(paragraph.inlines)
    return "".join(out)



