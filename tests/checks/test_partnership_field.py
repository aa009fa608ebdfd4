"""`partnership:` in a spec: the partnership it is of, written down instead of guessed.

Specs and clauses of two partnerships of our own (not the seeds): Läxhjälpen i Järva (clauses/laxhjalp/)
and Gatans Röst (clauses/gatans-rost/), each with a background text that states its own facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import drafter.checks.partnership as partnership
from checks.support import findings, of
from drafter.cli import main
from partnership_specs import library, spec

def line_of(path: Path, text: str) -> str:
    n = next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
    return f"{path}:{n}"


def test_written_partnership_flags_the_other_partnerships_clause_at_its_line(tmp_path):
    root = library(tmp_path)
    path = spec(tmp_path, "laxhjalp-2027", "laxhjalp", ["laxhjalp/bakgrund@1", "gatans-rost/bakgrund@1"])
    found = findings(path, root)
    other = of(found, "clause-other-partnership")
    assert [f.where for f in other] == [line_of(path, "gatans-rost/bakgrund@1")]
    assert other[0].severity == "error"
    assert ("hör till partnerskapet gatans-rost" in other[0].message
            and f"specen hör till partnerskapet laxhjalp (partnership: på {line_of(path, 'partnership:')})"
            in other[0].message)
    assert not of(found, "partnership-inferred") and not of(found, "partnership-unknown")


def test_without_the_field_the_file_name_decides_as_before_and_one_info_says_so(tmp_path):
    root = library(tmp_path)
    path = spec(tmp_path, "laxhjalp-2027", None, ["laxhjalp/bakgrund@1", "gatans-rost/bakgrund@1"])
    found = findings(path, root)
    assert [f.where for f in of(found, "clause-other-partnership")] == [line_of(path, "gatans-rost/bakgrund@1")]
    assert "skriv partnership: gatans-rost överst i specen" in of(found, "clause-other-partnership")[0].message
    [info] = of(found, "partnership-inferred")
    assert info.severity == "info"
    assert "partnerskapet laxhjalp, härlett ur filens namn (laxhjalp-2027.yaml)" in info.message
    assert "Skriv partnership: laxhjalp" in info.message


def test_the_field_is_all_that_counts_not_the_file_or_association_name(tmp_path):
    """A spec named after Gatans Röst, for an association named so, that writes laxhjalp: the Gatans Röst
    clause is another partnership's; without the field the names make it the spec's own."""
    root = library(tmp_path)
    clauses = ["laxhjalp/bakgrund@1", "gatans-rost/bakgrund@1"]
    written = spec(tmp_path, "gatans-rost-2027", "laxhjalp", clauses, association="Gatans Röst")
    assert [f.where for f in of(findings(written, root), "clause-other-partnership")] == [
        line_of(written, "gatans-rost/bakgrund@1")]
    guessed = spec(tmp_path, "gatans-rost-2028", None, clauses, association="Gatans Röst")
    assert [f.where for f in of(findings(guessed, root), "clause-other-partnership")] == [
        line_of(guessed, "laxhjalp/bakgrund@1")]


def test_a_misspelt_partnership_is_one_error_at_its_line_with_a_suggestion(tmp_path):
    root = library(tmp_path)
    path = spec(tmp_path, "iop-2027", "laxhjlp", ["laxhjalp/bakgrund@1", "gatans-rost/bakgrund@1"])
    found = findings(path, root)
    [unknown] = of(found, "partnership-unknown")
    assert unknown.severity == "error" and unknown.where == line_of(path, "partnership: laxhjlp")
    assert "Fältet partnership: anger laxhjlp" in unknown.message and "ingen mapp laxhjlp/" in unknown.message
    assert unknown.message.endswith("Menade du 'laxhjalp'?")
    assert not of(found, "clause-other-partnership")  # not every partnership clause reported as well
    result = CliRunner().invoke(main, ["check", str(path), "--clauses", str(root)])
    assert result.exit_code == 1
    assert f"fel [partnership-unknown] {line_of(path, 'partnership: laxhjlp')}: Fältet partnership:" in result.output


def test_a_shared_folder_is_no_partnership(tmp_path):
    root = library(tmp_path)
    [unknown] = of(findings(spec(tmp_path, "iop-2027", "villkor", ["laxhjalp/bakgrund@1"]), root),
                   "partnership-unknown")
    assert "mappen villkor/" in unknown.message and "gemensamma bibliotekets klausuler" in unknown.message
    assert of(findings(spec(tmp_path, "iop-2028", "outlines", []), root), "partnership-unknown")


@pytest.mark.parametrize(("name", "value", "association"), [
    ("forening-x-2027", "forening-x", "[Organisationens namn]"),  # as `drafter new forening-x-2027` writes it
    ("iop-2027", "musikhjalpen-i-tensta", "Musikhjälpen i Tensta"),  # the association's name
])
def test_a_new_partnership_without_a_folder_yet_is_accepted_when_its_own_names_say_it(tmp_path, name, value,
                                                                                      association):
    root = library(tmp_path)
    found = findings(spec(tmp_path, name, value, [], association=association), root)
    assert not of(found, "partnership-unknown")
    assert of(findings(spec(tmp_path, "annat-namn", value, []), root), "partnership-unknown")


def test_no_info_for_a_spec_without_partnership_clauses(tmp_path):
    root = library(tmp_path)
    found = findings(spec(tmp_path, "laxhjalp-2027", None, ["villkor/aterkrav"]), root)
    assert not of(found, "partnership-inferred") and not of(found, "clause-other-partnership")


def test_the_partnership_is_decided_once_per_spec(tmp_path, monkeypatch):
    """The names a spec goes by (its renewals read back) are gathered once, however many partnership
    clauses it uses, and not at all when it writes its partnership and that folder exists."""
    root = library(tmp_path)
    calls = []
    real = partnership.spec_partnership_names
    monkeypatch.setattr(partnership, "spec_partnership_names", lambda ctx: calls.append(1) or real(ctx))
    clauses = ["laxhjalp/bakgrund@1", {"heading": "Mer", "sections": ["gatans-rost/bakgrund@1"]},
               "laxhjalp/bakgrund@1"]
    findings(spec(tmp_path, "laxhjalp-2027", None, clauses), root)
    assert len(calls) == 1
    findings(spec(tmp_path, "laxhjalp-2028", "laxhjalp", clauses), root)
    assert len(calls) == 1
