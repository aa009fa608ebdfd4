"""PDF through Typst: the model as JSON data, rendered by typst/document.typ.

No Typst source is generated from user text: the model travels as a JSON file
held in memory (model.json beside the template, never written to disk), and the
template turns strings into content, so markup characters in the data print
literally.

One Typst compiler per process for every document and the nämnd packet, with
`sys.inputs` never changing: Typst keys what it memoises by everything the
compile reads, and `sys.inputs` is part of its standard library, so data
passed there would make each compile start from nothing. As files, a change in
one model only redoes what reads that model, and the packet (typst/packet.typ)
reuses the layout of the documents compiled just before it.

Output is PDF/A-2b and PDF/UA-1 (tagged, /Lang from the text language, the
viewer shows the document title), with only the bundled Liberation fonts, and
byte-identical for the same model: dates come from the document date, or from
SOURCE_DATE_EPOCH when the document has none.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.model.data import to_data
from drafter.model.nodes import Document

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "typst" / "document.typ"
PACKET_TEMPLATE = HERE / "typst" / "packet.typ"
FONTS = HERE / "fonts"

# PDF/UA-1 on top of PDF/A-2b: Typst then checks the tagging rules it can and
# writes /ViewerPreferences /DisplayDocTitle true (it does not for PDF/A alone).
PDF_STANDARDS = ["a-2b", "ua-1"]

_lock = threading.Lock()


@functools.cache
def _get_compiler():
    """The process's one compiler: fonts are loaded once, and Typst's caches stay warm."""
    import typst

    return typst.Compiler(  # only the bundled Liberation fonts: not the system's,
        TEMPLATE,           # nor Typst's embedded ones, so a missing glyph is reported
        root=TEMPLATE.parent,
        font_paths=typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[FONTS]),
        ignore_system_fonts=True,
    )


@functools.cache
def _source(template: Path) -> bytes:
    return template.read_bytes()


def template_files(template: Path, data: dict[str, str]) -> dict[str, bytes]:
    """What Typst compiles: `template` as main.typ, beside it the data files it reads (name: JSON text)."""
    return {"main.typ": _source(template), **{name: text.encode("utf-8") for name, text in data.items()}}


def document_files(doc: Document, house: bool = True) -> dict[str, bytes]:
    """One document: document.typ with its model and house style."""
    return template_files(TEMPLATE, {"model.json": model_json(doc), "house.json": house_json(doc) if house else "{}"})


def model_json(doc: Document) -> str:
    return json.dumps(to_data(doc), ensure_ascii=False, separators=(",", ":"))


def timestamp_for(doc: Document) -> int | None:
    """Midnight UTC of the document date, else SOURCE_DATE_EPOCH, else None (Typst takes now).

    The template also sets the document date from `meta.date`, which is what the
    PDF's creation date shows; the timestamp only decides when there is none.
    """
    from drafter.timestamps import document_time

    when = document_time(doc.meta.date, doc.meta.date_stands_in)
    return int(when.timestamp()) if when else None


class MissingGlyphs(DrafterError):
    """Text the bundled fonts cannot show: PDF/A refuses invisible text, so the user must choose."""

    def __init__(self, text: str):
        super().__init__(
            f"Texten innehåller tecken som PDF-typsnittet (Liberation) saknar: {text!r}.",
            hint="Ta bort eller byt ut tecknen, eller skapa PDF med --pdf-engine libreoffice.",
        )
        self.text = text


_GLYPH_ERROR = re.compile(r'the text `"(.*?)"` could not be displayed with font')


def house_json(doc: Document) -> str:
    """The house style the model carries (drafter/house_style.py), with the logo's bytes for Typst."""
    from drafter.house_style import typst_house

    return json.dumps(typst_house(doc.meta), ensure_ascii=False, separators=(",", ":"))


def pdf_bytes(doc: Document) -> bytes:
    return pdf_job(doc)()


def pdf_job(doc: Document) -> Callable[[], bytes]:
    """The document's compile, to run later (drafter/writers/pdf/lane.py): its input is read now."""
    return compile_job(document_files(doc), doc)


def compile_pdf(files: dict[str, bytes], dated: Document) -> bytes:
    """One Typst compile of `files` (main.typ and its data) to PDF/A-2b + PDF/UA-1; `dated` gives the
    timestamp."""
    return compile_job(files, dated)()


def compile_job(files: dict[str, bytes], dated: Document) -> Callable[[], bytes]:
    """`compile_pdf` as a call to make later, its timestamp read now."""
    return functools.partial(_compile, files, timestamp_for(dated))


def _compile(files: dict[str, bytes], timestamp: int | None) -> bytes:
    compiler = _get_compiler()
    try:
        with _lock:
            pdf = compiler.compile(
                input=files,
                format="pdf",
                pdf_standards=PDF_STANDARDS,
                timestamp=timestamp,
                pdf_tags=True,
            )
    except Exception as exc:  # typst raises its own TypstError; only the glyph case is the user's
        found = _GLYPH_ERROR.search(str(exc))
        if not found:
            raise
        raise MissingGlyphs(_typst_unescape(found.group(1))) from None
    assert isinstance(pdf, bytes)
    return pdf


def _typst_unescape(text: str) -> str:
    """Typst's debug form of a string ("\\u{80}") back into the characters."""
    return re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), text)
