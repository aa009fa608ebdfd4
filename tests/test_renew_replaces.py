"""A renewal that says what it replaces (trial 12): Aros Seniorträff 2027–2029 could be extended to 2031 and
was renewed with --start 2030-01-01. Nothing in the renewed documents said the new agreement replaces the
old one, and `drafter check` did not say that the old one runs on unless it is sagt upp by 30 September
2029 — both could have been paid for 2030."""

from __future__ import annotations

import json

import docx
import yaml

from checks.aros import edit, renewed, run


def ending(spec, clauses):
    checked = run("check", spec, "--clauses", clauses, "--format", "json")
    return [f for f in json.loads(checked.output)["findings"] if f["code"] == "renewal-ending"]


def text_of(path) -> str:
    return " ".join(" ".join(p.text for p in docx.Document(str(path)).paragraphs).split())


def test_renew_brings_the_versions_that_say_what_it_replaces(tmp_path):
    spec, clauses = renewed(tmp_path)
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    assert data["outline"]["add"] == [{"into": "bakgrund", "item": "inledning/fornyad-overenskommelse@3"}]
    assert data["proposal"]["outline"]["replace"] == {
        "tjansteutlatande/giltighetstid": "tjansteutlatande/giltighetstid@3",
        "tjansteutlatande/forslag-till-beslut": "tjansteutlatande/forslag-till-beslut@7"}
    out = tmp_path / "out"
    built = run("build", spec, "--clauses", clauses, "--output", out, "--format", "docx")
    assert built.exit_code == 0, built.output
    agreement = text_of(next(out.rglob("*-overenskommelse.docx")))
    # trial14: which agreement, by its date and diarienummer (aros-seniorer-2027.yaml's document:)
    assert ("Den ersätter från och med den 1 januari 2030 parternas tidigare överenskommelse daterad den "
            "20 november 2026 (dnr ÄN 2026/0311), som upphör den 31 december 2029.") in agreement.replace("\u00a0", " ")
    proposal = text_of(next(out.rglob("*-tjansteutlatande.docx"))).replace("\u00a0", " ")
    assert ("Den nya överenskommelsen ersätter från och med den 1 januari 2030 den nuvarande överenskommelsen "
            "mellan parterna, daterad den 20 november 2026 (dnr ÄN 2026/0311), som upphör den 31 december 2029."
            ) in proposal


def test_the_renew_report_names_them_to_know(tmp_path):
    spec, clauses = renewed(tmp_path)
    again = run("renew", spec.with_name("aros-seniorer-2027.yaml"), "aros-seniorer-2030b", "--start", "2030-01-01",
                "--end", "2031-12-31", "--clauses", clauses)
    known = again.output.split("Att känna till")[1]
    assert "inledning/fornyad-overenskommelse@3 lagd till i överenskommelsen" in known
    assert "tjansteutlatande/giltighetstid@3 i tjänsteutlåtandet i stället för version 2" in known
    assert "tjansteutlatande/giltighetstid@2 → v3" not in again.output  # chosen, not offered again


def test_an_extendable_old_agreement_keeps_renewal_ending_until_it_is_recorded_and_said(tmp_path):
    spec, clauses = renewed(tmp_path)
    (found,) = ending(spec, clauses)
    said = found["message"].replace("\u00a0", " ")
    assert found["severity"] == "warning"
    assert "förlängs enligt sina villkor om den inte sägs upp, som längst till 31 december 2031" in said
    assert "kommit fram senast 30 september 2029" in said and "betalar två gånger" in said

    edit(spec, lambda d: d["document"].update(status="slutlig"))
    assert [f["severity"] for f in ending(spec, clauses)] == ["error"]
    edit(spec, lambda d: d["document"].update(status="utkast"))

    edit(spec, lambda d: d.update(renews_ended_by={"how": "uppsägning", "date": "2029-10-15"}))
    (late,) = ending(spec, clauses)  # after the notice deadline: the old one is extended to 2030
    assert "kom efter 30 september 2029" in late["message"].replace("\u00a0", " ")

    # in time, and said by tjansteutlatande/giltighetstid@3
    edit(spec, lambda d: d.update(renews_ended_by={"how": "uppsägning", "date": "2029-09-10", "by": "äldrenämnden"}))
    assert ending(spec, clauses) == []
    out = tmp_path / "out"
    run("build", spec, "--clauses", clauses, "--output", out, "--format", "docx")
    proposal = text_of(next(out.rglob("*-tjansteutlatande.docx"))).replace("\u00a0", " ")
    assert "Den nuvarande överenskommelsen sades upp den 10 september 2029 av äldrenämnden." in proposal

    # the new agreement's own terms of notice do not say the old one ends
    edit(spec, lambda d: d["proposal"]["outline"].pop("replace"))
    (unsaid,) = ending(spec, clauses)
    assert "tjänsteutlåtandet säger det inte" in unsaid["message"]


