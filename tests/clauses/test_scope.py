"""Approvals apply to whom they say: a nämnd, or a whole kommun or region (issue 13 item 3)."""

import datetime as dt

import pytest
from click.testing import CliRunner

from checks.support import findings, library_with, of, spec_file
from drafter.cli import main
from drafter.clauses.front_matter import Approval
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.lock import update_lock
from drafter.clauses.scope import Scope, scope_of
from helpers import example_data

SOCIALNAMNDEN = "approval: {by: Socialnämnden i Stockholms stad, date: 2026-05-01}\n"


def norrmalm(data: dict) -> dict:
    """The example with Norrmalms stadsdelsnämnd (Stockholms stad) as the public party."""
    data["parties"][0] = {"name": "Stockholms stad", "sector": "offentlig", "kind": "kommun",
                          "organisationsnummer": "212000-0142", "committee": "Norrmalms stadsdelsnämnd",
                          "administration": "Norrmalms stadsdelsförvaltning",
                          "signatory": {"name": "Karin Ek", "title": "stadsdelsdirektör",
                                        "signs_for": "Norrmalms stadsdelsnämnd"}}
    return data


def library(tmp_path):
    """The library plus test/klausul@1, fastställd by Socialnämnden i Stockholms stad, in the lock."""
    root = library_with(tmp_path, {})
    folder = root / "test" / "klausul"
    folder.mkdir(parents=True)
    (folder / "v1.md").write_text("---\nheading: Test\nversion: 1\nstatus: fastställd\n" + SOCIALNAMNDEN
                                  + "rationale: Test.\n---\nText.\n", encoding="utf-8")
    update_lock(ClauseLibrary(root))
    return root


def by_clause(found, code: str) -> dict[str, tuple]:
    """{clause ref: (finding, message)} of every finding with `code`, one by one (a grouped one's details too)."""
    out = {}
    for f in of(found, code):
        for d in f.details or [{"clause": f.message.split(" ", 2)[1], "message": f.message}]:
            out[d["clause"]] = (f, d["message"])
    return out


def unapproved_refs(found) -> dict[str, str]:
    return {ref: message for ref, (_, message) in by_clause(found, "clause-unapproved").items()}


@pytest.mark.parametrize(("by", "organisation", "committee"), [
    ("Socialnämnden i Stockholms stad", "Stockholms stad", "Socialnämnden"),
    ("Socialnämnden i Stockholms stad (överenskommelsen med Street Minds 2026)", "Stockholms stad", "Socialnämnden"),
    ("Kommunfullmäktige i Åsby kommun", "Åsby kommun", None),
    ("Region Exempelland", "Region Exempelland", None),
    ("Socialnämnden", None, "Socialnämnden"),
])
def test_old_front_matter_reads_its_scope_from_by(by, organisation, committee):
    assert scope_of(Approval(by=by, date=dt.date(2026, 1, 1))) == Scope(organisation, committee)


def test_a_nämnd_scope_and_a_kommun_scope():
    social = Scope("Stockholms stad", "socialnämnden")
    kommun = Scope("Stockholms stad", None)
    assert social.covers(Scope("Stockholms stad", "Socialnämnden i Stockholms stad"))
    assert not social.covers(Scope("Stockholms stad", "Norrmalms stadsdelsnämnd"))
    assert not social.covers(Scope("Sundbybergs stad", "socialnämnden"))
    assert kommun.covers(Scope("Stockholms stad", "Norrmalms stadsdelsnämnd"))
    assert kommun.covers(Scope("Stockholms stad", None))
    assert not kommun.covers(Scope("Sundbybergs stad", "socialnämnden"))


def test_norrmalm_gets_clause_unapproved_until_stockholms_stad_approves(tmp_path, monkeypatch):
    clauses = library(tmp_path)
    data = example_data()
    data["outline"].append("test/klausul@1")
    street_minds = spec_file(tmp_path, data, "street-minds.yaml")
    spec = spec_file(tmp_path, norrmalm(example_data()) | {"outline": data["outline"]}, "norrmalm.yaml")
    assert "test/klausul@1" not in unapproved_refs(findings(street_minds, clauses))

    message = unapproved_refs(findings(spec, clauses))["test/klausul@1"]
    assert ("Klausulen test/klausul@1 (Test) är fastställd av Socialnämnden i Stockholms stad 2026-05-01 för "
            "Socialnämnden i Stockholms stad, inte för den offentliga parten här (Norrmalms stadsdelsnämnd i "
            "Stockholms stad)") in message
    assert "drafter clauses approve test/klausul@1" in message and '--för "Stockholms stad"' in message

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["clauses", "approve", "test/klausul@1", "--av", "Kommunfullmäktige i Stockholms stad",
                                       "--för", "Stockholms stad", "--datum", "2026-06-10", "--paragraf", "§ 14",
                                       "--dnr", "KS 2026/118", "--clauses", str(clauses)])
    assert result.exit_code == 0, result.output
    assert ("test/klausul@1 fastställd av Kommunfullmäktige i Stockholms stad 2026-06-10 (§ 14, dnr KS 2026/118) "
            "för hela Stockholms stad") in result.output
    assert "test/klausul@1" not in unapproved_refs(findings(spec, clauses))
    assert "test/klausul@1" not in unapproved_refs(findings(street_minds, clauses))
    text = (clauses / "test" / "klausul" / "v1.md").read_text(encoding="utf-8")
    assert text.endswith("---\nText.\n")  # the approved text is untouched; the lock still matches it
    assert of(findings(spec, clauses), "clause-text-changed") == []


