"""The agreement lock: `agreements/<spec>.lock` records exactly what a signed document was made of.

Like a package manager's lock file beside its manifest: per locked document every clause id@version
with the sha256 of its heading and text, the sha256 of the document's plain text, the drafter version
and the sha256 of the DOCX and PDF built when it was locked. A build of a locked spec resolves a plain
clause id to the locked version (never the newest fastställd one), and `lock_findings` says when the
record and the library or the spec no longer agree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from drafter.checks.finding import Finding
from drafter.errors import DrafterError, Where
from drafter.locknames import AGREEMENT, document_clauses, document_name
from drafter.locknames import document_label as _label
from drafter.locknames import shown_path as _shown

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary, ClauseVersion
    from drafter.spec.model import Party
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec

SUFFIX = ".lock"
def lock_path(spec_path: Path | str) -> Path:
    return Path(spec_path).with_suffix(SUFFIX)


def clause_sha256(clause: "ClauseVersion") -> str:
    """The hash of what a reader sees of a clause version: its heading and its text."""
    return hashlib.sha256(f"{clause.meta.heading}\n\n{clause.body}".encode("utf-8")).hexdigest()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class BadLock(DrafterError):
    """A lock file that cannot be read (bad input, exit 2)."""


def read_lock(path: Path) -> dict:
    """The lock's documents {name: entry}; {} when there is no lock. A malformed lock is bad input."""
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise BadLock(f"Låsfilen är inte giltig YAML ({exc.problem}).", Where(str(path), line),
                      "Återställ filen från git; den skrivs av `drafter lock`.") from None
    documents = data.get("dokument") if isinstance(data, dict) else None
    if not isinstance(documents, dict) or not all(_valid_entry(e) for e in documents.values()):
        raise BadLock("Låsfilen saknar fältet 'dokument' eller har en post utan drafter-version, "
                      "textens sha256 och klausuler (id, version, sha256), eller med ett brevhuvud, avsnitt "
                      "eller uppgifter som inte är som `drafter lock` skriver dem.", Where(str(path)),
                      "Återställ filen från git; den skrivs av `drafter lock`.")
    return documents


def _valid_entry(entry) -> bool:
    from drafter.lockdetail import valid_details

    return (isinstance(entry, dict) and isinstance(entry.get("drafter"), str)
            and isinstance(entry.get("text_sha256"), str) and isinstance(entry.get("klausuler"), list)
            and all(isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("version"), int)
                    and isinstance(c.get("sha256"), str) for c in entry["klausuler"])
            and valid_details(entry))


def pins(documents: dict) -> dict[str, int]:
    """Clause id → locked version. The agreement's versions come first: a later tillägg may take in a
    newer version only by naming it (id@N), which its own lock entry then records."""
    out: dict[str, int] = {}
    for name in sorted(documents, key=lambda n: n != AGREEMENT):
        for clause in documents[name]["klausuler"]:
            out.setdefault(clause["id"], clause["version"])
    return out


@dataclass
class PinnedLibrary:
    """The clause library as one spec sees it: a plain id resolves to the locked version when the spec
    is locked, else to the newest version fastställd for the spec's public party (drafter/clauses/
    scope.py), else, as always, to the newest fastställd one (which clause-unapproved then reports)."""

    library: "ClauseLibrary"
    pinned: dict[str, int]
    public: "Party | None" = None
    # What this spec's build has looked up, by ref and by clause id: assembly and checks ask for the same
    # clauses a few hundred times, and each lookup lists the clause's folder. One build, one listing.
    _found: dict[str, "ClauseVersion"] = field(default_factory=dict, repr=False, compare=False)
    _listed: dict[str, list["ClauseVersion"]] = field(default_factory=dict, repr=False, compare=False)

    def get(self, ref: str) -> "ClauseVersion":
        if ref not in self._found:  # an error (ClauseNotFound, whose place the caller sets) is not kept
            self._found[ref] = self._get(ref)
        return self._found[ref]

    def versions(self, clause_id: str) -> list["ClauseVersion"]:
        if clause_id not in self._listed:
            self._listed[clause_id] = self.library.versions(clause_id)
        return list(self._listed[clause_id])

    def _get(self, ref: str) -> "ClauseVersion":
        if "@" not in ref:
            if ref in self.pinned:
                ref = f"{ref}@{self.pinned[ref]}"
            elif self.public is not None:
                from drafter.clauses.scope import newest_approved_for

                found = newest_approved_for(self, ref, self.public)
                if found is not None:
                    return found
        from drafter.clauses.library import pick
        from drafter.spec.refs import split_ref

        clause_id, pinned = split_ref(ref)
        return pick(clause_id, pinned, self.versions(clause_id))

    def __getattr__(self, name):
        return getattr(self.library, name)


