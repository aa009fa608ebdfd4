import datetime as dt

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
