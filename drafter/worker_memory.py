"""A long-lived process's memory kept flat between specs: Typst's memo cache aged out, freed heap returned.

A batch worker builds hundreds of specs. What it keeps on purpose (its clause library, compiled clause
texts, Typst compilers with their fonts) is bounded; what grew was Typst's process-wide memo cache
(comemo) and the C heap around it. Measured in one process over 60 generated documents: 162 MB with
the cache as Typst leaves it, 105 MB with it aged out after each document, 95 MB with freed heap also
returned to the system (bench/memory_tree.py measures the batch).

typst-py calls `comemo::evict(10)` after every compile: a memoized result not used in the last ten
compiles is dropped. It offers no call to evict on its own, so `evict_typst_cache()` compiles an empty
document ten times (about 2 ms in all), which ages out every result. `release()` does that only after
every EVICT_EVERY-th spec and returns freed heap after each: Typst reuses a paragraph's layout from
the specs before (the templates keep a document's body free of what differs between documents), and
emptying the cache after every spec made a warm spec 15–20 % slower (100 generated specs in one
process: 226 against 193 ms a spec). Every tenth spec: 197 ms, the process at 133–141 MB between the
evictions against 113–126 MB (every spec) and 169–185 MB (never).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import itertools
import sys
from functools import lru_cache

TYPST_MAX_AGE = 10  # typst-py: comemo::evict(10) after each compile
EVICT_EVERY = 10  # specs between two emptyings of Typst's cache
_released = itertools.count(1)  # specs released in this process


@lru_cache(maxsize=1)
def _empty_compiler():
    """A Typst compiler of an empty in-memory document and no fonts: its compile is nearly free."""
    import typst

    return typst.Compiler(b"", font_paths=typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                                                 font_paths=[]),
                          ignore_system_fonts=True)


def evict_typst_cache() -> None:
    """Age every memoized Typst result out of the process-wide cache (only when Typst was used here)."""
    if "typst" not in sys.modules:
        return
    compiler = _empty_compiler()
    for _ in range(TYPST_MAX_AGE):
        compiler.compile(input=b"", format="svg")  # the bytes again: typst-py reads its own only once


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None where there is none (macOS, Windows, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def release() -> None:
    """After a spec is built in a process that goes on to build others. Never fails the build: at
    worst the memory stays as it was."""
    try:
        if next(_released) % EVICT_EVERY == 0:
            evict_typst_cache()
        trim = _malloc_trim()
        if trim is not None:
            trim(0)
    except Exception:  # noqa: BLE001 (housekeeping only; a later typst-py may compile differently)
        pass
