"""A tillägg that raises the grant and prolongs the agreement (trial8, items 2 and 3): the förslag till
beslut says the new end, gives the money per budget year (each year rounded to whole kronor) and totals
that are the sums of those years — never silently nothing when a part is no whole number of kronor — and
both texts name the same later budget years, with the agreement's own extensions said apart."""

from __future__ import annotations

import pytest

from assemble.test_amendment_proposal import built, docx_text, dt, kommun, pdf_text, write
from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import check_spec
from drafter.spec.load import load_spec
from helpers import CLAUSES


def raised_and_prolonged() -> dict:
    """Åsby: 400 000 kr a year from 1 mars 2027 to 28 februari 2029, extended a year at a time until
    28 februari 2031; tillägg nr 1 raises it to 480 000 kr a year from 1 januari 2028 and prolongs the
    agreement one year, to 28 februari 2030. 80 000 × 14/12 is no whole number of kronor."""
    data = kommun()
    data["period"] = {"start": dt("2027-03-01"), "end": dt("2029-02-28"),
                      "renewal": {"unit": "år", "max_end": dt("2031-02-28"), "notice_deadline": "11-30"}}
    data["document"]["date"] = dt("2027-02-15")
    data["decision"]["date"] = dt("2027-02-10")
    amendment = data["amendments"][0]
    amendment.update(date=dt("2027-12-01"), effective=dt("2028-01-01"),
                     decision={"by": "kultur- och fritidsnämnden", "date": dt("2027-11-20"), "paragraph": "§ 88"})
    amendment["proposal"]["date"] = dt("2027-10-25")
    amendment["changes"] = [{"set": {"period.end": dt("2030-02-28"),
                                     "budget.rows": [{"item": "Personal", "amount": 380000},
                                                     {"item": "Lokaler", "amount": 100000}]}}]
    return data


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return built(tmp_path_factory.mktemp("prolonged"), raised_and_prolonged())


def test_it_builds_without_findings_on_its_own_figures(tmp_path):
    findings = check_spec(load_spec(write(tmp_path, raised_and_prolonged())), ClauseLibrary(CLAUSES))
    assert not [f for f in findings if f.severity == "error" or f.code in ("budget-amount", "period-mismatch")]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_forslag_says_the_new_end_and_the_money_per_budget_year(files, fmt):
    text = (docx_text if fmt == "docx" else pdf_text)(files["addendum-proposal"][fmt])
    assert ("Tillägget gäller från och med den 1 januari 2028. Genom tillägget förlängs överenskommelsen till och "
            "med den 28 februari 2030.") in text
    # by hand: 480 000 for 2028 and 2029, 2 × 40 000 for Jan–Feb 2030; before: 400 000 + 2 × 33 333,33
    assert ("Bidraget per budgetår från och med den 1 januari 2028 blir 480 000 kr för 2028, 480 000 kr för 2029 "
            "och 80 000 kr för januari–februari 2030, tillsammans 1 040 000 kr i stället för 466 667 kr till och "
            "med den 28 februari 2029.") in text
    # 1 040 000 − 466 667; the whole period 800 000 (24 months at 400 000) + 573 333
    assert "Sammanlagt ökar bidraget med 573 333 kr till och med den 28 februari 2030." in text
    assert "Bidraget för hela överenskommelsens period blir därmed 1 373 333 kr i stället för 800 000 kr." in text


def test_both_texts_name_the_same_later_years_and_one_extension(files):
    text = docx_text(files["addendum-proposal"]["docx"])
    forslag, rest = text.split("Bakgrund", 1)
    ekonomi = rest.split("Ekonomiska konsekvenser", 1)[1]
    assert "Bidraget för 2029–2030 förutsätter att kultur- och fritidsnämnden har medel" in forslag
    assert "bidraget för 2029–2030 förutsätter att medel finns i budgeten för respektive år" in ekonomi
    assert "2031" not in forslag.replace("28 februari 2031", "")  # the extension's end only, never a budget year
    # one extension left (1 mars 2030 – 28 februari 2031): singular, and apart from the tillägg's prolongation
    assert ("Om överenskommelsen därefter förlängs enligt sina villkor, längst till och med den 28 februari 2031, "
            "gäller det utökade bidraget också i förlängningen: 480 000 kr per år i stället för 400 000 kr") in forslag
    assert "förlängningarna" not in text
    assert "också i förlängningen, och bidraget för den förutsätter på samma sätt medel i budgeten." in ekonomi
    assert ("Per budgetår blir bidraget från och med den 1 januari 2028: 480 000 kr för 2028, 480 000 kr för 2029 "
            "och 80 000 kr för januari–februari 2030") in ekonomi


def test_the_ekonomiska_konsekvenser_have_no_double_space(files):
    import io

    from docx import Document as open_docx

    paragraphs = [p.text for p in open_docx(io.BytesIO(files["addendum-proposal"]["docx"])).paragraphs]
    ekonomi = paragraphs[paragraphs.index("Ekonomiska konsekvenser") + 1]
    assert ekonomi.startswith("Bidraget enligt budgeten") and "  " not in ekonomi


def test_extensions_month_by_month_are_counted_in_whole_kronor_and_said_in_plural(tmp_path):
    """Two monthly extensions after the new end (to 30 april 2030): 80 000 × 2/12 is 13 333,33 kr, said as
    13 333 kr rather than left out, and "förlängningarna" since two remain."""
    data = raised_and_prolonged()
    data["period"]["renewal"] = {"unit": "månad", "max_end": dt("2030-04-30"), "notice_deadline": "11-30"}
    data["decision"]["latest_end"] = dt("2030-04-30")
    text = docx_text(built(tmp_path, data)["addendum-proposal"]["docx"])
    assert ("Om överenskommelsen därefter förlängs enligt sina villkor, längst till och med den 30 april 2030, "
            "gäller det utökade bidraget också i förlängningarna: 480 000 kr per år i stället för 400 000 kr, "
            "sammanlagt 13 333 kr mer. Bidraget för förlängningarna förutsätter") in text
