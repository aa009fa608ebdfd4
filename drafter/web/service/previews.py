"""The editor's preview: a document's pages drawn as the PDF writer lays them out (Typst → SVG, in
memory, the last 30 kept), and its plain text."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from drafter.errors import DrafterError
from drafter.web.service.project import NotFound
from drafter.web.service.specs import Inspection

_previews: OrderedDict[str, list[bytes]] = OrderedDict()
_previews_lock = threading.Lock()


def preview_documents(result: Inspection) -> list[tuple[str, str]]:
    """(key, label) of every document the spec gives, for the preview's chooser."""
    labels = {"agreement": "Överenskommelsen", "proposal": "Tjänsteutlåtandet", "addendum": "Tillägg",
              "consolidated": "Överenskommelsen efter tilläggen", "addendum-proposal": "Tjänsteutlåtandet om tillägg"}
    out = []
    for doc in result.documents:
        key = doc.kind + (f"-{doc.part}" if doc.part else "")
        out.append((key, labels.get(doc.kind, doc.kind) + (f" nr {doc.part}" if doc.part else "")))
    return out


def preview(result: Inspection, key: str) -> tuple[str, int, list[dict]] | None:
    """Render one document's pages (Typst → SVG, as the PDF writer lays them out, in memory only).
    Returns the pages' cache key, their count and the document's sections (number, heading, clause)."""
    doc = next((d for d in result.documents if d.kind + (f"-{d.part}" if d.part else "") == key), None)
    if doc is None:
        doc = result.documents[0] if result.documents else None
    if doc is None:
        return None
    from drafter.writers.pdf.typst_writer import _get_compiler, _lock, document_files, model_json, timestamp_for

    data = model_json(doc)
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
    with _previews_lock:
        cached = _previews.get(digest)
    if cached is None:
        try:
            with _lock:
                pages = _get_compiler().compile(input=document_files(doc, house=False), format="svg",
                                                timestamp=timestamp_for(doc))
                from drafter.worker_memory import release

                release()  # a server lives long: Typst's memo aged out every tenth preview, freed heap returned
        except Exception as exc:  # the PDF writer's own message for text the fonts lack
            raise DrafterError(f"Förhandsvisningen kunde inte skapas: {str(exc)[:200]}") from None
        cached = pages if isinstance(pages, list) else [pages]
        with _previews_lock:
            _previews[digest] = cached
            while len(_previews) > 30:
                _previews.popitem(last=False)
    sections = [{"label": s.label or s.number, "heading": s.heading, "level": s.level,
                 "clause": f"{s.clause.id}@{s.clause.version}" if s.clause else None,
                 "clause_id": s.clause.id if s.clause else None}
                for s in doc.walk_sections() if s.heading]
    return digest, len(cached), sections


def preview_page(digest: str, page: int) -> bytes:
    with _previews_lock:
        pages = _previews.get(digest)
    if pages is None or not 0 <= page < len(pages):
        raise NotFound("Förhandsvisningen finns inte längre; ändra något i formuläret för att rita den på nytt.")
    return pages[page]


def document_text(result: Inspection, key: str) -> str:
    """The previewed document as plain text (for screen readers and for finding a value in it)."""
    from drafter.model.text import block_lines

    doc = next((d for d in result.documents if d.kind + (f"-{d.part}" if d.part else "") == key), None)
    doc = doc or (result.documents[0] if result.documents else None)
    if doc is None:
        return ""
    lines = [doc.meta.title]
    for block in doc.preamble:
        lines += block_lines(block)
    for s in doc.walk_sections():
        lines.append(f"{s.label} {s.heading}".strip())
        for block in s.blocks:
            lines += block_lines(block)
    return "\n".join(lines)
