"""A change of a tillägg is one of four kinds. When it is none or several, the message says each kind in Swedish,
with the key to write in parentheses: an official does not know what insert_after means."""

from __future__ import annotations

import copy

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES
from own_partnership import SPEC, amendment

KINDS = ("ny lydelse för en punkt (replace), en punkt som upphävs (remove), en ny punkt efter en punkt "
         "(insert_after) eller ändrade uppgifter (set)")


@pytest.mark.parametrize(("change", "said"), [
    ({"replace": "5.1", "remove": "5.2", "text": "Bidraget betalas ut varje kvartal."}, "den har replace och remove"),
    ({"heading": "Lördagar", "text": "Läxhjälpen har öppet även på lördagar."}, "den har ingen av dem"),
    ({"insert_after": "3.4", "set": {"budget.months": 12}, "heading": "Lördagar", "text": "Öppet på lördagar."},
     "den har insert_after och set"),
])
def test_a_change_of_no_kind_or_several_names_the_kinds_in_swedish(tmp_path, change, said):
    data = copy.deepcopy(SPEC)
    data["amendments"] = [amendment(1, [change])]
    spec = tmp_path / "laxhjalp.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    line = next(n for n, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "changes:" in text) + 1

    checked = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])

    assert checked.exit_code == 2, checked.output  # bad input, not findings, and never a traceback
    message = " ".join(checked.output.split())
    assert f"laxhjalp.yaml:{line}:" in message and "(fält amendments.0.changes.0)" in message
    assert f"En ändring ska ha precis en av: {KINDS}; {said}." in message
    assert "Traceback" not in checked.output
