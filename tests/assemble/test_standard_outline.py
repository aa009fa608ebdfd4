"""A spec that names a standard outline and changes only what differs."""

import pytest

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.errors import DrafterError
from drafter.model.text import document_text
from drafter.spec.load import load_spec
from helpers import CLAUSES, example_data, write_spec


def agreement(tmp_path, outline, texts=None):
    data = example_data()
    data["outline"] = outline
    data["texts"] = texts or {}
    data.pop("proposal")
    return assemble_documents(load_spec(write_spec(tmp_path, data)), ClauseLibrary(CLAUSES))[0]


def headings(doc):
    return [f"{s.label} {s.heading}" for s in doc.walk_sections()]


def test_standard_outline_with_texts_from_the_spec(tmp_path):
    doc = agreement(tmp_path, {"standard": "overenskommelse"},
                    {"bakgrund": "Föreningen har funnits sedan 2019.\n\nDen driver en öppen verksamhet.",
                     "malgrupp": "- unga vuxna\n- deras familjer"})
    assert headings(doc)[:2] == ["1. Bakgrund", "2. Parter"]
    text = document_text(doc)
    assert "Föreningen har funnits sedan 2019.\nDen driver en öppen verksamhet." in text
    assert "unga vuxna\nderas familjer" in text
    assert "[Skriv syfte och mål här]" in text  # a text not yet written keeps its placeholder


def test_remove_replace_add_and_move_by_name(tmp_path):
    doc = agreement(tmp_path, {
        "standard": "overenskommelse",
        "remove": ["parter/informationsspridning"],
        "replace": {"villkor/period": "villkor/period@1"},
        "add": [{"after": "villkor/forsakring", "item": {"key": "personuppgifter", "heading": "Personuppgifter"}},
                {"into": "organisation/struktur", "item": "organisation/samverkansgrupp"}],
        "move": [{"section": "villkor/oenighet", "after": "villkor/andringar"}],
    }, {"personuppgifter": "Parterna behandlar personuppgifter enligt dataskyddsförordningen."})
    found = headings(doc)
    assert "2.8 Informationsspridning" not in found and not any("Informationsspridning" in h for h in found)
    assert found[found.index("5.4 Ändringar och tillägg") + 1] == "5.5 Oenighet mellan parterna"
    assert found[-2:] == ["5.11 Personuppgifter", "6. Signering av överenskommelsen"]
    period = next(s for s in doc.walk_sections() if s.clause and s.clause.id == "villkor/period")
    assert period.clause.version == 1
    assert [s.heading for s in doc.sections[2].sections][-1] == "Samverkansgruppen"


def test_unknown_names_point_at_the_spec_line(tmp_path):
    with pytest.raises(DrafterError) as caught:
        agreement(tmp_path, {"standard": "overenskommelse", "remove": ["villkor/oenighe"]})
    assert "Menade du 'villkor/oenighet'?" == caught.value.hint
    assert caught.value.where.field == "outline.remove.0"
    with pytest.raises(DrafterError, match="Standardmallen 'overenskomelse' finns inte"):
        agreement(tmp_path, {"standard": "overenskomelse"})


def test_a_keyed_section_without_text_is_an_error(tmp_path):
    with pytest.raises(DrafterError, match="har ingen text") as caught:
        agreement(tmp_path, {"standard": "overenskommelse",
                             "add": [{"after": "bakgrund", "item": {"key": "ekonomi", "heading": "Ekonomi"}}]})
    assert caught.value.where.field.startswith("outline.add.0.item")
