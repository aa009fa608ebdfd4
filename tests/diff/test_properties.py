"""Property tests: for any two texts, accepting every change gives the new text and rejecting every
change the old one, in the word diff, the text and HTML formats and the tracked-changes DOCX."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings, strategies as st

from drafter.model.nodes import (
    BulletList, Document, FootnoteRef, Metadata, OrderedList, Paragraph, Section, Strong, Table, Text,
)
from drafter.model.numbering import number_document
from drafter.model.text import document_text
from drafter.diff.html_format import ops_html
from drafter.diff.text_format import mark
from drafter.diff.words import diff_text
from drafter.writers.docx.redline import redline_docx_bytes
from drafter.writers.docx.writer import docx_bytes
from readback import norm
from diff.tracked_reader import accepted_text, assert_resolves, rejected_text

WORDS = ["avtal", "år", "Ärende", "öppen", "över", "å", "&", "<", ">", '"', "'", "Ös & Co", "<b>", "a", "",
         "partnerskap", "kr", "1 000", "2026", "x"]
PUNCT = [".", ",", ";", ":", "!", "?", "–", "(", ")", "/", "&amp;", "%"]
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT),
                 st.text(alphabet="abcåäöÅÄÖ&<>\"'.,", min_size=1, max_size=6))
sentence = st.lists(word, max_size=12).map(" ".join)
text = st.lists(sentence, max_size=4).map("\n\n".join)


@given(text, text)
@settings(max_examples=300, deadline=None)
def test_word_diff_gives_both_texts(old, new):
    ops = diff_text(old, new)
    assert "".join(t for op, t in ops if op != "insert") == old
    assert "".join(t for op, t in ops if op != "delete") == new
    assert all(t for _, t in ops)


def _strip_text(marked: str, keep: str) -> str:
    """Undo the piped text markup: keep one side's changes, drop the other's."""
    deleted, inserted = re.compile(r"\[-(.*?)-\]", re.S), re.compile(r"\{\+(.*?)\+\}", re.S)
    marked = (deleted if keep == "new" else inserted).sub("", marked)
    return (inserted if keep == "new" else deleted).sub(r"\1", marked)


@given(text, text)
@settings(max_examples=200, deadline=None)
def test_text_format_strips_to_both_texts(old, new):
    marked = mark(diff_text(old, new), color=False)
    assert _strip_text(marked, "old") == old
    assert _strip_text(marked, "new") == new


class _Side(HTMLParser):
    def __init__(self, keep: str):
        super().__init__(convert_charrefs=True)
        self.skip = "ins" if keep == "old" else "del"
        self.inside = 0
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.inside += tag == self.skip

    def handle_endtag(self, tag):
        self.inside -= tag == self.skip

    def handle_data(self, data):
        if not self.inside:
            self.out.append(data)


def _strip_html(fragment: str, keep: str) -> str:
    parser = _Side(keep)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


@given(text, text)
@settings(max_examples=200, deadline=None)
def test_html_format_strips_to_both_texts(old, new):
    fragment = ops_html(diff_text(old, new))
    assert "<" not in re.sub(r"</?(del|ins)>", "", fragment)  # every other < is escaped
    assert _strip_html(fragment, "old") == old
    assert _strip_html(fragment, "new") == new


piece = st.tuples(sentence, st.booleans())
paragraphs = st.lists(st.lists(piece, min_size=1, max_size=3), max_size=4)


def _document(paras) -> Document:
    # A paragraph starting with "– " would read as a bullet item to readback.docx_body_text.
    blocks = [Paragraph([Text("§ "), *(Strong([Text(t)]) if bold else Text(t) for t, bold in p)]) for p in paras]
    doc = Document("agreement", Metadata(title="Överenskommelse"), sections=[Section("Villkor", blocks)])
    number_document(doc)
    return doc


@given(paragraphs, paragraphs)
@settings(max_examples=40, deadline=None)
def test_tracked_docx_accepts_to_new_and_rejects_to_old(old, new):
    old_doc, new_doc = _document(old), _document(new)
    data = redline_docx_bytes(old_doc, new_doc)
    assert accepted_text(data) == norm(document_text(new_doc))
    assert rejected_text(data) == norm(document_text(old_doc))


# --- documents with lists, tables and footnotes ------------------------------------------------

short = st.lists(st.sampled_from(["avtal", "år", "Ös & Co", "878\u00a0000", "1 juli 2026", "5.7", "kr", "–"]),
                 min_size=1, max_size=4).map(" ".join)


@st.composite
def block(draw):
    kind = draw(st.sampled_from(["p", "bullets", "numbers", "table", "note"]))
    if kind == "p":
        return Paragraph([Text(draw(short))])
    if kind == "note":
        return Paragraph([Text(draw(short)), FootnoteRef([Paragraph([Text(draw(short))])])])
    if kind == "table":
        row = st.lists(short.map(lambda t: [Text(t)]), min_size=2, max_size=2)
        return Table(draw(row), draw(st.lists(row, min_size=1, max_size=3)), draw(st.one_of(st.none(), row)),
                     ["left", "right"])
    item = st.lists(short.map(lambda t: Paragraph([Text(t)])), min_size=1, max_size=2)
    items = draw(st.lists(item, min_size=1, max_size=4))
    return BulletList(items) if kind == "bullets" else OrderedList(items)


sections = st.lists(st.tuples(st.sampled_from(["Syfte", "Villkor", "Period", "Budget"]),
                              st.lists(block(), max_size=4)), min_size=1, max_size=3)


def _structured(parts) -> Document:
    doc = Document("agreement", Metadata(title="Överenskommelse"),
                   sections=[Section(heading, blocks) for heading, blocks in parts])
    number_document(doc)
    return doc


@given(sections, sections)
@settings(max_examples=60, deadline=None)
def test_every_redline_resolves_to_both_documents_markers_and_footnotes_included(old, new):
    old_doc, new_doc = _structured(old), _structured(new)
    data = redline_docx_bytes(old_doc, new_doc)
    assert_resolves(data, docx_bytes(old_doc), docx_bytes(new_doc))
