"""budget-amount for an amount in a tillägg's own text: the hint says what works there — the amount under
other_amounts, in the tillägg as `set: other_amounts.NAMN` — not `{{ }}`, which a tillägg's text (Markdown,
never a template) shows as written. A clause keeps the advice to write `{{ budget.total | kronor }}`."""

from __future__ import annotations

import copy
import shutil

from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, write_spec
from own_partnership import SPEC, amendment

TEXT = "Staden lämnar ett extra bidrag om 45 000 kr för sommarläxhjälpen. Det betalas ut i maj."


def checked(tmp_path, changes):
    data = copy.deepcopy(SPEC)
    data["amendments"] = [amendment(1, changes)]
    library = shutil.copytree(CLAUSES, tmp_path / "clauses", dirs_exist_ok=True)
    result = CliRunner().invoke(main, ["check", str(write_spec(tmp_path, data)), "--clauses", str(library)])
    return [line for line in result.output.splitlines() if "[budget-amount]" in line]


def test_an_undeclared_amount_in_a_tillagg_text_says_set_other_amounts(tmp_path):
    found = checked(tmp_path, [{"insert_after": "5.1", "heading": "Extra bidrag för sommaren", "text": TEXT}])
    assert found and all("'45 000 kr'" in line for line in found)
    for line in found:
        assert "set: {other_amounts.NAMN: {amount: 45000, kind: annat, item: …}}" in line
        assert "budget.total | kronor" not in line and "fungerar bara i klausuler" in line


def test_declared_with_set_it_is_known(tmp_path):
    assert checked(tmp_path, [{"set": {"other_amounts.sommar": {"amount": 45000, "kind": "annat", "item": "Sommar"}}},
                              {"insert_after": "5.1", "heading": "Extra bidrag för sommaren", "text": TEXT}]) == []
