"""`drafter build` as a library call: spec → model → DOCX/PDF bytes → output folder with manifest.

Everything is rendered in memory first; only when every document has rendered
are files written, so a failed build leaves earlier outputs untouched.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import __version__
from drafter.errors import DrafterError
from drafter.output import publish, sha256, spec_folder

if TYPE_CHECKING:  # imported where used: `drafter build` with nothing to do never loads them
    from drafter.checks.finding import Finding
    from drafter.clauses.library import ClauseLibrary
    from drafter.model.nodes import Document

FORMATS = ("docx", "pdf")
PDF_ENGINES = ("typst", "libreoffice")
FILE_NAMES = {"agreement": "overenskommelse", "proposal": "tjansteutlatande", "packet": "handlingar",
              "addendum": "tillagg", "consolidated": "overenskommelse-konsoliderad"}


@dataclass
class BuildOptions:
    out_dir: Path = Path("output")
    formats: tuple[str, ...] = FORMATS
    pdf_engine: str = "typst"
    library: "ClauseLibrary" = field(default_factory=lambda: _default_library())
    redline: bool = False  # also the consolidated agreement as tracked changes against the signed one
    report: Callable[["Finding"], None] | None = None  # told every finding of the checks


def _default_library() -> "ClauseLibrary":
    from drafter.clauses.library import ClauseLibrary

    return ClauseLibrary()


class ChecksFailed(DrafterError):
    """`drafter check` found errors, so no document was written (exit 1)."""

    exit_code = 1

    def __init__(self, spec_path: Path, findings: list["Finding"]):
        errors = [f for f in findings if f.severity == "error"]
        super().__init__(
            f"Kontrollen fann {len(errors)} fel i {spec_path}; inga dokument skrevs.\n"
            + "\n".join(f.line() for f in errors),
            hint="Rätta felen och bygg igen; `drafter check` visar alla fynd.",
        )
        self.findings = findings


def build(spec_path: Path | str, options: BuildOptions | None = None) -> Path:
    """Build one spec; returns the manifest's path. Everything up to the write-out runs under the
    wall-clock limit (drafter/limits.py)."""
    from drafter.errors import Where
    from drafter.limits import time_limit, timeout_seconds

    with time_limit(timeout_seconds(), Where(str(spec_path))):
        folder, files, manifest = _prepare(spec_path, options)
    return publish(folder, files, manifest)


def _prepare(spec_path: Path | str, options: BuildOptions | None) -> tuple[Path, dict[str, bytes], dict]:
    """The output folder, every file's bytes and the manifest, all in memory."""
    from drafter.checks import has_errors, inspect_spec
    from drafter.incremental import inputs_sha256
    from drafter.spec.load import load_spec

    options = options or BuildOptions()
    spec_path = Path(spec_path)
    folder = spec_folder(options.out_dir, spec_path)  # refuses a name that would leave out_dir
    from drafter.incremental import read_ahead
    from drafter.spec.yaml_reader import read_input

    spec_bytes = read_input(spec_path)  # read once: what is hashed is what is built
    hashed = read_ahead(spec_path, options.library.root, spec_bytes)
    loaded = load_spec(spec_path, data=spec_bytes)
    findings, documents = inspect_spec(loaded, options.library)
    for finding in findings:
        if options.report:
            options.report(finding)
    if has_errors(findings):
        raise ChecksFailed(spec_path, findings)
    stem = spec_path.stem
    try:
        rendered = render_documents(documents, stem, options)
    except DrafterError as exc:
        if exc.where is None and getattr(exc, "text", None):
            exc.where = _find_in_spec(loaded, exc.text, _clause_files(documents, options.library.root))
        raise
    entries = [(doc.kind, doc.meta.title, rendered[id(doc)]) for doc in documents]
    packet = _packet(documents, options, stem)
    if packet:
        entries.append(packet)
    if options.redline and "docx" in options.formats:
        entries += _consolidated_redline(documents, stem)
    clauses = _clauses_used(documents)
    for clause_id in {c["id"] for c in clauses}:  # the bytes rendered, as the library read them
        hashed[(options.library.root, clause_id)] = options.library.digest(clause_id)
    inputs = inputs_sha256(spec_path, options.library.root, [c["id"] for c in clauses],
                           tuple(options.formats) + (("redline",) if options.redline else ()),
                           options.pdf_engine, spec_bytes=spec_bytes, cache=hashed)
    manifest = {
        "drafter": __version__,
        "spec": {"path": spec_path.as_posix(), "sha256": sha256(spec_bytes)},
        "inputs_sha256": inputs,
        "documents": [
            {
                "kind": kind,
                "title": title,
                "files": {Path(name).suffix[1:]: name for name in files},
                "sha256": {Path(name).suffix[1:]: sha256(data) for name, data in files.items()},
            }
            for kind, title, files in entries
        ],
        "clauses": clauses,
    }
    all_files = {name: data for _, _, files in entries for name, data in files.items()}
    return folder, all_files, manifest


