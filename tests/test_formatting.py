import datetime as dt
import re

import pytest

from drafter.formatting import dag_och_manad, datum, genitiv, kronor, rakneord, tal, tkr

NB = "\u00a0"


def test_amounts_use_no_break_space_groups():
    assert kronor(1_000_000) == f"1{NB}000{NB}000{NB}kr"
    assert tal(878_000) == f"878{NB}000"
    assert tal(0) == "0"
    assert tkr(1_000_000) == f"1{NB}000{NB}tkr"


def test_dates_in_prose():
    assert datum(dt.date(2026, 7, 1)) == "1 juli 2026"
    assert datum(dt.date(2028, 12, 31)) == "31 december 2028"
    assert dag_och_manad("09-30") == "30 september"


def test_swedish_word_forms():
    assert genitiv("Socialnämnden") == "Socialnämndens"
    assert genitiv("Street Minds") == "Street Minds"
    assert rakneord(2) == "två"


def test_renewal_units_and_definite_titles():
    from drafter.formatting import bestamd, enhet

    assert enhet("kalenderår") == "ett kalenderår" and enhet("halvår") == "ett halvår"
    assert bestamd("socialdirektör") == "socialdirektören"
    assert bestamd("stadsdelsdirektör") == "stadsdelsdirektören"


def test_gemen_lowers_a_common_name_but_not_a_proper_one():
    from drafter.formatting import gemen

    assert gemen("Socialförvaltningen") == "socialförvaltningen"
    assert gemen("Spånga-Tensta stadsdelsförvaltning") == "Spånga-Tensta stadsdelsförvaltning"
    assert gemen("Rinkeby-Kista stadsdelsförvaltning") == "Rinkeby-Kista stadsdelsförvaltning"
    assert gemen("Avdelningen för stadsövergripande sociala frågor") == "avdelningen för stadsövergripande sociala frågor"
    assert gemen("Förvaltningen Järva") == "Förvaltningen Järva"


@pytest.mark.parametrize("value", ["31 mars", "00-31", "13-01", "03-32", "[Fyll i]"])
def test_a_day_and_month_that_is_none_is_said_in_swedish(value):
    """'00-31' read as 31 december (MONTHS[-1]); '31 mars' gave Python's "invalid literal for int() with
    base 10" to the official. ('02-30' is rendered, and period-renewal says that February has no 30th.)"""
    with pytest.raises(ValueError, match=rf"^'{re.escape(value)}' är ingen dag och månad"):
        dag_och_manad(value)


def test_a_figure_that_is_no_day_and_month_names_the_figure(tmp_path):
    """figures.rapport_senast: 31 mars (uppfoljning/aterrapportering@3 reads it as MM-DD): the message
    names the figure and says how to write it, with no Python words."""
    import shutil

    from click.testing import CliRunner

    from drafter.cli import main
    from helpers import CLAUSES, ROOT

    spec = tmp_path / "laxhjalp.yaml"
    shutil.copy(ROOT / "tests" / "generic" / "norrmalm-stiftelse.yaml", spec)
    spec.write_text(spec.read_text(encoding="utf-8").replace("rapport_senast: 03-31", "rapport_senast: 31 mars"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])
    assert result.exit_code == 2, result.output
    assert "'31 mars' är ingen dag och månad" in result.output
    assert "figures.rapport_senast" in result.output
    assert "invalid literal" not in result.output
