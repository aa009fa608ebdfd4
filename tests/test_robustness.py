"""Bad input as officials make it: one Swedish message naming file, line, column and field, exit 2,
no traceback, and nothing new or changed under output/. Each case is a row of docs/robustness.md."""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from checks.support import findings as check_findings, line_of
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
    "bad-choice": (example_lines("sector: offentlig", "sector: kommunal"), "välj ett av", "sector: kommunal",
                   "parties.0.sector – part 1, Socialförvaltningen"),
    "orgnr-check-digit": (example_lines("802524-2879", "802524-2878"), "kontrollsiffra", "802524-2878",
                          "parties.1.organisationsnummer – part 2, Street Minds"),
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
              "import-newline-in-file-name",
              # issue 21 (the tests below, and tests/test_chaos.py)
              "lock-symlink", "output-switch", "output-tampered", "disk-full", "yaml-octal", "yaml-number-forms",
              "yaml-norway", "lock-malformed", "approve-atomic", "approve-concurrent", "toctou", "import-force",
              "unicode-bidi", "unicode-nfc", "private-markers", "figure-names", "clause-mutation", "special-files",
              "sandbox-limits", "build-timeout", "list-depth", "yaml-depth", "clause-arithmetic",
              "environment-exit-2", "output-is-a-file", "dots-spec-name", "messages-once", "seeds-missing",
              "fonts-bundled-only", "fonts-clause-glyph", "fonts-check-glyph", "md-heading-escapes", "finding-place"]


def test_every_issue_21_row_names_a_test_that_exists():
    import test_chaos

    text = DOCS.read_text(encoding="utf-8")
    text = text[text.index("Nothing lost, nothing mixed"):text.index("Not covered here")]
    named = re.findall(r"`(test_[a-z0-9_]+)`", text)
    assert len(named) >= 28
    for name in named:
        assert name in globals() or hasattr(test_chaos, name), name


def test_missing_spec_file(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "finns-inte.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "Filen kan inte läsas" in result.output


def _library_with(tmp_path, cid, text) -> Path:
    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES, library)
    path = library / cid / "v1.md"
    path.write_text(text, encoding="utf-8")
    return library


def _line_of(path, text):
    """The number of the first line of `path` holding `text` (the front matter above it may grow)."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


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
    line = _line_of(CLAUSES / "villkor/aterkrav/v1.md", "har betalat")
    assert re.search(rf"villkor/aterkrav/v1\.md:{line} \(fält", result.stderr) or f"v1.md:{line}" in result.stderr
    assert "Okänd variabel 'namn'" in result.stderr


def test_clause_control_character(tmp_path):
    library = _library_with(tmp_path, "villkor/aterkrav", (CLAUSES / "villkor/aterkrav/v1.md").read_text()
                            .replace("Återbetalningsskyldigheten", "Åter\x0bbetalningsskyldigheten"))
    result = _build_with_library(tmp_path, library)
    line = _line_of(CLAUSES / "villkor/aterkrav/v1.md", "Återbetalningsskyldigheten")
    assert result.returncode == 2 and "U+000B" in result.stderr and f"v1.md:{line}:" in result.stderr


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


# --- issue 21: nothing lost, nothing mixed, nothing spoofed -----------------------------------------
# Each test below is a row of the second part of docs/robustness.md (its name is in the row).

def base_data() -> dict:
    """The 2026 example without `renews:`, amendments and proposal: one agreement, quick to build."""
    data = example_data()
    for key in ("renews", "amendments", "proposal"):
        data.pop(key, None)
    return data


def base_spec(tmp_path: Path, change=None, name: str = "base.yaml") -> Path:
    data = base_data()
    if change:
        change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_drafter(*args, cwd=None, env=None, preexec_fn=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, preexec_fn=preexec_fn, timeout=timeout)


def folder_state(folder: Path) -> dict:
    """{name: sha256} of every file in a spec's output folder (through the folder, as a reader sees it)."""
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_matches_manifest(folder: Path) -> dict:
    import hashlib

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {"manifest.json"}
    for doc in manifest["documents"]:
        for fmt, name in doc["files"].items():
            listed.add(name)
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == doc["sha256"][fmt], name
    assert {p.name for p in folder.iterdir() if not p.name.startswith(".")} == listed
    return manifest


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob("*") if ".staging-" in p.name or ".previous-" in p.name
                  or p.name.endswith(".tmp"))


