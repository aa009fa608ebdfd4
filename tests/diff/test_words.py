"""Whole tokens: an amount, a date, an organisationsnummer and a clause number change as one."""

from __future__ import annotations

import pytest

from drafter.diff.words import diff_text, tokenize

NBSP = "\u00a0"


def words(text: str) -> list[str]:
    return [t for _, t in tokenize(text) if not t.isspace()]


@pytest.mark.parametrize("text, token", [
    (f"Personal 878{NBSP}000 kr", f"878{NBSP}000"),
    ("summa 1 032 000 kr", "1 032 000"),
    ("1 250,50 kr", "1 250,50"),
    ("från den 1 juli 2026 till", "1 juli 2026"),
    (f"senast den 30{NBSP}september respektive år", f"30{NBSP}september"),
    ("slutar 2026-12-31.", "2026-12-31"),
    ("organisationsnummer 802524-2879,", "802524-2879"),
    ("enligt punkt 5.7.", "5.7"),
    ("punkt 4.1.2 gäller", "4.1.2"),
])
def test_one_token(text, token):
    assert token in words(text)


def test_years_and_numbers_next_to_each_other_stay_apart():
    assert words("under 2023 140 besökare") == ["under", "2023", "140", "besökare"]
    assert words("1,5 timmar, 12 dagar") == ["1,5", "timmar", ",", "12", "dagar"]


@pytest.mark.parametrize("old, new, deleted, inserted", [
    (f"Personal 878{NBSP}000 kr", f"Personal 890{NBSP}000 kr", f"878{NBSP}000", f"890{NBSP}000"),
    ("från den 1 juli 2026", "från den 1 juli 2030", "1 juli 2026", "1 juli 2030"),
    ("för år 2026", "för år 2030", "2026", "2030"),  # never 20[-26-]{+30+}
    ("orgnr 802524-2879", "orgnr 802524-2887", "802524-2879", "802524-2887"),
    ("enligt punkt 5.7", "enligt punkt 5.8", "5.7", "5.8"),
])
def test_a_changed_value_is_one_change(old, new, deleted, inserted):
    ops = diff_text(old, new)
    assert [t for op, t in ops if op == "delete"] == [deleted]
    assert [t for op, t in ops if op == "insert"] == [inserted]


def test_a_word_is_still_refined_by_its_letters():
    assert diff_text("Vuxenskolan", "vuxenskolan") == [("delete", "V"), ("insert", "v"), ("equal", "uxenskolan")]
