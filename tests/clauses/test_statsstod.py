"""villkor/statsstod@2: the agreement states an assessment of statsstöd only as the spec backs it.

v1 wrote, in drafter's fixed words, "Parterna bedömer att bidraget inte är statsstöd, eftersom det lämnas till
en verksamhet som inte är ekonomisk verksamhet eller som inte kan påverka handeln …" – the flaw
rattslig-bedomning@3 fixed in the tjänsteutlåtande. v2 states the rule (artikel 107.1 EUF-fördraget), then
the parties' own assessment (texts: statsstod-bedomning); with figures.de_minimis, the regulation (EU)
2023/2831 and its ceiling. A missing assessment is a placeholder `drafter check` reports as an error.
Built from the generic kommun spec (tests/generic), not the examples; read back from the agreement's DOCX.
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
V1 = "Parterna bedömer att bidraget inte är statsstöd, eftersom det lämnas till en verksamhet"
RULE = ("Ett bidrag är statligt stöd om det ger en ekonomisk verksamhet en selektiv fördel som snedvrider eller "
        "hotar att snedvrida konkurrensen. Dessutom ska det kunna påverka handeln mellan EU:s medlemsstater "
        "(artikel 107.1 i fördraget om Europeiska unionens funktionssätt).")


def _data(version: int | None, text: bool = True, de_minimis: bool = False) -> dict:
    data = yaml.safe_load(KOMMUN.read_text(encoding="utf-8"))
    if version is not None:
        data["outline"]["replace"] = {"villkor/statsstod": f"villkor/statsstod@{version}"}
    if not text:
        data["texts"].pop("statsstod-bedomning")
    if de_minimis:
        data.setdefault("figures", {})["de_minimis"] = True
    return data


def _term(tmp_path: Path, data: dict) -> tuple[str, list]:
    """The agreement's point Statsstöd as built into the DOCX (as assembled when errors stop the build),
    and the findings."""
    spec = write_spec(tmp_path, data)
    prepared = prepare(spec, ClauseLibrary(CLAUSES))
    if prepared.has_errors:
        agreement = next(d for d in prepared.documents if d.kind == "agreement")
        section = next(s for s in agreement.walk_sections() if s.heading == "Statsstöd")
        return "\n".join(section_lines(section)[1:]).replace("\u00a0", " "), prepared.findings
    out = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES), formats=("docx",)))
    paragraphs = [p.text.replace("\u00a0", " ") for p in
                  DocxDocument(str(out.parent / "spec-overenskommelse.docx")).paragraphs]
    start = next(i for i, p in enumerate(paragraphs) if p.endswith("Statsstöd"))
    return "\n".join(paragraphs[start + 1:start + 4]), prepared.findings


def test_v1_states_the_parties_assessment_in_drafters_words(tmp_path):
    """What the kommunjurist read (a spec pinning v1 builds as it did)."""
    term, _ = _term(tmp_path, _data(1, text=False))
    assert V1 in term


def test_v2_without_the_parties_text_claims_nothing_and_is_an_error(tmp_path):
    term, findings = _term(tmp_path, _data(None, text=False))
    assert RULE in term and V1 not in term and "bedömer att" not in term
    assert "[Parternas bedömning: är verksamheten ekonomisk" in term
    errors = [f for f in findings if f.code == "placeholder" and "villkor/statsstod@2" in str(f)]
    assert errors and all(f.severity == "error" for f in errors)


def test_v2_gives_the_parties_assessment_after_the_rule(tmp_path):
    data = _data(None)
    term, _ = _term(tmp_path, data)
    assert term.splitlines()[0] == RULE + " " + " ".join(data["texts"]["statsstod-bedomning"].split())
    assert V1 not in term
    assert "Föreningen ska då genast informera nämnden skriftligen." in term


def test_v2_de_minimis_is_backed_by_the_spec_and_names_the_ceiling(tmp_path):
    term, findings = _term(tmp_path, _data(None, text=False, de_minimis=True))
    assert not [f for f in findings if f.code == "placeholder" and "villkor/statsstod" in str(f)]
    assert term.splitlines()[0] == (
        "Bidraget lämnas som stöd av mindre betydelse enligt kommissionens förordning (EU) 2023/2831. Sådant stöd "
        "till ett enda företag får enligt förordningen uppgå till högst 300 000 euro under en period av tre år. "
        "Föreningen ska innan överenskommelsen undertecknas skriftligen uppge vilket annat stöd av mindre betydelse "
        "organisationen har fått under de senaste tre åren, så att nämnden kan pröva att taket inte överskrids.")
    assert RULE not in term and "bedömer" not in term
