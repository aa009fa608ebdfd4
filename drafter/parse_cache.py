"""Parsed forms of drafter's inputs kept between runs, as Python keeps .pyc files and Jinja compiled
templates: a clause file's front matter and body, a text's Markdown syntax tree, the fonts' character
maps. Every run parses its inputs the same way, and most of a first `drafter check` is that parsing.

What is kept is named by the sha256 of the exact bytes it was made from and of drafter's package digest
(code, templates, fonts, its version), so an edited clause file or another drafter never finds an old
form; it is kept in drafter.user_cache's folder (the user's own, mode 0700; a folder open to others is
not used). A file that is missing, damaged or unreadable is made again; a write that fails is left.
Only parsing is kept, never a finding: every check runs on every spec, every time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_MAGIC = b"drafter-parse-1\n"
MAX_FILES = 4000  # beyond this, the oldest half is removed when a new file is written
writes = True  # a batch worker turns writing off: its own process keeps what it parses (lru caches)


@lru_cache(maxsize=1)
def _base() -> tuple[Path, bytes] | None:
    """The folder and what every kept file is also named by, once per process (None: keep nothing):
    drafter's package digest, Python's version and pydantic's, whose objects (a clause's front matter)
    are kept as pickles."""
    import sys

    import pydantic
    import pydantic_core

    from drafter.incremental import drafter_digest
    from drafter.user_cache import folder

    where = folder()
    if where is None:
        return None
    versions = f"{sys.version}|{pydantic.VERSION}|{pydantic_core.__version__}"
    return where / "parsed", (drafter_digest() + versions).encode("utf-8")


def kept(kind: str, data: bytes, make: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """What `make()` gives for `data` (the exact input bytes it reads), from the file kept by an earlier
    run when there is one that `valid` accepts; else made now and kept for the next run."""
    path = _path(kind, data)
    if path is not None:
        value = _read(path)
        if value is not None and valid(value):
            return value  # type: ignore[return-value]
    value = make()
    if path is not None and writes:
        _write(path, value)
    return value


def found(kind: str, data: bytes, valid: Callable[[object], bool]) -> object | None:
    """What an earlier run kept for `data` (and `valid` accepts), or None."""
    path = _path(kind, data)
    value = _read(path) if path is not None else None
    return value if value is not None and valid(value) else None


def keep(kind: str, data: bytes, value: object) -> None:
    """`value` kept for `data`, unless a file for it is there already."""
    path = _path(kind, data)
    if path is not None and writes and not path.exists():
        _write(path, value)


def _path(kind: str, data: bytes) -> Path | None:
    base = _base()
    if base is None:
        return None
    folder, digest = base
    name = hashlib.sha256(kind.encode("ascii") + b"\0" + digest + b"\0" + data).hexdigest()
    return folder / f"{kind}-{name}"


def _read(path: Path) -> object | None:
    try:
        with open(path, "rb") as f:
            stored = f.read()
    except OSError:
        return None
    head, check = stored[:len(_MAGIC)], stored[len(_MAGIC):len(_MAGIC) + 32]
    payload = stored[len(_MAGIC) + 32:]
    if head != _MAGIC or hashlib.sha256(payload).digest() != check:
        return None  # damaged, cut short, or not ours
    try:
        return pickle.loads(payload)  # noqa: S301 (a file in the user's own folder, its checksum whole)
    except Exception:  # noqa: BLE001 (what cannot be read back is made again)
        return None


def _write(path: Path, value: object) -> None:
    from drafter.user_cache import write_whole

    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 (a value pickle cannot keep is simply not kept)
        return
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return
    write_whole(path, _MAGIC + hashlib.sha256(payload).digest() + payload)
    if int.from_bytes(os.urandom(1), "big") < 4:  # about one write in 64 looks at the folder's size
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """The folder held to MAX_FILES: a batch of different specs parses texts no later run asks for."""
    try:
        with os.scandir(folder) as entries:
            files = [(entry.stat().st_mtime_ns, entry.path) for entry in entries if entry.is_file()]
        if len(files) <= MAX_FILES:
            return
        for _, name in sorted(files)[:len(files) // 2]:
            os.unlink(name)
    except OSError:
        pass
