"""The web page's one door into drafter: every call into the library goes through this module.

The web layer never checks, assembles or writes documents itself; it asks here, and here asks the
same functions the command line uses (load_spec, pipeline.prepare, build, write_new_spec, the clause
library, approve, compare). When the pipeline moves, only this module follows it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.spec.model import Spec

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")  # a spec's file name without .yaml
CLAUSE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*){0,5}$")
OUTPUT_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.(pdf|docx)$")


class NotFound(DrafterError):
    exit_code = 2


@dataclass
class Project:
    """The folder drafter serves: agreements/, clauses/ and output/ below it, nothing else."""

    root: Path

    def __post_init__(self):
        self.root = Path(self.root).resolve()

    @property
    def agreements(self) -> Path:
        return self.root / "agreements"

    @property
    def clauses(self) -> Path:
        return self.root / "clauses"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def spec_path(self, name: str) -> Path:
        """agreements/NAME.yaml for a validated name; anything else is refused (no ../, no slashes)."""
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise NotFound(f"'{name}' är inget giltigt namn på en spec.",
                           hint="Namnet får innehålla bokstäver a–z, siffror, - och _.")
        path = self.agreements / f"{name}.yaml"
        if path.resolve().parent != self.agreements.resolve():
            raise NotFound(f"'{name}' pekar utanför agreements/.")
        return path

    def existing_spec(self, name: str) -> Path:
        path = self.spec_path(name)
        if not path.is_file():
            raise NotFound(f"Specen {name}.yaml finns inte i agreements/.")
        return path

    def library(self):
        from drafter.clauses.library import ClauseLibrary

        return ClauseLibrary(self.clauses)

    def shown(self, path: Path | str) -> str:
        """A path as the user reads it: relative to the project."""
        with contextlib.suppress(ValueError):
            return Path(path).resolve().relative_to(self.root).as_posix()
        return str(path)


def kronor(amount: int) -> str:
    """An amount as the documents write it ("1 000 000 kr")."""
    from drafter.formatting import kronor as written

    return written(amount)


# --- specs -----------------------------------------------------------------------------------------

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
    from drafter.pipeline import prepare
    from drafter.spec.load import SpecErrors, load_spec

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
            prepared = prepare(loaded, project.library(), lock_of=real)
            result.findings, result.documents = prepared.findings, prepared.documents
        except SpecErrors as exc:
            result.errors = list(exc.errors)
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


def finding_line(finding) -> int | None:
    """The spec line a finding names ("file:line"); None for a clause ("id@version")."""
    head, _, line = finding.where.rpartition(":")
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


def save_spec(project: Project, name: str, text: str, base_sha256: str | None) -> str:
    """Write the spec if it is unchanged on disk since `base_sha256` (drafter.spec.yaml_write)."""
    from drafter.spec.yaml_write import save_text

    return save_text(project.spec_path(name), text, base_sha256)


def new_spec(project: Project, name: str, proposal_kind: str | None = None, from_name: str | None = None,
             children: bool = False) -> str:
    """`drafter new NAME [--from SPEC] [--proposal KIND] [--barn]`: a fresh spec, or one on `from_name`'s
    sections; no `proposal_kind`: as the command without --proposal (facknämnd, or `from_name`'s kind)."""
    from drafter.newspec import write_new_spec

    project.spec_path(name)  # the web's own name rule first
    from_spec = project.existing_spec(from_name) if from_name else None
    if proposal_kind not in (None, "facknamnd", "stadsdelsnamnd"):
        raise NotFound("Välj en facknämnd eller en stadsdelsnämnd.")
    path = write_new_spec(name, project.agreements, project.clauses, from_spec, proposal_kind, children)
    return path.stem


class FormError(DrafterError):
    """An error in what was typed into a form, with the fields it is about: the page shows it there."""

    def __init__(self, error: DrafterError, *fields: str):
        super().__init__(error.message, error.where, error.hint)
        self.fields = fields


def renew_spec(project: Project, from_name: str, name: str, end: str = "", months: str = "") -> tuple[str, list]:
    """`drafter renew SPEC NAME (--end | --months)`, by drafter.renew as the command does: the new spec's
    name and the renewal's report (drafter.renew.Renewal.report), paths as the project shows them. An
    error in the form's input is a FormError naming the field ("from", "name", "end", "months")."""
    from drafter.newspec import check_new_name
    from drafter.renew import PeriodError, renew

    try:
        old = project.existing_spec(from_name)
    except DrafterError as exc:
        raise FormError(exc, "from") from None
    try:
        project.spec_path(name)  # the web's own name rule first
        check_new_name(name, project.agreements)
    except DrafterError as exc:
        raise FormError(exc, "name") from None
    if not end and not months:
        raise FormError(DrafterError("Ange hur länge den nya överenskommelsen ska gälla: ett slutdatum eller en längd "
                                     "i månader.", hint="Till exempel slutdatum 2031-12-31, eller 36 månader."),
                        "end", "months")
    try:
        until = dt.date.fromisoformat(end) if end else None
    except ValueError:
        raise FormError(DrafterError(f"'{end}' är inget datum.", hint="Skriv slutdatumet ÅÅÅÅ-MM-DD, t.ex. 2030-12-31."),
                        "end") from None
    if months and not (months.isdigit() and 1 <= int(months) <= 120):
        raise FormError(DrafterError(f"'{months}' är inget antal månader.", hint="Skriv ett heltal från 1 till 120."),
                        "months")
    try:
        result = renew(old, name, project.agreements, project.library(), until, int(months) if months else None)
    except PeriodError as exc:
        raise FormError(exc, *exc.fields) from None
    except FormError:
        raise
    except DrafterError as exc:  # the spec to renew cannot be read or built: said at the choice of it
        raise FormError(exc, "from") from None
    prefix = f"{project.root}/"

    def shown(text: str) -> str:
        return text.replace(prefix, "")

    report = [(shown(heading), [shown(line) for line in lines])
              for heading, lines in result.report(old.name, project.shown(result.path))]
    return result.path.stem, report


IMPORT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")
MAX_UPLOAD = 20_000_000


def import_document(project: Project, filename: str, data: bytes, name: str | None = None) -> tuple[str, list[str]]:
    """`drafter import FILE [--name NAME]` of an uploaded file: draft clauses and a spec; returns the
    spec's name and the importer's report."""
    from drafter.importer import default_name, import_file

    suffix = Path(filename or "").suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise DrafterError(f"Filen {Path(filename or '').name or '(ingen fil)'} kan inte importeras; välj en .docx, .pdf, .txt eller .md.")
    if not data:
        raise DrafterError("Filen är tom.")
    if len(data) > MAX_UPLOAD:
        raise DrafterError(f"Filen är {len(data) // 1_000_000} MB; största storlek att importera är 20 MB.")
    stem = Path(filename).stem
    name = name or default_name(Path(stem + suffix))
    project.spec_path(name)
    with tempfile.TemporaryDirectory(prefix="drafter-import-") as tmp:
        source = Path(tmp) / f"{name}{suffix}"  # never the uploaded name as a path
        source.write_bytes(data)
        try:
            result = import_file(source, name=name, clauses_dir=project.clauses, agreements_dir=project.agreements)
        except DrafterError as exc:
            exc.message = exc.message.replace(str(source), Path(filename).name).replace(f"{project.root}/", "")
            if exc.where:
                exc.where.file = Path(filename).name if exc.where.file == str(source) else project.shown(exc.where.file)
            raise
    report = [line.replace(str(project.root) + "/", "").replace(str(source), Path(filename).name) for line in result.report()]
    return result.spec_path.stem, report


# --- overview --------------------------------------------------------------------------------------

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


def last_build(project: Project, name: str) -> str | None:
    manifest = project.output / name / "manifest.json"
    if not manifest.is_file():
        return None
    when = dt.datetime.fromtimestamp(manifest.stat().st_mtime)
    return when.strftime("%Y-%m-%d %H:%M")


# --- build and download ----------------------------------------------------------------------------

_build_lock = threading.Lock()


LOCK_NOTES = ("lock-layout", "lock-letterhead", "clause-version-changed")  # the infos `drafter build` says too (cli/build.SAID_INFO)


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


# --- preview ---------------------------------------------------------------------------------------

_previews: OrderedDict[str, list[bytes]] = OrderedDict()
_previews_lock = threading.Lock()


def preview_documents(result: Inspection) -> list[tuple[str, str]]:
    """(key, label) of every document the spec gives, for the preview's chooser."""
    labels = {"agreement": "Överenskommelsen", "proposal": "Tjänsteutlåtandet", "addendum": "Tillägg",
              "consolidated": "Överenskommelsen efter tilläggen"}
    out = []
    for doc in result.documents:
        key = doc.kind + (f"-{doc.part}" if doc.part else "")
        out.append((key, labels.get(doc.kind, doc.kind) + (f" nr {doc.part}" if doc.part else "")))
    return out


def preview(result: Inspection, key: str) -> tuple[str, int, list[dict]] | None:
    """Render one document's pages (Typst → SVG, as the PDF writer lays them out, in memory only).
    Returns the pages' cache key, their count and the document's sections (number, heading, clause)."""
    doc = next((d for d in result.documents if d.kind + (f"-{d.part}" if d.part else "") == key), None)
    if doc is None:
        doc = result.documents[0] if result.documents else None
    if doc is None:
        return None
    from drafter.writers.pdf.typst_writer import _get_compiler, _lock, document_files, model_json, timestamp_for

    data = model_json(doc)
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
    with _previews_lock:
        cached = _previews.get(digest)
    if cached is None:
        try:
            with _lock:
                pages = _get_compiler().compile(input=document_files(doc, house=False), format="svg",
                                                timestamp=timestamp_for(doc))
                from drafter.worker_memory import release

                release()  # a server lives long: Typst's memo aged out every tenth preview, freed heap returned
        except Exception as exc:  # the PDF writer's own message for text the fonts lack
            raise DrafterError(f"Förhandsvisningen kunde inte skapas: {str(exc)[:200]}") from None
        cached = pages if isinstance(pages, list) else [pages]
        with _previews_lock:
            _previews[digest] = cached
            while len(_previews) > 30:
                _previews.popitem(last=False)
    sections = [{"label": s.label or s.number, "heading": s.heading, "level": s.level,
                 "clause": f"{s.clause.id}@{s.clause.version}" if s.clause else None,
                 "clause_id": s.clause.id if s.clause else None}
                for s in doc.walk_sections() if s.heading]
    return digest, len(cached), sections


def preview_page(digest: str, page: int) -> bytes:
    with _previews_lock:
        pages = _previews.get(digest)
    if pages is None or not 0 <= page < len(pages):
        raise NotFound("Förhandsvisningen finns inte längre; ändra något i formuläret för att rita den på nytt.")
    return pages[page]


def document_text(result: Inspection, key: str) -> str:
    """The previewed document as plain text (for screen readers and for finding a value in it)."""
    from drafter.model.text import block_lines

    doc = next((d for d in result.documents if d.kind + (f"-{d.part}" if d.part else "") == key), None)
    doc = doc or (result.documents[0] if result.documents else None)
    if doc is None:
        return ""
    lines = [doc.meta.title]
    for block in doc.preamble:
        lines += block_lines(block)
    for s in doc.walk_sections():
        lines.append(f"{s.label} {s.heading}".strip())
        for block in s.blocks:
            lines += block_lines(block)
    return "\n".join(lines)


# --- clause library --------------------------------------------------------------------------------

@dataclass
class VersionRow:
    ref: str
    version: int
    heading: str
    status: str
    approval: str
    rationale: str
    used_in: list[str]


def clause_ids(project: Project) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """(id, newest heading, [(version, status)]) of every clause in the library."""
    library = project.library()
    out = []
    for clause_id in library.ids():
        try:
            versions = library.versions(clause_id)
        except DrafterError:
            continue
        out.append((clause_id, versions[-1].meta.heading, [(v.version, v.meta.status) for v in versions]))
    return out


def clause_notes(project: Project) -> dict[str, str]:
    """What a clause reference brings in, for the outline's entries: heading, version, status, rationale.
    Keys: every "id@version" and every "id" (which the build resolves to the newest fastställd version)."""
    library = project.library()
    notes: dict[str, str] = {}
    for clause_id in library.ids():
        try:
            versions = library.versions(clause_id)
        except DrafterError:
            continue
        for v in versions:
            notes[f"{clause_id}@{v.version}"] = (f"{v.meta.heading} – version {v.version}, {v.meta.status}. "
                                                 f"Motivering: {v.meta.rationale}")
        approved = [v for v in versions if v.meta.status == "fastställd"]
        newest = approved[-1] if approved else None
        notes[clause_id] = (f"{newest.meta.heading} – senaste fastställda versionen, {newest.version}. "
                            f"Motivering: {newest.meta.rationale}") if newest else (
            f"{versions[-1].meta.heading} – ingen version är fastställd än; ange en version (id@version).")
    return notes


def clause_versions(project: Project, clause_id: str) -> list[VersionRow]:
    from drafter.clauses.approve import find_version
    from drafter.comparison import clause_usage

    if not CLAUSE_ID.fullmatch(clause_id or ""):
        raise NotFound(f"'{clause_id}' är inget giltigt klausul-id.")
    library = project.library()
    try:
        versions = library.versions(clause_id)
    except DrafterError as exc:
        raise NotFound(exc.message, hint=exc.hint) from None
    specs = sorted(project.agreements.glob("*.yaml")) if project.agreements.is_dir() else []
    usage = clause_usage(clause_id, library, [s for s in specs if not s.name.startswith(".")], [])
    rows = []
    for v in versions:
        v = find_version(library, v.ref)
        a = v.meta.approval
        rows.append(VersionRow(v.ref, v.version, v.meta.heading, v.meta.status,
                               f"{a.by}, {a.date.isoformat()}" if a else "–", v.meta.rationale,
                               [f"{spec} ({', '.join(docs)})" for spec, docs in usage.get(v.version, {}).items()]))
    return rows


def clause_diff_html(project: Project, clause_id: str, old: int, new: int) -> str:
    """The HTML report of `drafter clauses diff ID OLD NEW --format html`."""
    from drafter.clauses.approve import find_version
    from drafter.diff.html_format import clause_html
    from drafter.diff.report import clause_report
    from drafter.language.measure import change_line, measure_clause

    if not CLAUSE_ID.fullmatch(clause_id or ""):
        raise NotFound(f"'{clause_id}' är inget giltigt klausul-id.")
    library = project.library()
    older, newer = find_version(library, f"{clause_id}@{old}"), find_version(library, f"{clause_id}@{new}")
    readability = change_line(measure_clause(older.body), measure_clause(newer.body), f"v{older.version}",
                              f"v{newer.version}")
    return clause_html(clause_report(older, newer), readability)


APPROVE_FIELDS = {"by": "”Fastställd av”", "organisation": "”Kommun eller region”",
                  "committee": "”Bara för nämnden”"}  # an approval's fields, as the form labels them


def approve_clause(project: Project, ref: str, by: str, date_text: str | None, organisation: str | None = None,
                   committee: str | None = None, paragraph: str | None = None, dnr: str | None = None) -> str:
    """`drafter clauses approve REF --av BY --datum DATE --för … --för-nämnd … --paragraf … --dnr …`,
    with its rules and messages."""
    from drafter.clauses.approve import ApprovalFieldError, approve, parse_date

    try:
        approved = approve(project.library(), ref, by, parse_date(date_text or None), organisation or None,
                           committee or None, paragraph or None, dnr or None)
    except ApprovalFieldError as exc:
        raise exc.named(APPROVE_FIELDS, lambda label, example: f"{label}: {example}" if example else label) from None
    approval = approved.meta.all_approvals[-1]  # this one: a version may be approved for several
    return (f"{approved.ref} fastställd av {approval.describe()}; "
            f"texten (sha256 {approved.sha256[:12]}…) är införd i clauses/approvals.lock.")


def compare_html(project: Project, old: str, new: str, kind: str = "agreement", old_text: str = "standing") -> str:
    """The HTML report of `drafter compare OLD NEW --format html` (--lydelse: `old_text`, "standing" as
    the command's default, or "signed"), the specs named as the project shows them."""
    from drafter.comparison import comparison_of
    from drafter.diff.html_format import comparison_html

    if kind not in ("agreement", "proposal"):
        raise NotFound("Välj överenskommelsen eller tjänsteutlåtandet.")
    if old_text not in ("standing", "signed"):
        raise NotFound("Välj den gällande lydelsen eller den undertecknade.")
    paths = [project.existing_spec(old), project.existing_spec(new)]
    labels = (Path(project.shown(paths[0])), Path(project.shown(paths[1])))
    return comparison_html(*comparison_of(paths[0], paths[1], kind, project.library(), old_text, labels))
