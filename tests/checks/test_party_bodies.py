"""party-administration (the förvaltning prepares for its own nämnd) and party-municipality (a kommun's
municipality names itself), on the example spec with the public party written as Stockholms stad."""

import pytest

from checks.support import findings, line_of, of, spec_file
from helpers import example_data


def _as_kommun(**fields) -> dict:
    data = example_data()
    party = data["parties"][0]
    party.update(name="Stockholms stad", kind="kommun", administration="Socialförvaltningen")
    party.pop("municipality")
    party.update(fields)
    return data


def _found(tmp_path, data, code):
    spec = spec_file(tmp_path, data)
    return spec, of(findings(spec), code)


def test_trial_11_skarholmen_administration_with_farsta_committee(tmp_path):
    """Trial 11: the Farsta spec kept Skärholmen's förvaltning; the tjänsteutlåtande named both."""
    data = _as_kommun(administration="Skärholmens stadsdelsförvaltning", committee="Farsta stadsdelsnämnd")
    data["parties"][0]["signatory"]["signs_for"] = "Farsta stadsdelsnämnd i Stockholms stad"
    spec, (f,) = _found(tmp_path, data, "party-administration")
    assert f.severity == "warning"
    assert f.where == line_of(spec, "administration: Skärholmens stadsdelsförvaltning")
    assert ("Förvaltningen Skärholmens stadsdelsförvaltning och nämnden Farsta stadsdelsnämnd hör inte ihop: "
            "de hör till olika stadsdelar (Skärholmens och Farsta)") in f.message
    assert line_of(spec, "committee: Farsta stadsdelsnämnd") in f.message


@pytest.mark.parametrize("administration, committee", [
    ("Farsta stadsdelsförvaltning", "socialnämnden"),
    ("Socialförvaltningen", "Farsta stadsdelsnämnd"),
    ("Stadsdelsförvaltningen Centrum", "Stadsdelsnämnden Majorna-Linné"),
])
def test_a_district_administration_with_another_committee(tmp_path, administration, committee):
    _, found = _found(tmp_path, _as_kommun(administration=administration, committee=committee),
                      "party-administration")
    assert [f.severity for f in found] == ["warning"]


def test_the_old_form_a_district_administration_as_the_party(tmp_path):
    """A förvaltning written as the party (name:) is compared with its nämnd just the same."""
    data = example_data()
    data["parties"][0].update(name="Skärholmens stadsdelsförvaltning", kind="stadsdelsförvaltning",
                              committee="Farsta stadsdelsnämnd")
    spec, (f,) = _found(tmp_path, data, "party-administration")
    assert f.where == line_of(spec, "name: Skärholmens stadsdelsförvaltning")


@pytest.mark.parametrize("administration, committee", [
    ("Socialförvaltningen", "Socialnämnden"),
    ("Äldreförvaltningen", "Äldrenämnden"),
    ("Vård- och omsorgsförvaltningen", "Äldrenämnden"),  # one förvaltning for several nämnder
    ("Farsta stadsdelsförvaltning", "Farsta stadsdelsnämnd"),
    ("Skärholmens stadsdelsförvaltning", "stadsdelsnämnden i Skärholmen"),
    ("Enskede-Årsta-Vantörs stadsdelsförvaltning", "Enskede-Årsta-Vantörs stadsdelsnämnd"),
    ("Stadsledningskontoret", "Kommunstyrelsen"),
    ("Förvaltningen för kultur och fritid", "Kultur- och fritidsnämnden"),
])
def test_no_false_alarm_for_a_committee_and_its_administration(tmp_path, administration, committee):
    _, found = _found(tmp_path, _as_kommun(administration=administration, committee=committee),
                      "party-administration")
    assert found == []


def test_the_example_has_neither_finding(tmp_path):
    spec = spec_file(tmp_path, example_data())
    found = findings(spec)
    assert of(found, "party-administration") == [] and of(found, "party-municipality") == []


def test_another_kommun_as_the_municipality_of_stockholms_stad(tmp_path):
    spec, (f,) = _found(tmp_path, _as_kommun(municipality="Uppsala kommun"), "party-municipality")
    assert f.severity == "warning" and f.where == line_of(spec, "municipality: Uppsala kommun")
    assert "Parten Stockholms stad står med municipality: Uppsala kommun, en annan kommun" in f.message


@pytest.mark.parametrize("municipality", ["Stockholms stad", "Stockholm", "Stockholms kommun", "stockholms stad"])
def test_the_kommun_own_name_forms_are_no_finding(tmp_path, municipality):
    _, found = _found(tmp_path, _as_kommun(municipality=municipality), "party-municipality")
    assert found == []
