"""No English sentence in any `--help`: beyond click's labels (tests/test_cli_swedish.py), the words
that give an English sentence away, and English metavars. Command and option names stay English
identifiers (build, --format, --clauses); they are taken out before the words are looked at."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from drafter.cli import main
from test_cli_swedish import _commands

# Function words of English sentences, and English metavars and labels beyond test_cli_swedish's list.
ENGLISH_WORDS = {"the", "and", "of", "to", "with", "for", "is", "are", "be", "this", "that", "or", "from",
                 "file", "files", "folder", "directory", "default", "show", "shows", "write", "writes",
                 "build", "builds", "check", "checks", "when", "which", "each", "every", "one", "use",
                 "SPECS", "PATHS", "DIR", "FILENAME", "VALUE", "choices", "required", "exit", "code",
                 "front", "matter", "usage", "options", "commands", "help", "message"}


def _prose(text: str) -> str:
    """The help without what stays English on purpose: option names (--format), command names in
    backquotes or after `drafter`, the usage line's command path, and values such as docx|pdf."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"(?<![\w-])-{1,2}[\w-]+", " ", text)
    text = re.sub(r"\[[\w|-]+\]", " ", text)
    text = re.sub(r"\bdrafter(?: \w+)*", " ", text.split("\n", 1)[1])
    text = re.sub(r"\{.*?\}", " ", text)  # JSON shown as an example
    text = re.sub(r"\S*[/.@]\S*", " ", text)  # paths and clause ids: docs/checks.md, villkor/period@2
    return text


@pytest.mark.parametrize("path", [(), *_commands(main)], ids=lambda p: " ".join(p) or "drafter")
def test_help_has_no_english_sentence(path):
    text = CliRunner().invoke(main, [*path, "--help"], prog_name="drafter", terminal_width=100).output
    usage = text.split("\n", 1)[0]
    words = set(re.findall(r"[^\W\d_]+", _prose(text))) | set(re.findall(r"[A-Z]{3,}", usage))
    command_names = {name for p in _commands(main) for name in p}
    english = sorted(w for w in words if (w in ENGLISH_WORDS or w.lower() in ENGLISH_WORDS and w.isupper())
                     and w not in command_names)
    assert not english, f"{' '.join(path) or 'drafter'}: {english}\n{text}"


def test_the_word_list_catches_english():
    """The test above can fail: an English help sentence is caught."""
    words = set(re.findall(r"[^\W\d_]+", _prose("Usage: drafter x\n\n  Build the files from each spec.\n")))
    assert {"the", "from", "each"} <= {w for w in words if w in ENGLISH_WORDS}
