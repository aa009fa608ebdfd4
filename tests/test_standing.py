"""The agreement as it stands after its tillägg (drafter/standing.py), as `drafter compare SPEC` shows it
to a jurist and `drafter renew` carries it over, for a partnership that is not the example: a spec like
one `drafter new` makes (a standard outline whose own texts are sections with a key), amended in the ways
officials amend one — a new list for a section of the partnership's own text, a point inserted after a
clause ("5.1 a"), a clause point given a new text, a repealed point, data changed with `set:`, a later
tillägg changing the point an earlier one inserted.

Before, a tillägg replacing "Åtaganden" made compare and renew fail with an error about a field the user
never wrote (`outline.replace.Åtaganden`: a heading where the standard outline wants the key), and
`compare SPEC SPEC` showed every tillägg backwards (an inserted point as removed)."""

from __future__ import annotations

import copy
import shutil

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.comparison import compared_documents
from helpers import CLAUSES, write_spec
from own_partnership import EXTRA, NEW_LIST, SPEC, amendment

# Each shape: the tillägg, and what the agreement says after them that it did not say when signed.
SHAPES = {
    "own text, inserted point, set": (
        [amendment(1, [{"set": {"other_amounts.sommar": {"amount": 45000, "kind": "annat", "item": "Sommarläxhjälp"}}},
                       {"insert_after": "5.1", "heading": "Extra bidrag för sommaren", "text": EXTRA},
                       {"replace": "2.4", "text": NEW_LIST}])],
        {"2.4": "ge läxhjälp på distans under sommaren", "5.1 a": "extra bidrag för sommarläxhjälpen"}),
    "clause point new text, repeal, budget": (
        [amendment(1, [{"replace": "5.2", "text": "Bidraget betalas ut kvartalsvis i förskott."},
                       {"remove": "2.7"},
                       {"set": {"budget.rows": [{"item": "Personal", "amount": 265000},
                                                {"item": "Lokaler", "amount": 60000}]}}])],
        {"5.2": "kvartalsvis i förskott"}),
    "two tillägg, the second changes the first's point": (
        [amendment(1, [{"insert_after": "5.1", "heading": "Extra bidrag för sommaren", "text": EXTRA},
                       {"insert_after": "5.1", "heading": "Lokal för sommaren", "text": "Staden upplåter en skollokal."}]),
         amendment(2, [{"replace": "5.1 a", "text": EXTRA.replace("maj", "juni")},
                       {"replace": "2.3", "heading": "Målgrupp och deltagare",
                        "text": "Målgruppen är elever i årskurs 4–9 och deras föräldrar."}], "2027-05-10")],
        {"5.1 a": "betalas ut i juni", "5.1 b": "upplåter en skollokal", "2.3": "deras föräldrar"}),
}


def run(*args) -> CliRunner:
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="drafter")


@pytest.fixture
def library(tmp_path):
    return shutil.copytree(CLAUSES, tmp_path / "clauses")


def amended(tmp_path, shape: str, outline=None) -> tuple:
    data = copy.deepcopy(SPEC)
    data["amendments"], expected = copy.deepcopy(SHAPES[shape])
    if outline is not None:
        data["outline"] = outline
    (tmp_path / "agreements").mkdir(exist_ok=True)
    return write_spec(tmp_path / "agreements", data, "laxhjalp-tensta-2026.yaml"), expected


def sections(doc) -> dict[str, tuple[str, str]]:
    from drafter.model.text import own_text

    return {s.number: (s.heading, own_text(s)) for s in doc.walk_sections() if s.number}


@pytest.mark.parametrize("shape", SHAPES)
def test_compare_shows_each_tillagg_shape_from_the_signed_text(tmp_path, library, shape):
    spec, expected = amended(tmp_path, shape)
    result = run("compare", spec, "--clauses", library)
    assert result.exit_code == 0, result.output
    assert "(utan tillägg, ej undertecknad) →" in result.output and "(efter tillägg nr" in result.output
    compared = compared_documents(spec, None, "agreement", ClauseLibrary(library))
    signed, after = sections(compared.old_doc), sections(compared.new_doc)
    for number, words in expected.items():
        assert words in after[number][1] and words not in signed.get(number, ("", ""))[1], number
    # `compare SPEC SPEC` is the same view (it showed the tillägg backwards)
    same = run("compare", spec, spec, "--clauses", library)
    assert same.exit_code == 0 and same.output == result.output


@pytest.mark.parametrize("shape", SHAPES)
def test_renew_writes_a_spec_that_checks_and_reads_as_the_agreement_stands(tmp_path, library, shape):
    spec, expected = amended(tmp_path, shape)
    result = run("renew", spec, "laxhjalp-tensta-2028", "--months", 24, "--clauses", library)
    assert result.exit_code == 0, result.output
    new = spec.parent / "laxhjalp-tensta-2028.yaml"
    text = new.read_text(encoding="utf-8")
    assert "Åtaganden:" not in text and "Målgrupp:" not in text  # a heading is never a standard outline's name
    new.write_text(text.replace("ÅÅÅÅ-MM-DD", "2028-05-20"), encoding="utf-8")
    checked = run("check", new, "--clauses", library)
    assert checked.exit_code == 0, checked.output
    assert "fel [" not in checked.output
    stands = sections(compared_documents(spec, None, "agreement", ClauseLibrary(library)).new_doc)
    renewed = sections(next(d for d in _documents(new, library) if d.kind == "agreement"))
    for number, words in expected.items():
        heading = stands[number][0]
        match = [n for n, (h, body) in renewed.items() if h == heading and words in body]
        assert match, f"{number} {heading} saknas i förnyelsen"
    assert renewed["2.4"][0] == "Åtaganden"  # a new wording keeps its heading (it was dropped)


