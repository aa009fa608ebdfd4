"""The signed originals (../shared/seeds): the five known slips, found by the dictionary and the rules."""

import json

from click.testing import CliRunner

from drafter.cli import main
from drafter.language.review import review_text
from drafter.language.settings import Settings
from drafter.language.spelling import Speller
from language.support import AGREEMENT_2026, PROPOSAL_2023, needs_hunspell, needs_seeds

KNOWN = {
    "demokratvillkor": lambda r: r.code == "spelling" and '"demokratvillkor"' in r.message,
    "verksamhetensats": lambda r: r.code == "spelling" and '"verksamhetensats"' in r.message,
    "senaste den 30 september": lambda r: '"senast den" i stället för "senaste den"' in r.message
    and "30 september" in r.sentence,
    "längs till": lambda r: '"som längst" i stället för "som längs"' in r.message,
    "sina åtagande": lambda r: r.code == "agreement-error" and '"åtaganden"' in r.message,
}


@needs_seeds
@needs_hunspell
def test_at_least_four_of_the_five_known_errors_are_found():
    remarks = []
    for seed in (AGREEMENT_2026, PROPOSAL_2023):
        remarks += [n.remark for n in review_text(seed.read_text(encoding="utf-8"), Settings(), Speller()).notes]
    found = {name for name, hit in KNOWN.items() if any(hit(r) for r in remarks)}
    assert len(found) >= 4, f"hittade bara {sorted(found)}"
    assert found == set(KNOWN)  # all five today; the first assertion is the bar


@needs_seeds
def test_rules_alone_find_the_three_grammar_slips():
    remarks = []
    for seed in (AGREEMENT_2026, PROPOSAL_2023):
        remarks += [n.remark for n in review_text(seed.read_text(encoding="utf-8"), Settings()).notes]
    assert {name for name, hit in KNOWN.items() if any(hit(r) for r in remarks)} == {
        "senaste den 30 september", "längs till", "sina åtagande"}


@needs_seeds
def test_language_command_on_a_seed_names_file_and_line():
    result = CliRunner().invoke(main, ["language", str(AGREEMENT_2026), "--format", "json"])
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.stdout)
    assert 48 <= report["figures"]["lix"] <= 56
    slip = next(f for f in report["findings"] if "senaste den" in f["message"])
    line = int(slip["where"].rsplit(":", 1)[1])
    assert "senaste den 30 september" in AGREEMENT_2026.read_text(encoding="utf-8").splitlines()[line - 1]
    assert slip["severity"] == "warning"
