"""What an approval will do to the specs: which documents float to the new version, which are locked.

`drafter clauses approve` resolves every spec's documents before and after the approval (with each
spec's own lock, drafter/lockfile.py) and says, per spec, which documents the next build changes
("överenskommelsen: villkor/period v2 → v3") and which locked documents it leaves as they were signed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary, ClauseVersion
    from drafter.clauses.scope import Scope
    from drafter.spec.model import Party

REFUSED = ("overenskommelse", "tjansteutlatande")  # a slutlig spec's documents whose changed build is refused
LABELS = {"overenskommelse": "överenskommelsen", "tjansteutlatande": "tjänsteutlåtandet",
          "overenskommelse-konsoliderad": "den konsoliderade överenskommelsen"}


def label(name: str) -> str:
    if name.startswith("tillagg-"):
        return f"tillägg nr {name.removeprefix('tillagg-')}"
    return LABELS.get(name, name)


@dataclass
class Resolved:
    """One spec's documents: {document name: {clause id: versions}}, and the names it has locked."""

    documents: dict[str, dict[str, list[int]]]
    locked: set[str]
    final: bool
    pinned: dict[str, int] = field(default_factory=dict)  # the lock's versions, which every document follows
    approved: set[str] = field(default_factory=set)  # "id@N" used and fastställd for the spec's public party


@dataclass
class Effect:
    spec: Path
    changed: list[str] = field(default_factory=list)  # "överenskommelsen: villkor/period v2 → v3"
    untouched: list[tuple[str, str, str]] = field(default_factory=list)  # (document, how, version):
    # ("överenskommelsen", "låst vid", "villkor/period@2"); how: låst vid, följer låset:, or använder (a
    # version the spec names, id@N, or that stays the newest fastställd)
    final_unlocked: bool = False
    signed: list[str] = field(default_factory=list)  # "villkor/period@2": the version a slutlig document was built with
    now_approved: list[tuple[str, str]] = field(default_factory=list)  # (document, version): same text, but now
    # fastställd for the spec's public party, so its check changes (clause-unapproved no longer said)


def resolve(specs: list[Path], library: "ClauseLibrary", problems: dict[Path, str]) -> dict[Path, Resolved]:
    """Each spec's documents as a build would assemble them now; a spec that cannot be assembled is
    left out, with the reason in `problems`."""
    from drafter.assemble import assemble_documents
    from drafter.lockfile import document_name, lock_path, pinned_library, pins, read_lock
    from drafter.spec.load import load_spec

    out: dict[Path, Resolved] = {}
    for path in specs:
        try:
            loaded = load_spec(path)
            documents = assemble_documents(loaded, pinned_library(loaded, library))
            lock = read_lock(lock_path(path))
        except DrafterError as exc:
            problems[path] = exc.message
            continue
        except Exception as exc:  # noqa: BLE001 (a bug in drafter must not hide that the approval is written)
            problems[path] = f"internt fel i drafter ({type(exc).__name__}); kör drafter check på specen"
            continue
        resolved: dict[str, dict[str, list[int]]] = {}
        for doc in documents:
            versions = resolved.setdefault(document_name(doc), {})
            for section in doc.walk_sections():
                if section.clause and section.clause.version not in versions.setdefault(section.clause.id, []):
                    versions[section.clause.id].append(section.clause.version)
        out[path] = Resolved(resolved, set(lock), loaded.spec.document.status == "slutlig", pins(lock),
                             _approved(resolved, library, loaded.spec.public))
    return out


def _approved(resolved: dict[str, dict[str, list[int]]], library: "ClauseLibrary", public) -> set[str]:
    """The versions the documents use that are fastställd for the spec's public party."""
    from drafter.clauses.library import ClauseNotFound
    from drafter.clauses.scope import approvals_covering

    out = set()
    for ref in {f"{i}@{v}" for clauses in resolved.values() for i, versions in clauses.items() for v in versions}:
        try:
            meta = library.get(ref).meta
        except ClauseNotFound:
            continue
        if meta.status == "fastställd" and public is not None and approvals_covering(meta.all_approvals, public):
            out.add(ref)
    return out


