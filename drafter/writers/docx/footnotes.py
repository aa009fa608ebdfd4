"""Real Word footnotes: python-docx has no API for them, so we add the part ourselves.

The part /word/footnotes.xml holds the separator (-1) and continuation
separator (0) every Word document has, then one w:footnote per model footnote
with the model's number as its id. The body refers to it with a
w:footnoteReference run in the Footnote Reference style.
"""

from __future__ import annotations

from typing import Callable

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter.model.nodes import FootnoteRef
from drafter.writers.docx import house
from drafter.writers.docx.oxml import el
from drafter.writers.docx.story import Story

_SEPARATORS = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)

# Settings name the separators; Word writes this for every document with footnotes.
_SETTINGS_ORDER_AFTER = ("w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids")


class Footnotes:
    """Collects footnotes while the body is written; `attach` adds the part at the end.

    `write_blocks(story, blocks)` renders a footnote's text; it is the block writer,
    passed in so footnotes, inlines and blocks need not import each other.
    """

    def __init__(self, write_blocks: Callable[[Story, list], None]):
        self._write_blocks = write_blocks
        self._root = parse_xml(_SEPARATORS)
        self._count = 0
        self._writing = False

    def reference(self, run, note: FootnoteRef) -> None:
        """Turn `run` into the mark for `note` and write the note's text."""
        run._r.style = house.FOOTNOTE_REFERENCE
        if self._writing:
            # Word has no footnotes inside footnotes: keep the number as a plain superscript.
            run.text = str(note.number)
            return
        run._r.append(el("w:footnoteReference", id=note.number))
        footnote = el("w:footnote", id=note.number)
        self._root.append(footnote)
        self._count += 1
        story = _FootnoteStory(footnote, run._parent, house.TEXT_WIDTH)
        self._writing = True
        try:
            self._write_blocks(story, note.blocks)
        finally:
            self._writing = False
        if not footnote.findall(qn("w:p")):
            story.paragraph(house.FOOTNOTE_TEXT)
        _add_mark(footnote.find(qn("w:p")))

    def note(self, note_id: str):
        """The w:footnote written for the mark with w:id `note_id` (a redline marks its text)."""
        return next(n for n in self._root.findall(qn("w:footnote")) if n.get(qn("w:id")) == note_id)

    @property
    def root(self):
        """The w:footnotes element (to number the revisions in it)."""
        return self._root

    def attach(self, document) -> None:
        """Add /word/footnotes.xml to `document` (only if a footnote was written)."""
        if not self._count:
            return
        package = document.part.package
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self._root, package)
        document.part.relate_to(part, RT.FOOTNOTES)
        settings = document.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            pr = el("w:footnotePr", [el("w:footnote", id=-1), el("w:footnote", id=0)])
            anchor = next((settings.find(qn(tag)) for tag in _SETTINGS_ORDER_AFTER
                           if settings.find(qn(tag)) is not None), None)
            if anchor is not None:
                anchor.addprevious(pr)
            else:
                settings.append(pr)


class _FootnoteStory(Story):
    """Paragraphs in a footnote default to the Footnote Text style."""

    def paragraph(self, style: str | None = None):
        return super().paragraph(style or house.FOOTNOTE_TEXT)


def _add_mark(p) -> None:
    """Footnote text starts with its own number (w:footnoteRef) and a space."""
    mark = el("w:r", [el("w:rPr", [el("w:rStyle", val=house.FOOTNOTE_REFERENCE)]), el("w:footnoteRef")])
    space = _text(" ")
    ppr = p.find(qn("w:pPr"))
    index = 0 if ppr is None else list(p).index(ppr) + 1
    p.insert(index, mark)
    p.insert(index + 1, space)


def _text(text: str):
    t = el("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    return el("w:r", [t])