def _packet(documents: list["Document"], options: BuildOptions, stem: str) -> tuple[str, str, dict] | None:
    """The nämnd packet when there is a proposal and PDFs: proposal, then the agreement as Bilaga 1,
    composed from the models as one tagged Typst document (whichever engine made the other PDFs)."""
    by_kind = {doc.kind: doc for doc in documents}
    if "proposal" not in by_kind:
        return None
    if "pdf" not in options.formats or "agreement" not in by_kind:
        return None
    from drafter.writers.pdf.packet import packet_pdf, packet_title

    data = packet_pdf(by_kind["proposal"], [by_kind["agreement"]])
    return "packet", packet_title(by_kind["proposal"]), {f"{stem}-{FILE_NAMES['packet']}.pdf": data}


def _consolidated_redline(documents: list["Document"], stem: str) -> list[tuple[str, str, dict]]:
    """The agreement as amended, with every amendment a tracked change against the signed text."""
    by_kind = {doc.kind: doc for doc in documents}
    if "consolidated" not in by_kind:
        return []
    from drafter.writers.docx.redline import redline_docx_bytes

    new = by_kind["consolidated"]
    data = redline_docx_bytes(by_kind["agreement"], new, date=f"{new.meta.date.isoformat()}T00:00:00Z")
    return [("consolidated-redline", f"{new.meta.title} – ändringar mot den undertecknade lydelsen",
             {f"{stem}-{FILE_NAMES['consolidated']}-andringar.docx": data})]


def _find_in_spec(loaded, text: str, clause_files: list[Path] = ()):
    """The spec line holding `text` (or its first character), else the line of a clause file used,
    to point a rendering error at it."""
    from drafter.errors import Where

    for needle in (text, text[:1]):
        for path in [loaded.path, *clause_files]:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for number, line in enumerate(lines, 1):
                if needle and needle in line:
                    return Where(str(path), number, line.index(needle) + 1)
    return Where(str(loaded.path))


def _clause_files(documents: list["Document"], root: Path) -> list[Path]:
    return list(dict.fromkeys(root / c["path"] for c in _clauses_used(documents)))


def render_documents(documents: list["Document"], stem: str, options: BuildOptions) -> dict[int, dict[str, bytes]]:
    """Every document in every requested format, in memory: {id(doc): {file name: bytes}}."""
    from drafter.writers.docx import docx_bytes

    out: dict[int, dict[str, bytes]] = {}
    for doc in documents:
        base = f"{stem}-{FILE_NAMES[doc.kind]}" + (f"-{doc.part}" if doc.part else "")
        files: dict[str, bytes] = {}
        if "docx" in options.formats or ("pdf" in options.formats and options.pdf_engine == "libreoffice"):
            files[f"{base}.docx"] = docx_bytes(doc)
        if "pdf" in options.formats and options.pdf_engine == "typst":
            from drafter.writers.pdf import pdf_bytes

            files[f"{base}.pdf"] = pdf_bytes(doc)
        out[id(doc)] = files
    if "pdf" in options.formats and options.pdf_engine == "libreoffice":
        _pdfs_with_libreoffice(out)
    if "docx" not in options.formats:
        for files in out.values():
            for name in [n for n in files if n.endswith(".docx")]:
                del files[name]
    return out


def _pdfs_with_libreoffice(out: dict[int, dict[str, bytes]]) -> None:
    """All DOCX of the build converted in one soffice call."""
    from drafter.writers.pdf.libreoffice import convert

    with tempfile.TemporaryDirectory(prefix="drafter-build-") as tmp:
        sources = []
        for files in out.values():
            for name, data in files.items():
                if name.endswith(".docx"):
                    (Path(tmp) / name).write_bytes(data)
                    sources.append(Path(tmp) / name)
        pdfs = convert(sources, Path(tmp) / "pdf")
        for files in out.values():
            for pdf in pdfs:
                if f"{pdf.stem}.docx" in files:
                    files[pdf.name] = pdf.read_bytes()


def _clauses_used(documents: list["Document"]) -> list[dict]:
    seen: dict[tuple[str, int], dict] = {}
    for doc in documents:
        for section in doc.walk_sections():
            if section.clause:
                c = section.clause
                seen[(c.id, c.version)] = {"id": c.id, "version": c.version, "sha256": c.sha256, "path": c.path}
    return [seen[key] for key in sorted(seen)]