def test_lock_symlink_is_never_followed(tmp_path):
    """lock-symlink: symbolic links planted in and beside a spec's output folder (its old lock file, a
    staging folder's name, the folder itself) never make a build write to, or remove, their targets."""
    spec = base_spec(tmp_path)
    out = tmp_path / "out"
    assert run_drafter("build", spec, "-o", out, "--clauses", CLAUSES).returncode == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("viktigt\n")
    victims = tmp_path / "victims"
    victims.mkdir()
    (victims / "keep.txt").write_text("behåll\n")
    lock = out / "base" / ".lock"  # where earlier versions kept the lock, opened with "w"
    lock.unlink(missing_ok=True)
    lock.symlink_to(victim)
    (out / ".base.staging-0badc0de").symlink_to(victims)
    result = run_drafter("build", spec, "-o", out, "--clauses", CLAUSES, "--force")
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "viktigt\n" and (victims / "keep.txt").read_text() == "behåll\n"
    assert_matches_manifest(out / "base")
    shutil.rmtree(out / "base")
    (out / "base").symlink_to(victims, target_is_directory=True)
    result = run_drafter("build", spec, "-o", out, "--clauses", CLAUSES, "--force")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"fel: {out / 'base'}: Utdatamappen är en symbolisk länk" in result.stderr
    assert sorted(p.name for p in victims.iterdir()) == ["keep.txt"]


def test_up_to_date_check_verifies_every_files_sha256(tmp_path):
    """output-tampered: a file changed after the build makes the next build rebuild, not say oförändrad."""
    spec = base_spec(tmp_path)
    out = tmp_path / "out"
    assert run_drafter("build", spec, "-o", out, "--clauses", CLAUSES).returncode == 0
    before = folder_state(out / "base")
    pdf = out / "base" / "base-overenskommelse.pdf"
    pdf.write_bytes(b"%PDF-1.7 not the document")
    result = run_drafter("build", spec, "-o", out, "--clauses", CLAUSES)
    assert result.returncode == 0 and "klar" in result.stdout and "oförändrad" not in result.stdout
    assert folder_state(out / "base") == before


def _limit_file_size():
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed: a disk full, in effect
    resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))


def test_disk_full_during_write_out_leaves_the_old_folder_and_says_so(tmp_path):
    """disk-full: a write that fails half-way (RLIMIT_FSIZE) is exit 2 naming the folder; old files stay."""
    spec = base_spec(tmp_path)
    out = tmp_path / "out"
    assert run_drafter("build", spec, "-o", out, "--clauses", CLAUSES).returncode == 0
    before = folder_state(out / "base")
    spec.write_text(spec.read_text(encoding="utf-8").replace("place: Stockholm", "place: Solna"), encoding="utf-8")
    result = run_drafter("build", spec, "-o", out, "--clauses", CLAUSES, preexec_fn=_limit_file_size)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "internt fel" not in result.stderr
    assert f"fel: {out / 'base'}: Kan inte skriva här: filen blir för stor." in result.stderr
    assert folder_state(out / "base") == before
    assert leftovers(out) == []


def test_spec_named_dots_does_not_write_outside_the_output_folder(tmp_path):
    """dots-spec-name: `...yaml` has the stem `..`; it must not build into the parent of -o."""
    spec = base_spec(tmp_path, name="...yaml")
    out = tmp_path / "a" / "out"
    result = run_drafter("build", spec, "-o", out, "--clauses", CLAUSES)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "mappnamnet '..'" in result.stderr
    assert not (tmp_path / "a" / "manifest.json").exists() and not list((tmp_path / "a").rglob("*.pdf"))


def _set_amount(value: str):
    return example_lines("amount: 878000", f"amount: {value}")


def test_yaml_1_1_octal_is_read_as_the_decimal_number_written(tmp_path):
    """yaml-octal: `amount: 050000` is 50 000 kr (YAML 1.2), not 20 480 (YAML 1.1 octal)."""
    from drafter.spec.load import load_spec

    spec = tmp_path / "s.yaml"
    spec.write_text(_set_amount("050000"), encoding="utf-8")
    assert load_spec(spec).spec.budget.rows[0].amount == 50000


