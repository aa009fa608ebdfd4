"""The round trip of bench/import_roundtrip.py on a few generated specs (the full run, 50 specs, is
in docs/import.md): build, import the PDF, the DOCX and the text of the PDF, compare with the spec."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import_roundtrip = pytest.importorskip("import_roundtrip")

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) saknas")


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return import_roundtrip.run(5, tmp_path_factory.mktemp("roundtrip"), jobs=1)


def test_roundtrip_every_spec_loads(figures):
    assert figures["failures"] == []


def test_roundtrip_no_invented_headings(figures):
    assert figures["invented_headings"] == []
    assert all(figures["scores"][f"headings/{fmt}"]["precision"] == 1.0 for fmt in ("pdf", "docx", "txt"))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
@pytest.mark.parametrize("field,target", [("parties", 0.95), ("period", 0.95), ("budget_total", 0.95),
                                          ("budget_rows", 0.9), ("officials", 0.9)])
def test_roundtrip_targets(figures, field, target, fmt):
    score = figures["scores"][f"{field}/{fmt}"]
    assert score["precision"] >= target and score["recall"] >= target, score
