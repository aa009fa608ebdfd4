"""Writing into output/: a spec's folder switches from the old build to the new one in one step.

A document an official may send for signature must never be half-written, mixed with an earlier
build's, or left over from one. So a build writes all of a spec's files (manifest last) into a
staging folder beside the target, `output/.<spec>.staging-XXXXXXXX`, and then exchanges it with
`output/<spec>` in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`); the old folder, now under
the staging name, is removed. A reader sees the old folder or the new one, never a mix. Where the
file system cannot exchange (not Linux), the old folder is first renamed aside
(`.<spec>.previous-XXXXXXXX`) and the new one renamed into place: for an instant there is no
folder, but never a mixed one. Whatever a crash leaves (a staging folder, a folder renamed aside)
is cleaned up, or put back, by the next build of the spec.

The switches of builds into one output folder are serialised by a lock on that folder itself (flock on
the directory, opened read-only): there is no lock file a planted symbolic link could turn into a way
to truncate another file. Nothing inside a spec's folder is ever opened for writing:
files are created new, exclusively, in the staging folder.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, Where

MANIFEST = "manifest.json"
_LEFTOVER = r"\.{stem}\.(staging|previous)-[0-9a-f]{{8}}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def spec_folder(out_dir: Path, spec: Path | str) -> Path:
    """`out_dir/<stem of spec>`; a name that would leave `out_dir` or hide in it (`...yaml` has the
    stem `..`) is refused."""
    stem = Path(spec).stem
    if not stem or stem.startswith(".") or "/" in stem or "\\" in stem:
        raise DrafterError(f"Specens filnamn ger mappnamnet '{stem}', som inte kan användas under {out_dir}.",
                           Where(str(spec)), "Ge specen ett filnamn som börjar med en bokstav eller siffra, "
                                             "t.ex. avtal-2026.yaml.")
    return Path(out_dir) / stem


def environment_error(exc: OSError, path: Path | str | None = None, action: str = "skriva") -> DrafterError:
    """An OSError (disk full, no permission, read-only disk) as a Swedish message naming the path."""
    name = str(path or exc.filename or "")
    reasons = {errno.ENOSPC: "disken är full", errno.EDQUOT: "diskkvoten är slut",
               errno.EACCES: "behörighet saknas", errno.EPERM: "behörighet saknas",
               errno.EROFS: "disken är skrivskyddad", errno.EFBIG: "filen blir för stor",
               errno.ELOOP: "sökvägen är en symbolisk länk", errno.ENOENT: "mappen finns inte"}
    fallback = exc.strerror or type(exc).__name__
    reason = reasons.get(exc.errno, fallback) if exc.errno is not None else fallback
    return DrafterError(f"Kan inte {action} här: {reason}.", Where(name) if name else None,
                        "Frigör utrymme eller välj en mapp du kan skriva i, och försök igen; "
                        "det som fanns sedan tidigare är orört.")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place (one file)."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise environment_error(exc, path) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise environment_error(exc, path) from None
        raise


def _write_new(path: Path, data: bytes) -> None:
    """A new file in a staging folder: created exclusively (never through a link), synced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(path: Path):
    """Hold an exclusive lock on a folder: the folder itself, opened read-only, so there is no lock file
    a planted link could redirect (a folder the user gives as a link, `-o /mnt/delad`, is followed:
    opening a folder to lock it writes nothing)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno in (errno.ENOTDIR, errno.EEXIST):
            raise DrafterError("Här ska stå en mapp, inte en fil.", Where(str(path)),
                               "Ta bort filen eller välj en annan mapp, och försök igen.") from None
        raise environment_error(exc, path) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def publish(folder: Path, files: dict[str, bytes], manifest: dict) -> Path:
    """Make `folder` hold exactly `files` (name → bytes) and the manifest, in one atomic switch.
    Files an earlier build did not write (a user's own notes) are carried over."""
    folder = Path(folder)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise environment_error(exc, parent) from None
    with locked(parent):  # the output folder: one spec's switch at a time (rendering is done by now)
        if os.path.islink(folder) or (os.path.lexists(folder) and not folder.is_dir()):
            raise DrafterError("Utdatamappen är en symbolisk länk eller en fil; drafter skriver inte genom den.",
                               Where(str(folder)), "Ta bort den, eller bygg till en annan mapp med -o.")
        clean_leftovers(folder)
        with _staged(folder) as staging:
            _carry_over(folder, staging, read_manifest(folder) or {})
            for name, data in files.items():
                _write_new(staging / name, data)
            _write_new(staging / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode())
    return folder / MANIFEST


@contextlib.contextmanager
def _staged(folder: Path):
    """A new folder beside `folder` for the block to fill; then switched in for `folder` in one atomic
    step, the old contents removed. On any failure the staging folder goes and `folder` is untouched."""
    staging = folder.parent / f".{folder.name}.staging-{secrets.token_hex(4)}"
    try:
        os.mkdir(staging, 0o777)
        yield staging
        _sync_dir(staging)
        _switch(staging, folder)
    except OSError as exc:
        _remove(staging)
        raise environment_error(exc, folder) from None
    except BaseException:
        _remove(staging)
        raise
    _remove(staging)  # the old contents, now under the staging name
    _sync_dir(folder.parent)


def replace_tree(folder: Path, files: dict[Path, bytes]) -> None:
    """Make `folder` hold exactly `files` (paths relative to it → bytes), switched in whole as publish
    does: a failure on the way leaves the old folder as it was (`drafter import --force`)."""
    folder = Path(folder)
    with locked(folder.parent):
        if os.path.islink(folder) or (os.path.lexists(folder) and not folder.is_dir()):
            raise DrafterError("Här ska stå en mapp, inte en symbolisk länk eller en fil.", Where(str(folder)),
                               "Ta bort den och försök igen.")
        clean_leftovers(folder)
        with _staged(folder) as staging:
            for relative, data in files.items():
                target = staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_new(target, data)


def clean_leftovers(folder: Path) -> None:
    """Remove what a crashed build of this folder's spec left beside it; put back a folder that was
    renamed aside and not replaced. Call under the folder's lock."""
    pattern = re.compile(_LEFTOVER.format(stem=re.escape(folder.name)))
    try:
        names = sorted(n for n in os.listdir(folder.parent) if pattern.fullmatch(n))
    except OSError:
        return
    for name in names:
        path = folder.parent / name
        if ".previous-" in name and not os.path.lexists(folder) and path.is_dir() and not path.is_symlink():
            _rename(path, folder)
        else:
            _remove(path)


def _carry_over(folder: Path, staging: Path, previous: dict) -> None:
    """Hard-link (or copy) into the staging folder what the user put in the output folder themselves."""
    if not folder.is_dir():
        return
    drafters = _listed_files(previous) | {MANIFEST}
    for entry in os.scandir(folder):
        if entry.name.startswith(".") or entry.name in drafters:
            continue
        target = staging / entry.name
        if entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, target, symlinks=True)
        elif entry.is_symlink():
            os.symlink(os.readlink(entry.path), target)
        elif entry.is_file(follow_symlinks=False):
            try:
                os.link(entry.path, target)
            except OSError:
                shutil.copy2(entry.path, target)