def test_approving_again_for_whom_it_already_applies_is_refused(tmp_path):
    clauses = library(tmp_path)
    result = CliRunner().invoke(main, ["clauses", "approve", "test/klausul@1", "--av", "Socialnämnden i Stockholms stad",
                                       "--clauses", str(clauses)])
    assert result.exit_code == 1 and "redan fastställd för socialnämnden i Stockholms stad" in result.output


def test_a_nämnd_without_its_kommun_is_bad_input(tmp_path):
    clauses = library(tmp_path)
    result = CliRunner().invoke(main, ["clauses", "approve", "test/klausul@1", "--av", "Norrmalms stadsdelsnämnd",
                                       "--för-nämnd", "Norrmalms stadsdelsnämnd", "--clauses", str(clauses)])
    assert result.exit_code == 2 and "--för-nämnd behöver också --för" in result.output


def test_approval_after_a_final_documents_date(tmp_path):
    clauses = library(tmp_path)
    data = example_data()
    data["document"]["status"] = "slutlig"
    data["outline"].append("test/klausul@1")
    data["document"]["date"] = dt.date(2026, 4, 1)  # before the approval 2026-05-01
    f, message = by_clause(findings(spec_file(tmp_path, data), clauses), "clause-approved-after-date")["test/klausul@1"]
    assert f.severity == "warning" and f.document == "agreement"
    assert "fastställdes 2026-05-01 (Socialnämnden i Stockholms stad), efter dokumentets datum 2026-04-01" in message
    assert all(f.document == "agreement" for f in of(findings(spec_file(tmp_path, data), clauses),
                                                     "clause-approved-after-date"))  # a proposal precedes the decision
    data["document"]["date"] = dt.date(2026, 5, 1)  # the same day: approved when signed
    assert "test/klausul@1" not in by_clause(findings(spec_file(tmp_path, data), clauses), "clause-approved-after-date")
    data["document"]["status"] = "utkast"  # a draft is not signed yet: its date is a plan
    data["document"]["date"] = dt.date(2026, 4, 1)
    assert of(findings(spec_file(tmp_path, data), clauses), "clause-approved-after-date") == []


def test_the_2023_agreement_is_told_its_library_versions_were_approved_in_2026():
    from checks.support import EXAMPLE

    (f,) = of(findings(EXAMPLE.parent / "street-minds-2023.yaml"), "clause-approved-after-date")
    assert f.severity == "warning" and "efter dokumentets datum 2023-07-01" in f.message
    assert "villkor/sekretess@1" in f.message and len(f.details) > 10  # one finding, each version in JSON


def test_a_plain_id_resolves_to_the_newest_version_approved_for_the_spec(tmp_path):
    """v1 approved for all of Stockholms stad, v2 only for socialnämnden: Norrmalm gets v1, Street Minds v2."""
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec

    clauses = library(tmp_path)
    (clauses / "test" / "klausul" / "v1.md").write_text(
        "---\nheading: Test\nversion: 1\nstatus: fastställd\napproval: {by: Kommunfullmäktige i Stockholms stad, "
        "date: 2026-04-01}\nrationale: Test.\n---\nText.\n", encoding="utf-8")
    (clauses / "test" / "klausul" / "v2.md").write_text(
        "---\nheading: Test\nversion: 2\nstatus: fastställd\n" + SOCIALNAMNDEN + "rationale: Test.\n---\nNy text.\n",
        encoding="utf-8")
    data = example_data()
    data["outline"].append("test/klausul")
    specs = {"street-minds": spec_file(tmp_path, data, "street-minds.yaml"),
             "norrmalm": spec_file(tmp_path, norrmalm(example_data()) | {"outline": data["outline"]}, "norrmalm.yaml")}
    used = {}
    for name, path in specs.items():
        (agreement, *_) = prepare(load_spec(path), ClauseLibrary(clauses)).documents
        used[name] = [s.clause.version for s in agreement.walk_sections() if s.clause and s.clause.id == "test/klausul"]
    assert used == {"street-minds": [2], "norrmalm": [1]}


