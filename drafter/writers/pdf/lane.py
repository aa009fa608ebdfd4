"""Typst beside Python: one spec's PDFs compiled on a second thread while the main thread runs the
checks and writes the DOCX files, the redline and the manifest.

Typst's compile releases the GIL, so on a machine with two cores a build takes about the longer of
the two instead of their sum (bench/RESULTS.md). Nothing else changes:
- each compile's input is taken from the model when the lane starts, right after assembly, in the
  main thread (`typst_writer.pdf_job`): what Typst reads is what the writer would have read;
- the compiles run one at a time in the order the build always used, so the bytes are the same;
- the build takes each result, or its error, where it used to call the writer, so the first message a
  user sees is the one they saw before; a build the checks stop never looks at the results.

The thread is a daemon: a build stopped by an error or its time limit (drafter/limits.py) does not wait
for a compile nobody will read, and compiles not yet started are cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager

Job = Callable[[], bytes]


class Lane:
    """Jobs run in the order given, one at a time, on one thread; `result(key)` waits for one."""

    def __init__(self) -> None:
        self._futures: dict[object, Future[bytes]] = {}
        self._stopped = threading.Event()

    def start(self, jobs: dict[object, Job]) -> None:
        """Run `jobs` (key → job); a lane starts once."""
        if self._futures or not jobs:
            return
        self._futures = {key: Future() for key in jobs}
        work = [(job, self._futures[key]) for key, job in jobs.items()]
        threading.Thread(target=self._run, args=(work,), name="drafter-typst", daemon=True).start()

    def _run(self, work: list[tuple[Job, Future[bytes]]]) -> None:
        for job, future in work:
            if self._stopped.is_set() or not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job())
            except BaseException as exc:  # raised again by `result`, in the thread that asks
                future.set_exception(exc)

    def __contains__(self, key: object) -> bool:
        return key in self._futures

    def result(self, key: object) -> bytes:
        return self._futures[key].result()

    def stop(self) -> None:
        """Cancel what has not started; a compile under way finishes on its own and is dropped."""
        self._stopped.set()
        for future in self._futures.values():
            future.cancel()


@contextmanager
def lane() -> Iterator[Lane]:
    """A lane, stopped when the block ends however it ends."""
    running = Lane()
    try:
        yield running
    finally:
        running.stop()
