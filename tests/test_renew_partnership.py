"""`drafter renew` and `partnership:`: the renewed spec writes the partnership (kept as written, or as
the old spec's names inferred it), and a partnership text drafted for the renewal goes to the folder
the field names. Specs and clauses of our own (tests/partnership_specs.py), not the seeds."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from checks.support import findings, of
from drafter.cli import main
from partnership_specs import FORVALTNING, library, spec


def renew(tmp_path, old, name: str):
    result = CliRunner().invoke(main, ["renew", str(old), name, "--months", "12", "--agreements", str(tmp_path),
                                       "--clauses", str(tmp_path / "clauses")])
    assert result.exit_code == 0, result.output
    return tmp_path / f"{name}.yaml", result.output


def front(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_the_renewed_spec_keeps_the_field_and_its_comment(tmp_path):
    root = library(tmp_path)
    old = spec(tmp_path, "laxhjalp-2027", "laxhjalp", ["laxhjalp/bakgrund@1", "laxhjalp/verksamhet@1"],
               public=FORVALTNING)
    new, _ = renew(tmp_path, old, "iop-2028")
    assert "partnership: laxhjalp   # vår mapp i clauses/\n" in new.read_text(encoding="utf-8")
    assert yaml.safe_load(new.read_text(encoding="utf-8"))["partnership"] == "laxhjalp"
    # the draft that writes {{ forvaltning }} is the partnership's, in its folder, and the new spec uses it
    draft = root / "laxhjalp" / "verksamhet" / "v2.md"
    assert front(draft)["partnership"] == "laxhjalp" and "{{ forvaltning }}" in draft.read_text(encoding="utf-8")
    assert "laxhjalp/verksamhet@2" in new.read_text(encoding="utf-8")
    found = findings(new, root)
    assert not of(found, "clause-other-partnership") and not of(found, "partnership-inferred")


def test_a_spec_that_did_not_write_it_is_renewed_with_the_partnership_inferred_and_says_so(tmp_path):
    root = library(tmp_path)
    old = spec(tmp_path, "laxhjalp-2027", None, ["laxhjalp/bakgrund@1"])
    assert of(findings(old, root), "partnership-inferred")
    new, output = renew(tmp_path, old, "iop-2028")
    assert yaml.safe_load(new.read_text(encoding="utf-8"))["partnership"] == "laxhjalp"
    assert "partnership: laxhjalp skrivet, härlett ur filens namn (laxhjalp-2027.yaml)" in output
    found = findings(new, root)
    assert not of(found, "partnership-inferred") and not of(found, "clause-other-partnership")


def test_a_spec_using_no_partnership_clause_gets_none_written(tmp_path):
    library(tmp_path)
    new, _ = renew(tmp_path, spec(tmp_path, "laxhjalp-2027", None, ["villkor/aterkrav@1"]), "iop-2028")
    assert "partnership" not in yaml.safe_load(new.read_text(encoding="utf-8"))


def test_drafts_go_to_the_folder_the_field_names(tmp_path):
    """Gatans Röst's spec that (signed before it wrote its partnership) used Läxhjälpen's activity text:
    the renewal's draft of that text is Gatans Röst's own, in clauses/gatans-rost/, and the renewed spec
    uses it, so that it no longer uses another partnership's clause."""
    root = library(tmp_path)
    old = spec(tmp_path, "gatans-rost-2027", "gatans-rost", ["gatans-rost/bakgrund@1", "laxhjalp/verksamhet@1"],
               association="Gatans Röst", public=FORVALTNING)
    assert of(findings(old, root), "clause-other-partnership")
    new, output = renew(tmp_path, old, "gatans-rost-2028")
    draft = root / "gatans-rost" / "verksamhet" / "v1.md"
    assert draft.is_file() and not (root / "laxhjalp" / "verksamhet" / "v2.md").exists()
    meta = front(draft)
    assert meta["partnership"] == "gatans-rost" and meta["status"] == "utkast"
    assert "kopia av laxhjalp/verksamhet@1" in meta["rationale"]
    text = new.read_text(encoding="utf-8")
    assert "gatans-rost/verksamhet@1" in text and "laxhjalp/verksamhet" not in text
    assert "gatans-rost/verksamhet@1: ny version (utkast) av laxhjalp/verksamhet@1 i partnerskapets egen mapp" in output
    assert not of(findings(new, root), "clause-other-partnership")
