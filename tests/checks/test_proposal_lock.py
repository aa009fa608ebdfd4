"""proposal-unlocked: a tjänsteutlåtande the nämnd has decided on and that is not locked changes with the
house style (trial6: a new address showed in the 2026 tjänsteutlåtande). Warned, and gone once it is locked;
locked, it keeps the address it was decided with."""

import datetime as dt

import pytest
from click.testing import CliRunner

from drafter.checks.context import CheckContext
from drafter.checks.proposal_lock import check_proposal_unlocked
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import check_spec
from drafter.spec.load import load_spec
from helpers import copy_examples, signed_example
from readback import norm, read

SPEC = "agreements/street-minds-2026.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def signed(tmp_path, monkeypatch):
    """The 2026 example as signed, socialnämnden's decision recorded (2026-06-10, § 7), nothing locked."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    signed_example(tmp_path)
    return tmp_path


def _unlocked(root):
    return [f for f in check_spec(load_spec(SPEC), ClauseLibrary(root / "clauses"))  # as `drafter check SPEC` names it
            if f.code == "proposal-unlocked"]


def test_a_decided_unlocked_tjansteutlatande_is_a_warning_saying_how_to_lock_it(signed):
    (found,) = _unlocked(signed)
    assert found.severity == "warning" and found.document == "proposal"
    text = (signed / SPEC).read_text(encoding="utf-8").splitlines()
    assert text[int(found.where.rsplit(":", 1)[1]) - 1].strip() == "date: 2026-06-10"  # decision.date's line
    assert "Tjänsteutlåtandet är beslutat (Socialnämnden den 10 juni 2026, § 7), men är inte låst" in found.message
    assert f"drafter lock {SPEC} --document tjansteutlatande" in found.message
    assert "Låset håller kvar klausulversionerna, texten och brevhuvudet" in found.message


def test_locked_it_is_quiet_and_keeps_the_address_it_was_decided_with(signed):
    result = run("lock", SPEC, "--document", "overenskommelse", "--document", "tjansteutlatande")
    assert result.exit_code == 0, result.output
    assert _unlocked(signed) == []
    house = signed / "clauses" / "husstil.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace("Box 44, 104 20 Stockholm",
                                                               "Svandammsvägen 4, 126 34 Hägersten"), encoding="utf-8")
    result = run("build", SPEC, "-o", "after")
    assert result.exit_code == 0, result.output
    page = norm(read((signed / "after" / "street-minds-2026" / "street-minds-2026-tjansteutlatande.pdf")
                     .read_bytes()).pages[0].extract_text())
    assert "Box 44, 104 20 Stockholm" in page and "Svandammsvägen" not in page


def test_not_yet_decided_or_a_draft_is_no_finding(signed):
    loaded = load_spec(signed / SPEC)
    ctx = CheckContext(loaded, ClauseLibrary(signed / "clauses"))
    assert list(check_proposal_unlocked(ctx, today=dt.date(2026, 6, 9))) == []  # the meeting is tomorrow
    assert len(list(check_proposal_unlocked(ctx, today=dt.date(2026, 6, 10)))) == 1
    path = signed / SPEC
    path.write_text(path.read_text(encoding="utf-8").replace("status: slutlig", "status: utkast"), encoding="utf-8")
    assert _unlocked(signed) == []
