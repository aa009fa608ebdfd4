"""The one pipeline: read → assemble → transforms → checks, then (for `build`) render → publish.

Like docutils' publisher: `prepare` reads a spec, assembles its documents (assembly runs the
transforms: numbering, cross-references, sums) and runs the checks over the model; `drafter check`
is `prepare` alone, `drafter build` is `prepare`, then the writers, then output/ (drafter/build.py).
`Settings` is the one object that says how: plain values, so it can be sent to worker processes.

Light to import: everything heavy is imported where it is used, so that `drafter build` with
nothing to do (drafter/batch.py) never loads pydantic or the writers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.checks.finding import Finding
    from drafter.clauses.library import ClauseLibrary
    from drafter.errors import DrafterError
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec

FORMATS = ("docx", "pdf")
PDF_ENGINES = ("typst", "libreoffice")


@dataclass(frozen=True)
class Settings:
    """How to build: the command line's options, for one spec or a batch.

    `library`, when given, is the clause library to use (tests, the web page, a worker's shared one);
    otherwise one is opened from `clauses_dir` (the default library folder when None)."""

    out_dir: Path = Path("output")
    formats: tuple[str, ...] = FORMATS
    pdf_engine: str = "typst"
    clauses_dir: Path | None = None
    force: bool = False  # build even when the inputs are unchanged
    redline: bool = False  # also the consolidated agreement as tracked changes against the signed one
    pdf_thread: bool = True  # Typst on a second thread beside the checks and DOCX (drafter/writers/pdf/lane.py)
    library: Any = field(default=None, compare=False, repr=False)  # a ClauseLibrary, or None

    @property
    def outputs(self) -> tuple[str, ...]:
        """What is written, for the input hash: the formats, and the redline when asked for."""
        return tuple(self.formats) + (("redline",) if self.redline else ())

    def clause_library(self) -> "ClauseLibrary":
        if self.library is not None:
            return self.library
        from drafter.clauses.library import ClauseLibrary

        return ClauseLibrary(self.clauses_dir)


@dataclass
class Prepared:
    """One spec read, assembled and checked: what `check` reports and `build` writes."""

    loaded: "LoadedSpec"
    documents: list["Document"]  # in build order: agreement, proposal, addenda, consolidated
    states: list  # the spec's state after each amendment (drafter.assemble.amendments.AmendedState)
    findings: list["Finding"]  # sorted: errors first

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def prepare(spec: "LoadedSpec | Path | str", library: "ClauseLibrary",
            assembled: "Callable[[list[Document]], None] | None" = None, *, lock_of: Path | None = None) -> Prepared:
    """Load (unless given loaded), assemble and check one spec. `assembled` is told the documents as
    soon as they are final (`build` starts Typst then); `lock_of`: the spec whose lock holds (the web
    page checks a copy of agreements/NAME.yaml, held to NAME.lock); else the spec's own.

    What stops assembly and is the user's to fix in the spec or clauses (an unknown clause, a
    cross-reference to a clause not in the document, an amendment naming no point) becomes a finding
    (then only the checks of the spec itself run); any other DrafterError is bad input and is raised."""
    from drafter.language.spelling import start_listing

    start_listing()  # the spelling check's `hunspell -D` runs beside the imports and assembly below
    from drafter.assemble import assemble_all
    from drafter.checks import run_checks, sort_findings
    from drafter.checks.inputs import check_clause_refs
    from drafter.checks.context import CheckContext
    from drafter.spec.load import LoadedSpec, load_spec
    from drafter.spec.placeholders import stand_ins_unsaid

    from drafter.lockfile import keep_letterheads, lock_findings, lock_path, pinned_library, read_lock
    from drafter.startup import modules_loaded

    loaded = spec if isinstance(spec, LoadedSpec) else load_spec(Path(spec))
    lock_file = lock_path(lock_of or loaded.path)
    lock = read_lock(lock_file)  # read once: pinning, the checks and the lock's own findings
    record_lock(loaded, lock, lock_file)
    library = pinned_library(loaded, library, lock)  # a locked document never floats to a newer version (drafter lock)
    stopped = check_clause_refs(CheckContext(loaded, library))
    documents: list[Document] = []
    states: list = []
    if not stopped:
        try:
            documents, states = assemble_all(loaded, library)
        except Exception as exc:
            finding = _stopping_finding(exc, loaded, library)
            if finding is None:
                from drafter.clauses.building import name_spec
                from drafter.errors import DrafterError

                if isinstance(exc, DrafterError):  # an error in a clause names the spec too (issue 13)
                    name_spec(exc, loaded, library.root)
                raise
            stopped = [finding]
    kept = keep_letterheads(documents, lock, loaded, library) if lock and documents else []
    if assembled is not None and documents:  # after the locked letterheads are put back: final documents
        assembled(documents)  # `build` starts Typst here, beside the checks (drafter/writers/pdf/lane.py)
    from drafter.checks import all_checks  # the checks' modules: imported while Typst compiles
    from drafter.checks.acknowledge import acknowledge
    from drafter.checks.finding import name_parties
    from drafter.checks.language import spec_names
    from drafter.checks.unpinned import unlocked_tillagg
    from drafter.language.review import spell_ahead

    all_checks()
    modules_loaded()  # the modules a check or build needs are in: out of the collector's sight (drafter/startup.py)
    spell_ahead(documents, getattr(library, "root", None), spec_names(CheckContext(loaded, library)))  # one call
    signed = [d for d in documents if d.kind in ("agreement", "proposal")]
    findings = run_checks(loaded, library, signed if states else documents, lock)
    findings += _after_amendments(findings, states, library, documents, lock)
    findings += [f for state in states for note in state.notes if (f := _stopping_finding(note, loaded, library))]
    findings += lock_findings(loaded, library, documents, lock, lock_file) + kept if documents else []
    findings += unlocked_tillagg(loaded, documents, lock or {})  # clause-unpinned for a signed tillägg
    named = name_parties(loaded, acknowledge(loaded, stopped + findings, library))  # "part 2, Street Minds"
    if unsaid := stand_ins_unsaid(loaded.placeholders):  # a quoted "2 januari 2001" reads ÅÅÅÅ-MM-DD
        for f in named:
            f.message, f.hint = unsaid(f.message), f.hint and unsaid(f.hint)
    return Prepared(loaded, documents, states, sort_findings(named))


def record_lock(loaded: "LoadedSpec", lock: dict, lock_file: Path | None = None) -> None:
    """The lock first among what the spec was made with: a standard outline named without a version
    takes, in a slutlig spec, the version the locked documents agree with (drafter/clauses/outline_versions.py)."""
    from drafter.clauses.outline_versions import LOCK, record_of_lock

    loaded.records = [r for r in loaded.records if r.source != LOCK]
    if lock and (record := record_of_lock(lock, lock_file)) is not None:
        loaded.records.insert(0, record)


def _stopping_finding(exc: Exception, loaded: "LoadedSpec", library: "ClauseLibrary") -> "Finding | None":
    """The finding for an error that stopped assembly, when it is one (by its type), else None."""
    from drafter.checks.context import CheckContext
    from drafter.checks.inputs import finding_from_error

    return finding_from_error(CheckContext(loaded, library), exc)


def _after_amendments(before: list["Finding"], states: list, library: "ClauseLibrary",
                      documents: list["Document"], lock: dict | None = None) -> list["Finding"]:
    """Each addendum (and the consolidated agreement) checked against the data in force after it:
    the budget still sums, the period stays within its maximum, the signatories are the new ones.
    `lock`: the spec's lock as `prepare` read it (the web page checks a copy, whose lock is not beside it)."""
    from drafter.checks import run_checks

    seen = {(f.code, f.where, f.message) for f in before}
    found = []
    for state in states:
        number = state.amendment.number
        kinds = [d for d in documents if (d.kind in ("addendum", "addendum-proposal") and d.part == str(number))
                 or (d.kind == "consolidated" and d is state.consolidated)]
        for finding in run_checks(state.loaded, library, kinds, lock):
            if (finding.code, finding.where, finding.message) not in seen:
                seen.add((finding.code, finding.where, finding.message))
                finding.message = f"Efter tillägg nr {number}: {finding.message}"
                found.append(finding)
    return found


