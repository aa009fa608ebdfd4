"""representatives: the number each party appoints is said the same way everywhere."""

from checks.support import findings, library_with, of, spec_file
from drafter.checks.context import CheckContext
from drafter.checks.representatives import statements
from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, example_data


def test_example_agreement_and_proposal_agree():
    assert of(findings(EXAMPLE), "representatives") == []


def test_example_statements_are_read_per_party():
    loaded, library = load_spec(EXAMPLE), ClauseLibrary(CLAUSES)
    ctx = CheckContext(loaded, library, assemble_documents(loaded, library))
    said = {(s.party, s.said()) for s in statements(ctx) if s.document == "agreement"}
    assert said == {(1, "1"), (0, "högst 2")}  # Street Minds varsin, socialförvaltningen högst två


def test_two_places_that_disagree(tmp_path):
    data = example_data()
    data["outline"].append("test/representanter")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/representanter": "Street Minds utser två representanter i styrgruppen."})
    (f,) = of(findings(spec, clauses), "representatives")
    assert f.severity == "error" and f.document == "agreement" and f.where == "test/representanter@1"
    assert "Antalet representanter för Street Minds anges olika: 1" in f.message
    assert "men 2 i \"Street Minds utser två representanter\"" in f.message
    assert "organisation/struktur@1" in f.message


def test_different_forums_may_differ(tmp_path):
    data = example_data()
    data["outline"].append("test/representanter")
    spec = spec_file(tmp_path, data)
    body = "I styrgruppen utser Street Minds två representanter. I samverkansgruppen utser Street Minds tre representanter."
    clauses = library_with(tmp_path, {"test/representanter": body})
    found = of(findings(spec, clauses), "representatives")
    # each disagrees with "varsin … i respektive forum", but not with each other
    assert len(found) == 2 and all("1 i" in f.message for f in found)


# --- what a forum consists of, in words or digits ---------------------------------------------

def _with(tmp_path, body):
    data = example_data()
    data["outline"].append("test/representanter")
    spec = spec_file(tmp_path, data)
    return of(findings(spec, library_with(tmp_path, {"test/representanter": body})), "representatives")


def test_a_forum_said_to_consist_of_three_from_the_association_in_words(tmp_path):
    (f,) = _with(tmp_path, "Styrgruppen består av tre personer från Street Minds och två från socialförvaltningen.")
    assert f.severity == "error" and f.where == "test/representanter@1"
    assert "Antalet representanter för Street Minds anges olika: 1" in f.message
    assert "men 3 i \"tre personer från Street Minds\"" in f.message


def test_a_forum_said_to_consist_of_three_in_digits(tmp_path):
    (f,) = _with(tmp_path, "I styrgruppen ingår 3 ledamöter från föreningen.")
    assert f.severity == "error" and "men 3 i \"3 ledamöter från föreningen\"" in f.message


def test_a_forum_that_consists_of_what_the_agreement_says_elsewhere(tmp_path):
    body = ("Styrgruppen består av en person från föreningen och högst två från socialförvaltningen. "
            "Samverkansgruppen utgörs av en representant för varje idéburen organisation.")
    assert _with(tmp_path, body) == []


def test_the_parts_of_a_forum_are_read_per_party(tmp_path):
    data = example_data()
    data["outline"].append("test/representanter")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/representanter": "Samverkansgruppen består av fyra personer, "
                                                              "två från Street Minds och två från förvaltningen."})
    loaded, library = load_spec(spec), ClauseLibrary(clauses)
    ctx = CheckContext(loaded, library, assemble_documents(loaded, library))
    said = {(s.party, s.forum, s.said()) for s in statements(ctx) if s.place == "test/representanter@1"}
    assert said == {(1, "samverkansgrupp", "2"), (0, "samverkansgrupp", "2")}


def test_one_attempt_per_sentence_stretch_finds_what_finditer_finds():
    """_clause_matches skips a stretch without a match in one attempt; the matches stay finditer's."""
    import random

    from drafter.checks.representatives import APPOINTS, CONSISTS, _clause_matches

    words = ["Föreningen", "utser", "ska utse", "har", "högst", "två", "tre", "varsin", "representanter",
             "representant", "i", "styrgruppen", ".", ";", ":", "\n", "består av", "ingår", "personer", "från",
             "föreningen", "och", "förvaltningen", "ledamöter", "5", "samt", ",", "utgörs av"]
    rng = random.Random(22)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randrange(1, 30)))
        for pattern in (APPOINTS, CONSISTS):
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in _clause_matches(pattern, text)] == expected, text
            found += len(expected)
    assert found > 1000  # the texts do hold statements, not only misses
