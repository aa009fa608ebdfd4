"""The spec a renewal renews (`renews: other.yaml`), loaded once however many checks ask for it.

period-continuity and stale-year each need the renewed agreement's period, and both run again for
every amendment's state: a build of the 2026 example loaded street-minds-2023.yaml four times. Here
it is loaded once per content: the file is read each time (a read is cheap and an edit is seen), and
parsed and validated only when its bytes are new. The cache is per process and bounded, so a batch
worker keeps the last few renewed specs, never all of them. The loaded spec is shared: its readers
only read it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from drafter.errors import DrafterError
from drafter.spec.load import LoadedSpec, load_spec
from drafter.spec.yaml_reader import read_input

KEEP = 8  # renewed specs kept per process
_LOADED: OrderedDict[tuple[str, bytes], LoadedSpec | DrafterError] = OrderedDict()
_LOCK = threading.Lock()


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
    key = (str(path), data)
    with _LOCK:  # the web server checks in several threads at once
        found = _LOADED.get(key)
        if found is not None:
            _LOADED.move_to_end(key)
    if found is None:
        try:
            found = load_spec(path, data=data)
        except DrafterError as exc:
            found = exc
        with _LOCK:
            _LOADED[key] = found
            while len(_LOADED) > KEEP:
                _LOADED.popitem(last=False)
    if isinstance(found, DrafterError):
        raise found.with_traceback(None)
    return found
