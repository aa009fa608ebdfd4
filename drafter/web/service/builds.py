"""`drafter build` from the web page, and the built files it serves: only those a manifest lists."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

from drafter.errors import DrafterError
from drafter.web.service.project import OUTPUT_FILE, NotFound, Project

_build_lock = threading.Lock()
# the infos `drafter build` says too (cli/build.SAID_INFO)
LOCK_NOTES = ("lock-layout", "lock-letterhead", "clause-version-changed", "redline-removed")


def build_spec(project: Project, name: str, notes: list | None = None) -> dict:
    """`drafter build` of the saved spec into output/NAME/; returns the manifest. `notes`, when a list, gets
    the infos the command prints too: of a locked document (a file not byte for byte the locked one, a
    letterhead kept) and of a clause resolving to another version than at the last build."""
    import json

    from drafter.build import BuildOptions, ChecksFailed, build

    path = project.existing_spec(name)
    spec_arg = Path(os.path.relpath(path, Path.cwd())) if _below(path, Path.cwd()) else path
    out = Path(os.path.relpath(project.output, Path.cwd())) if _below(project.output, Path.cwd()) else project.output
    try:
        with _build_lock:
            manifest_path = build(spec_arg, BuildOptions(out_dir=out, library=project.library()),
                                  report=lambda f: notes.append(f) if notes is not None and f.code in LOCK_NOTES else None)
    except DrafterError as exc:  # paths as the user reads them, relative to the project
        exc.message = exc.message.replace(f"{project.root}/", "")
        if exc.where:
            exc.where.file = project.shown(exc.where.file)
        if isinstance(exc, ChecksFailed):  # on the page the findings stand under Kontroller, not in a command
            exc.hint = "Rätta felen (de står under Kontroller, bredvid sina fält) och bygg igen."
        raise
    for note in notes or []:  # paths as the user reads them, relative to the project
        note.message, note.where = (t.replace(f"{project.root}/", "") for t in (note.message, note.where))
    return json.loads(Path(manifest_path).read_text(encoding="utf-8"))


def manifest(project: Project, name: str) -> dict | None:
    from drafter.output import read_manifest

    project.spec_path(name)
    return read_manifest(project.output / name)


def output_file(project: Project, name: str, file: str) -> Path:
    """A built file of NAME, only when its manifest lists it (nothing else under output/ is served)."""
    found = manifest(project, name)
    listed = {f for doc in (found or {}).get("documents", []) for f in doc.get("files", {}).values()}
    if not OUTPUT_FILE.fullmatch(file or "") or file not in listed:
        raise NotFound(f"Filen {file} finns inte bland de byggda dokumenten för {name}.")
    path = project.output / name / file
    if path.resolve().parent != (project.output / name).resolve() or not path.is_file():
        raise NotFound(f"Filen {file} finns inte bland de byggda dokumenten för {name}.")
    return path


def _below(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def last_build(project: Project, name: str) -> str | None:
    manifest = project.output / name / "manifest.json"
    if not manifest.is_file():
        return None
    when = dt.datetime.fromtimestamp(manifest.stat().st_mtime)
    return when.strftime("%Y-%m-%d %H:%M")
