"""Amendments that cannot crash or mislead: each defect a legal review found, as an example.

A tillägg quotes the new wording of a point, and its references ("enligt punkt 5.7") name points of
the agreement as amended; a point is known by its number, so two sections with one heading stay two
points; a point may not refer to a repealed one; an amendment that changes no text has nothing to sign.
"""

import copy
import datetime as dt

import pytest

from drafter.assemble import assemble_documents
from drafter.build import BuildOptions, ChecksFailed, build
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import Quote
from drafter.model.text import block_lines, document_text
from drafter.pipeline import check_spec
from drafter.spec.load import load_spec
from helpers import CLAUSES, example_data, write_spec


def _spec(tmp_path, *amendments, outline=None):
    """The 2026 example with these amendments (each a list of changes), numbered 1, 2, …"""
    data = example_data(amended=True)
    template = data["amendments"][0]
    data["amendments"] = [
        {**copy.deepcopy(template), "number": n, "effective": dt.date(2027 + n - 1, 1, 1), "changes": changes}
        for n, changes in enumerate(amendments, start=1)]
    if outline is not None:
        data["outline"] = outline
    return write_spec(tmp_path, data)


def _findings(spec):
    return check_spec(load_spec(spec), ClauseLibrary(CLAUSES))


def _errors(spec):
    return [f for f in _findings(spec) if f.severity == "error"]


def _docs(spec):
    return {(d.kind, d.part): d for d in assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES))}


def _numbers(doc):
    return [s.number for s in doc.walk_sections() if s.number]


def _quoted(doc) -> list[str]:
    return [line for s in doc.walk_sections() for b in s.blocks if isinstance(b, Quote) for line in block_lines(b)]


def test_a_new_notice_day_builds_and_its_reference_names_the_agreements_point(tmp_path):
    spec = _spec(tmp_path, [{"set": {"period.renewal.notice_deadline": "10-31"}}])
    assert _errors(spec) == []
    addendum = _docs(spec)[("addendum", "1")]
    text = document_text(addendum)
    assert "Punkt 5.8 Uppsägning av överenskommelse om partnerskap ska ha följande lydelse:" in text
    quoted = "\n".join(_quoted(addendum))
    assert "senast den 31 oktober respektive år" in quoted
    assert "kräva tillbaka redan utbetalda medel enligt punkt 5.7." in quoted  # 5.7 is not in the tillägg
    manifest = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))
    assert (manifest.parent / "spec-tillagg-1.pdf").exists() and (manifest.parent / "spec-tillagg-1.docx").exists()


def test_a_new_name_of_the_public_party_builds(tmp_path):
    spec = _spec(tmp_path, [{"set": {"parties.0.name": "Socialförvaltningen i Stockholms stad"}}])
    assert [f.line() for f in _errors(spec)] == []
    docs = _docs(spec)
    quoted = "\n".join(_quoted(docs[("addendum", "1")]))
    assert "kan socialförvaltningen i Stockholms stad stoppa utbetalningar" in quoted
    assert "enligt punkt 5.7" in quoted
    assert _numbers(docs[("consolidated", "")]) == _numbers(docs[("agreement", "")])


def test_a_reference_to_a_repealed_point_is_an_error_naming_both_points(tmp_path):
    spec = _spec(tmp_path, [{"remove": "5.7"}])
    errors = _errors(spec)
    assert [f.code for f in errors] == ["amendment-repealed-ref"]
    assert "Punkt 5.8 Uppsägning av överenskommelse om partnerskap hänvisar till punkt 5.7 Återkrav" in errors[0].message
    removal = next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                   if "remove" in line and "5.7" in line)  # the finding points at the change that repeals 5.7
    assert "tillägg nr 1" in errors[0].message and errors[0].where.endswith(f":{removal}")
    with pytest.raises(ChecksFailed):
        build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))


