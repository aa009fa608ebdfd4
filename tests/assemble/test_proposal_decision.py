"""The proposal's "förslag till beslut" takes its figures from the nämnd's decision (`decision:`):
the same ceiling and delegation the checks judge every tillägg by."""

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.model.text import block_lines
from drafter.spec.load import load_spec
from helpers import CLAUSES, example_data, write_spec

NB = "\u00a0"


def decision_points(tmp_path, data: dict, version: int = 3) -> list[str]:
    data["proposal"]["outline"][0] = f"tjansteutlatande/forslag-till-beslut@{version}"
    path = write_spec(tmp_path, data, f"v{version}.yaml")
    proposal = next(d for d in assemble_documents(load_spec(path), ClauseLibrary(CLAUSES)) if d.kind == "proposal")
    return [line for block in proposal.sections[0].blocks for line in block_lines(block)]


def test_the_points_state_the_decision_ceiling_and_delegation(tmp_path):
    points = decision_points(tmp_path, example_data())
    assert f"Socialnämnden beviljar ett bidrag till partnerskapet om högst 1{NB}000{NB}000{NB}kr per år." in points[1]
    assert points[2] == "3. Socialnämnden uppdrar åt socialdirektören att underteckna överenskommelsen."
    assert points[3] == ("4. Socialnämnden delegerar till socialdirektören att besluta om ändringar av åtagandena och "
                         "överenskommelsens text och budgetens fördelning inom ramen för punkt 1 och 2. Besluten "
                         "anmäls till socialnämnden.")
    assert len(points) == 4


def test_a_ceiling_for_the_whole_period_and_every_matter(tmp_path):
    data = example_data()
    data["decision"]["ceiling"] = {"amount": 2500000, "per": "hela perioden"}
    data["decision"]["delegations"] = [{"to": "avdelningschefen"}]
    points = decision_points(tmp_path, data)
    assert f"om högst 2{NB}500{NB}000{NB}kr för hela perioden." in points[1]
    assert points[3] == ("4. Socialnämnden delegerar till avdelningschefen att besluta om ändringar av åtagandena och "
                         "överenskommelsens text, budgetens fördelning och perioden inom ramen för punkt 1 och 2. Besluten "
                         "anmäls till socialnämnden.")


def test_without_a_decision_the_points_read_as_version_2(tmp_path):
    data = example_data()
    del data["decision"]
    assert decision_points(tmp_path, data) == decision_points(tmp_path, data, version=2)
