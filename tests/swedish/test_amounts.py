"""Amounts as Swedish texts write them: digits in every common form, words, and rates."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from drafter.swedish.format import kronor, tkr
from drafter.swedish.parse import find_amounts, number_from_words


@pytest.mark.parametrize("text, value, per", [
    ("Ersättningen är 2 000 000 kr.", 2_000_000, None),
    ("Ersättningen är 2.000.000 kr.", 2_000_000, None),
    ("Ersättningen är 2 000 000:- för perioden.", 2_000_000, None),
    ("Ersättningen är 2000000 SEK.", 2_000_000, None),
    ("Totalt 2 mnkr för hela perioden.", 2_000_000, None),
    ("Varav 500 tkr för 2026.", 500_000, None),
    ("Ersättningen är 1 000 000,00 kr.", 1_000_000, None),
    ("Ersättningen är 2 milj. kr.", 2_000_000, None),
    ("Ersättningen är 1,5 miljoner kronor.", 1_500_000, None),
    ("Ersättningen är två miljoner kronor.", 2_000_000, None),
    ("Egen insats: etthundrafemtiotusen kronor.", 150_000, None),
    ("Ersättningen är en och en halv miljon kronor.", 1_500_000, None),
    ("Bidraget är en halv miljon kronor.", 500_000, None),
    ("Bidraget är femhundra tusen kronor.", 500_000, None),
    ("Ersättningen är 600 000 kr per halvår.", 600_000, "halvår"),
    ("Ersättningen är 600 000 kr/år.", 600_000, "år"),
    ("Ersättningen är 50 000 kr i månaden.", 50_000, "månaden"),
    ("Ersättningen är tvåhundratusen kronor om året.", 200_000, "året"),
    ("Ersättningen betalas med 1 mnkr årligen.", 1_000_000, "årligen"),
    ("Ersättningen är 250 000 kr per kvartal.", 250_000, "kvartal"),
    ("Avgiften är 50 kr per deltagare.", 50, "deltagare"),
])
def test_one_amount_in_each_form(text, value, per):
    (amount,) = find_amounts(text)
    assert amount.value == value and amount.per == per
    assert amount.written in text and text[amount.start:amount.end] == amount.written


def test_rates_know_their_months_and_what_is_not_over_time():
    months = {a.written: (a.months, a.over_time) for a in find_amounts(
        "1 kr per år, 2 kr per halvår, 3 kr per kvartal, 4 kr per månad, 5 kr per deltagare, 6 kr för 2026, "
        "7 kr per avtalsperiod")}
    assert months == {"1 kr per år": (12, True), "2 kr per halvår": (6, True), "3 kr per kvartal": (3, True),
                      "4 kr per månad": (1, True), "5 kr per deltagare": (None, False), "6 kr": (None, True),
                      "7 kr per avtalsperiod": (None, True)}


def test_words_that_are_not_amounts():
    assert find_amounts("Styrgruppen träffas fyra gånger per år och en gång i månaden.") == []
    assert find_amounts("Föreningen har 40 besökare per månad och 2026 deltagare.") == []
    # "i bidrag" is not a rate: the amount stands alone
    (amount,) = find_amounts("Föreningen får 1 000 000 kr i bidrag.")
    assert amount.written == "1 000 000 kr" and amount.per is None
    assert number_from_words("tre och fyra") is None and number_from_words("halv") is None


@pytest.mark.parametrize("value", [0, 7, 999, 1000, 12_345, 878_000, 1_000_000, 2_147_483_647])
def test_what_drafter_writes_it_reads_back(value):
    (amount,) = find_amounts(f"Ersättningen är {kronor(value)} per år.")
    assert amount.value == value and amount.months == 12
    (amount,) = find_amounts(f"Ersättningen är {tkr(value)}.")
    assert amount.value == round(value / 1000) * 1000


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999))
def test_amounts_in_words_as_an_independent_speller_writes_them(value):
    """num2words spells Swedish numbers ("två miljoner trehundraförtiofemtusen"); we read them back."""
    words = num2words(value, lang="sv")
    assert number_from_words(words) == value
    (amount,) = find_amounts(f"Beloppet är {words} kronor per år.")
    assert amount.value == value and amount.per == "år"


def test_a_name_in_words_is_not_an_amount():
    (amount,) = find_amounts("Stiftelsen Tre Kronor bidrar. Två miljoner kronor betalas ut.")
    assert amount.written == "Två miljoner kronor" and amount.value == 2_000_000
