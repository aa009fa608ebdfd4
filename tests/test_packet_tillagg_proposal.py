"""The nämnd packet for a tillägg asks the nämnd to decide it: its Bilaga 1 is "Förslag till tillägg nr N",
dated as the tjänsteutlåtande, status Förslag, and does not say it rests on the decision the packet asks
for. The tillägg to sign (its own files) keeps its decision line. Åsby kommun's partnership, not the example."""

from __future__ import annotations

import io

from pypdf import PdfReader

from assemble.test_amendment_proposal import built, docx_text, kommun, pdf_text
from drafter.assemble import assemble_documents
from drafter.assemble.addendum import proposed_addendum
from drafter.clauses.library import ClauseLibrary
from drafter.house_style import draft_mark, first_page_references
from drafter.spec.load import load_spec
from helpers import CLAUSES
from readback import norm

DECIDED = "Tillägget grundar sig på beslut av kultur- och fritidsnämnden den 12 juni 2027, § 51."


def test_the_packet_shows_the_tillagg_as_the_proposal_to_decide(tmp_path):
    files = built(tmp_path, kommun())
    reader = PdfReader(io.BytesIO(files["spec-handlingar-tillagg-1.pdf"]["pdf"]))
    bilaga = norm(" ".join(p.extract_text() for p in reader.pages[1:]))
    assert "Förslag till tillägg nr 1 till överenskommelse om idéburet offentligt partnerskap" in bilaga
    assert "grundar sig på beslut" not in bilaga and "12 juni 2027" not in bilaga and "§ 51" not in bilaga
    assert "daterad den 15 december 2026, diarienummer KFN 2026/311." in bilaga
    # the tjänsteutlåtande lists its bilaga as what it is
    proposal = docx_text(files["addendum-proposal"]["docx"])
    assert proposal.split("Bilagor")[-1].strip().startswith("Förslag till tillägg nr 1 till överenskommelse om")
    assert "grundar sig på beslut" not in proposal
    # the tillägg to sign, once decided, says what it rests on
    for fmt in ("docx", "pdf"):
        assert DECIDED in (docx_text if fmt == "docx" else pdf_text)(files["addendum"][fmt])


def test_a_final_spec_shows_the_bilaga_as_forslag_not_slutlig(tmp_path):
    from assemble.test_amendment_proposal import write

    data = kommun()
    data["document"]["status"] = "slutlig"
    loaded = load_spec(write(tmp_path, data))
    library = ClauseLibrary(CLAUSES)
    documents = assemble_documents(loaded, library)  # finished: the house style and the spec's status applied
    by_kind = {d.kind: d for d in documents}
    addendum, proposal = by_kind["addendum"], by_kind["addendum-proposal"]
    assert addendum.meta.house is not None and ("Status", "Slutlig") in first_page_references(
        addendum.meta, addendum.meta.house)
    bilaga = proposed_addendum(addendum, proposal)
    assert ("Status", "Förslag") in first_page_references(bilaga.meta, bilaga.meta.house)
    assert bilaga.meta.letterhead is not None and ("Status", "Förslag") in bilaga.meta.letterhead.references
    assert ("Datum", "2027-05-30") in bilaga.meta.letterhead.references  # the tjänsteutlåtande's date
    assert not draft_mark(bilaga.meta) and bilaga.preamble == []
    assert addendum.meta.title.startswith("Tillägg nr 1")  # the tillägg itself is untouched