_RENAME_EXCHANGE = 2


@functools.lru_cache(maxsize=1)
def _renameat2():
    """libc's renameat2, looked up at the first publish: `check` reads a manifest through this module and
    needs neither ctypes (1.2 ms to import) nor libc's symbol."""
    import ctypes

    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return func


_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the system cannot (then nothing happened)."""
    rename = _renameat2()
    if rename is None:
        return False
    if rename(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    import ctypes

    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _rename(a: Path, b: Path) -> None:
    os.rename(a, b)


def _switch(staging: Path, folder: Path) -> None:
    """Put the staging folder at `folder`; the old folder ends up at the staging name."""
    if not os.path.lexists(folder):
        _rename(staging, folder)
        return
    if _exchange(staging, folder):
        return
    aside = folder.parent / f".{folder.name}.previous-{secrets.token_hex(4)}"
    _rename(folder, aside)
    try:
        _rename(staging, folder)
    except OSError:
        _rename(aside, folder)  # put the old build back (else the next build does)
        raise
    with contextlib.suppress(OSError):  # the switch is made; what is left aside the next build removes
        _rename(aside, staging)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if os.path.islink(path) or not os.path.isdir(path):
            os.unlink(path)
        else:
            shutil.rmtree(path)


def _sync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _listed_files(manifest: dict) -> set[str]:
    names = set()
    for doc in manifest.get("documents", []) if isinstance(manifest, dict) else []:
        for name in (doc.get("files", {}) if isinstance(doc, dict) else {}).values():
            if isinstance(name, str) and "/" not in name and not name.startswith("."):
                names.add(name)
    return names
