"""signed-draft: a spec that says its agreement is already signed (document.signed: true) and that its
documents are drafts (document.status: utkast) contradicts itself: the agreement would be built with the
day its parties signed and "UTKAST" on every page. The finding names both fields and says what to write."""

from checks.support import findings, line_of, of, spec_file
from helpers import EXAMPLE, example_data


def signed(status: str | None = None) -> dict:
    data = example_data()
    data["document"]["signed"] = True
    if status:
        data["document"]["status"] = status
    else:
        data["document"].pop("status", None)
    return data


def test_a_signed_agreement_that_is_a_draft(tmp_path):
    spec = spec_file(tmp_path, signed())
    (f,) = of(findings(spec), "signed-draft")  # once, not again for each tillägg's run
    assert f.severity == "warning" and f.where == line_of(spec, "signed: true") and f.document == "agreement"
    said = f.message.replace("\xa0", " ")
    assert "document.signed: true" in said and "(document.status: utkast, som gäller när status inte anges)" in said
    assert "En undertecknad överenskommelse är inget utkast" in said
    assert "skriv document.status: slutlig" in f.hint and "ta bort signed: true" in f.hint
    spec = spec_file(tmp_path, signed("utkast"), "written.yaml")
    (f,) = of(findings(spec), "signed-draft")
    assert "document.status: utkast)" in f.message  # written so, not the default


def test_a_consistent_pair_gives_no_finding(tmp_path):
    assert of(findings(spec_file(tmp_path, signed("slutlig"))), "signed-draft") == []
    assert of(findings(EXAMPLE), "signed-draft") == []  # a draft, to be signed
