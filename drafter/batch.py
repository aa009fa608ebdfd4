"""Building many specs: skip the unchanged, build the rest in parallel, report each, never stop at one.

`run_batch(specs, settings)` is what `drafter build` does. For each spec it first compares the
inputs hash recorded in the spec's manifest.json with a fresh one (drafter/incremental.py); a spec
whose inputs are unchanged is reported as "oförändrad" and neither assembled nor rendered. This
decision is taken in the calling process, which stays light: a rebuild with nothing to do imports
neither pydantic nor the writers. The specs left are built by `drafter.build.build`, in this process
(`jobs=1`) or in a pool of worker processes, each keeping its Typst compiler, its clause library and
its compiled clause texts for every spec it builds. An error in one spec is reported and the others
go on; the batch's exit code is the worst one (3 > 2 > 1 > 0).
"""

from __future__ import annotations

import gc
import os
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafter.pipeline import Settings

BUILT, SKIPPED, FAILED = "klar", "oförändrad", "fel"


BatchSettings = Settings  # the name the batch's settings had before drafter/pipeline.py


@dataclass
class Outcome:
    spec: Path
    status: str  # BUILT, SKIPPED or FAILED
    folder: Path | None = None
    code: int = 0  # the exit code this spec alone would give
    message: str = ""  # the error, as `fel: …` shows it
    findings: list[tuple[str, str]] = field(default_factory=list)  # (severity, line) of the checks


def output_folder(spec: Path, settings: Settings) -> Path:
    from drafter.output import spec_folder

    return spec_folder(settings.out_dir, spec)  # a DrafterError for a name like `...yaml`


def is_unchanged(spec: Path, settings: Settings, cache: dict | None = None) -> bool:
    """Whether the spec's output folder holds a build of exactly these inputs and options."""
    from drafter.incremental import library_root, up_to_date
    from drafter.output import read_manifest

    folder = output_folder(spec, settings)
    return up_to_date(read_manifest(folder), folder, Path(spec), library_root(settings.clauses_dir),
                      settings.outputs, settings.pdf_engine, cache=cache)


# One clause library per worker process (per library folder): clause files are parsed once per batch.
_LIBRARIES: dict = {}


def _library(clauses_dir: Path | None, shared: bool):
    from drafter.clauses.library import ClauseLibrary

    if not shared:
        return ClauseLibrary(clauses_dir)
    if clauses_dir not in _LIBRARIES:
        _LIBRARIES[clauses_dir] = ClauseLibrary(clauses_dir)
    return _LIBRARIES[clauses_dir]


def _reporter(spec: Path, on_finding: Callable[[Path, tuple[str, str]], None] | None) -> Callable[[tuple[str, str]], None]:
    """on_finding bound to one spec; one that ignores a finding when nobody listens."""
    if on_finding is None:
        return lambda item: None
    return lambda item: on_finding(spec, item)


def build_one(spec: Path, settings: Settings, library=None,
              report: Callable[[tuple[str, str]], None] | None = None) -> Outcome:
    """Build one spec and describe what happened; never raises for a DrafterError or a bug in drafter."""
    from drafter.build import ChecksFailed, build
    from drafter.errors import DrafterError

    spec = Path(spec)
    findings: list[tuple[str, str]] = []

    def collect(finding):
        item = (finding.severity, finding.line())
        if report:
            report(item)
        else:
            findings.append(item)

    if library is None:
        library = settings.library if settings.library is not None else _library(settings.clauses_dir, True)
    try:
        manifest = build(spec, replace(settings, library=library), report=collect)
    except ChecksFailed as exc:  # its findings were reported one by one: say only how many, once
        first = exc.message.splitlines()[0]
        return Outcome(spec, FAILED, code=exc.exit_code, findings=findings,
                       message=first + (f"\n  Tips: {exc.hint}" if exc.hint else ""))
    except DrafterError as exc:
        return Outcome(spec, FAILED, code=exc.exit_code, message=str(exc), findings=findings)
    except (KeyboardInterrupt, SystemExit):
        raise
    except OSError as exc:  # the machine, not drafter: disk full, no permission (exit 2, the path named)
        from drafter.output import environment_error

        return Outcome(spec, FAILED, code=2, message=str(environment_error(exc, action="läsa eller skriva")), findings=findings)
    except Exception as exc:  # a bug in drafter: one spec's failure must not stop the others
        if os.environ.get("DRAFTER_DEBUG"):
            detail = "\n" + traceback.format_exc()
            if report:  # in-process: let the developer have the real traceback
                raise
        else:
            detail = ""
        return Outcome(spec, FAILED, code=3, findings=findings,
                       message=f"{spec}: internt fel i drafter ({type(exc).__name__}: {exc}). "
                               f"Kör med DRAFTER_DEBUG=1 för detaljer och rapportera felet.{detail}")
    return Outcome(spec, BUILT, folder=manifest.parent, findings=findings)


def _worker(spec: Path, settings: Settings) -> Outcome:
    from drafter.worker_memory import release

    try:
        return build_one(spec, settings)
    finally:
        release()  # the next spec starts from the same memory (drafter/worker_memory.py)
        _freeze_once()


