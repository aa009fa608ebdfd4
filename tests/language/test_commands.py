"""Readability where decisions are made: clauses diff, clauses history, compare, and `drafter language`."""

import json
import shutil

import pytest
from click.testing import CliRunner

from drafter.clauses.library import ClauseLibrary
from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, ROOT

# A plainer version written for this test, counted by hand: 14 words in 3 sentences; words over six
# letters: perioden, resultat, Målgruppen, behöver, fortfarande, Parterna, förnyar, överenskommelsen
# = 8. LIX = 14/3 + 100·8/14 = 61.8.
PLAINER = ("---\nheading: Förnyad överenskommelse\nversion: 2\nstatus: utkast\n"
           "rationale: Kortare meningar; samma innebörd.\n---\n"
           "Den förra perioden gav goda resultat. Målgruppen behöver fortfarande stöd. "
           "Parterna förnyar därför överenskommelsen.\n")


@pytest.fixture
def two_versions(tmp_path):
    """The clause library with a second version of inledning/fornyad-overenskommelse (today it has one)."""
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES, root)
    (root / "inledning" / "fornyad-overenskommelse" / "v2.md").write_text(PLAINER, encoding="utf-8")
    for later in (root / "inledning" / "fornyad-overenskommelse").glob("v[3-9].md"):
        later.unlink()  # the plainer v2 is the newest, as the tests below compare oldest to newest
    return root


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)])


def test_clauses_diff_of_the_real_library_shows_the_plainer_introduction():
    """v2 in the library, counted by hand: 20 words in 2 sentences; words over six letters:
    Partnerskapet, resultat, perioden, målgruppen, behöver, fortfarande, Parterna, överenskommelse = 8.
    LIX = 20/2 + 100·8/20 = 50."""
    versions = ClauseLibrary(CLAUSES).versions("inledning/fornyad-overenskommelse")
    result = run("clauses", "diff", "inledning/fornyad-overenskommelse", versions[0].version,
                 2, "--clauses", CLAUSES)  # v3 (trial 12) says what a renewal replaces: another text
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].startswith("Läsbarhet: v1 LIX 71 (mycket svår), 0 meningar över 30 ord → "
                                                    "v2 LIX 50 ")


def test_clauses_diff_oldest_to_newest_shows_the_lix_change(two_versions):
    versions = ClauseLibrary(two_versions).versions("inledning/fornyad-overenskommelse")
    oldest, newest = versions[0].version, versions[-1].version
    result = run("clauses", "diff", "inledning/fornyad-overenskommelse", oldest, newest, "--clauses", two_versions)
    assert result.exit_code == 0, result.output
    line = result.output.splitlines()[1]
    assert line == ("Läsbarhet: v1 LIX 71 (mycket svår), 0 meningar över 30 ord → "
                    "v2 LIX 62 (mycket svår), 0 meningar över 30 ord")


def test_clauses_diff_html_shows_the_lix_change(two_versions):
    result = run("clauses", "diff", "inledning/fornyad-overenskommelse", "1", "2", "--format", "html",
                 "--clauses", two_versions)
    assert result.exit_code == 0
    assert '<p class="meta readability">Läsbarhet: v1 LIX 71 (mycket svår)' in result.output
    assert "→ v2 LIX 62" in result.output


def test_clauses_history_shows_lix_per_version(two_versions):
    result = run("clauses", "history", "inledning/fornyad-overenskommelse", "--clauses", two_versions,
                 "--agreements", ROOT / "agreements")
    assert result.exit_code == 0, result.output
    shown = [line.strip() for line in result.output.splitlines() if "läsbarhet" in line]
    assert shown == ["läsbarhet: LIX 71 (mycket svår), 0 meningar över 30 ord",
                     "läsbarhet: LIX 62 (mycket svår), 0 meningar över 30 ord"]


@pytest.mark.parametrize("output_format", ["text", "html"])
def test_compare_shows_lix_per_document(output_format):
    result = run("compare", ROOT / "agreements" / "street-minds-2023.yaml", EXAMPLE, "--format", output_format,
                 "--clauses", CLAUSES)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "Läsbarhet:" in line)
    assert " → nu LIX " in line and "förut LIX 5" in line


def test_language_command_on_the_example():
    result = run("language", EXAMPLE, "--clauses", CLAUSES)
    assert result.exit_code == 0, result.output
    heads = [line for line in result.output.splitlines() if not line.startswith("  ")]
    assert heads[0].startswith(f"{EXAMPLE} (överenskommelsen): LIX 5")
    assert any(line.startswith(f"{EXAMPLE} (tjänsteutlåtandet): LIX") for line in heads)
    assert "  info [term-variant] parter/parter@1 (överenskommelsen): \"idéburet partnerskap\" saknar" in result.output


def test_language_library_lists_each_clause_version():
    result = run("language", "--library", "--format", "json", "--clauses", CLAUSES)
    rows = {row["ref"]: row for row in json.loads(result.output)}
    assert round(rows["inledning/fornyad-overenskommelse@1"]["lix"]) == 71
    assert round(rows["villkor/informationsskyldighet@1"]["lix"]) == 68
    assert round(rows["parter/vardegrund@1"]["lix"]) == 62
    assert rows["parter/vardegrund@1"]["over"] is True


def test_language_without_paths_is_bad_input():
    result = run("language")
    assert result.exit_code == 2 and "Ange en eller flera" in result.stderr


def test_language_on_clause_versions(two_versions):
    result = run("language", "inledning/fornyad-overenskommelse", "--clauses", two_versions)
    assert result.exit_code == 0, result.output
    heads = [line for line in result.output.splitlines() if not line.startswith("  ")]
    assert heads == [
        "inledning/fornyad-overenskommelse@1 (fastställd): LIX 71 (mycket svår), 27 ord, 1 mening, 0 över 30 ord, "
        "längsta 27 ord",
        "inledning/fornyad-overenskommelse@2 (utkast): LIX 62 (mycket svår), 14 ord, 3 meningar, 0 över 30 ord, "
        "längsta 6 ord"]
    assert "  info [lix] inledning/fornyad-overenskommelse@1: Avsnittet \"Förnyad överenskommelse\" har LIX 71" in result.output
    assert "[plain-word] inledning/fornyad-overenskommelse@1: Klarspråk: skriv \"och\" i stället för \"samt\"" in result.output


def test_language_on_an_unknown_clause_is_a_clear_message():
    result = run("language", "villkor/finns-inte@1", "--clauses", CLAUSES)
    assert result.exit_code == 2 and "finns inte i biblioteket" in result.stderr
