"""Aros Seniorträff (Västerås stad, äldrenämnden), 2027–2029, renewed for 2030–2031 with `drafter renew` as
the kommunjurist of trial 12 did: a partnership that is not Street Minds, for the checks of a renewal."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES

OLD = Path(__file__).parent / "fixtures" / "aros-seniorer-2027.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="drafter")


def renewed(tmp_path: Path, *extra: str) -> tuple[Path, Path]:
    """(the 2030 spec as `drafter renew … --start 2030-01-01 --end 2031-12-31` writes it, with its two dates
    filled in as Att göra asks; the clause library)."""
    clauses = tmp_path / "clauses"
    if not clauses.exists():
        shutil.copytree(CLAUSES, clauses)
    agreements = tmp_path / "agreements"
    agreements.mkdir(exist_ok=True)
    shutil.copy(OLD, agreements / OLD.name)
    result = run("renew", agreements / OLD.name, "aros-seniorer-2030", "--start", "2030-01-01",
                 "--end", "2031-12-31", "--clauses", clauses, *extra)
    assert result.exit_code == 0, result.output
    new = agreements / "aros-seniorer-2030.yaml"
    text = new.read_text(encoding="utf-8")
    text = text.replace("\n  date: ÅÅÅÅ-MM-DD", "\n  date: 2029-11-25", 1)  # the agreement's, under document:
    text = text.replace("\n  date: ÅÅÅÅ-MM-DD", "\n  date: 2029-10-20", 1)  # the tjänsteutlåtande's
    new.write_text(text, encoding="utf-8")
    return new, clauses


def edit(spec: Path, change) -> None:
    """Change the spec's data (comments are lost; the checks read the data)."""
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    change(data)
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
