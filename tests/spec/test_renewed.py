"""The renewed spec (`renews:`) is loaded once per build and per content, however many checks ask."""

from collections import Counter

import pytest

from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import prepare
from drafter.spec import renewed
from drafter.spec.load import load_spec
from helpers import copy_examples


@pytest.fixture
def project(tmp_path, monkeypatch):
    copy_examples(tmp_path)
    renewed._load.cache_clear()
    loads: Counter = Counter()

    def counting(path, data=None):
        loads[path.name] += 1
        return load_spec(path, data)

    monkeypatch.setattr(renewed, "load_spec", counting)
    yield tmp_path, loads
    renewed._load.cache_clear()


def codes(prepared):
    return [f.code for f in prepared.findings]


def test_a_renewal_with_an_amendment_loads_the_renewed_spec_once(project):
    root, loads = project
    library = ClauseLibrary(root / "clauses")
    spec = root / "agreements" / "street-minds-2026.yaml"
    first = prepare(spec, library)
    assert first.states, "the example has a tillägg: the checks run again for its state"
    assert loads == {"street-minds-2023.yaml": 1}  # four readers: continuity and stale-year, twice each
    again = prepare(spec, library)  # a batch worker's next spec renewing the same, unchanged file
    assert loads == {"street-minds-2023.yaml": 1}
    assert codes(again) == codes(first)


def test_an_edited_renewed_spec_is_loaded_again_and_its_new_period_used(project):
    root, loads = project
    library = ClauseLibrary(root / "clauses")
    spec = root / "agreements" / "street-minds-2026.yaml"
    assert "period-continuity" not in codes(prepare(spec, library))
    earlier = root / "agreements" / "street-minds-2023.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8").replace("max_end: 2026-06-30", "max_end: 2026-05-31"),
                       encoding="utf-8")
    (gap,) = [f for f in prepare(spec, library).findings if f.code == "period-continuity"]
    assert "glapp på 30 dagar" in gap.message and "slutar 31 maj 2026" in gap.message
    assert loads == {"street-minds-2023.yaml": 2}


def test_a_renewed_spec_that_is_not_valid_is_reported_once_per_build(project):
    root, loads = project
    library = ClauseLibrary(root / "clauses")
    earlier = root / "agreements" / "street-minds-2023.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8").replace("start: 2023-07-01", "start: inte ett datum"),
                       encoding="utf-8")
    spec = root / "agreements" / "street-minds-2026.yaml"
    found = [f for f in prepare(spec, library).findings if f.code == "period-continuity"]
    assert found and all("kan inte läsas" in f.message for f in found)
    assert loads == {"street-minds-2023.yaml": 1}


def test_the_cache_keeps_only_the_last_few(tmp_path, monkeypatch):
    renewed._load.cache_clear()
    copy_examples(tmp_path)
    folder = tmp_path / "agreements"
    text = (folder / "street-minds-2023.yaml").read_text(encoding="utf-8")
    renewal = load_spec(folder / "street-minds-2026.yaml")
    for i in range(renewed.KEEP + 5):
        (folder / "street-minds-2023.yaml").write_text(text + f"\n# utgåva {i}\n", encoding="utf-8")
        assert renewed.load_renewed(renewal).spec.period.end.year == 2024
    assert renewed._load.cache_info().currsize == renewed.KEEP
