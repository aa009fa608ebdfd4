"""`drafter renew` carries the agreement as it stands after its tillägg: a `texts:` entry whose point a
tillägg repealed is not carried into the renewed spec, and the report says so, as it says a dropped
diarienummer. Before, the renewed spec kept `texts: malgrupp` though its point was gone
(`outline.remove: [malgrupp]`): a text in force nowhere, waiting to come back by mistake."""

from __future__ import annotations

import copy
import datetime as dt
import shutil

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.renew import renew
from helpers import CLAUSES, example_data, write_spec
from own_partnership import SPEC, amendment


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="drafter")


@pytest.fixture
def library(tmp_path):
    return shutil.copytree(CLAUSES, tmp_path / "clauses")


def own(tmp_path, changes, outline=None) -> object:
    """Läxhjälpen i Tensta (a standard outline, its own texts under keys) with one tillägg of `changes`."""
    data = copy.deepcopy(SPEC)
    if outline is not None:
        data["outline"] = outline
    data["amendments"] = [amendment(1, changes)]
    (tmp_path / "agreements").mkdir(exist_ok=True)
    return write_spec(tmp_path / "agreements", data, "laxhjalp-tensta-2026.yaml")


def test_a_repealed_point_s_text_is_left_out_and_said(tmp_path, library):
    spec = own(tmp_path, [{"remove": "2.3"}])  # 2.3 Målgrupp, the text `malgrupp`
    result = run("renew", spec, "laxhjalp-tensta-2028", "--months", 24, "--clauses", library)
    assert result.exit_code == 0, result.output
    new = spec.parent / "laxhjalp-tensta-2028.yaml"
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert "malgrupp" not in data["texts"]
    assert set(data["texts"]) == {"bakgrund", "syfte-och-mal", "ataganden", "statsstod-bedomning"}  # in force, kept
    assert data["outline"]["remove"] == ["malgrupp"]
    know = result.output.split("Att känna till")[1]
    (line,) = [line for line in know.splitlines() if "texts.malgrupp" in line]
    texts_line = next(n for n, text in enumerate(new.read_text(encoding="utf-8").splitlines(), 1) if text == "texts:")
    assert line.strip() == (f"{new.as_posix()}:{texts_line}: "
                            "texts.malgrupp följer inte med: tillägg nr 1 upphävde punkt 2.3 Målgrupp, så texten "
                            "gäller inte längre; ska punkten finnas i den nya överenskommelsen, skriv in texten under "
                            "texts: igen och ta med punkten i outline:; det stod: \"Målgruppen är elever i årskurs 4–9 "
                            "som bor eller går i skola i Tensta.\"")
    new.write_text(new.read_text(encoding="utf-8").replace("ÅÅÅÅ-MM-DD", "2028-05-20"), encoding="utf-8")
    checked = run("check", new, "--clauses", library)
    assert "fel [" not in checked.output, checked.output


def test_a_text_replaced_by_a_clause_is_left_out_and_said_as_replaced(tmp_path, library):
    outline = [{"key": "bakgrund", "heading": "Bakgrund"},
               {"clause": "parter/parter@2", "sections": [
                   {"key": "syfte-och-mal", "heading": "Syfte och mål"}, {"key": "malgrupp", "heading": "Målgrupp"},
                   {"key": "ataganden", "heading": "Åtaganden"}]},
               "uppfoljning/aterrapportering@3", {"heading": "Ekonomi", "sections": ["villkor/ersattning@2"]},
               "villkor/period@3", "signering/signering@2"]
    spec = own(tmp_path, [{"replace": "2.2", "clause": "parter/informationsspridning@2", "heading": "Målgrupp och information"}], outline)
    made = renew(spec, "laxhjalp-tensta-2028", spec.parent, ClauseLibrary(library), months=24)
    data = yaml.safe_load(made.path.read_text(encoding="utf-8"))
    assert "malgrupp" not in data["texts"]
    assert any("parter/informationsspridning@2" in str(item) for item in data["outline"][1]["sections"])
    (said,) = [r for r in made.review if "texts.malgrupp" in r.what]
    assert "tillägg nr 1 gav punkt 2.2 Målgrupp en ny lydelse, som den nya specen har i stället" in said.what
    assert not said.todo


def test_a_text_the_tjansteutlatande_still_shows_is_kept(tmp_path, library):
    """One key gives one text in every document: the agreement's point repealed, the tjänsteutlåtande's kept."""
    data = example_data(amended=True)
    data["texts"] = {"malgrupp": "Målgruppen är personer i Bostad Först."}
    for outline in (data["outline"][1]["sections"], data["proposal"]["outline"][4]["sections"]):
        outline[outline.index("street-minds/malgrupp")] = {"key": "malgrupp", "heading": "Målgrupp"}
    data["amendments"][0]["changes"] = [{"remove": "2.5"}]  # 2.5 Målgrupp in the agreement
    spec = write_spec(tmp_path, data, "gammal-2026.yaml")
    made = renew(spec, "ny-2029", tmp_path / "agreements", ClauseLibrary(library), end=dt.date(2030, 12, 31))
    renewed = yaml.safe_load(made.path.read_text(encoding="utf-8"))
    assert renewed["texts"] == {"malgrupp": "Målgruppen är personer i Bostad Först."}
    assert "malgrupp" not in str(renewed["outline"]) and "malgrupp" in str(renewed["proposal"]["outline"])
    assert not [r for r in made.review if "texts.malgrupp" in r.what]


def test_a_text_an_earlier_tillagg_inserted_and_a_later_one_repealed_is_not_carried(tmp_path, library):
    data = copy.deepcopy(SPEC)
    data["amendments"] = [amendment(1, [{"insert_after": "5.1", "heading": "Sommar", "text": "Extra i juni."}]),
                          amendment(2, [{"remove": "5.1 a"}], "2027-05-10")]
    (tmp_path / "agreements").mkdir()
    spec = write_spec(tmp_path / "agreements", data, "laxhjalp-tensta-2026.yaml")
    made = renew(spec, "laxhjalp-tensta-2028", spec.parent, ClauseLibrary(library), months=24)
    renewed = yaml.safe_load(made.path.read_text(encoding="utf-8"))
    assert "Extra i juni." not in str(renewed.get("texts")) and "tillagg-1-1" not in str(renewed["outline"])
    assert not [r for r in made.review if "texts." in r.what and "följer inte med" in r.what]  # never the user's key
