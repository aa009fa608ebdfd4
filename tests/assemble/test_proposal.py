"""The committee proposal: built from the same spec and clauses as the agreement, so it cannot disagree."""

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.formatting import datum, kronor
from drafter.model.nodes import FootnoteRef, Officials, OrderedList
from drafter.model.numbering import inlines_in
from drafter.model.text import block_lines, document_text, inline_text
from drafter.spec.load import load_spec
from helpers import CLAUSES, ROOT, example_data, write_spec
from readback import footnotes_text
from similarity import PROPOSAL_2023, seed_text, similarity

SPEC_2023 = ROOT / "agreements" / "street-minds-2023.yaml"
SPEC_2026 = ROOT / "agreements" / "street-minds-2026.yaml"


def documents(path):
    loaded = load_spec(path)
    return loaded.spec, {d.kind: d for d in assemble_documents(loaded, ClauseLibrary(CLAUSES))}


def test_decision_points_are_a_numbered_list_ending_with_justering():
    _, docs = documents(SPEC_2023)
    first = docs["proposal"].sections[0]
    assert first.heading == "Förvaltningens förslag till beslut" and first.label == ""
    (points,) = first.blocks
    assert isinstance(points, OrderedList) and len(points.items) == 5
    texts = [line for item in points.items for b in item for line in block_lines(b)]
    assert texts[0] == "Socialnämnden beslutar att godkänna partnerskapet."
    assert texts[-1] == "Paragrafen justeras omedelbart."


def test_officials_follow_the_decision_and_bilagor_names_the_agreement():
    spec, docs = documents(SPEC_2026)
    proposal = docs["proposal"]
    headless = proposal.sections[1]
    assert headless.heading == "" and isinstance(headless.blocks[0], Officials)
    assert [(o.name, o.title) for o in headless.blocks[0].officials] == [
        ("Veronica Carstorp Wolgast", "Socialdirektör"), (None, "Avdelningschef")]
    bilagor = proposal.sections[-1]
    assert bilagor.heading == "Bilagor"
    assert block_lines(bilagor.blocks[0]) == [f"1. {docs['agreement'].meta.title}"]


def test_proposal_headings_are_unnumbered_and_the_letterhead_names_the_nämnd():
    _, docs = documents(SPEC_2023)
    proposal = docs["proposal"]
    assert all(s.label == "" for s in proposal.walk_sections())
    head = proposal.meta.letterhead
    assert head.document_type == "Tjänsteutlåtande" and head.recipient == "Till Socialnämnden"
    assert head.sender == ["Socialförvaltningen", "Avdelningen för stadsövergripande sociala frågor"]
    assert ("Datum", "2023-08-23") in head.references


def test_proposal_states_the_agreements_period_amount_and_parties():
    spec, docs = documents(SPEC_2026)
    proposal, agreement = document_text(docs["proposal"]), document_text(docs["agreement"])
    start, end = datum(spec.period.start), datum(spec.period.end)
    for text in (proposal, agreement):
        assert f"från den {start} till och med" in text and end in text
        assert datum(spec.period.renewal.max_end) in text
    assert f"totalt {kronor(spec.budget.sum)}" in proposal
    for party in spec.parties:
        assert f"{party.name}, organisationsnummer {party.organisationsnummer}" in proposal
        assert f"{party.name} (organisationsnummer {party.organisationsnummer})" in agreement


def test_one_change_in_the_spec_shows_in_both_documents(tmp_path):
    data = example_data()
    data["period"]["end"] = "2027-06-30"
    data["budget"]["rows"][0]["amount"] = 900_000
    spec, docs = documents(write_spec(tmp_path, data))
    for kind in ("agreement", "proposal"):
        assert "30 juni 2027" in document_text(docs[kind])
    assert f"totalt {kronor(1_022_000)}" in document_text(docs["proposal"])


def test_shared_sections_use_the_same_clause_versions():
    _, docs = documents(SPEC_2026)
    used = {kind: {s.clause.id: s.clause.version for s in d.walk_sections() if s.clause} for kind, d in docs.items()}
    for cid in ("street-minds/syfte-och-mal", "street-minds/malgrupp", "street-minds/ataganden", "villkor/period",
                "uppfoljning/aterrapportering"):
        assert used["proposal"][cid] == used["agreement"][cid] == 2


def test_2023_proposal_has_eight_principles_and_three_real_footnotes():
    _, docs = documents(SPEC_2023)
    proposal = docs["proposal"]
    model = next(s for s in proposal.walk_sections() if s.heading == "Bostad Först-modellen")
    principles = next(b for b in model.blocks if isinstance(b, OrderedList))
    assert len(principles.items) == 8
    assert inline_text(principles.items[1][0].inlines) == "Rätten till val och självbestämmande"
    notes = [n for s in proposal.walk_sections() for n in inlines_in(s.blocks) if isinstance(n, FootnoteRef)]
    assert [n.number for n in notes] == [1, 2, 3]
    assert inline_text(notes[0].blocks[0].inlines).startswith("Begreppet återhämtning kan beskrivas")


def test_model_text_of_the_2023_proposal_reproduces_seed_001():
    _, docs = documents(SPEC_2023)
    text = document_text(docs["proposal"]) + "\n" + footnotes_text(docs["proposal"])
    assert similarity(seed_text(PROPOSAL_2023), text) >= 0.97
