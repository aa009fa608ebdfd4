"""Which party a field path or a spec line belongs to, counted as an official counts (part 1, part 2)."""

from drafter.errors import PartyRef, Where
from drafter.spec.load import load_spec
from drafter.spec.party_names import PartyLines, party_of
from helpers import EXAMPLE

DATA = {"parties": [{"name": "Socialförvaltningen"}, {"name": "Street Minds"}]}


def line_of(text: str) -> int:
    return next(i for i, row in enumerate(EXAMPLE.read_text(encoding="utf-8").splitlines(), 1) if text in row)


def test_a_field_under_parties_1_is_the_second_party_by_name():
    party = party_of(DATA, ("parties", 1, "organisationsnummer"))
    assert party == PartyRef(1, "Street Minds") and party.number == 2
    assert str(party) == "part 2, Street Minds"
    assert party.to_dict() == {"number": 2, "name": "Street Minds", "path": "parties.1"}


def test_no_party_outside_parties():
    assert party_of(DATA, ("budget", "rows", 1, "amount")) is None
    assert party_of(DATA, ("parties",)) is None  # the list itself is no one party
    assert party_of(DATA, ("amendments", 0, "changes", 0)) is None


def test_a_party_without_a_name_yet_is_named_by_its_number():
    data = {"parties": [{"name": "[Föreningens namn]"}, {"sector": "idéburen"}]}
    assert str(party_of(data, ("parties", 0, "name"))) == "part 1"  # a placeholder is no name
    assert str(party_of(data, ("parties", 1, "kind"))) == "part 2"
    assert str(party_of(data, ("parties", 4, "kind"))) == "part 5"  # beyond the list: still the number
    assert party_of(data, ("parties", 1, "kind")).to_dict() == {"number": 2, "path": "parties.1"}


def test_where_says_the_field_path_and_the_party():
    where = Where("agreements/x.yaml", 30, 26, "parties.1.organisationsnummer", PartyRef(1, "Street Minds"))
    assert str(where) == "agreements/x.yaml:30:26 (fält parties.1.organisationsnummer – part 2, Street Minds)"
    assert str(Where("agreements/x.yaml", 47, 3, "budget.rows.1.amount")) == \
        "agreements/x.yaml:47:3 (fält budget.rows.1.amount)"


def test_loaded_spec_where_names_the_party_of_its_field():
    loaded = load_spec(EXAMPLE)
    where = loaded.where("parties", 1, "organisationsnummer")
    assert where.line == line_of("802524-2879") and where.party == PartyRef(1, "Street Minds")
    assert loaded.where("parties", 0, "signatory", "title").party == PartyRef(0, "Socialförvaltningen")
    assert loaded.where("budget", "rows", 1).party is None


def test_each_line_of_a_party_names_that_party_and_no_other_line_does():
    loaded = load_spec(EXAMPLE)
    lines = PartyLines(loaded.positions, loaded.data)
    assert lines.at(line_of("- name: Street Minds")) == PartyRef(1, "Street Minds")
    assert lines.at(line_of("signatory: {name: Sara Ahmadi")) == PartyRef(1, "Street Minds")  # a representative
    assert lines.at(line_of("title: socialdirektör")) == PartyRef(0, "Socialförvaltningen")
    assert lines.at(line_of("parties:")) is None
    assert lines.at(line_of("{item: Personal")) is None


def test_two_parties_on_one_line_name_neither(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index("parties:\n"), text.index("\nperiod:")
    flow = ("parties: [{name: Socialförvaltningen, sector: offentlig, kind: förvaltning, organisationsnummer: "
            "212000-0142, signatory: {title: socialdirektör}}, {name: Street Minds, sector: idéburen, kind: ideell "
            "förening, organisationsnummer: 802524-2879, signatory: {title: ordförande}}]\n")
    spec = tmp_path / "flow.yaml"
    spec.write_text(text[:start] + flow + text[end + 1:], encoding="utf-8")
    loaded = load_spec(spec)
    line = loaded.where("parties", 1, "organisationsnummer").line
    assert PartyLines(loaded.positions, loaded.data).at(line) is None
