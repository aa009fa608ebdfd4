"""What a renewed agreement's own words still say of the old one: the place and date it was signed
("Linköping den 12 december 2023"), "löper därefter tills vidare" against a period that ends, and the old
ärende's figures and dates (trial 9, problems 2, 3 and 9)."""

import datetime as dt

from checks.support import findings, library_with, of, partnership_clause, spec_file
from helpers import example_data

SIGNED_LINE = "Stockholm den 12 december 2023"


def with_clause(tmp_path, body: str, change=None, proposal: bool = False):
    """The 2026 example (renews 2023; dated 1 July 2026) with a partnership clause saying `body` in the
    agreement (or the tjänsteutlåtande)."""
    data = example_data()
    if change:
        change(data)
    root = library_with(tmp_path, {})
    partnership_clause(root, "street-minds/test", body)
    (data["proposal"]["outline"] if proposal else data["outline"]).append("street-minds/test")
    return findings(spec_file(tmp_path, data), root)


# --- the place and date of signing typed in a clause


def test_a_renewed_agreement_that_still_states_the_old_signing_date_is_an_error(tmp_path):
    found = of(with_clause(tmp_path, f"Avtalet är upprättat i två exemplar.\n\n{SIGNED_LINE}\n\nFör Street Minds"),
               "prose-mismatch")
    (f,) = found
    assert f.severity == "error" and f.where == "street-minds/test@1" and f.document == "agreement"
    message = f.message.replace("\u00a0", " ")
    assert f'"{SIGNED_LINE}"' in message
    assert "överenskommelsens datum är 1 juli 2026" in message
    assert "Specen förnyar" in message and "{{ block(\"signaturer\") }}" in message


def test_in_a_first_draft_it_is_a_warning_and_in_a_slutlig_one_an_error(tmp_path):
    def first(data):
        data.pop("renews")
    (draft,) = of(with_clause(tmp_path / "a", SIGNED_LINE, first), "prose-mismatch")
    assert draft.severity == "warning"

    def final(data):
        data.pop("renews")
        data["document"]["status"] = "slutlig"
    (signed,) = of(with_clause(tmp_path / "b", SIGNED_LINE, final), "prose-mismatch")
    assert signed.severity == "error" and "slutligt" in signed.message


def test_the_agreements_own_date_and_a_date_from_the_data_are_no_finding(tmp_path):
    assert of(with_clause(tmp_path / "a", "Stockholm den 1 juli 2026"), "prose-mismatch") == []
    assert of(with_clause(tmp_path / "b", "{{ document.place }} den {{ document.date | datum }}"),
              "prose-mismatch") == []


def test_a_date_in_a_sentence_is_no_signing_line(tmp_path):
    found = with_clause(tmp_path, "Stockholm den 12 december 2023 beslutade nämnden om riktlinjer för IOP.")
    assert of(found, "prose-mismatch") == []


# --- "tills vidare" against the spec's period


TILLS_VIDARE = ("Denna överenskommelse gäller från och med {{ period.start | datum }} till och med "
                "{{ period.end | datum }} och löper därefter tills vidare.")


def test_tills_vidare_against_a_period_with_renewal(tmp_path):
    (f,) = of(with_clause(tmp_path, TILLS_VIDARE), "prose-mismatch")
    message = f.message.replace("\u00a0", " ")
    assert f.severity == "warning" and f.where == "street-minds/test@1"
    assert "löper tills vidare, men specen förlänger den med ett kalenderår i taget, som längst till 31 december " \
           "2028" in message
    assert "uppsägningstid" not in message  # the example's villkor/uppsagning says how it is sagt upp


def test_tills_vidare_against_a_fixed_end_without_any_notice(tmp_path):
    def fixed(data):
        data["period"].pop("renewal")
        data["outline"] = [item for item in data["outline"] if not (isinstance(item, dict)
                                                                    and item.get("heading") == "Villkor")]
    (f,) = of(with_clause(tmp_path, TILLS_VIDARE, fixed), "prose-mismatch")
    message = f.message.replace("\u00a0", " ")
    assert "specen har ingen förlängning (period.renewal) och perioden slutar 31 december 2026" in message
    assert "Stryk \"tills vidare\"" in message
    assert "anger inte heller någon uppsägning" in message


def test_tills_vidare_in_a_slutlig_agreement_is_an_error(tmp_path):
    def final(data):
        data["document"]["status"] = "slutlig"
    (f,) = of(with_clause(tmp_path, TILLS_VIDARE, final), "prose-mismatch")
    assert f.severity == "error"


def test_tills_vidare_about_something_else_is_no_finding(tmp_path):
    found = with_clause(tmp_path, "Kontaktpersonen är utsedd tills vidare.")
    assert of(found, "prose-mismatch") == []


# --- the old ärende's facts (stale-year)


def test_a_figure_for_a_year_before_the_renewed_agreement(tmp_path):
    (f,) = of(with_clause(tmp_path, "Under 2021 hade mötesplatsen cirka 9 500 besök.", proposal=True), "stale-year")
    assert f.severity == "warning" and f.where == "street-minds/test@1"
    assert "siffror för 2021, före 2023" in f.message and "9 500 besök" in f.message


def test_a_whole_date_before_the_renewed_agreement(tmp_path):
    (f,) = of(with_clause(tmp_path, "Föreningen har i en skrivelse den 4 september 2022 föreslagit ett "
                                    "partnerskap.", proposal=True), "stale-year")
    assert "Texten anger 4 september 2022, före 1 juli 2023" in f.message.replace("\u00a0", " ")


def test_history_references_and_first_agreements_are_left_alone(tmp_path):
    assert of(with_clause(tmp_path / "a", "Föreningen har sedan 2015 haft omkring 300 medlemmar."), "stale-year") == []
    assert of(with_clause(tmp_path / "b", "Partnerskapet bygger på SOU 2019:56 och över 40 kommuners erfarenheter."),
              "stale-year") == []

    def first(data):
        data.pop("renews")
    assert of(with_clause(tmp_path / "c", "Under 2021 hade mötesplatsen cirka 9 500 besök.", first),
              "stale-year") == []
    # the signing line is prose-mismatch's, not said twice
    assert of(with_clause(tmp_path / "d", SIGNED_LINE), "stale-year") == []


def test_a_year_after_the_old_start_is_not_stale(tmp_path):
    found = with_clause(tmp_path, f"Under {dt.date(2025, 1, 1).year} hade mötesplatsen cirka 9 500 besök.")
    assert of(found, "stale-year") == []