def pinned_library(loaded: "LoadedSpec", library: "ClauseLibrary", locked: dict | None = None):
    """The library to assemble `loaded` with: pinned to its lock when it has one, and resolving plain
    ids for its public party. `locked`: the lock's documents when the caller has read them."""
    if isinstance(library, PinnedLibrary):
        return library
    documents = read_lock(lock_path(loaded.path)) if locked is None else locked
    return PinnedLibrary(library, pins(documents) if documents else {}, loaded.spec.public)


def keep_letterheads(documents: list["Document"], locked: dict, loaded: "LoadedSpec", library) -> list[Finding]:
    """Each locked document keeps the letterhead it was locked with (drafter/lockdetail.py)."""
    from drafter.lockdetail import keep_letterheads as keep

    return keep(documents, locked, {document_name(d): d for d in documents}, getattr(library, "root", None),
                loaded.path.as_posix(), loaded)


def lock_findings(loaded: "LoadedSpec", library, documents: list["Document"],
                  locked: dict | None = None, path: Path | None = None) -> list[Finding]:
    """Does each locked document still read as locked? Changed clause versions and changed text are
    errors; a newer fastställd version and another drafter version with the same text are info.
    `locked`: the lock's documents when the caller has read them; `path`: the lock file, when it is not
    the one beside `loaded` (the web page checks a copy of the spec)."""
    from drafter import __version__
    from drafter.lockdetail import outline_changes, text_changes
    from drafter.model.text import document_text

    path = path or lock_path(loaded.path)
    if locked is None:
        locked = read_lock(path)
    if not locked:
        return []
    by_name = {document_name(d): d for d in documents}
    spec, where = loaded.path.as_posix(), path.as_posix()
    findings: list[Finding] = []
    brought: dict[str, int] = {}  # the newest version of each clause a tillägg sets out: lock-newer has been heeded
    for clause in (c for d in documents if d.kind == "addendum" for c in d.quotes):
        brought[clause.id] = max(brought.get(clause.id, 0), clause.version)
    for name, entry in locked.items():
        label = _label(name)
        clause_findings = [f for c in entry["klausuler"] for f in _clause_findings(spec, label, c, library,
                                                                                        loaded.spec.public, brought)]
        findings += clause_findings
        changed = any(f.severity == "error" for f in clause_findings)  # then the text differs for that reason
        doc = by_name.get(name)
        if doc is None:
            findings.append(Finding("lock-document", "error", f"{spec}: {label} är låst men specen ger inte "
                                    "längre det dokumentet.", where))
            continue
        used = document_clauses(doc)
        recorded = sorted((c["id"], c["version"]) for c in entry["klausuler"])
        if not recorded and name.startswith("tillagg-") and not any(s.clause for s in doc.walk_sections()):
            used = []  # a tillägg locked before its quoted clause versions were recorded (trial12): not known
        if used != recorded:
            diff = ", ".join([f"{i}@{v} används men är inte låst" for i, v in used if (i, v) not in recorded]
                             + [f"{i}@{v} är låst men används inte" for i, v in recorded if (i, v) not in used])
            chosen = outline_changes(entry, loaded, name)
            why = (f", eftersom {chosen[0]} har ändrats efter låsningen. Den undertecknade texten kan inte ändras; "
                   f"skriv tillbaka {'värdet' if chosen[2] == 1 else 'värdena'} som låstes" if chosen else "")
            findings.append(Finding("lock-clauses", "error", f"{spec}: {label} är låst vid andra "
                                    f"klausulversioner än specen nu ger ({diff}){why}. {_mended(name)}",
                                    chosen[1] if chosen else where, doc.kind))
        elif not changed and text_sha256(document_text(doc)) != entry["text_sha256"]:
            what, field_line = text_changes(doc, entry, loaded, name)
            findings.append(Finding("lock-text", "error", f"{spec}: texten i {label} skiljer sig från den låsta "
                                    "texten; specens uppgifter har ändrats efter låsningen"
                                    + (f" ({what})" if what else f" ({where} anger inte vilka avsnitt; jämför med "
                                       "den undertecknade filen: drafter verify FIL.pdf)")
                                    + f". {_mended(name)}", field_line or where, doc.kind))
        elif not changed and (kept := _kept_values(spec, label, name, entry, loaded, doc)):
            findings += kept
        elif entry["drafter"] != __version__:
            findings.append(Finding("lock-layout", "info", f"{label} låstes med drafter {entry['drafter']} och "
                                    f"byggs nu med drafter {__version__}: samma text, layouten kan skilja.",
                                    where, doc.kind))
    return findings


