"""Inline nodes onto a python-docx paragraph: runs, bold and italic, breaks, footnote marks."""

from __future__ import annotations

from docx.text.paragraph import Paragraph

from drafter.model.changes import Deleted, Inserted
from drafter.model.nodes import CrossRef, Emph, FootnoteRef, LineBreak, Strong, Text
from drafter.writers.docx.footnotes import Footnotes
from drafter.writers.docx.oxml import element


def write_inlines(paragraph: Paragraph, inlines: list, footnotes: Footnotes,
                  bold: bool = False, italic: bool = False) -> None:
    """Append `inlines` to `paragraph`; formatting nests (Strong inside Emph is both)."""
    for node in inlines:
        if isinstance(node, Text):
            _run(paragraph, node.text, bold, italic)
        elif isinstance(node, Strong):
            write_inlines(paragraph, node.children, footnotes, True, italic)
        elif isinstance(node, Emph):
            write_inlines(paragraph, node.children, footnotes, bold, True)
        elif isinstance(node, CrossRef):
            _run(paragraph, node.text, bold, italic)
        elif isinstance(node, LineBreak):
            paragraph.add_run().add_break()
        elif isinstance(node, FootnoteRef):
            footnotes.reference(paragraph.add_run(), node)
        elif isinstance(node, (Inserted, Deleted)):
            from drafter.writers.docx.changes import write_tracked_inline  # it writes through this module

            write_tracked_inline(paragraph, node, footnotes, bold, italic)
        else:
            raise TypeError(f"okänd inline-nod: {type(node).__name__}")


def _run(paragraph: Paragraph, text: str, bold: bool, italic: bool) -> None:
    if not text:
        return
    run = paragraph.add_run(text)  # python-docx turns \t and \n into w:tab and w:br
    if bold or italic:  # what run.bold = True and run.italic = True make of a new run, without the schema search
        rpr = element("w:rPr")
        if bold:
            rpr.append(element("w:b"))
        if italic:
            rpr.append(element("w:i"))
        run._r.insert(0, rpr)
