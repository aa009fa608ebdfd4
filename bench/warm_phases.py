"""Where a warm worker's CPU goes, phase by phase and check by check, without a profiler.

Builds generated specs in one process (`batch.build_one`, as a batch worker does): the first two
warm it (imports, Typst fonts, compiled clause texts, the caches), the rest are timed. Each phase
(spec loading, assembly, checks, each check, DOCX, PDF, packet) is timed with time.process_time
around its function, so the figures add up without cProfile's inflation of Python-heavy code.

    python bench/generate.py 20 /tmp/specs
    python bench/warm_phases.py /tmp/specs            # DOCX and PDF, the packet included
    python bench/warm_phases.py --docx-only /tmp/specs

Run it from the checkout to measure (`cd OTHER && PYTHONPATH=OTHER python …/warm_phases.py` for
another commit); in turns, A B A B, on a shared machine.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _timed(module: str, name: str, label: str, spent: dict[str, float]) -> None:
    """Replace module.name by a wrapper that adds its CPU time to spent[label]."""
    owner = importlib.import_module(module)
    function = getattr(owner, name)

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - started

    setattr(owner, name, timed)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="generated specs (bench/generate.py)")
    parser.add_argument("--docx-only", action="store_true", help="no PDF, no packet")
    args = parser.parse_args(argv)

    import drafter.checks as checks
    from drafter.batch import BatchSettings, build_one
    from drafter.clauses.library import ClauseLibrary

    spent: dict[str, float] = collections.defaultdict(float)

    def check_timed(check):
        label = f"  check {check.__module__.rsplit('.', 1)[-1]}.{check.__name__}"

        def timed(ctx):
            started = time.process_time()
            found = list(check(ctx))
            spent[label] += time.process_time() - started
            return found

        return timed

    checks.CHECKS[:] = [check_timed(check) for check in checks.CHECKS]
    phases = [("drafter.checks", "run_checks", "checks"), ("drafter.assemble", "assemble_all", "assembly"),
              ("drafter.writers.docx", "docx_bytes", "DOCX"), ("drafter.spec.load", "load_spec", "spec loading")]
    if not args.docx_only:
        phases += [("drafter.writers.pdf", "pdf_bytes", "PDF (Typst)"),
                   ("drafter.writers.pdf.packet", "packet_pdf", "packet (Typst)")]
    for module, name, label in phases:
        _timed(module, name, label, spent)

    specs = sorted(args.folder.glob("iop-*.yaml"))
    if len(specs) < 4:
        parser.error("at least four specs: two to warm the worker, the rest timed")
    out = tempfile.TemporaryDirectory(prefix="warm-phases-")
    settings = BatchSettings(out_dir=Path(out.name), force=True, **({"formats": ("docx",)} if args.docx_only else {}))
    library = ClauseLibrary(Path.cwd() / "clauses")
    for spec in specs[:2]:
        build_one(spec, settings, library, report=lambda item: None)
    spent.clear()
    per_spec = []
    for spec in specs[2:]:
        started = time.process_time()
        outcome = build_one(spec, settings, library, report=lambda item: None)
        per_spec.append(time.process_time() - started)
        if outcome.status == "fel":
            print(outcome.message, file=sys.stderr)
            return 1
    n = len(per_spec)
    total = sum(per_spec)
    print(f"{n} specs, CPU per spec: median {statistics.median(per_spec) * 1000:.1f} ms, "
          f"mean {total / n * 1000:.1f} ms")
    for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        if seconds / n >= 0.0003:
            print(f"{label:<50} {seconds / n * 1000:6.1f} ms  {seconds / total:5.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
