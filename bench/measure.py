"""Whole-process measurements for bench/run.py: wall and CPU time, peak memory of the process tree,
and A/B pairs run in turn so that a ratio holds while the machine's speed drifts.

Memory is the peak of the summed resident set size of the process tree (the drafter process and its
workers), sampled every 20 ms from /proc; CPU is the operating system's account of the process and
the children it waited for (os.wait4).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from pathlib import Path

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


def timed(cmd: list[str], cwd: Path, env: dict | None = None, memory: bool = True) -> dict:
    """Run `cmd` to its end: wall seconds, CPU seconds (user + system), peak tree memory, output."""
    started = time.perf_counter()
    with open(os.devnull, "rb") as stdin:
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env)
    sampler = TreeMemory(proc.pid) if memory else None
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []
    readers = [threading.Thread(target=lambda s, c: c.append(s.read()), args=(proc.stdout, out_chunks)),
               threading.Thread(target=lambda s, c: c.append(s.read()), args=(proc.stderr, err_chunks))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    for reader in readers:
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if sampler:
        sampler.stop()
    return {"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "code": proc.returncode,
            "peak": sampler.peak if sampler else 0, "largest": sampler.largest if sampler else 0,
            "stdout": b"".join(out_chunks).decode("utf-8", "replace"),
            "stderr": b"".join(err_chunks).decode("utf-8", "replace")}


def checked(result: dict, what: str, codes=(0,)) -> dict:
    if result["code"] not in codes:
        raise SystemExit(f"{what} failed (exit {result['code']}):\n{result['stderr'][-3000:]}")
    return result


def pairs(run_a, run_b, n: int) -> dict:
    """A and B in turn, n times (A B A B …): each side's runs and the ratio A/B per pair."""
    a_runs, b_runs = [], []
    for i in range(n):
        a_runs.append(run_a(i))
        b_runs.append(run_b(i))
    return summary(a_runs, b_runs)


def summary(a_runs: list[dict], b_runs: list[dict]) -> dict:
    def med(runs, key):
        return statistics.median(r[key] for r in runs)

    return {"a": [_slim(r) for r in a_runs], "b": [_slim(r) for r in b_runs],
            "a_wall": med(a_runs, "seconds"), "b_wall": med(b_runs, "seconds"),
            "a_cpu": med(a_runs, "cpu"), "b_cpu": med(b_runs, "cpu"),
            "ratio_wall": statistics.median(a["seconds"] / b["seconds"] for a, b in zip(a_runs, b_runs)),
            "ratio_cpu": statistics.median(a["cpu"] / b["cpu"] for a, b in zip(a_runs, b_runs)),
            "ratios_wall": [a["seconds"] / b["seconds"] for a, b in zip(a_runs, b_runs)]}


def _slim(run: dict) -> dict:
    return {k: v for k, v in run.items() if k not in ("stdout", "stderr")}


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"
