"""Writing into output/: atomically, under a lock, manifest last, no stale files left behind.

A document an official may send for signature must never be half-written or
left over from an earlier build.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, Where

MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def locked(folder: Path):
    """Hold an exclusive lock on the folder while a build writes into it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / ".lock", "w")
    except OSError as exc:
        raise DrafterError(f"Mappen kan inte skapas eller skrivas ({exc.strerror}).", Where(str(folder))) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def publish(folder: Path, files: dict[str, bytes], manifest: dict) -> Path:
    """Write `files` (name → bytes) and then the manifest; remove files an earlier build listed."""
    with locked(folder):
        previous = read_manifest(folder) or {}
        for name, data in files.items():
            write_atomic(folder / name, data)
        path = folder / MANIFEST
        write_atomic(path, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        for old in _listed_files(previous) - set(files):
            with contextlib.suppress(FileNotFoundError):
                (folder / old).unlink()
    return path


def _listed_files(manifest: dict) -> set[str]:
    names = set()
    for doc in manifest.get("documents", []):
        for name in doc.get("files", {}).values():
            if isinstance(name, str) and "/" not in name and not name.startswith("."):
                names.add(name)
    return names
