"""A renewal carries the förvaltning's prövning of barnets bästa (texts: barnrattsperspektiv) into the new
spec unchanged, but the prövning was made for the old decision: `drafter renew` lists it under Att göra, so the
nämnd's new decision gets a prövning of its own. Aros Seniorträff with a grandparents' reading group for
children, a partnership that is not Street Minds."""

from __future__ import annotations

import shutil

import yaml

from checks.aros import OLD, edit, run
from helpers import CLAUSES

PROVNING = ("Läsgruppen Mormor läser tar emot barn 6–10 år en eftermiddag i veckan. Förvaltningen har frågat "
            "barnen i två grupper 2026; de vill ha fler läsdagar.")


def renew(tmp_path, texts: dict):
    clauses = tmp_path / "clauses"
    shutil.copytree(CLAUSES, clauses)
    agreements = tmp_path / "agreements"
    agreements.mkdir()
    old = agreements / OLD.name
    shutil.copy(OLD, old)
    edit(old, lambda d: d.setdefault("texts", {}).update(texts))
    result = run("renew", old, "aros-seniorer-2030", "--start", "2030-01-01", "--end", "2031-12-31",
                 "--clauses", clauses)
    assert result.exit_code == 0, result.output
    return result.output, agreements / "aros-seniorer-2030.yaml"


def test_the_provning_of_barnets_basta_is_to_do_again(tmp_path):
    said, new = renew(tmp_path, {"barnrattsperspektiv": PROVNING})
    todo, know = said.split("Att göra innan")[1].split("Att känna till")
    assert yaml.safe_load(new.read_text(encoding="utf-8"))["texts"]["barnrattsperspektiv"] == PROVNING  # unchanged
    line = next(n for n, text in enumerate(new.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("  barnrattsperspektiv:"))
    item = next(t for t in todo.splitlines() if "barnrattsperspektiv" in t)
    assert item.strip().startswith(f"{new.as_posix()}:{line}: texten barnrattsperspektiv är förvaltningens "
                                   "prövning av barnets bästa inför beslutet om den förra överenskommelsen")
    assert "pröva barnets bästa på nytt för den nya perioden" in item and "Läsgruppen Mormor läser" in item
    assert "texten barnrattsperspektiv" not in know  # told once, as something to do


def test_a_renewal_without_it_asks_nothing_of_it(tmp_path):
    said, _ = renew(tmp_path, {})
    assert "barnets bästa" not in said