def file_findings(spec_path: Path, rendered: list[tuple["Document", dict[str, bytes]]],
                  engine: str = "typst") -> list[Finding]:
    """`build`: each file of a locked document compared with the sha256 its lock records (`filer`). A build
    of a locked spec has the locked text (else lock-text stopped it), so a difference is layout: said, never
    silent, since the file built is then not the one that was signed."""
    from drafter import __version__

    path = lock_path(spec_path)
    locked = read_lock(path)
    findings = []
    for doc, files in rendered:
        name = document_name(doc)
        entry = locked.get(name)
        if entry is None:
            continue
        built = {Path(n).suffix[1:]: hashlib.sha256(data).hexdigest() for n, data in files.items()}
        differ = [fmt for fmt, recorded in sorted(entry.get("filer", {}).items())
                  if fmt in built and isinstance(recorded, dict) and recorded.get("sha256") != built[fmt]]
        if not differ:
            continue
        label, kinds = _label(name), " och ".join(f"{fmt.upper()}-filen" for fmt in differ)
        them = "den" if len(differ) == 1 else "de"
        newer = entry["drafter"] != __version__
        if "brevhuvud" in entry:
            why = (f"annan layout — t.ex. en nyare drafter (låst med {entry['drafter']}, byggd med {__version__})"
                   if newer else f"annan layout — t.ex. en nyare drafter med samma versionsnummer ({__version__}) "
                   "eller en ny logotyp")
            said = f"{label} byggs med samma text och brevhuvud som när den låstes, men {why}"
        else:  # a lock from before letterheads were recorded: the letterhead may be what differs
            said = (f"{label} byggs med samma text som när den låstes, men brevhuvudet (husstilen), layouten eller "
                    "drafter kan ha ändrats; låset är från en äldre drafter och anger inte brevhuvudet, så jämför "
                    "sidan 1 med den undertecknade filen")
        if engine == "libreoffice" and "pdf" in differ:
            said += "; PDF:en görs av LibreOffice, som aldrig ger samma byte två gånger"
        findings.append(Finding("lock-layout", "info", f"{spec_path.as_posix()}: {said}: {kinds} är inte byte för "
                                f"byte {them} som låstes. Den undertecknade filen är den som gäller; `drafter verify "
                                "FIL` visar att den är låst.",
                                path.as_posix(), doc.kind))
    return findings


def _kept_values(spec: str, label: str, name: str, entry: dict, loaded: "LoadedSpec",
                 doc: "Document") -> list[Finding]:
    """`lock-text` for what a document with its locked text still does not keep: a value it prints besides
    its text, and the nämnd's decision it rests on (drafter/lockprinted.py)."""
    from drafter.lockprinted import decision_changes, printed_changes

    findings = []
    if printed := printed_changes(entry, loaded, name, doc):
        what, field_line, count, stands, cited = printed
        findings.append(Finding("lock-text", "error", f"{spec}: {label} låstes med andra uppgifter än specen nu "
                                f"ger: {what}. {_printed(name, count, stands, cited)} {_mended(name)}", field_line,
                                doc.kind))
    if decided := decision_changes(entry, loaded, name):
        findings.append(_decision_finding(spec, label, name, decided, doc.kind))
    return findings


def _printed(name: str, count: int, stands: str = "", cited: bool = True) -> str:
    """Why a changed printed value (lockprinted.printed_fields) stops the build, and what to do; `stands`:
    where in the signed file it stands (lockprinted.places); `cited`: a value later tillägg cite (dnr, date)."""
    it, them, value = ("Uppgiften", "den", "värdet") if count == 1 else ("Uppgifterna", "dem", "värdena")
    cites = (f", och tillägg och konsoliderad version hänvisar till {them}" if name == AGREEMENT and cited else "")
    return (f"{it} står i dokumentet som låstes" + (f" ({stands})" if stands else "")
            + f"{cites}; bygget vägras. Skriv tillbaka {value} som låstes.")


def _decision_finding(spec: str, label: str, name: str, decided: tuple[str, str, int], kind: str) -> Finding:
    """A changed decision (lockprinted.decision_changes): the nämnd's decision is a fact, not a text."""
    what, field_line, count = decided
    value = "värdet" if count == 1 else "värdena"
    about = ("tillägget är ett rättsligt faktum" if name.startswith("tillagg-") else
             "överenskommelsen är ett rättsligt faktum, som varje tillägg prövas mot (tak, slutdatum, delegation)")
    return Finding("lock-text", "error", f"{spec}: {label} låstes med ett annat beslut av nämnden än specen nu "
                   f"anger: {what}. Nämndens beslut om {about}; ett fattat beslut ändras inte i efterhand, och "
                   f"bygget vägras. Skriv tillbaka {value} som "
                   "låstes. Har nämnden fattat ett nytt beslut, förs det in genom ett tillägg "
                   "(amendments: decision:).", field_line, kind)


