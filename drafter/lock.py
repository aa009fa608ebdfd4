"""`drafter lock` as a library call: build the named documents of a signed spec and record them in its lock.

Apart from drafter/lockfile.py, which only reads and writes the record: locking builds, so it stands
above drafter/build.py, while the build (through its checks) reads the lock below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError, Where
from drafter.lockfile import lock_entry, lock_path, read_lock, write_lock
from drafter.locknames import AGREEMENT, document_name
from drafter.locknames import document_label as _label

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import LoadedSpec


def lock_spec(spec_path: Path | str, names: list[str], library: "ClauseLibrary") -> tuple[Path, dict[str, dict]]:
    """`drafter lock`: build the named documents of a spec as they read now and record them in its lock."""
    from drafter.build import BuildOptions, ChecksFailed, render_documents
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec

    spec_path = Path(spec_path)
    loaded = load_spec(spec_path)
    locked = read_lock(lock_path(spec_path))
    _may_lock(loaded, names, locked)
    prepared = prepare(loaded, library)
    if prepared.has_errors:
        raise ChecksFailed(spec_path, prepared.findings)
    documents = prepared.documents
    by_name = {document_name(d): d for d in documents}
    entries = {}
    for name in names:
        if name not in by_name:
            raise DrafterError(f"{spec_path} ger inget dokument '{name}'.", Where(str(spec_path)),
                               "Dokument som kan låsas: " + ", ".join(sorted(by_name)) + ".")
        if name in locked:
            raise DrafterError(f"{_label(name).capitalize()} i {spec_path} är redan låst.",
                               Where(str(lock_path(spec_path))),
                               "Ett undertecknat dokument låses en gång; ändringar görs genom ett tillägg.")
        doc = by_name[name]
        (rendered,) = render_documents([doc], spec_path.stem, BuildOptions(library=library))
        files = rendered.files
        entries[name] = lock_entry(doc, files, library, loaded, name)
    return write_lock(spec_path, entries), entries


def _may_lock(loaded: "LoadedSpec", names: list[str], locked: dict) -> None:
    """Only what has been signed is locked: a spec marked slutlig, and each tillägg after the one before
    it (tillägg nr 1 after the agreement), since a tillägg amends what was signed before it."""
    spec_path = loaded.path
    if loaded.spec.document.status != "slutlig":
        raise DrafterError(f"{spec_path} är ett utkast (document.status: {loaded.spec.document.status}); bara "
                           "ett undertecknat dokument låses.", loaded.where("document", "status"),
                           "Skriv status: slutlig under document: när dokumenten är fastställda och undertecknade, "
                           "och lås sedan.")
    done = set(locked)
    for name in names:
        if name.startswith("tillagg-") and name.removeprefix("tillagg-").isdigit():
            number = int(name.removeprefix("tillagg-"))
            before = f"tillagg-{number - 1}" if number > 1 else AGREEMENT
            if before not in done:
                raise DrafterError(f"{_label(name).capitalize()} i {spec_path} kan inte låsas före {_label(before)}.",
                                   Where(str(lock_path(spec_path))),
                                   f"Lås först {_label(before)}: drafter lock {spec_path} --document {before}"
                                   + f" --document {name}.")
        done.add(name)
