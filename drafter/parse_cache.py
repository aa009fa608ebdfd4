"""Parsed forms of drafter's inputs kept between runs, as Python keeps .pyc files and Jinja compiled
templates: a clause file's front matter and body, a text's Markdown syntax tree, the fonts' character
maps. Every run parses its inputs the same way, and most of a first
`drafter check` is that parsing.

Each form is found by the sha256 of the exact bytes it was made from, so an edited clause file is
parsed again at once. The forms of one kind are kept together in one file (a pack), named by the kind,
drafter's package digest (code, templates, fonts, its version) and Python's and pydantic's versions,
so another drafter never finds an old form. Creating a file costs more than reading a large one
(about 0.4 ms of system time on ext4, against the hundred forms a first check parses), so a run reads
each pack once, at its first use, and writes it once, when it exits, only if it parsed something new.
The packs are kept in drafter.user_cache's folder (the user's own, mode 0700; a folder open to others
is not used). A pack that is missing, damaged or unreadable is made again; a write that fails is left.
Only parsing is kept, never a finding: every check runs on every spec, every time.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_MAGIC = b"drafter-parse-3\n"
LIMITS = {"markdown": 400}  # forms kept per pack (the rendered texts of many specs); others DEFAULT_LIMIT
DEFAULT_LIMIT = 2000
MAX_FILES = 200  # packs of other drafters and versions: beyond this, the oldest half is removed
writes = True  # a batch worker turns writing off: its own process keeps what it parses (lru caches)


@lru_cache(maxsize=1)
def _base() -> tuple[Path, bytes] | None:
    """The folder and what every pack is also named by, once per process (None: keep nothing):
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
    """What `make()` gives for `data` (the exact input bytes it reads), from the form an earlier run
    kept when there is one that `valid` accepts; else made now and kept for the next run."""
    pack = _pack(kind)
    if pack is None:
        return make()
    key = hashlib.sha256(data).digest()
    value = pack.get(key)
    if value is not None and valid(value):
        return value  # type: ignore[return-value]
    value = make()
    pack.put(key, value)
    return value


def found(kind: str, data: bytes, valid: Callable[[object], bool]) -> object | None:
    """What an earlier run kept for `data` (and `valid` accepts), or None."""
    pack = _pack(kind)
    value = pack.get(hashlib.sha256(data).digest()) if pack is not None else None
    return value if value is not None and valid(value) else None


def keep(kind: str, data: bytes, value: object) -> None:
    """`value` kept for `data`, unless it is kept already."""
    pack = _pack(kind)
    key = hashlib.sha256(data).digest()
    if pack is not None and pack.get(key) is None:
        pack.put(key, value)


class _Pack:
    """The forms of one kind: read at first use, the new ones written back when the process exits.
    Each form is a pickle of its own in the pack, unpickled when it is asked for: a check asks for a
    tenth of the Markdown pack's 400 trees and a quarter of the clause pack, and unpickling the rest
    cost it 3–4 ms."""

    def __init__(self, path: Path, limit: int):
        self.path, self.limit = path, limit
        self.lock = threading.Lock()  # `drafter serve` checks in several threads
        self.forms: dict[bytes, bytes] | None = None  # pickled, as read
        self.made: dict[bytes, object] = {}  # unpickled, as asked for
        self.new: dict[bytes, object] = {}

    def get(self, key: bytes) -> object | None:
        with self.lock:
            if self.forms is None:
                self.forms = _read(self.path)
            if key in self.made:
                return self.made[key]
            stored = self.forms.get(key)
            if stored is None:
                return self.new.get(key)
            try:
                found = pickle.loads(stored)  # noqa: S301 (a file in the user's own folder, its checksum whole)
            except Exception:  # noqa: BLE001 (what cannot be read back is made again)
                found = None
            self.made[key] = found
            return found

    def put(self, key: bytes, value: object) -> None:
        """A new form, to be written at exit; none in a batch worker (`writes`), and no more than the
        pack holds in a process that runs long (`drafter serve`: every edit fills a text anew)."""
        if not writes:
            return
        with self.lock:
            if len(self.new) >= self.limit:
                return
            self.new[key] = value
        _save_at_exit()

    def save(self) -> None:
        """The pack as it is now on disk (another process may have written it since), with this
        process's new forms, the newest last; the oldest dropped beyond the limit."""
        with self.lock:
            new, self.new = self.new, {}
        if not new or not writes:
            return
        pickled = {}
        for key, value in new.items():
            try:
                pickled[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 (forms pickle cannot keep are simply not kept)
                pass
        merged = {k: v for k, v in _read(self.path).items() if k not in pickled} | pickled
        if len(merged) > self.limit:
            merged = dict(list(merged.items())[-self.limit:])
        _write(self.path, merged)


_PACKS: dict[str, _Pack | None] = {}
_PACKS_LOCK = threading.Lock()


def _pack(kind: str) -> _Pack | None:
    pack = _PACKS.get(kind, False)
    if pack is not False:
        return pack  # type: ignore[return-value]
    base = _base()
    with _PACKS_LOCK:
        if kind not in _PACKS:
            name = hashlib.sha256(kind.encode("ascii") + b"\0" + base[1]).hexdigest()[:32] if base else ""
            _PACKS[kind] = _Pack(base[0] / f"{kind}-{name}.pack", LIMITS.get(kind, DEFAULT_LIMIT)) if base else None
        return _PACKS[kind]


@lru_cache(maxsize=1)
def _save_at_exit() -> None:
    atexit.register(save)


def save() -> None:
    """Every pack with new forms written (at exit; tests call it to look at what is kept)."""
    for pack in list(_PACKS.values()):
        if pack is not None:
            try:
                pack.save()
            except Exception:  # noqa: BLE001 (keeping is only for speed: never an error at exit)
                pass


def _read(path: Path) -> dict[bytes, bytes]:
    """The pack's forms by key, each still pickled; {} for a pack that is missing, damaged or not ours."""
    try:
        with open(path, "rb") as f:
            stored = f.read()
    except OSError:
        return {}
    head, check = stored[:len(_MAGIC)], stored[len(_MAGIC):len(_MAGIC) + 32]
    payload = stored[len(_MAGIC) + 32:]
    if head != _MAGIC or hashlib.sha256(payload).digest() != check:
        return {}  # damaged, cut short, or not ours
    try:
        forms = pickle.loads(payload)  # noqa: S301 (a file in the user's own folder, its checksum whole)
    except Exception:  # noqa: BLE001 (what cannot be read back is made again)
        return {}
    if not isinstance(forms, dict) or not all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in forms.items()):
        return {}
    return forms


def _write(path: Path, forms: dict[bytes, bytes]) -> None:
    from drafter.user_cache import write_whole

    payload = pickle.dumps(forms, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return
    write_whole(path, _MAGIC + hashlib.sha256(payload).digest() + payload)
    if int.from_bytes(os.urandom(1), "big") < 16:  # about one write in 16 looks at the folder's size
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """The folder held to MAX_FILES: each new drafter (every edit of its code) names new packs."""
    try:
        with os.scandir(folder) as entries:
            files = [(entry.stat().st_mtime_ns, entry.path) for entry in entries if entry.is_file()]
        if len(files) <= MAX_FILES:
            return
        for _, name in sorted(files)[:len(files) // 2]:
            os.unlink(name)
    except OSError:
        pass
