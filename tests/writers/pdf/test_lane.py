"""Typst beside Python (drafter/writers/pdf/lane.py): the same files, the same first error, no waiting
for a compile nobody reads."""

import threading
from concurrent.futures import CancelledError

import pytest

from drafter.build import BuildOptions, ChecksFailed, build
from drafter.clauses.library import ClauseLibrary
from drafter.writers.pdf import typst_writer
from drafter.writers.pdf.lane import Lane, lane
from helpers import CLAUSES, EXAMPLE, example_data, write_spec

COMPILE = typst_writer._compile  # Typst itself, under the recording the tests put around it


def test_jobs_run_in_the_order_given_on_one_thread_beside_the_caller():
    ran = []

    def job(name):
        def run():
            ran.append((name, threading.current_thread().name))
            return name.encode()
        return run

    with lane() as pdfs:
        pdfs.start({"a": job("a"), "b": job("b"), "c": job("c")})
        assert [pdfs.result(key) for key in "cab"] == [b"c", b"a", b"b"]
    assert ran == [("a", "drafter-typst"), ("b", "drafter-typst"), ("c", "drafter-typst")]


def test_an_error_in_a_job_is_raised_to_whoever_asks_for_its_result():
    def broken():
        raise ValueError("trasig")

    with lane() as pdfs:
        pdfs.start({"ok": lambda: b"pdf", "broken": broken})
        assert pdfs.result("ok") == b"pdf"
        with pytest.raises(ValueError, match="trasig"):
            pdfs.result("broken")


def test_stopping_cancels_the_jobs_not_yet_started():
    started, release, ran = threading.Event(), threading.Event(), []

    def first():
        started.set()
        release.wait(30)
        return b"1"

    pdfs = Lane()
    pdfs.start({"1": first, "2": lambda: ran.append("2") or b"2"})
    started.wait(30)
    pdfs.stop()
    release.set()
    with pytest.raises(CancelledError):  # nobody gets a result after the stop
        pdfs.result("2")
    assert ran == []


def _built(out, pdf_thread, monkeypatch):
    """The example built with or without the lane: every file's bytes, and the threads Typst ran on."""
    threads = []

    def recording(files, timestamp):
        threads.append(threading.current_thread().name)
        return COMPILE(files, timestamp)

    monkeypatch.setattr(typst_writer, "_compile", recording)
    options = BuildOptions(out_dir=out, library=ClauseLibrary(CLAUSES), force=True, pdf_thread=pdf_thread)
    folder = build(EXAMPLE, options).parent
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}, threads


def test_a_build_with_typst_beside_writes_the_same_bytes_as_one_without(tmp_path, monkeypatch):
    beside, on = _built(tmp_path / "beside", True, monkeypatch)
    alone, off = _built(tmp_path / "alone", False, monkeypatch)
    assert sorted(beside) == sorted(alone) and len([n for n in beside if n.endswith(".pdf")]) == 5
    assert [n for n in beside if beside[n] != alone[n]] == []
    assert on == ["drafter-typst"] * 5  # four documents and the nämnd packet
    assert off == ["MainThread"] * 5


def test_a_build_the_checks_stop_does_not_wait_for_typst(tmp_path, monkeypatch):
    started, release, finished = threading.Event(), threading.Event(), []

    def slow(files, timestamp):
        started.set()
        release.wait(30)
        finished.append(True)
        return b""

    monkeypatch.setattr(typst_writer, "_compile", slow)
    data = example_data()
    data["budget"]["total"] = 1_000_001  # the rows do not give it: an error of the checks (budget-sum)
    try:
        with pytest.raises(ChecksFailed):
            build(write_spec(tmp_path, data), BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))
        assert started.wait(30)  # Typst had begun, right after assembly …
        assert finished == []  # … and its first compile was still under way when the build gave up
    finally:
        release.set()


def test_a_glyph_typst_cannot_show_is_reported_at_its_source_as_without_the_lane(tmp_path, monkeypatch):
    class Refusing:
        def compile(self, **given):
            raise RuntimeError('error: the text `"Street Minds"` could not be displayed with font')

    monkeypatch.setattr(typst_writer, "_get_compiler", lambda: Refusing())
    with pytest.raises(typst_writer.MissingGlyphs) as raised:
        build(EXAMPLE, BuildOptions(out_dir=tmp_path, library=ClauseLibrary(CLAUSES), force=True))
    assert raised.value.where is not None and raised.value.where.file.endswith("street-minds-2026.yaml")


def test_a_process_that_ends_while_typst_compiles_ends_with_its_own_exit_code():
    """`drafter build` refused by its checks exits while the lane may still be compiling: the daemon thread
    must neither keep the process alive nor crash it on the way out (Rust code under a thread that
    Python stops at exit)."""
    import subprocess
    import sys

    script = (
        "import sys, threading\n"
        "from drafter.writers.pdf import typst_writer as tw\n"
        "from drafter.writers.pdf.lane import Lane\n"
        "source = b'#set document(title: \"x\")\\n#set text(lang: \"sv\")\\n' + b'#lorem(20000)\\n' * 4\n"
        "started = threading.Event()\n"
        "def job():\n"
        "    started.set()\n"
        "    return tw._compile({'main.typ': source}, None)\n"
        "lane = Lane(); lane.start({'a': job}); started.wait(30); lane.stop()\n"
        "sys.exit(1)\n"
    )
    ended = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert ended.returncode == 1, ended.stderr
    assert ended.stderr == ""
