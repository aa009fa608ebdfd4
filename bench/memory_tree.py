"""Where a batch's memory is: resident memory of each process of `drafter build`'s tree over the run.

    .venv/bin/python bench/memory_tree.py N [--jobs 2] [--code OTHER-CHECKOUT]

Generates N specs (bench/generate.py), builds them with `python -m drafter build … --force --jobs J`
and samples /proc every 50 ms: the summed RSS of the tree (what bench/measure.py reports as peak
memory) and each process's RSS by role: the `drafter` process itself, the fork server, the workers
(the fork server's children), hunspell and anything else. Prints the peak of the sum, each role's
peak, and each worker's RSS at its first and last sample (what a worker accumulates over the batch),
with the sum sampled at each tenth of the run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 2**20


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid → (parent pid, command line, RSS bytes) of every process."""
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
            with open(f"/proc/{entry}/statm", "rb") as fh:
                rss = int(fh.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        out[int(entry)] = (ppid, cmd, rss)
    return out


def _role(pid: int, root: int, procs: dict) -> str:
    ppid, cmd, _ = procs[pid]
    if pid == root:
        return "drafter"
    if "hunspell" in cmd:
        return "hunspell"
    if ppid in procs and "forkserver" in procs[ppid][1] and ppid != root and procs[ppid][0] == root:
        return "worker"  # forked by the fork server: the same command line as it
    if "forkserver" in cmd:
        return "forkserver"
    return "other: " + cmd[:60]


class Sampler:
    def __init__(self, root: int, interval: float = 0.05):
        self.root, self.interval = root, interval
        self.series: list[tuple[float, int]] = []  # (seconds, summed RSS)
        self.role_peak: dict[str, int] = {}
        self.first: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.peak: dict[int, int] = {}
        self.roles: dict[int, str] = {}
        self._stop = threading.Event()
        self._started = time.perf_counter()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            procs = _processes()
            tree, todo = [], [self.root]
            children: dict[int, list[int]] = {}
            for pid, (ppid, _, _) in procs.items():
                children.setdefault(ppid, []).append(pid)
            while todo:
                pid = todo.pop()
                if pid in procs:
                    tree.append(pid)
                    todo.extend(children.get(pid, []))
            total = 0
            per_role: dict[str, int] = {}
            for pid in tree:
                rss = procs[pid][2]
                role = _role(pid, self.root, procs)
                self.roles[pid] = role
                per_role[role] = per_role.get(role, 0) + rss
                total += rss
                if rss:  # an exited process, not yet reaped, shows 0
                    self.first.setdefault(pid, rss)
                    self.last[pid] = rss
                    self.peak[pid] = max(self.peak.get(pid, 0), rss)
            for role, rss in per_role.items():
                self.role_peak[role] = max(self.role_peak.get(role, 0), rss)
            self.series.append((time.perf_counter() - self._started, total))
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="another checkout's drafter (e.g. `git archive main | tar -x -C DIR`), run with this venv")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="drafter-memory-"))
    try:
        names = list(map(str, generate.generate(args.n, work / "specs")))
        started = time.perf_counter()
        proc = subprocess.Popen([args.python, "-m", "drafter", "build", *names, "-o", str(work / "out"),
                                 "--force", "--jobs", str(args.jobs)], cwd=args.code,
                                env={**os.environ, "PYTHONPATH": str(args.code)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sampler = Sampler(proc.pid)
        _, err = proc.communicate()
        sampler.stop()
        wall = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            raise SystemExit(f"drafter build failed ({proc.returncode}):\n{err.decode()[-2000:]}")
        peak = max(total for _, total in sampler.series)
        print(f"{args.n} specs, --jobs {args.jobs}: {wall:.1f} s wall, peak {peak / MB:.0f} MB summed RSS")
        for role, rss in sorted(sampler.role_peak.items(), key=lambda kv: -kv[1]):
            print(f"  peak {role:<12} {rss / MB:6.0f} MB")
        for pid, role in sampler.roles.items():
            if role in ("worker", "drafter", "forkserver") and pid in sampler.first:
                print(f"  {role:<10} {pid}: first {sampler.first[pid] / MB:.0f} MB, "
                      f"peak {sampler.peak[pid] / MB:.0f} MB, last {sampler.last[pid] / MB:.0f} MB")
        tenth = max(1, len(sampler.series) // 10)
        print("  sum by tenth of the run: " + ", ".join(f"{total / MB:.0f}" for _, total in sampler.series[::tenth]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
