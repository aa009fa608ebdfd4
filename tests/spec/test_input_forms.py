"""Input that would silently become something else is refused: "60.000" kr (sixty thousand written with a
dot), an empty name or place, and an organisationsnummer without its hyphen is read as NNNNNN-NNNN."""

import subprocess
import sys

import pytest

from drafter.errors import DrafterError
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, ROOT


def _spec(tmp_path, old: str, new: str, at: str | None = None):
    """The example with `old` replaced by `new`, and the line of `at` (default: `new`) in it."""
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "renews: street-minds-2023.yaml", f"renews: {EXAMPLE.parent / 'street-minds-2023.yaml'}")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    return path, next(i for i, row in enumerate(text.splitlines(), 1) if (at or new.strip()) in row)


def _errors(path) -> list[DrafterError]:
    with pytest.raises(DrafterError) as caught:
        load_spec(path)
    return getattr(caught.value, "errors", [caught.value])


@pytest.mark.parametrize("written, message, hint", [
    ('"57.000"', "Värdet 57.000 ska vara ett heltal i hela kronor", "Skriv beloppet utan punkt: 57000 (eller 57 000)."),
    ("57.000", "Värdet 57.000 ska vara ett heltal i hela kronor", "Skriv beloppet utan punkt: 57000 (eller 57 000)."),
    ("1.057.000", "Värdet 1.057.000 ska vara ett heltal", "Skriv beloppet utan punkt: 1057000 (eller 1 057 000)."),
    ("57.5", "Värdet 57.5 ska vara ett heltal i hela kronor, utan decimaler", "utan punkt, komma och mellanslag"),
    ('"57,000"', "Värdet '57,000' ska vara ett heltal i hela kronor", "Skriv beloppet utan komma: 57000 (eller 57 000)."),
    ('"57 00"', "Värdet 57 00 ska vara ett heltal i hela kronor", "utan punkt, komma och mellanslag"),
    ('"57.000 kr"', "Värdet 57.000 kr ska vara ett heltal i hela kronor", "Skriv beloppet utan punkt: 57000 (eller 57 000)."),
], ids=["dot-text", "dot-yaml-float", "two-dots", "decimal", "comma", "space-not-by-threes", "dot-kr"])
def test_an_amount_with_a_dot_or_decimals_is_refused_with_the_number_to_write(tmp_path, written, message, hint):
    path, line = _spec(tmp_path, "{item: Aktiviteter, amount: 57000}", f"{{item: Aktiviteter, amount: {written}}}")
    errors = _errors(path)
    assert len(errors) == 1
    error = errors[0]
    assert message in error.message and hint in error.hint
    assert (error.where.line, error.where.field) == (line, "budget.rows.3.amount")


@pytest.mark.parametrize("written", ['"57 000"', '"57\u00a0000 kr"', '"57\u202f000"', '"57 000 kronor"',
                                     '"57000 kr"', '57 000 kr'],
                         ids=["space", "nbsp-kr", "narrow-nbsp", "kronor", "digits-kr", "plain-yaml"])
def test_an_amount_written_the_swedish_way_is_the_amount(tmp_path, written):
    """Trial 13: "30 000" and "5 000 kr" are how Swedish writes kronor; grouped by threes they are unambiguous."""
    path, _ = _spec(tmp_path, "{item: Aktiviteter, amount: 57000}", f"{{item: Aktiviteter, amount: {written}}}")
    assert load_spec(path).spec.budget.rows[3].amount == 57000


def test_a_count_written_with_a_space_is_still_refused(tmp_path):
    """Only kronor amounts read "1 200"; months are a count, where a space is a typo."""
    path, _ = _spec(tmp_path, "  months: 12 ", '  months: "1 2" ')
    assert "ska vara ett heltal" in _errors(path)[0].message


def test_digits_as_text_still_are_the_amount(tmp_path):
    """A web form posts "57000": that was and is 57 000 kr."""
    path, _ = _spec(tmp_path, "{item: Aktiviteter, amount: 57000}", '{item: Aktiviteter, amount: "57000"}')
    assert load_spec(path).spec.budget.rows[3].amount == 57000


@pytest.mark.parametrize("old, new, field", [
    ("  months: 12 ", "  months: 12.0 ", "budget.months"),
    ("ceiling: {amount: 1000000, per: år}", "ceiling: {amount: 1.000.000, per: år}", "decision.ceiling.amount"),
    ("figures:\n", "figures:\n  antal_deltagare: 1.200\n", "figures.antal_deltagare"),
], ids=["months", "ceiling", "figure"])
def test_every_whole_number_field_refuses_a_decimal(tmp_path, old, new, field):
    path, line = _spec(tmp_path, old, new, new.strip().splitlines()[-1])
    error = _errors(path)[0]
    assert "ska vara ett heltal" in error.message and error.where.field == field
    assert error.where.line == line


def test_other_amount_written_alone_with_a_dot_is_refused(tmp_path):
    path, line = _spec(tmp_path, "figures:\n", "other_amounts:\n  egen_insats: 240.000\nfigures:\n",
                       "egen_insats: 240.000")
    error = _errors(path)[0]
    assert error.hint == "Skriv beloppet utan punkt: 240000 (eller 240 000)."
    assert error.where.field == "other_amounts.egen_insats.amount" and error.where.line == line


@pytest.mark.parametrize("old, new, field", [
    ("  place: Stockholm", '  place: ""', "document.place"),
    ("  place: Stockholm", "  place: '   '", "document.place"),
    ("- name: Street Minds", '- name: ""', "parties.1.name"),
    ("    committee: socialnämnden", "    committee:  ''", "parties.0.committee"),
    ("{item: Aktiviteter, amount: 57000}", "{item: '', amount: 57000}", "budget.rows.3.item"),
], ids=["place", "place-spaces", "party-name", "committee", "budget-item"])
def test_an_empty_required_text_is_refused_naming_the_field(tmp_path, old, new, field):
    path, line = _spec(tmp_path, old, new)
    error = _errors(path)[0]
    assert error.message.startswith(f"Fältet {field} är tomt")
    assert (error.where.field, error.where.line) == (field, line)


def test_empty_name_and_dotted_amount_of_the_trial_exit_2_with_every_error(tmp_path):
    """Trial 11: the web form saved an empty name, an empty place and "60.000"; check built it with 0 fel."""
    path, _ = _spec(tmp_path, "  place: Stockholm", '  place: ""')
    text = path.read_text(encoding="utf-8").replace("- name: Street Minds", '- name: ""', 1)
    path.write_text(text.replace("{item: Aktiviteter, amount: 57000}", '{item: Aktiviteter, amount: "60.000"}'),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "drafter", "check", str(path), "--clauses", str(CLAUSES)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for fragment in ("(fält document.place): Fältet document.place är tomt",
                     "(fält parties.1.name – part 2): Fältet parties.1.name är tomt",
                     "Tips: Skriv beloppet utan punkt: 60000 (eller 60 000)."):
        assert fragment in result.stderr, result.stderr


def test_orgnr_without_hyphen_is_read_as_nnnnnn_nnnn(tmp_path):
    path, _ = _spec(tmp_path, "organisationsnummer: 802524-2879", "organisationsnummer: 8025242879")
    assert load_spec(path).spec.parties[1].organisationsnummer == "802524-2879"


def test_orgnr_without_hyphen_keeps_its_check_digit_checked(tmp_path):
    path, line = _spec(tmp_path, "organisationsnummer: 802524-2879", "organisationsnummer: 8025242878")
    error = _errors(path)[0]
    assert "802524-2878 har fel kontrollsiffra" in error.message and error.where.line == line
