"""heading-content: a heading that lists topics its text never speaks of (info)."""

import pytest

from checks.support import findings, library_with, of, spec_file
from drafter.checks.headings import mentioned, topics
from helpers import EXAMPLE, example_data


def with_clause(tmp_path, heading: str, body: str):
    data = example_data()
    data["outline"].append({"clause": "test/rubrik", "heading": heading})
    spec = spec_file(tmp_path, data)
    return of(findings(spec, library_with(tmp_path, {"test/rubrik": body})), "heading-content")


def test_heading_promising_what_the_text_never_says(tmp_path):
    (f,) = [f for f in with_clause(tmp_path, "Samverkan och orosanmälan",
                                   "Parterna samverkar i en samverkansgrupp som träffas varje månad.")
            if f.where == "test/rubrik@1"]
    assert f.severity == "info" and f.document == "agreement"
    assert f.message.startswith('Rubriken "Samverkan och orosanmälan" lovar "orosanmälan", men texten under den')


def test_the_examples_clause_on_secrecy_promises_orosanmälan():
    # villkor/sekretess@1 (from the 2026 agreement): its text speaks of secrecy and a promise of silence,
    # never of reporting a child at risk
    (f,) = [f for f in of(findings(EXAMPLE), "heading-content") if f.document == "agreement"]
    assert f.where == "villkor/sekretess@1" and '"orosanmälan"' in f.message


@pytest.mark.parametrize("heading, body", [
    ("Uppföljning och återrapportering", "Verksamheten ska följas upp varje år. Föreningen lämnar en rapport."),
    ("Informationsspridning och marknadsföring", "Parterna ska sprida information om verksamheten och "
                                                 "marknadsför den gemensamt."),
    ("Ledning och samverkan", "Styrgruppen leder partnerskapet. Parterna samverkar i en samverkansgrupp."),
    ("Sekretess och orosanmälan", "Uppgifterna omfattas av sekretess. Den som misstänker att ett barn far illa "
                                  "ska anmäla det till socialtjänsten."),
    ("Befrielsegrunder (force majeure)", "Part är fri från påföljd vid krig eller naturkatastrof."),
    ("Bakgrund", "Föreningen har arbetat i stadsdelen sedan 2015."),
    ("Insyn och granskning", "Kommunen får ta del av räkenskaperna."),  # none of them: a summing-up heading
    ("Förvaltningens synpunkter och förslag", "Förvaltningen föreslår att nämnden godkänner partnerskapet."),
    # trial 9: "Bakgrund" names the kind of text, as "Sammanfattning" does, not a subject it must repeat
    ("Bakgrund och syfte", "Ensamheten bland äldre växer. Syftet är att fler äldre ska träffa andra."),
])
def test_no_false_alarm(tmp_path, heading, body):
    assert [f for f in with_clause(tmp_path, heading, body) if f.where == "test/rubrik@1"] == []


def test_a_heading_from_the_spec_is_named_by_its_line(tmp_path):
    data = example_data()
    data.setdefault("texts", {})["egen"] = "Parterna samverkar varje månad."
    data["outline"].append({"key": "egen", "heading": "Samverkan och orosanmälan"})
    spec = spec_file(tmp_path, data)
    found = [f for f in of(findings(spec), "heading-content") if "Samverkan och orosanmälan" in f.message]
    assert len(found) == 1 and found[0].where.startswith(str(spec) + ":")


def test_words_and_topics():
    assert topics("Sekretess, tystnadsplikt och orosanmälan") == ["Sekretess", "tystnadsplikt", "orosanmälan"]
    assert topics("Befrielsegrunder (force majeure)") == ["Befrielsegrunder"]
    assert mentioned("uppföljning", "den ska följas upp")
    assert mentioned("sekretess", "sekretessen gäller")
    assert not mentioned("orosanmälan", "parterna samverkar")
