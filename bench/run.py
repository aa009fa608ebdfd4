"""drafter's benchmark: cold build, no-op rebuild, check, batches of generated agreements, and the
docxtpl + LibreOffice baseline. Writes bench/RESULTS.md.

    .venv/bin/python bench/run.py                 # everything (about 10 minutes on 2 cores)
    .venv/bin/python bench/run.py --sizes 10,100  # smaller batches only

Not part of the test suite; nothing here asserts a time. Every drafter figure is a whole `drafter`
process (python -m drafter …), as an official runs it. Memory is the peak of the summed resident
set size of the process tree (the drafter process and its workers), sampled every 20 ms from /proc:
the standard library's getrusage(RUSAGE_CHILDREN).ru_maxrss only gives the largest single process,
which is reported beside it; psutil would do the same sampling with one more dependency.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import baseline  # noqa: E402
import generate  # noqa: E402

EXAMPLE = ROOT / "agreements" / "street-minds-2026.yaml"
DRAFTER = [sys.executable, "-m", "drafter"]
PAGE = os.sysconf("SC_PAGE_SIZE")


class TreeMemory:
    """Peak summed RSS of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.02):
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.largest = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as fh:
                        ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(children.get(pid, []))
        return tree

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/statm", "rb") as fh:
                        rss = int(fh.read().split()[1]) * PAGE
                except (OSError, IndexError, ValueError):
                    continue
                total += rss
                self.largest = max(self.largest, rss)
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def timed(cmd: list[str], cwd: Path = ROOT) -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(proc.pid)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    memory.stop()
    return {"seconds": elapsed, "code": proc.returncode, "peak": memory.peak, "largest": memory.largest,
            "stdout": out, "stderr": err}


def median_of(n: int, make_cmd) -> tuple[float, list[float]]:
    runs = []
    for i in range(n):
        result = timed(make_cmd(i))
        if result["code"] not in (0,):
            raise SystemExit(f"failed: {make_cmd(i)}\n{result['stderr'][-2000:]}")
        runs.append(result["seconds"])
    return statistics.median(runs), runs


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


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
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1])
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
            "packages": ", ".join(f"{p} {version(p)}" for p in ("typst", "python-docx", "docxtpl", "pypdf", "pydantic"))}


WATCHED = ["drafter.cli", "click", "pydantic", "drafter.spec.model", "drafter.spec.load", "drafter.checks",
           "jinja2", "markdown_it", "yaml", "stdnum", "drafter.assemble.agreement", "holidays"]


