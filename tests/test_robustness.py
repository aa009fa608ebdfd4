"""Bad input as officials make it: one Swedish message naming file, line, column and field, exit 2,
no traceback, and nothing new or changed under output/. Each case is a row of docs/robustness.md."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, ROOT, example_data

DOCS = ROOT / "docs" / "robustness.md"


def spec_text(change) -> str:
    data = example_data()
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def example_lines(old: str, new: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8").replace("renews: street-minds-2023.yaml",
                                                      f"renews: {EXAMPLE.parent / 'street-minds-2023.yaml'}")
    assert old in text
    return text.replace(old, new, 1)


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
                 "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"

# id: (file content (str or bytes), message fragment, the line the message must name (its number, or a
# text that stands on it), field or None)
CASES = {
    "yaml-syntax": ("document:\n  place: [Stockholm\nparties: []\n", "inte giltig YAML", 3, None),
    "duplicate-key": ("document:\n  place: Stockholm\n  place: Malmö\n", "förekommer två gånger", 3,
                      "document.place"),
    "root-not-mapping": ("- document\n- parties\n", "samling fält", 1, None),
    "missing-field": (spec_text(lambda d: d["period"].pop("end")), "Fältet 'end' saknas", None, "period.end"),
    "unknown-field": (example_lines("  end: 2026-12-31", "  ends: 2026-12-31"), "Fältet 'ends' finns inte", "ends: 2026-12-31",
                      "period.ends"),
    "wrong-type": (example_lines("amount: 878000", "amount: mycket"), "ska vara ett heltal", "amount: mycket",
                   "budget.rows.0.amount"),
    "impossible-date": (example_lines("start: 2026-07-01", "start: 2026-02-30"), "2026-02-30", "start: 2026-02-30", "period.start"),
    "date-as-prose": (example_lines("start: 2026-07-01", "start: 1 juli 2026"), "ska vara ett datum", "start: 1 juli 2026",
                      "period.start"),
    "bad-choice": (example_lines("sector: offentlig", "sector: kommunal"), "välj ett av", "sector: kommunal", "parties.0.sector"),
    "orgnr-check-digit": (example_lines("802524-2879", "802524-2878"), "kontrollsiffra", "802524-2878",
                          "parties.1.organisationsnummer"),
    "empty-file": ("\n  \n", "Filen är tom", None, None),
    "binary-file": (b"PK\x03\x04\x00\x00binary", "binära data", None, None),
    "not-utf8": ("document:\n  place: Malmö\n".encode("latin-1"), "UTF-8", None, None),
    "too-large": ("# " + "x" * 1_000_100 + "\n", "största tillåtna storlek är 1 MB", None, None),
    "alias-bomb": (BILLION_LAUGHS, "alias", 2, None),
    "control-character": (example_lines("place: Stockholm ", 'place: "Stock\\x07holm" '), "U+0007", "Stock\\x07holm",
                          "document.place"),
    "glyph-missing": (example_lines("{item: Personal,", "{item: Personal 🎉,"), "PDF-typsnittet (Liberation) saknar",
                      "Personal 🎉", None),
    "clause-id-leaves-library": (example_lines("  - signering/signering", "  - ../../etc/passwd"),
                                 "inget giltigt klausul-id", "../../etc/passwd", "outline.5.clause"),
    "clause-id-malformed": (example_lines("  - signering/signering", "  - Signering/Överenskommelse"),
                            "inget giltigt klausul-id", "Signering/Överenskommelse", "outline.5.clause"),
}


@pytest.fixture(scope="module")
def earlier_output(tmp_path_factory):
    """An output folder holding a good earlier build, to prove bad input leaves it untouched."""
    out = tmp_path_factory.mktemp("output")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    return out


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_spec_gets_one_clear_message_and_exit_2(case, tmp_path, earlier_output):
    content, fragment, line, field = CASES[case]
    spec = tmp_path / "street-minds-2026.yaml"  # same name as the earlier build: its folder is the target
    spec.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = snapshot(earlier_output)
    result = subprocess.run([sys.executable, "-m", "drafter", "build", str(spec), "-o", str(earlier_output),
                             "--clauses", str(CLAUSES)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert fragment in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("fel: ")]
    assert len(errors) == 1 and errors[0].startswith(f"fel: {spec}")  # warnings may come before
    if isinstance(line, str):
        text = content.decode("utf-8") if isinstance(content, bytes) else content
        line = next(i for i, row in enumerate(text.splitlines(), 1) if line in row)
    if line:
        assert re.search(rf"{re.escape(str(spec))}:{line}(:\d+)?", result.stderr), result.stderr
    if field:
        assert f"(fält {field})" in result.stderr
    assert snapshot(earlier_output) == before


def test_every_case_is_a_row_of_docs_robustness():
    rows = re.findall(r"^\| `([a-z0-9-]+)` \|", DOCS.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(rows) == sorted([*CASES, *OTHER_ROWS])


OTHER_ROWS = ["missing-file", "clause-front-matter", "clause-unknown-variable", "clause-control-character",
              "clause-unknown", "template-in-data", "concurrent-builds", "soffice-missing",
              # drafter import (tests/importer/test_hostile.py)
              "import-too-large", "import-unknown-type", "import-zip-bomb", "import-zip-size", "import-zip-entries",
              "import-docx-entities", "import-pdf-broken", "import-pdf-pages", "import-template-in-text",
              "import-newline-in-file-name"]


def test_missing_spec_file(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "finns-inte.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "Filen kan inte läsas" in result.output


def _library_with(tmp_path, cid, text) -> Path:
    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES, library)
    path = library / cid / "v1.md"
    path.write_text(text, encoding="utf-8")
    return library


def _build_with_library(tmp_path, library):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "drafter", "build", str(EXAMPLE), "-o", str(out),
                             "--clauses", str(library)], capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.rglob("*.pdf"))
    return result


def test_clause_front_matter_error(tmp_path):
    library = _library_with(tmp_path, "villkor/aterkrav", "---\nheading: Återkrav\nversion: 1\nstatus: klar\n"
                            "rationale: r\n---\nText.\n")
    result = _build_with_library(tmp_path, library)
    assert result.returncode == 2
    assert "villkor/aterkrav/v1.md:4 (fält status)" in result.stderr and "välj ett av 'utkast'" in result.stderr


def test_clause_unknown_variable(tmp_path):
    library = _library_with(tmp_path, "villkor/aterkrav", (CLAUSES / "villkor/aterkrav/v1.md").read_text()
                            .replace("{{ public.name | gemen }} har betalat", "{{ public.namn }} har betalat"))
    result = _build_with_library(tmp_path, library)
    assert result.returncode == 2
    assert re.search(r"villkor/aterkrav/v1\.md:13 \(fält", result.stderr) or "v1.md:13" in result.stderr
    assert "Okänd variabel 'namn'" in result.stderr


def test_clause_control_character(tmp_path):
    library = _library_with(tmp_path, "villkor/aterkrav", (CLAUSES / "villkor/aterkrav/v1.md").read_text()
                            .replace("Återbetalningsskyldigheten", "Åter\x0bbetalningsskyldigheten"))
    result = _build_with_library(tmp_path, library)
    assert result.returncode == 2 and "U+000B" in result.stderr and "v1.md:13:" in result.stderr


def test_clause_unknown_is_a_finding_with_exit_1(tmp_path):
    spec = tmp_path / "x.yaml"
    spec.write_text(example_lines("  - signering/signering", "  - signering/signerin"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])
    assert result.exit_code == 1 and "[clause-unknown]" in result.output


def test_two_builds_of_one_spec_at_once_leave_a_consistent_folder(tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "drafter", "build", str(EXAMPLE), "-o", str(out), "--clauses", str(CLAUSES)]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    assert [run.wait(timeout=300) for run in runs] == [0, 0, 0]
    folder = out / EXAMPLE.stem
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    import hashlib

    for doc in manifest["documents"]:
        for fmt, name in doc["files"].items():
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == doc["sha256"][fmt]
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
