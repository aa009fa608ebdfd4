import pytest

from drafter.assemble.agreement import assemble_agreement
from drafter.clauses.library import ClauseLibrary
from drafter.errors import DrafterError
from drafter.model.nodes import SignatureBlock, Table
from drafter.model.text import document_text, inline_text
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, example_data, write_spec
from similarity import AGREEMENT_2026, similarity, strip_markup

NB = "\u00a0"


def build_model(path=EXAMPLE):
    return assemble_agreement(load_spec(path), ClauseLibrary(CLAUSES))


def test_street_minds_sections_are_unique_and_in_order():
    doc = build_model()
    labels = [s.label for s in doc.walk_sections()]
    assert labels == ["1.", "1.1", "2.", *[f"2.{i}" for i in range(1, 9)], "3.", "3.1", "3.2", "4.", "4.1", "5.",
                      *[f"5.{i}" for i in range(1, 11)], "6."]
    headings = {s.label: s.heading for s in doc.walk_sections()}
    assert headings["2.2"] == "Socialnämndens uppdrag"
    assert headings["2.3"] == "Street Minds uppdrag och verksamhet"
    assert headings["5.9"] == "Oenighet mellan parterna"


def test_budget_table_sum_is_computed_from_rows(tmp_path):
    doc = build_model()
    (table,) = [b for s in doc.walk_sections() for b in s.blocks if isinstance(b, Table)]
    assert [inline_text(row[1]) for row in table.rows] == [f"878{NB}000", "0", "0", f"57{NB}000", f"45{NB}000",
                                                           f"20{NB}000"]
    assert inline_text(table.total[1]) == f"1{NB}000{NB}000"

    data = example_data()
    data["budget"]["rows"][0]["amount"] = 900_000
    doc = build_model(write_spec(tmp_path, data))
    (table,) = [b for s in doc.walk_sections() for b in s.blocks if isinstance(b, Table)]
    assert inline_text(table.total[1]) == f"1{NB}022{NB}000"


def test_every_date_and_figure_comes_from_the_spec(tmp_path):
    data = example_data()
    data["period"]["end"] = "2027-06-30"
    data["figures"]["brukare_bostad_forst"] = 171
    text = document_text(build_model(write_spec(tmp_path, data)))
    assert "till och med 30 juni 2027" in text
    assert "det 171 brukare inskrivna" in text


def test_cross_reference_names_the_computed_point():
    text = document_text(build_model())
    assert "redan utbetalda medel enligt punkt 5.7." in text


def test_missing_signatory_name_gives_namnförtydligande():
    doc = build_model()
    (block,) = [b for s in doc.walk_sections() for b in s.blocks if isinstance(b, SignatureBlock)]
    assert [(s.signs_for, s.name, s.title) for s in block.signatories] == [
        ("För socialnämnden i Stockholms stad", "Veronica Carstorp Wolgast", "socialdirektör"),
        ("För Street Minds", None, "ordförande"),
    ]


def test_model_text_reproduces_the_2026_agreement():
    seed = strip_markup(AGREEMENT_2026.read_text(encoding="utf-8"))
    assert similarity(seed, document_text(build_model())) >= 0.97


def test_unknown_clause_in_outline_names_the_spec_line(tmp_path):
    data = example_data()
    data["outline"][1]["sections"][0] = "parter/utgangspunk"
    path = write_spec(tmp_path, data)
    with pytest.raises(DrafterError) as caught:
        build_model(path)
    err = caught.value
    assert err.exit_code == 1 and err.hint == "Menade du 'parter/utgangspunkt'?"
    assert "parter/utgangspunk" in path.read_text().splitlines()[err.where.line - 1]


def test_reference_to_a_clause_left_out_is_an_error(tmp_path):
    data = example_data()
    data["outline"][4]["sections"].remove("villkor/aterkrav")
    with pytest.raises(DrafterError, match="villkor/aterkrav"):
        build_model(write_spec(tmp_path, data))