_frozen: list[bool] = []  # in a worker: whether what its first spec set up was frozen


def _freeze_once() -> None:
    """After a worker's first spec: what it set up to keep (the clause library, compiled clause texts,
    the Typst compiler, the caches' first entries) out of the collector's later walks, as the fork
    server did with its modules (drafter/batch_preload.py). The garbage of that spec is collected first,
    so none of it is frozen with them. Measured in one warm process over 18 generated specs: the
    collector's CPU 5.5 -> 3.2 ms a spec (about 1.5 %)."""
    if not _frozen:
        _frozen.append(True)
        gc.collect()
        gc.freeze()


# What a worker needs, imported once in the fork server rather than in every worker; the last one
# freezes them (drafter/batch_preload.py).
PRELOAD = ["drafter.build", "drafter.checks", "drafter.assemble.agreement", "drafter.assemble.proposal",
           "drafter.writers.docx", "drafter.writers.pdf", "drafter.writers.pdf.packet", "drafter.batch_preload"]


def _context():
    """Workers start from a clean process: a plain fork would inherit this process's state, and a
    Typst compiler (with its threads) made here before, e.g. by an earlier build in the same program,
    deadlocks in a forked child. The fork server starts once, imports the writers, and forks workers
    from that clean state; where there is none (Windows), spawn."""
    import multiprocessing

    try:
        ctx = multiprocessing.get_context("forkserver")
    except ValueError:
        return multiprocessing.get_context("spawn")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


# Specs handed to the pool ahead, per worker: enough that a worker never waits for the next, few
# enough that this process holds no more than a handful of results (1000 specs submitted at once
# grew it from 30 to 89 MB, every future kept with its outcome until the batch ended).
IN_FLIGHT = 2


def default_jobs() -> int:
    return os.cpu_count() or 1


def run_batch(specs: Iterable[Path], settings: Settings, jobs: int | None = None,
              on_outcome: Callable[[Outcome], None] | None = None,
              on_finding: Callable[[Path, tuple[str, str]], None] | None = None) -> int:
    """Build every spec; `on_outcome` is told each spec's outcome as it is known, `on_finding` every
    finding of the checks (in order for one spec). Returns the worst exit code."""
    from drafter.errors import DrafterError
    from drafter.timestamps import source_date_epoch

    source_date_epoch()  # a bad SOURCE_DATE_EPOCH is bad input (exit 2), even when nothing is rebuilt
    specs = list(dict.fromkeys(Path(s) for s in specs))  # the same spec named twice is built once
    jobs = max(1, jobs or default_jobs())
    worst = 0

    def done(outcome: Outcome) -> None:
        nonlocal worst
        if on_finding:
            for item in outcome.findings:
                on_finding(outcome.spec, item)
        worst = max(worst, outcome.code)
        if on_outcome:
            on_outcome(outcome)

    todo: list[Path] = []
    folders: dict[Path, Path] = {}
    cache: dict = {}
    for spec in specs:
        try:
            folder = output_folder(spec, settings).absolute()
        except DrafterError as exc:
            done(Outcome(spec, FAILED, code=exc.exit_code, message=str(exc)))
            continue
        if folder in folders:
            done(Outcome(spec, FAILED, code=2, message=(
                f"{spec}: ska byggas till samma mapp ({output_folder(spec, settings)}) som {folders[folder]}. "
                "Ge specarna olika filnamn eller bygg dem till olika mappar (-o).")))
            continue
        folders[folder] = spec
        if not settings.force and is_unchanged(spec, settings, cache):
            done(Outcome(spec, SKIPPED, folder=output_folder(spec, settings)))
        else:
            todo.append(spec)

    if not todo:
        return worst
    if jobs == 1 or len(todo) == 1:
        library = settings.library if settings.library is not None else _library(settings.clauses_dir, False)
        for i, spec in enumerate(todo):
            if i:
                from drafter.worker_memory import release

                release()
            outcome = build_one(spec, settings, library, report=_reporter(spec, on_finding))
            worst = max(worst, outcome.code)
            if on_outcome:
                on_outcome(outcome)
        return worst

    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from drafter.startup import modules_loaded

    modules_loaded()  # this process only hands out specs now: its garbage collected as usual (drafter/startup.py)

    workers = min(jobs, len(todo))
    in_pool = replace(settings, pdf_thread=False)  # the workers use every core already: no Typst thread each
    waiting = iter(todo)
    running: dict = {}  # future → spec: a few per worker in flight, each let go once reported
    def broken(spec: Path) -> Outcome:
        return Outcome(spec, FAILED, code=3, message=(
            f"{spec}: byggprocessen avbröts oväntat (slut på minne?). Försök igen med färre jobb (--jobs)."))

    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        while True:
            for spec in waiting:
                try:
                    running[pool.submit(_worker, spec, in_pool)] = spec
                except BrokenProcessPool:  # a worker died: every spec not yet built is reported so
                    done(broken(spec))
                    continue
                if len(running) >= IN_FLIGHT * workers:
                    break
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                spec = running.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    outcome = broken(spec)
                done(outcome)
    return worst
