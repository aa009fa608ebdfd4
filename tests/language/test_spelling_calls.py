"""Starting hunspell loads the Swedish dictionary each time (most of a call's cost): a spec's
documents are spelled in one call, not one per document."""

import json

import pytest

from drafter.clauses.library import ClauseLibrary
from drafter.language import spelling
from drafter.pipeline import prepare
from helpers import CLAUSES, EXAMPLE
from language.support import needs_hunspell


@needs_hunspell
def test_a_renewal_with_four_documents_asks_hunspell_once(monkeypatch):
    calls = []
    real = spelling._hunspell_wrong
    monkeypatch.setattr(spelling, "_JUDGED", {})
    monkeypatch.setattr(spelling, "_STORED", [None])  # no verdicts from earlier runs
    monkeypatch.setattr(spelling, "_hunspell_wrong", lambda words: calls.append(len(words)) or real(words))
    prepared = prepare(EXAMPLE, ClauseLibrary(CLAUSES))
    assert [d.kind for d in prepared.documents] == ["agreement", "proposal", "addendum", "consolidated"]
    assert len(calls) == 1 and calls[0] > 500
    spelled = [f for f in prepared.findings if f.code == "spelling"]
    assert [f.message.split('"')[1] for f in spelled] == ["jamm"]  # the one word the dictionary lacks


def test_a_documents_figures_are_its_parts_sentences_as_measured_whole():
    """review_parts takes the document's LIX from the sentences its parts were cut into; cutting the
    joined text again gives the same figures (sentences are cut line by line)."""
    from drafter.language.document import parts
    from drafter.language.measure import measure
    from drafter.language.review import review_document
    from drafter.language.settings import Settings

    for doc in prepare(EXAMPLE, ClauseLibrary(CLAUSES)).documents:
        review = review_document(doc, Settings())
        assert review.stats == measure("\n".join(p.text for p in parts(doc)), Settings().long_sentence)
        assert review.stats.sentences >= 10


@needs_hunspell
def test_a_second_spec_that_differs_in_its_names_asks_nothing(monkeypatch, tmp_path):
    """In a batch the specs differ mostly in their names; names are known words, never asked about."""
    from helpers import example_data, write_spec

    calls = []
    real = spelling._hunspell_wrong
    monkeypatch.setattr(spelling, "_JUDGED", {})
    monkeypatch.setattr(spelling, "_STORED", [None])  # no verdicts from earlier runs
    monkeypatch.setattr(spelling, "_hunspell_wrong", lambda words: calls.append(sorted(words)) or real(words))
    prepare(write_spec(tmp_path, example_data(), "a.yaml"), ClauseLibrary(CLAUSES))
    data = example_data()
    data["parties"][1]["name"] = "Zwqxbyföreningen Qorvex"
    data["parties"][1]["signatory"]["name"] = "Ylvrinda Tjompström"
    prepared = prepare(write_spec(tmp_path, data, "b.yaml"), ClauseLibrary(CLAUSES))
    assert len(calls) == 1 and "Zwqxbyföreningen" not in calls[0]
    assert not [f for f in prepared.findings if f.code == "spelling" and "Qorvex" in f.message]


@needs_hunspell
def test_verdicts_are_kept_between_runs_in_a_file_of_the_users_own(monkeypatch, tmp_path):
    calls = []
    real = spelling._hunspell_wrong
    monkeypatch.setattr(spelling, "_hunspell_wrong", lambda words: calls.append(sorted(words)) or real(words))
    stored = tmp_path / "hunspell-x.json"
    monkeypatch.setattr(spelling, "_verdict_file", lambda: stored)
    for _run in range(2):  # a run asks hunspell and keeps the verdicts; the next run asks nothing
        monkeypatch.setattr(spelling, "_JUDGED", {})
        monkeypatch.setattr(spelling, "_STORED", [])
        assert spelling.Speller().unknown({"överenskommelse", "jamm", "partnerskap"}) == {"jamm"}
        assert len(calls) == 1
    assert json.loads(stored.read_text(encoding="utf-8"))["jamm"] is False
    stored.write_text("{inte json", encoding="utf-8")  # a damaged file: asked again, written anew
    monkeypatch.setattr(spelling, "_JUDGED", {})
    monkeypatch.setattr(spelling, "_STORED", [])
    assert spelling.Speller().unknown({"jamm"}) == {"jamm"} and len(calls) == 2
    assert json.loads(stored.read_text(encoding="utf-8")) == {"jamm": False}


def test_the_verdict_file_lies_in_a_private_folder_named_by_the_dictionary():
    path = spelling._verdict_file()
    if path is None:
        pytest.skip("hunspell saknas, eller ingen egen mapp i temp-mappen")
    assert path.parent.stat().st_mode & 0o077 == 0 and path.name.startswith("hunspell-")
