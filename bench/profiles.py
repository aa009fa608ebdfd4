"""Where the time goes, for bench/run.py: the machine, the imports of a command, the phases of a build."""

from __future__ import annotations

import cProfile
import io
import os
import platform
import pstats
import shutil
import subprocess
import time
from pathlib import Path


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")).split()[1])
        mem = f"{kb / 2**20:.1f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    lo = "not installed"
    soffice = shutil.which("soffice")
    if soffice:
        lo = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip() or "?"
    from importlib.metadata import version

    return {"cores": os.cpu_count(), "cpu": cpu, "memory": mem, "os": platform.platform(),
            "python": platform.python_version(), "libreoffice": lo,
            "packages": ", ".join(f"{p} {version(p)}" for p in ("typst", "python-docx", "docxtpl", "pypdf",
                                                                  "pydantic"))}


WATCHED = ["drafter.cli", "click", "pydantic", "drafter.spec.model", "drafter.spec.load", "drafter.checks",
           "jinja2", "markdown_it", "yaml", "stdnum", "drafter.assemble.agreement", "holidays", "dateutil.easter"]


def import_profile(python: str, args: list[str], cwd: Path) -> list[tuple[str, float]]:
    """What importing costs a drafter command (-X importtime, cumulative ms, where first imported)."""
    proc = subprocess.run([python, "-X", "importtime", "-m", "drafter", *args], cwd=cwd, capture_output=True,
                          text=True)
    found: dict[str, float] = {}
    total = 0.0
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        if not cumulative.strip().isdigit():
            continue
        ms = int(cumulative) / 1000
        if name.strip() in WATCHED:
            found.setdefault(name.strip(), ms)
        if name == " " + name.strip():  # top level: one space after the bar
            total += ms
    return [("all imports", total), *[(name, found[name]) for name in WATCHED if name in found]]


PHASES = {
    "DOCX (docx_bytes: docxtpl header + body)": "writer.py:docx_bytes",
    "PDF (Typst compile)": "typst_writer.py:pdf_bytes",
    "nämnd packet (Typst compile)": "packet.py:packet_pdf",
    "assemble (clauses filled, Markdown read)": "__init__.py:assemble_all",
    "checks (run_checks, incl. loading the renewed spec)": "__init__.py:run_checks",
    "spec loading (YAML with positions, pydantic)": "load.py:load_spec",
    "publish (atomic writes, fsync)": "output.py:publish",
}


def build_profile(specs: list[Path], workdir: Path, root: Path) -> tuple[float, dict[str, float]]:
    """cProfile of a warm worker building `specs` in-process: CPU per spec, and the share of each phase."""
    from drafter.batch import BatchSettings, build_one
    from drafter.clauses.library import ClauseLibrary

    # Typst in the worker's own thread, as a batch worker with --jobs 2 or more runs it: cProfile sees one thread
    settings = BatchSettings(out_dir=workdir / "profile", force=True, pdf_thread=False)
    library = ClauseLibrary(root / "clauses")
    half = len(specs) // 2
    for spec in specs[:2]:  # warm: imports, Typst fonts, compiled clause texts
        build_one(spec, settings, library, report=lambda item: None)
    started = time.process_time()
    for spec in specs[2:half]:
        build_one(spec, settings, library, report=lambda item: None)
    per_spec = (time.process_time() - started) / max(1, len(specs[2:half]))
    profiler = cProfile.Profile()
    profiler.enable()
    for spec in specs[half:]:
        build_one(spec, settings, library, report=lambda item: None)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO()).stats  # type: ignore[attr-defined]
    total = next(v[3] for k, v in stats.items() if k[2] == "build_one")
    shares = {}
    for label, key in PHASES.items():
        file, func = key.split(":")
        shares[label] = sum(v[3] for k, v in stats.items() if k[0].endswith(file) and k[2] == func) / total
    return per_spec, shares
