"""The folder where drafter keeps what one run can hand the next: a folder of the user's own (mode 0700)
in the temp folder, as Jinja keeps compiled templates. Whatever is kept there only saves time: a file
that cannot be read or written is computed again, and a folder that is not ours is not used."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def folder() -> Path | None:
    """`drafter-cache-<uid>` in the temp folder, made when missing; None when it cannot be made or is
    not a folder of this user's own that only they can read (a shared folder is never trusted)."""
    try:
        path = Path(tempfile.gettempdir()) / f"drafter-cache-{os.getuid()}"
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.lstat()
    except OSError:
        return None
    if not path.is_dir() or path.is_symlink() or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return path


def write_whole(path: Path, data: bytes) -> None:
    """Written to a temporary file and renamed into place: a reader never sees half a file. A write
    that fails leaves nothing behind and is not an error (the next run computes it again)."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
