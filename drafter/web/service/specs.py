"""The specs of the project as the editor and the overview see them: their text, what drafter says of a
text not yet saved (findings, documents, input errors, each placed in the spec), and saving it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError
from drafter.web.service.builds import last_build
from drafter.web.service.project import NAME, Project

if TYPE_CHECKING:
    from drafter.spec.model import Spec


def spec_names(project: Project) -> list[str]:
    if not project.agreements.is_dir():
        return []
    return sorted(p.stem for p in project.agreements.glob("*.yaml") if NAME.fullmatch(p.stem) and not p.name.startswith("."))


def read_spec_text(project: Project, name: str) -> str:
    from drafter.spec.yaml_write import read_text

    return read_text(project.existing_spec(name))


@dataclass
class Inspection:
    """What drafter says about one spec text: findings, documents, or the input errors that stop it."""

    name: str
    text: str
    findings: list = field(default_factory=list)  # drafter.checks.Finding
    errors: list[DrafterError] = field(default_factory=list)  # bad input: the spec does not load
    documents: list = field(default_factory=list)
    positions: dict = field(default_factory=dict)  # field path → (line, column) in `text`
    spec: "Spec | None" = None

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(f.severity == "error" for f in self.findings)

    @property
    def warning_count(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def inspect_text(project: Project, name: str, text: str) -> Inspection:
    """Load, assemble and check a spec text as if it were agreements/NAME.yaml (which is not written).

    The text goes to a hidden temporary file beside the spec, so `renews:` and the clause library
    resolve as they will for the saved file; the file is removed before this returns. The saved spec's
    lock (agreements/NAME.lock) holds the copy: its clause versions, letterhead and text, as `check` does."""
    from drafter.clauses.outline_versions import record_built
    from drafter.pipeline import prepare
    from drafter.spec.load import SpecErrors, load_spec
    from drafter.web.stand_ins import with_placeholders_shown

    real = project.spec_path(name)
    result = Inspection(name, text)
    project.agreements.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.utkast-", suffix=".yaml", dir=project.agreements)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
        try:
            loaded = load_spec(Path(tmp))
            result.positions, result.spec = loaded.positions, loaded.spec
            loaded.records = record_built(real, project.output)  # its last build: as `build` takes an outline
            prepared = prepare(loaded, project.library(), lock_of=real)
            result.findings = prepared.findings  # the preview shows a placeholder, never its stand-in:
            result.documents = with_placeholders_shown(prepared.documents, loaded)
        except SpecErrors as exc:
            result.errors = list(exc.errors)
            result.documents = _without_new_amendments(project, real, text, result.errors)
        except DrafterError as exc:
            result.errors = [exc]
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    shown = project.shown(real)
    for f in result.findings:  # the temporary name never shows: the user reads the spec's own name
        f.where = f.where.replace(tmp, shown).replace(f"{project.root}/", "")  # and the lock's, as the project shows it
        f.message = f.message.replace(tmp, shown).replace(f"{project.root}/", "")
    for e in result.errors:
        e.message = e.message.replace(tmp, shown)
        if e.where:
            e.where.file = shown if e.where.file == tmp else project.shown(e.where.file)
    return result


def _without_new_amendments(project: Project, real: Path, text: str, errors: list) -> list:
    """The documents, for the preview only, when every input error is in a tillägg still being filled in
    (trial 13: "Lägg till" under Tillägg blanked the preview until every field of the new one was written).
    The spec read without those tillägg; the errors stay the page's, nothing is saved. [] otherwise."""
    import re

    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec
    from drafter.spec.yaml_write import dump_rt, load_rt
    from drafter.web.stand_ins import with_placeholders_shown

    fields = [e.where.field if e.where else None for e in errors]
    spots = [re.match(r"amendments\.(\d+)(\.|$)", f or "") for f in fields]
    if not errors or not all(spots):
        return []
    try:
        data = load_rt(text)
        amendments = data["amendments"]
        for index in sorted({int(m.group(1)) for m in spots if m}, reverse=True):
            del amendments[index]
        if not amendments:
            del data["amendments"]
        fd, tmp = tempfile.mkstemp(prefix=f".{real.stem}.utkast-", suffix=".yaml", dir=project.agreements)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(dump_rt(data).encode("utf-8"))
            loaded = load_spec(Path(tmp))
            return with_placeholders_shown(prepare(loaded, project.library(), lock_of=real).documents, loaded)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    except (DrafterError, KeyError, IndexError, TypeError):  # the rest does not read either: no preview
        return []


def finding_line(finding, spec_file: str | None = None) -> int | None:
    """The spec line a finding names ("file:line"); None for a clause ("id@version"), and, given the spec's
    file name `spec_file`, for a line of another file (clauses/husstil.yaml, the spec it renews): line 5 of
    the house style is not the spec's line 5."""
    head, _, line = finding.where.rpartition(":")
    if spec_file is not None and Path(head).name != spec_file:
        return None
    return int(line) if head and line.isdigit() else None


def finding_clause(finding) -> str | None:
    return finding.where if "@" in finding.where and ":" not in finding.where else None


def error_field(error: DrafterError) -> tuple | None:
    """The field path of a validation error ("budget.rows.1.amount" → ("budget", "rows", 1, "amount"))."""
    if not error.where or not error.where.field:
        return None
    return tuple(int(p) if p.isdigit() else p for p in error.where.field.split("."))


def spec_schema():
    """The pydantic model `drafter schema` prints; the editor's form is built from it."""
    from drafter.spec.model import Spec

    return Spec


_normal: dict[str, str] = {}  # sha256 of a spec file → the file as the editor writes it back (one kept)


def unsaved(project: Project, name: str, draft: str) -> bool:
    """Whether the editor's draft says something the file on disk does not: compared with the file as the
    editor would write it (round-trip), so opening a file and typing nothing is never "unsaved"."""
    from drafter.spec.yaml_write import dump_rt, load_rt, text_sha256

    try:
        disk = read_spec_text(project, name)
    except DrafterError:
        return True
    if disk == draft:
        return False
    key = text_sha256(disk)
    normal = _normal.get(key)
    if normal is None:
        try:
            normal = dump_rt(load_rt(disk, f"agreements/{name}.yaml"))
        except Exception:  # a file the editor cannot read back: then only the very same text is saved
            normal = disk
        _normal.clear()
        _normal[key] = normal
    return normal != draft


def save_spec(project: Project, name: str, text: str, base_sha256: str | None) -> str:
    """Write the spec if it is unchanged on disk since `base_sha256` (drafter.spec.yaml_write)."""
    from drafter.spec.yaml_write import save_text

    return save_text(project.spec_path(name), text, base_sha256)


@dataclass
class Overview:
    name: str
    title: str
    status: str
    built: str | None
    errors: int
    warnings: int
    problem: str | None = None


def overview(project: Project) -> list[Overview]:
    rows = []
    for name in spec_names(project):
        try:
            text = read_spec_text(project, name)
        except DrafterError as exc:
            rows.append(Overview(name, name, "–", None, 1, 0, exc.message))
            continue
        result = inspect_text(project, name, text)
        spec = result.spec
        title = (spec.document.title or spec.document.subject or name) if spec else name
        status = spec.document.status if spec else "–"
        rows.append(Overview(name, title, status, last_build(project, name), result.error_count,
                             result.warning_count, result.errors[0].message if result.errors else None))
    return rows
