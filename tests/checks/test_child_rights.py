"""child-rights: a draft whose agreement binds the association to register extracts (the work is with children)
and whose tjänsteutlåtande has no Barnrättsperspektiv: one from an older standard outline, or the förvaltning's
own outline. Stiftelsen Ljusgården's läxhjälp for Norrmalms stadsdelsnämnd (tests/generic/) is the partnership."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES

GENERIC = Path(__file__).resolve().parents[1] / "generic" / "norrmalm-stiftelse.yaml"
OWN_OUTLINE = [
    "tjansteutlatande/forslag-till-beslut-stadsdelsnamnd@4",
    {"key": "sammanfattning", "heading": "Sammanfattning", "text": "Stiftelsen Ljusgården ger läxhjälp i Norrmalm."},
    "tjansteutlatande/rattslig-bedomning@3",
]


def findings(tmp_path: Path, change=None) -> list[str]:
    data = yaml.safe_load(GENERIC.read_text(encoding="utf-8"))
    if change:
        change(data)
    path = tmp_path / "ljusgarden.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--clauses", str(CLAUSES)])
    assert result.exit_code in (0, 1), result.output
    return [line for line in result.output.splitlines() if "[child-rights]" in line]


def pinned(version: int):
    def change(data):
        data["proposal"]["outline"] = {"standard": f"iop-tjansteutlatande-stadsdelsnamnd@{version}"}
    return change


def test_a_draft_with_children_on_the_older_outline_is_told_to_take_version_4_or_add_the_section(tmp_path):
    [said] = findings(tmp_path, pinned(3))
    assert said.startswith("varning [child-rights] ") and "ljusgarden.yaml:" in said and "(tjänsteutlåtandet)" in said
    assert "överenskommelsen har punkten Utdrag ur belastningsregistret" in said
    assert "vid alla åtgärder som rör barn ska i första hand beaktas vad som bedöms vara barnets bästa" in said
    assert ("add: [{before: tjansteutlatande/rattslig-bedomning, item: tjansteutlatande/barnrattsperspektiv@1}]"
            in said and "texts: barnrattsperspektiv" in said)


def test_the_advice_added_to_the_older_outline_silences_it(tmp_path):
    def added(data):
        data["proposal"]["outline"] = {"standard": "iop-tjansteutlatande-stadsdelsnamnd@3", "add": [
            {"before": "tjansteutlatande/rattslig-bedomning", "item": "tjansteutlatande/barnrattsperspektiv@1"}]}
    assert findings(tmp_path, added) == []


def test_the_standard_outline_from_version_4_has_the_section(tmp_path):
    assert findings(tmp_path) == [] and findings(tmp_path, pinned(4)) == []


def test_an_own_outline_is_told_where_the_section_goes_and_its_own_heading_counts(tmp_path):
    def own(data):
        data["proposal"]["outline"] = list(OWN_OUTLINE)
    [said] = findings(tmp_path, own)
    assert "Sätt in - tjansteutlatande/barnrattsperspektiv@1 i tjänsteutlåtandets outline" in said

    def own_heading(data):
        data["proposal"]["outline"] = [*OWN_OUTLINE[:2], {"key": "barn", "heading": "Barnkonsekvensanalys", "text":
                                       "Förvaltningen har prövat barnets bästa."}, OWN_OUTLINE[2]]
    assert findings(tmp_path, own_heading) == []


@pytest.mark.parametrize("case", ["without children", "slutlig", "no tjänsteutlåtande"])
def test_nothing_to_say(tmp_path, case):
    def change(data):
        pinned(3)(data)
        if case == "without children":
            data["outline"] = {"standard": "iop-overenskommelse"}
        elif case == "slutlig":  # a text about to be signed, or signed: drafter does not ask to change it
            data["document"]["status"] = "slutlig"
            data["decision"] = {"date": dt.date(2026, 12, 1), "paragraph": "§ 7"}
        else:
            del data["proposal"]
    assert findings(tmp_path, change) == []
