"""termination-missing: an agreement with neither an uppsägning nor a hävning (trial 10: the 2027
Ljusglimten agreement, "tills vidare" struck from its giltighetstid, kept no way to end it early)."""

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, example_data


def test_examples_say_how_they_end():
    assert of(findings(EXAMPLE), "termination-missing") == []
    assert of(findings(EXAMPLE.parent / "street-minds-2023.yaml"), "termination-missing") == []


def fixed_term(tmp_path, outline):
    data = example_data()
    data["period"].pop("renewal")
    data["outline"] = outline
    return spec_file(tmp_path, data)


def test_neither_uppsagning_nor_havning_is_a_warning(tmp_path):
    spec = fixed_term(tmp_path, ["parter/parter", "villkor/ersattning", "villkor/aterkrav"])
    (f,) = of(findings(spec), "termination-missing")
    assert f.severity == "warning" and f.document == "agreement"
    assert "varken en punkt om uppsägning eller om hävning" in f.message and "villkor/havning" in f.message
    assert f.where == line_of(spec, "parter/parter", after="outline:")  # the outline's first item


def test_a_havning_presupposed_is_no_right_to_it():
    from drafter.checks.termination import _grants_an_ending

    assert not _grants_an_ending("Vid hävning från socialförvaltningen kan föreningen bli återbetalningsskyldig.")
    assert not _grants_an_ending("Detsamma gäller bidrag för tiden efter att överenskommelsen har hävts.")
    assert _grants_an_ending("En part får häva överenskommelsen med omedelbar verkan om …")
    assert _grants_an_ending("Kommunen har rätt att med omedelbar verkan häva överenskommelsen.")
    assert _grants_an_ending("Överenskommelsen kan sägas upp med tre månaders uppsägningstid.")


def test_a_havning_clause_is_enough_for_a_fixed_term(tmp_path):
    spec = fixed_term(tmp_path, ["parter/parter", "villkor/ersattning", "villkor/aterkrav", "villkor/havning"])
    assert of(findings(spec), "termination-missing") == []
