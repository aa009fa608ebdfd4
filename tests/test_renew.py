"""Renewing the 2026 Street Minds agreement for 2029–2030, as an official would: `drafter renew`."""

from __future__ import annotations

import shutil

import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="drafter")


def renewed(tmp_path, edit=None):
    agreements = tmp_path / "agreements"
    agreements.mkdir()
    for spec in EXAMPLE.parent.glob("street-minds-*.yaml"):
        shutil.copy(spec, agreements / spec.name)
    if edit:
        spec = agreements / "street-minds-2026.yaml"
        spec.write_text(edit(spec.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("renew", agreements / "street-minds-2026.yaml", "street-minds-2029", "--end", "2030-12-31",
                 "--clauses", CLAUSES)
    assert result.exit_code == 0, result.output
    return agreements / "street-minds-2029.yaml", result.output


def test_the_renewal_carries_the_agreement_as_amended(tmp_path):
    path, _ = renewed(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["renews"] == "street-minds-2026.yaml"
    assert [r["amount"] for r in data["budget"]["rows"]][0] == 890000  # Tillägg nr 1's budget, not 878 000
    # The ordförande from 1 december 2026 (parties.1.representatives): the one who signs the renewal.
    old = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert old["parties"][1]["representatives"][0]["signatory"]["name"] == "Sara Ahmadi"
    assert "parties.1.signatory" not in EXAMPLE.read_text(encoding="utf-8")  # data, not an amendment
    assert data["parties"][1]["signatory"] == {"name": "Sara Ahmadi", "title": "ordförande"}
    assert "representatives" not in data["parties"][1] and "decision" not in data  # the nämnd decides anew
    assert str(data["period"]["start"]) == "2029-01-01" and str(data["period"]["end"]) == "2030-12-31"
    assert str(data["period"]["renewal"]["max_end"]) == "2032-12-31"
    assert data["document"]["date"] == "ÅÅÅÅ-MM-DD" and "amendments" not in data
    # The point Tillägg nr 1 inserted (3.2 a Brukarråd) is a section of the new agreement.
    organisation = next(item for item in data["outline"] if isinstance(item, dict)
                        and item.get("clause", "").startswith("organisation/struktur"))
    inserted = [s for s in organisation["sections"] if isinstance(s, dict) and s.get("heading") == "Brukarråd"]
    assert inserted and "brukarråd" in data["texts"][inserted[0]["key"]]
    # Every clause pinned to the version the signed agreement used: no approval moves it silently.
    assert "villkor/period@2" in path.read_text(encoding="utf-8")
    assert "min_notice_months" not in data["period"]["renewal"]  # not written when the old spec has none


def test_the_renewal_keeps_the_specs_own_notice_limit(tmp_path):
    path, _ = renewed(tmp_path, lambda text: text.replace("notice_deadline: 09-30",
                                                          "notice_deadline: 09-30\n    min_notice_months: 2"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["period"]["renewal"]["min_notice_months"] == 2


def test_the_report_lists_what_to_review_with_file_and_line(tmp_path):
    path, output = renewed(tmp_path)
    review = output.split("Läs igenom")[1].split("Beslut om klausulversioner")[0]
    lines = [line for line in review.splitlines() if line.startswith("  ")]
    stale = [line for line in lines if "2023" in line and "2025" in line]
    assert stale and all(":" in line.split()[0] for line in stale)
    assert any(line.startswith("  street-minds/bakgrund@1:") for line in stale)
    assert any("besokare_per_manad_2023" in line and f"{path.name}:" in line for line in lines)
    assert "villkor/period@2 → v3 (granskad)" in output  # a newer version to decide on, with its rationale


def test_check_warns_of_stale_years_until_the_texts_are_updated(tmp_path):
    path, _ = renewed(tmp_path)
    checked = run("check", path, "--clauses", CLAUSES)
    stale = [line for line in checked.output.splitlines() if "[stale-year]" in line]
    assert any("street-minds/bakgrund@1" in line and "2023, 2025" in line for line in stale)
    assert any("malgrupp_tidpunkt" in line and "våren 2026" in line for line in stale)
    path.write_text(path.read_text(encoding="utf-8").replace("våren 2026", "våren 2028"), encoding="utf-8")
    again = [line for line in run("check", path, "--clauses", CLAUSES).output.splitlines() if "[stale-year]" in line]
    assert not any("malgrupp_tidpunkt" in line for line in again) and len(again) == len(stale) - 1


def test_the_examples_have_no_stale_year():
    checked = run("check", EXAMPLE.parent / "street-minds-2023.yaml", EXAMPLE, "--clauses", CLAUSES)
    assert "[stale-year]" not in checked.output


def test_renew_needs_an_end_and_never_overwrites(tmp_path):
    path, _ = renewed(tmp_path)
    again = run("renew", path.parent / "street-minds-2026.yaml", "street-minds-2029", "--end", "2030-12-31",
                "--clauses", CLAUSES)
    assert again.exit_code == 2 and "finns redan" in again.output
    no_end = run("renew", path.parent / "street-minds-2026.yaml", "x-2029", "--clauses", CLAUSES)
    assert no_end.exit_code == 2 and "--end ÅÅÅÅ-MM-DD eller --months N" in no_end.output


def test_stale_year_does_not_say_the_renewed_agreements_start(tmp_path):
    # "före den förnyade överenskommelsens start (2026)" read as the new agreement, which starts 2029.
    path, _ = renewed(tmp_path)
    stale = [line for line in run("check", path, "--clauses", CLAUSES).output.splitlines() if "[stale-year]" in line]
    bakgrund = next(line for line in stale if "street-minds/bakgrund@1" in line)
    assert "före 2026 då den överenskommelse som nu förnyas började" in bakgrund
    assert "förnyade överenskommelsens" not in "\n".join(stale)


def test_a_date_figure_of_the_old_period_is_stale_until_updated(tmp_path):
    # The renewed proposal said "Den nuvarande överenskommelsen löper ut den 30 juni 2026" in a renewal
    # for 2029: renew listed the figure, check said nothing.
    path, _ = renewed(tmp_path)
    stale = [line for line in run("check", path, "--clauses", CLAUSES).output.splitlines() if "[stale-year]" in line]
    (line,) = [line for line in stale if "tidigare_overenskommelse_slut" in line]
    assert "är 30 juni 2026, före 1 juli 2026 då den överenskommelse som nu förnyas började" in line
    path.write_text(path.read_text(encoding="utf-8").replace("tidigare_overenskommelse_slut: 2026-06-30",
                                                             "tidigare_overenskommelse_slut: 2028-12-31"),
                    encoding="utf-8")
    again = run("check", path, "--clauses", CLAUSES).output
    assert "tidigare_overenskommelse_slut" not in again
