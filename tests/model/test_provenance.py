"""Provenance: every section and every value from the spec knows where it came from."""

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.model.data import to_data
from drafter.model.nodes import SignatureBlock, Table, Text
from drafter.model.provenance import locate_text, origin_of
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE


def line_of(text: str) -> int:
    return next(i for i, row in enumerate(EXAMPLE.read_text(encoding="utf-8").splitlines(), 1) if text in row)


def agreement():
    return assemble_documents(load_spec(EXAMPLE), ClauseLibrary(CLAUSES))[0]


def test_a_clause_section_knows_its_version_and_the_spec_fields_its_text_used():
    doc = agreement()
    parter = next(s for s in doc.walk_sections() if s.clause and s.clause.id == "parter/parter")
    assert parter.origin.kind == "clause" and parter.origin.ref == f"parter/parter@{parter.clause.version}"
    assert parter.origin.file == parter.clause.path and parter.origin.line > 1
    used = {f.ref: f for f in parter.origin.data}
    assert used["parties.1.name"].value == "Street Minds"
    assert used["parties.1.name"].line == line_of("- name: Street Minds")
    found = origin_of("Street Minds", parter.blocks, parter)
    assert found.ref == "parties.1.name" and found.where() == f"{EXAMPLE}:{line_of('- name: Street Minds')}"


def test_budget_figures_point_at_their_rows_and_the_sum_at_what_it_was_computed_from():
    doc = agreement()
    table = next(b for s in doc.walk_sections() for b in s.blocks if isinstance(b, Table))
    (item,), (amount,) = table.rows[0]
    assert item.origin.ref == "budget.rows.0.item" and amount.origin.ref == "budget.rows.0.amount"
    assert amount.origin.line == line_of("{item: Personal, amount: 878000}")
    total = table.total[1][0]
    assert total.origin.kind == "computed"
    assert [f.ref for f in total.origin.data][:2] == ["budget.rows.0.amount", "budget.rows.1.amount"]


def test_signatories_and_the_title_know_their_spec_fields():
    doc = agreement()
    block = next(b for s in doc.walk_sections() for b in s.blocks if isinstance(b, SignatureBlock))
    fields = {f.ref for f in block.signatories[1].origin.data}
    assert {"parties.1.name", "parties.1.signatory.name", "document.place"} <= fields
    assert {f.ref for f in doc.meta.title_origin.data} == {"parties.0.name", "parties.1.name"}


def test_a_glyph_is_traced_to_the_value_that_holds_it():
    doc = agreement()
    origin = locate_text([doc], "Personal")
    assert origin.ref == "budget.rows.0.item"
    assert locate_text([doc], "¤ ingen sådan text") is None


def test_provenance_is_not_content():
    assert Text("x") == Text("x", origin=agreement().sections[0].origin)
    data = to_data(agreement())
    assert "origin" not in str(data.keys()) and "'origin'" not in repr(data)
