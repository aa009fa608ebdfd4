"""`python -m drafter.clauses.lock --headings`: entries from before issue 13 get the heading they were approved with."""

import hashlib
import json

from checks.support import library_with
from drafter.clauses.lock import main as lock_main


def test_an_old_entry_gets_its_heading_and_a_changed_text_is_left(tmp_path, capsys):
    clauses = library_with(tmp_path, {"test/a": "Text A.", "test/b": "Text B."})
    old = {ref: {"sha256": sha, "by": "Socialnämnden", "date": "2026-05-01"} for ref, sha in (
        ("test/a@1", hashlib.sha256(b"Text A.\n").hexdigest()), ("test/b@1", "0" * 64))}
    (clauses / "approvals.lock").write_text(json.dumps(old), encoding="utf-8")
    assert lock_main(["--headings", "--clauses", str(clauses)]) == 1  # test/b's text does not match
    entries = json.loads((clauses / "approvals.lock").read_text(encoding="utf-8"))
    assert entries["test/a@1"]["heading"] == "Test" and "heading" not in entries["test/b@1"]
    assert "lämnad (texten stämmer inte med posten) test/b@1" in capsys.readouterr().out


def test_the_library_lock_has_every_heading():
    from helpers import CLAUSES

    entries = json.loads((CLAUSES / "approvals.lock").read_text(encoding="utf-8"))
    assert all("heading" in entry for entry in entries.values())


def test_a_malformed_later_approval_is_bad_input_with_its_line(tmp_path):
    from click.testing import CliRunner

    from drafter.cli import main

    clauses = library_with(tmp_path, {"test/a": "Text A."})
    entry = {"sha256": hashlib.sha256(b"Text A.\n").hexdigest(), "heading": "Test", "by": "Socialnämnden",
             "date": "2026-05-01", "approvals": "Kommunfullmäktige"}
    (clauses / "approvals.lock").write_text(json.dumps({"test/a@1": entry}, indent=2), encoding="utf-8")
    result = CliRunner().invoke(main, ["clauses", "approve", "test/a@1", "--av", "Kommunfullmäktige i Stockholms stad",
                                       "--clauses", str(clauses)])
    assert result.exit_code == 2, result.output
    assert f"{clauses / 'approvals.lock'}:2:1: Posten för test/a@1 ska vara en samling" in result.output