@pytest.mark.parametrize("value, fragment", [
    ("1:20:00", "Värdet '1:20:00' ska vara ett heltal"),  # YAML 1.1: sexagesimal 4800
    ("0x10", "Värdet '0x10' är skrivet som ett tal i en annan talbas"),  # hexadecimal 16
    ("0b101", "Värdet '0b101' är skrivet som ett tal i en annan talbas"),
    ("0o17", "Värdet '0o17' är skrivet som ett tal i en annan talbas"),
], ids=["sexagesimal", "hex", "binary", "octal-0o"])
def test_yaml_1_1_numbers_are_never_read_silently(tmp_path, value, fragment):
    """yaml-number-forms: sexagesimal, hexadecimal and binary numbers are refused, naming line and value."""
    spec = tmp_path / "s.yaml"
    text = _set_amount(value)
    spec.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if f"amount: {value}" in row)
    result = run_drafter("check", spec, "--clauses", CLAUSES)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert fragment in result.stderr and f"{spec}:{line}:" in result.stderr


def test_yaml_yes_no_are_text_not_booleans(tmp_path):
    """yaml-norway: `place: no` is the text 'no' (YAML 1.2), not false."""
    from drafter.spec.load import load_spec

    spec = tmp_path / "s.yaml"
    spec.write_text(example_lines("place: Stockholm ", "place: NO "), encoding="utf-8")
    assert load_spec(spec).spec.document.place == "NO"


def test_yaml_nested_too_deep_is_bad_input(tmp_path):
    """yaml-depth: a spec nested 500 levels deep is exit 2 with a Swedish message, not exit 3."""
    spec = tmp_path / "s.yaml"
    spec.write_text("document: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = run_drafter("check", spec, "--clauses", CLAUSES)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internt fel" not in result.stderr
    assert f"fel: {spec}:1:" in result.stderr and "nästlad djupare än" in result.stderr


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\ufeff", "\u2060"],
                         ids=["rlo", "zwsp", "lri", "bom-inside", "word-joiner"])
def test_bidi_and_invisible_characters_in_names_are_refused(tmp_path, char):
    """unicode-bidi: 'Evil \\u202egnineröF' would show as 'Evil Förening'; refused naming line and code point."""
    spec = tmp_path / "s.yaml"
    text = example_lines("name: Street Minds", f"name: Evil {char}gnineröF")
    spec.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Evil" in row)
    result = run_drafter("check", spec, "--clauses", CLAUSES)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert f"fel: {spec}:{line}:" in result.stderr and f"U+{ord(char):04X}" in result.stderr


def test_text_is_normalised_to_nfc(tmp_path):
    """unicode-nfc: a name typed with a combining diaeresis (o + U+0308) is the same name as 'ö'."""
    from drafter.spec.load import load_spec

    spec = tmp_path / "s.yaml"
    spec.write_text(example_lines("name: Street Minds", "name: Street Mo\u0308nds"), encoding="utf-8")
    assert load_spec(spec).spec.parties[1].name == "Street M\u00f6nds"


@pytest.mark.parametrize("marker", ["\ue000block:signatures\ue001", "\ue000ref:villkor/aterkrav\ue001"],
                         ids=["block", "ref"])