def effects(clause_id: str, before: dict[Path, Resolved], after: dict[Path, Resolved],
            broken: dict[Path, str]) -> list[Effect]:
    """Per spec that uses `clause_id`: the documents that change, and the locked ones that do not;
    `broken` are the specs that no longer assemble after the approval, with the reason."""
    out = []
    for path, old in before.items():
        new = after.get(path)
        effect = Effect(path)
        if new is None and path in broken:
            effect.changed.append(f"kan inte längre byggas: {broken[path]}")
            effect.final_unlocked = old.final
            effect.signed = [f"{clause_id}@{v}" for name, clauses in old.documents.items() if name in REFUSED
                             and name not in old.locked for v in sorted(clauses.get(clause_id, []))]
            effect.signed = list(dict.fromkeys(effect.signed))
            out.append(effect)
            continue
        for name, clauses in old.documents.items():
            if clause_id not in clauses:
                continue
            was = sorted(clauses[clause_id])
            now = sorted(new.documents.get(name, {}).get(clause_id, [])) if new else was
            shown = ", ".join(f"@{v}" for v in was)
            if was != now:
                effect.changed.append(f"{label(name)}: {clause_id} " + ", ".join(f"v{v}" for v in was)
                                      + " → " + ", ".join(f"v{v}" for v in now))
                if old.final and name not in old.locked and name in REFUSED:  # drafter/clauses/changes.py
                    effect.final_unlocked = True
                    effect.signed += [f"{clause_id}@{v}" for v in was if f"{clause_id}@{v}" not in effect.signed]
            elif new and any(f"{clause_id}@{v}" in new.approved - old.approved for v in was):
                effect.now_approved.append((label(name), f"{clause_id}{shown}"))
            else:
                how = "låst vid" if name in old.locked else "följer låset:" if clause_id in old.pinned else "använder"
                effect.untouched.append((label(name), how, f"{clause_id}{shown}"))
        if effect.changed or effect.untouched or effect.now_approved:
            out.append(effect)
    return out


@dataclass
class Summary:
    """What one approval does to the specs, per spec: the documents the next build changes ("Ändras vid
    nästa bygge") and the ones it leaves as they are ("Rörs inte"). Said alike by `clauses approve` and
    the web page's Fastställ."""

    changed: dict[Path, list[str]] = field(default_factory=dict)
    untouched: dict[Path, list[str]] = field(default_factory=dict)  # one entry per document and how
    final_unlocked: set[Path] = field(default_factory=set)  # changed, slutlig and not locked: its build is refused
    signed: dict[Path, list[str]] = field(default_factory=dict)  # the versions to pin it at again
    approved_for: Path | None = None  # `approve --spec`: the spec the versions were approved for
    approved_count: int = 0
    now_approved: dict[Path, list[str]] = field(default_factory=dict)  # same text, now fastställd for it

    def lines(self, shown=str) -> list[str]:
        """The summary as the command prints it; `shown` names a spec (its path, or as the web page shows it)."""
        out = []
        if self.changed:
            out.append("Ändras vid nästa bygge:")
            for path, lines in self.changed.items():
                note = _refused_note(self.signed.get(path, [])) if path in self.final_unlocked else ""
                out.append(f"  {shown(path)}: " + "; ".join(lines) + note)
        if self.now_approved:
            out.append("Samma text, nu fastställd för specens offentliga part (kontrollen säger inte längre "
                       "clause-unapproved om den):")
            for path, lines in self.now_approved.items():
                out.append(f"  {shown(path)}: " + "; ".join(lines))
        if self.untouched:
            out.append("Rörs inte:")
            for path, lines in self.untouched.items():
                out.append(f"  {shown(path)}: " + "; ".join(lines))
        if self.approved_for is not None and self.approved_for not in self.changed:
            out.append(f"Specen som fastställelsen gäller, {shown(self.approved_for)}, får samma texter som förut; "
                       f"de {self.approved_count} versionerna räknas nu som fastställda för den."
                       if self.approved_count != 1 else
                       f"Specen som fastställelsen gäller, {shown(self.approved_for)}, får samma text som förut; "
                       "versionen räknas nu som fastställd för den.")
        return out


