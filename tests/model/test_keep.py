"""Keep-together marks, set once in the model and honoured by both writers."""

from drafter.model.keep import is_sub_heading, mark_keep_together
from drafter.model.nodes import (
    BulletList, Document, Emph, Metadata, Paragraph, Section, Signatory, SignatureBlock, Table, Text,
)


def para(text: str) -> Paragraph:
    return Paragraph([Text(text)])


def doc_with(*sections: Section) -> Document:
    doc = Document("agreement", Metadata("Titel"), list(sections))
    mark_keep_together(doc)
    return doc


def test_a_lead_in_keeps_with_its_list_or_table_but_not_with_text():
    lead_list, lead_table, plain = para("Målen med partnerskapet är:"), para("Ersättning under 12 månader:"), \
        para("Ett vanligt stycke.")
    table = Table([[Text("A")]], [[[Text("1")]]])
    doc_with(Section("Mål", [lead_list, BulletList([[para("ett")]]), lead_table, table, plain, para("Slut.")]))
    assert lead_list.keep_with_next and lead_table.keep_with_next
    assert not plain.keep_with_next


def test_a_colon_before_more_text_is_no_lead_in():
    first = para("Parterna är överens om följande:")
    doc_with(Section("A", [first, para("Mer text.")]))
    assert not first.keep_with_next


def test_an_italic_sub_heading_keeps_with_what_follows():
    sub = Paragraph([Emph([Text("Föreningen Street Minds")])])
    long = Paragraph([Emph([Text("Ett långt kursivt stycke som är en hel mening.")])])
    doc_with(Section("Åtaganden", [sub, para("Ska göra saker."), long, para("x")]))
    assert sub.keep_with_next and is_sub_heading(sub)
    assert not long.keep_with_next


def test_the_last_paragraph_before_the_signatures_keeps_with_them():
    last = para("Regleras av respektive part.")
    earlier = para("Tidigare.")
    signatures = SignatureBlock([Signatory("För A", None, "ordförande", "Stockholm den")])
    doc_with(Section("Villkor", [earlier, last]), Section("Signering", [para("Upprättad i två exemplar."),
                                                                      signatures]))
    assert last.keep_with_next and not earlier.keep_with_next
