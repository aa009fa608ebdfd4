"""Amendments: tillägg nr N in Swedish drafting form, and the agreement as it reads after them."""

import datetime as dt

import pytest

from drafter.assemble import assemble_documents
from drafter.build import BuildOptions, ChecksFailed, build
from drafter.pipeline import check_spec
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import Table
from drafter.model.text import block_lines, document_text, inline_text
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, example_data, write_spec

NB = "\u00a0"


def documents(path=EXAMPLE):
    return {(d.kind, d.part): d for d in assemble_documents(load_spec(path), ClauseLibrary(CLAUSES))}


def sections(doc):
    return {s.number: s for s in doc.walk_sections() if s.number}


def test_addendum_states_each_change_in_drafting_form():
    docs = documents()
    text = document_text(docs[("addendum", "1")])
    assert text.startswith("Tillägg nr 1 till överenskommelse om idéburet offentligt partnerskap (IOP) mellan "
                           "Socialförvaltningen och Street Minds")
    assert "Socialförvaltningen (organisationsnummer 212000-0142)" in text
    assert "Street Minds (organisationsnummer 802524-2879)" in text
    assert "Detta tillägg ändrar överenskommelsen om idéburet offentligt partnerskap (IOP) mellan " in text
    assert "daterad den 1 juli 2026" in text and "beslut av socialdirektören den 8 december 2026" in text
    assert "Punkt 5.2 Ekonomisk ersättning ska ha följande lydelse:\n5.2 Ekonomisk ersättning" in text
    assert "Det ska införas en ny punkt, 3.2 a, av följande lydelse:\n3.2 a Brukarråd" in text
    assert text.index("3.2 a") < text.index("Punkt 5.2")  # in point order
    assert "Tillägget gäller från och med den 1 januari 2027.\nI övrigt gäller överenskommelsen oförändrad." in text
    assert "Sara Ahmadi, ordförande" in text  # the new signatory signs the addendum


def test_consolidated_keeps_the_signed_numbers_and_letters_the_inserted_point():
    docs = documents()
    signed, consolidated = sections(docs[("agreement", "")]), sections(docs[("consolidated", "")])
    assert set(consolidated) == set(signed) | {"3.2 a"}
    for number, section in signed.items():
        assert consolidated[number].heading == section.heading
    order = [s.number for s in docs[("consolidated", "")].walk_sections()]
    assert order[order.index("3.2") + 1] == "3.2 a" and order[order.index("3.2 a") + 1] == "4"


def test_consolidated_is_the_agreement_with_the_changes_applied():
    docs = documents()
    signed, consolidated = sections(docs[("agreement", "")]), sections(docs[("consolidated", "")])
    note = "Lydelse enligt tillägg nr 1, gäller från 1 januari 2027."
    for number, section in signed.items():
        before = [line for b in section.blocks for line in block_lines(b)]
        after = [line for b in consolidated[number].blocks for line in block_lines(b)]
        if number == "5.2":
            (table,) = [b for b in consolidated[number].blocks if isinstance(b, Table)]
            assert [inline_text(r[1]) for r in table.rows] == [f"890{NB}000", "0", "0", f"65{NB}000", f"25{NB}000",
                                                                f"20{NB}000"]
            assert inline_text(table.total[1]) == f"1{NB}000{NB}000" and after[-1] == note
        elif number == "6":  # a reading copy, never signed: no signature lines, the signed texts named
            assert "För Street Minds" not in after and "För Street Minds" in before
            assert "Sara Ahmadi, ordförande" not in after + before  # who signs the tillägg, not the agreement
            assert after[-1] == ("Den konsoliderade versionen undertecknas inte. Den sammanställer den undertecknade "
                                 "överenskommelsen, daterad den 1 juli 2026, och tillägg nr 1; det är de undertecknade "
                                 "handlingarna som gäller.")
        else:
            assert after == before, number
    assert [line for b in consolidated["3.2 a"].blocks for line in block_lines(b)][-1] == (
        "Införd genom tillägg nr 1, gäller från 1 januari 2027.")
    assert docs[("consolidated", "")].meta.subtitle == "Lydelse enligt tillägg nr 1, gäller från 1 januari 2027"


def _bad(tmp_path, change):
    data = example_data(amended=True)
    data["amendments"][0]["changes"] = [change]
    return write_spec(tmp_path, data)


@pytest.mark.parametrize("change, code, fragment", [
    ({"replace": "9.9", "text": "Ny text."}, "amendment-point", "ingen sådan punkt"),
    ({"set": {"budget.total": 1_000_000, "budget.rows": [{"item": "Personal", "amount": 950_000}]}},
     "budget-sum", "Efter tillägg nr 1"),
    ({"set": {"period.end": dt.date(2029, 12, 31)}}, "period-renewal", "Efter tillägg nr 1"),
    ({"set": {"figures.brukare_bostad_forst": 160}}, "amendment-empty", "ändrar ingenting"),
])
def test_a_bad_amendment_is_a_finding_and_no_document_is_written(tmp_path, change, code, fragment):
    spec = _bad(tmp_path, change)
    findings = check_spec(load_spec(spec), ClauseLibrary(CLAUSES))
    errors = [f for f in findings if f.severity == "error"]
    assert any(f.code == code and fragment in f.message for f in errors), [f.line() for f in errors]
    with pytest.raises(ChecksFailed):
        build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_a_removed_point_keeps_its_number_and_says_so(tmp_path):
    spec = _bad(tmp_path, {"remove": "2.8"})
    docs = documents(spec)
    text = document_text(docs[("addendum", "1")])
    assert "Punkt 2.8 Informationsspridning ska upphöra att gälla." in text
    consolidated = sections(docs[("consolidated", "")])
    assert consolidated["2.8"].heading == "Informationsspridning"
    # one marker, not also "Lydelse enligt tillägg nr 1"
    assert [line for b in consolidated["2.8"].blocks for line in block_lines(b)] == [
        "Punkten har upphört att gälla genom tillägg nr 1 från och med den 1 januari 2027."]
    assert consolidated["3"].heading == "Partnerskapets struktur och organisation"


def test_two_amendments_are_named_as_swedish_prose_in_the_consolidated_agreement(tmp_path):
    # Tillägg nr 2 written as an official would: the consolidated copy said "tillägg nr 1, 2".
    data = example_data(amended=True)
    data["amendments"].append({
        "number": 2, "date": dt.date(2027, 6, 10), "decision": {"by": "socialdirektören", "date": dt.date(2027, 6, 3)},
        "effective": dt.date(2027, 7, 1),
        "changes": [{"insert_after": "4.1", "heading": "Tillgänglighet",
                     "text": "Föreningen ska se till att lokalerna är tillgängliga."}]})
    consolidated = documents(write_spec(tmp_path, data))[("consolidated", "")]
    assert consolidated.meta.subtitle == "Lydelse enligt tillägg nr 1 och 2, gäller från 1 juli 2027"
    assert "överenskommelsen, daterad den 1 juli 2026, och tillägg nr 1 och 2; det är de undertecknade" in \
        document_text(consolidated)
