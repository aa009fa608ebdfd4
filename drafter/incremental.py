"""Incremental builds: the hash of everything a spec's documents are made from (`inputs_sha256`).

`drafter build` records it in manifest.json; the next build of the same spec with the same options
compares it with a fresh hash of the inputs and, when they agree, does nothing ("oförändrad").

The inputs of one spec:

- the spec file's bytes, and those of the spec it renews (`renews:`, relative to the spec file);
- for every clause id the documents used: the names and bytes of *all* its version files, since
  which version a plain `id` resolves to depends on the other versions' status, and a new `v3.md`
  must trigger a rebuild; and the library's `approvals.lock` (the checks compare with it);
- the library's standard outlines (`outlines/NAME/vN.yaml`, names and bytes), and which version of
  each the documents were built from: a spec's `outline: {standard: …}` and the tjänsteutlåtande's
  sections come from them;
- drafter itself: its version and every file of the installed package (code, DOCX template, Typst
  template, bundled fonts; not the command-line code, which writes nothing), so an edited template
  or an upgraded drafter rebuilds;
- the build options that change the output: the formats and the PDF engine.

Deliberately light: only the standard library and PyYAML's C loader, so that a rebuild with nothing
to do never imports pydantic, python-docx, docxtpl, typst or pypdf.
"""

from __future__ import annotations

import hashlib
import os
import stat
from functools import lru_cache
from pathlib import Path

import drafter
from drafter.locations import library_root
from drafter.spec.refs import CLAUSE_ID, OUTLINE_FILE, VERSION_FILE

PACKAGE = Path(drafter.__file__).resolve().parent


__all__ = ["library_root", "inputs_sha256", "up_to_date", "drafter_digest", "renewed_spec"]


class _Hasher:
    """sha256 over length-prefixed records, so that no two different input sets run together."""

    def __init__(self):
        self._h = hashlib.sha256()

    def add(self, label: str, data: bytes | str | None) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        tag = label.encode("utf-8")
        self._h.update(len(tag).to_bytes(4, "big") + tag)
        if data is None:
            self._h.update(b"\xff" * 8)  # absent, distinct from empty
        else:
            self._h.update(len(data).to_bytes(8, "big") + data)

    def hexdigest(self) -> str:
        return self._h.hexdigest()


_MAX_INPUT = 64_000_000


