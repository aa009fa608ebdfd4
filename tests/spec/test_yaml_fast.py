"""Specs are composed by libyaml (C) when PyYAML has it; the result, every value's line and column, and
every refusal must be exactly those of the pure-Python reader that knows how to say what is wrong."""

import pytest
import yaml

from drafter.errors import DrafterError
from drafter.spec import yaml_reader
from helpers import EXAMPLE, ROOT

needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML är byggt utan libyaml")

CASES = {
    "example": EXAMPLE.read_text(encoding="utf-8"),
    "non-ascii columns": "å: ärlig\nö: [1, 2, {ü: 3}]\nnamn: {förnamn: Åsa, efternamn: Öberg}\n",
    "yaml 1.2 numbers": "x: 050000\ny: 1:20:00\nz: no\nw: 2026-07-01\nv: 1_000\n",
    "block text": "text: |\n  Rad ett\n  Rad två åäö\nnext: 1.5e3\nlista:\n  - a\n  - {b: c}\n",
    "alias": "a: 1\nb: &x {c: 2}\nd: *x\n",
    "deep": "a: " + "[" * 45 + "]" * 45 + "\n",
    "other base": "belopp: 0x10\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "bad date": "datum: 2026-02-30\n",
    "bad indentation": "namn: Förening\n  fel: x\n",
    "tab": "a:\n\t- b\n",
}


def _read(path, fast: bool, monkeypatch):
    if not fast:
        monkeypatch.setattr(yaml_reader, "_compose_fast", lambda text, name: None)
    try:
        return yaml_reader.read_yaml(path)
    except DrafterError as exc:
        return ("fel", str(exc), exc.where)
    finally:
        monkeypatch.undo()


@needs_libyaml
@pytest.mark.parametrize("name", CASES)
def test_libyaml_reads_as_the_python_reader(name, tmp_path, monkeypatch):
    path = tmp_path / "spec.yaml"
    path.write_text(CASES[name], encoding="utf-8")
    assert _read(path, True, monkeypatch) == _read(path, False, monkeypatch)


@needs_libyaml
def test_the_example_is_composed_by_libyaml_with_its_lines_and_columns():
    text = EXAMPLE.read_text(encoding="utf-8")
    loader, _ = yaml_reader._compose_fast(text, str(EXAMPLE))
    assert isinstance(loader, yaml.CSafeLoader)
    data, positions = yaml_reader.read_yaml(EXAMPLE)
    lines = text.splitlines()
    checked = 0
    for path, (line, column) in positions.items():
        value = data
        for key in path:
            value = value[key]
        if isinstance(value, str) and value and "\n" not in value:
            at = lines[line - 1][column - 1:]
            assert at.lstrip("'\"").startswith(value[:20].split("'")[0]), (path, line, column)
            checked += 1
    assert checked > 50


@needs_libyaml
@pytest.mark.parametrize("name", ["alias", "deep", "tab", "bad indentation"])
def test_what_libyaml_cannot_refuse_goes_to_the_python_reader(name):
    assert yaml_reader._compose_fast(CASES[name], "spec.yaml") is None


def test_every_example_spec_reads_alike(monkeypatch):
    for path in sorted((ROOT / "agreements").glob("*.yaml")):
        assert _read(path, True, monkeypatch) == _read(path, False, monkeypatch)
