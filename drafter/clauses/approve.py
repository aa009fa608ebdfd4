"""Approve a clause version: status fastställd and its approval in the front matter, its text in the lock.

Only the front matter lines that must change are rewritten (the `status:` line, and an `approval:`
block put right after it); every other byte of the file, the body above all, stays as it was. The
body's sha256 then goes into clauses/approvals.lock, so `drafter check` (clause-text-changed) finds
any later edit of the approved text. Both files are replaced whole (a crash leaves the old file or
the new one, never an empty one), under a lock on the library folder.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import yaml

from drafter.clauses.library import ClauseLibrary, ClauseNotFound, ClauseVersion
from drafter.clauses.lock import lock_entry, read_lock, write_lock
from drafter.errors import DrafterError, Where
from drafter.output import locked, write_atomic

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
REF = re.compile(r"^([a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*)@v?([1-9][0-9]*)$")


class ApprovalRefused(DrafterError):
    """The version exists but cannot be approved as it stands (already fastställd, upphävd, locked): exit 1."""

    exit_code = 1


def parse_date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DrafterError(f"'{text}' är inget giltigt datum.", hint="Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-07-01.") from None


def find_version(library: ClauseLibrary, ref: str) -> ClauseVersion:
    """`id@N` (or `id@vN`) as given on the command line; an unknown id or version is bad input (exit 2)."""
    match = REF.fullmatch(ref)
    if not match:
        raise DrafterError(f"'{ref}' anger ingen klausulversion.", hint="Skriv id@version, t.ex. villkor/aterkrav@2.")
    try:
        return library.get(f"{match.group(1)}@{match.group(2)}")
    except ClauseNotFound as exc:
        raise DrafterError(exc.message, exc.where, exc.hint) from None


def approve(library: ClauseLibrary, ref: str, by: str, date: dt.date) -> ClauseVersion:
    """Approve under a lock on the library folder (another approve waits, so both entries reach the
    lock file); the clause file and the lock file are each replaced whole (temporary file, rename)."""
    by = by.strip()
    if not by:
        raise DrafterError("Ange vem som fastställer versionen med --by.", hint='T.ex. --by "Socialnämnden i Stockholms stad".')
    find_version(library, ref)  # an unknown ref is reported before waiting for the lock
    with locked(library.root):
        library = ClauseLibrary(library.root)  # read afresh under the lock: another approve may have written
        return _approve(library, find_version(library, ref), by, date)


def _approve(library: ClauseLibrary, clause: ClauseVersion, by: str, date: dt.date) -> ClauseVersion:
    if clause.meta.status == "fastställd":
        approval = clause.meta.approval
        assert approval is not None  # ClauseMeta requires an approval of every fastställd version
        raise ApprovalRefused(f"{clause.ref} är redan fastställd ({approval.by}, {approval.date.isoformat()}).",
                              Where(str(clause.path), 2, None, "status"),
                              "En fastställd text ändras inte: skriv en ny version och fastställ den.")
    if clause.meta.status == "upphävd":
        raise ApprovalRefused(f"{clause.ref} är upphävd och kan inte fastställas.", Where(str(clause.path), 2, None, "status"),
                              "Skriv en ny version av klausulen och fastställ den.")
    entries = read_lock(library.root)
    if clause.ref in entries and entries[clause.ref].get("sha256") != clause.sha256:
        raise ApprovalRefused(f"{clause.ref} finns redan i {library.root / 'approvals.lock'} med en annan text.",
                              Where(str(clause.path)), "Skriv en ny version av klausulen och fastställ den.")
    original = clause.path.read_bytes()
    write_atomic(clause.path, rewrite_front_matter(original.decode("utf-8"), by, date).encode("utf-8"))
    approved = ClauseLibrary(library.root).get(clause.ref)
    if approved.body != clause.body or approved.meta.status != "fastställd":  # never leave a broken file
        write_atomic(clause.path, original)
        raise RuntimeError(f"{clause.path}: front matter kunde inte skrivas om")
    entries.setdefault(approved.ref, lock_entry(approved))
    write_lock(library.root, entries)
    return approved


def rewrite_front_matter(text: str, by: str, date: dt.date) -> str:
    lines = text.splitlines(keepends=True)
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    head = lines[1:end]
    status = next(i for i, line in enumerate(head) if _key(line) == "status")
    newline = "\r\n" if head[status].endswith("\r\n") else "\n"
    kept = []
    skipping = False
    for i, line in enumerate(head):
        if _key(line) == "approval":
            skipping = True
            continue
        if skipping and (line[:1] in (" ", "\t") or not line.strip()):
            continue
        skipping = False
        if i == status:
            kept.append("status: fastställd" + newline)
            kept += [f"approval:{newline}", f"  by: {_scalar(by)}{newline}", f"  date: {date.isoformat()}{newline}"]
            continue
        kept.append(line)
    return "".join([lines[0], *kept, *lines[end:]])


def _key(line: str) -> str | None:
    match = _KEY.match(line)
    return match.group(1) if match else None


def _scalar(value: str) -> str:
    """`value` as YAML: plain when it reads back the same, else a double-quoted string."""
    try:
        if yaml.safe_load(f"by: {value}") == {"by": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)

