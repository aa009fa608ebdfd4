import pytest

from drafter.model.nodes import ClauseUse, CrossRef, Document, FootnoteRef, Metadata, Paragraph, Section, Text
from drafter.model.numbering import UnknownReference, number_document


def _clause(cid):
    return ClauseUse(cid, 1, "0" * 64, f"{cid}/v1.md")


def _doc(*sections):
    return Document("agreement", Metadata("T"), list(sections))


def test_sections_are_numbered_in_order_at_every_level():
    doc = _doc(
        Section("Bakgrund", sections=[Section("Förnyad")]),
        Section("Parter", sections=[Section("A"), Section("B", sections=[Section("B1")])]),
    )
    number_document(doc)
    assert [(s.label, s.level) for s in doc.walk_sections()] == [
        ("1.", 1), ("1.1", 2), ("2.", 1), ("2.1", 2), ("2.2", 2), ("2.2.1", 3)]


def test_unnumbered_section_and_its_parts_take_no_number():
    doc = _doc(Section("Bakgrund"), Section("Bilagor", numbered=False, sections=[Section("Bilaga A")]),
               Section("Villkor"))
    number_document(doc)
    assert [s.label for s in doc.walk_sections()] == ["1.", "", "", "2."]


def test_cross_reference_gets_the_target_number_wherever_it_lands():
    ref = CrossRef("villkor/aterkrav")
    doc = _doc(Section("Intro", blocks=[Paragraph([Text("se "), ref])]),
               Section("Villkor", sections=[Section("X"), Section("Återkrav", clause=_clause("villkor/aterkrav"))]))
    number_document(doc)
    assert ref.text == "punkt 2.2"


def test_unknown_reference_is_reported():
    doc = _doc(Section("Intro", blocks=[Paragraph([CrossRef("villkor/finns-inte")])]))
    with pytest.raises(UnknownReference) as caught:
        number_document(doc)
    assert caught.value.target == "villkor/finns-inte"


def test_footnotes_are_numbered_in_reading_order():
    first, second = FootnoteRef([Paragraph([Text("a")])]), FootnoteRef([])
    doc = _doc(Section("A", blocks=[Paragraph([first])], sections=[Section("B", blocks=[Paragraph([second])])]))
    number_document(doc)
    assert (first.number, second.number) == (1, 2)