def test_drafters_marker_characters_in_data_are_refused(tmp_path, marker):
    """private-markers: drafter's private marker characters typed into a value are not read as markup."""
    spec = tmp_path / "s.yaml"
    spec.write_text(example_lines("name: Street Minds", f"name: Street {marker}"), encoding="utf-8")
    result = run_drafter("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "U+E000" in result.stderr and "privat bruk" in result.stderr


def _limit_memory():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_renews_a_device_or_fifo_is_refused(tmp_path):
    """special-files: `renews: /dev/zero` (endless) and a FIFO (hangs) are refused, exit 2."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    spec = tmp_path / "s.yaml"
    spec.write_text(example_lines("place: Stockholm ", "place: Solna "), encoding="utf-8")
    assert run_drafter("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES).returncode == 0
    for target in ("/dev/zero", str(fifo)):  # a build to compare with exists: the up-to-date check reads renews
        spec.write_text(example_lines(f"renews: {EXAMPLE.parent / 'street-minds-2023.yaml'}", f"renews: {target}"),
                        encoding="utf-8")
        result = run_drafter("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES, timeout=60,
                             preexec_fn=_limit_memory)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"Specen som förnyas ({target}) kan inte läsas: Filen är ingen vanlig fil" in result.stderr
    result = run_drafter("check", fifo, "--clauses", CLAUSES, timeout=60)
    assert result.returncode == 2 and f"fel: {fifo}: Filen är ingen vanlig fil" in result.stderr


def _library_copy(tmp_path) -> Path:
    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES, library)
    return library


@pytest.mark.parametrize("lock_text, line, fragment", [
    ('{\n  "villkor/aterkrav@1": "abc"\n}\n', 2, "ska vara en samling med sha256, by och date"),
    ('{\n  "villkor/aterkrav@1": {"sha256": 7}\n}\n', 2, "ska vara en samling med sha256, by och date"),
    ('{\n  "villkor/aterkrav@1": {\n', 3, "inte giltig JSON"),
    ('[1, 2]\n', 1, "ska vara ett JSON-objekt"),
], ids=["entry-not-object", "sha-not-text", "broken-json", "not-object"])
def test_malformed_approvals_lock_is_bad_input(tmp_path, lock_text, line, fragment):
    """lock-malformed: a malformed approvals.lock entry is exit 2 naming the file and line, not exit 3."""
    library = _library_copy(tmp_path)
    (library / "approvals.lock").write_text(lock_text, encoding="utf-8")
    result = run_drafter("check", EXAMPLE, "--clauses", library)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internt fel" not in result.stderr
    assert f"fel: {library / 'approvals.lock'}:{line}:" in result.stderr and fragment in result.stderr


def _limit_file_size_tiny():
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))


def test_approve_that_cannot_write_leaves_the_clause_file_whole(tmp_path):
    """approve-atomic: an approve whose write fails (disk full) leaves the clause file as it was; exit 2."""
    library = _library_copy(tmp_path)
    clause = library / "tjansteutlatande/forslag-till-beslut/v1.md"
    before = clause.read_bytes()
    lock_before = (library / "approvals.lock").read_bytes()
    result = run_drafter("clauses", "approve", "tjansteutlatande/forslag-till-beslut@1", "--by", "Socialnämnden i Stockholms stad",
                         "--date", "2026-07-01", "--clauses", library, preexec_fn=_limit_file_size_tiny)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internt fel" not in result.stderr
    assert "Kan inte skriva här" in result.stderr and str(clause) in result.stderr
    assert clause.read_bytes() == before and (library / "approvals.lock").read_bytes() == lock_before
    assert not [p for p in clause.parent.iterdir() if p.name.startswith(".")]


def test_two_approves_at_once_are_both_recorded(tmp_path, monkeypatch):
    """approve-concurrent: two approves at the same time both end up in approvals.lock."""
    import threading
    import time

    import drafter.clauses.approve as approve_module
    from drafter.clauses.library import ClauseLibrary
    from drafter.clauses.lock import read_lock

    library = _library_copy(tmp_path)
    first_read = threading.Event()
    real_read_lock = approve_module.read_lock

    def slow_read_lock(root):
        entries = real_read_lock(root)
        if threading.current_thread().name == "first":
            first_read.set()
            time.sleep(1.0)  # the other approve runs meanwhile (unless a lock makes it wait)
        return entries

    monkeypatch.setattr(approve_module, "read_lock", slow_read_lock)
    errors = []

    def run(ref):
        try:
            approve_module.approve(ClauseLibrary(library), ref, "Socialnämnden i Stockholms stad", dt.date(2026, 7, 1))
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    first = threading.Thread(target=run, args=("tjansteutlatande/forslag-till-beslut@1",), name="first")
    second = threading.Thread(target=run, args=("street-minds/tu-bakgrund@2",), name="second")
    first.start()
    assert first_read.wait(10)
    second.start()
    first.join(30)
    second.join(30)
    assert errors == []
    entries = read_lock(library)
    assert "tjansteutlatande/forslag-till-beslut@1" in entries and "street-minds/tu-bakgrund@2" in entries


def test_a_clause_edited_during_a_build_is_rebuilt_next_time(tmp_path, monkeypatch):
    """toctou: the input hash is made from the bytes that were rendered, so a clause edited while a
    build renders makes the next build rebuild instead of calling the old text up to date."""
    import drafter.build as build_module
    from drafter.batch import BatchSettings, is_unchanged, run_batch

    library = _library_copy(tmp_path)
    spec = base_spec(tmp_path)
    clause = library / "villkor/aterkrav/v1.md"
    real_render = build_module.render_documents

    def render_then_edit(*args, **kwargs):
        rendered = real_render(*args, **kwargs)
        clause.write_text(clause.read_text(encoding="utf-8").replace("Återbetalningsskyldigheten",
                                                                     "Skyldigheten att betala tillbaka"),
                          encoding="utf-8")
        return rendered

    monkeypatch.setattr(build_module, "render_documents", render_then_edit)
    settings = BatchSettings(out_dir=tmp_path / "out", clauses_dir=library)
    assert run_batch([spec], settings, jobs=1) == 0
    assert not is_unchanged(spec, settings)


def _clause(body: str):
    from drafter.clauses.front_matter import ClauseMeta
    from drafter.clauses.library import ClauseVersion

    meta = ClauseMeta(heading="Prov", version=1, status="utkast", rationale="Prov.")
    return ClauseVersion("prov/klausul", Path("clauses/prov/klausul/v1.md"), meta, body, 7)


def _render(body: str, context: dict | None = None) -> str:
    from drafter.clauses.render import render_clause

    return render_clause(_clause(body), context if context is not None else {"figures": {}})


def test_figures_named_like_dict_methods_print_their_values():
    """figure-names: figures named items, keys, values, get print their values, not a Python method."""
    figures = {"items": 12, "keys": 3, "values": 4, "get": 5}
    text = _render("{{ figures.items }} {{ figures.keys }} {{ figures.values }} {{ figures.get }}",
                   {"figures": figures})
    assert text == "12 3 4 5"


def test_a_method_printed_by_a_clause_is_refused():
    """figure-names: a clause printing a method (no such figure) gets a message, not '<built-in method …>'."""
    from drafter.errors import DrafterError

    with pytest.raises(DrafterError, match="inte ett värde"):
        _render("{{ figures.copy }}")


@pytest.mark.parametrize("body", [
    "{{ figures.update({'besokare': 0}) }}",
    "{% set _ = parties.append({'name': 'X'}) %}",
    "{{ parties[0].pop('name') }}",
], ids=["update", "append", "pop"])
def test_a_clause_cannot_change_the_data_later_clauses_see(body):
    """clause-mutation: a clause that changes the spec's data is refused (exit 2); the data stays."""
    from drafter.errors import DrafterError

    context = {"figures": {"besokare": 40}, "parties": [{"name": "Street Minds"}]}
    with pytest.raises(DrafterError) as caught:
        _render(body, context)
    assert caught.value.exit_code == 2 and "v1.md:7" in str(caught.value)
    assert context == {"figures": {"besokare": 40}, "parties": [{"name": "Street Minds"}]}


@pytest.mark.parametrize("body", [
    "{{ 'x' * 4000000000 }}",
    "{{ [1] * 4000000000 }}",
    "{{ 7 ** 99999999 }}",
    "{{ '%999999999s' % 'x' }}",
    "{{ 'x' | center(999999999) }}",
    "{{ '{:999999999}'.format(1) }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for a in rows %}{% for b in rows %}{% for c in rows %}{% for d in rows %}{% endfor %}{% endfor %}"
    "{% endfor %}{% endfor %}",
    "{% for i in range(50000) %}{{ 'x' * 1000 }}{% endfor %}",
], ids=["string-times", "list-times", "power", "percent-width", "center", "format-width", "nested-range",
        "nested-data", "output-size"])
def test_sandbox_limits_stop_runaway_clauses_quickly(body):
    """sandbox-limits: huge strings, powers and loops in a clause stop with a message before they are built:
    rendering never holds more than a few megabytes (a format width of 999999999 once built a 1 GB text
    and was stopped only afterwards)."""
    import tracemalloc

    from drafter.errors import DrafterError

    _render("Text {{ rows | length }}.", {"rows": [1], "figures": {}})  # what a first render loads is not the clause's
    tracemalloc.start()
    try:
        with pytest.raises(DrafterError) as caught:
            _render(body, {"rows": list(range(200)), "figures": {}})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000, f"{peak / 1e6:.0f} MB held while rendering"
    assert caught.value.exit_code == 2 and "prov/klausul" in str(caught.value)


def _library_with_clause(tmp_path, body: str) -> tuple[Path, Path]:
    """A library copy with a clause prov/klausul (granskad) holding `body`, and a spec that uses it."""
    library = _library_copy(tmp_path)
    (library / "prov" / "klausul").mkdir(parents=True)
    (library / "prov" / "klausul" / "v1.md").write_text(
        "---\nheading: Prov\nversion: 1\nstatus: granskad\nrationale: Prov.\n---\n" + body + "\n", encoding="utf-8")
    spec = base_spec(tmp_path, lambda d: d["outline"].append("prov/klausul@1"))
    return library, spec


def test_arithmetic_error_in_a_clause_is_bad_input(tmp_path):
    """clause-arithmetic: `{{ 1/0 }}` in a clause is exit 2 naming the clause file and line, not exit 3."""
    library, spec = _library_with_clause(tmp_path, "Text.\n\nSumman är {{ 1/0 }}.")
    result = run_drafter("check", spec, "--clauses", library)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internt fel" not in result.stderr
    assert f"{library / 'prov/klausul/v1.md'}:9" in result.stderr and "division by zero" not in result.stderr


def test_a_build_that_runs_too_long_is_stopped(tmp_path, monkeypatch):
    """build-timeout: a spec whose build takes longer than DRAFTER_TIMEOUT seconds stops with exit 2."""
    import time

    import drafter.build as build_module
    from drafter.build import BuildOptions, build
    from drafter.clauses.library import ClauseLibrary
    from drafter.errors import DrafterError

    def hang(*args, **kwargs):
        time.sleep(30)

    monkeypatch.setattr(build_module, "render_documents", hang)
    monkeypatch.setenv("DRAFTER_TIMEOUT", "1")
    started = time.monotonic()
    with pytest.raises(DrafterError, match="avbröts efter 1 sekund") as caught:
        build(base_spec(tmp_path), BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))
    assert time.monotonic() - started < 10 and caught.value.exit_code == 2


