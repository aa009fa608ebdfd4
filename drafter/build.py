"""`drafter build` as a library call: spec → model → DOCX/PDF bytes → output folder with manifest.

Everything is rendered in memory first; only when every document has rendered
are files written, so a failed build leaves earlier outputs untouched.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import __version__
from drafter.errors import DrafterError
from drafter.model.nodes import FILE_NAMES
from drafter.output import publish, sha256, spec_folder
from drafter.pipeline import FORMATS, PDF_ENGINES, Settings

if TYPE_CHECKING:  # imported where used: `drafter build` with nothing to do never loads them
    from drafter.checks.finding import Finding
    from drafter.model.nodes import Document
    from drafter.writers.pdf.lane import Lane

__all__ = ["build", "render_documents", "Rendered", "ChecksFailed", "Settings", "BuildOptions", "FORMATS",
           "PDF_ENGINES", "FILE_NAMES"]

BuildOptions = Settings  # the name build's options had before drafter/pipeline.py


@dataclass
class Rendered:
    """One document's files, in memory: {file name: bytes}."""

    document: "Document"
    files: dict[str, bytes]


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


def build(spec_path: Path | str, options: Settings | None = None,
          report: Callable[["Finding"], None] | None = None) -> Path:
    """Build one spec: prepare (drafter/pipeline.py), render, publish. Returns the manifest's path;
    `report` is told every finding of the checks. Everything up to the write-out runs under the
    wall-clock limit (drafter/limits.py)."""
    from drafter.errors import Where
    from drafter.limits import time_limit, timeout_seconds

    from drafter.writers.pdf.lane import lane

    with time_limit(timeout_seconds(), Where(str(spec_path))), lane() as pdfs:
        folder, files, manifest = _prepare(spec_path, options, report, pdfs)
    return publish(folder, files, manifest)


def _prepare(spec_path: Path | str, options: Settings | None, report: Callable[["Finding"], None] | None,
             pdfs: "Lane | None" = None) -> tuple[Path, dict[str, bytes], dict]:
    """The output folder, every file's bytes and the manifest, all in memory; `pdfs`, when given, is
    started on the Typst compiles as soon as the documents are assembled (drafter/writers/pdf/lane.py)."""
    from drafter.incremental import inputs_sha256, read_ahead
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec
    from drafter.spec.yaml_reader import read_input
    from drafter.timestamps import source_date_epoch

    source_date_epoch()  # bad input whether or not a document needs it (drafter/timestamps.py)
    options = options or Settings()
    library = options.clause_library()
    spec_path = Path(spec_path)
    folder = spec_folder(options.out_dir, spec_path)  # refuses a name that would leave out_dir
    spec_bytes = read_input(spec_path)  # read once: what is hashed is what is built
    hashed = read_ahead(spec_path, library.root, spec_bytes)
    loaded = load_spec(spec_path, data=spec_bytes)
    ahead = (lambda documents: pdfs.start(_typst_jobs(documents, options))) if pdfs and options.pdf_thread else None
    from drafter.clauses.outline_versions import record_built, recorded

    loaded.records = record_built(spec_path, options.out_dir)  # a slutlig spec keeps its outline version
    prepared = prepare(loaded, library, assembled=ahead)
    if report:
        for finding in prepared.findings:
            report(finding)
    if prepared.has_errors:
        raise ChecksFailed(spec_path, prepared.findings)
    documents = prepared.documents
    clauses = _clauses_used(documents)
    from drafter.clauses.changes import version_changes

    changes = version_changes(spec_path, loaded, folder, clauses, documents)  # a signed text changed: refused
    if report:
        for finding in changes:
            report(finding)
    if any(f.severity == "error" for f in changes):
        raise ChecksFailed(spec_path, prepared.findings + changes)
    stem = spec_path.stem
    if "pdf" in options.formats and options.pdf_engine == "typst":
        from drafter.glyphs import glyph_error

        if missing := glyph_error(documents, loaded, library.root):  # what `drafter check` reports too
            raise missing
    try:
        rendered = render_documents(documents, stem, options, pdfs)
    except DrafterError as exc:
        text = getattr(exc, "text", None)  # what a writer could not show (writers/pdf: MissingGlyphs)
        if exc.where is None and isinstance(text, str) and text:
            from drafter.glyphs import source_of

            exc.where = source_of(documents, loaded, library.root, text)
        raise
    if report:  # a locked document's files against the sha256 its lock records (drafter/lockfile.py)
        from drafter.lockfile import file_findings

        for finding in file_findings(spec_path, [(r.document, r.files) for r in rendered], options.pdf_engine):
            report(finding)
    entries = [(r.document.kind, r.document.meta.title, r.files) for r in rendered]
    entries += _packets(documents, options, stem, pdfs)
    from drafter.clauses.changes import document_versions

    for clause_id in {c["id"] for c in clauses}:  # the bytes rendered, as the library read them
        hashed[(library.root, clause_id)] = library.digest(clause_id)
    outlines = recorded(loaded, library.root)  # the standard outlines' versions the documents were built from
    inputs = inputs_sha256(spec_path, library.root, [c["id"] for c in clauses], options.outputs,
                           options.pdf_engine, spec_bytes=spec_bytes, cache=hashed, outlines_used=outlines)
    from drafter.redline_kept import REDLINE, earlier_redline, redline_inputs

    made_from = functools.cache(lambda: redline_inputs(spec_path, library.root, [c["id"] for c in clauses],
                                                       spec_bytes, hashed, outlines))  # only where there is a redline
    if options.redline and "docx" in options.formats:
        entries += _consolidated_redline(documents, stem)
    written = {name for _, _, files in entries for name in files}
    entries += earlier_redline(folder, spec_path, written, made_from, options, report)
    listed: list[dict] = [
        {
            "kind": kind,
            "title": title,
            "files": {Path(name).suffix[1:]: name for name in files},
            "sha256": {Path(name).suffix[1:]: sha256(data) for name, data in files.items()},
        }
        for kind, title, files in entries
    ]
    for document in listed:  # what it was made from: a later build without --redline keeps it
        if document["kind"] == REDLINE and made_from():  # while that is unchanged (drafter/redline_kept.py)
            document["inputs_sha256"] = made_from()
    manifest: dict = {
        "drafter": __version__,
        "spec": {"path": spec_path.as_posix(), "sha256": sha256(spec_bytes)},
        "inputs_sha256": inputs,
        "documents": listed,
        "clauses": clauses,
        # what each document was built with, and as what: a slutlig document may not change (clauses/changes.py)
        "status": loaded.spec.document.status,
        "document_clauses": document_versions(documents),
    }
    if outlines:  # which version of each standard outline: a slutlig spec keeps it (clauses/outline_versions.py)
        manifest["outlines"] = outlines
    all_files = {name: data for _, _, files in entries for name, data in files.items()}
    return folder, all_files, manifest