def test_repealing_a_point_with_a_new_wording_of_the_one_that_referred_to_it_is_fine(tmp_path):
    spec = _spec(tmp_path, [{"remove": "5.7"},
                            {"replace": "5.8", "text": "Varje part får säga upp överenskommelsen skriftligen."}])
    assert _errors(spec) == []
    consolidated = _docs(spec)[("consolidated", "")]
    by_number = {s.number: s for s in consolidated.walk_sections()}
    assert [line for b in by_number["5.7"].blocks for line in block_lines(b)] == [
        "Punkten har upphört att gälla genom tillägg nr 1 från och med den 1 januari 2027."]  # one marker


@pytest.mark.parametrize("change", [
    {"set": {"parties.1.signatory": {"name": "Sara Ahmadi", "title": "ordförande"}}},
    {"set": {"figures.antal_volontarer": 12}},  # data no text uses
])
def test_an_amendment_that_changes_no_text_has_nothing_to_sign(tmp_path, change):
    spec = _spec(tmp_path, [change])
    findings = _findings(spec)
    assert [f for f in findings if f.severity == "error"] == []
    (advice,) = [f for f in findings if f.code == "amendment-nothing-to-sign"]
    assert advice.severity == "warning" and "inget tillägg nr 1 görs" in advice.message
    assert "kräver inget tillägg" in advice.message
    assert [kind for kind, _ in _docs(spec)] == ["agreement", "proposal"]  # no empty tillägg
    manifest = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))
    assert not list(manifest.parent.glob("*tillagg*"))


def test_a_new_chair_without_a_tillagg_signs_the_next_one(tmp_path):
    spec = _spec(tmp_path, [{"set": {"parties.1.signatory": {"name": "Sara Ahmadi", "title": "ordförande"}}}],
                 [{"set": {"period.renewal.notice_deadline": "10-31"}}])
    docs = _docs(spec)
    assert ("addendum", "1") not in docs
    assert "Sara Ahmadi, ordförande" in document_text(docs[("addendum", "2")])
    assert docs[("consolidated", "")].meta.subtitle == "Lydelse enligt tillägg nr 2, gäller från 1 januari 2028"


def test_an_amendment_that_changes_nothing_at_all_is_still_an_error(tmp_path):
    spec = _spec(tmp_path, [{"set": {"parties.1.signatory": {"title": "ordförande"}}}])
    assert [f.code for f in _errors(spec)] == ["amendment-empty"]


def _two_villkor(outline):
    """The example's outline with its "Villkor" split in two sections of the same heading."""
    villkor = next(i for i, item in enumerate(outline) if isinstance(item, dict) and item.get("heading") == "Villkor")
    first, second = outline[villkor]["sections"][:5], outline[villkor]["sections"][5:]
    return [*outline[:villkor], {"heading": "Villkor", "sections": first},
            {"heading": "Villkor", "sections": second}, *outline[villkor + 1:]]


def test_two_sections_with_one_heading_stay_two_points(tmp_path):
    outline = _two_villkor(example_data()["outline"])
    spec = _spec(tmp_path, [{"replace": "6.2", "text": "Ny lydelse om återkrav."}], outline=outline)
    assert _errors(spec) == []
    docs = _docs(spec)
    signed, consolidated = _numbers(docs[("agreement", "")]), _numbers(docs[("consolidated", "")])
    assert consolidated == signed and len(set(consolidated)) == len(consolidated)
    assert signed.count("5") == signed.count("6") == 1
    text = document_text(docs[("addendum", "1")])
    assert "Punkt 6.2 Återkrav ska ha följande lydelse:" in text and text.count("ska ha följande lydelse") == 1


