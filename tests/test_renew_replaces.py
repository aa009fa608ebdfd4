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
        "tjansteutlatande/giltighetstid": "tjansteutlatande/giltighetstid@3"}
    out = tmp_path / "out"
    built = run("build", spec, "--clauses", clauses, "--output", out, "--format", "docx")
    assert built.exit_code in (0, 1), built.output
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