def _typst_jobs(documents: list["Document"], options: Settings) -> dict[object, Callable[[], bytes]]:
    """Every Typst compile of the build, in the order they always ran, with their input read now:
    each document's PDF (keyed by the document's id), then the packet. An input that cannot be read
    (a house-style logo gone) becomes a job that raises it, where the writer would have."""
    if "pdf" not in options.formats:
        return {}  # a DOCX-only build loads no PDF writer
    from drafter.writers.pdf.packet import packet_job
    from drafter.writers.pdf.typst_writer import pdf_job

    wanted: list[tuple[object, Callable[[], Callable[[], bytes]]]] = []
    if options.pdf_engine == "typst":
        wanted += [(id(doc), functools.partial(pdf_job, doc)) for doc in documents]
    for packet, proposal, attachments in _packet_parts(documents):
        wanted.append((packet, functools.partial(packet_job, proposal, attachments)))
    jobs: dict[object, Callable[[], bytes]] = {}
    for key, make in wanted:
        try:
            jobs[key] = make()
        except Exception as exc:
            jobs[key] = functools.partial(_raise, exc)
    return jobs


def _raise(exc: Exception) -> bytes:
    raise exc


def _packet_parts(documents: list["Document"]) -> list[tuple[str, "Document", list["Document"]]]:
    """Each nämnd packet as (its key and file name's tail, its proposal, its attachments): the agreement's
    tjänsteutlåtande with the agreement as Bilaga 1, then each tillägg's with the tillägg as Bilaga 1."""
    by_kind = {doc.kind: doc for doc in documents}
    out = []
    if "proposal" in by_kind and "agreement" in by_kind:
        from drafter.assemble.data_blocks import as_decided

        out.append(("packet", by_kind["proposal"], [as_decided(by_kind["agreement"])]))
    from drafter.assemble.addendum import proposed_addendum

    addenda = {doc.part: doc for doc in documents if doc.kind == "addendum"}
    out += [(f"packet-tillagg-{doc.part}", doc, [proposed_addendum(addenda[doc.part], doc)])
            for doc in documents if doc.kind == "addendum-proposal" and doc.part in addenda]
    return out


