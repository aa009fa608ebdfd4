"""Accept or reject every tracked change of a DOCX, as Word's "Accept All" / "Reject All" would,
then read the text back with readback.py.

- accept: drop w:del (and rows whose w:trPr holds w:del), unwrap w:ins;
- reject: drop w:ins (and rows whose w:trPr holds w:ins), unwrap w:del and turn w:delText into w:t;
- a paragraph whose mark is removed (w:pPr/w:rPr/w:del on accept, w:ins on reject) joins the next
  paragraph;
- footnotes: the footnote references left are numbered 1, 2, … in reading order, as Word and
  LibreOffice number them on the page (the w:id of a footnote is only a link), and the footnotes no
  reference is left to are dropped. So the marks read like the model's FootnoteRef.number.
"""

from __future__ import annotations

import io
import zipfile

from docx.oxml.ns import qn
from lxml import etree

from docx import Document as open_docx

from readback import ListLabels, _paragraph_text, after_letterhead, docx_body_text, docx_footnotes_text


def accept_all(data: bytes) -> bytes:
    return _resolve(data, keep="w:ins", drop="w:del")


def reject_all(data: bytes) -> bytes:
    return _resolve(data, keep="w:del", drop="w:ins")


def accepted_text(data: bytes) -> str:
    return docx_body_text(accept_all(data))


def rejected_text(data: bytes) -> str:
    return docx_body_text(reject_all(data))


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph of the body in order, table cells included, as typed: list markers ("–",
    "3.") and tabs kept, footnote marks as their number; empty paragraphs left out."""
    document = open_docx(io.BytesIO(data))
    # The letterhead (date, status) is the house style's page furniture, not tracked: it is the newer
    # document's in a redline, and is compared separately.
    labels = ListLabels(document)  # a real Word list's marker, as Word prints it
    texts = [labels.label(p, bullets=True) + _paragraph_text(p)
             for el in after_letterhead(document.element.body) for p in el.iter(qn("w:p"))]
    return [t for t in texts if t.strip()]


def assert_resolves(redline: bytes, old: bytes, new: bytes) -> None:
    """Accept all gives exactly the paragraphs of the DOCX `new`, reject all those of `old`,
    markers and footnotes included (Word's "Accept All" / "Reject All" on the redline)."""
    assert paragraphs(accept_all(redline)) == paragraphs(new)
    assert paragraphs(reject_all(redline)) == paragraphs(old)
    assert docx_footnotes_text(accept_all(redline)) == docx_footnotes_text(new)
    assert docx_footnotes_text(reject_all(redline)) == docx_footnotes_text(old)


def revisions(data: bytes) -> dict[str, int]:
    """How many w:ins and w:del elements the document and its footnotes hold."""
    counts = {"ins": 0, "del": 0}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in ("word/document.xml", "word/footnotes.xml"):
            if name in z.namelist():
                root = etree.fromstring(z.read(name))
                counts["ins"] += len(root.findall(".//" + qn("w:ins")))
                counts["del"] += len(root.findall(".//" + qn("w:del")))
    return counts


def _resolve(data: bytes, keep: str, drop: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    notes = etree.fromstring(parts["word/footnotes.xml"]) if "word/footnotes.xml" in parts else None
    for root in filter(lambda r: r is not None, (body, notes)):
        _resolve_tree(root, keep, drop)
    if notes is not None:
        _renumber_footnotes(body, notes)
        parts["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return out.getvalue()


def _resolve_tree(root, keep: str, drop: str) -> None:
    # Rows and paragraph marks first: they are found by the w:ins/w:del inside their properties.
    for tr in list(root.iter(qn("w:tr"))):
        trpr = tr.find(qn("w:trPr"))
        if trpr is not None and trpr.find(qn(drop)) is not None:
            tr.getparent().remove(tr)
    for tbl in list(root.iter(qn("w:tbl"))):
        if tbl.find(qn("w:tr")) is None:
            tbl.getparent().remove(tbl)
    for p in list(root.iter(qn("w:p"))):
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        if mark is not None and mark.find(qn(drop)) is not None:
            _join_with_next(p, drop)
    for element in list(root.iter(qn(drop))):
        element.getparent().remove(element)
    for element in list(root.iter(qn(keep))):
        parent = element.getparent()
        if parent.tag in (qn("w:rPr"), qn("w:trPr")):  # a mark that stays: just the flag goes
            parent.remove(element)
            continue
        index = parent.index(element)
        for child in list(element):
            parent.insert(index, child)
            index += 1
        parent.remove(element)
    for tag, new in (("w:delText", "w:t"), ("w:delInstrText", "w:instrText")):
        for element in root.iter(qn(tag)):
            element.tag = qn(new)


def _join_with_next(p, drop: str) -> None:
    """The paragraph mark goes: what remains of the paragraph joins the next one."""
    content = [c for c in p if c.tag != qn("w:pPr") and c.tag != qn(drop)]
    following = p.getnext()
    if content:
        assert following is not None and following.tag == qn("w:p"), "a paragraph joins a following paragraph"
        ppr = following.find(qn("w:pPr"))
        index = 0 if ppr is None else following.index(ppr) + 1
        for child in content:
            following.insert(index, child)
            index += 1
    p.getparent().remove(p)


def _renumber_footnotes(body, notes) -> None:
    refs = list(body.iter(qn("w:footnoteReference")))
    numbers = {}
    for ref in refs:
        numbers.setdefault(ref.get(qn("w:id")), str(len(numbers) + 1))
        ref.set(qn("w:id"), numbers[ref.get(qn("w:id"))])
    for note in list(notes.findall(qn("w:footnote"))):
        note_id = note.get(qn("w:id"))
        if int(note_id) <= 0:
            continue
        if note_id in numbers:
            note.set(qn("w:id"), numbers[note_id])
        else:
            notes.remove(note)


__all__ = ["accept_all", "reject_all", "accepted_text", "rejected_text", "revisions", "docx_footnotes_text",
           "paragraphs", "assert_resolves"]