@pytest.mark.parametrize(("approved_for", "party", "same"), [
    ("Sundbyberg", "Sundbybergs stad", True),
    ("Sundbybergs kommun", "Sundbybergs stad", True),
    ("Stockholms stad", "stockholms  stad", True),
    ("Borås", "Borås stad", True),
    ("Region Stockholm", "Stockholms stad", False),  # a region is another legal person than its kommun
    ("Solna stad", "Sundbybergs stad", False),
    ("Stockholm", "Sundbybergs stad", False),
])
def test_a_kommun_is_matched_on_its_name_stem(approved_for, party, same):
    assert Scope(approved_for, None).covers(Scope(party, "Kultur- och fritidsnämnden")) is same
    assert Scope(approved_for, "Kultur- och fritidsnämnden").covers(
        Scope(party, f"Kultur- och fritidsnämnden i {party}")) is same


def test_by_naming_the_kommun_without_stad_covers_sundbybergs_stad(tmp_path):
    """`--av "… i Sundbyberg"` writes organisation Sundbyberg: it applies in Sundbybergs stad, never in Solna."""
    clauses = library(tmp_path)
    folder = clauses / "test" / "klausul"
    (folder / "v2.md").write_text("---\nheading: Test\nversion: 2\nstatus: granskad\nrationale: Test.\n---\nNy.\n",
                                  encoding="utf-8")
    result = CliRunner().invoke(main, ["clauses", "approve", "test/klausul@2", "--av",
                                       "Kultur- och fritidsnämnden i Sundbyberg", "--clauses", str(clauses)])
    assert result.exit_code == 0, result.output
    (approval,) = ClauseLibrary(clauses).get("test/klausul@2").meta.all_approvals
    assert scope_of(approval).covers(Scope("Sundbybergs stad", "Kultur- och fritidsnämnden"))
    assert not scope_of(approval).covers(Scope("Solna stad", "Kultur- och fritidsnämnden"))


def test_a_new_approval_whose_kommun_cannot_be_told_is_bad_input(tmp_path):
    """A bare organ would apply to the nämnd of that name in every kommun: refused, with the way out."""
    clauses = library(tmp_path)
    (clauses / "test" / "klausul" / "v2.md").write_text(
        "---\nheading: Test\nversion: 2\nstatus: granskad\nrationale: Test.\n---\nNy.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in clauses.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["clauses", "approve", "test/klausul@2", "--av", "Kultur- och fritidsnämnden",
                                       "--clauses", str(clauses)])
    assert result.exit_code == 2, result.output
    assert "Det går inte att se vilken kommun eller region 'Kultur- och fritidsnämnden' hör till" in result.output
    # the example is the library's own kommun (husstil.yaml), never another one
    assert '--för "Stockholms stad"' in result.output and "Traceback" not in result.output
    assert '--av "Kultur- och fritidsnämnden i Stockholms stad"' in result.output
    assert {p: p.read_bytes() for p in clauses.rglob("*") if p.is_file()} == before
    ok = CliRunner().invoke(main, ["clauses", "approve", "test/klausul@2", "--av", "Kultur- och fritidsnämnden",
                                   "--för", "Sundbybergs stad", "--clauses", str(clauses)])
    assert ok.exit_code == 0 and "för kultur- och fritidsnämnden i Sundbybergs stad;" in ok.output, ok.output  # not "hela"


def test_without_a_house_style_the_example_names_no_kommun(tmp_path):
    clauses = library(tmp_path)
    (clauses / "husstil.yaml").unlink()
    result = CliRunner().invoke(main, ["clauses", "approve", "test/klausul@1", "--av", "Rinkeby-Kista stadsdelsnämnd",
                                       "--clauses", str(clauses)])
    assert result.exit_code == 2 and "Sundbyberg" not in result.output, result.output
    assert "Ange --för med kommunens eller regionens namn" in result.output
    assert '--av "Rinkeby-Kista stadsdelsnämnd i [kommunen]"' in result.output


def test_an_old_approval_naming_only_its_organ_still_loads(tmp_path):
    """Front matter written before: a spec that builds today builds tomorrow."""
    clauses = library(tmp_path)
    (clauses / "test" / "klausul" / "v1.md").write_text(
        "---\nheading: Test\nversion: 1\nstatus: fastställd\napproval: {by: Socialnämnden, date: 2026-05-01}\n"
        "rationale: Test.\n---\nText.\n", encoding="utf-8")
    (approval,) = ClauseLibrary(clauses).get("test/klausul@1").meta.all_approvals
    assert scope_of(approval) == Scope(None, "Socialnämnden")
    assert scope_of(approval).covers(Scope("Stockholms stad", "Socialnämnden"))
