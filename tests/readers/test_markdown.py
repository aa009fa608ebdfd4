import pytest

from drafter.model.nodes import (BulletList, CrossRef, Emph, FootnoteRef, OrderedList, Paragraph, Strong, Table,
                                 Text)
from drafter.readers.markdown import ClauseReader, UnsupportedMarkup


def read(markdown, blocks=None):
    return ClauseReader(blocks or {}).read(markdown)


def test_paragraph_with_emphasis_and_footnote():
    (para,), _ = read("Stöd *kursivt* och **fett**.[^1]\n\n[^1]: Enligt socialnämndens budget.\n")
    assert isinstance(para, Paragraph)
    assert para.inlines[1] == Emph([Text("kursivt")])
    assert para.inlines[3] == Strong([Text("fett")])
    note = para.inlines[-1]
    assert isinstance(note, FootnoteRef)
    assert note.blocks == [Paragraph([Text("Enligt socialnämndens budget.")])]


def test_lists_keep_their_kind_and_start():
    blocks, _ = read("- ett\n- två\n\n3. tre\n4. fyra\n")
    assert isinstance(blocks[0], BulletList) and len(blocks[0].items) == 2
    assert isinstance(blocks[1], OrderedList) and blocks[1].start == 3


def test_table_with_right_aligned_amounts():
    (table,), _ = read("| Resurs | Kronor |\n|---|--:|\n| Personal | 878 000 |\n")
    assert isinstance(table, Table)
    assert table.align == ["left", "right"]
    assert table.rows == [[[Text("Personal")], [Text("878 000")]]]


def test_headings_inside_a_clause_become_numbered_sub_clauses():
    blocks, sections = read("Inledning.\n\n# Styrgrupp\n\nStyr.\n\n## Ordförande\n\nRoterar.\n\n# Samverkan\n\nSam.\n")
    assert [b.inlines[0].text for b in blocks] == ["Inledning."]
    assert [s.heading for s in sections] == ["Styrgrupp", "Samverkan"]
    assert sections[0].sections[0].heading == "Ordförande"
    assert sections[1].blocks == [Paragraph([Text("Sam.")])]


def test_markers_become_cross_references_and_data_blocks():
    table = Table([], [])
    blocks, _ = read("Se \ue000ref:villkor/aterkrav\ue001.\n\n\ue000block:budget\ue001\n", {"budget": lambda: table})
    assert blocks[0].inlines[1] == CrossRef("villkor/aterkrav")
    assert blocks[1] is table


def test_unknown_data_block_and_unsupported_markup_are_errors():
    with pytest.raises(UnsupportedMarkup, match="budget"):
        read("\ue000block:okand\ue001\n", {"budget": lambda: None})
    with pytest.raises(UnsupportedMarkup):
        read("```\nkod\n```\n")


def test_a_data_block_inside_a_sentence_is_an_error_not_a_stray_node():
    table = Table([], [])
    for markdown in ("Se \ue000block:budget\ue001 nedan.\n", "**\ue000block:budget\ue001**\n"):
        with pytest.raises(UnsupportedMarkup, match="ensamt i ett eget stycke"):
            read(markdown, {"budget": lambda: table})