def _refused_note(signed: list[str]) -> str:
    """What a slutlig, unlocked spec's next build does after the approval, and what to do (clauses/changes.py)."""
    pin = (f"Skriv {' och '.join(signed)} i specen" if signed else  # not known: a spec that no longer assembles
           "Skriv i specen den version av klausulen som dokumentet undertecknades med, som id@versionsnummer "
           "(versionen står i manifest.json i specens mapp under output/),")
    return ("  – slutligt men inte låst: en undertecknad text får inte ändras, så nästa bygge vägras när "
            "versionen fastställdes efter dokumentets datum (clause-approved-after-date) eller "
            f"dokumentet har byggts förut (clause-version-changed). {pin} och lås det med `drafter lock`; ska texten "
            "ändras, gör det i ett tillägg")


def summarise(clause_ids: list[str], before: dict[Path, Resolved], after: dict[Path, Resolved],
              broken: dict[Path, str], approved_for: Path | None = None) -> Summary:
    """The effects of approving versions of `clause_ids`, gathered per spec (each line once). What a spec
    leaves as it was is one entry per document and kind ("använder 33 av klausulerna" when there are more
    than FEW); `approved_for` (`approve --spec`) is not listed as untouched: those versions were approved
    for it."""
    summary = Summary(approved_for=approved_for, approved_count=len(clause_ids))
    untouched: dict[Path, dict[tuple[str, str], list[str]]] = {}
    for clause_id in clause_ids:
        for e in effects(clause_id, before, after, broken):
            for line in e.changed:
                if line not in summary.changed.setdefault(e.spec, []):
                    summary.changed[e.spec].append(line)
            if not _same(e.spec, approved_for):
                for document, how, version in e.untouched:
                    untouched.setdefault(e.spec, {}).setdefault((document, how), []).append(version)
                for document, version in e.now_approved:
                    line = f"{document} ({version})"
                    if line not in summary.now_approved.setdefault(e.spec, []):
                        summary.now_approved[e.spec].append(line)
            if e.final_unlocked:
                summary.final_unlocked.add(e.spec)
                summary.signed.setdefault(e.spec, []).extend(r for r in e.signed if r not in summary.signed[e.spec])
    summary.changed = {k: v for k, v in summary.changed.items() if v}
    summary.now_approved = {k: v for k, v in summary.now_approved.items() if v}
    summary.untouched = {path: [f"{document} ({how} " + (", ".join(versions) if len(versions) <= FEW
                                                          else f"{len(versions)} av klausulerna") + ")"
                                for (document, how), versions in groups.items()]
                         for path, groups in untouched.items()}
    return summary


FEW = 3  # up to this many versions a document leaves as they were are named; more are counted


def _same(path: Path, other: Path | None) -> bool:
    if other is None:
        return False
    try:
        return path.resolve() == other.resolve()
    except OSError:
        return path == other


@dataclass
class Wanted:
    """What `clauses approve --spec` would approve: the versions the spec's documents use that are not
    fastställd for its public party, and the upphävda ones no approval can help."""

    party: "Scope"
    public: "Party"
    unapproved: list["ClauseVersion"] = field(default_factory=list)
    retired: list["ClauseVersion"] = field(default_factory=list)


def unapproved_in(path: Path, library: "ClauseLibrary") -> Wanted:
    """The clause versions a spec's documents use (as a build resolves them, its lock followed) that
    still need an approval for its public party, in reading order."""
    from drafter.assemble import assemble_documents
    from drafter.clauses.scope import approvals_covering, party_scope
    from drafter.lockfile import pinned_library
    from drafter.spec.load import load_spec

    loaded = load_spec(path)
    public = loaded.spec.public
    wanted = Wanted(party_scope(public), public)
    seen: set[str] = set()
    for doc in assemble_documents(loaded, pinned_library(loaded, library)):
        for section in doc.walk_sections():
            use = section.clause
            if use is None or f"{use.id}@{use.version}" in seen:
                continue
            seen.add(f"{use.id}@{use.version}")
            clause = library.get(f"{use.id}@{use.version}")
            if clause.meta.status == "upphävd":
                wanted.retired.append(clause)
            elif clause.meta.status != "fastställd" or not approvals_covering(clause.meta.all_approvals, public):
                wanted.unapproved.append(clause)
    return wanted