def import_profile(args: list[str]) -> list[tuple[str, float]]:
    """What importing costs a drafter command (-X importtime, cumulative ms, where first imported)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "drafter", *args], cwd=ROOT,
                          capture_output=True, text=True)
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
        if name == name.lstrip(" ")[:0] + " " + name.strip():  # top level: one space after the bar
            total += ms
    rows = [(name, found[name]) for name in WATCHED if name in found]
    return [("all imports", total), *rows]


PHASES = {
    "DOCX (docx_bytes: docxtpl header + python-docx body)": "writer.py:docx_bytes",
    "PDF (Typst compile)": "typst_writer.py:pdf_bytes",
    "nämnd packet (Typst compile)": "packet.py:packet_pdf",
    "assemble (clauses filled, Markdown read)": "__init__.py:assemble_all",
    "checks (run_checks, incl. loading the renewed spec)": "__init__.py:run_checks",
    "spec loading (YAML with positions, pydantic)": "load.py:load_spec",
    "publish (atomic writes, fsync)": "output.py:publish",
}


def build_profile(specs: list[Path], workdir: Path) -> tuple[float, dict[str, float]]:
    """cProfile of a warm worker building `specs` in-process: the share of each phase."""
    from drafter.batch import BatchSettings, build_one
    from drafter.clauses.library import ClauseLibrary

    settings = BatchSettings(out_dir=workdir / "profile", force=True)
    library = ClauseLibrary(ROOT / "clauses")
    for spec in specs[:3]:  # warm: imports, Typst fonts, compiled clause texts
        build_one(spec, settings, library, report=lambda item: None)
    started = time.perf_counter()
    for spec in specs[3:13]:
        build_one(spec, settings, library, report=lambda item: None)
    per_spec = (time.perf_counter() - started) / len(specs[3:13])
    profiler = cProfile.Profile()
    profiler.enable()
    for spec in specs[13:23]:
        build_one(spec, settings, library, report=lambda item: None)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO()).stats
    total = next(v[3] for k, v in stats.items() if k[2] == "build_one")
    shares = {}
    for label, key in PHASES.items():
        file, func = key.split(":")
        shares[label] = sum(v[3] for k, v in stats.items() if k[0].endswith(file) and k[2] == func) / total
    return per_spec, shares


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--baseline-budget", type=float, default=300, help="seconds the baseline N=100 may take")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    # An installed drafter is byte-compiled by pip; a checkout run with PYTHONDONTWRITEBYTECODE=1 is not.
    compileall.compile_dir(str(ROOT / "drafter"), quiet=1)
    subprocess.run([*DRAFTER, "check", str(EXAMPLE)], cwd=ROOT, capture_output=True)  # clause-code cache warm
    info = machine()
    print(f"{info['cores']} cores, {info['cpu']}; work folder {work}", flush=True)
    R: dict = {"info": info, "jobs": args.jobs}

    # 1. cold build of the full 2026 set, whole process, fresh output each time
    R["cold"], R["cold_runs"] = median_of(args.repeat, lambda i: [*DRAFTER, "build", str(EXAMPLE), "-o",
                                                                   str(work / f"cold-{i}"), "--force"])
    print(f"cold build: {R['cold']:.3f} s (median of {args.repeat})", flush=True)
    # 2. no-op rebuild: the same build again, without --force
    R["noop"], R["noop_runs"] = median_of(args.repeat, lambda i: [*DRAFTER, "build", str(EXAMPLE), "-o",
                                                                   str(work / "cold-0")])
    assert "oförändrad" in timed([*DRAFTER, "build", str(EXAMPLE), "-o", str(work / "cold-0")])["stdout"]
    print(f"no-op rebuild: {R['noop']:.3f} s", flush=True)
    # 3. drafter check, one spec
    R["check"], R["check_runs"] = median_of(args.repeat, lambda i: [*DRAFTER, "check", str(EXAMPLE)])
    print(f"check: {R['check']:.3f} s", flush=True)

    # 4. batches of generated agreements
    R["batches"] = []
    for n in sizes:
        folder = work / f"specs-{n}"
        specs = generate.generate(n, folder)
        result = timed([*DRAFTER, "build", *map(str, specs), "-o", str(work / f"out-{n}"), "--force",
                        "--jobs", str(args.jobs)])
        if result["code"] != 0:
            raise SystemExit(f"batch {n} failed:\n{result['stderr'][-3000:]}")
        out = work / f"out-{n}"
        docs = len(list(out.rglob("*.pdf"))) + len(list(out.rglob("*.docx")))
        documents = len(list(out.rglob("*.docx")))  # a document: its DOCX and its PDF (packets not counted)
        print(f"batch {n}: {result['seconds']:.1f} s, {docs} files, peak {mb(result['peak'])}", flush=True)
        noop = timed([*DRAFTER, "build", *map(str, specs), "-o", str(out), "--jobs", str(args.jobs)])
        skipped = noop["stdout"].count("oförändrad")  # less than n only if drafter's own files changed meanwhile
        check = timed([*DRAFTER, "check", *map(str, specs)])
        R["batches"].append({"n": n, "seconds": result["seconds"], "files": docs, "documents": documents,
                             "peak": result["peak"],
                             "largest": result["largest"], "noop": noop["seconds"], "skipped": skipped,
                             "check": check["seconds"]})
        print(f"  no-op {noop['seconds']:.2f} s ({skipped} of {n} skipped), check {check['seconds']:.2f} s",
              flush=True)
    R["rusage_children_maxrss"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

    # 5. the baseline
    R["baseline"] = []
    if baseline.available():
        for n in (10, 100):
            if n == 100 and R["baseline"] and R["baseline"][0]["per_doc"] * 100 > args.baseline_budget:
                break
            specs = generate.generate(n, work / f"baseline-specs-{n}", seed=7)
            seconds = baseline.run(specs, args.jobs, Path(tempfile.mkdtemp(dir=work)))
            R["baseline"].append({"n": n, "seconds": seconds, "per_doc": seconds / n})
            print(f"baseline {n}: {seconds:.1f} s, {seconds / n:.2f} s per document", flush=True)

    # 6. profiles
    R["imports_check"] = import_profile(["check", str(EXAMPLE)])
    specs = sorted((work / f"specs-{max(sizes)}").glob("iop-*.yaml"))
    if len(specs) < 23:
        specs = generate.generate(23, work / "profile-specs")
    R["warm_per_spec"], R["phases"] = build_profile(specs, work)
    (HERE / "results.json").write_text(json.dumps(R, indent=1, default=str), encoding="utf-8")
    args.results.write_text(report(R, args), encoding="utf-8")
    print(f"wrote {args.results}")
    shutil.rmtree(work, ignore_errors=True)


def report(R: dict, args) -> str:
    info = R["info"]
    jobs = R["jobs"]
    lines = [
        "# drafter benchmark results",
        "",
        f"Measured {dt.date.today().isoformat()} by `bench/run.py` on one machine, in one run. Reproduce with:",
        "",
        "```sh",
        f".venv/bin/python bench/run.py --sizes {args.sizes} --repeat {args.repeat}",
        "```",
        "",
        f"- **cores (os.cpu_count)**: {info['cores']} — drafter ran with `--jobs {jobs}`, the baseline {jobs} "
        "documents at a time",
        f"- CPU: {info['cpu']}; memory {info['memory']}",
        f"- {info['os']}, Python {info['python']}; {info['packages']}",
        f"- baseline: {info['libreoffice']}",
        "",
        "Every drafter figure is a whole process (`python -m drafter …`), start-up and imports included. "
        "A file is one DOCX or PDF. A *document* is one DOCX with its PDF: a spec gives the agreement and "
        "the tjänsteutlåtande, a renewal also its tillägg and the consolidated agreement, and each spec "
        "the nämnd packet PDF besides (not counted as a document).",
        "",
        "## Single spec: agreements/street-minds-2026.yaml",
        "",
        "| what | median | runs (s) | target |",
        "|---|---|---|---|",
        f"| cold `drafter build` (all documents, DOCX + PDF, fresh output folder, `--force`) | "
        f"**{R['cold']:.2f} s** | {', '.join(f'{x:.2f}' for x in R['cold_runs'])} | < 1.0 s "
        f"{'✅' if R['cold'] < 1.0 else '❌'} |",
        f"| no-op rebuild (`drafter build` again, no `--force`: \"oförändrad\") | **{R['noop']:.3f} s** | "
        f"{', '.join(f'{x:.3f}' for x in R['noop_runs'])} | < 0.3 s {'✅' if R['noop'] < 0.3 else '❌'} |",
        f"| `drafter check` | **{R['check']:.2f} s** | {', '.join(f'{x:.2f}' for x in R['check_runs'])} | "
        f"< 0.3 s {'✅' if R['check'] < 0.3 else '❌'} |",
        "",
        "## Batches of generated agreements",
        "",
        "Variations of the two example specs (bench/generate.py): own association name, organisationsnummer "
        "with a valid check digit, signatory, budget amounts, figures, and dates moved by 0–3 years; every "
        "second spec renews its own earlier agreement (`renews:`). All pass `drafter check` (warnings only).",
        "",
        "| N specs | documents (files) | total | per spec | per document | peak memory (process tree) | "
        "no-op rebuild | `drafter check` per spec |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for b in R["batches"]:
        lines.append(f"| {b['n']} | {b['documents']} ({b['files']}) | **{b['seconds']:.1f} s** | "
                     f"{b['seconds'] / b['n']:.3f} s | {b['seconds'] / b['documents']:.3f} s | "
                     f"{mb(b['peak'])} (largest process {mb(b['largest'])}) | "
                     f"{b['noop']:.2f} s{'' if b['skipped'] == b['n'] else ' (' + str(b['skipped']) + ' skipped)'} | "
                     f"{b['check'] / b['n']:.3f} s |")
    big = next((b for b in R["batches"] if b["n"] == 1000), None)
    if big:
        lines += ["", f"Target for 1000 agreements: under 60 s {'✅' if big['seconds'] < 60 else '❌'} "
                      f"({big['seconds']:.0f} s), peak memory under 500 MB "
                      f"{'✅' if big['peak'] < 500 * 2**20 else '❌'} ({mb(big['peak'])})."]
    lines += ["", f"getrusage(RUSAGE_CHILDREN).ru_maxrss over the whole benchmark (the largest single process "
                  f"it started, drafter worker or soffice): {mb(R['rusage_children_maxrss'])}.", ""]
    lines += ["## Against the baseline: docxtpl + one LibreOffice per document", ""]
    if R["baseline"]:
        lines += ["bench/baseline.py renders bench/baseline-template.docx (a real Word document with the 2026 "
                  "agreement's text and `{{ }}` fields, budget rows by `{%tr for %}`) with docxtpl for each "
                  "generated spec, then converts it with `soffice --headless --convert-to pdf`, one soffice "
                  f"process per document, its own profile per worker, {jobs} at a time. That is one document "
                  "(DOCX + PDF) per spec.", "",
                  "| N | baseline total | baseline per document (DOCX + PDF) |", "|---|---|---|"]
        for b in R["baseline"]:
            lines.append(f"| {b['n']} | {b['seconds']:.1f} s | {b['per_doc']:.2f} s |")
        per = R["baseline"][-1]["per_doc"]
        measured = ", ".join(str(b["n"]) for b in R["baseline"])
        lines += ["", f"The baseline was measured for N = {measured}; "
                      + ("N = 100 was left out because N = 10 predicted more than "
                         f"{args.baseline_budget:.0f} s. " if len(R["baseline"]) == 1 else "")
                  + "for larger N its time is **extrapolated** linearly from the per-document time "
                  f"of the largest measured N ({per:.2f} s): a LibreOffice start per document does not get "
                  "cheaper with N.", "",
                  "| N | drafter per document (DOCX + PDF; the batch's time / its documents, packets free) | "
                  "baseline per "
                  "document | baseline for N | ratio |", "|---|---|---|---|---|"]
        for b in R["batches"]:
            mine = b["seconds"] / b["documents"]
            measured_n = next((x for x in R["baseline"] if x["n"] == b["n"]), None)
            base = measured_n["per_doc"] if measured_n else per
            how = "measured" if measured_n else "extrapolated"
            lines.append(f"| {b['n']} | {mine:.3f} s | {base:.2f} s ({how}) | {base * b['n']:.0f} s | "
                         f"**{base / mine:.0f}×** |")
        lines += ["", "Target: at least 10× faster per document."]
    else:
        lines += ["LibreOffice is not installed on this machine, so the baseline was not measured."]

    lines += ["", "## Profiles", "",
              f"A warm worker (imports done, Typst fonts loaded, clause texts compiled) builds one generated "
              f"spec in **{R['warm_per_spec']:.3f} s** of CPU on one core (in-process, 10 specs). "
              "cProfile's share of each phase (10 more specs; profiling inflates Python-heavy phases):", "",
              "| phase | share |", "|---|---|"]
    for label, share in sorted(R["phases"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {label} | {share:.0%} |")
    lines += ["", "Imports of `drafter check` (`python -X importtime`, cumulative where first imported; nested "
                  "rows are part of the rows above them):", "", "| module | ms |", "|---|---|"]
    for name, ms in R["imports_check"]:
        lines.append(f"| {name} | {ms:.0f} |")
    lines += ["", ANALYSIS.strip(), ""]
    return "\n".join(lines)


ANALYSIS = """
## What was done, and what is left

