"""clause-unpinned for a tillägg: a tillägg to a signed, locked agreement that is not locked itself is
rebuilt with whatever holds at the next build (a new address in the house style, a new clause version).
Before, a move of the förvaltning rebuilt a signed tillägg with the new address without a word; an
unlocked signed agreement is warned with clause-unpinned, and so is the tillägg now."""

from __future__ import annotations

import copy
import shutil

from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES
from own_partnership import EXTRA, amendment, signed

TILLAGG = [amendment(1, [{"insert_after": "5.1", "heading": "Extra bidrag för sommaren", "text": EXTRA},
                         {"set": {"other_amounts.sommar": {"amount": 45000, "kind": "annat", "item": "Sommar"}}}])]


def run(library, *args):
    return CliRunner().invoke(main, [*map(str, args), "--clauses", str(library)], prog_name="drafter")


def test_an_unlocked_tillagg_to_a_locked_agreement_is_warned_until_it_is_locked(tmp_path):
    library = shutil.copytree(CLAUSES, tmp_path / "clauses")
    spec = signed(tmp_path, library, copy.deepcopy(TILLAGG))
    checked = run(library, "check", spec)
    assert checked.exit_code == 0, checked.output
    warned = [line for line in checked.output.splitlines() if line.startswith("varning [clause-unpinned]")]
    assert len(warned) == 1, checked.output
    line = next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "date: 2027-02-10")  # the tillägg's date, where the finding points
    assert f"laxhjalp-tensta-2026.yaml:{line} (tillägget)" in warned[0]
    assert "Tillägg nr 1 (daterat 10 februari 2027)" in warned[0] and "husstilen" in warned[0]
    assert f"drafter lock {spec.as_posix()} --document tillagg-1" in warned[0]
    built = run(library, "build", spec, "--format", "pdf", "-o", tmp_path / "output")
    assert built.exit_code == 0 and "[clause-unpinned]" in built.output, built.output  # said where it is rebuilt
    assert run(library, "lock", spec, "--document", "tillagg-1", "--future-date").exit_code == 0
    assert "clause-unpinned" not in run(library, "check", spec).output


def test_a_tillagg_of_an_unlocked_or_draft_agreement_is_not_warned(tmp_path):
    library = shutil.copytree(CLAUSES, tmp_path / "clauses")
    spec = signed(tmp_path, library, copy.deepcopy(TILLAGG))
    spec.with_suffix(".lock").unlink()  # not signed as far as drafter knows: the agreement's own findings apply
    assert "clause-unpinned" not in run(library, "check", spec).output