def _mended(name: str) -> str:
    """How a signed document of this kind is changed, the advice lock-text ends with."""
    if name.startswith("tjansteutlatande"):
        return ("Tjänsteutlåtandet är det som nämnden beslutade om och ändras inte; ska överenskommelsen ändras "
                "görs det genom ett tillägg.")
    if name.startswith("tillagg-"):
        return "Ett undertecknat tillägg ändras genom ett nytt tillägg."
    return "En undertecknad överenskommelse ändras genom ett tillägg."


def _clause_findings(spec: str, label: str, clause: dict, library, public: "Party",
                     brought: dict[str, int] | None = None) -> list[Finding]:
    """lock-changed for a locked version whose file changed; lock-newer for a newer fastställd version that no
    tillägg has brought in yet (`brought`: the newest version of each clause a tillägg sets out)."""
    from drafter.clauses.library import ClauseNotFound

    ref = f"{clause['id']}@{clause['version']}"
    try:
        version = library.get(ref)
    except ClauseNotFound:
        return [Finding("lock-changed", "error", f"{spec}: den låsta versionen {ref} finns inte längre i "
                        "klausulbiblioteket.", ref)]
    out = []
    shown = _shown(version.path)
    if clause_sha256(version) != clause["sha256"]:
        what = "texten"
        if "heading" in clause and clause["heading"] != version.meta.heading:
            what = f"rubriken (”{clause['heading']}” → ”{version.meta.heading}”)"
        out.append(Finding("lock-changed", "error", f"{spec}: {label} är låst vid {ref}, men {what} i "
                           f"{shown} har ändrats sedan låsningen. En fastställd version ändras aldrig; "
                           "skriv en ny version.", shown))
    from drafter.clauses.scope import approvals_covering

    newer = [v.version for v in library.versions(clause["id"])  # fastställd for this spec's public party
             if v.meta.status == "fastställd" and v.version > clause["version"]
             and approvals_covering(v.meta.all_approvals, public)]
    if newer and (brought or {}).get(clause["id"], 0) < newer[-1]:
        out.append(Finding("lock-newer", "info", f"{spec}: {clause['id']} har en nyare fastställd version, {newer[-1]}; "
                           f"{label} är låst vid {clause['version']}. Ta in den genom ett tillägg eller en "
                           "förnyad överenskommelse.", ref))
    return out


def lock_entry(doc: "Document", files: dict[str, bytes], library, loaded: "LoadedSpec | None" = None,
               name: str | None = None) -> dict:
    """What the lock records of one document built just now: with `loaded`, also its letterhead, each
    section's text and each spec value, hashed (drafter/lockdetail.py)."""
    from drafter import __version__
    from drafter.lockdetail import section_digests
    from drafter.lockrecord import letterhead_record, value_record
    from drafter.model.text import document_text

    clauses = document_clauses(doc)  # a tillägg's: the versions of the wording it sets out (trial12)
    entry: dict = {"drafter": __version__, "text_sha256": text_sha256(document_text(doc)), "filer": {}}
    for file_name, data in sorted(files.items()):  # not `name`: that is the document's, used below
        entry["filer"][Path(file_name).suffix[1:]] = {"namn": file_name, "sha256": hashlib.sha256(data).hexdigest()}
    entry["klausuler"] = []
    for clause_id, number in clauses:
        version = library.get(f"{clause_id}@{number}")
        entry["klausuler"].append({"id": clause_id, "version": number, "heading": version.meta.heading,
                                   "path": version.path.relative_to(library.root).as_posix(),
                                   "sha256": clause_sha256(version)})
    if loaded is not None:
        entry["brevhuvud"] = letterhead_record(doc)
        entry["avsnitt"] = section_digests(doc)
        entry["uppgifter"] = value_record(loaded, name or document_name(doc))
    return entry


def write_lock(spec_path: Path, entries: dict[str, dict]) -> Path:
    """Add `entries` to the spec's lock file (a locked document is never re-locked)."""
    path = lock_path(spec_path)
    documents = read_lock(path)
    documents.update(entries)
    header = (f"# Lås för {spec_path.name}: vad de undertecknade dokumenten byggdes av.\n"
              "# Skriven av `drafter lock`; ändra inte för hand. Checka in den tillsammans med specen.\n")
    body = yaml.safe_dump({"spec": spec_path.name, "dokument": documents}, allow_unicode=True, sort_keys=False,
                          width=120)
    path.write_text(header + body, encoding="utf-8")
    return path
