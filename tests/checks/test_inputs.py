"""clause-unknown, clause-version-unknown, xref-unresolved: what stops assembly becomes findings."""

from checks.support import findings, library_with, line_of, of, spec_file
from helpers import example_data


def test_every_unknown_clause_and_version_is_reported_with_its_line(tmp_path):
    data = example_data()
    data["outline"] += ["villkor/finns-inte", "villkor/aterkrav@9"]
    spec = spec_file(tmp_path, data)
    found = findings(spec)
    (unknown,) = of(found, "clause-unknown")
    (version,) = of(found, "clause-version-unknown")
    assert unknown.severity == version.severity == "error"
    assert "Klausulen 'villkor/finns-inte' finns inte" in unknown.message
    assert unknown.where == line_of(spec, "- villkor/finns-inte")
    assert "ingen version 9" in version.message and "Versioner som finns: 1" in version.message
    assert version.where == line_of(spec, "- villkor/aterkrav@9")
    assert of(found, "budget-period")  # the spec's own checks still run


def test_reference_to_a_clause_not_in_the_document(tmp_path):
    data = example_data()
    data["outline"].append("test/hanvisning")
    spec = spec_file(tmp_path, data)
    clauses = library_with(tmp_path, {"test/hanvisning": 'Se {{ ref("street-minds/bostad-forst-modellen") }}.'})
    (f,) = of(findings(spec, clauses), "xref-unresolved")
    assert f.severity == "error"
    assert "'street-minds/bostad-forst-modellen'" in f.message and "inte finns med" in f.message
    assert f.where == line_of(spec, "- test/hanvisning")  # the spec line that brings the clause in
    assert "Klausulen test/hanvisning@1 hänvisar till" in f.message


def test_reference_in_a_pinned_version_names_the_line_that_pins_it(tmp_path):
    """parter/vardegrund@2 refers to villkor/havning (trial4: the finding named no spec file or line)."""
    data = example_data()
    data["outline"][1]["sections"][6] = "parter/vardegrund@2"
    spec = spec_file(tmp_path, data)
    (f,) = of(findings(spec), "xref-unresolved")
    assert f.where == line_of(spec, "- parter/vardegrund@2")
    assert f.message.startswith("Klausulen parter/vardegrund@2 hänvisar till 'villkor/havning'")
    assert "överenskommelsen" in f.message


def test_reference_in_a_standard_outlines_clause_names_the_standard_line(tmp_path):
    """A clause only the standard outline names: the spec's `standard:` line brings it in."""
    data = example_data()
    data["outline"] = {"standard": "iop-overenskommelse", "remove": ["villkor/havning"]}
    spec = spec_file(tmp_path, data)
    found = of(findings(spec), "xref-unresolved")
    assert found and all(f.where == line_of(spec, "standard: iop-overenskommelse") for f in found)
    assert any("'villkor/havning'" in f.message for f in found)
