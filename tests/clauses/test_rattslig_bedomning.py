"""tjansteutlatande/rattslig-bedomning@3: the legal assessment is the förvaltning's, never drafter's.

trial8 §9: v2 said in drafter's own words, before the förvaltning's text, that the agreement "är inte ett
köp av tjänster", that the kommun gets "ingen motprestation" and that the activity "är av allmänt
intresse" – conclusions of a case-by-case assessment nobody entered. v3 states the rule each question is
judged by, the facts the spec holds (an egen insats, de minimis, the agreement's point on statsstöd),
then the förvaltning's own assessment; a missing one is a placeholder that `drafter check` reports.
Built from the generic kommun spec (tests/generic), not the examples; read back from the DOCX.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from docx import Document as DocxDocument

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.model.text import section_lines
from drafter.pipeline import prepare
from helpers import CLAUSES, ROOT, write_spec

KOMMUN = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"
LEGAL = ("rattslig-lou", "rattslig-statsstod", "rattslig-kl")


def _data(version: int, texts: bool = True) -> dict:
    data = yaml.safe_load(KOMMUN.read_text(encoding="utf-8"))
    data["proposal"]["outline"] = {"standard": "iop-tjansteutlatande-facknamnd", "replace": {
        "tjansteutlatande/rattslig-bedomning": f"tjansteutlatande/rattslig-bedomning@{version}"}}
    if not texts:
        for key in LEGAL:
            data["texts"].pop(key)
    return data


def _assessment(tmp_path: Path, data: dict) -> str:
    """The section as built into the DOCX (a spec with placeholders left is checked, not built: then
    as assembled, the text every writer prints)."""
    spec = write_spec(tmp_path, data)
    prepared = prepare(spec, ClauseLibrary(CLAUSES))
    if prepared.has_errors:
        proposal = next(d for d in prepared.documents if d.kind == "proposal")
        section = next(s for s in proposal.walk_sections() if s.heading == "Rättslig bedömning")
        return "\n".join(section_lines(section)[1:]).replace("\u00a0", " ")
    out = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES),
                                   formats=("docx",))).parent
    paragraphs = [p.text for p in DocxDocument(str(out / "spec-tjansteutlatande.docx")).paragraphs]
    start = paragraphs.index("Rättslig bedömning")
    return "\n".join(paragraphs[start + 1:paragraphs.index("Bilagor", start)]).replace("\u00a0", " ")


CLAIMS = ("inte är tillämplig", "inte ett köp av tjänster", "ingen motprestation för bidraget",
          "alla parter bidrar", "Verksamheten är av allmänt intresse")


def test_v2_states_the_conclusions_in_drafters_words(tmp_path):
    """What the kommunjurist read (the old version still builds as it did)."""
    data = _data(2, texts=False)
    text = _assessment(tmp_path, data)
    assert all(claim in text for claim in CLAIMS)


def test_v3_without_the_forvaltnings_texts_claims_nothing_and_is_an_error(tmp_path):
    data = _data(3, texts=False)
    text = _assessment(tmp_path, data)
    assert not [claim for claim in CLAIMS if claim in text]
    assert "[Förvaltningens bedömning: är överenskommelsen ett köp av tjänster?" in text
    # the rule each question is judged by is stated, as the law's, not as a finding about this partnership
    assert "(2 kap. 1 § kommunallagen)" in text and "artikel 107.1" in text
    findings = prepare(write_spec(tmp_path, data, "check.yaml"), ClauseLibrary(CLAUSES)).findings
    errors = [f for f in findings if f.code == "placeholder" and "rattslig-bedomning@3" in str(f)]
    assert errors and all(f.severity == "error" for f in errors)  # the build is refused until it is written


def test_v3_gives_the_forvaltnings_assessment_after_the_facts_the_spec_holds(tmp_path):
    data = _data(3)
    data["other_amounts"] = {"egen_insats": {"amount": 180000, "per": "år", "kind": "egen insats"},
                             "arvsfonden": {"amount": 50000, "kind": "annan finansiering"}}
    data["figures"] = {**(data.get("figures") or {}), "de_minimis": True}
    text = _assessment(tmp_path, data)
    lou = next(line for line in text.splitlines() if line.startswith("Upphandling."))
    # the facts from the spec's fields first, then the förvaltning's own words with its conclusion
    assert lou.endswith("Enligt överenskommelsen lämnar Åsby kommun ett bidrag till partnerskapet enligt en budget, "
                        "och föreningen bidrar med en egen insats till ett uppskattat värde av 180 000 kr per år. "
                        + " ".join(data["texts"]["rattslig-lou"].split()))
    assert "50 000 kr" not in lou  # other funding is no egen insats
    assert "Bidraget lämnas som stöd av mindre betydelse enligt kommissionens förordning (EU) 2023/2831." in text
    # the standard agreement outline has villkor/statsstod: the repayment it provides for may be cited
    assert "Överenskommelsen har en punkt om statsstöd" in text
    # a conclusion stands only in the förvaltning's own words (its texts state them: "inte är tillämplig")
    drafters = text
    for key in LEGAL:
        drafters = drafters.replace(" ".join(data["texts"][key].split()), "")
    assert not [claim for claim in CLAIMS if claim in drafters]


def test_v3_cites_no_point_on_statsstod_the_agreement_does_not_have(tmp_path):
    data = _data(3)
    outline = data["outline"]
    outline["remove"] = [*outline.get("remove", []), "villkor/statsstod"]
    text = _assessment(tmp_path, data)
    assert "Överenskommelsen har en punkt om statsstöd" not in text
    assert "egen insats" not in text  # the spec declares none
