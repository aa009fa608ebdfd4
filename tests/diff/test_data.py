"""The data table of `drafter compare`: every fact the texts can state, the nämnd's decision too."""

from __future__ import annotations

import copy

from drafter.diff.data import data_changes
from drafter.spec.model import Spec
from helpers import example_data


def _spec(data: dict) -> Spec:
    return Spec.model_validate(data)


def test_other_amounts_other_periods_and_the_decision_are_compared():
    old = example_data()
    new = copy.deepcopy(old)
    old["other_amounts"] = {"egen_insats": {"amount": 150000, "kind": "egen insats"}}
    new["other_amounts"] = {"egen_insats": {"amount": 175000, "kind": "egen insats"},
                            "arvsfonden": {"amount": 200000, "per": "år", "kind": "annan finansiering",
                                           "item": "Bidrag från Arvsfonden"}}
    old["other_periods"] = {"kulturiop": {"start": "2021-06-01", "end": "2027-05-31", "kind": "annan överenskommelse"}}
    new["decision"]["ceiling"] = {"amount": 1100000, "per": "år"}
    new["decision"]["latest_end"] = "2029-12-31"
    new["decision"]["delegations"][0]["matters"] = ["lydelse"]
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(new))}
    nb = "\u00a0"
    assert changes["Annat belopp: egen_insats"] == (f"150{nb}000{nb}kr (egen insats)", f"175{nb}000{nb}kr (egen insats)")
    assert changes["Annat belopp: arvsfonden"] == (
        "", f"200{nb}000{nb}kr per år (annan finansiering, Bidrag från Arvsfonden)")
    assert changes["Annan period: kulturiop"] == ("2021-06-01–2027-05-31 (annan överenskommelse)", "")
    assert changes["Beslut: tak"] == (f"1{nb}000{nb}000{nb}kr per år", f"1{nb}100{nb}000{nb}kr per år")
    assert changes["Beslut: senast till"] == ("2028-12-31", "2029-12-31")
    assert changes["Beslut: delegation till socialdirektören"] == ("lydelse, budget", "lydelse")
    assert "Beslut: nämnd" not in changes  # unchanged facts are not listed


def test_a_decision_only_one_side_has_is_listed_as_added():
    old, new = example_data(), example_data()
    old.pop("decision")
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(new))}
    assert changes["Beslut: nämnd"] == ("", "socialnämnden")
    assert changes["Beslut: tak"][0] == ""


def _decided(data: dict) -> dict:
    """The spec as it stands after the nämnd decided: date and paragraph of its decision filled in."""
    data["decision"].update(date="2026-06-10", paragraph="§ 7")
    return data


def test_a_renewal_the_nämnd_has_not_decided_yet_says_so_rather_than_lost():
    old = _decided(example_data())
    new = example_data()
    new.pop("decision")  # a renewal, as `drafter renew` writes it: the nämnd decides later
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(new))}
    assert changes["Beslut: nämnd"] == ("socialnämnden", "(ännu inte beslutat)")
    assert changes["Beslut: datum"] == ("2026-06-10", "(ännu inte beslutat)")
    assert changes["Beslut: delegation till socialdirektören"] == ("lydelse, budget", "(ännu inte beslutat)")


def test_a_decision_without_its_date_is_not_decided_yet_for_what_it_lacks():
    old, new = _decided(example_data()), example_data()  # the new one names the nämnd, not yet the date
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(new))}
    assert changes == {"Beslut: datum": ("2026-06-10", "(ännu inte beslutat)"),
                       "Beslut: paragraf": ("§ 7", "(ännu inte beslutat)")}


def test_a_real_removal_stays_visible():
    old = _decided(example_data())
    final = copy.deepcopy(old)
    final["document"]["status"] = "slutlig"
    final.pop("decision")  # a final document without the decision the older one had: lost, not pending
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(final))}
    assert changes["Beslut: nämnd"] == ("socialnämnden", "")
    decided = _decided(example_data())
    decided["decision"]["delegations"] = []  # decided, without the delegation: removed
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(decided))}
    assert changes == {"Beslut: delegation till socialdirektören": ("lydelse, budget", "")}


# --- what a party is: a förvaltning that becomes the kommun, acting through its nämnd


def _as_kommun(data: dict) -> dict:
    """The public party as `drafter renew` writes it: the kommun, acting through socialnämnden."""
    party = data["parties"][0]
    party.update(name="Stockholms stad", kind="kommun", committee="socialnämnden",
                 administration="Socialförvaltningen")
    party.pop("municipality")
    return data


def test_a_förvaltning_that_becomes_the_kommun_through_its_nämnd_is_a_change_of_kind():
    old = example_data()  # Socialförvaltningen, kind: förvaltning, committee: socialnämnden, municipality: Stockholms stad
    changes = [(c.what, c.old, c.new) for c in data_changes(_spec(old), _spec(_as_kommun(example_data())))
               if c.what.startswith("Part")]
    assert changes == [("Part 1: namn", "Socialförvaltningen", "Stockholms stad"),
                       ("Part 1: organisationsform", "förvaltning", "kommun, genom socialnämnden"),
                       ("Part 1: förvaltning", "", "Socialförvaltningen")]
    # Stockholms stad was the förvaltning's kommun and is now the party: no kommun lost, no nämnd changed


def test_an_older_spec_without_its_nämnd_shows_the_nämnd_added():
    old = example_data()
    old["parties"][0].pop("committee")
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(_as_kommun(example_data())))}
    assert changes["Part 1: nämnd"] == ("", "socialnämnden")
    assert changes["Part 1: organisationsform"] == ("förvaltning", "kommun, genom socialnämnden")


def test_the_idéburen_partys_change_of_kind_and_a_region():
    old, new = example_data(), example_data()
    new["parties"][1]["kind"] = "stiftelse"
    new["parties"][0].update(name="Region Stockholm", kind="region", organisationsnummer="232100-0016")
    new["parties"][0].pop("municipality")
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(new))}
    assert changes["Part 2: organisationsform"] == ("ideell förening", "stiftelse")
    assert changes["Part 1: organisationsform"] == ("förvaltning", "region, genom socialnämnden")
    assert changes["Part 1: kommun eller region"] == ("Stockholms stad", "Region Stockholm")
    assert "Part 2: sektor" not in changes and "Part 1: nämnd" not in changes


def test_the_same_party_shows_no_change_of_kind():
    data = _as_kommun(example_data())
    assert [c for c in data_changes(_spec(data), _spec(copy.deepcopy(data))) if c.what.startswith("Part")] == []


def test_a_renewals_new_diarienummer_and_subject_are_listed():
    """trial14: compare 2027 → 2030 listed Beslut: diarienummer but not the document's own new dnr."""
    from own_partnership import SPEC

    old = copy.deepcopy(SPEC)
    new = copy.deepcopy(SPEC)
    new["document"] |= {"diarienummer": "ST 2028/0077", "subject": "Läxhjälp och studiestöd i Tensta"}
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(new))}
    assert changes["Dokument: diarienummer"] == ("ST 2026/0301", "ST 2028/0077")
    assert changes["Dokument: ämne"] == ("Läxhjälp för barn och unga i Tensta", "Läxhjälp och studiestöd i Tensta")
    del new["document"]["diarienummer"]
    changes = {c.what: (c.old, c.new) for c in data_changes(_spec(old), _spec(new))}
    assert changes["Dokument: diarienummer"] == ("ST 2026/0301", "")
