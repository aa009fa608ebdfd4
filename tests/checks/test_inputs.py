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
    assert f.where == "test/hanvisning@1"