def _with_build_record(path: Path, out_dir: Path | None = None) -> "LoadedSpec":
    """The spec loaded with what its last build in `out_dir` (output/ unless told) was made from, as `build -o`
    reads it: a slutlig spec's standard outline then resolves in `check -o` as in `build -o` (the same folder;
    drafter/clauses/outline_versions.py)."""
    from drafter.clauses.outline_versions import record_built
    from drafter.spec.load import load_spec

    loaded = load_spec(path)
    loaded.records = record_built(path, Settings().out_dir if out_dir is None else out_dir)
    return loaded


def check_spec(loaded: "LoadedSpec", library: "ClauseLibrary") -> list["Finding"]:
    """The findings of one loaded spec (`prepare` without keeping the documents)."""
    return prepare(loaded, library).findings


def check_paths(paths: Iterable[Path | str], library: "ClauseLibrary",
                errors: list["DrafterError"] | None = None, out_dir: Path | None = None) -> tuple[list["Finding"], int]:
    """`drafter check`: load, assemble and check each spec file. Returns the findings and the exit code:
    0 no errors, 1 errors, 2 bad input. Bad input is raised, or, when `errors` is a list, added to it
    and the next spec checked. `out_dir`: the folder `build -o` built to (output/ unless told), whose
    previous build a slutlig spec's standard outline keeps."""
    from drafter.checks import has_errors, sort_findings
    from drafter.errors import DrafterError
    from drafter.glyphs import glyph_error

    findings: list[Finding] = []
    bad_input = False
    for path in paths:
        try:
            prepared = prepare(_with_build_record(Path(path), out_dir), library)
            findings += prepared.findings
            if missing := glyph_error(prepared.documents, prepared.loaded, library.root):
                raise missing  # what `build` stops with: text the PDF fonts cannot show
        except DrafterError as exc:
            if errors is None:
                raise
            errors.append(exc)
            bad_input = True
    findings = sort_findings(findings)
    return findings, 2 if bad_input else 1 if has_errors(findings) else 0
