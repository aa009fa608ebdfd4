"""The klarspråk rules: each finds what it is for, and keeps quiet about correct Swedish (precision first)."""

import pytest

from drafter.language.rules import agreement, long_sentences, passive_without_agent, plain_words, standard_word_list
from drafter.language.terms import term_remarks
from drafter.language.text import sentences


def codes_and_texts(rule, text, *args):
    return [r.message for r in rule(sentences(text), *args)]


@pytest.mark.parametrize("text", [
    "Bakgrund och beslut om förändrade åtaganden ska registreras och förvaras tillsammans med överenskommelsen.",
    "Uppgifterna ska också lämnas skriftligen senast den 1 mars.",
])
def test_passive_without_agent_is_found(text):
    found = codes_and_texts(passive_without_agent, text)
    assert len(found) == 1 and "säger inte vem" in found[0]


@pytest.mark.parametrize("text", [
    "Rapporten ska lämnas av föreningen senast den 1 mars.",  # agent given
    "Parterna ska träffas minst en gång i kvartalet.",  # reciprocal, not passive
    "Det ska finnas en styrgrupp.",  # deponent
    "Partnerskapet ska grundas på ömsesidig respekt.",  # stative
    "Föreningen ska lämna en rapport.",  # active
    "En ny punkt, 3.2 a, ska införas med följande lydelse:",  # the amendment formula
])
def test_passive_rule_keeps_quiet_about_correct_sentences(text):
    assert codes_and_texts(passive_without_agent, text) == []


def test_word_list_finds_the_known_words_once_per_text_with_a_count():
    text = "Föreningen skall inlämna rapporten. Parterna skall erhålla den innehållandes bilagor."
    found = codes_and_texts(plain_words, text, standard_word_list())
    assert any('"ska" i stället för "skall" (2 gånger' in m for m in found)
    assert any('"lämna in" i stället för "inlämna"' in m for m in found)
    assert any('"få" i stället för "erhålla"' in m for m in found)
    assert any('"som innehåller" i stället för "innehållandes"' in m for m in found)


@pytest.mark.parametrize("text", [
    "Verksamheten ska vara så trygg som möjligt.",  # "så … som" is no "såsom"
    "Gör så som styrgruppen beslutar.",  # "så som" = in the way that
    "Skallen och skalle är inte skall.",  # whole words only (skall counted once, below)
    "Senast den 30 september.",
])
def test_word_list_keeps_quiet(text):
    found = codes_and_texts(plain_words, text, standard_word_list())
    assert all("skall" in m for m in found) and len(found) <= 1


def test_known_slips_of_the_originals_are_errors():
    found = plain_words(sentences("Uppsägning sker senaste den 30 september. Dock som längs till den 30 juni 2026."),
                        standard_word_list())
    assert sorted(r.message.split('"')[1] for r in found) == ["senast den", "som längst"]
    assert all(r.error for r in found)


@pytest.mark.parametrize("text, word", [
    ("Parterna får säga upp överenskommelsen om samverkanspart bryter sina åtagande eller av andra skäl.", "åtaganden"),
    ("Styrgruppen går igenom dessa ärende.", "ärenden"),
    ("Avtalet gäller för alla verksamhet i partnerskapet.", "verksamhet"),
    ("KFUMs lokaler används.", "KFUM:s"),
    ("Det finns ett annan sätt.", "ett annat"),
])
def test_agreement_errors(text, word):
    found = codes_and_texts(agreement, text)
    assert len(found) == 1 and word in found[0]


@pytest.mark.parametrize("text", [
    "Parterna fullgör sina åtaganden enligt överenskommelsen.",
    "Alla deltagande föreningar lämnar rapporter.",  # a participle before its noun
    "KFUM:s och IOP-avtalets lokaler används.",
    "Dessa verksamheter följs upp.",
    "Det finns ett annat sätt och en annan väg.",
    "Det gäller SKR och IOPS.",
])
def test_agreement_keeps_quiet_about_correct_swedish(text):
    assert codes_and_texts(agreement, text) == []


def test_long_sentences_with_the_decision_limit():
    forty = " ".join(["ord"] * 35) + "."
    assert len(long_sentences(sentences(forty), 30)) == 1
    assert long_sentences(sentences(forty), 40) == []


def test_terms():
    text = ("Överenskommelsen gäller i två år. Avtalet kan sägas upp. Brukare och deltagare är välkomna.\n"
            "Detta är ett idéburet partnerskap. Streetminds ansvarar för lokalen. Street Minds har styrelsen.\n"
            "Socialförvaltningen och socialförvaltningen är samma part.")
    found = [t.remark.message for t in term_remarks(sentences(text), ["Street Minds", "Socialförvaltningen"])]
    assert any('"avtal"' in m and '"överenskommelse"' in m for m in found)
    assert any('"brukare"' in m and '"deltagare"' in m for m in found)
    assert any("saknar \"offentligt\"" in m for m in found)
    assert any('"Streetminds"' in m for m in found)
    assert not any("ocialförvaltningen\" men" in m for m in found)  # case alone is no second name
    assert len(found) == 4


def test_a_placeholder_in_brackets_is_no_second_spelling_of_the_party():
    """`drafter new` names the party "[Kommunens namn]": the words inside the brackets were reported as the
    party's name spelt otherwise ("Kommunens namn"); the placeholder check is what says to fill it in."""
    text = "[Kommunens namn], organisationsnummer 000000-0000, genom [nämnden]. Föreningen Street Minds, Stockholm har lokalen."
    found = [t.remark.message for t in term_remarks(sentences(text), ["[Kommunens namn]", "Föreningen Street Minds, Stockholm"])]
    assert found == []
    found = [t.remark.message for t in term_remarks(sentences("Föreningen Streetminds, Stockholm har lokalen."),
                                                    ["Föreningen Street Minds, Stockholm"])]
    assert found == ['Parten heter "Föreningen Street Minds, Stockholm" men skrivs här "Föreningen Streetminds Stockholm".']
