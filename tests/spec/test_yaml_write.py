"""The round-trip writer: what is not changed stays byte for byte, what is typed reads back as typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.spec import yaml_write as yw
from drafter.spec.model import Signatory, Spec
from drafter.spec.yaml_reader import read_yaml

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "agreements").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_an_unchanged_spec_is_written_back_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert yw.dump_rt(yw.load_rt(text)) == text


def test_one_changed_value_changes_one_line_and_keeps_its_comment():
    text = (REPO / "agreements" / "street-minds-2026.yaml").read_text(encoding="utf-8")
    data = yw.load_rt(text)
    assert yw.set_value(data, ("document", "place"), "Solna")
    assert not yw.set_value(data, ("budget", "months"), 12)  # unchanged: untouched
    out = yw.dump_rt(data)
    changed = [(a, b) for a, b in zip(text.splitlines(), out.splitlines()) if a != b]
    assert changed == [("  place: Stockholm          # ort för undertecknandet",
                        "  place: Solna              # ort för undertecknandet")]


def test_a_new_key_goes_where_the_schema_puts_it_after_the_comments_of_the_one_before():
    text = (REPO / "agreements" / "street-minds-2026.yaml").read_text(encoding="utf-8")
    data = yw.load_rt(text)
    yw.set_value(data, ("parties", 1, "signatory", "name"), "Sara Ahmadi", list(Signatory.model_fields))
    yw.set_value(data, ("texts", "ekonomi"), "Ett stycke.", list(Spec.model_fields))
    out = yw.dump_rt(data)
    assert "      # name: ...           # ordförandens namn; utelämnat ger en tom namnrad\n      name: Sara Ahmadi\n" \
           "      title: ordförande\n" in out
    assert "  tidigare_overenskommelse_slut: 2026-06-30\ntexts:\n  ekonomi: Ett stycke.\n\n# Avsnitten i ordning." in out



def test_a_new_map_after_a_key_with_its_own_comment_keeps_both_comments_where_they_belong():
    """trial4: adding other_amounts.egen_insats on the page wrote "# siffror …" on egen_insats: and the block
    introducing texts: between egen_insats: and its amount:."""
    text = ("figures: {}                 # siffror som texterna citerar\n\n"
            "# Partnerskapets egna texter.\n# Två rader.\ntexts:\n  bakgrund: Text.\n")
    data = yw.load_rt(text)
    assert yw.set_value(data, ("other_amounts", "egen_insats", "amount"), 180000, list(Spec.model_fields))
    assert yw.dump_rt(data) == (
        "figures: {}                 # siffror som texterna citerar\n"
        "other_amounts:\n  egen_insats:\n    amount: 180000\n\n"
        "# Partnerskapets egna texter.\n# Två rader.\ntexts:\n  bakgrund: Text.\n")

TRICKY = ["yes", "no", "on", "off", "y", "null", "~", "0123", "1_000", "12:30", "2026-07-01", "1e3", ".5",
          "Öppen: verksamhet", "# inte en kommentar", "- inte en lista", "'citat", '"citat', "a #b", "[x]", "{x}",
          "*stjärna", "&ankare", "!tagg", "%procent", "@at", "`bakåt", "|rör", ">större", "?fråga", "true",
          "KFUM:s verksamhet", "1 000 000 kr", "Rad ett\n\nRad två med: kolon och # tecken\n"]


@pytest.mark.parametrize("value", TRICKY)
def test_typed_text_reads_back_as_the_same_text(tmp_path, value):
    data = yw.load_rt("document:\n  subject: x   # ämne\n")
    yw.set_value(data, ("document", "subject"), value)
    path = tmp_path / "s.yaml"
    path.write_text(yw.dump_rt(data), encoding="utf-8")
    read, _ = read_yaml(path)
    assert read["document"]["subject"] == value
    assert "# ämne" in path.read_text(encoding="utf-8") or "\n" in value.strip()


def test_dates_and_numbers_stay_dates_and_numbers(tmp_path):
    data = yw.load_rt("period:\n  start: 2026-07-01\nbudget:\n  rows:\n    - {item: A, amount: 1}\n")
    yw.set_value(data, ("period", "start"), dt.date(2027, 1, 1))
    yw.set_value(data, ("budget", "rows", 0, "amount"), 900000)
    out = yw.dump_rt(data)
    assert "start: 2027-01-01\n" in out and "- {item: A, amount: 900000}" in out


def test_save_is_atomic_and_refuses_a_file_changed_since_it_was_opened(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    base = yw.text_sha256("a: 1\n")
    path.write_text("a: 2\n", encoding="utf-8")  # changed elsewhere
    with pytest.raises(yw.Conflict) as refused:
        yw.save_text(path, "a: 3\n", base)
    assert refused.value.on_disk == "a: 2\n" and path.read_text(encoding="utf-8") == "a: 2\n"
    new = yw.save_text(path, "a: 3\n", yw.text_sha256("a: 2\n"))
    assert path.read_text(encoding="utf-8") == "a: 3\n" and new == yw.text_sha256("a: 3\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]  # no temporary file left
    with pytest.raises(yw.Conflict):
        yw.save_text(path, "b: 1\n", None)  # a new file must not exist yet


def test_a_syntax_error_is_a_swedish_message():
    with pytest.raises(yw.DrafterError, match="inte giltig YAML"):
        yw.load_rt("a: [1\n")