def test_a_new_list_for_an_own_text_is_that_text_under_its_key(tmp_path, library):
    spec, _ = amended(tmp_path, "own text, inserted point, set")
    assert run("renew", spec, "laxhjalp-tensta-2028", "--months", 24, "--clauses", library).exit_code == 0
    data = yaml.safe_load((spec.parent / "laxhjalp-tensta-2028.yaml").read_text(encoding="utf-8"))
    assert data["texts"]["ataganden"].strip() == NEW_LIST.strip()  # not a new key that loses the section's heading
    assert "replace" not in data["outline"]
    assert data["outline"]["add"] == [{"after": "villkor/ersattning",
                                       "item": {"key": "tillagg-1-2", "heading": "Extra bidrag för sommaren"}},
                                      # what the renewal replaces (drafter/renew_replaces.py)
                                      {"into": "bakgrund", "item": "inledning/fornyad-overenskommelse@3"}]


def test_a_list_outline_keeps_the_heading_of_a_point_given_a_new_text(tmp_path, library):
    outline = [{"key": "bakgrund", "heading": "Bakgrund"},
               {"clause": "parter/parter@2", "sections": [
                   {"key": "syfte-och-mal", "heading": "Syfte och mål"}, {"key": "malgrupp", "heading": "Målgrupp"},
                   {"key": "ataganden", "heading": "Åtaganden"}]},
               "uppfoljning/aterrapportering@3",
               {"heading": "Ekonomi", "sections": ["villkor/ersattning@2"]},
               "villkor/period@3", "signering/signering@2"]
    spec, _ = amended(tmp_path, "clause point new text, repeal, budget", outline)
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    data["amendments"][0]["changes"] = [{"replace": "2.3", "text": NEW_LIST}, {"replace": "4.1", "text": "Kvartalsvis."}]
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run("renew", spec, "laxhjalp-tensta-2028", "--months", 24, "--clauses", library).exit_code == 0
    new = spec.parent / "laxhjalp-tensta-2028.yaml"
    new.write_text(new.read_text(encoding="utf-8").replace("ÅÅÅÅ-MM-DD", "2028-05-20"), encoding="utf-8")
    renewed = sections(next(d for d in _documents(new, library) if d.kind == "agreement"))
    assert renewed["2.3"][0] == "Åtaganden" and "på distans" in renewed["2.3"][1]
    assert renewed["4.1"][0] == "Ekonomiskt bidrag" and renewed["4.1"][1].split("\n")[1:] == ["Kvartalsvis."]


def test_compare_after_a_given_tillagg(tmp_path, library):
    spec, _ = amended(tmp_path, "two tillägg, the second changes the first's point")
    first = run("compare", spec, "--tillagg", 1, "--clauses", library)
    assert first.exit_code == 0, first.output
    assert "(efter tillägg nr 1)" in first.output and "betalas ut i maj" in first.output
    assert "juni" not in first.output and "föräldrar" not in first.output
    both = run("compare", spec, "--tillagg", 2, "--clauses", library)
    assert "(efter tillägg nr 1, 2)" in both.output and "föräldrar" in both.output
    missing = run("compare", spec, "--tillagg", 3, "--clauses", library)
    assert missing.exit_code == 2 and "inget tillägg nr 3" in missing.output and "Tilläggen som finns: 1, 2" in missing.output
    html = run("compare", spec, "--format", "html", "--clauses", library)
    assert html.exit_code == 0 and "<ins>" in html.output and "(utan tillägg, ej undertecknad)" in html.output


def test_one_spec_without_tillagg_or_with_lydelse_is_a_clear_message(tmp_path, library):
    data = copy.deepcopy(SPEC)
    plain = write_spec(tmp_path, data, "plain.yaml")
    result = run("compare", plain, "--clauses", library)
    assert result.exit_code == 2 and "har inga tillägg" in result.output and "Traceback" not in result.output
    spec, _ = amended(tmp_path, "own text, inserted point, set")
    result = run("compare", spec, spec, "--lydelse", "undertecknad", "--clauses", library)
    assert result.exit_code == 2 and "--lydelse" in result.output
    result = run("compare", plain, spec, "--tillagg", "1", "--clauses", library)
    assert result.exit_code == 2 and "--tillagg" in result.output


def _documents(path, library):
    from drafter.assemble import assemble_documents
    from drafter.spec.load import load_spec

    return assemble_documents(load_spec(path), ClauseLibrary(library))


def test_a_clause_point_given_a_text_is_one_changed_point_and_the_docx_resolves(tmp_path, library):
    """The jurist's view pairs points by their number, which a tillägg never changes: a clause point whose
    new wording is a text is "ändrat", not removed and added; accepting every tracked change gives the
    agreement after the tillägg, rejecting every one the signed agreement."""
    from diff.tracked_reader import accepted_text, rejected_text
    from drafter.model.text import document_text
    from readback import norm

    spec, _ = amended(tmp_path, "clause point new text, repeal, budget")
    text = run("compare", spec, "--clauses", library).output
    assert "~ 5.2 Utbetalning  (ändrat)" in text and "+ 5.2" not in text
    assert "- 2.7 [-Kommunikation om partnerskapet-]" in text  # the repealed point
    out = tmp_path / "t.docx"
    assert run("compare", spec, "--format", "docx", "-o", out, "--clauses", library).exit_code == 0
    compared = compared_documents(spec, None, "agreement", ClauseLibrary(library))
    assert accepted_text(out.read_bytes()) == norm(document_text(compared.new_doc))
    assert rejected_text(out.read_bytes()) == norm(document_text(compared.old_doc))
