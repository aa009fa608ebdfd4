"""`drafter lock` as a library call: build the named documents of a signed spec and record them in its lock.

Apart from drafter/lockfile.py, which only reads and writes the record: locking builds, so it stands
above drafter/build.py, while the build (through its checks) reads the lock below it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError, Where
from drafter.lockfile import lock_entry, lock_path, read_lock, write_lock
from drafter.locknames import AGREEMENT, document_name
from drafter.locknames import document_label as _label

if TYPE_CHECKING:
    from collections.abc import Callable

    from drafter.checks.finding import Finding
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.load import LoadedSpec

# The checks on the order of the dates (drafter/checks/decision_order.py): an agreement signed before the
# decision it rests on is a warning there, and `lock` repeats it rather than checking it again.
DATE_ORDER = ("agreement-before-decision", "decision-before-proposal")


def lock_spec(spec_path: Path | str, names: list[str], library: "ClauseLibrary", *, future_date: bool = False,
              today: dt.date | None = None,
              report: "Callable[[Finding], None] | None" = None) -> tuple[Path, dict[str, dict]]:
    """`drafter lock`: build the named documents of a spec as they read now and record them in its lock.
    A document or decision dated after `today` is refused unless `future_date` says it is meant;
    `report` is told the checks' warnings on the order of the dates (DATE_ORDER), which a lock does
    not stop at but should not keep quiet about either."""
    from drafter.build import BuildOptions, ChecksFailed, render_documents
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec

    spec_path = Path(spec_path)
    loaded = load_spec(spec_path)
    locked = read_lock(lock_path(spec_path))
    _may_lock(loaded, names, locked)
    if not future_date:
        _not_ahead(loaded, names, today or _today())
    prepared = prepare(loaded, library)
    if prepared.has_errors:
        raise ChecksFailed(spec_path, prepared.findings)
    for finding in prepared.findings:
        if report and finding.code in DATE_ORDER and finding.severity == "warning" and not finding.acknowledged:
            report(finding)
    documents = prepared.documents
    by_name = {document_name(d): d for d in documents}
    entries = {}
    for name in names:
        if name not in by_name:
            raise DrafterError(f"{spec_path} ger inget dokument '{name}'.", Where(str(spec_path)),
                               "Dokument som kan låsas: " + ", ".join(sorted(by_name)) + ".")
        if name in locked:
            raise DrafterError(f"{_label(name).capitalize()} i {spec_path} är redan låst.",
                               Where(str(lock_path(spec_path))),
                               "Ett undertecknat dokument låses en gång; ändringar görs genom ett tillägg.")
        doc = by_name[name]
        (rendered,) = render_documents([doc], spec_path.stem, BuildOptions(library=library))
        files = rendered.files
        entries[name] = lock_entry(doc, files, library, loaded, name)
    return write_lock(spec_path, entries), entries


def _may_lock(loaded: "LoadedSpec", names: list[str], locked: dict) -> None:
    """Only what has been signed is locked: a spec marked slutlig, and each tillägg after the one before
    it (tillägg nr 1 after the agreement), since a tillägg amends what was signed before it."""
    spec_path = loaded.path
    if loaded.spec.document.status != "slutlig":
        raise DrafterError(f"{spec_path} är ett utkast (document.status: {loaded.spec.document.status}); bara "
                           "ett undertecknat dokument låses.", loaded.where("document", "status"),
                           "Skriv status: slutlig under document: när dokumenten är fastställda och undertecknade, "
                           "och lås sedan.")
    done = set(locked)
    for name in names:
        if name.startswith("tillagg-") and name.removeprefix("tillagg-").isdigit():
            number = int(name.removeprefix("tillagg-"))
            before = f"tillagg-{number - 1}" if number > 1 else AGREEMENT
            if before not in done:
                raise DrafterError(f"{_label(name).capitalize()} i {spec_path} kan inte låsas före {_label(before)}.",
                                   Where(str(lock_path(spec_path))),
                                   f"Lås först {_label(before)}: drafter lock {spec_path} --document {before}"
                                   + f" --document {name}.")
        done.add(name)


def _today() -> dt.date:
    return dt.date.today()


def _dates(loaded: "LoadedSpec", name: str) -> list[tuple[str, tuple, dt.date | None]]:
    """The dates a lock of `name` says have come, as (whose date, field path, date): the document's
    and the decision's it rests on (the nämnd's for the agreement and its tjänsteutlåtande, a tillägg's own)."""
    spec = loaded.spec
    decision = ("beslutets", ("decision", "date"), spec.decision.date if spec.decision else None)
    if name == AGREEMENT:
        return [("överenskommelsens", ("document", "date"), spec.document.date), decision]
    if name == "tjansteutlatande":
        return [("tjänsteutlåtandets", ("proposal", "date"), spec.proposal.date if spec.proposal else None), decision]
    number = name.rpartition("-")[2]
    for i, amendment in enumerate(spec.amendments):
        if number.isdigit() and amendment.number == int(number):
            made = ("beslutets", ("amendments", i, "decision", "date"), amendment.decision.date)
            if name.startswith("tjansteutlatande-"):
                proposal = amendment.proposal
                return [("tjänsteutlåtandets", ("amendments", i, "proposal", "date"),
                         proposal.date if proposal else None), made]
            return [("tilläggets", ("amendments", i, "date"), amendment.date), made]
    return []


def _not_ahead(loaded: "LoadedSpec", names: list[str], today: dt.date) -> None:
    """A lock records that a document is signed (or, for a tjänsteutlåtande, decided on): a document or
    decision dated after today cannot be that yet (trial7: an agreement dated 10 December locked on
    29 November). Refused, naming every such date, unless the user says it is meant (--future-date)."""
    from drafter.formatting import datum

    said: dict[str, list[str]] = {}
    first = None
    for name in names:
        for whose, field, day in _dates(loaded, name):
            if day is None or day <= today:
                continue
            where = loaded.where(*field)
            first = first or where
            line = f", rad {where.line}" if where.line else ""
            said.setdefault(name, []).append(f"{whose} datum är {datum(day)} ({'.'.join(map(str, field))}{line})")
    if not said:
        return
    what = _label(next(iter(said))).capitalize() if len(said) == 1 else "Dokumenten"
    raise DrafterError(
        f"{what} kan inte låsas i dag, {datum(today)}: "
        + "; ".join((f"{_label(name)}: " if len(said) > 1 else "") + " och ".join(parts) for name, parts in said.items())
        + ". Ett lås säger att dokumentet är undertecknat (ett tjänsteutlåtande: att nämnden har beslutat om det), "
        "och det kan det inte vara före sitt datum eller före beslutet.", first,
        "Lås när dokumentet är undertecknat och beslutet fattat. Är ett datum fel, rätta det i specen. Är dokumentet "
        f"verkligen redan undertecknat med ett senare datum, lås med: drafter lock {loaded.path} "
        + " ".join(f"--document {name}" for name in names) + " --future-date")
