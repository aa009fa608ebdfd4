"""other_amounts and other_periods: amounts and periods the texts state besides the budget and the period."""

import datetime as dt

import pytest

from drafter.errors import DrafterError
from drafter.spec.load import load_spec
from drafter.spec.model import Spec
from helpers import EXAMPLE, example_data, write_spec


def test_a_spec_without_them_loads_as_before():
    spec = load_spec(EXAMPLE).spec
    assert spec.other_amounts == {} and spec.other_periods == {}


def test_an_amount_written_as_a_number_or_in_full(tmp_path):
    data = example_data()
    data["other_amounts"] = {"egen_insats": 150000,
                             "arvsfonden": {"amount": 200000, "per": "år", "kind": "annan finansiering",
                                            "item": "Bidrag från Arvsfonden"}}
    data["other_periods"] = {"iop_kultur": {"start": dt.date(2021, 6, 1), "end": dt.date(2027, 5, 31),
                                            "kind": "annan överenskommelse"}}
    loaded = load_spec(write_spec(tmp_path, data))
    amounts = loaded.spec.other_amounts
    assert (amounts["egen_insats"].amount, amounts["egen_insats"].per, amounts["egen_insats"].kind) == (150000, None, "annat")
    assert (amounts["arvsfonden"].amount, amounts["arvsfonden"].per) == (200000, "år")
    assert loaded.spec.other_periods["iop_kultur"].end == dt.date(2027, 5, 31)
    assert loaded.where("other_amounts", "arvsfonden").line is not None


def _errors(tmp_path, data) -> dict[str, str]:
    with pytest.raises(DrafterError) as caught:
        load_spec(write_spec(tmp_path, data))
    return {e.where.field: e.message for e in caught.value.errors}


def test_mistakes_are_swedish_sentences_naming_the_field(tmp_path):
    data = example_data()
    data["other_amounts"] = {"arvsfonden": {"amount": -5, "per": "vecka"}}
    data["other_periods"] = {"statsbidrag": {"start": dt.date(2026, 12, 31), "end": dt.date(2026, 1, 1)}}
    errors = _errors(tmp_path, data)
    assert "minst 0" in errors["other_amounts.arvsfonden.amount"]
    assert "'år', 'halvår', 'kvartal', 'månad'" in errors["other_amounts.arvsfonden.per"]
    assert "lutdatumet 2026-01-01 ligger före startdatumet 2026-12-31" in " ".join(errors.values())


def test_a_name_a_text_cannot_write(tmp_path):
    data = example_data()
    data["other_amounts"] = {"Egen insats": 150000}
    (message,) = _errors(tmp_path, data).values()
    assert "'Egen insats' kan inte skrivas i en text" in message and "egen_insats" in message


def test_the_schema_speaks_swedish_about_them():
    schema = Spec.model_json_schema()
    assert schema["properties"]["other_amounts"]["title"] == "Andra belopp"
    assert schema["properties"]["other_periods"]["title"] == "Andra perioder"
    for name in ("OtherAmount", "OtherPeriod"):
        model = schema["$defs"][name]
        assert model["title"] in ("Annat belopp", "Annan period") and model["description"][0].isupper()
        for field, prop in model["properties"].items():
            assert prop["title"] != field or field in ("per", "start"), field


def test_an_amount_changed_on_the_web_form_stays_an_amount():
    from drafter.web.forms import apply

    data = example_data()
    data["other_amounts"] = {"egen_insats": 150000}
    assert apply(Spec, data, {"other_amounts.egen_insats": "175 000"})
    assert Spec.model_validate(data).other_amounts["egen_insats"].amount == 175_000


def test_a_renewal_carries_them_to_the_new_spec(tmp_path):
    import shutil

    from click.testing import CliRunner

    from drafter.cli import main
    from helpers import CLAUSES

    agreements = tmp_path / "agreements"
    agreements.mkdir()
    for spec in EXAMPLE.parent.glob("street-minds-*.yaml"):
        shutil.copy(spec, agreements / spec.name)
    spec = agreements / "street-minds-2026.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "\nother_amounts:\n  egen_insats: 150000\n"
                    "other_periods:\n  statsbidrag: {start: 2026-01-01, end: 2026-12-31, kind: statsbidrag}\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["renew", str(spec), "street-minds-2029", "--end", "2030-12-31",
                                       "--clauses", str(shutil.copytree(CLAUSES, tmp_path / "clauses"))],
                                 prog_name="drafter")
    assert result.exit_code == 0, result.output
    renewed = load_spec(agreements / "street-minds-2029.yaml").spec
    assert renewed.other_amounts["egen_insats"].amount == 150000
    assert renewed.other_periods["statsbidrag"].kind == "statsbidrag"
