import datetime as dt

import pytest

from drafter.errors import DrafterError
from drafter.spec.load import load_spec
from helpers import EXAMPLE, example_data, write_spec


def test_example_spec_loads_with_its_facts():
    loaded = load_spec(EXAMPLE)
    spec = loaded.spec
    assert spec.public.name == "Socialförvaltningen"
    assert [p.name for p in spec.partners] == ["Street Minds"]
    assert spec.period.start == dt.date(2026, 7, 1)
    assert spec.period.renewal.max_end == dt.date(2028, 12, 31)
    assert spec.budget.sum == 1_000_000
    assert loaded.where("budget", "rows", 0).line == EXAMPLE.read_text().splitlines().index(
        "    - {item: Personal, amount: 878000}") + 1


def _error(tmp_path, text: str) -> DrafterError:
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_spec(path)
    return caught.value


def test_duplicate_key_is_refused_with_its_line(tmp_path):
    err = _error(tmp_path, "document:\n  place: Stockholm\n  place: Malmö\n")
    assert "två gånger" in err.message
    assert err.where.line == 3 and err.where.field == "document.place"


def test_alias_is_refused(tmp_path):
    err = _error(tmp_path, "a: &x 1\nb: *x\n")
    assert "alias" in err.message.lower() and err.where.line == 2


def test_root_must_be_a_mapping(tmp_path):
    err = _error(tmp_path, "- a\n- b\n")
    assert "samling fält" in err.message


def test_empty_and_binary_files(tmp_path):
    assert "tom" in _error(tmp_path, "  \n").message
    path = tmp_path / "bin.yaml"
    path.write_bytes(b"\x00\x01PK")
    with pytest.raises(DrafterError, match="binära"):
        load_spec(path)


def test_yaml_syntax_error_names_line(tmp_path):
    err = _error(tmp_path, "document:\n  place: [Stockholm\n")
    assert "giltig YAML" in err.message and err.where.line is not None


def test_impossible_date_names_field(tmp_path):
    data = example_data()
    path = write_spec(tmp_path, data)
    text = path.read_text().replace("start: 2026-07-01", "start: 2026-02-30")
    path.write_text(text)
    with pytest.raises(DrafterError) as caught:
        load_spec(path)
    assert caught.value.where.field == "period.start"
    assert "2026-02-30" in caught.value.message


def _spec_errors(tmp_path, data):
    with pytest.raises(DrafterError) as caught:
        load_spec(write_spec(tmp_path, data))
    return caught.value.errors


def test_unknown_field_suggests_the_right_one(tmp_path):
    data = example_data()
    data["period"]["ends"] = data["period"].pop("end")
    errors = _spec_errors(tmp_path, data)
    fields = {e.where.field: e for e in errors}
    assert "Menade du 'end'?" == fields["period.ends"].hint
    assert "period.end" not in fields  # the misspelling is one mistake, not also a missing field
    assert fields["period.ends"].where.line > 1


def test_organisationsnummer_check_digit(tmp_path):
    data = example_data()
    data["parties"][1]["organisationsnummer"] = "802524-2878"
    (err,) = _spec_errors(tmp_path, data)
    assert err.where.field == "parties.1.organisationsnummer"
    assert "kontrollsiffra" in err.message


def test_wrong_type_and_bad_choice(tmp_path):
    data = example_data()
    data["budget"]["rows"][0]["amount"] = "mycket"
    data["parties"][0]["sector"] = "privat"
    errors = {e.where.field: e.message for e in _spec_errors(tmp_path, data)}
    assert "heltal" in errors["budget.rows.0.amount"]
    assert "offentlig" in errors["parties.0.sector"]


def test_clause_id_cannot_leave_the_library(tmp_path):
    data = example_data()
    data["outline"][0] = "../../etc/passwd"
    errors = _spec_errors(tmp_path, data)
    assert errors[0].where.field.startswith("outline.0")
    assert "giltigt klausul-id" in errors[0].message


def test_a_date_that_does_not_exist_says_how_many_days_the_month_has(tmp_path):
    from drafter.errors import DrafterError
    from drafter.spec.load import load_spec

    spec = tmp_path / "feb.yaml"
    spec.write_text((EXAMPLE.read_text(encoding="utf-8")
                     .replace("  date: 2026-07-01 ", "  date: 2026-02-30 ", 1)
                     .replace("renews: street-minds-2023.yaml", "")), encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_spec(spec)
    assert "'2026-02-30'" in caught.value.message and "Februari 2026 har 28 dagar." in caught.value.message
