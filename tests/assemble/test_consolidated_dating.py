"""The consolidated version as a registrator files it (trial6 §7c): dated the day of the last tillägg it
consolidates, with the day that tillägg takes effect kept in its subtitle, and with the status it has –
"konsoliderad", a reading copy – in the model, so every page 1 and every reader of the metadata sees the
same. Built from the example with its tillägg, read back from the PDF."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import prepare
from helpers import CLAUSES, example_data, write_spec


def _final(tmp_path, second: bool = False):
    data = example_data(amended=True)
    data["document"]["status"] = "slutlig"
    if second:
        data["amendments"].append({
            "number": 2, "date": "2027-03-10", "decision": {"by": "socialdirektören", "date": "2027-03-03"},
            "effective": "2027-04-01", "changes": [{"insert_after": "3.2 a", "heading": "Sommaröppet",
                                                     "text": "Föreningen håller öppet också i juli."}]})
    return write_spec(tmp_path, data)


def test_the_consolidated_version_is_dated_as_the_tillagg_and_says_when_it_applies(tmp_path):
    spec = _final(tmp_path)  # checked, not built: the example's own drafts keep a final build from running
    docs = {d.kind: d for d in prepare(spec, ClauseLibrary(CLAUSES)).documents}
    consolidated, addendum = docs["consolidated"], docs["addendum"]
    assert consolidated.meta.date == addendum.meta.date == dt.date(2026, 12, 15)  # not the 1 January 2027 it applies
    assert consolidated.meta.subtitle == "Lydelse enligt tillägg nr 1, gäller från 1 januari 2027"
    assert consolidated.meta.status == "konsoliderad" and docs["agreement"].meta.status == "slutlig"
    assert ("Status", "Konsoliderad, ej undertecknad") in consolidated.meta.letterhead.references


def test_page_one_of_the_built_pdf_gives_the_tillaggs_date(tmp_path):
    spec = write_spec(tmp_path, example_data(amended=True))
    out = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES), formats=("pdf",))).parent
    page = " ".join(PdfReader(out / "spec-overenskommelse-konsoliderad.pdf").pages[0].extract_text().split())
    assert "2026-12-15" in page and "2027-01-01" not in page
    assert "gäller från 1 januari 2027" in page


def test_after_two_tillagg_it_is_dated_as_the_second(tmp_path):
    docs = prepare(_final(tmp_path, second=True), ClauseLibrary(CLAUSES)).documents
    consolidated = next(d for d in docs if d.kind == "consolidated")
    assert consolidated.meta.date == dt.date(2027, 3, 10)
    assert consolidated.meta.subtitle == "Lydelse enligt tillägg nr 1 och 2, gäller från 1 april 2027"


def test_a_draft_stays_a_draft(tmp_path):
    data = example_data(amended=True)
    docs = prepare(write_spec(tmp_path, data), ClauseLibrary(CLAUSES)).documents
    assert next(d for d in docs if d.kind == "consolidated").meta.status == data["document"].get("status", "utkast")
