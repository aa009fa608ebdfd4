"""A document's mark ("Konsoliderad version – ej undertecknad") in the running header of every page,
in the right-hand cell, below "UTKAST" on a draft, in the same bold red."""

from __future__ import annotations

from html import escape  # not xml.sax.saxutils: it imports urllib.request, http.client and email (~5 ms of a build)

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter.model.nodes import Metadata
from drafter.writers.docx import house


def write_mark(document, meta: Metadata) -> None:
    if not meta.mark:
        return
    for part in document.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is None or root.tag != qn("w:hdr"):
            continue
        for table in root.findall(qn("w:tbl")):
            paragraph = table.findall(f".//{qn('w:tc')}")[-1].find(qn("w:p"))
            mark = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b/><w:color w:val="{house.DRAFT_COLOR}"/></w:rPr>'
                             f'<w:t xml:space="preserve">{escape(meta.mark, quote=False)}</w:t></w:r>')
            runs = paragraph.findall(qn("w:r"))
            draft = next((r for r in runs if "".join(t.text or "" for t in r.iter(qn("w:t"))) == "UTKAST"), None)
            if draft is not None:  # below "UTKAST", as in the PDF
                draft.addnext(mark)
                draft.addnext(parse_xml(f'<w:r {nsdecls("w")}><w:br/></w:r>'))
            else:
                at = 1 if paragraph.find(qn("w:pPr")) is not None else 0
                if any(t.text for t in paragraph.iter(qn("w:t"))):
                    paragraph.insert(at, parse_xml(f'<w:r {nsdecls("w")}><w:br/></w:r>'))
                paragraph.insert(at, mark)
