"""The nämnd packet: the proposal, then its Bilaga 1 (the agreement), as one PDF for the agenda.

Made with pypdf from the PDFs already written: a bookmark for each document with
its top-level sections under it (taken from each PDF's own outline), page labels
("1, 2, …" for the proposal, "Bilaga 1: 1, 2, …" for the agreement), and metadata.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle

from drafter.model.nodes import Document


@dataclass
class PacketPart:
    label: str  # "Tjänsteutlåtande", "Bilaga 1"
    doc: Document
    pdf: bytes


def packet_title(proposal: Document) -> str:
    return f"Handlingar: {proposal.meta.title}"


def packet_bytes(parts: list[PacketPart]) -> bytes:
    writer = PdfWriter()
    first = parts[0].doc
    for part in parts:
        reader = PdfReader(io.BytesIO(part.pdf))
        start = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        end = len(writer.pages) - 1
        prefix = "" if start == 0 else f"{part.label}: "
        writer.set_page_label(start, end, style=PageLabelStyle.DECIMAL, prefix=prefix or None, start=1)
        parent = writer.add_outline_item(title=f"{part.label}: {part.doc.meta.title}", page_number=start)
        for title, page in _top_level_outline(reader):
            writer.add_outline_item(title=title, page_number=start + page, parent=parent)
    writer.add_metadata({
        "/Title": packet_title(first),
        "/Author": first.meta.author,
        "/Subject": first.meta.subject,
        "/Keywords": ", ".join(first.meta.keywords),
        "/Producer": "drafter",
        "/CreationDate": _pdf_date(first.meta.date),
        "/ModDate": _pdf_date(first.meta.date),
    })
    writer._root_object[_name("/Lang")] = _text(first.meta.language)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _top_level_outline(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page index) of each top-level bookmark the document's own PDF has."""
    return [(item.title, reader.get_destination_page_number(item))
            for item in reader.outline if not isinstance(item, list)]


def _pdf_date(date: dt.date | None) -> str:
    date = date or dt.date(1980, 1, 1)
    return f"D:{date:%Y%m%d}000000Z"


def _name(value: str):
    from pypdf.generic import NameObject

    return NameObject(value)


def _text(value: str):
    from pypdf.generic import TextStringObject

    return TextStringObject(value)