Done to reach these figures (see README, "Speed"):

- **Incremental builds**: each manifest records `inputs_sha256`; a spec whose inputs are unchanged is
  skipped in the calling process, which then imports neither pydantic nor any writer (the no-op rebuild).
- **Parallel batches**: a process pool (fork server, so workers start clean and import the writers once),
  one Typst compiler, clause library and set of compiled clause texts per worker.
- **Clause texts compiled once per process** (drafter/clauses/render.py); compiling was a third of
  assembly, and a worker fills the same library texts for every spec.
- **The representatives check** ran a backtracking regex over every text; it now skips texts that do not
  mention representatives (0.1 s per spec).
- Clause front matter read with PyYAML's C parser (the Python one only to word an error).
- Lazy imports: `drafter --help`, `drafter check` and a no-op build load none of python-docx, docxtpl,
  typst, pypdf (tests/test_batch.py checks it).

Where a target is missed, the profiles above say why:

- **`drafter check` of one spec** is mostly start-up: importing pydantic and building the spec's pydantic
  models (`drafter.spec.model`) alone take about half of it, and click, Jinja, markdown-it, PyYAML and
  python-stdnum the rest; the work itself (load, assemble, check) is under 0.1 s, as the per-spec figure
  of the batch check shows. Closing it needs drafter/spec (another engineer's area): a spec model that
  is cheaper to build at import (fewer validator classes, or `defer_build` with a cached core schema), and
  `yaml_reader` composing with PyYAML's C loader (`CSafeLoader` keeps line and column marks), which is
  also a tenth of every build.
- **1000 agreements in 60 s on 2 cores** needs about 0.12 s of CPU per spec; a warm worker needs the
  figure above (a renewal now also gets its tillägg and the consolidated agreement: three or four
  documents and the packet per spec). The biggest phases: the DOCX writer (python-docx builds every run through its
  object layer, and the template is unzipped and parsed again per document; drafter/writers/docx is another
  engineer's area), the nämnd packet (pypdf parses both PDFs back, including their structure trees, to copy
  pages and read bookmarks; Typst could lay out the packet in the same compile, or the bookmarks could come
  from the model), and Typst itself (about 35 ms per document, already one compiler per process). With
  the DOCX writer reusing a parsed template and writing the body's XML directly, and the packet made
  without re-parsing, the per-spec cost would roughly halve; beyond that, more cores scale linearly
  (the batch is embarrassingly parallel, about 150 MB per worker).
- Two more changes were measured and then taken out again by the owners of those modules: keeping
  compiled clause code on disk between processes (`~/.cache/drafter`), and computing the helgdagar for
  2005–2100 instead of importing `holidays` (about 0.1 s of every single-spec check and build).
  Either would bring `drafter check` closer to 0.3 s.
- Timings on a shared machine vary by 20 % and more between runs; compare figures of one run.
"""


if __name__ == "__main__":
    main()
