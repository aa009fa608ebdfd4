"""A wall-clock limit per spec: a build that runs away (a clause looping over data, a stuck engine)
is stopped with a Swedish message instead of running for ever.

`DRAFTER_TIMEOUT` (seconds, default 300; 0 turns the limit off) bounds each spec's build up to the
write-out (the write-out itself is never interrupted half-way). The limit uses SIGALRM, so it applies
where a build runs in a process's main thread: `drafter build` (one job or many worker processes);
a build started from another thread (a web server's) runs without it, bounded only by the clause
sandbox's own limits (drafter/clauses/render.py), as `drafter check` is.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

from drafter.errors import DrafterError, Where

DEFAULT_SECONDS = 300


class BuildTimeout(DrafterError):
    """The spec's build took longer than DRAFTER_TIMEOUT seconds (exit 2)."""


def timeout_seconds() -> float:
    text = os.environ.get("DRAFTER_TIMEOUT", "").strip()
    if not text:
        return DEFAULT_SECONDS
    try:
        seconds = float(text)
        if not 0 <= seconds <= 86_400:
            raise ValueError
    except ValueError:
        raise DrafterError(f"DRAFTER_TIMEOUT är '{text}', inte ett antal sekunder mellan 0 och 86400.",
                           hint="Ange t.ex. DRAFTER_TIMEOUT=300, eller 0 för ingen gräns.") from None
    return seconds


@contextlib.contextmanager
def time_limit(seconds: float, where: Where):
    """Raise BuildTimeout in the block after `seconds` (not at all for 0, or outside the main thread)."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        shown = f"{seconds:g} sekund" + ("" if seconds == 1 else "er")
        raise BuildTimeout(f"Bygget avbröts efter {shown}.", where,
                           "Kontrollera klausultexternas loopar, eller höj gränsen med DRAFTER_TIMEOUT=sekunder.")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
