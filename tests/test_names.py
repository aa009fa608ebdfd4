"""Swedish names in running text, tried on real Swedish organisation names of every kind."""

import pytest

from drafter.swedish.names import bestamd, gemen, genitiv, lista

# Proper names keep their capital mid-sentence: kommuner, regioner, stadsdelsnämnder, föreningar,
# stiftelser, trossamfund.
PROPER = [
    "Sundbybergs stad", "Stockholms stad", "Göteborgs Stad", "Malmö stad", "Region Skåne", "Region Stockholm",
    "Västra Götalandsregionen", "Norrmalms stadsdelsnämnd", "Norrmalms stadsdelsförvaltning",
    "Spånga-Tensta stadsdelsförvaltning", "Rinkeby-Kista stadsdelsnämnd", "Enskede-Årsta-Vantörs stadsdelsförvaltning",
    "Förvaltningen Järva", "KFUM Stockholm", "KFUM", "Riksförbundet Hem och Skola", "Stiftelsen Fryshuset",
    "Stockholms stadsmission", "Svenska kyrkan", "Frälsningsarmén", "S:t Lukas", "Street Minds", "Rädda Barnen",
    "Ersta diakoni", "Hyresgästföreningen", "Islamiska förbundet i Stockholm",
]
# Names that begin with a common noun for an organ or unit lose it.
COMMON = {
    "Socialförvaltningen": "socialförvaltningen",
    "Socialnämnden": "socialnämnden",
    "Kommunstyrelsen": "kommunstyrelsen",
    "Regionstyrelsen": "regionstyrelsen",
    "Stadsledningskontoret": "stadsledningskontoret",
    "Kultur- och fritidsförvaltningen": "kultur- och fritidsförvaltningen",
    "Hälso- och sjukvårdsnämnden": "hälso- och sjukvårdsnämnden",
    "Avdelningen för stadsövergripande sociala frågor": "avdelningen för stadsövergripande sociala frågor",
    "Socialförvaltningen i Stockholms stad": "socialförvaltningen i Stockholms stad",
    "Utbildningsnämnden": "utbildningsnämnden",
    "Enheten för civilsamhälle": "enheten för civilsamhälle",
}


@pytest.mark.parametrize("name", PROPER)
def test_a_proper_name_keeps_its_case(name):
    assert gemen(name) == name


@pytest.mark.parametrize(("name", "lower"), COMMON.items())
def test_a_common_name_is_lowered_mid_sentence(name, lower):
    assert gemen(name) == lower


@pytest.mark.parametrize(("name", "form"), [
    ("Socialnämnden", "Socialnämndens"),
    ("Sundbybergs stad", "Sundbybergs stads"),
    ("Region Skåne", "Region Skånes"),
    ("Street Minds", "Street Minds"),
    ("Stiftelsen Fryshuset", "Stiftelsen Fryshusets"),
    ("KFUM", "KFUM:s"),
    ("Riksförbundet Hem och Skola", "Riksförbundet Hem och Skolas"),
    ("Frälsningsarmén", "Frälsningsarméns"),
    ("Ersta diakoni", "Ersta diakonis"),
    ("S:t Lukas", "S:t Lukas"),
    ("Fyrbåx", "Fyrbåx"),
    ("Rädda Barnen", "Rädda Barnens"),
    ("SKR", "SKR:s"),
])
def test_genitive_of_names(name, form):
    assert genitiv(name) == form


@pytest.mark.parametrize(("title", "definite"), [
    ("socialdirektör", "socialdirektören"),
    ("stadsdelsdirektör", "stadsdelsdirektören"),
    ("ordförande", "ordföranden"),
    ("förvaltningschef", "förvaltningschefen"),
    ("tf. socialdirektör", "tf. socialdirektören"),
    ("rektor", "rektorn"),
    ("handläggare", "handläggaren"),
    ("kassör", "kassören"),
    ("hälso- och sjukvårdsdirektör", "hälso- och sjukvårdsdirektören"),
    ("barnombudsman", "barnombudsmannen"),
    ("ordförande, äldrenämnden", "ordföranden, äldrenämnden"),
    ("ordförande i kulturnämnden", "ordföranden i kulturnämnden"),
    ("chef för stadsdelsförvaltningen", "chefen för stadsdelsförvaltningen"),
    ("tf. chef för socialförvaltningen", "tf. chefen för socialförvaltningen"),
])
def test_titles_in_definite_form(title, definite):
    assert bestamd(title) == definite


def test_lists_of_names_join_with_commas_and_och():
    assert lista(["Sundbybergs stad"]) == "Sundbybergs stad"
    assert lista(["Sundbybergs stad", "KFUM"]) == "Sundbybergs stad och KFUM"
    assert lista(["Sundbybergs stad", "KFUM", "Stiftelsen Fryshuset"]) == "Sundbybergs stad, KFUM och Stiftelsen Fryshuset"


@pytest.mark.parametrize("name_filter", [gemen, genitiv, bestamd])
def test_a_missing_name_is_a_swedish_message_not_a_python_error(name_filter):
    with pytest.raises(ValueError, match="saknas i specen"):
        name_filter(None)
