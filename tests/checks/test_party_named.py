"""`drafter check` names the party of a field as the official counts it: `parties.1` is "part 2, Street
Minds" (field paths count from 0, the web form's "Part 2" from 1). The path and "where" stay for tools."""

import json
import re

from click.testing import CliRunner

from checks.support import spec_file
from drafter.cli import main
from helpers import CLAUSES, example_data


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args), "--clauses", str(CLAUSES)])


def line_of(spec, text: str) -> int:
    return next(i for i, row in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if text in row)


def test_a_wrong_check_digit_on_the_second_party_names_part_2(tmp_path):
    data = example_data()
    data["parties"][1]["organisationsnummer"] = "802524-2878"
    spec = spec_file(tmp_path, data)
    result = run(spec)
    assert result.exit_code == 2
    line = line_of(spec, "802524-2878")
    assert re.search(rf"^fel: {re.escape(str(spec))}:{line}:\d+ \(fält parties\.1\.organisationsnummer – part 2, "
                     r"Street Minds\): Organisationsnumret 802524-2878 har fel kontrollsiffra\.$", result.stderr, re.M)


def test_an_organisationsnummer_of_the_wrong_group_on_the_second_party_names_part_2(tmp_path):
    """A finding (exit 1): its line says the party, its JSON keeps "where" and adds "party"."""
    data = example_data()
    data["parties"][1]["organisationsnummer"] = "556036-0793"  # an aktiebolag's, for an ideell förening
    spec = spec_file(tmp_path, data)
    result = run(spec)
    assert result.exit_code == 1
    line = line_of(spec, "556036-0793")
    (found,) = [row for row in result.output.splitlines() if row.startswith("fel [orgnr-invalid]")]
    assert found.startswith(f"fel [orgnr-invalid] {spec}:{line} (part 2, Street Minds): Street Minds är angiven som "
                            "ideell förening")
    data = json.loads(run(spec, "--format", "json").output)["findings"]
    (finding,) = [f for f in data if f["code"] == "orgnr-invalid"]
    assert finding["where"] == f"{spec}:{line}"  # unchanged: tools and the web page read it
    assert finding["party"] == {"number": 2, "name": "Street Minds", "path": "parties.1"}


def test_a_missing_signatory_on_the_first_party_names_part_1(tmp_path):
    data = example_data()
    del data["parties"][0]["signatory"]
    spec = spec_file(tmp_path, data)
    result = run(spec)
    assert result.exit_code == 2
    line = line_of(spec, "- name: Socialförvaltningen")
    assert re.search(rf"^fel: {re.escape(str(spec))}:{line}:\d+ \(fält parties\.0 – part 1, Socialförvaltningen\): "
                     "Parten behöver en undertecknare", result.stderr, re.M)


def test_a_first_party_signatory_signing_for_another_kommun_names_part_1(tmp_path):
    data = example_data()
    data["parties"][0]["signatory"]["signs_for"] = "socialnämnden i Solna stad"
    spec = spec_file(tmp_path, data)
    line = line_of(spec, "signs_for: socialnämnden i Solna stad")
    (found,) = [row for row in run(spec).output.splitlines() if "[party-signs-for]" in row]
    assert f"{spec}:{line} (part 1, Socialförvaltningen): " in found


def test_a_budget_row_error_names_no_party(tmp_path):
    data = example_data()
    data["budget"]["rows"][1]["amount"] = "12,000 kr"
    spec = spec_file(tmp_path, data)
    result = run(spec)
    assert result.exit_code == 2
    line = line_of(spec, "12,000 kr")
    assert f"fel: {spec}:{line}:" in result.stderr
    assert "(fält budget.rows.1.amount): Värdet '12,000 kr' ska vara ett heltal" in result.stderr
    assert "part " not in result.stderr


def test_a_budget_finding_names_no_party_in_text_or_json(tmp_path):
    data = example_data()
    data["budget"]["total"] = 5
    spec = spec_file(tmp_path, data)
    (found,) = [row for row in run(spec).output.splitlines() if "[budget-sum]" in row]
    assert found.startswith(f"fel [budget-sum] {spec}:{line_of(spec, 'total: 5')}: Angiven summa")
    findings = json.loads(run(spec, "--format", "json").output)["findings"]
    (finding,) = [f for f in findings if f["code"] == "budget-sum"]
    assert "party" not in finding


def test_a_summarised_info_line_names_the_party_of_its_first_place():
    from drafter.checks.finding import Finding
    from drafter.checks.summary import summary_lines
    from drafter.errors import PartyRef

    first = Finding("plain-word", "info", "Klarspråk: …", "x.yaml:30", "agreement", party=PartyRef(1, "Street Minds"))
    second = Finding("plain-word", "info", "Klarspråk: …", "x.yaml:40", "agreement")
    (line,) = summary_lines([("x.yaml", first), ("x.yaml", second)])
    assert "2 ställen i överenskommelsen (visa alla med --alla); det första, x.yaml:30 (part 2, Street Minds): " in line
    assert summary_lines([("x.yaml", first), ("x.yaml", second)], every=True)[1] == \
        "info [plain-word] x.yaml:40 (överenskommelsen): Klarspråk: …"
