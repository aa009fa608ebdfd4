"""A new representative (a new ordförande) is data with the date it applies from: it signs the documents
dated from then on, and never changes the signatures of a document signed before."""

import datetime as dt

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import SignatureBlock
from drafter.pipeline import check_spec
from drafter.spec.load import load_spec
from drafter.spec.model import Party
from helpers import CLAUSES, EXAMPLE, example_data, write_spec


def signatures(doc) -> list[tuple[str, str | None]]:
    blocks = [b for s in doc.walk_sections() for b in s.blocks if isinstance(b, SignatureBlock)]
    return [(s.signs_for, s.name) for block in blocks for s in block.signatories]


def documents(path=EXAMPLE):
    return {(d.kind, d.part): d for d in assemble_documents(load_spec(path), ClauseLibrary(CLAUSES))}


def test_who_signs_on_a_day():
    party = Party.model_validate({
        "name": "Street Minds", "sector": "idéburen", "kind": "ideell förening", "organisationsnummer": "802524-2879",
        "signatory": {"name": "Anna Berg", "title": "ordförande"},
        "representatives": [  # written out of order: the dates decide
            {"since": "2028-03-01", "signatories": [{"name": "Carl Dahl", "title": "ordförande"},
                                                    {"name": "Eva Fors", "title": "kassör"}]},
            {"since": "2026-12-01", "signatory": {"name": "Sara Ahmadi", "title": "ordförande"}},
        ]})
    names = lambda day: [s.name for s in party.signatories_on(day)]  # noqa: E731
    assert names(None) == ["Anna Berg"]  # as first written: the signed agreement
    assert names(dt.date(2026, 11, 30)) == ["Anna Berg"]
    assert names(dt.date(2026, 12, 1)) == ["Sara Ahmadi"]
    assert names(dt.date(2029, 1, 1)) == ["Carl Dahl", "Eva Fors"]
    assert [s.name for s in party.every_signatory] == ["Anna Berg", "Sara Ahmadi", "Carl Dahl", "Eva Fors"]


def test_the_signed_agreement_keeps_its_signatures_and_the_tillägg_has_the_new_ordförande():
    docs = documents()
    assert ("För Street Minds", None) in signatures(docs[("agreement", "")])  # signed with an open name line
    assert ("För Street Minds", "Sara Ahmadi") in signatures(docs[("addendum", "1")])  # dated 15 december 2026
    # The addendum still has something to sign: the representative is not one of its changes.
    assert docs[("addendum", "1")].sections[2].blocks


def test_a_representative_from_after_the_tillägg_does_not_sign_it(tmp_path):
    data = example_data(amended=True)
    data["parties"][1]["representatives"][0]["since"] = dt.date(2027, 2, 1)
    docs = documents(write_spec(tmp_path, data))
    assert ("För Street Minds", None) in signatures(docs[("addendum", "1")])


def test_the_new_ordförande_is_a_signatory_of_the_spec():
    found = check_spec(load_spec(EXAMPLE), ClauseLibrary(CLAUSES))
    assert not [f for f in found if f.code == "party-mismatch"]


def test_the_old_form_a_signatory_set_by_the_amendment_still_builds(tmp_path):
    data = example_data(amended=True)
    del data["parties"][1]["representatives"]
    data["amendments"][0]["changes"][0]["set"]["parties.1.signatory"] = {"name": "Sara Ahmadi", "title": "ordförande"}
    docs = documents(write_spec(tmp_path, data))
    assert ("För Street Minds", None) in signatures(docs[("agreement", "")])
    assert ("För Street Minds", "Sara Ahmadi") in signatures(docs[("addendum", "1")])
