"""stale-year for the years of the period a renewal replaces (trial 12): the Aros Seniorträff agreement for
2027–2029, renewed for 2030–2031, kept "2027–2029" in the tjänsteutlåtande's subtitle and Sammanfattning
and "bidraget för 2027" in Ekonomiska konsekvenser, and `drafter check` said nothing."""

from __future__ import annotations

from checks.aros import edit, renewed
from checks.support import findings, line_of, of


def stale(spec, clauses):
    return of(findings(spec, clauses), "stale-year")


def test_the_old_period_in_subtitle_summary_and_economy_is_stale(tmp_path):
    spec, clauses = renewed(tmp_path)
    found = stale(spec, clauses)
    where = {f.where: f for f in found}
    subtitle = where[line_of(spec, "subtitle:")]
    assert subtitle.severity == "warning"
    assert "2027 och 2029" in subtitle.message and "(2027–2029, aros-seniorer-2027.yaml)" in subtitle.message
    assert "den nya (2030–2031)" in subtitle.message
    assert "äldre 2027–2029" in subtitle.message
    summary = where[line_of(spec, "sammanfattning:")]
    assert "Föreningen Aros Seniorträff för 2027–2029" in summary.message
    economy = where[line_of(spec, "ekonomi-budget:")]
    assert "Texten anger 2027, ett år" in economy.message
    assert "budget för 2027" in economy.message
    # history is left alone: "har sedan 2019 drivit", "har sedan 2019 fått"
    assert len(found) == 3, [f.message for f in found]


def test_slutlig_makes_it_an_error(tmp_path):
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: d["document"].update(status="slutlig"))
    assert {f.severity for f in stale(spec, clauses)} == {"error"}


def test_the_new_years_and_a_sentence_naming_the_old_agreement_are_not_stale(tmp_path):
    spec, clauses = renewed(tmp_path)

    def updated(data):
        data["proposal"]["subtitle"] = "Mötesplatser mot ofrivillig ensamhet bland äldre 2030–2031"
        data["texts"]["sammanfattning"] = (
            "Förvaltningen föreslår att äldrenämnden godkänner en förnyad överenskommelse med Föreningen Aros "
            "Seniorträff för 2030–2031. Överenskommelsen för 2027–2029 upphör den 31 december 2029.")
        data["texts"]["ekonomi-budget"] = (
            "Förvaltningen bedömer att bidraget för 2030 ryms inom äldrenämndens budget för 2030. Under den "
            "förra perioden 2027–2029 betalades 600 000 kr per år. Antalet besökare har ökat från 40 under "
            "2027 till 90 under 2029.")
    edit(spec, updated)
    assert stale(spec, clauses) == []


def test_a_year_the_new_period_shares_is_not_stale(tmp_path):
    """A year of the new period is the new period's, whatever the old one said."""
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: d["texts"].update({"ekonomi-budget": "Bidraget för 2031 ryms i budgeten för 2031."}))
    assert not [f for f in stale(spec, clauses) if f.where == line_of(spec, "ekonomi-budget:")]


def test_a_reference_with_a_year_is_no_year_of_the_period(tmp_path):
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: d["texts"].update({"ekonomi-budget": "Enligt SOU 2028:12 ryms bidraget i budgeten."}))
    assert not [f for f in stale(spec, clauses) if f.where == line_of(spec, "ekonomi-budget:")]


def test_renew_lists_them_under_att_gora(tmp_path):
    """The same sentences `drafter check` warns of are to do in the renew report, not only to know."""
    from checks.aros import OLD, run

    spec, clauses = renewed(tmp_path)
    again = run("renew", spec.with_name(OLD.name), "aros-c", "--start", "2030-01-01", "--end", "2031-12-31",
                "--clauses", clauses)
    todo, know = again.output.split("Att göra")[1].split("Att känna till")
    for what in ("texten sammanfattning", "texten ekonomi-budget", "proposal.subtitle"):
        (line,) = [x for x in todo.splitlines() if what in x]
        assert "hör till den förra perioden, inte till den nya" in line
    assert "texten bakgrund nämner ett årtal" in know  # "har sedan 2019 drivit": history, to know


def test_a_list_item_is_its_own_sentence_and_a_point_number_no_sentence_end(tmp_path):
    """A commitment a tillägg added for one year of the old period, as renew carries it over (trial 6's
    Fruängen spec, renewed): quoted as the item or sentence it is, not the whole list."""
    spec, clauses = renewed(tmp_path)
    edit(spec, lambda d: d["texts"].update(ataganden=(
        "Föreningen ska:\n\n- hålla mötesplatserna öppna minst fyra dagar i veckan;\n"
        "- hålla öppet på lördagar under 2028.\n\nUtöver bidraget enligt punkt 5.1 lämnar staden ett extra "
        "bidrag om 50 000 kr för 2028.\n")))
    said = sorted(f.message.split("): ")[1].split('". ')[0] for f in stale(spec, clauses)
                  if f.where == line_of(spec, "ataganden:"))
    assert said == ['"Utöver bidraget enligt punkt 5.1 lämnar staden ett extra bidrag om 50 000 kr för 2028',
                    '"hålla öppet på lördagar under 2028']
