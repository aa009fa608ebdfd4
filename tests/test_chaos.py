"""Chaos: a crash, or an error, at every write step of a two-spec build.

The write-out of a real two-spec build (two specs built once before, both since changed) is run again
and again; each time one of its file-system steps fails: either with an error (disk full: the step
raises OSError and drafter goes on as it would) or with a crash (the step and everything after it never
happens, as when the process is killed). After each, every spec's output folder must be entirely the
old build or entirely the new one and match its manifest; the input-hash check must call a folder
up to date only when it is the new build; and the next build must leave only the new build and
nothing beside it. Run with and without the atomic exchange (renameat2), since drafter falls back to
two renames where the system has none.
"""

import errno
import hashlib
import json
import os
import shutil
import types
from pathlib import Path

import pytest

import drafter.output as output
from drafter.batch import BatchSettings, is_unchanged, run_batch
from helpers import CLAUSES
from test_robustness import base_data

import yaml

# The calls of drafter.output that change the file system; each call is one step.
STEPS = ("open", "write", "fsync", "rename", "replace", "mkdir", "unlink", "link", "symlink", "rmdir")


class Crash(BaseException):
    """The process dies here: nothing after this step runs (not even clean-up)."""


class FaultyOS(types.SimpleNamespace):
    """`os` as drafter.output sees it, failing at step number `at` (1-based; 0: never)."""

    def __init__(self, at: int = 0, mode: str = "error"):
        super().__init__()
        self.at, self.mode, self.count, self.dead = at, mode, 0, False
        self.log: list[str] = []

    def step(self, name):
        if self.dead:
            raise Crash(name)
        self.count += 1
        self.log.append(name)
        if self.count == self.at:
            if self.mode == "crash":
                self.dead = True
                raise Crash(name)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        real = getattr(os, name)
        if name not in STEPS:
            return real

        def call(*args, **kwargs):
            if name == "open" and not args[1] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                return real(*args, **kwargs)
            self.step(name)
            return real(*args, **kwargs)
        return call


@pytest.fixture
def faulty(monkeypatch):
    """Install a FaultyOS into drafter.output (also for shutil.rmtree and the exchange)."""
    def install(at: int, mode: str, exchange: bool) -> FaultyOS:
        fake = FaultyOS(at, mode)
        monkeypatch.setattr(output, "os", fake)
        real_rmtree, real_exchange = shutil.rmtree, getattr(output, "_exchange", None)

        def rmtree(path, *args, **kwargs):
            fake.step("rmtree")
            return real_rmtree(path, *args, **kwargs)

        def exchange_or_not(a, b):
            if not exchange:
                return False  # as on a system without renameat2
            fake.step("exchange")
            return real_exchange(a, b)

        monkeypatch.setattr(output, "shutil", types.SimpleNamespace(rmtree=rmtree, copytree=shutil.copytree,
                                                                    copy2=shutil.copy2), raising=False)
        monkeypatch.setattr(output, "_exchange", exchange_or_not, raising=False)
        return fake
    return install


def state(folder: Path) -> dict | None:
    """{name: sha256} of the folder as a reader sees it (None when there is no folder); asserts that
    it matches its own manifest."""
    if not folder.exists():
        return None
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
             if p.is_file() and not p.name.startswith(".")}
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {"manifest.json": files["manifest.json"]}
    for doc in manifest["documents"]:
        for fmt, name in doc["files"].items():
            assert files.get(name) == doc["sha256"][fmt], f"{folder.name}/{name} does not match its manifest"
            listed[name] = files[name]
    assert files == listed, f"{folder.name}: files the manifest does not list"
    return files


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if ".staging-" in p.name or ".previous-" in p.name)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Two specs built once (`old/`), then changed; the new build's write-out captured, not written."""
    root = tmp_path_factory.mktemp("chaos")
    specs = []
    for name, place in (("alfa", "Stockholm"), ("beta", "Göteborg")):
        data = base_data()
        data["document"]["place"] = place
        path = root / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        specs.append(path)
    settings = BatchSettings(out_dir=root / "old", clauses_dir=CLAUSES)
    assert run_batch(specs, settings, jobs=1) == 0
    for path in specs:
        path.write_text(path.read_text(encoding="utf-8").replace("place: ", "place: Nya "), encoding="utf-8")
    captured = []
    real_publish = output.publish
    import drafter.build

    def capture(folder, files, manifest):
        captured.append((folder.name, files, manifest))
        return folder / "manifest.json"

    drafter.build.publish = capture
    try:
        assert run_batch(specs, BatchSettings(out_dir=root / "unused", clauses_dir=CLAUSES), jobs=1) == 0
    finally:
        drafter.build.publish = real_publish
    new = {}
    for stem, files, manifest in captured:  # the new states, written once without faults
        real_publish(root / "new" / stem, files, manifest)
        new[stem] = state(root / "new" / stem)
    old = {stem: state(root / "old" / stem) for stem, _, _ in captured}
    assert all(old[s] != new[s] for s in old)
    return root, specs, captured, old, new


