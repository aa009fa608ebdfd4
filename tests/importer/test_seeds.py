"""`drafter import` of the two real documents: the draft spec rebuilds them, the data is recognised,
and the seed's numbering mistakes are reported."""

import datetime as dt

import pytest
import yaml

from importer.support import built, imported
from similarity import AGREEMENT_2026, PROPOSAL_2023, differences, seed_text, similarity


@pytest.fixture(scope="module")
def agreement(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("import2026")
    result = imported(tmp, AGREEMENT_2026, "street-minds-2026")
    return result, built(tmp, result)


@pytest.fixture(scope="module")
def proposal(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("import2023")
    result = imported(tmp, PROPOSAL_2023, "street-minds-2023")
    return result, built(tmp, result)


@pytest.mark.parametrize("fmt", [0, 1], ids=["docx", "pdf"])
def test_seed_000_rebuilds_the_agreement(agreement, fmt):
    _, texts = agreement
    seed = seed_text(AGREEMENT_2026)
    assert similarity(seed, texts["agreement"][fmt]) >= 0.99, differences(seed, texts["agreement"][fmt])


@pytest.mark.parametrize("fmt", [0, 1], ids=["docx", "pdf"])
def test_seed_001_rebuilds_the_proposal(proposal, fmt):
    _, texts = proposal
    seed = seed_text(PROPOSAL_2023)
    assert similarity(seed, texts["proposal"][fmt]) >= 0.99, differences(seed, texts["proposal"][fmt])


def test_seed_000_numbering_findings(agreement):
    result, _ = agreement
    assert all(f.code == "numbering" and f.severity == "warning" for f in result.findings)
    numbers = [f.message.split()[1] for f in result.findings]
    assert numbers == ["2.5", "3.4", "4.2", "5.8"]
    lines = [int(f.where.rsplit(":", 1)[1]) for f in result.findings]
    source = AGREEMENT_2026.read_text(encoding="utf-8").splitlines()
    assert [source[n - 1].strip("# *") for n in lines] == [
        "2.5 Åtaganden", "3.4 Samverkansgruppen", "4.2 Synpunkter och klagomål", "5.8 Oenighet mellan parterna"]
    assert all(f.where.startswith(str(result.spec_path.parent.parent / AGREEMENT_2026.name)) for f in result.findings)


def test_seed_001_has_no_numbering_findings(proposal):
    assert proposal[0].findings == []


def spec_of(result) -> dict:
    return yaml.safe_load(result.spec_path.read_text(encoding="utf-8"))


def test_seed_000_recognised_data(agreement):
    result, _ = agreement
    spec = spec_of(result)
    assert {p["name"]: p["organisationsnummer"] for p in spec["parties"]} == {
        "Stockholms stad": "212000-0142", "Street Minds": "802524-2879"}
    # the source names Socialförvaltningen as party: the spec has the current form, the kommun as the
    # party acting through socialnämnden, with the förvaltning as administration (no party-legal-person)
    public = spec["parties"][0]
    assert (public["kind"], public["committee"], public["administration"]) == (
        "kommun", "socialnämnden", "Socialförvaltningen")
    assert spec["period"] == {"start": dt.date(2026, 7, 1), "end": dt.date(2026, 12, 31),
                              "renewal": {"unit": "kalenderår", "max_end": dt.date(2028, 12, 31),
                                          "notice_deadline": "09-30"}}
    assert spec["budget"]["months"] == 12 and sum(r["amount"] for r in spec["budget"]["rows"]) == 1_000_000
    assert [r["item"] for r in spec["budget"]["rows"]][:2] == ["Personal", "Konsulter"]
    public, partner = spec["parties"]
    assert public["signatory"] == {"name": "Veronica Carstorp Wolgast", "title": "socialdirektör",
                                   "signs_for": "socialnämnden i Stockholms stad"}
    assert partner["signatory"] == {"title": "ordförande"}  # "xxxxxxx": no name
    assert spec["document"]["place"] == "Stockholm" and "proposal" not in spec
    assert all(ref.endswith("@1") for ref in _refs(spec["outline"]))
    report = "\n".join(result.report()).replace("\u00a0", " ")
    assert "212000-0142" in report and "1 000 000" in report and "2028-12-31" in report


def test_seed_001_recognised_data(proposal):
    result, _ = proposal
    spec = spec_of(result)
    assert {p["name"]: p["organisationsnummer"] for p in spec["parties"]} == {
        "Stockholms stads socialnämnd": "212000-0142", "Street Minds": "802524-2879"}
    assert spec["period"] == {"start": dt.date(2023, 7, 1), "end": dt.date(2024, 6, 30),
                              "renewal": {"unit": "halvår", "max_end": dt.date(2026, 6, 30),
                                          "notice_deadline": "12-31"}}
    assert [r["amount"] for r in spec["budget"]["rows"]] == [1_000_000]
    proposal_part = spec["proposal"]
    assert proposal_part["title"].startswith("Idéburet offentligt partnerskap – öppen verksamhet")
    assert proposal_part["subtitle"].startswith("Samverkan mellan socialförvaltningen")
    assert proposal_part["officials"] == [{"title": "Socialdirektör"}]  # titles only: no names in the source
    outline = proposal_part["outline"]
    assert outline[1] == {"block": "tjansteman"} and outline[0].endswith("forvaltningens-forslag-till-beslut@1")
    assert {"heading": "Bilagor", "block": "bilagor"} not in outline  # the source has none
    assert outline[4]["heading"] == "Ärendet"
    assert spec["outline"] == outline[4]["sections"]  # the agreement: the sections describing the partnership


def test_seed_clauses_are_drafts_with_source(agreement):
    result, _ = agreement
    text = (result.clause_dir / "period-for-partnerskapet" / "v1.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta == {"heading": "Period för partnerskapet", "version": 1, "status": "utkast",
                    "rationale": f"Importerad från {AGREEMENT_2026.name}",
                    "source": {"document": AGREEMENT_2026.name, "section": "5.1"}, "partnership": "street-minds-2026"}
    assert "från den {{ period.start | datum }} till och med {{ period.end | datum }}" in text
    assert "dock som längst till {{ period.renewal.max_end | datum }}" in text
    budget = (result.clause_dir / "ekonomisk-ersattning" / "v1.md").read_text(encoding="utf-8")
    assert '{{ block("budget") }}' in budget and "under {{ budget.months }} månader" in budget
    signing = (result.clause_dir / "signering-av-overenskommelsen" / "v1.md").read_text(encoding="utf-8")
    assert signing.count('{{ block("signaturer") }}') == 1 and "xxxxxxx" not in signing


def test_seed_001_footnotes_are_real_footnotes(proposal):
    result, texts = proposal
    text = (result.clause_dir / "bostad-forst-modellen" / "v1.md").read_text(encoding="utf-8")
    assert "återhämtning[^1] och" in text and "\n[^1]: Begreppet återhämtning" in text
    docx_text = texts["proposal"][0]
    assert "1 Begreppet återhämtning kan beskrivas" in docx_text


def _refs(outline):
    for item in outline:
        if isinstance(item, str):
            yield item
        elif item.get("clause"):
            yield item["clause"]
        if isinstance(item, dict):
            yield from _refs(item.get("sections", []))


def test_seed_000_party_in_the_current_form_checks_clean(agreement):
    """The förvaltning named as party is the kommun's administration: the texts still say
    "Socialförvaltningen (organisationsnummer 212000-0142)", and no party finding is left."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.pipeline import check_spec
    from drafter.spec.load import load_spec

    result, _ = agreement
    parter = (result.clause_dir / "parter" / "v1.md").read_text(encoding="utf-8")
    assert "{{ forvaltning }} (organisationsnummer" in parter
    found = check_spec(load_spec(result.spec_path), ClauseLibrary(result.clause_dir.parent.parent))
    assert [f for f in found if f.code.startswith(("party", "orgnr"))] == []