def _packets(documents: list["Document"], options: BuildOptions, stem: str,
             pdfs: "Lane | None" = None) -> list[tuple[str, str, dict]]:
    """The nämnd packets when there is a proposal and PDFs: a proposal, then its attachment as Bilaga 1,
    composed from the models as one tagged Typst document (whichever engine made the other PDFs)."""
    parts = _packet_parts(documents)
    if "pdf" not in options.formats or not parts:
        return []
    from drafter.writers.pdf.packet import packet_pdf, packet_title

    out = []
    for key, proposal, attachments in parts:
        data = pdfs.result(key) if pdfs is not None and key in pdfs else packet_pdf(proposal, attachments)
        name = f"{stem}-{FILE_NAMES['packet']}{key.removeprefix('packet')}.pdf"
        out.append(("packet", packet_title(proposal), {name: data}))
    return out


def _consolidated_redline(documents: list["Document"], stem: str) -> list[tuple[str, str, dict]]:
    """The agreement as amended, with every amendment a tracked change against the signed text."""
    by_kind = {doc.kind: doc for doc in documents}
    if "consolidated" not in by_kind:
        return []
    from drafter.timestamps import revision_time
    from drafter.writers.docx.redline import redline_docx_bytes

    new = by_kind["consolidated"]
    data = redline_docx_bytes(by_kind["agreement"], new, date=revision_time(new.meta.date))
    return [("consolidated-redline", f"{new.meta.title} – ändringar mot den undertecknade lydelsen",
             {f"{stem}-{FILE_NAMES['consolidated']}-andringar.docx": data})]


def render_documents(documents: list["Document"], stem: str, options: Settings,
                     pdfs: "Lane | None" = None) -> list[Rendered]:
    """Every document in every requested format, in memory, in the order of `documents`; a PDF that
    `pdfs` compiled (keyed by the document's id) is taken from it where it would have been written."""
    from drafter.writers.registry import writer

    libreoffice = "pdf" in options.formats and options.pdf_engine == "libreoffice"
    docx: list[bytes | Exception] = []
    if "docx" in options.formats or libreoffice:
        # Every DOCX first, while Typst compiles the PDFs on its thread: the main thread never waits for
        # a PDF it could write a DOCX beside. Errors are raised below, in the order they always were.
        for doc in documents:
            try:
                docx.append(writer("docx")(doc))
            except Exception as exc:  # noqa: BLE001 - raised again at its document's turn
                docx.append(exc)
    out: list[Rendered] = []
    for i, doc in enumerate(documents):
        base = f"{stem}-{doc.file_stem}"
        files: dict[str, bytes] = {}
        if docx:
            written = docx[i]
            if isinstance(written, Exception):
                raise written
            files[f"{base}.docx"] = written
        if "pdf" in options.formats and options.pdf_engine == "typst":
            files[f"{base}.pdf"] = pdfs.result(id(doc)) if pdfs is not None and id(doc) in pdfs else writer("pdf")(doc)
        out.append(Rendered(doc, files))
    if libreoffice:
        _pdfs_with_libreoffice(out)
    if "docx" not in options.formats:
        for r in out:
            for name in [n for n in r.files if n.endswith(".docx")]:
                del r.files[name]
    return out


def _pdfs_with_libreoffice(out: list[Rendered]) -> None:
    """All DOCX of the build converted in one soffice call."""
    from drafter.writers.pdf.libreoffice import convert

    with tempfile.TemporaryDirectory(prefix="drafter-build-") as tmp:
        sources = []
        for r in out:
            for name, data in r.files.items():
                if name.endswith(".docx"):
                    (Path(tmp) / name).write_bytes(data)
                    sources.append(Path(tmp) / name)
        pdfs = convert(sources, Path(tmp) / "pdf")
        for r in out:
            for pdf in pdfs:
                if f"{pdf.stem}.docx" in r.files:
                    r.files[pdf.name] = pdf.read_bytes()


def _clauses_used(documents: list["Document"]) -> list[dict]:
    seen: dict[tuple[str, int], dict] = {}
    for doc in documents:
        for section in doc.walk_sections():
            if section.clause:
                c = section.clause
                seen[(c.id, c.version)] = {"id": c.id, "version": c.version, "sha256": c.sha256, "path": c.path}
    return [seen[key] for key in sorted(seen)]