def test_a_clause_used_twice_is_two_points(tmp_path):
    outline = example_data()["outline"]
    outline.insert(-1, {"heading": "Bilaga om informationsspridning", "sections": ["parter/informationsspridning"]})
    spec = _spec(tmp_path, [{"replace": "6.1", "text": "Informationen sprids i samråd."}], outline=outline)
    assert _errors(spec) == []
    docs = _docs(spec)
    consolidated = docs[("consolidated", "")]
    assert _numbers(consolidated) == _numbers(docs[("agreement", "")])
    by_number = {s.number: s for s in consolidated.walk_sections()}
    assert "Informationen sprids i samråd." in document_text(docs[("addendum", "1")])
    assert by_number["2.8"].heading == by_number["6.1"].heading == "Informationsspridning"
    assert "Lydelse enligt tillägg nr 1" not in "\n".join(line for b in by_number["2.8"].blocks for line in block_lines(b))


def test_a_point_an_earlier_tillagg_inserted_can_be_amended_again(tmp_path):
    spec = _spec(tmp_path, [{"insert_after": "3.2", "heading": "Brukarråd", "text": "Ett brukarråd inrättas."}],
                 [{"replace": "3.2 a", "text": "Brukarrådet träffas varje månad."},
                  {"insert_after": "3.2", "heading": "Volontärer", "text": "Föreningen har volontärer."}])
    docs = _docs(spec)
    text = document_text(docs[("addendum", "2")])
    assert "Punkt 3.2 a Brukarråd ska ha följande lydelse:" in text
    assert "Det ska införas en ny punkt, 3.2 b, av följande lydelse:" in text
    numbers = _numbers(docs[("consolidated", "")])
    assert numbers[numbers.index("3.2"):numbers.index("3.2") + 4] == ["3.2", "3.2 a", "3.2 b", "4"]


def _aterkrav_in_its_own_point():
    """The example's outline with Återkrav moved to a point 6 of its own (6.1), which 5.7 Uppsägning names."""
    outline = example_data()["outline"]
    villkor = next(item for item in outline if isinstance(item, dict) and item.get("heading") == "Villkor")
    aterkrav = villkor["sections"].pop(villkor["sections"].index("villkor/aterkrav"))
    outline.insert(-1, {"heading": "Återbetalning", "sections": [aterkrav]})
    return outline


def test_a_reference_into_a_repealed_point_is_the_same_error(tmp_path):
    spec = _spec(tmp_path, [{"remove": "6"}], outline=_aterkrav_in_its_own_point())
    (error,) = _errors(spec)
    assert error.code == "amendment-repealed-ref"
    assert error.message.startswith("Punkt 5.7 Uppsägning av överenskommelse om partnerskap hänvisar till punkt 6.1 "
                                    "Återkrav, som upphör att gälla med punkt 6 genom tillägg nr 1")


def test_a_new_wording_that_leaves_out_a_referenced_sub_point_is_the_same_error(tmp_path):
    spec = _spec(tmp_path, [{"replace": "6", "text": "Återbetalning regleras i bidragsbeslutet."}],
                 outline=_aterkrav_in_its_own_point())
    (error,) = _errors(spec)
    assert error.code == "amendment-repealed-ref"
    assert error.message.startswith("Punkt 5.7 Uppsägning av överenskommelse om partnerskap hänvisar till punkt 6.1 "
                                    "Återkrav, som inte finns kvar i den nya lydelsen av punkt 6 enligt tillägg nr 1")


def test_the_outline_is_not_changed_through_set(tmp_path):
    spec = _spec(tmp_path, [{"set": {"outline.4.sections": ["villkor/period"]}}])
    (error,) = _errors(spec)
    assert error.code == "amendment-point" and "ändras en och en, med sina nummer" in error.message


def test_a_sub_point_of_a_point_given_a_new_wording_is_changed_in_that_wording(tmp_path):
    spec = _spec(tmp_path, [{"replace": "5", "text": "Villkoren framgår av bilaga 1."},
                            {"replace": "5.2", "text": "Ersättningen betalas kvartalsvis."}])
    (error,) = _errors(spec)
    assert error.code == "amendment-point"
    assert "ändrar punkt 5.2, men den ingår i punkt 5, som tillägg nr 1 redan ger en ny lydelse" in error.message
