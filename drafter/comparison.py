"""What `compare`, `clauses diff` and `clauses history` read: specs, clause versions and the files
behind them, loaded and assembled into model documents for drafter.diff (which reads no files).

Commands stay thin (drafter/cli/compare.py, cli/clauses.py); the web page can call these alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.clauses.library import ClauseLibrary, ClauseNotFound, ClauseVersion
from drafter.diff.report import version_info
from drafter.errors import DrafterError, Where
from drafter.formatting import datum
from drafter.model.nodes import ClauseUse, Document, Metadata, Paragraph, Section, Strong, Text
from drafter.model.numbering import number_document
from drafter.readers.markdown import ClauseReader, UnsupportedMarkup

if TYPE_CHECKING:
    from drafter.spec.model import Spec


def revision_date(date: dt.date | None) -> str | None:
    """The w:date of every tracked change: SOURCE_DATE_EPOCH when set (as the DOCX file's own
    timestamp, writers/docx/reproducible.build_time), else `date` at 00:00 UTC, else none at all
    (Word then shows no date). Never the clock: the same input gives the same file.

    The rule is drafter/timestamps.py's (a compared file has no date of its own); a bad
    SOURCE_DATE_EPOCH is exit 2 there."""
    from drafter.timestamps import document_time

    when = document_time(date, stands_in=True)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None


# --- compare -------------------------------------------------------------------------------------


@dataclass
class Compared:
    old_doc: Document
    new_doc: Document
    old_spec: object  # drafter.spec.model.Spec
    new_spec: object
    sides: tuple[str, str] | None = None  # what each side is, after its path: ("undertecknad", "efter tillägg nr 1")
    pairs: list | None = None  # the sections paired (two specs: by identity; one spec's tillägg: by number)

    def paired(self) -> list:
        from drafter.diff.sections import align_sections

        return self.pairs if self.pairs is not None else align_sections(self.old_doc, self.new_doc)


def compared_documents(old: Path, new: Path | None, kind: str, library: ClauseLibrary,
                       old_text: str = "standing", through: int | None = None) -> Compared:
    """Both specs loaded and assembled; the documents of `kind` ("agreement" or "proposal").

    The old agreement is, by default (`old_text="standing"`), the agreement as it stands after all
    the old spec's tillägg: what a renewal changes is measured against what is in force, not against
    the text first signed. `old_text="signed"` compares the signed original.

    One spec (`new` left out, or the same file twice) is the jurist's view of its tillägg: the signed
    agreement → the agreement as it stands after tillägg nr `through` (default: the last)."""
    from drafter.assemble import assemble_documents
    from drafter.lockfile import pinned_library
    from drafter.spec.load import load_spec

    if new is None or same_spec(old, new):
        return tillagg_documents(old, kind, library, through)
    if through is not None:
        raise DrafterError("--tillagg visar vad tilläggen i en spec ändrade, och gäller bara när en spec jämförs "
                           f"med sig själv; här jämförs två specar ({old} och {new}).",
                           hint=f"Skriv drafter compare {old} --tillagg {through}, eller jämför två specar utan --tillagg.")
    loaded = [load_spec(path) for path in (old, new)]
    specs = [spec.spec for spec in loaded]
    documents = []
    for path, spec in zip((old, new), loaded):
        resolving = pinned_library(spec, library)  # as `build` reads it: its lock, its public party's approvals
        if kind == "agreement" and spec is loaded[0] and old_text == "standing" and spec.spec.amendments:
            doc, specs[0] = standing_agreement(spec, resolving)
            documents.append(doc)
            continue
        found = [d for d in assemble_documents(spec, resolving) if d.kind == kind]
        if not found:
            raise DrafterError(f"Specen {path} har inget tjänsteutlåtande (proposal:).",
                               hint="Jämför överenskommelsen med --document agreement.")
        documents.append(found[0])
    from drafter.diff.sections import align_sections, identity_key

    # paired by what each section is (its clause, else its texts: key), so a key section whose heading
    # was renamed is one changed section, not one removed and one added
    return Compared(documents[0], documents[1], specs[0], specs[1],
                    pairs=align_sections(documents[0], documents[1], identity_key))


def tillagg_documents(path: Path, kind: str, library: ClauseLibrary, through: int | None = None) -> Compared:
    """The signed agreement and the agreement as it stands after tillägg nr `through` (default: all of
    them), both from one spec: what the tillägg changed, in the direction they changed it."""
    from drafter.assemble import assemble_documents
    from drafter.lockfile import pinned_library
    from drafter.spec.load import load_spec

    loaded = load_spec(path)
    amendments = loaded.spec.amendments
    if kind != "agreement":
        raise DrafterError("Ett tillägg ändrar överenskommelsen, inte tjänsteutlåtandet; en spec jämförd med sig "
                           "själv visar vad tilläggen ändrade i överenskommelsen.",
                           hint="Ta bort --document tjansteutlatande, eller jämför två specar.")
    if not amendments:
        raise DrafterError(f"Specen {path} har inga tillägg (amendments:), så det finns inget att jämföra den "
                           "undertecknade överenskommelsen med.", loaded.where("document"),
                           "Ange två specar för att jämföra två överenskommelser: drafter compare GAMMAL NY.")
    numbers = [a.number for a in amendments]
    if through is not None and through not in numbers:
        raise DrafterError(f"Specen {path} har inget tillägg nr {through}.", loaded.where("amendments"),
                           f"Tilläggen som finns: {', '.join(map(str, numbers))}.")
    resolving = pinned_library(loaded, library)  # as `build` reads it: its lock, its public party's approvals
    signed = next(d for d in assemble_documents(loaded, resolving) if d.kind == "agreement")
    doc, spec = standing_agreement(loaded, resolving, through, latest=False)
    last = through if through is not None else numbers[-1]
    upto = "tillägg nr " + ", ".join(map(str, numbers[:numbers.index(last) + 1]))
    from drafter.diff.sections import align_by_number

    document = loaded.spec.document  # a draft with tillägg was never signed: say what the older side is
    first = "undertecknad" if document.status == "slutlig" or document.signed else "utan tillägg, ej undertecknad"
    return Compared(signed, doc, loaded.spec, spec, (first, f"efter {upto}"), align_by_number(signed, doc))


def same_spec(old: Path, new: Path | None) -> bool:
    """One spec: NY left out, or the same file as GAMMAL (its tillägg are what is compared)."""
    try:
        return new is None or old.resolve() == new.resolve()
    except OSError:
        return False


def comparison_of(old: Path, new: Path | None, kind: str, library: ClauseLibrary, old_text: str = "standing",
                  labels: tuple[Path, Path] | None = None, through: int | None = None):
    """`drafter compare`'s report and readability line (text and HTML formats), for the command and the
    web page alike: the documents as compared_documents gives them, the sections paired, each named by
    `labels` (default: the paths as given; for one spec's tillägg, which side is signed)."""
    from drafter.diff.report import comparison_report
    from drafter.language.document import document_stats
    from drafter.language.measure import change_line

    compared = compared_documents(old, new, kind, library, old_text, through)
    old_label, new_label = (str(p) for p in labels or (old, new if new is not None else old))
    if compared.sides:
        old_label, new_label = (f"{label} ({side})" for label, side in zip((old_label, new_label), compared.sides))
    report = comparison_report(old_label, new_label, compared.old_doc, compared.new_doc, compared.old_spec,
                               compared.new_spec, rationale(library), compared.paired())
    readability = change_line(document_stats(compared.old_doc), document_stats(compared.new_doc), "förut", "nu")
    return report, readability


def standing_agreement(loaded, library: ClauseLibrary, through: int | None = None,
                       latest: bool = True) -> tuple[Document, Spec]:
    """The agreement as it stands after all its tillägg, as a clean agreement: the amended data, the
    point changes carried into its sections (numbered in order), signed for by each party's latest
    representative — the text `drafter renew` starts from, without the consolidated version's notes.
    `through`: as it stands after that tillägg (and those before it), not after the last; `latest=False`:
    signed for as signed (a new ordförande is not a change a tillägg made)."""
    from drafter.assemble.agreement import assemble_agreement
    from drafter.model.finish import finish_documents
    from drafter.spec.load import LoadedSpec, validate_spec
    from drafter.standing import latest_representatives, standing

    now = standing(loaded, library, through)
    if latest:
        latest_representatives(now.data, now.spec)
    spec = validate_spec(loaded.path, now.data, loaded.positions)
    state = LoadedSpec(loaded.path, spec, loaded.positions, [], now.data, loaded.records)
    doc = assemble_agreement(state, library)
    if now.amended is not None:  # a point the tillägg inserted stays 3.2 a: the number it has in force
        keep_numbers(doc, now.amended)
        number_document(doc)
    amendments = loaded.spec.amendments
    if through is not None:
        amendments = amendments[:next(i + 1 for i, a in enumerate(amendments) if a.number == through)]
    last = amendments[-1]
    numbers = ", ".join(str(a.number) for a in amendments)
    doc.meta.subtitle = f"Lydelse enligt tillägg nr {numbers}, gäller från {datum(last.effective)}"
    finish_documents([doc], state, library)
    return doc, spec


def keep_numbers(doc: Document, amended: Document) -> None:
    """Each section of `doc` keeps the number its match has in the amended agreement, which never
    renumbers: a point inserted as "3.2 a" is 3.2 a, and a point after a repealed one keeps its number.
    Sections are matched in reading order by clause, else heading (drafter.diff.sections)."""
    from difflib import SequenceMatcher

    from drafter.diff.sections import section_key

    mine, theirs = list(doc.walk_sections()), list(amended.walk_sections())
    matcher = SequenceMatcher(None, [section_key(s) for s in mine], [section_key(s) for s in theirs], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for section, match in zip(mine[i1:i2], theirs[j1:j2]):
                if match.number and section.numbered:
                    section.fixed_number = match.number


def rationale(library: ClauseLibrary):
    """`(clause id, version) → its rationale`, for diff.report (which reads no library itself)."""
    return lambda clause_id, version: library.get(f"{clause_id}@{version}").meta.rationale


# --- clauses diff --------------------------------------------------------------------------------


def clause_version(library: ClauseLibrary, clause_id: str, version: str) -> ClauseVersion:
    """`villkor/period` and `2` (or `v2`) as given on the command line."""
    from drafter.clauses.approve import find_version

    return find_version(library, f"{clause_id}@{version.lstrip('v')}")


def clause_date(old: ClauseVersion, new: ClauseVersion) -> dt.date | None:
    """A clause comparison is dated by the newer version's approval (None while it has none)."""
    newer = max(old, new, key=lambda v: v.version)
    return newer.meta.approval.date if newer.meta.approval else None


def clause_documents(old: ClauseVersion, new: ClauseVersion, source: bool = False) -> tuple[Document, Document]:
    """Both versions as small model documents (see _document), dated by `clause_date`; their text as a
    reader reads it (drafter/diff/readable.py), or with `source` as written."""
    title = f"{old.id}: version {old.version} jämförd med version {new.version}"
    header = [_info("Äldre version", old), _info("Nyare version", new)]
    date = clause_date(old, new)
    return _document(old, title, header, date, source), _document(new, title, header, date, source)



def _info(label: str, clause: ClauseVersion) -> Paragraph:
    info = version_info(clause)
    return Paragraph([Strong([Text(f"{label}: {info.ref}")]),
                      Text(f" – status {info.status}; fastställd: {info.approval}. Motivering: {info.rationale}")])


def _document(clause: ClauseVersion, title: str, header: list, date: dt.date | None, source: bool = False) -> Document:
    """The body is the clause read as Markdown (ClauseReader): paragraphs, lists, emphasis, footnotes
    and sub-headings become model nodes; each tag a «stand-in», or with `source` as written. Above it
    stand both versions' status, approval and rationale, the same on both sides."""
    from drafter.diff.readable import readable

    try:
        blocks, sections = ClauseReader({}).read(clause.body if source else readable(clause.body))
    except UnsupportedMarkup as exc:
        raise DrafterError(f"Klausulen {clause.ref} innehåller markering som inte stöds: {exc}.",
                           Where(str(clause.path))) from None
    section = Section(heading=clause.meta.heading, blocks=blocks, sections=sections, numbered=False,
                      clause=ClauseUse(clause.id, clause.version, clause.sha256, clause.path.name))
    doc = Document(kind="clause", meta=Metadata(title=title, subject=f"Klausul {clause.id}", author="drafter",
                                                      date=date, date_stands_in=True),
                   sections=[section], preamble=list(header))
    _unnumbered(section)
    number_document(doc)
    return doc


def _unnumbered(section: Section) -> None:
    section.numbered = False
    for sub in section.sections:
        _unnumbered(sub)


# --- clauses history -----------------------------------------------------------------------------

DOCUMENTS = {"outline": "överenskommelse", "proposal": "tjänsteutlåtande"}


def clause_usage(clause_id: str, library: ClauseLibrary, specs: list[Path],
                 problems: list[str] | None = None) -> dict[int, dict[str, list[str]]]:
    """{version: {spec file name: [documents]}}; specs that cannot be read are named in `problems`."""
    from drafter.spec.load import load_spec

    usage: dict[int, dict[str, list[str]]] = {}
    for path in sorted(specs):
        try:
            loaded = load_spec(path)
            spec = loaded.spec
            outlines = [("outline", _placed(spec.outline, loaded, library, ("outline",)))]
            if spec.proposal:
                outlines.append(("proposal", _placed(spec.proposal.outline, loaded, library, ("proposal", "outline"))))
        except DrafterError as exc:
            if problems is not None:
                problems.append(f"{path}: kunde inte läsas ({exc.message})")
            continue
        for document, items in outlines:
            for ref in _refs(items):
                found_id, _, pinned = ref.partition("@")
                if found_id != clause_id:
                    continue
                try:
                    version = int(pinned) if pinned else library.get(found_id).version
                except ClauseNotFound:
                    continue
                documents = usage.setdefault(version, {}).setdefault(path.name, [])
                if DOCUMENTS[document] not in documents:
                    documents.append(DOCUMENTS[document])
    return usage


def _placed(outline, loaded, library: ClauseLibrary, path: tuple):
    """The outline's sections; a standard outline (`standard:` with its changes) resolved to them."""
    from drafter.assemble.standard_outline import resolve_outline

    return resolve_outline(outline, loaded, library.root, path)


def _refs(placed) -> list[str]:
    refs = []
    for p in placed:
        if p.item.clause:
            refs.append(p.item.clause)
        refs += _refs(p.sections)
    return refs