def test_a_renewal_after_the_longest_end_needs_no_ending(tmp_path):
    """Started the day after max_end (2032-01-01): the old agreement ends by its own terms."""
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: (d.pop("renews_ends"), d["period"].update(start="2032-01-01", end="2033-12-31"),
                          d["period"]["renewal"].update(max_end="2035-12-31")))
    assert ending(spec, clauses) == []


def decision_of(out) -> str:
    """The tjänsteutlåtande's first decision point, as the nämnd reads it."""
    paragraphs = [p.text for p in docx.Document(str(next(out.rglob("*-tjansteutlatande.docx")))).paragraphs]
    start = paragraphs.index("Förslag till beslut")
    return " ".join(paragraphs[start + 1].split()).replace("\u00a0", " ")


def test_the_decision_says_the_new_agreement_replaces_the_current_one(tmp_path):
    spec, clauses = renewed(tmp_path)
    replace = yaml.safe_load(spec.read_text(encoding="utf-8"))["proposal"]["outline"]["replace"]
    assert replace["tjansteutlatande/forslag-till-beslut"] == "tjansteutlatande/forslag-till-beslut@7"
    run("build", spec, "--clauses", clauses, "--output", tmp_path / "a", "--format", "docx")
    first = decision_of(tmp_path / "a")
    assert first.startswith("Äldrenämnden godkänner överenskommelsen om idéburet offentligt partnerskap med "
                            "Föreningen Aros Seniorträff för perioden den 1 januari 2030 till och med den 31 december "
                            "2031.")
    assert ("Den nya överenskommelsen ersätter från och med den 1 januari 2030 den nuvarande överenskommelsen "
            "mellan parterna, som upphör den 31 december 2029.") in first
    assert "sades upp" not in first  # renews_ended_by: not yet filled in

    edit(spec, lambda d: d.update(renews_ended_by={"how": "överenskommelse", "date": "2029-06-01"}))
    run("build", spec, "--clauses", clauses, "--output", tmp_path / "b", "--format", "docx")
    assert first + (" Den nuvarande överenskommelsen avslutades genom en skriftlig överenskommelse mellan parterna "
                    "den 1 juni 2029.") == decision_of(tmp_path / "b")


def test_the_report_names_the_decision_version(tmp_path):
    spec, clauses = renewed(tmp_path)
    again = run("renew", spec.with_name("aros-seniorer-2027.yaml"), "aros-seniorer-2030b", "--start", "2030-01-01",
                "--end", "2031-12-31", "--clauses", clauses)
    known = " ".join(again.output.split("Att känna till")[1].split())
    assert "tjansteutlatande/forslag-till-beslut@7 i tjänsteutlåtandet i stället för version 6" in known
    assert "säger i beslutspunkt 1 att den nya överenskommelsen ersätter den nuvarande" in known


