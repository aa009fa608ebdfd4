"""docx_bytes: the house template, its header filled by docxtpl, the body appended with python-docx.

A letterhead (tjänsteutlåtande) goes at the top of the body, see letterhead.py."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path
from typing import cast

from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Twips
from docxtpl import DocxTemplate
from jinja2 import Environment
from lxml import etree

from drafter.house_style import draft_mark, running_title
from drafter.model.changes import plain_blocks
from drafter.model.nodes import Document, Section, SignatureBlock
from drafter.writers.docx import house
from drafter.writers.docx.blocks import write_blocks
from drafter.writers.docx.changes import number_revisions, write_title
from drafter.writers.docx.footnotes import Footnotes
from drafter.writers.docx.letterhead import write_letterhead
from drafter.writers.docx.oxml import keep_next
from drafter.writers.docx.properties import set_core_properties
from drafter.writers.docx.reproducible import ZipTime, build_time, zip_time
from drafter.writers.docx.story import Story

TEMPLATE = Path(__file__).with_name("template.docx")
SUBTITLE_GAP = 80  # twips between title and subtitle (the subtitle keeps the air below)
_W_T = qn("w:t")


class _CompiledOnce(Environment):
    """A Jinja environment that compiles each distinct source once per process.

    docxtpl compiles every part of the template (body, headers, footers, properties) again for
    each document; the parts are the same every time, only the values differ."""

    def __init__(self, **options):
        super().__init__(**options)
        self._compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = self._compiled[source] = super().from_string(source)
        return template


# autoescape: "&", "<", ">" and quotes in the data must reach the XML escaped, and so
# appear literally in Word, instead of breaking the header part.
_JINJA = _CompiledOnce(autoescape=True)
_TEMPLATE_BYTES: dict[Path, bytes] = {}
# The template rendered once per process with stand-ins for its values, copied per document.
_PRISTINE: dict[tuple[Path, bool, bool, bool], object | None] = {}
_STAND_IN = {"title": "\ue000title\ue000", "diarienummer": "\ue000diarienummer\ue000"}
_PRIVATE_USE = "\ue000"
# What docxtpl turns into other XML or characters when it is in a value (tabs and breaks become
# w:tab and w:br, "{_{" becomes "{{"): values with these go through docxtpl itself.
_LISTING = ("\t", "\n", "\r", "\a", "\f", "{_", "_}", "%_", "_%", _PRIVATE_USE)


def open_template(meta, template: Path = TEMPLATE):
    """The house template as a python-docx document, its header filled in by docxtpl.

    The template is read, parsed and rendered once per process (per template, and per combination of
    the flags its `{% if %}`s decide: a diarienummer, the draft mark, a letterhead): each document gets a
    deep copy, the values put into the w:t elements that hold their stand-ins. The XML is what docxtpl
    renders for the values."""
    values = {"title": running_title(meta.title), "diarienummer": meta.diarienummer or ""}
    flags = {"draft": draft_mark(meta), "letterhead": meta.letterhead is not None}
    if any(mark in value for value in values.values() for mark in _LISTING):
        return _render(template, {**values, **flags})
    key = (template, bool(values["diarienummer"]), flags["draft"], flags["letterhead"])
    if key not in _PRISTINE:
        _PRISTINE[key] = _pristine(template, key[1], flags)
    pristine = _PRISTINE[key]
    if pristine is None:
        return _render(template, {**values, **flags})
    document = copy.deepcopy(pristine)
    for t in _stand_ins(document):
        for name, stand_in in _STAND_IN.items():
            t.text = t.text.replace(stand_in, values[name])
    return document


def _render(template: Path, values: dict):
    """docxtpl's rendering of the template; its file read once per process, its parts compiled once."""
    data = _TEMPLATE_BYTES.get(template)
    if data is None:
        data = _TEMPLATE_BYTES[template] = Path(template).read_bytes()
    tpl = DocxTemplate(io.BytesIO(data))
    tpl.render(values, _JINJA, autoescape=True)
    return tpl.docx


def _pristine(template: Path, with_number: bool, flags: dict):
    """The template rendered with stand-ins, or None when a stand-in lands anywhere but in the text
    of a w:t (an attribute, a property): then every document is rendered by docxtpl."""
    document = _render(template, {"title": _STAND_IN["title"],
                                  "diarienummer": _STAND_IN["diarienummer"] if with_number else "", **flags})
    in_text = sum(t.text.count(_PRIVATE_USE) for t in _stand_ins(document))
    everywhere = 0
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            everywhere += (part.blob or b"").count(_PRIVATE_USE.encode("utf-8"))
        else:
            everywhere += etree.tostring(element, encoding="unicode").count(_PRIVATE_USE)
    return document if everywhere == in_text else None


def _stand_ins(document) -> list:
    """The w:t elements whose text holds a stand-in, in every XML part."""
    return [t for part in document.part.package.iter_parts() if getattr(part, "_element", None) is not None
            for t in part._element.iter(_W_T) if t.text and _PRIVATE_USE in t.text]


def finish(document, meta, footnotes: Footnotes) -> bytes:
    """Footnotes and core properties in place, saved with fixed zip times: reproducible bytes."""
    number_revisions([document.element.body, footnotes.root])  # tracked changes, if any
    footnotes.attach(document)
    when = build_time(meta.date, meta.date_stands_in)
    set_core_properties(document, meta, when)
    return save(document, zip_time(when))


class _FixedZip:
    """python-docx's physical package writer, with every entry's header fixed: time, system,
    permissions, deflate level. The zip is written once, never rewritten afterwards."""

    def __init__(self, file, date_time: ZipTime):
        self._zip = zipfile.ZipFile(file, "w")
        self._date_time = date_time

    def write(self, pack_uri, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3  # fixed, not taken from the machine that builds
        info.external_attr = 0o644 << 16  # rw-r--r--
        self._zip.writestr(info, blob, compresslevel=6)

    def close(self) -> None:
        self._zip.close()


def save(document, date_time: ZipTime) -> bytes:
    """The package as python-docx's `Document.save` writes it (same parts, same order), with the
    entry headers reproducible.normalise_zip would give it."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    parts = list(package.parts)
    buffer = io.BytesIO()
    # _FixedZip has the write/close PackageWriter calls; PhysPkgWriter cannot be subclassed (its
    # __new__ always makes its own zip writer), so the cast names the interface it stands in for.
    fixed = _FixedZip(buffer, date_time)
    phys = cast(PhysPkgWriter, fixed)
    PackageWriter._write_content_types_stream(phys, parts)
    PackageWriter._write_pkg_rels(phys, package.rels)
    PackageWriter._write_parts(phys, parts)
    fixed.close()
    return buffer.getvalue()


def docx_bytes(doc: Document, template: Path = TEMPLATE) -> bytes:
    """The finished DOCX for `doc`; the same model always gives the same bytes."""
    document = open_template(doc.meta, template)
    if doc.meta.mark:
        from drafter.writers.docx.mark import write_mark

        write_mark(document, doc.meta)

    body = Story(document.element.body, document._body, house.TEXT_WIDTH)
    footnotes = Footnotes(lambda story, blocks: write_blocks(story, blocks, footnotes))
    title = write_title(body, doc, footnotes, house.TITLE)
    if write_title(body, doc, footnotes, house.SUBTITLE, subtitle=True) is not None:
        title.paragraph_format.space_after = Twips(SUBTITLE_GAP)
    if doc.meta.letterhead is not None:
        write_letterhead(document, doc.meta.letterhead, doc.meta.house)
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
            keep_next(element)
