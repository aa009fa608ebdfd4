"""Fuzzing specs with hypothesis: random Unicode, extreme numbers and dates, deep nesting and wrong
types anywhere in a spec. `drafter check` and `drafter build` may succeed, report findings (exit 1)
or refuse the input with a clean message (exit 2) — never fail with an internal error (exit 3).
FUZZ_EXAMPLES=1500 runs the check fuzzer longer (done before each release; 120 in CI)."""

import datetime as dt
import os
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.cli import main
from helpers import CLAUSES, example_data

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

leaves = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.booleans(),
    st.none(),
    st.sampled_from(["{{ 7*7 }}", "{% raw %}", "../../etc", "08-31", "02-29", "2026-13-01", "xxxx", "&<>\"'",
                     "villkor/aterkrav@99", "kalenderår", "halvår", "0", "-1"]),
)
values = st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)


def paths(data, prefix=()):
    """Every place in the spec a value can be replaced: mapping keys and list items, at any depth."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from paths(value, (*prefix, i))


def replaced(data, path, value):
    if not path:
        return value
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


EXAMPLE_PATHS = list(paths(example_data()))


@st.composite
def mutated_specs(draw):
    data = example_data()
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(EXAMPLE_PATHS))
        try:
            data = replaced(data, path, draw(values))
        except (KeyError, IndexError, TypeError):  # an earlier mutation removed this place
            pass
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def run(args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code in (0, 1, 2), result.output
    assert "internt fel" not in result.output and "Traceback" not in result.output, result.output
    return result


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 120)), **SETTINGS)
@given(text=mutated_specs())
def test_check_never_fails_with_an_internal_error(tmp_path, text):
    spec = tmp_path / "fuzz.yaml"
    spec.write_text(text, encoding="utf-8")
    run(["check", spec, "--clauses", CLAUSES])


@settings(max_examples=25, **SETTINGS)
@given(text=mutated_specs())
def test_build_never_fails_with_an_internal_error(tmp_path, text):
    spec = tmp_path / "fuzz.yaml"
    spec.write_text(text, encoding="utf-8")
    out = Path(tempfile.mkdtemp(dir=tmp_path))  # tmp_path is shared by all examples
    result = run(["build", spec, "-o", out, "--clauses", CLAUSES])
    if result.exit_code != 0:
        assert not list(out.rglob("*.pdf")) and not list(out.rglob("*.docx"))


@settings(max_examples=60, **SETTINGS)
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_as_a_spec_get_a_clean_answer(tmp_path, raw):
    spec = tmp_path / "raw.yaml"
    spec.write_bytes(raw)
    run(["check", spec, "--clauses", CLAUSES])
