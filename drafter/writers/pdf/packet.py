"""The nämnd packet: the proposal, then each bilaga, as ONE tagged PDF for the agenda.

Composed from the models in one Typst document (typst/packet.typ), so it is
PDF/A-2b and PDF/UA-1 like every other PDF drafter writes: a structure tree,
/Lang, the title shown by the viewer, embedded fonts. Each part keeps its own
header and "Sida 2 av 6" (an attachment's pages say "Bilaga 1" at the top and
in the footer), the footer adds where the page lies in the whole packet, and
the page labels run through the packet to match. Bookmarks: each document's
title ("Bilaga 1: …") with its sections under it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from drafter.model.data import to_data
from drafter.model.nodes import Document
from drafter.writers.pdf.typst_writer import PACKET_TEMPLATE, compile_job, house_json, template_files


def packet_title(proposal: Document) -> str:
    return f"Handlingar: {proposal.meta.title}"


def attachment_label(number: int) -> str:
    return f"Bilaga {number}"


def _part_model(doc: Document) -> dict:
    """The document's model with every section one level down (`offset`): in the packet the
    document's title is the level-1 heading. Only the sections change, so Typst reuses what it
    evaluated and laid out for the document alone (same closures, same styles around the body)."""
    data = to_data(doc)
    _offset_sections(data["sections"])
    return data


def _own_address(doc: Document, proposal: Document) -> dict[str, object]:
    """A bilaga whose letterhead address is not the proposal's (a locked agreement keeps the one it was
    signed with, drafter/lockdetail.py) carries its own; otherwise nothing, and the packet reads as before."""
    own = doc.meta.house.address if doc.meta.house else []
    shared = proposal.meta.house.address if proposal.meta.house else []
    return {} if own == shared else {"address": own}


def _offset_sections(sections: list[dict]) -> None:
    for section in sections:
        section["offset"] = 1
        _offset_sections(section["sections"])


def packet_pdf(proposal: Document, attachments: list[Document]) -> bytes:
    """The proposal, then `attachments` as Bilaga 1, 2, … in that order."""
    return packet_job(proposal, attachments)()


def packet_job(proposal: Document, attachments: list[Document]) -> Callable[[], bytes]:
    """`packet_pdf` as a call to make later (drafter/writers/pdf/lane.py), its input read now."""
    parts: list[dict[str, object]] = [{"label": None, "model": _part_model(proposal)}]
    parts += [{"label": attachment_label(i), "model": _part_model(doc), **_own_address(doc, proposal)}
              for i, doc in enumerate(attachments, 1)]
    packet = json.dumps({"title": packet_title(proposal), "parts": parts}, ensure_ascii=False,
                        separators=(",", ":"))
    return compile_job(template_files(PACKET_TEMPLATE, {"packet.json": packet, "house.json": house_json(proposal)}),
                       proposal)
