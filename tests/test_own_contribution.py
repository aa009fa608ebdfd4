"""The association's own contribution: written as README and the web form say (other_amounts.egen_insats),
shown in "Parternas insatser" of the agreement (parter/insatser@2, in the generic outline)."""

import re

import pytest
from pypdf import PdfReader

from helpers import CLAUSES, ROOT
from test_new import fill, run

NB = "\u00a0"


def _built_agreement(tmp_path, other_amounts: str, figures: str = "{}") -> tuple[str, str]:
    """A new partnership's spec (drafter new, filled in) with these other_amounts: `check`'s output and the
    agreement's PDF text."""
    agreements = tmp_path / "agreements"
    assert run("new", "laxhjalpen-norr", "--agreements", agreements, "--clauses", CLAUSES).exit_code == 0
    spec = agreements / "laxhjalpen-norr.yaml"
    text = fill(spec.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^figures: \{\}.*$", f"figures: {figures}\n{other_amounts}", text, count=1)
    spec.write_text(text, encoding="utf-8")
    checked = run("check", spec, "--clauses", CLAUSES)
    assert checked.exit_code == 0, checked.output
    assert run("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES).exit_code == 0
    pdf = tmp_path / "out" / "laxhjalpen-norr" / "laxhjalpen-norr-overenskommelse.pdf"
    return checked.output, " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())


@pytest.mark.parametrize(("written", "expected"), [
    ("other_amounts:\n  egen_insats: 240000\n",
     f"Föreningen bidrar med ideellt arbete, egen kunskap om målgruppen och egna nätverk, till ett "
     f"uppskattat värde av 240{NB}000{NB}kr."),
    ("other_amounts:\n  egen_insats: {amount: 240000, kind: egen insats, item: Ideellt arbete}\n",
     f"Föreningen bidrar med ideellt arbete, egen kunskap om målgruppen och egna nätverk, till ett "
     f"uppskattat värde av 240{NB}000{NB}kr."),
])
def test_the_documented_field_shows_in_the_agreement(tmp_path, written, expected):
    output, text = _built_agreement(tmp_path, written)
    assert expected.replace(NB, " ") in text.replace(NB, " "), text[text.find("Parternas insatser"):][:400]
    assert "budget-amount" not in output  # a declared amount: the check knows it


def test_the_older_figures_form_still_reads_as_before(tmp_path):
    _, text = _built_agreement(tmp_path, "", "{egen_insats: 150000, egen_insats_text: volontärer som ger läxhjälp}")
    assert "bidrar med volontärer som ger läxhjälp, till ett uppskattat värde av 150 000 kr per år" in \
        text.replace(NB, " ")


@pytest.mark.parametrize("spec", sorted((ROOT / "tests" / "generic").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_new_version_reads_as_v1_without_other_amounts(spec):
    """v2 is v1 plus other_amounts: the same text for every spec v1 served (none has other_amounts)."""
    from drafter.assemble.context import clause_context
    from drafter.clauses.library import ClauseLibrary
    from drafter.clauses.render import render_clause
    from drafter.spec.load import load_spec

    library = ClauseLibrary(CLAUSES)
    v1, v2 = library.get("parter/insatser@1"), library.get("parter/insatser@2")
    assert v2.meta.status == "granskad" and v1.meta.heading == v2.meta.heading
    loaded = load_spec(spec).spec
    assert not loaded.other_amounts
    context = clause_context(loaded, "agreement")
    assert render_clause(v2, context) == render_clause(v1, context)