def test_without_renews_the_decision_reads_as_before(tmp_path):
    """v7 adds nothing to a spec that renews nothing: the same text as v6."""
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: (d.pop("renews"), d.pop("renews_ends")))
    run("build", spec, "--clauses", clauses, "--output", tmp_path / "now", "--format", "docx")
    edit(spec, lambda d: d["proposal"]["outline"]["replace"].update(
        {"tjansteutlatande/forslag-till-beslut": "tjansteutlatande/forslag-till-beslut@6"}))
    run("build", spec, "--clauses", clauses, "--output", tmp_path / "v6", "--format", "docx")
    assert decision_of(tmp_path / "now") == decision_of(tmp_path / "v6")
    assert "ersätter" not in decision_of(tmp_path / "now")


def test_a_final_spec_pinned_to_the_older_decision_keeps_its_bytes(tmp_path):
    """A slutlig renewal pinned to the tjänsteutlåtande outline's version 4 (forslag-till-beslut@6) builds the
    same bytes with v7 and the outline's version 5 in the library as without them."""
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: (d["proposal"]["outline"]["replace"].pop("tjansteutlatande/forslag-till-beslut"),
                          d["proposal"]["outline"].update(standard="iop-tjansteutlatande-facknamnd@4"),
                          d.update(renews_ended_by={"how": "uppsägning", "date": "2029-09-10"})))
    approved = run("clauses", "approve", "--spec", spec, "--clauses", clauses, "--av", "Äldrenämnden i Västerås stad",
                   "--datum", "2026-10-30", "--ja")
    assert approved.exit_code == 0, approved.output
    edit(spec, lambda d: d["document"].update(status="slutlig"))
    text = spec.read_text(encoding="utf-8").replace("2027–2029", "2030–2031").replace("för 2027", "för 2030")
    spec.write_text(text, encoding="utf-8")  # the new period's years, as stale-year asks before slutlig
    built = run("build", spec, "--clauses", clauses, "--output", tmp_path / "with", "--format", "docx")
    assert built.exit_code == 0, built.output
    (clauses / "tjansteutlatande" / "forslag-till-beslut" / "v7.md").unlink()
    (clauses / "tjansteutlatande" / "forslag-till-beslut-stadsdelsnamnd" / "v5.md").unlink()
    for outline in ("iop-tjansteutlatande-facknamnd", "iop-tjansteutlatande-stadsdelsnamnd"):
        (clauses / "outlines" / outline / "v5.yaml").unlink()
    run("build", spec, "--clauses", clauses, "--output", tmp_path / "without", "--format", "docx")
    made = sorted(p.relative_to(tmp_path / "with") for p in (tmp_path / "with").rglob("*.docx"))
    assert made and made == sorted(p.relative_to(tmp_path / "without") for p in (tmp_path / "without").rglob("*.docx"))
    for name in made:
        assert (tmp_path / "with" / name).read_bytes() == (tmp_path / "without" / name).read_bytes(), name
    assert "ersätter" not in decision_of(tmp_path / "with")


def test_a_renewal_on_the_outline_version_5_says_it_without_a_swap(tmp_path):
    """The tjänsteutlåtande outlines' version 5 hold forslag-till-beslut@7 (and the stadsdelsnämnd's @5) and
    giltighetstid@3: a renewal written by hand on it says what it replaces, and renew swaps nothing in."""
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: d["proposal"]["outline"].update(standard="iop-tjansteutlatande-facknamnd@5")
         or d["proposal"]["outline"].pop("replace"))
    run("build", spec, "--clauses", clauses, "--output", tmp_path / "out", "--format", "docx")
    assert ("Den nya överenskommelsen ersätter från och med den 1 januari 2030 den nuvarande överenskommelsen "
            "mellan parterna, som upphör den 31 december 2029.") in decision_of(tmp_path / "out")
    again = run("renew", spec, "aros-seniorer-2032", "--start", "2032-01-01", "--end", "2033-12-31",
                "--clauses", clauses)
    assert again.exit_code == 0, again.output
    data = yaml.safe_load(spec.with_name("aros-seniorer-2032.yaml").read_text(encoding="utf-8"))
    assert data["proposal"]["outline"]["standard"] == "iop-tjansteutlatande-facknamnd@5"
    assert "replace" not in data["proposal"]["outline"]
