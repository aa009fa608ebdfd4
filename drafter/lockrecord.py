"""What a lock records of a document besides its files' hashes: the letterhead as built, and each spec value
the document is made of (its field path, the value or a hash); and a changed value named with its line and old →
new. The lock writes these (lockfile.py); the checks of a locked document read them (lockdetail.py,
lockprinted.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec

SHOWN = 5  # sections or fields named in one finding; the rest are counted


def short_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]  # enough to tell a change, short in the lock


def letterhead_record(doc: "Document") -> dict | None:
    """The letterhead of a document as built now, as the lock records it; None: the document has none."""
    head, house = doc.meta.letterhead, doc.meta.house
    if head is None:
        return None
    logo = ""
    if house is not None and house.logo and Path(house.logo).is_file():
        logo = hashlib.sha256(Path(house.logo).read_bytes()).hexdigest()
    return {"avsandare": list(head.sender), "adress": list(house.address) if house else [],
            "dokumenttyp": head.document_type, "uppgifter": [[k, v] for k, v in head.references],
            "mottagare": head.recipient, "logotyp_sha256": logo}


def value_record(loaded: "LoadedSpec", name: str) -> dict:
    """Each spec value a document is made of, by its field path: everything but the spec's own bookkeeping
    (acknowledge), the proposal's fields outside the tjänsteutlåtande, and tillägg after the locked one.
    A number, date or short text as it is (so `lock-text` can say 57000 → 67000), a longer text hashed."""
    data = dict(loaded.data)
    data.pop("acknowledge", None)
    if not name.startswith("tjansteutlatande"):  # a tillägg's tjänsteutlåtande takes officials from it too
        data.pop("proposal", None)
    amendments = data.pop("amendments", None)
    if name.startswith(("tillagg-", "tjansteutlatande-tillagg-")) and isinstance(amendments, list):
        number = name.rsplit("-", 1)[1]
        data["amendments"] = amendments[:int(number)] if number.isdigit() else amendments
        if name.startswith("tillagg-"):  # the tillägg's own tjänsteutlåtande is not part of it
            data["amendments"] = [{k: v for k, v in a.items() if k != "proposal"} if isinstance(a, dict) else a
                                  for a in data["amendments"]]
    out: dict = {}
    _flatten(data, (), out)
    return out


SHORT = 60  # a text up to this long is recorded as it is; a longer one by its hash
HASHED = "sha256:"


def _flatten(value, path: tuple, out: dict) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, (*path, str(key)), out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _flatten(item, (*path, i), out)
    else:
        key = ".".join(str(p) for p in path)
        if value is None or isinstance(value, (bool, int, float, dt.date)):
            out[key] = value
        elif isinstance(value, str) and len(value) <= SHORT and "\n" not in value and not value.startswith(HASHED):
            out[key] = value
        else:
            out[key] = HASHED + short_digest(value.isoformat() if isinstance(value, dt.datetime) else str(value))


def shown_value(value) -> str | None:
    """A recorded value as the message shows it; None for a hashed text."""
    if isinstance(value, str) and value.startswith(HASHED):
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def listed(items: list[str]) -> str:
    if len(items) <= SHOWN:
        return ", ".join(items)
    return ", ".join(items[:SHOWN]) + f" och {len(items) - SHOWN} till"


def named_changes(entry: dict, loaded: "LoadedSpec", name: str, paths: list[str],
                  now: dict | None = None) -> tuple[str, str, int] | None:
    """`paths` (changed spec values) each with its line and old → new value, the place of the first, how many."""
    recorded = entry.get("uppgifter")
    if not isinstance(recorded, dict) or not paths:
        return None
    now = value_record(loaded, name) if now is None else now
    named, first = [], None
    for path in paths:
        old, new = shown_value(recorded.get(path)), shown_value(now.get(path))
        keys = [int(p) if p.isdigit() else p for p in path.split(".")]
        w = loaded.where(*(keys if path in now else keys[:-1]))  # removed: the nearest field still written
        first = first or (f"{w.file}:{w.line}" if w.line else w.file)
        line = f"rad {w.line}, " if w.line and path in now else ""
        what = (f"{old} → {new}" if path in recorded and path in now else f"borttaget, var {old}" if path in recorded
                else f"ny: {new}")
        named.append(f"{path} ({line}{what})")
    return listed(named), first or loaded.path.as_posix(), len(named)