def test_lists_nested_deeper_than_documents_allow_are_refused(tmp_path):
    """list-depth: a list nested ten levels deep is refused naming the clause, not silently dropped."""
    from drafter.readers.markdown import ClauseReader, UnsupportedMarkup

    deep = "".join("  " * level + "- punkt " + str(level + 1) + "\n" for level in range(10))
    with pytest.raises(UnsupportedMarkup, match="nivåer"):
        ClauseReader({}).read(deep)
    blocks, _ = ClauseReader({}).read("".join("  " * level + "- punkt\n" for level in range(9)))
    assert blocks


IMPORT_SOURCE = ("# Överenskommelse om idéburet offentligt partnerskap\n\n## 1. Parter\n\nSocialförvaltningen och "
                 "föreningen Exempel.\n\n## 2. Period\n\nÖverenskommelsen gäller 2026-07-01 till 2026-12-31.\n\n"
                 "## 3. Ersättning\n\nFöreningen får 100 000 kr.\n")


def test_import_force_that_fails_keeps_the_earlier_import(tmp_path):
    """import-force: `import --force` that cannot write (disk full) leaves the earlier import, with the
    user's edits, as it was; exit 2."""
    source = tmp_path / "avtal.md"
    source.write_text(IMPORT_SOURCE, encoding="utf-8")
    args = ("import", source, "--name", "x", "--clauses", tmp_path / "lib", "--agreements", tmp_path / "ag")
    assert run_drafter(*args).returncode == 0
    edited = tmp_path / "lib" / "import" / "x" / "parter" / "v1.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMin egen rättelse.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (tmp_path / "lib").rglob("*") if p.is_file()}
    source.write_text(IMPORT_SOURCE.replace("Exempel", "Exempel " + "x" * 400), encoding="utf-8")
    result = run_drafter(*args, "--force", preexec_fn=_limit_file_size_tiny)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internt fel" not in result.stderr
    assert "Kan inte skriva här" in result.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "lib").rglob("*") if p.is_file()} == before
    assert run_drafter(*args, "--force").returncode == 0  # and with room on the disk, it is replaced
    assert "Min egen rättelse" not in edited.read_text(encoding="utf-8")
    assert not [p for p in (tmp_path / "lib" / "import").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("command", [
    ("new", "nytt", "--agreements", "{tmp}/ag", "--clauses", str(CLAUSES)),
    ("clauses", "diff", "street-minds/tu-bakgrund", "1", "2", "--format", "docx", "-o", "{tmp}/diff.docx",
     "--clauses", str(CLAUSES)),
    ("clauses", "diff", "street-minds/tu-bakgrund", "1", "2", "--format", "html", "-o", "{tmp}/diff.html",
     "--clauses", str(CLAUSES)),
], ids=["new", "diff-docx", "diff-html"])
def test_a_full_disk_is_exit_2_naming_the_path(tmp_path, command):
    """environment-exit-2: a full disk under `new` and `clauses diff -o` is exit 2 with a Swedish message
    naming the path, never exit 3."""
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = run_drafter(*args, preexec_fn=_limit_file_size_tiny)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internt fel" not in result.stderr, \
        result.stderr
    assert f"fel: {tmp_path}" in result.stderr and "Kan inte skriva här: filen blir för stor." in result.stderr
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_an_output_folder_that_is_a_file_is_exit_2(tmp_path):
    """environment-exit-2: `-o` naming a file, not a folder, is exit 2 naming it."""
    spec = base_spec(tmp_path)
    out = tmp_path / "out"
    out.write_text("en fil\n")
    result = run_drafter("build", spec, "-o", out, "--clauses", CLAUSES)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internt fel" not in result.stderr
    assert f"fel: {out}" in result.stderr and out.read_text() == "en fil\n"


def test_tests_needing_the_seeds_skip_without_them(tmp_path):
    """seeds-missing: in a clone without ../shared/seeds the tests that compare with them skip with a
    reason instead of failing."""
    import similarity

    missing = type(similarity.AGREEMENT_2026)(tmp_path / "shared" / "seeds" / "000_11af81c8c834ed2e.txt")
    with pytest.raises(pytest.skip.Exception, match="seeds saknas"):
        similarity.seed_text(missing)
    with pytest.raises(pytest.skip.Exception, match="seeds saknas"):
        missing.read_text(encoding="utf-8")


def test_each_finding_is_printed_once(tmp_path):
    """messages-once: `drafter build` with errors in the checks prints each finding once, then one summary."""
    spec = tmp_path / "s.yaml"
    spec.write_text(example_lines(f"renews: {EXAMPLE.parent / 'street-minds-2023.yaml'}",
                                  f"renews: {tmp_path / 'finns-inte.yaml'}"), encoding="utf-8")
    result = run_drafter("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("[period-continuity]") == 1, result.stderr
    assert result.stderr.count("Kontrollen fann 1 fel") == 1


def test_a_glyph_only_typsts_own_fonts_have_is_reported(tmp_path):
    """fonts-bundled-only: the PDF uses only the bundled Liberation fonts; 'ℵ' (which Typst's embedded
    fonts have) is reported, not borrowed from another typeface (2)."""
    spec = base_spec(tmp_path, lambda d: d["document"].__setitem__("place", "Stockholm ℵ"))
    result = run_drafter("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES, "--format", "pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "PDF-typsnittet (Liberation) saknar: 'ℵ'" in result.stderr and f"fel: {spec}:" in result.stderr


def test_a_missing_glyph_in_a_clause_is_reported_against_the_clause(tmp_path):
    """fonts-clause-glyph: a glyph the fonts lack in a clause text names the clause file and line."""
    library, spec = _library_with_clause(tmp_path, "Text.\n\nEtt tecken ꝏ här.")
    result = run_drafter("build", spec, "-o", tmp_path / "out", "--clauses", library, "--format", "pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"fel: {library / 'prov/klausul/v1.md'}:9:" in result.stderr, result.stderr


def _fel(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("fel:")]


@pytest.mark.parametrize("case", ["spec field", "clause"])
def test_check_reports_what_build_stops_with(case, tmp_path):
    """fonts-check-glyph: `check` reports the text the PDF fonts lack as `build` does, at the same place
    (one function, drafter/glyphs.py); it passed where build failed."""
    if case == "spec field":
        library = CLAUSES
        spec = base_spec(tmp_path, lambda d: d["document"].__setitem__("place", "Stockholm ℵ"))
    else:
        library, spec = _library_with_clause(tmp_path, "Text.\n\nEtt tecken ꝏ här.")
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(spec), "-o", str(tmp_path / "out"), "--clauses", str(library)])
    checked = runner.invoke(main, ["check", str(spec), "--clauses", str(library)])
    assert built.exit_code == checked.exit_code == 2
    assert _fel(checked) == _fel(built) and len(_fel(built)) == 1
    assert "PDF-typsnittet (Liberation) saknar" in _fel(checked)[0]
    expected = f"fel: {spec}:" if case == "spec field" else f"fel: {library / 'prov/klausul/v1.md'}:9:"
    assert _fel(checked)[0].startswith(expected), _fel(checked)


def test_escaped_markdown_headings_are_shown_as_a_reader_sees_them(tmp_path):
    """md-heading-escapes: a Markdown source's headings become plain `heading:` text: "1\\. Parter" is
    section 1 "Parter", "\\[viktigt\\]" is "[viktigt]"; no message or document shows the backslashes."""
    source = tmp_path / "iop.md"
    source.write_text("# Överenskommelse om idéburet offentligt partnerskap\n\n## 1\\. Parter\n\nParterna är "
                      "Stockholms stad och Föreningen Hopp.\n\n## 2\\. Syfte och mål \\[viktigt\\]\n\n"
                      "Syftet är att ge stöd.\n\n### 2.1 Delmål med \\*stjärna\\* och *betoning*\n\n"
                      "Delmålen följs upp.\n", encoding="utf-8")
    library = _library_copy(tmp_path)
    result = run_drafter("import", source, "--name", "hopp", "--clauses", library, "--agreements", tmp_path)
    assert result.returncode == 0, result.stderr
    headings = sorted(re.search(r"^heading: (.*)$", p.read_text(encoding="utf-8"), re.MULTILINE).group(1)
                      for p in (library / "import" / "hopp").glob("*/v1.md"))
    assert headings == ["Delmål med *stjärna* och betoning", "Parter", "Syfte och mål [viktigt]"], headings
    checked = run_drafter("check", tmp_path / "hopp.yaml", "--clauses", library)
    assert "(Syfte och mål [viktigt])" in checked.stdout and "\\" not in checked.stdout + checked.stderr


def test_an_output_folder_given_as_a_link_is_followed(tmp_path):
    """lock-symlink: `-o` naming a link to a folder (a shared drive) is the user's choice and works."""
    spec = base_spec(tmp_path)
    (tmp_path / "delad").mkdir()
    (tmp_path / "out").symlink_to(tmp_path / "delad", target_is_directory=True)
    result = run_drafter("build", spec, "-o", tmp_path / "out", "--clauses", CLAUSES)
    assert result.returncode == 0, result.stderr
    assert_matches_manifest(tmp_path / "delad" / "base")


def test_files_the_user_put_in_the_output_folder_are_kept(tmp_path):
    """output-switch: the folder switched in carries over what the user put there (notes, a signed scan);
    what an earlier build wrote and this one does not is gone."""
    spec = base_spec(tmp_path)
    out = tmp_path / "out"
    assert run_drafter("build", spec, "-o", out, "--clauses", CLAUSES).returncode == 0
    (out / "base" / "anteckningar.txt").write_text("att göra\n", encoding="utf-8")
    (out / "base" / "underskrivet").mkdir()
    (out / "base" / "underskrivet" / "skanning.pdf").write_bytes(b"%PDF-1.4 skannad")
    assert run_drafter("build", spec, "-o", out, "--clauses", CLAUSES, "--format", "docx").returncode == 0
    names = sorted(p.name for p in (out / "base").iterdir())
    assert names == ["anteckningar.txt", "base-overenskommelse.docx", "manifest.json", "underskrivet"]
    assert (out / "base" / "underskrivet" / "skanning.pdf").read_bytes() == b"%PDF-1.4 skannad"


# Issue 21 item 19: a finding placed at the wrong line
def _finding_places(code: str, kind: str) -> dict[str, str]:
    """Heading quoted in the message → where, for `code` findings about `kind` documents."""
    return {f.message.split('"')[1]: f.where for f in check_findings(EXAMPLE)
            if f.code == code and f.document == kind and '"' in f.message}


def test_a_finding_about_the_tillaggs_own_wording_names_the_amendment():
    amendment = line_of(EXAMPLE, "- number: 1", after="amendments:")
    places = _finding_places("lix", "addendum")
    assert places, "the example's tillägg has sections over the LIX limit"
    assert set(places.values()) == {amendment}


def test_a_finding_about_an_inserted_point_names_the_change_that_inserted_it():
    insert = line_of(EXAMPLE, "insert_after:", after="amendments:")
    assert _finding_places("lix", "consolidated")["Brukarråd"] == insert
