"""A kommunjurist's review of what drafter produces, read back from the built PDF and DOCX.

Each test is one finding of the review (docs/_readme/jurist.md): a tillägg decided by a delegate
names the delegation it rests on; the generic förslag till beslut reserves later years' money for
the budget and says that delegated decisions are reported to the nämnd; the generic agreement has a
term on statsstöd and a duty to report concern for a child that the law makes a duty, not advice.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document as DocxDocument
from pypdf import PdfReader

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from helpers import CLAUSES, ROOT, example_data, write_spec

GENERIC = ROOT / "tests" / "generic"


def _build(spec: Path, out: Path, formats: tuple[str, ...] = ("pdf",)) -> Path:
    manifest = build(spec, BuildOptions(out_dir=out, library=ClauseLibrary(CLAUSES), formats=formats))
    return manifest.parent


def _pdf(path: Path) -> str:
    """The PDF's body text with its line breaks joined, so a sentence can be asserted whole, even one that runs
    over a page break: the running header and the page number (in the top and bottom 20 mm) are left out."""
    parts: list[str] = []
    for page in PdfReader(path).pages:
        height = float(page.mediabox.height)

        def body(text, cm, tm, font, size, height=height):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the text's baseline on the page
            if 57 < y < height - 57:  # 20 mm = 57 pt
                parts.append(text)

        page.extract_text(visitor_text=body)
        parts.append("\n")
    return " ".join("".join(parts).split())


def _docx(path: Path) -> str:
    return "\n".join(p.text for p in DocxDocument(str(path)).paragraphs)


# --- Tillägg: the delegate's decision is the nämnd's, and the tillägg says so ----------------------

def test_a_tillagg_decided_by_the_delegate_names_the_delegation(tmp_path):
    spec = write_spec(tmp_path, example_data(amended=True))
    text = _pdf(_build(spec, tmp_path / "out") / "spec-tillagg-1.pdf")
    assert ("Tillägget grundar sig på beslut av socialdirektören den 8 december 2026 med stöd av "
            "delegation från socialnämnden.") in text


def test_the_delegation_cites_the_namnds_decision_when_it_is_recorded(tmp_path):
    data = example_data(amended=True)
    data["decision"].update({"date": "2026-06-10", "paragraph": "§ 14"})
    spec = write_spec(tmp_path, data)
    text = _pdf(_build(spec, tmp_path / "out") / "spec-tillagg-1.pdf")
    assert ("beslut av socialdirektören den 8 december 2026 med stöd av delegation i socialnämndens beslut "
            "den 10 juni 2026, § 14.") in text


def test_a_tillagg_decided_by_the_namnd_itself_claims_no_delegation(tmp_path):
    data = example_data(amended=True)
    data["amendments"][0]["decision"] = {"by": "socialnämnden", "date": "2026-12-08", "paragraph": "§ 31"}
    spec = write_spec(tmp_path, data)
    text = _pdf(_build(spec, tmp_path / "out") / "spec-tillagg-1.pdf")
    assert "Tillägget grundar sig på beslut av socialnämnden den 8 december 2026, § 31." in text
    assert "delegation" not in text


# --- Förslag till beslut (tjansteutlatande/forslag-till-beslut@4) ---------------------------------

def _generic(tmp_path: Path, name: str, **extra) -> Path:
    data = yaml.safe_load((GENERIC / f"{name}.yaml").read_text(encoding="utf-8"))
    data.update(extra)
    return write_spec(tmp_path, data, f"{name}.yaml")


def _points(text: str) -> str:
    return text.split("Förslag till beslut", 1)[1].split("Sammanfattning", 1)[0]


def test_without_a_decision_the_delegated_changes_are_reported_and_later_years_await_the_budget(tmp_path):
    spec = _generic(tmp_path, "kommun-tva-firmatecknare")
    points = _points(_pdf(_build(spec, tmp_path / "out") / "kommun-tva-firmatecknare-tjansteutlatande.pdf"))
    assert ("2. Kultur- och fritidsnämnden beviljar ett bidrag om 200 000 kr för 6 månader till partnerskapet. "
            "Bidraget för en senare period förutsätter att kultur- och fritidsnämnden har medel för "
            "partnerskapet i sin budget för den perioden.") in points.replace("\u00a0", " ")
    assert ("3. Kultur- och fritidsnämnden uppdrar åt kultur- och fritidschefen att underteckna överenskommelsen "
            "och att besluta om ändringar av åtagandena inom partnerskapets syfte och mål. Besluten om "
            "ändringar anmäls till kultur- och fritidsnämnden.") in points
    assert "4. Paragrafen justeras omedelbart." in points


def test_with_a_decision_every_delegation_is_its_own_point_and_is_reported(tmp_path):
    decision = {"by": "kultur- och fritidsnämnden", "ceiling": {"amount": 400000, "per": "år"},
                "latest_end": "2029-12-31",
                "delegations": [{"to": "kultur- och fritidschefen", "matters": ["lydelse"]},
                                {"to": "ekonomichefen", "matters": ["budget"]}]}
    spec = _generic(tmp_path, "kommun-tva-firmatecknare", decision=decision)
    points = _points(_pdf(_build(spec, tmp_path / "out") / "kommun-tva-firmatecknare-tjansteutlatande.pdf"))
    numbers = [int(n) for n in re.findall(r"(\d)\. (?:Kultur- och fritidsnämnden|Paragrafen)", points)]
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert "högst 400 000 kr per år. Bidraget för en senare period förutsätter" in points.replace("\u00a0", " ")
    assert "5. Kultur- och fritidsnämnden delegerar till ekonomichefen att besluta om ändringar av budgetens " \
           "fördelning inom ramen för punkt 1 och 2. Besluten anmäls till kultur- och fritidsnämnden." in points
    assert points.count("Besluten anmäls till kultur- och fritidsnämnden.") == 2


# --- The generic agreement: statsstöd and anmälan om oro för barn --------------------------------

@pytest.fixture(scope="module")
def region(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("region")
    return _build(GENERIC / "region-tva-foreningar.yaml", tmp, formats=("docx", "pdf"))


def test_the_agreement_has_a_term_on_statsstod_binding_every_organisation(region):
    text = _pdf(region / "region-tva-foreningar-overenskommelse.pdf")
    term = text.split("Statsstöd", 1)[1].split("Villkor", 1)[0]
    # villkor/statsstod@2: the rule, then the parties' own assessment (texts: statsstod-bedomning), never a
    # conclusion in drafter's fixed words ("Parterna bedömer att bidraget inte är statsstöd, eftersom …")
    assert "(artikel 107.1 i fördraget om Europeiska unionens funktionssätt)" in term
    said = yaml.safe_load((GENERIC / "region-tva-foreningar.yaml").read_text(encoding="utf-8"))["texts"]
    assert " ".join(said["statsstod-bedomning"].split()) in term
    assert "Parterna bedömer att bidraget inte är statsstöd" not in term
    assert "Var och en av organisationerna ska då genast informera nämnden skriftligen." in term
    assert ("ska varje organisation betala tillbaka det bidrag den har fått. Beloppet ska betalas med ränta "
            "enligt lagen (2013:388) om tillämpning av Europeiska unionens statsstödsregler.") in term


def test_a_de_minimis_grant_asks_for_the_declaration_of_other_support(tmp_path):
    data = yaml.safe_load((GENERIC / "norrmalm-stiftelse.yaml").read_text(encoding="utf-8"))
    data.setdefault("figures", {})["de_minimis"] = True
    spec = write_spec(tmp_path, data, "norrmalm-stiftelse.yaml")
    text = _pdf(_build(spec, tmp_path / "out") / "norrmalm-stiftelse-overenskommelse.pdf")
    assert "Bidraget lämnas som stöd av mindre betydelse enligt kommissionens förordning (EU) 2023/2831." in text
    assert "annat stöd av mindre betydelse organisationen har fått under de senaste tre åren" in text
    assert ("Sådant stöd till ett enda företag får enligt förordningen uppgå till högst 300 000 euro under en period "
            "av tre år.") in text.replace("\u00a0", " ")
    assert "Parterna bedömer" not in text  # the assessment is the regulation's, not the parties' text
    assert "ska stiftelsen betala tillbaka bidraget." in text


def test_the_heading_on_concern_for_a_child_is_kept_by_its_text(region):
    paragraphs = _docx(region / "region-tva-foreningar-overenskommelse.docx").split("\n")
    heading = next(i for i, p in enumerate(paragraphs) if p.endswith("Tystnadsplikt och anmälan om oro för barn"))
    body = " ".join(paragraphs[heading + 1:heading + 6])
    assert "anmälningsskyldiga enligt socialtjänstlagen (2025:400)" in body
    assert ("De ska genast anmäla till socialtjänsten om de i verksamheten får kännedom om eller misstänker "
            "att ett barn far illa.") in body
    assert "Var och en av organisationerna ska ha en skriftlig rutin för anmälan om oro för barn" in body
    assert "Tystnadslöftet hindrar inte en anmälan om oro för barn" in body


def test_a_stadsdelsnamnd_grants_later_years_subject_to_its_budget_and_reports_delegated_changes(tmp_path):
    spec = _generic(tmp_path, "norrmalm-stiftelse")
    points = _points(_pdf(_build(spec, tmp_path / "out") / "norrmalm-stiftelse-tjansteutlatande.pdf"))
    assert ("2. Norrmalms stadsdelsnämnd beviljar ett bidrag om 515 000 kr för 11 månader ur stadsdelsnämndens "
            "budget. Bidraget för en senare period förutsätter att Norrmalms stadsdelsnämnd har medel för "
            "partnerskapet i sin budget för den perioden.") in points.replace("\u00a0", " ")
    assert "3. Norrmalms stadsdelsnämnd uppdrar åt stadsdelsdirektören att underteckna överenskommelsen." in points
    decision = {"delegations": [{"to": "stadsdelsdirektören", "matters": ["lydelse", "budget"]}]}
    spec = _generic(tmp_path, "norrmalm-stiftelse", decision=decision)
    points = _points(_pdf(_build(spec, tmp_path / "out2") / "norrmalm-stiftelse-tjansteutlatande.pdf"))
    assert ("4. Norrmalms stadsdelsnämnd delegerar till stadsdelsdirektören att besluta om ändringar av åtagandena "
            "och överenskommelsens text och budgetens fördelning inom ramen för punkt 1 och 2. Besluten anmäls "
            "till Norrmalms stadsdelsnämnd.") in points


def test_reports_to_the_public_party_carry_no_data_on_individuals(region):
    text = _pdf(region / "region-tva-foreningar-overenskommelse.pdf")
    term = text.split("Personuppgifter", 1)[1].split("Allmänna handlingar", 1)[0]
    assert ("Rapporter och annan redovisning till nämnden ska inte innehålla uppgifter som kan knytas till en "
            "enskild deltagare, om uppgifterna inte behövs för uppföljningen.") in term
    assert "med stöd av artikel 9 i dataskyddsförordningen" in term
    assert "personuppgiftsincident som berör partnerskapet ska utan dröjsmål informera de andra parterna" in term


def test_a_kommuns_tillagg_names_the_kommun_acting_through_its_namnd_and_the_delegation(tmp_path):
    decision = {"by": "kultur- och fritidsnämnden", "date": "2027-06-02", "paragraph": "§ 7",
                "delegations": [{"to": "kultur- och fritidschefen", "matters": ["lydelse"]}]}
    amendment = {"number": 1, "date": "2027-11-20", "effective": "2028-01-01",
                 "decision": {"by": "kultur- och fritidschefen", "date": "2027-11-10"},
                 "changes": [{"insert_after": "2.3", "heading": "Simskola",
                              "text": "Föreningen håller simskola för barn en gång i veckan.\n"}]}
    spec = _generic(tmp_path, "kommun-tva-firmatecknare", decision=decision, amendments=[amendment])
    text = _pdf(_build(spec, tmp_path / "out") / "kommun-tva-firmatecknare-tillagg-1.pdf")
    assert "Åsby kommun (organisationsnummer 212000-0183), genom kultur- och fritidsnämnden" in text
    assert "Idrottsföreningen Åsby Hem och Skola (organisationsnummer 802700-1117)" in text
    assert ("Tillägget grundar sig på beslut av kultur- och fritidschefen den 10 november 2027 med stöd av "
            "delegation i kultur- och fritidsnämndens beslut den 2 juni 2027, § 7.") in text
    assert "Det ska införas en ny punkt, 2.3 a, av följande lydelse:" in text


def test_the_legal_assessment_is_the_forvaltnings_assessment_not_a_finding_of_law(tmp_path):
    """The standard outline (iop-tjansteutlatande-stadsdelsnamnd@3) pins rattslig-bedomning@3: the rule each
    question is judged by, the facts the spec holds, then the förvaltning's texts with its own conclusions.
    v2's claims in drafter's words ("inte ett köp av tjänster", "ingen motprestation", "är av allmänt intresse")
    are gone; the conclusion on LOU is there only because texts: rattslig-lou says it."""
    spec = _generic(tmp_path, "norrmalm-stiftelse")
    texts = yaml.safe_load(spec.read_text(encoding="utf-8"))["texts"]
    text = _pdf(_build(spec, tmp_path / "out") / "norrmalm-stiftelse-tjansteutlatande.pdf")
    part = text.split("Rättslig bedömning", 1)[1].split("Bilagor", 1)[0]
    assert "Ett IOP får inte vara en otillåten direktupphandling eller ett otillåtet statsstöd." in part
    assert "Om det är det avgörs efter omständigheterna i varje enskilt fall." in part
    assert ("Lagen (2016:1145) om offentlig upphandling gäller när en upphandlande myndighet anskaffar tjänster "
            "genom ett kontrakt med ekonomiska villkor.") in part
    assert "Enligt överenskommelsen lämnar Stockholms stad ett bidrag till partnerskapet enligt en budget." in part
    assert "(artikel 107.1 i fördraget om Europeiska unionens funktionssätt)" in part
    assert ("Stockholms stad får ha hand om angelägenheter av allmänt intresse som har anknytning till Stockholms "
            "stads område eller dess medlemmar (2 kap. 1 § kommunallagen).") in part
    for key in ("rattslig-lou", "rattslig-statsstod", "rattslig-kl"):  # the förvaltning's words, as written
        assert " ".join(texts[key].split()) in part, key
    assert "stiftelsen ska betala tillbaka ett bidrag som visar sig vara otillåtet statsstöd." in part
    for claim in ("Överenskommelsen är inte ett köp av tjänster", "ingen motprestation för bidraget",
                  "alla parter bidrar", "Verksamheten är av allmänt intresse",
                  "Förvaltningen bedömer därför att lagen (2016:1145) om offentlig upphandling inte är tillämplig.",
                  "om offentlig upphandling är därför inte tillämplig"):
        assert claim not in part, claim
    # the only conclusion on LOU is the förvaltning's own sentence
    assert part.count("inte är tillämplig") == texts["rattslig-lou"].count("inte är tillämplig") == 1
