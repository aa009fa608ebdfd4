"""An agreement imported from the signed document ("Storvik den 3 februari 2025" above the signatures) is
an agreement already signed: the import writes `document.signed: true`, and the rebuilt agreement states
the day under its signatures, as the parties wrote it. A source that leaves the day open is still to be
signed, and a renewal of a signed agreement is to be signed anew."""

from __future__ import annotations

import yaml

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import SignatureBlock
from drafter.spec.load import load_spec
from importer.support import imported
from importer.test_signatures_budget import source, spec_of


def _dates(result) -> set[str]:
    library = ClauseLibrary(result.clause_dir.parent.parent)
    agreement = next(d for d in assemble_documents(load_spec(result.spec_path), library) if d.kind == "agreement")
    return {s.place_and_date for section in agreement.walk_sections() for b in section.blocks
            if isinstance(b, SignatureBlock) for s in b.signatories}


def test_the_day_of_signing_in_the_source_makes_a_signed_agreement(tmp_path):
    result = imported(tmp_path, source(tmp_path, "docx", signatures="lines"), "gront-ljus")
    assert spec_of(result)["document"]["signed"] is True
    assert "signed: true  # undertecknad" in result.spec_path.read_text(encoding="utf-8")
    assert _dates(result) == {"Storvik den 3 februari 2025"}


def test_a_signed_agreement_is_imported_as_no_draft(tmp_path):
    """A signed agreement is a legal fact, a draft is not signed: the import writes the pair signed: true and
    status: slutlig, so the rebuilt agreement is never marked UTKAST (signed-draft, drafter/checks/signed.py),
    and the checks of a slutlig document ask that its imported texts be compared and fastställda first."""
    result = imported(tmp_path, source(tmp_path, "docx", signatures="lines"), "gront-ljus")
    document = spec_of(result)["document"]
    assert (document["signed"], document["status"]) == (True, "slutlig")
    assert "status: slutlig  # undertecknad: inget utkast" in result.spec_path.read_text(encoding="utf-8")
    assert any("document.status: slutlig och signed: true" in line for line in result.recognised.derived)
    library = ClauseLibrary(result.clause_dir.parent.parent)
    from drafter.house_style import draft_mark
    from drafter.pipeline import check_spec

    agreement = next(d for d in assemble_documents(load_spec(result.spec_path), library) if d.kind == "agreement")
    assert agreement.meta.status == "slutlig" and not draft_mark(agreement.meta)
    codes = {(f.code, f.severity) for f in check_spec(load_spec(result.spec_path), library)}
    assert ("signed-draft", "warning") not in codes and ("clause-unapproved", "error") in codes


def test_a_source_with_the_day_left_open_is_to_be_signed(tmp_path):
    result = imported(tmp_path, source(tmp_path, "docx", signatures="below"), "gront-ljus")
    assert "signed" not in spec_of(result)["document"] and "status" not in spec_of(result)["document"]  # utkast
    assert _dates(result) == {"Storvik den"}


def test_a_renewal_is_to_be_signed_anew(tmp_path):
    from test_renew import renewed

    path, _ = renewed(tmp_path, lambda text: text.replace("  place: Stockholm ", "  signed: true\n  place: Stockholm ", 1))
    assert yaml.safe_load((tmp_path / "agreements" / "street-minds-2026.yaml").read_text())["document"]["signed"]
    assert not {"signed", "status"} & set(yaml.safe_load(path.read_text(encoding="utf-8"))["document"])
