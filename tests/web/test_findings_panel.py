"""The page says what `drafter check` says: acknowledged warnings, why the checks stop at bad input, what
to do when a build is refused, and no party kind the check itself warns against."""

from __future__ import annotations

import re

from tests.web.conftest import TOKEN
from tests.web.test_app import SPEC, editor_form


def _panel(html: str) -> str:
    found = re.search(r'<section id="findings".*?</section>', html, re.S)
    assert found
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0)))


def test_an_acknowledged_warning_is_marked_and_counted_as_the_command_does(client):
    panel = _panel(client.get(f"/spec/{SPEC}").text)
    # the example acknowledges each of its five warnings (acknowledge: in the spec)
    assert "0 fel, 5 varningar (5 kvitterade)" in panel
    assert "[kvitterad: Överenskommelsen 2026 anger, som originalet, en budget för tolv månader" in panel
    assert panel.count("[kvitterad:") == 5


def test_bad_input_says_the_other_checks_wait_for_it(client):
    values = editor_form(client)
    values["parties.1.organisationsnummer"] = "802524-2878"  # wrong check digit: the spec does not load
    panel = _panel(client.post(f"/spec/{SPEC}/live", data=values).text)
    assert "1 fel" in panel and "kontrollsiffra" in panel
    assert "Specen kan inte läsas förrän felet i indata är rättat; sedan görs resten av kontrollerna." in panel


def test_a_refused_build_points_at_the_findings_on_the_page_not_at_a_command(client):
    values = editor_form(client)
    values["budget.rows.0.amount"] = "900000"
    client.post(f"/spec/{SPEC}/save", data=values)
    answer = client.post(f"/spec/{SPEC}/build", data={"csrf": TOKEN})
    assert answer.status_code == 422 and "inga dokument skrevs" in answer.text
    assert "Tips: Rätta felen (de står under Kontroller, bredvid sina fält) och bygg igen." in answer.text
    assert "drafter check" not in answer.text


def _kinds(html: str, party: int) -> list[str]:
    select = re.search(rf'<select[^>]*name="parties\.{party}\.kind"[^>]*>(.*?)</select>', html, re.S)
    assert select
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(1))


def test_a_party_is_offered_only_kinds_that_can_sign_unless_it_already_has_another(client):
    example = client.get(f"/spec/{SPEC}").text  # part 1 is Socialförvaltningen, kind förvaltning (as signed)
    assert "förvaltning" in _kinds(example, 0)
    assert not {"nämnd", "förvaltning", "stadsdelsförvaltning"} & set(_kinds(example, 1))
    client.post("/new", data={"csrf": TOKEN, "name": "forening-x-2027", "proposal": "stadsdelsnamnd"})
    fresh = client.get("/spec/forening-x-2027").text
    for party in (0, 1):
        kinds = _kinds(fresh, party)
        assert "kommun" in kinds and "ideell förening" in kinds
        assert not {"nämnd", "förvaltning", "stadsdelsförvaltning"} & set(kinds)


def test_the_new_partnership_form_does_what_drafter_new_does_with_barn_and_the_sources_kind(client, project):
    """trial4: the page could not make a partnership with children, and forced a facknämnd on --from."""
    from click.testing import CliRunner

    from drafter.cli import main

    answer = client.post("/new", data={"csrf": TOKEN, "name": "lyktan-2027", "proposal": "stadsdelsnamnd",
                                       "barn": "ja"}, follow_redirects=False)
    assert answer.status_code == 303
    made = (project / "agreements" / "lyktan-2027.yaml").read_text(encoding="utf-8")
    assert "villkor/belastningsregister" in made and "tjansteutlatande-stadsdelsnamnd" in made
    with_command = CliRunner().invoke(main, ["new", "lyktan-cli", "--proposal", "stadsdelsnamnd", "--barn",
                                             "--partnership", "lyktan",  # the page's, from lyktan-2027
                                             "--agreements", str(project / "agreements"),
                                             "--clauses", str(project / "clauses")])
    assert with_command.exit_code == 0, with_command.output
    by_command = (project / "agreements" / "lyktan-cli.yaml").read_text(encoding="utf-8")
    assert made == by_command.replace("lyktan-cli", "lyktan-2027")
    # from a spec, with no kind chosen: the kind of the spec it starts from, as `new --from` without --proposal
    client.post("/new", data={"csrf": TOKEN, "name": "fran-lyktan", "from": "lyktan-2027", "proposal": ""})
    assert "tjansteutlatande-stadsdelsnamnd" in (project / "agreements" / "fran-lyktan.yaml").read_text(encoding="utf-8")
