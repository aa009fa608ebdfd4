"""Block nodes into a Story: paragraphs and lists here; tables, signatures and officials in their modules.

Lists are real Word lists (numbering.py): each list its own w:num starting at
the model's `start`, so Word, LibreOffice and screen readers see list items and
levels. A ListLevel without a numId writes its marker as text (the redline
writer's tracked markers). Keep-together marks from the model (model/keep.py)
become w:keepNext.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Twips

from drafter.model.changes import ChangeBlock
from drafter.model.nodes import BulletList, Officials, OrderedList, Paragraph, Quote, SignatureBlock, Table
from drafter.writers.docx import house
from drafter.writers.docx.footnotes import Footnotes
from drafter.writers.docx.inlines import write_inlines
from drafter.writers.docx.numbering import new_list, number_paragraph
from drafter.writers.docx.oxml import keep_next, style_of
from drafter.writers.docx.officials import write_officials
from drafter.writers.docx.signatures import write_signatures
from drafter.writers.docx.story import Story
from drafter.writers.docx.tables import write_table


@dataclass
class ListLevel:
    depth: int  # 1 for a top-level list
    marker: str  # "–" or "3."
    style: str
    num_id: int | None = None  # the list's w:num; None: the marker is written as text


def write_blocks(story: Story, blocks: list, footnotes: Footnotes) -> None:
    for block in blocks:
        write_block(story, block, footnotes)


def write_block(story: Story, block, footnotes: Footnotes, depth: int = 0) -> None:
    if isinstance(block, Paragraph):
        p = story.paragraph()
        if depth:
            indent(p, depth, hanging=False)
            style_of(p._p, house.LIST_CONTINUE)
        write_inlines(p, block.inlines, footnotes)
        keep_with_next(p, block)
    elif isinstance(block, (BulletList, OrderedList)):
        ordered = isinstance(block, OrderedList)
        first = block.start if isinstance(block, OrderedList) else 1
        num_id = new_list(story._parent, ordered, depth, first)
        start = story.mark()
        for number, item in enumerate(block.items, start=first):
            marker = f"{number}." if ordered else house.BULLET
            style = house.LIST_NUMBER if ordered else house.LIST_BULLET
            write_item(story, item, footnotes, ListLevel(depth + 1, marker, style, num_id))
        if block.keep_with_next:
            for last in story.since(start)[-1:]:
                keep_next(last)
    elif isinstance(block, Table):
        write_table(story, block, lambda p, inlines, **fmt: write_inlines(p, inlines, footnotes, **fmt))
    elif isinstance(block, SignatureBlock):
        write_signatures(story, block)
    elif isinstance(block, Officials):
        write_officials(story, block)
    elif isinstance(block, Quote):
        from drafter.writers.docx.quote import write_quote  # it writes through this module

        write_quote(story, block, footnotes, depth)
    elif isinstance(block, ChangeBlock):
        from drafter.writers.docx.changes import write_change  # it writes through this module

        write_change(story, block, footnotes, depth)
    else:
        raise TypeError(f"okänd blocknod: {type(block).__name__}")


def write_item(story: Story, item: list, footnotes: Footnotes, level: ListLevel) -> None:
    """The first paragraph carries the mark; later blocks of the item align with its text."""
    first, rest = (item[0], item[1:]) if item and isinstance(item[0], Paragraph) else (None, item)
    p = story.paragraph(level.style)
    indent(p, level.depth, hanging=True)
    if level.num_id is not None:
        number_paragraph(p, level.num_id, level.depth - 1)
    else:
        p.add_run(level.marker + "\t")
    if first is not None:
        write_inlines(p, first.inlines, footnotes)
    for block in rest:
        write_block(story, block, footnotes, depth=level.depth)


def keep_with_next(p, block) -> None:
    """A lead-in or sub-heading stays on the page of what follows (model/keep.py)."""
    if getattr(block, "keep_with_next", False):
        keep_next(p._p)


def indent(p, depth: int, hanging: bool) -> None:
    """Level 1 uses the style's indent; deeper levels move right by one indent each."""
    if depth <= 1:
        return
    fmt = p.paragraph_format
    fmt.left_indent = Twips(house.LIST_INDENT * depth)
    if hanging:
        fmt.first_line_indent = Twips(-house.LIST_INDENT)
        fmt.tab_stops.add_tab_stop(Twips(house.LIST_INDENT * depth))
