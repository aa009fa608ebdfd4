"""docx_bytes: the house template, its header filled by docxtpl, the body appended with python-docx.

A letterhead (tjänsteutlåtande) goes into a first-page header, see letterhead.py."""

from __future__ import annotations

import io
from pathlib import Path

from docx.oxml.ns import qn
from docx.shared import Twips
from docxtpl import DocxTemplate

from drafter.model.changes import plain_blocks
from drafter.model.nodes import Document, Section, SignatureBlock
from drafter.writers.docx import house
from drafter.writers.docx.blocks import write_blocks
from drafter.writers.docx.changes import number_revisions, write_title
from drafter.writers.docx.footnotes import Footnotes
from drafter.writers.docx.letterhead import write_letterhead
from drafter.writers.docx.properties import set_core_properties
from drafter.writers.docx.reproducible import build_time, normalise_zip, zip_time
from drafter.writers.docx.story import Story

TEMPLATE = Path(__file__).with_name("template.docx")
SUBTITLE_GAP = 80  # twips between title and subtitle (the subtitle keeps the air below)


def open_template(meta, template: Path = TEMPLATE):
    """The house template as a python-docx document, its header filled in by docxtpl."""
    tpl = DocxTemplate(str(template))
    # autoescape: "&", "<", ">" and quotes in the data must reach the XML escaped, and so
    # appear literally in Word, instead of breaking the header part.
    tpl.render({"title": meta.title, "diarienummer": meta.diarienummer or ""}, autoescape=True)
    return tpl.docx


def finish(document, meta, footnotes: Footnotes) -> bytes:
    """Footnotes and core properties in place, saved with fixed zip times: reproducible bytes."""
    number_revisions([document.element.body, footnotes.root])  # tracked changes, if any
    footnotes.attach(document)
    when = build_time(meta.date, meta.date_stands_in)
    set_core_properties(document, meta, when)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), zip_time(when))


def docx_bytes(doc: Document, template: Path = TEMPLATE) -> bytes:
    """The finished DOCX for `doc`; the same model always gives the same bytes."""
    document = open_template(doc.meta, template)

    body = Story(document.element.body, document._body, house.TEXT_WIDTH)
    footnotes = Footnotes(lambda story, blocks: write_blocks(story, blocks, footnotes))
    title = write_title(body, doc, footnotes, house.TITLE)
    if write_title(body, doc, footnotes, house.SUBTITLE, subtitle=True) is not None:
        title.paragraph_format.space_after = Twips(SUBTITLE_GAP)
    if doc.meta.letterhead is not None:
        write_letterhead(document, doc.meta.letterhead)
    write_blocks(body, doc.preamble, footnotes)
    for section in doc.sections:
        _write_section(body, section, footnotes)
    return finish(document, doc.meta, footnotes)


def _write_section(body: Story, section: Section, footnotes: Footnotes) -> None:
    """A heading ("5.2 Återkrav", or just the text when unnumbered), then the blocks.

    A section with an empty heading only carries blocks (e.g. the officials): no heading paragraph."""
    start = body.mark()
    if section.heading:
        heading = body.paragraph(house.heading_style(section.level))
        heading.add_run(f"{section.label} {section.heading}" if section.label else section.heading)
    write_blocks(body, section.blocks, footnotes)
    if any(isinstance(block, SignatureBlock) for block in plain_blocks(section.blocks)):
        keep_with_signatures(body.since(start))
    for sub in section.sections:
        _write_section(body, sub, footnotes)


def keep_with_signatures(elements) -> None:
    """The signing section's heading and text stay on the page of the signatures,
    so the signatures never stand alone on a page that could be swapped."""
    for element in elements:
        if element.tag == qn("w:tbl"):
            break
        if element.tag == qn("w:p"):
            element.get_or_add_pPr().keepNext_val = True
