"""A batch worker's memory between specs (drafter/worker_memory.py): Typst's memo cache aged out, the
freed heap returned, and nothing a document shows changed by it. bench/memory_tree.py measures the
memory itself; no size is asserted here."""

from pathlib import Path

from drafter import batch
from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import Settings, prepare
from drafter.worker_memory import evict_typst_cache, release
from drafter.writers.pdf.typst_writer import pdf_bytes
from helpers import CLAUSES, EXAMPLE


def test_a_pdf_after_the_cache_is_emptied_is_byte_identical():
    """Typst lays the document out again from nothing: the same bytes as with its cache warm."""
    documents = prepare(EXAMPLE, ClauseLibrary(CLAUSES)).documents
    agreement = next(d for d in documents if d.kind == "agreement")
    warm = pdf_bytes(agreement)
    assert pdf_bytes(agreement) == warm
    release()
    assert pdf_bytes(agreement) == warm
    evict_typst_cache()
    assert pdf_bytes(agreement) == warm


def test_every_spec_after_the_first_of_a_batch_starts_from_released_memory(tmp_path, monkeypatch):
    spec_dir = tmp_path / "specs"
    spec_dir.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    (spec_dir / "street-minds-2023.yaml").write_text(
        (EXAMPLE.parent / "street-minds-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    specs = []
    for name in ("a", "b", "c"):
        (spec_dir / f"{name}.yaml").write_text(text, encoding="utf-8")
        specs.append(spec_dir / f"{name}.yaml")
    calls = []
    monkeypatch.setattr("drafter.worker_memory.release", lambda: calls.append("release"))
    built = []
    code = batch.run_batch(specs, Settings(out_dir=tmp_path / "ut", formats=("docx",), clauses_dir=CLAUSES),
                           jobs=1, on_outcome=lambda outcome: built.append(outcome.status))
    assert code in (0, 1) and built == [batch.BUILT] * 3
    assert calls == ["release", "release"]  # between the specs, not after the last
    assert all(Path(tmp_path / "ut" / name).is_dir() for name in ("a", "b", "c"))


def _die(spec, settings):
    import os

    os._exit(9)  # what the kernel's out-of-memory killer leaves: the worker gone without a word


def test_a_worker_killed_mid_batch_fails_every_spec_left_with_a_message(tmp_path, monkeypatch):
    """Specs are handed to the pool a few at a time: those not yet handed out when a worker dies are
    reported too, each once, and the batch ends with exit code 3 (no traceback)."""
    monkeypatch.setattr(batch, "_worker", _die)
    monkeypatch.setattr(batch, "PRELOAD", [])
    specs = [tmp_path / f"s{i}.yaml" for i in range(7)]
    for spec in specs:
        spec.write_text("x: 1\n", encoding="utf-8")
    seen = []
    code = batch.run_batch(specs, Settings(out_dir=tmp_path / "ut", force=True), jobs=2,
                           on_outcome=lambda outcome: seen.append((outcome.spec, outcome.status, outcome.message)))
    assert code == 3
    assert sorted(spec for spec, _, _ in seen) == sorted(specs)
    assert all(status == batch.FAILED and "avbröts oväntat" in message for _, status, message in seen)
