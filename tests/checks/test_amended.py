"""The spec after each tillägg: one public home (drafter/checks/amended.py) that the decision and
payment checks both read, instead of payment.py borrowing decision.py's private helpers."""

import ast
from pathlib import Path

import drafter.checks as checks
from drafter.checks import decision, payment
from drafter.checks.amended import amended_states, signed_run
from drafter.checks.context import CheckContext
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE


def private_imports(module) -> list[str]:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    return [f"{node.module}.{alias.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith("drafter.checks") for alias in node.names if alias.name.startswith("_")]


def test_decision_and_payment_share_the_amended_states_by_a_public_module():
    assert private_imports(payment) == [] and "drafter.checks.decision._amended" not in private_imports(decision)
    assert payment.amended_states is decision.amended_states is amended_states
    assert payment.signed_run is decision.signed_run is signed_run
    assert Path(checks.__file__).with_name("amended.py").is_file()


def test_the_example_after_its_tillagg():
    loaded = load_spec(EXAMPLE)
    ctx = CheckContext(loaded, ClauseLibrary(CLAUSES), [])
    states = amended_states(ctx)
    assert [s.index for s in states] == list(range(len(loaded.spec.amendments))) and states
    after = states[0].spec
    assert after is not None and after.budget.rows[0].amount == 890000 != loaded.spec.budget.rows[0].amount  # tillägg nr 1
    assert signed_run(ctx)
