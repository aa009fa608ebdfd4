"""A tillägg decided by the nämnd gets its own tjänsteutlåtande (`amendments[].proposal`): förslag till
beslut, bakgrund, beredning, ekonomiska konsekvenser and the tillägg as Bilaga 1, with the money it adds
computed once from the tillägg's `set:` data. Two partnerships that are not the examples: a stadsdelsnämnd
granting 150 000 kr once in a two-year agreement, and a kommun's nämnd raising the grant per year from
the middle of the first year, with no tjänsteutlåtande for the agreement to take officials from."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from docx import Document as open_docx
from pypdf import PdfReader

from drafter.assemble import assemble_documents
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.errors import DrafterError
from drafter.pipeline import check_spec
from drafter.spec.load import load_spec
from helpers import CLAUSES
from readback import norm

TEXTS = {
    "bakgrund": "Föreningen har sedan 2020 drivit en träffpunkt för äldre i Vårberg med ideella krafter.",
    "syfte-och-mal": "Syftet är att äldre i Vårberg ska ha en plats att träffas på och bli mindre ensamma.",
    "malgrupp": "Målgruppen är personer som är 65 år eller äldre och bor i Vårberg.",
    "ataganden": "Föreningen ska hålla träffpunkten öppen minst tre dagar i veckan.",
    "sammanfattning": "Förvaltningen föreslår ett partnerskap med föreningen om en träffpunkt i två år.",
    "bakgrund-utlatande": "Föreningen har fått föreningsbidrag från nämnden sedan 2020.",
    "stadsdelsomradet": "I Skärholmen bor många äldre ensamma.",
    "forvaltningens-bedomning": "Förvaltningen bedömer att partnerskapet minskar ensamheten bland äldre.",
    "rattslig-lou": "Verksamheten är föreningens egen och bygger på ideellt arbete. Förvaltningen bedömer därför att "
                    "lagen om offentlig upphandling inte är tillämplig.",
    "rattslig-statsstod": "Verksamheten är inte ekonomisk och kan inte påverka handeln mellan medlemsstaterna. "
                          "Förvaltningen bedömer därför att bidraget inte är statsstöd.",
    "rattslig-kl": "Verksamheten möter behovet hos äldre invånare i Vårberg av gemenskap. Förvaltningen bedömer att "
                   "nämnden får lämna bidraget.",
    "statsstod-bedomning": "Träffpunkten är avgiftsfri och drivs med ideella krafter för äldre i Vårberg. Parterna "
                           "bedömer därför att verksamheten inte är ekonomisk och att bidraget inte är statsstöd.",
    "ekonomi-budget": "Förvaltningen bedömer att bidraget för det första året ryms i stadsdelsnämndens budget.",
}

AMENDMENT_TEXTS = {
    "arendet": "Många äldre har efterfrågat öppet även på lördagar, då andra verksamheter är stängda.",
    "synpunkter": "Förvaltningen bedömer att lördagsöppet minskar ensamheten och föreslår att nämnden "
                  "godkänner tillägget.",
    "ekonomi-budget": "Förvaltningen bedömer att ökningen för i år kan mötas inom nämndens budgetram.",
}


def stadsdel(proposal: dict | None = None) -> dict:
    """Skärholmens stadsdelsnämnd and Föreningen Träffpunkt Vårberg: two years at 460 000 kr a year, and
    tillägg nr 1 granting an extra 150 000 kr once for 2027, with its own tjänsteutlåtande."""
    return {
        "document": {"subject": "Träffpunkt för äldre i Vårberg", "date": dt("2026-02-25"), "place": "Stockholm",
                     "diarienummer": "SKH 2026/0042"},
        "parties": [
            {"name": "Stockholms stad", "sector": "offentlig", "kind": "kommun", "organisationsnummer": "212000-0142",
             "committee": "Skärholmens stadsdelsnämnd", "administration": "Skärholmens stadsdelsförvaltning",
             "signatory": {"name": "Eva Berg", "title": "stadsdelsdirektör",
                           "signs_for": "Skärholmens stadsdelsnämnd i Stockholms stad"}},
            {"name": "Föreningen Träffpunkt Vårberg", "sector": "idéburen", "kind": "ideell förening",
             "organisationsnummer": "802533-1235", "signatory": {"name": "Ali Demir", "title": "ordförande"}},
        ],
        "period": {"start": dt("2026-03-01"), "end": dt("2028-02-29")},
        "budget": {"months": 12, "rows": [{"item": "Personal", "amount": 310000}, {"item": "Lokaler", "amount": 96000},
                                          {"item": "Aktiviteter", "amount": 54000}]},
        "figures": {"egen_insats_text": "volontärer som håller träffpunkten öppen och lagar lunch varje vardag"},
        "other_amounts": {"egen_insats": {"amount": 180000, "per": "år", "kind": "egen insats"}},  # not the grant
        "decision": {"by": "Skärholmens stadsdelsnämnd", "date": dt("2026-02-19"), "paragraph": "§ 8",
                     "ceiling": {"amount": 460000, "per": "år"}},
        "texts": dict(TEXTS),
        "outline": {"standard": "iop-overenskommelse"},
        "proposal": {"title": "Idéburet offentligt partnerskap med Föreningen Träffpunkt Vårberg",
                     "date": dt("2026-01-28"), "department": "Avdelningen för äldreomsorg",
                     "handlaggare": {"name": "Jonas Ek", "phone": "08-508 20 123"},
                     "officials": [{"name": "Eva Berg", "title": "Stadsdelsdirektör"}],
                     "outline": {"standard": "iop-tjansteutlatande-stadsdelsnamnd"}},
        "amendments": [{
            "number": 1, "date": dt("2027-03-18"), "effective": dt("2027-04-01"),
            "decision": {"by": "Skärholmens stadsdelsnämnd", "date": dt("2027-03-11"), "paragraph": "§ 22"},
            "changes": [
                {"set": {"other_amounts.extra_2027": {"amount": 150000, "kind": "annat",
                                                      "item": "Extra bidrag för kalenderåret 2027"}}},
                {"insert_after": "5.1", "heading": "Extra bidrag för 2027",
                 "text": "Utöver bidraget enligt punkt 5.1 lämnar Stockholms stad genom nämnden ett extra bidrag om "
                         "150 000 kr för kalenderåret 2027. Föreningen använder det till att hålla öppet på lördagar."},
            ],
            "proposal": proposal if proposal is not None else {
                "date": dt("2027-02-20"), "diarienummer": "SKH 2027/0090", "texts": dict(AMENDMENT_TEXTS)},
        }],
    }


def kommun() -> dict:
    """Åsby kommun's kultur- och fritidsnämnd and a förening: 400 000 kr a year for 2027–2028, raised to
    460 000 kr a year from 1 juli 2027; no tjänsteutlåtande for the agreement, so the tillägg's names its
    own officials."""
    data = stadsdel()
    data["parties"][0] = {"name": "Åsby kommun", "sector": "offentlig", "kind": "kommun",
                          "organisationsnummer": "212000-0142", "committee": "kultur- och fritidsnämnden",
                          "signatory": {"name": "Lars Ahl", "title": "förvaltningschef"}}
    data["parties"][1]["name"] = "Läxhjälpsföreningen i Åsby"
    data["period"] = {"start": dt("2027-01-01"), "end": dt("2028-12-31")}
    data["budget"]["rows"] = [{"item": "Personal", "amount": 300000}, {"item": "Lokaler", "amount": 100000}]
    data["decision"] = {"by": "kultur- och fritidsnämnden", "date": dt("2026-12-10"), "paragraph": "§ 88"}
    data["document"].update(date=dt("2026-12-15"), diarienummer="KFN 2026/311")  # signed after the decision
    del data["proposal"]
    amendment = data["amendments"][0]
    amendment.update(date=dt("2027-06-20"), effective=dt("2027-07-01"),
                     decision={"by": "kultur- och fritidsnämnden", "date": dt("2027-06-12"), "paragraph": "§ 51"})
    amendment["changes"] = [{"set": {"budget.rows": [{"item": "Personal", "amount": 360000},
                                                     {"item": "Lokaler", "amount": 100000}]}}]
    amendment["proposal"] = {"date": dt("2027-05-30"), "department": "Kultur- och fritidsförvaltningen",
                             "officials": [{"name": "Lars Ahl", "title": "Förvaltningschef"}],
                             "texts": dict(AMENDMENT_TEXTS)}
    return data


def dt(text: str):
    import datetime

    return datetime.date.fromisoformat(text)


def write(tmp_path: Path, data: dict, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def built(tmp_path: Path, data: dict) -> dict[str, dict[str, bytes]]:
    """Every file of the build, by document kind (the packets by file name) and format."""
    manifest = build(write(tmp_path, data), BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))
    out: dict[str, dict[str, bytes]] = {}
    for doc in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
        key = doc["kind"] if doc["kind"] != "packet" else next(iter(doc["files"].values()))
        out[key] = {fmt: (manifest.parent / name).read_bytes() for fmt, name in doc["files"].items()}
    return out


def pdf_text(data: bytes) -> str:
    return norm(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    return norm(" ".join(p.text for p in open_docx(io.BytesIO(data)).paragraphs))


@pytest.fixture(scope="module")
def stadsdel_files(tmp_path_factory):
    return built(tmp_path_factory.mktemp("stadsdel"), stadsdel())


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_decision_approves_tillagg_1_and_grants_the_extra_150000_once(stadsdel_files, fmt):
    text = (docx_text if fmt == "docx" else pdf_text)(stadsdel_files["addendum-proposal"][fmt])
    assert ("Skärholmens stadsdelsnämnd godkänner tillägg nr 1 till överenskommelsen om idéburet offentligt "
            "partnerskap (IOP) mellan Stockholms stad och Föreningen Träffpunkt Vårberg, daterad den 25 februari "
            "2026, diarienummer SKH 2026/0042, enligt bilaga 1. Tillägget gäller från och med den 1 april 2027."
            ) in text  # the list's numbers: the DOCX numbers it itself, the PDF writes them
    assert ("Skärholmens stadsdelsnämnd beviljar ett tillkommande bidrag om 150 000 kr (extra bidrag för "
            "kalenderåret 2027) ur Skärholmens stadsdelsnämnds budget.") in text
    # two years at 460 000 kr, and the 150 000 kr: computed, never typed
    assert "Bidraget för hela överenskommelsens period blir därmed 1 070 000 kr i stället för 920 000 kr." in text
    assert "Skärholmens stadsdelsnämnd uppdrar åt stadsdelsdirektören att underteckna tillägget." in text
    assert "Tillägget ökar bidraget med sammanlagt 150 000 kr från och med den 1 april 2027" in text
    assert "per år från och med" not in text  # nothing is added per year


def test_the_tjansteutlatande_has_its_sections_and_the_tillagg_as_bilaga_1(stadsdel_files):
    doc = open_docx(io.BytesIO(stadsdel_files["addendum-proposal"]["docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Förslag till beslut", "Bakgrund", "Ärendet", "Ärendets beredning",
                            "Förvaltningens synpunkter och förslag", "Ekonomiska konsekvenser", "Bilagor"]
    text = docx_text(stadsdel_files["addendum-proposal"]["docx"])
    assert ("Skärholmens stadsdelsnämnd beslutade den 19 februari 2026, § 8, att ingå överenskommelsen" in text
            and "med ett bidrag om 460 000 kr per år." in text)
    assert "En ny punkt, 5.1 a Extra bidrag för 2027, förs in." in text
    # no field says the föreningen took part in preparing the matter: the sentence states only what the spec says
    assert "Ärendet har beretts inom avdelningen för äldreomsorg." in text
    assert "i dialog med" not in text
    assert text.split("Bilagor")[-1].strip() == ("Förslag till tillägg nr 1 till överenskommelse om idéburet offentligt "
                                                 "partnerskap (IOP) mellan Stockholms stad och Föreningen Träffpunkt "
                                                 "Vårberg")
    letterhead = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Dnr SKH 2027/0090" in norm(letterhead) and "Handläggare: Jonas Ek" in norm(letterhead)


def test_the_packet_is_the_tjansteutlatande_then_the_tillagg_as_bilaga_1(stadsdel_files):
    packet = stadsdel_files["spec-handlingar-tillagg-1.pdf"]["pdf"]
    reader = PdfReader(io.BytesIO(packet))
    first, rest = norm(reader.pages[0].extract_text()), norm(" ".join(p.extract_text() for p in reader.pages[1:]))
    assert "Förslag till beslut" in first and "godkänner tillägg nr 1" in first
    assert "Bilaga 1" in rest and "Det ska införas en ny punkt, 5.1 a, av följande lydelse:" in rest
    assert "Handlingar: Tillägg nr 1 till överenskommelsen" in reader.metadata.title
    assert "spec-handlingar.pdf" in stadsdel_files  # the agreement's packet as before


def test_a_raise_per_year_from_mid_year_is_counted_to_the_periods_end(tmp_path):
    files = built(tmp_path, kommun())
    for fmt in ("docx", "pdf"):
        text = (docx_text if fmt == "docx" else pdf_text)(files["addendum-proposal"][fmt])
        # 400 000 → 460 000 kr a year from 1 juli 2027: 60 000 a year, 18 months to 31 december 2028
        assert ("Kultur- och fritidsnämnden beviljar ett utökat bidrag till partnerskapet om 60 000 kr per år från "
                "och med den 1 juli 2027 ur kultur- och fritidsnämndens budget.") in text
        assert "Sammanlagt ökar bidraget med 90 000 kr till och med den 31 december 2028." in text
        assert "blir därmed 890 000 kr i stället för 800 000 kr." in text
        assert "Bidraget för 2028 förutsätter att kultur- och fritidsnämnden har medel" in text
        assert "Bidraget enligt budgeten: 400 000 kr per år före tillägget, 460 000 kr per år efter." in text
        # whether the money fits is the förvaltning's assessment, in its words, never drafter's (trial7 item 6)
        assert ("blir 890 000 kr, mot 800 000 kr enligt överenskommelsen. Förvaltningen bedömer att ökningen för i "
                "år kan mötas inom nämndens budgetram. Budgeten beslutas för ett kalenderår i taget, så bidraget "
                "för 2028 förutsätter att medel finns i budgeten för det året.") in text
        assert "ryms inom" not in text
    doc = open_docx(io.BytesIO(files["addendum-proposal"]["docx"]))
    officials = norm(" ".join(c.text for t in doc.tables for row in t.rows for c in row.cells))
    assert "Lars Ahl" in officials and "Förvaltningschef" in officials  # its own officials
    assert "Lars Ahl Förvaltningschef" in pdf_text(files["addendum-proposal"]["pdf"])


def test_a_tillagg_without_proposal_makes_no_tjansteutlatande(tmp_path):
    data = stadsdel()
    del data["amendments"][0]["proposal"]
    kinds = [d.kind for d in assemble_documents(load_spec(write(tmp_path, data)), ClauseLibrary(CLAUSES))]
    assert kinds == ["agreement", "proposal", "addendum", "consolidated"]


def test_without_any_proposal_the_tillaggs_needs_its_officials(tmp_path):
    data = kommun()
    del data["amendments"][0]["proposal"]["officials"]
    with pytest.raises(DrafterError, match="behöver officials"):
        load_spec(write(tmp_path, data))


def test_the_proposals_checks_apply_to_it(tmp_path):
    data = stadsdel({"date": dt("2027-02-20")})  # no texts: the standard outline's placeholders stay
    findings = check_spec(load_spec(write(tmp_path, data)), ClauseLibrary(CLAUSES))
    ours = [f for f in findings if f.document == "addendum-proposal"]
    assert {f.code for f in ours} >= {"placeholder", "clause-unapproved"}
    assert any("[Beskriv varför överenskommelsen behöver ändras här]" in f.message for f in ours)
    # the computed sums and the rest of the period are the model's, not an error
    assert not [f for f in ours if f.code in ("budget-amount", "period-mismatch")]


def test_a_wrong_amount_typed_in_its_text_is_still_caught(tmp_path):
    data = stadsdel()
    data["amendments"][0]["proposal"]["texts"]["synpunkter"] = "Tillägget kostar 175 000 kr för perioden."
    findings = check_spec(load_spec(write(tmp_path, data)), ClauseLibrary(CLAUSES))
    assert any(f.code == "budget-amount" and f.document == "addendum-proposal" and "175 000" in f.message
               for f in findings)


def test_a_decided_tillaggs_tjansteutlatande_is_warned_until_locked(tmp_path, monkeypatch):
    """Signed and decided: every clause fastställd for Skärholmens stadsdelsnämnd in a copy of the library."""
    import datetime
    import shutil

    from click.testing import CliRunner

    from drafter.checks.context import CheckContext
    from drafter.checks.proposal_lock import check_proposal_unlocked
    from drafter.cli import main
    from drafter.clauses.approve import approve_many, new_approval

    shutil.copytree(CLAUSES, tmp_path / "clauses")
    monkeypatch.chdir(tmp_path)
    data = stadsdel()
    data["document"]["status"] = "slutlig"
    path = write(tmp_path, data)
    library = ClauseLibrary(tmp_path / "clauses")
    used = sorted({f"{s.clause.id}@{s.clause.version}" for d in assemble_documents(load_spec(path), library)
                   for s in d.walk_sections() if s.clause})
    approve_many(library, used, new_approval("Skärholmens stadsdelsnämnd", datetime.date(2026, 2, 19),
                                             organisation="Stockholms stad", committee="Skärholmens stadsdelsnämnd"))
    ctx = CheckContext(load_spec(Path("spec.yaml")), ClauseLibrary(tmp_path / "clauses"))
    assert list(check_proposal_unlocked(ctx, today=datetime.date(2027, 3, 10))) == [
        f for f in check_proposal_unlocked(ctx, today=datetime.date(2027, 3, 10)) if f.document == "proposal"]
    (found,) = [f for f in check_proposal_unlocked(ctx, today=datetime.date(2027, 3, 11))
                if f.document == "addendum-proposal"]
    assert found.message.startswith("Tjänsteutlåtandet om tillägg nr 1 är beslutat (Skärholmens stadsdelsnämnd "
                                    "den 11 mars 2027, § 22), men är inte låst")
    assert "drafter lock spec.yaml --document tjansteutlatande-tillagg-1" in found.message
    monkeypatch.setattr("drafter.lock._today", lambda: datetime.date(2027, 3, 11))  # the day of the decision
    result = CliRunner().invoke(main, ["lock", "spec.yaml", "--document", "overenskommelse",
                                       "--document", "tjansteutlatande", "--document", "tjansteutlatande-tillagg-1"])
    assert result.exit_code == 0, result.output
    assert "Tjänsteutlåtandet om tillägg nr 1 låst i spec.lock: 4 klausulversioner" in result.output
    rebuilt = CliRunner().invoke(main, ["build", "spec.yaml", "-o", "after"])
    assert rebuilt.exit_code == 0, rebuilt.output  # built from its lock, with nothing changed
    locked = CheckContext(load_spec(Path("spec.yaml")), ClauseLibrary(tmp_path / "clauses"))
    assert list(check_proposal_unlocked(locked, today=datetime.date(2027, 3, 11))) == []


def test_a_decision_dated_before_the_tillaggs_tjansteutlatande_is_a_warning(tmp_path):
    data = stadsdel()
    data["amendments"][0]["proposal"]["date"] = dt("2027-03-12")  # the day after the meeting
    findings = check_spec(load_spec(write(tmp_path, data)), ClauseLibrary(CLAUSES))
    (found,) = [f for f in findings if f.code == "decision-before-proposal"]
    assert found.severity == "warning" and found.message.startswith(
        "Beslutet om tillägg nr 1 är daterat 11 mars 2027 (Skärholmens stadsdelsnämnd), före tjänsteutlåtandet "
        "om tillägget 12 mars 2027")


def test_a_reduction_is_said_as_one_with_no_budget_to_find(tmp_path):
    from drafter.model.text import block_lines

    data = kommun()
    data["amendments"][0]["changes"] = [{"set": {"budget.rows": [{"item": "Personal", "amount": 260000},
                                                                 {"item": "Lokaler", "amount": 100000}]}}]
    docs = assemble_documents(load_spec(write(tmp_path, data)), ClauseLibrary(CLAUSES))
    (tu,) = [d for d in docs if d.kind == "addendum-proposal"]
    text = norm(" ".join(line for s in tu.walk_sections() for b in s.blocks for line in block_lines(b)))
    # 400 000 → 360 000 kr a year from 1 juli 2027: 40 000 a year less, 60 000 kr less to 31 december 2028
    assert ("Kultur- och fritidsnämnden minskar bidraget till partnerskapet med 40 000 kr per år från och med den "
            "1 juli 2027. Sammanlagt minskar bidraget med 60 000 kr till och med den 31 december 2028.") in text
    assert "blir därmed 740 000 kr i stället för 800 000 kr." in text
    assert "Kostnaden i kultur- och fritidsnämndens budget minskar i motsvarande mån." in text
    assert "förutsätter" not in text and "ryms inom" not in text


def extended(raise_to: int | None = None) -> dict:
    """Åsby's agreement for 2027–2028 at 400 000 kr a year, prolonged by tillägg nr 1 to 31 december 2029
    from 1 juli 2027 (and, with `raise_to`, Personal raised so the grant is `raise_to` kr a year)."""
    data = kommun()
    changes: dict = {"period.end": dt("2029-12-31")}
    if raise_to is not None:
        changes["budget.rows"] = [{"item": "Personal", "amount": raise_to - 100000}, {"item": "Lokaler", "amount": 100000}]
    data["amendments"][0]["changes"] = [{"set": changes}]
    return data


def test_a_tillagg_that_prolongs_the_period_builds_and_grants_the_added_year(tmp_path):
    # the bakgrund states the signed agreement's period (2027–2028): no period-mismatch against the new one
    files = built(tmp_path, extended())
    text = docx_text(files["addendum-proposal"]["docx"])
    assert "Den gäller från och med den 1 januari 2027 till och med den 31 december 2028" in text
    # one more year at 400 000 kr is a grant the nämnd decides: never "ändrar inte bidraget"
    assert "ändrar inte bidraget" not in text and "ändrar fördelningen" not in text
    assert ("Kultur- och fritidsnämnden beviljar ett bidrag om 400 000 kr för förlängningen av överenskommelsen "
            "till och med den 31 december 2029 ur kultur- och fritidsnämndens budget.") in text
    assert "Bidraget för hela överenskommelsens period blir därmed 1 200 000 kr i stället för 800 000 kr." in text
    assert "minskar i motsvarande mån" not in text


def test_a_raise_and_a_longer_period_count_the_new_rate_to_the_new_end(tmp_path):
    text = docx_text(built(tmp_path, extended(raise_to=460000))["addendum-proposal"]["docx"])
    # 400 000 a year to 30 juni 2027, then 460 000 a year for 30 months to 31 december 2029
    assert "Sammanlagt ökar bidraget med 550 000 kr till och med den 31 december 2029." in text
    assert "Bidraget för hela överenskommelsens period blir därmed 1 350 000 kr i stället för 800 000 kr." in text


def test_a_later_tillaggs_bakgrund_says_the_end_an_earlier_one_gave(tmp_path):
    """Tillägg nr 1 prolongs the agreement to 31 december 2029; tillägg nr 2's tjänsteutlåtande must not
    tell the nämnd that the agreement runs to 31 december 2028 only, and counts its money on the new end."""
    import copy

    data = extended()
    first = data["amendments"][0]
    second = copy.deepcopy(first)
    del first["proposal"]
    second.update(number=2, date=dt("2028-11-20"), effective=dt("2029-01-01"),
                  decision={"by": "kultur- och fritidsnämnden", "date": dt("2028-11-12"), "paragraph": "§ 70"})
    second["changes"] = [{"set": {"budget.rows": [{"item": "Personal", "amount": 360000},
                                                  {"item": "Lokaler", "amount": 100000}]}}]
    second["proposal"]["date"] = dt("2028-10-30")
    data["amendments"].append(second)
    text = docx_text(built(tmp_path, data)["addendum-proposal"]["docx"])
    assert ("Den gäller från och med den 1 januari 2027 till och med den 31 december 2028, med ett bidrag om "
            "400 000 kr per år. Genom tidigare tillägg gäller den till och med den 31 december 2029.") in text
    assert "Bidraget för hela överenskommelsens period blir därmed 1 260 000 kr i stället för 1 200 000 kr." in text


def test_a_tillagg_with_nothing_to_sign_says_its_tjansteutlatande_is_not_made_either(tmp_path):
    """review4: a tillägg whose only change is money no point of the agreement states makes no tillägg,
    and so no tjänsteutlåtande either; the warning said only the first, and the proposal: went unsaid."""
    data = stadsdel()
    data["amendments"][0]["changes"] = data["amendments"][0]["changes"][:1]  # the extra grant, no text for it
    (found,) = [f for f in check_spec(load_spec(write(tmp_path, data)), ClauseLibrary(CLAUSES))
                if f.code == "amendment-nothing-to-sign"]
    assert "inget tillägg nr 1 görs, och inte heller tjänsteutlåtandet om det (proposal:)" in found.message
    assert "Ett bidrag som överenskommelsen inte anger binder inte parterna" in found.message


def test_a_prolongation_from_the_middle_of_a_month_still_counts_the_added_year(tmp_path):
    """The months from 15 juli 2027 are no whole number, but the grant per year does not change: only the
    added year (1 januari–31 december 2029) is new money, and it is 400 000 kr."""
    data = extended()
    data["amendments"][0]["effective"] = dt("2027-07-15")
    text = docx_text(built(tmp_path, data)["addendum-proposal"]["docx"])
    assert ("Kultur- och fritidsnämnden beviljar ett bidrag om 400 000 kr för förlängningen av överenskommelsen "
            "till och med den 31 december 2029") in text
    assert "ändrar fördelningen" not in text


def test_without_the_forvaltnings_budget_assessment_the_tillagg_says_nothing_fits(tmp_path):
    """trial7 item 6: "Det ryms inom socialnämndens budget för 2028" was drafter's claim, in no spec. Without
    proposal.texts: ekonomi-budget a placeholder stands there, and the placeholder check says so."""
    from drafter.model.text import block_lines

    data = kommun()
    del data["amendments"][0]["proposal"]["texts"]["ekonomi-budget"]
    loaded = load_spec(write(tmp_path, data))
    docs = assemble_documents(loaded, ClauseLibrary(CLAUSES))
    (tu,) = [d for d in docs if d.kind == "addendum-proposal"]
    text = norm(" ".join(line for s in tu.walk_sections() for b in s.blocks for line in block_lines(b)))
    assert "ryms inom" not in text
    assert "[Förvaltningens bedömning av om tillägget ryms i nämndens budget (proposal.texts: ekonomi-budget)]" in text
    found = [f for f in check_spec(loaded, ClauseLibrary(CLAUSES))
             if f.code == "placeholder" and f.document == "addendum-proposal"]
    assert [f.severity for f in found if "ekonomi-budget" in f.message] == ["error"]


def test_the_beredning_names_who_took_part_only_when_the_spec_says_so(tmp_path):
    """trial8: "i dialog med <förening>" was drafter's claim. The official states it, as beredning@1
    reads it: figures: beredning_i_samarbete_med."""
    data = stadsdel()
    data["figures"]["beredning_i_samarbete_med"] = "Föreningen Träffpunkt Vårberg"
    manifest = build(write(tmp_path, data), BuildOptions(out_dir=tmp_path / "out", formats=("docx",),
                                                         library=ClauseLibrary(CLAUSES)))
    docs = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    name = next(d["files"]["docx"] for d in docs if d["kind"] == "addendum-proposal")
    text = docx_text((manifest.parent / name).read_bytes())
    assert ("Ärendet har beretts inom avdelningen för äldreomsorg i samarbete med Föreningen Träffpunkt "
            "Vårberg.") in text
