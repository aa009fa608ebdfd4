"""Everything a user reads in `--help` and in click's own errors is Swedish (command and option names aside)."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from drafter.cli import main

# click's English labels and metavars, and English argument names.
ENGLISH = ["Usage", "Options", "Commands", "Show this message", "Show the version", "default:", "OPTIONS",
           "COMMAND", "ARGS", "INTEGER", "RANGE", "FILENAME", "PATH", "DIRECTORY", "FILE", "required",
           "Error", "Try '", "No such", "OLD", "NEW", "NAME", "Missing", "Invalid", "agreement|proposal"]


def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


def _help(*path: str) -> str:
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="drafter", terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", [(), *_commands(main)], ids=lambda p: " ".join(p) or "drafter")
def test_help_has_no_english_label(path):
    text = _help(*path)
    assert text.startswith("Användning: drafter")
    found = [word for word in ENGLISH if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    assert not found, f"{' '.join(path)}: {found}\n{text}"


@pytest.mark.parametrize(("args", "swedish"), [
    (["bygg"], "Kommandot 'bygg' finns inte."),
    (["build", "--nope"], "Flaggan '--nope' finns inte."),
    (["compare", "a.yaml", "b.yaml", "--document", "x"], "är inte något av 'overenskommelse', 'tjansteutlatande'"),
    (["build", "--jobs", "noll"], "'noll' är inte ett giltigt heltal."),
])
def test_click_errors_are_swedish(args, swedish):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert swedish in result.output and "Fel:" in result.output
    assert "Error" not in result.output and "Usage" not in result.output


def test_old_english_option_values_still_work(tmp_path):
    """`--document proposal` from before keeps working beside `--document tjansteutlatande`."""
    from helpers import ROOT

    a, b = ROOT / "agreements" / "street-minds-2023.yaml", ROOT / "agreements" / "street-minds-2026.yaml"
    english = CliRunner().invoke(main, ["compare", str(a), str(b), "--document", "proposal",
                                        "--clauses", str(ROOT / "clauses")])
    swedish = CliRunner().invoke(main, ["compare", str(a), str(b), "--document", "tjansteutlatande",
                                        "--clauses", str(ROOT / "clauses")])
    assert english.exit_code == swedish.exit_code == 0
    assert english.output == swedish.output and "tjänsteutlåtandet" in swedish.output


def test_the_schema_editors_show_is_swedish():
    import json

    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    texts = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "description") and isinstance(value, str):
                    texts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    english = re.compile(r"\b(the|of|and|with|from|shared|signed|which|one|an|is|by|or)\b")
    assert len(texts) > 100
    assert [t for t in texts if english.search(t)] == []
    assert schema["$defs"]["DocumentInfo"]["title"] == "Dokumentuppgifter"
    assert schema["$defs"]["Party"]["properties"]["organisationsnummer"]["title"] == "Organisationsnummer"


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: tmp / "finns-inte.yaml", "filen finns inte"),
    (lambda tmp: (tmp / "mapp.yaml").mkdir() or tmp / "mapp.yaml", "ingen vanlig fil"),
])
def test_a_file_that_cannot_be_read_is_explained_in_swedish(tmp_path, make, reason):
    # `drafter check agreements/finns-inte.yaml` said "(No such file or directory)": the OS's English.
    path = make(tmp_path)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert reason in result.output and "No such file" not in result.output and "Is a directory" not in result.output
