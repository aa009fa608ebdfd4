"""`drafter build` over many specs: in parallel, skipping what is unchanged, one error never stopping the rest.

No timing is asserted here; bench/run.py measures speed."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, ROOT

NAMES = ["alfa-2026", "beta-2026", "gamma-2026"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def make_work(folder):
    """Copies of the examples under other names, the 2023 spec they renew beside them, and a library."""
    specs = folder / "specs"
    specs.mkdir()
    shutil.copy(EXAMPLE.parent / "street-minds-2023.yaml", specs / "street-minds-2023.yaml")
    text = EXAMPLE.read_text(encoding="utf-8")
    for i, name in enumerate(NAMES):
        (specs / f"{name}.yaml").write_text(text.replace("place: Stockholm", f"place: Stockholm {i}" if i else
                                                         "place: Stockholm"), encoding="utf-8")
    shutil.copytree(CLAUSES, folder / "clauses")
    return folder


@pytest.fixture
def work(tmp_path):
    return make_work(tmp_path)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """`work` after a first build of every spec (in parallel, the default), made once for the module."""
    folder = make_work(tmp_path_factory.mktemp("built"))
    first = build(folder)
    assert first.exit_code == 0, first.output
    return folder


@pytest.fixture
def built(built_once, tmp_path):
    """A copy of the built work for one test to change: the rebuild tests start from here instead
    of each building all three specs again. The inputs hash holds no paths, so the copy is as up to
    date as the original."""
    return Path(shutil.copytree(built_once, tmp_path / "work"))


def spec_paths(work):
    return [work / "specs" / f"{name}.yaml" for name in NAMES]


def build(work, *extra, out="out"):
    return run("build", *spec_paths(work), "-o", work / out, "--clauses", work / "clauses", *extra)


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def mtimes(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def test_parallel_build_gives_the_same_bytes_as_one_job(work):
    parallel = build(work, "--jobs", "3", out="parallel")
    assert parallel.exit_code == 0, parallel.output
    serial = build(work, "--jobs", "1", out="serial")
    assert serial.exit_code == 0, serial.output
    assert files(work / "parallel") == files(work / "serial")
    assert sorted(p.name for p in (work / "parallel").iterdir()) == sorted(NAMES)
    for name in NAMES:
        assert f"{name}.yaml: klar" in parallel.output
        assert (work / "parallel" / name / f"{name}-handlingar.pdf").is_file()


def test_manifest_records_the_inputs_hash(work):
    assert build(work, "--jobs", "1").exit_code == 0
    manifest = json.loads((work / "out" / NAMES[0] / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["inputs_sha256"]) == 64
    # the same inputs under another name hash alike except for the spec's own bytes
    others = [json.loads((work / "out" / n / "manifest.json").read_text())["inputs_sha256"] for n in NAMES]
    assert len(set(others)) == len(NAMES)


def test_rebuild_with_nothing_changed_skips_every_spec(built):
    work = built
    before = mtimes(work / "out")
    again = build(work)
    assert again.exit_code == 0, again.output
    assert mtimes(work / "out") == before
    for name in NAMES:
        assert f"{name}.yaml: oförändrad" in again.output
    assert "klar" not in again.output


def _rebuilt(result):
    return sorted(n for n in NAMES if f"{n}.yaml: klar" in result.output)


def test_a_changed_clause_rebuilds_the_specs_that_use_it(built):
    work = built
    clause = work / "clauses" / "street-minds" / "tu-bakgrund" / "v2.md"  # a draft (utkast): may be edited
    clause.write_text(clause.read_text(encoding="utf-8") + "\nEtt tillägg i utkastet.\n", encoding="utf-8")
    again = build(work)
    assert again.exit_code == 0, again.output
    assert _rebuilt(again) == NAMES


def test_a_new_clause_version_rebuilds(built):
    """A plain id resolves to the newest fastställd version, so a new file changes the inputs even
    before any text used has changed."""
    work = built
    folder = work / "clauses" / "villkor" / "aterkrav"
    newest = max(folder.glob("v*.md"), key=lambda p: int(p.stem[1:]))
    n = int(newest.stem[1:]) + 1
    (folder / f"v{n}.md").write_text(newest.read_text(encoding="utf-8").replace(
        f"version: {n - 1}", f"version: {n}").replace("status: fastställd", "status: utkast"), encoding="utf-8")
    assert _rebuilt(build(work)) == NAMES


def test_a_changed_spec_rebuilds_only_that_spec(built):
    work = built
    spec = spec_paths(work)[1]
    spec.write_text(spec.read_text(encoding="utf-8") + "\n# en kommentar\n", encoding="utf-8")
    again = build(work)
    assert again.exit_code == 0, again.output
    assert _rebuilt(again) == [NAMES[1]]
    assert f"{NAMES[0]}.yaml: oförändrad" in again.output


def test_a_changed_renewed_spec_rebuilds(built):
    work = built
    earlier = work / "specs" / "street-minds-2023.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
    assert _rebuilt(build(work)) == NAMES


def test_other_formats_rebuild_and_force_rebuilds(built):
    work = built
    pdf_only = build(work, "--format", "pdf")
    assert _rebuilt(pdf_only) == NAMES
    assert not list((work / "out").rglob("*.docx"))
    assert "oförändrad" in build(work, "--format", "pdf").output
    before = mtimes(work / "out")
    forced = build(work, "--format", "pdf", "--force")
    assert _rebuilt(forced) == NAMES
    after = mtimes(work / "out")
    assert all(after[name] > before[name] for name in before)


def test_a_deleted_output_file_rebuilds(built):
    work = built
    (work / "out" / NAMES[2] / f"{NAMES[2]}-overenskommelse.pdf").unlink()
    assert _rebuilt(build(work)) == [NAMES[2]]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_failing_spec_does_not_stop_the_others(work, jobs):
    bad = spec_paths(work)[1]
    text = bad.read_text(encoding="utf-8")
    bad.write_text(text.replace("{item: Personal, amount: 878000}", "{item: Personal, amount: 878001}")
                   .replace("months: 12", "months: 12\n  total: 1"), encoding="utf-8")
    result = build(work, "--jobs", jobs)
    assert result.exit_code == 1, result.output
    assert "fel: Kontrollen fann" in result.output and str(bad) in result.output
    built = sorted(p.name for p in (work / "out").iterdir() if (p / "manifest.json").exists())
    assert built == [NAMES[0], NAMES[2]]


def test_the_worst_exit_code_wins(work):
    specs = spec_paths(work)
    specs[0].write_text(specs[0].read_text(encoding="utf-8").replace("start: 2026-07-01", "start: 1 juli 2026"),
                        encoding="utf-8")  # bad input: 2
    specs[1].write_text(specs[1].read_text(encoding="utf-8").replace("  - signering/signering",
                                                                     "  - signering/finns-inte"),
                        encoding="utf-8")  # unknown clause: 1
    result = subprocess.run([sys.executable, "-m", "drafter", "build", *map(str, specs), "-o", str(work / "out"),
                             "--clauses", str(work / "clauses"), "--jobs", "2"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("fel: ") == 2 and "Traceback" not in result.stderr
    assert f"{specs[2]}: klar" in result.stdout
    assert "Bygger" not in result.stderr  # no progress bar when stderr is not a terminal


def test_two_specs_with_one_output_folder_is_an_error(work):
    other = work / "annan"
    other.mkdir()
    shutil.copy(spec_paths(work)[0], other / f"{NAMES[0]}.yaml")
    result = run("build", spec_paths(work)[0], other / f"{NAMES[0]}.yaml", "-o", work / "out",
                 "--clauses", work / "clauses")
    assert result.exit_code == 2
    assert "samma mapp" in result.output
    assert (work / "out" / NAMES[0] / "manifest.json").exists()


def _imported(*args):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "drafter", *args],
                            capture_output=True, text=True, cwd=ROOT)
    return result, {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}


HEAVY = {"docx", "docxtpl", "typst", "pypdf"}


def test_help_and_check_do_not_import_the_writers():
    result, modules = _imported("--help")
    assert result.returncode == 0
    assert not HEAVY & modules, HEAVY & modules
    assert "pydantic" not in modules
    result, modules = _imported("check", str(EXAMPLE), "--clauses", str(CLAUSES))
    assert result.returncode == 0, result.stderr
    assert "drafter.checks" in modules
    assert not HEAVY & modules, HEAVY & modules


def test_a_rebuild_with_nothing_to_do_imports_neither_pydantic_nor_the_writers(tmp_path):
    out = tmp_path / "out"
    first = subprocess.run([sys.executable, "-m", "drafter", "build", str(EXAMPLE), "-o", str(out),
                            "--clauses", str(CLAUSES)], capture_output=True, text=True, cwd=ROOT)
    assert first.returncode == 0, first.stderr
    result, modules = _imported("build", str(EXAMPLE), "-o", str(out), "--clauses", str(CLAUSES))
    assert result.returncode == 0 and "oförändrad" in result.stdout
    assert not (HEAVY | {"pydantic", "jinja2"}) & modules


def test_workers_start_with_the_fork_servers_objects_frozen():
    """The fork server freezes what it imported (drafter/batch_preload.py) before it forks a worker."""
    import gc
    from concurrent.futures import ProcessPoolExecutor

    from drafter import batch

    if batch._context().get_start_method() != "forkserver":
        pytest.skip("no fork server on this platform")
    with ProcessPoolExecutor(max_workers=1, mp_context=batch._context()) as pool:
        assert pool.submit(gc.get_freeze_count).result() > 10_000  # the modules' objects


def test_a_worker_freezes_once_after_its_first_spec_with_its_garbage_collected_first(monkeypatch):
    import gc

    from drafter import batch

    calls: list[str] = []
    monkeypatch.setattr(batch, "_frozen", [])
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    batch._freeze_once()
    batch._freeze_once()
    assert calls == ["collect", "freeze"]
