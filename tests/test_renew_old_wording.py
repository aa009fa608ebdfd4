"""Renewing an agreement whose own words say what is false of the new one (trial 9): it ran "tills vidare"
after its period with no renewal in its spec, it names the place and date it was signed, and its nämnd's
chair signed it before a general election. `drafter renew` invents no notice day and lists each under
Att göra."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE

TILLS_VIDARE = ("Denna överenskommelse gäller från och med {{ period.start | datum }} till och med "
                "{{ period.end | datum }} och löper därefter tills vidare.")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="drafter")


def old_agreement(tmp_path, giltighet: str = TILLS_VIDARE, signed_on: str = "2023-06-12"):
    """The 2023 example as an import leaves a signed agreement: no renewal in the spec, a period clause of its
    own, a signing line typed in a clause; the kommun's signatory is the nämnd's chair."""
    clauses = tmp_path / "clauses"
    shutil.copytree(CLAUSES, clauses)
    for clause_id, body in (("street-minds/giltighet", giltighet),
                            ("street-minds/underskrift", "Stockholm den 12 juni 2023"),
                            ("street-minds/beslut", "1. att ingå idéburet offentligt partnerskap med {{ partner.name }}.")):
        (clauses / clause_id).mkdir(parents=True)
        (clauses / clause_id / "v1.md").write_text(
            "---\nheading: Test\nversion: 1\nstatus: fastställd\napproval: {by: Socialnämnden, date: 2023-06-01}\n"
            f"rationale: Test.\npartnership: street-minds\n---\n{body}\n", encoding="utf-8")
    data = yaml.safe_load((EXAMPLE.parent / "street-minds-2023.yaml").read_text(encoding="utf-8"))
    data.pop("renews", None)
    data["period"].pop("renewal")
    data["document"]["date"] = dt.date.fromisoformat(signed_on)
    data["parties"][0]["signatory"] = {"name": "Karin Bergqvist", "title": "ordförande, socialnämnden"}
    data["outline"] += ["street-minds/giltighet", "street-minds/underskrift"]
    data["proposal"]["outline"].append("street-minds/beslut")
    agreements = tmp_path / "agreements"
    agreements.mkdir()
    spec = agreements / "old.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec, clauses


def test_a_tills_vidare_agreement_renews_from_a_later_start_without_a_notice_day(tmp_path):
    spec, clauses = old_agreement(tmp_path)
    ends = yaml.safe_load(spec.read_text(encoding="utf-8"))["period"]["end"]
    assert ends == dt.date(2024, 6, 30)
    result = run("renew", spec, "new", "--start", "2027-01-01", "--end", "2028-12-31", "--clauses", clauses)
    assert result.exit_code == 0, result.output
    new = yaml.safe_load((spec.parent / "new.yaml").read_text(encoding="utf-8"))
    assert new["renews_ends"] == dt.date(2026, 12, 31) and "renewal" not in new["period"]
    todo = result.output.split("Att göra")[1].split("Att känna till")[0]
    first = todo.splitlines()[1]
    assert "old.yaml löper enligt sin text tills vidare" in first and "31 december 2026" in first.replace("\u00a0", " ")
    assert "drafter anger ingen uppsägningsdag" in first and "notice_deadline" not in new["period"]
    # what the clauses still say of the old agreement: to do, not only to know
    assert "street-minds/underskrift@1" in todo and "\"Stockholm den 12 juni 2023\"" in todo
    assert "street-minds/giltighet@1" in todo and "löper tills vidare" in todo
    # the tjänsteutlåtande that proposed the first agreement
    assert "street-minds/beslut@1" in todo and "som om det vore nytt" in todo
    # the chair who signed in 2023 signs again after the 2026 election: to confirm
    assert "allmänna val den 13 september 2026" in todo.replace("\u00a0", " ")
    assert "kommunallagen 5 kap. 9 §" in todo and "socialnämndens ordförande" in todo

    checked = run("check", spec.parent / "new.yaml", "--clauses", clauses, "--format", "json")
    codes = {f["code"] for f in json.loads(checked.output)["findings"]}
    assert "prose-mismatch" in codes  # the clauses still say it; the periods themselves follow on
    assert "period-continuity" not in codes


def test_without_tills_vidare_the_old_agreement_ends_with_its_period(tmp_path):
    spec, clauses = old_agreement(tmp_path, giltighet="Denna överenskommelse gäller till och med "
                                                      "{{ period.end | datum }}.")
    result = run("renew", spec, "new", "--start", "2027-01-01", "--end", "2028-12-31", "--clauses", clauses)
    assert result.exit_code == 2
    assert "Den nya perioden kan inte börja 1 januari 2027" in result.output.replace("\u00a0", " ")
    assert not (spec.parent / "new.yaml").exists()


def test_no_election_between_no_mandate_line(tmp_path):
    spec, clauses = old_agreement(tmp_path, signed_on="2022-12-01")
    result = run("renew", spec, "new", "--start", "2024-07-01", "--end", "2025-06-30", "--clauses", clauses)
    assert result.exit_code == 0, result.output
    assert "allmänna val" not in result.output