def write_out(out: Path, captured) -> list[int]:
    """The write-out of the two-spec build: each spec published in turn; the exit code of each
    (2 for a DrafterError, as `drafter build` reports it)."""
    codes = []
    for stem, files, manifest in captured:
        try:
            output.publish(out / stem, files, manifest)
            codes.append(0)
        except output.DrafterError as exc:
            assert "Kan inte skriva här" in exc.message and str(exc.where).startswith(str(out)) and stem in str(exc.where)
            codes.append(exc.exit_code)
    return codes


def count_steps(root, captured, faulty, monkeypatch, exchange) -> int:
    out = root / f"count-{exchange}"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(root / "old", out, symlinks=True)
    fake = faulty(0, "error", exchange)
    assert write_out(out, captured) == [0, 0]
    monkeypatch.undo()
    return fake.count


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_every_write_step_crashed_or_failed_leaves_each_folder_old_or_new(two_builds, faulty, monkeypatch,
                                                                           exchange):
    root, specs, captured, old, new = two_builds
    steps = count_steps(root, captured, faulty, monkeypatch, exchange)
    assert steps >= 10  # both specs' files, manifests, folders and switches
    seen = {"old": 0, "new": 0, "missing": 0}
    for at in range(1, steps + 1):
        for mode in ("crash", "error"):
            out = root / f"run-{exchange}-{at}-{mode}"
            shutil.copytree(root / "old", out, symlinks=True)
            faulty(at, mode, exchange)
            try:
                codes = write_out(out, captured)
            except Crash:
                codes = None
            monkeypatch.undo()
            settings = BatchSettings(out_dir=out, clauses_dir=CLAUSES)
            for spec in specs:
                now = state(out / spec.stem)
                assert now in (old[spec.stem], new[spec.stem], None), (at, mode, spec.stem)
                # only the two-renames fallback can be caught between its renames
                assert now is not None or (mode == "crash" and not exchange), (at, mode)
                seen["missing" if now is None else "new" if now == new[spec.stem] else "old"] += 1
                assert is_unchanged(spec, settings) == (now == new[spec.stem]), (at, mode, spec.stem)
            if mode == "error":  # exit 2 and the old folder, or (a failed clean-up after the switch) success
                for spec, code in zip(specs, codes):
                    assert state(out / spec.stem) == (old if code == 2 else new)[spec.stem], (at, spec.stem, code)
            assert write_out(out, captured) == [0, 0]  # the next build
            assert {spec.stem: state(out / spec.stem) for spec in specs} == new
            assert leftovers(out) == [], (at, mode, leftovers(out))
            shutil.rmtree(out)
    assert seen["old"] and seen["new"]
    print(f"{steps} write steps × crash/error, {'renameat2' if exchange else 'two renames'}: {seen}")


def test_a_crash_in_a_real_build_is_repaired_by_the_next(two_builds, faulty, monkeypatch, capsys):
    """End to end through run_batch: killed in the middle of the second spec's write-out, then built again."""
    root, specs, captured, old, new = two_builds
    steps = count_steps(root, captured, faulty, monkeypatch, True)
    out = root / "real"
    shutil.copytree(root / "old", out, symlinks=True)
    faulty(steps * 3 // 4, "crash", True)
    with pytest.raises(Crash):
        run_batch(specs, BatchSettings(out_dir=out, clauses_dir=CLAUSES), jobs=1)
    monkeypatch.undo()
    assert state(out / "alfa") == new["alfa"] and state(out / "beta") == old["beta"]
    assert leftovers(out)  # the crash left its staging folder
    outcomes = []
    assert run_batch(specs, BatchSettings(out_dir=out, clauses_dir=CLAUSES), jobs=1,
                     on_outcome=outcomes.append) == 0
    assert [o.status for o in outcomes] == ["oförändrad", "klar"]
    assert {s.stem: state(out / s.stem) for s in specs} == new and leftovers(out) == []
