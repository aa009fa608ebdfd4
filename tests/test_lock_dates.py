"""`drafter lock` records that a document is signed: not before its own date, nor before its decision.

trial7 (item 15): an agreement dated 10 December 2026, decided 9 December, was locked on 29 November
as signed, without a word. The lock now refuses a date after today unless told it is meant
(--future-date), and repeats the check's warning when the agreement is dated before its decision.
"""

import datetime as dt

import pytest
from click.testing import CliRunner

import drafter.lock
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.errors import DrafterError
from drafter.lock import lock_spec
from helpers import copy_examples, signed_example

SPEC = "agreements/street-minds-2026.yaml"
LOCK = "agreements/street-minds-2026.lock"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The 2026 example as signed: dated 1 July 2026, decided 10 June 2026; tillägg nr 1 dated
    15 December 2026, decided 8 December 2026."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    return tmp_path


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_an_agreement_dated_after_today_is_not_locked(project):
    spec = project / SPEC
    with pytest.raises(DrafterError) as refused:
        lock_spec(spec, ["overenskommelse"], ClauseLibrary(project / "clauses"), today=dt.date(2026, 6, 1))
    message = str(refused.value)
    assert message.startswith(f"{spec}:{line_of(spec, '  date: 2026-07-01')}")  # the file and line of the first date
    assert "Överenskommelsen kan inte låsas i dag, 1 juni 2026" in message
    assert f"överenskommelsens datum är 1 juli 2026 (document.date, rad {line_of(spec, '  date: 2026-07-01')})" in message
    assert f"beslutets datum är 10 juni 2026 (decision.date, rad {line_of(spec, '  date: 2026-06-10')})" in message
    assert "--future-date" in refused.value.hint
    assert refused.value.exit_code == 2
    assert not (project / LOCK).exists()


def test_a_proposal_is_not_locked_as_decided_before_the_meeting(project):
    """The tjänsteutlåtande (dated 12 May 2026) is locked as what the nämnd decided on: not before 10 June."""
    with pytest.raises(DrafterError) as refused:
        lock_spec(project / SPEC, ["tjansteutlatande"], ClauseLibrary(project / "clauses"), today=dt.date(2026, 6, 1))
    assert "Tjänsteutlåtandet kan inte låsas i dag, 1 juni 2026: beslutets datum är 10 juni 2026" in str(refused.value)
    assert "tjänsteutlåtandets datum" not in str(refused.value)  # 12 May has come


def test_a_date_that_has_come_is_locked_and_a_future_one_only_when_told(project):
    library = ClauseLibrary(project / "clauses")
    path, entries = lock_spec(project / SPEC, ["overenskommelse"], library, today=dt.date(2026, 7, 1))
    assert path == project / LOCK and set(entries) == {"overenskommelse"}
    with pytest.raises(DrafterError, match="Tillägg nr 1 kan inte låsas i dag, 1 december 2026: tilläggets datum "
                                           r"är 15 december 2026 \(amendments.0.date, rad \d+\) och beslutets datum är "
                                           r"8 december 2026 \(amendments.0.decision.date, rad \d+\)"):
        lock_spec(project / SPEC, ["tillagg-1"], library, today=dt.date(2026, 12, 1))
    _, entries = lock_spec(project / SPEC, ["tillagg-1"], library, today=dt.date(2026, 12, 1), future_date=True)
    assert set(entries) == {"tillagg-1"}


def test_the_command_refuses_and_says_how_to_confirm(project, monkeypatch):
    monkeypatch.setattr(drafter.lock, "_today", lambda: dt.date(2026, 11, 29))  # the day of trial7
    refused = run("lock", SPEC, "--document", "overenskommelse", "--document", "tillagg-1")
    assert refused.exit_code == 2, refused.output
    assert "Tillägg nr 1 kan inte låsas i dag, 29 november 2026" in refused.output
    assert f"drafter lock {SPEC} --document overenskommelse --document tillagg-1 --future-date" in refused.output
    assert not (project / LOCK).exists()  # the agreement, dated in July, is not locked alone either
    locked = run("lock", SPEC, "--document", "overenskommelse", "--document", "tillagg-1", "--future-date")
    assert locked.exit_code == 0, locked.output
    assert "Tillägg nr 1 låst i agreements/street-minds-2026.lock" in locked.output


def test_an_agreement_dated_before_its_decision_is_locked_with_the_checks_warning(project, monkeypatch):
    """Signed before the nämnd decided: agreement-before-decision warns in `check`; `lock` says it too
    (it does not check the dates again) and locks, since a signature subject to the decision exists."""
    spec = project / SPEC
    spec.write_text(spec.read_text(encoding="utf-8").replace("  date: 2026-06-10\n", "  date: 2026-07-15\n", 1),
                    encoding="utf-8")
    monkeypatch.setattr(drafter.lock, "_today", lambda: dt.date(2026, 11, 29))
    locked = run("lock", SPEC)
    assert locked.exit_code == 0, locked.output
    (warning,) = [line for line in locked.output.splitlines() if line.startswith("varning [agreement-before-decision]")]
    assert "daterad 1 juli 2026 (document.date), före socialnämndens beslut 15 juli 2026" in warning
    assert (project / LOCK).exists()
