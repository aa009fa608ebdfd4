"""One batch of generated agreements built by drafter alone (no baseline, no today's code), its row added
to bench/results.json; then `python bench/report.py` writes bench/RESULTS.md again.

    .venv/bin/python bench/batch_only.py 1000

For the N = 1000 row (peak memory, time per document) when run.py ran the smaller batches: the
baseline is not run at N = 1000 (an hour of LibreOffice), so nothing is paired there anyway.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from measure import load  # noqa: E402
from run import ROOT, Side  # noqa: E402


def main(n: int, jobs: int = 2) -> None:
    results = HERE / "results.json"
    R = json.loads(results.read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="drafter-batch-"))
    me = Side(ROOT)
    names = list(map(str, generate.generate(n, work / f"specs-{n}")))
    out = work / "out"
    run = me.run("build", *names, "-o", str(out), "--force", "--jobs", str(jobs))
    run["documents"] = len(list(out.rglob("*.docx")))
    run["files"] = run["documents"] + len(list(out.rglob("*.pdf")))
    noop = me.run("build", *names, "-o", str(out), "--jobs", str(jobs))
    check = me.run("check", *names, codes=(0, 1))
    R["batches"] = [b for b in R["batches"] if b["n"] != n] + [{
        "n": n, "runs": {"me": [{k: v for k, v in run.items() if k not in ("stdout", "stderr")}], "today": [],
                         "baseline": []},
        "noop": noop["seconds"], "skipped": noop["stdout"].count("oförändrad"), "check": check["seconds"],
        "load": load()}]
    R["batches"].sort(key=lambda b: b["n"])
    results.write_text(json.dumps(R, indent=1, default=str), encoding="utf-8")
    print(f"{n} specs: {run['seconds']:.1f} s, peak {run['peak'] / 2**20:.0f} MB, largest {run['largest'] / 2**20:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
