"""The spec a renewal renews (`renews: other.yaml`), loaded once however many checks ask for it.

period-continuity and stale-year each need the renewed agreement's period, and both run again for
every amendment's state: a build of the 2026 example loaded street-minds-2023.yaml four times. Here
it is loaded once per content: the file is read each time (a read is cheap and an edit is seen), and
parsed and validated only when its bytes are new. The cache is per process and bounded, so a batch
worker keeps the last few renewed specs, never all of them. The loaded spec is shared: its readers
only read it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.spec.load import LoadedSpec, load_spec
from drafter.spec.yaml_reader import read_input

KEEP = 8  # renewed specs kept per process


def renewed_path(loaded: LoadedSpec) -> Path | None:
    """Where the spec it renews is: `renews:` is relative to the renewing spec's folder."""
    renews = loaded.spec.renews
    return loaded.path.parent / renews if renews else None


def load_renewed(loaded: LoadedSpec) -> LoadedSpec:
    """The renewed spec, loaded (a DrafterError when it cannot be read or is not a valid spec)."""
    path = renewed_path(loaded)
    if path is None:
        raise ValueError(f"{loaded.path} förnyar ingen spec")
    try:
        data = read_input(path)
    except DrafterError:
        return load_spec(path)  # the same message as before, with nothing to keep
    found = _load(str(path), data)
    if isinstance(found, DrafterError):
        raise found.with_traceback(None)
    return found


@lru_cache(maxsize=KEEP)  # by path and content; safe across the web server's threads
def _load(path: str, data: bytes) -> LoadedSpec | DrafterError:
    try:
        return load_spec(Path(path), data=data)
    except DrafterError as exc:
        return exc