def _read(path: Path) -> bytes | None:
    """A regular file's bytes; None for anything else (a FIFO would hang, /dev/zero never end)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_INPUT:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(_MAX_INPUT + 1)
        return data if len(data) <= _MAX_INPUT else None
    except OSError:
        return None
    finally:
        os.close(fd)


# The part of the package that never changes what a build writes: the commands' option parsing.
# (drafter/diff does: `drafter build --redline` writes tracked changes with it.)
_NOT_BUILD_INPUTS = ("cli", "web")  # the command line and the web page never change a document


@lru_cache(maxsize=1)
def drafter_digest() -> str:
    """drafter's version and the bytes of every file in the package that builds take part in (once per
    process; between processes see package_digest)."""
    from drafter import user_cache

    return package_digest(PACKAGE, user_cache.folder())


def package_digest(package: Path, cache: Path | None) -> str:
    """The digest of the package's files (4 MB, fonts included: ~15 ms, a fifth of a rebuild with nothing
    to do), kept in the user's cache folder and used again while no file's size, modification time,
    change time, inode or device has changed, and no file has come or gone. The change time (ctime)
    moves with every write and every `utime`, and nothing sets it back: a template rewritten in place
    to the same size with its modification time restored (`cp -p`, `rsync -t --inplace`) is read
    again, though its .py neighbours would pass Python's own .pyc rule. Each file's
    stamp is taken before its bytes are read: an edit during the reading changes the stamp, and the
    next run reads again."""
    from drafter.user_cache import write_whole

    try:
        stamps = _package_stamps(package)
        key = hashlib.sha256(repr([drafter.__version__, str(package)] + [
            (name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
            for name, _, info in stamps]).encode()).hexdigest()
    except OSError:
        stamps, key = None, None
    where = hashlib.sha256(str(package).encode()).hexdigest()[:16]  # one file per installed copy
    stored = cache / f"package-{where}.sha256" if cache is not None and key else None
    if stored is not None:
        try:
            found_key, digest = stored.read_text(encoding="ascii").split()
            if found_key == key and len(digest) == 64:
                return digest
        except (OSError, ValueError, UnicodeDecodeError):
            pass
    h = _Hasher()
    h.add("version", drafter.__version__)
    for path in _package_files(package) if stamps is None else [Path(p) for _, p, _ in stamps]:
        h.add(path.relative_to(package).as_posix(), _read(path))
    digest = h.hexdigest()
    if stored is not None:
        write_whole(stored, f"{key} {digest}\n".encode("ascii"))
    return digest


def _package_stamps(package: Path) -> list[tuple[str, str, os.stat_result]]:
    """(name in the package, path, stat) of every file _package_files lists, in its order: by os.scandir,
    a tenth of pathlib's cost (a `check` asks for the digest to name what it keeps, parse_cache)."""
    found: list[tuple[tuple[str, ...], str, os.stat_result]] = []

    def walk(folder: str, parts: tuple[str, ...]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") and not entry.is_dir(follow_symlinks=False):
                    continue
                here = (*parts, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__" and not (not parts and entry.name in _NOT_BUILD_INPUTS):
                        walk(entry.path, here)
                elif entry.is_file():
                    found.append((here, entry.path, entry.stat()))

    walk(str(package), ())
    found.sort(key=lambda item: item[0])
    return [("/".join(parts), path, info) for parts, path, info in found]


def _package_files(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and not p.name.startswith(".") and p.relative_to(package).parts[0] not in _NOT_BUILD_INPUTS)


def renewed_spec(spec_path: Path, spec_bytes: bytes) -> Path | None:
    """The path in the spec's `renews:` field, read without validating the spec (None when absent)."""
    renews = _renews(spec_bytes)
    return spec_path.parent / renews if renews else None


@lru_cache(maxsize=16)
def _renews(spec_bytes: bytes) -> str | None:
    """The `renews:` text of a spec's bytes: a build asks twice (read_ahead, then inputs_sha256), and
    parsing the whole file is most of what either costs."""
    import yaml

    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar a string: no dates to get wrong
    try:
        data = yaml.load(spec_bytes, Loader=loader)  # noqa: S506 (the base loader builds no objects)
    except Exception:  # unreadable YAML: the build reports it properly
        return None
    renews = data.get("renews") if isinstance(data, dict) else None
    return renews if isinstance(renews, str) and renews else None


def _house_style_files(clause_root: Path) -> list[tuple[str, bytes | None]]:
    path = clause_root / "husstil.yaml"
    data = _read(path)
    files = [("husstil.yaml", data)]
    if data:
        import yaml

        try:
            logo = (yaml.safe_load(data) or {}).get("logotyp")
        except yaml.YAMLError:
            logo = None
        if isinstance(logo, str) and logo:
            files.append(("husstil.logotyp", _read(clause_root / logo)))
    return files


def read_ahead(spec_path: Path, clause_root: Path, spec_bytes: bytes) -> dict:
    """A cache for inputs_sha256 holding the inputs a build reads separately (the renewed spec, the
    approvals lock, the standard outlines), read *before* the build reads them: an edit made during the build then leaves a
    recorded hash older than the output, and the next build rebuilds. (Clause files are hashed from the
    bytes the library read: ClauseLibrary.digest.)"""
    cache: dict = {}
    renews = renewed_spec(Path(spec_path), spec_bytes)
    if renews is not None:
        cache[("renews", renews)] = _read(renews)
    lock = Path(clause_root) / "approvals.lock"
    cache[lock] = _read(lock)
    cache[("outlines", clause_root)] = _outlines_digest(Path(clause_root) / "outlines")
    return cache


def inputs_sha256(spec_path: Path, clause_root: Path, clause_ids, formats, pdf_engine: str,
                  spec_bytes: bytes | None = None, cache: dict | None = None, outlines_used: object = None) -> str | None:
    """The input hash of one spec, or None when it cannot be computed (a file is unreadable, a clause
    id is not a plain id): then the spec is built. `cache` (a dict the caller keeps for one batch)
    saves reading the same clause folders again for every spec. `outlines_used`: {standard outline: version}
    the documents were built from (the manifest's `outlines`), hashed when there are any."""
    cache = {} if cache is None else cache
    spec_path = Path(spec_path)
    spec_bytes = _read(spec_path) if spec_bytes is None else spec_bytes
    if spec_bytes is None:
        return None
    h = _Hasher()
    h.add("drafter", drafter_digest())
    h.add("formats", ",".join(sorted(set(formats))))
    h.add("pdf-engine", pdf_engine)
    h.add("spec", spec_bytes)
    renews = renewed_spec(spec_path, spec_bytes)
    if renews is not None and ("renews", renews) not in cache:
        cache[("renews", renews)] = _read(renews)
    h.add("renews", None if renews is None else (cache[("renews", renews)] or b"\x00unreadable"))
    agreement_lock = spec_path.with_suffix(".lock")  # drafter lock: the versions a signed document is built from
    if agreement_lock.exists():  # added only when there is one, so an unlocked spec's hash is as before
        h.add("agreement.lock", _read(agreement_lock) or b"\x00unreadable")
    lock = clause_root / "approvals.lock"
    if lock not in cache:
        cache[lock] = _read(lock)
    h.add("approvals.lock", cache[lock])
    for name, data in _house_style_files(clause_root):  # husstil.yaml and its logo: every page shows them
        h.add(name, data)
    outlines = ("outlines", clause_root)
    if outlines not in cache:
        cache[outlines] = _outlines_digest(clause_root / "outlines")
    h.add("outlines", cache[outlines])
    used = _outline_versions(outlines_used)
    if used is None:
        return None
    if used:  # only for a spec with a standard outline, so the examples' hash is as before
        h.add("outline-versions", used)
    for clause_id in sorted(set(clause_ids)):
        if not isinstance(clause_id, str) or not CLAUSE_ID.match(clause_id):
            return None
        key = (clause_root, clause_id)
        if key not in cache:
            cache[key] = _clause_digest(clause_root / clause_id)
        if cache[key] is None:
            return None
        h.add(clause_id, cache[key])
    return h.hexdigest()


def _outline_versions(used: object) -> str | None:
    """"name@version, …" of the standard outlines used; "" for none; None for a record that is no such map."""
    if used is None:
        return ""
    if not isinstance(used, dict) or not all(isinstance(k, str) and isinstance(v, int) for k, v in used.items()):
        return None
    return ",".join(f"{name}@{used[name]}" for name in sorted(used))


def _outlines_digest(folder: Path) -> str:
    """The names and bytes of every standard outline's every version (none when the library has no
    outlines folder): a new version changes which one a draft takes."""
    h = _Hasher()
    for name in _outline_files(folder):
        h.add(name, _read(folder / name) or b"\x00unreadable")
    return h.hexdigest()


def _outline_files(folder: Path) -> list[str]:
    """Every outline file under `folder`, relative and sorted: "NAME/v2.yaml", and an old library's "NAME.yaml"."""
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return []
    out = []
    for entry in entries:
        if entry.endswith(".yaml"):
            out.append(entry)
            continue
        try:
            out += [f"{entry}/{n}" for n in sorted(os.listdir(folder / entry)) if OUTLINE_FILE.match(n)]
        except OSError:  # not a folder
            continue
    return out


def _clause_digest(folder: Path) -> str | None:
    """The names and bytes of every version file of one clause."""
    try:
        names = sorted(n for n in os.listdir(folder) if VERSION_FILE.match(n))
    except OSError:
        return None
    files = {}
    for name in names:
        data = _read(folder / name)
        if data is None:
            return None
        files[name] = data
    return clause_digest_of(files)


def clause_digest_of(files: dict[str, bytes]) -> str:
    """The digest of one clause's version files (name → bytes)."""
    h = _Hasher()
    for name in sorted(files):
        h.add(name, files[name])
    return h.hexdigest()


def up_to_date(manifest: dict | None, folder: Path, spec_path: Path, clause_root: Path, formats,
               pdf_engine: str, cache: dict | None = None) -> bool:
    """Whether the build recorded in `manifest` (read from `folder`) was made from the same inputs as a
    build now would be, and every file it lists is still there with the sha256 it recorded."""
    if not isinstance(manifest, dict) or not isinstance(manifest.get("inputs_sha256"), str):
        return False
    clauses = manifest.get("clauses")
    if not isinstance(clauses, list) or not all(isinstance(c, dict) for c in clauses):
        return False
    documents = manifest.get("documents")
    if not isinstance(documents, list):
        return False
    for doc in documents:
        files = doc.get("files") if isinstance(doc, dict) else None
        sums = doc.get("sha256") if isinstance(doc, dict) else None
        if not isinstance(files, dict) or not isinstance(sums, dict):
            return False
        for fmt, name in files.items():
            if not isinstance(name, str) or "/" in name or not _same_bytes(folder / name, sums.get(fmt)):
                return False
    digest = inputs_sha256(spec_path, clause_root, [c.get("id") for c in clauses], formats, pdf_engine,
                           cache=cache, outlines_used=manifest.get("outlines"))
    return digest is not None and digest == manifest["inputs_sha256"]


def _same_bytes(path: Path, expected) -> bool:
    """Whether `path` is a regular file whose sha256 is `expected` (an edited or replaced output rebuilds)."""
    if not isinstance(expected, str) or path.is_symlink() or not path.is_file():
        return False
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return False
    return h.hexdigest() == expected
