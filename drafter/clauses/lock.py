"""The approvals lock: the sha256 of every fastställd clause version's text, recorded when it was approved.

`clauses/approvals.lock` is JSON, one entry per "id@version": {"sha256", "heading", "by", "date"} and,
since approvals are scoped, "applies_to", "paragraph", "dnr" and later "approvals" when written; sorted. An entry
is written once and never overwritten: that is the point. `drafter check` (clause-text-changed) compares
each fastställd version used with its entry, so a text edited after approval is found.

    python -m drafter.clauses.lock --update [--clauses DIR]   # record versions not yet in the lock
    python -m drafter.clauses.lock [--clauses DIR]            # list versions missing or changed
    python -m drafter.clauses.lock --headings [--clauses DIR] # record the heading of entries from before issue 13
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LOCK_NAME = "approvals.lock"


def lock_path(root: Path | str) -> Path:
    return Path(root) / LOCK_NAME


def read_lock(root: Path | str) -> dict[str, dict]:
    """The entries of `root/approvals.lock` ({} when there is none). A lock that is not what drafter
    writes is bad input (DrafterError, exit 2) naming the file and the line of the entry."""
    from drafter.errors import DrafterError, Where, os_reason

    path = lock_path(root)
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except OSError as exc:
        raise DrafterError(f"Låsfilen kan inte läsas ({os_reason(exc)}).", Where(str(path))) from None
    except UnicodeDecodeError as exc:
        raise DrafterError(f"Låsfilen är inte sparad som UTF-8 (byte {exc.start}).", Where(str(path))) from None
    except json.JSONDecodeError as exc:
        raise DrafterError(f"Låsfilen är inte giltig JSON ({exc.msg}).", Where(str(path), exc.lineno, exc.colno),
                           _HINT) from None
    if not isinstance(data, dict):
        raise DrafterError("Låsfilen ska vara ett JSON-objekt med en post per klausulversion.",
                           Where(str(path), 1, 1), _HINT)
    for ref, entry in data.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("sha256"), str) and _valid_approval(entry, True)
                and isinstance(entry.get("heading", ""), str)
                and isinstance(entry.get("approvals", []), list)
                and all(isinstance(a, dict) and _valid_approval(a, False) for a in entry.get("approvals", []))):
            line = next((i for i, row in enumerate(text.splitlines(), 1) if json.dumps(ref) in row), None)
            raise DrafterError(f"Posten för {ref} ska vara en samling med sha256, by och date (som text), och "
                               "rubrik, applies_to, paragraph, dnr och approvals i den form drafter skriver dem.",
                               Where(str(path), line, 1 if line else None),
                               _HINT)
    return data


def _valid_approval(record: dict, first: bool) -> bool:
    """by and date as text (None allowed in the first, from before approvals were required); applies_to
    a mapping of texts; paragraph and dnr texts."""
    allowed = (str, type(None)) if first else (str,)
    scope = record.get("applies_to", {})
    return (all(isinstance(record.get(k), allowed) for k in ("by", "date"))
            and isinstance(scope, dict) and all(isinstance(v, str) for v in scope.values())
            and all(isinstance(record.get(k, ""), str) for k in ("paragraph", "dnr")))


_HINT = ("Återställ filen ur versionshanteringen; drafter skriver den själv (`drafter clauses approve`, "
         "`python -m drafter.clauses.lock --update`).")


def write_lock(root: Path | str, entries: dict[str, dict]) -> Path:
    """Write the entries sorted, atomically (a temporary file renamed into place)."""
    path = lock_path(root)
    text = json.dumps(dict(sorted(entries.items())), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    from drafter.output import write_atomic

    write_atomic(path, text.encode("utf-8"))
    return path


def lock_entry(clause_version) -> dict:
    """The lock entry of a fastställd ClauseVersion: the sha256 of its body, its heading (approved with
    the text: a changed heading is found too) and its approval (with the later ones, `approvals`)."""
    approval = clause_version.meta.approval
    entry = {"sha256": clause_version.sha256, "heading": clause_version.meta.heading}
    entry.update(approval_record(approval) if approval else {"by": None, "date": None})
    if clause_version.meta.approvals:
        entry["approvals"] = [approval_record(a) for a in clause_version.meta.approvals]
    return entry


def approval_record(approval) -> dict:
    """One approval as the lock records it: who, when, for whom, § and dnr (those written)."""
    record = {"by": approval.by, "date": approval.date.isoformat()}
    if approval.applies_to is not None:
        record["applies_to"] = approval.applies_to.model_dump(exclude_none=True)
    record.update({k: v for k, v in (("paragraph", approval.paragraph), ("dnr", approval.dnr)) if v})
    return record


def approved_versions(library) -> list:
    return [v for clause_id in library.ids() for v in library.versions(clause_id) if v.meta.status == "fastställd"]


def update_lock(library) -> list[str]:
    """Add an entry for every fastställd version not yet in the lock; existing entries stay as they are.
    Returns the refs added."""
    entries = read_lock(library.root)
    added = [v.ref for v in approved_versions(library) if v.ref not in entries]
    for v in approved_versions(library):
        entries.setdefault(v.ref, lock_entry(v))
    if added or not lock_path(library.root).exists():
        write_lock(library.root, entries)
    return added


def backfill_headings(library) -> tuple[list[str], list[str]]:
    """Record the heading of every entry written before headings were (issue 13), when the version's
    text still matches the entry; an entry whose text does not match is left for a person to judge.
    Returns (refs given a heading, refs left)."""
    entries = read_lock(library.root)
    added, left = [], []
    for v in approved_versions(library):
        entry = entries.get(v.ref)
        if entry is None or "heading" in entry:
            continue
        if entry.get("sha256") == v.sha256:
            entry["heading"] = v.meta.heading
            added.append(v.ref)
        else:
            left.append(v.ref)
    if added:
        write_lock(library.root, entries)
    return added, left


def main(argv: list[str] | None = None) -> int:
    import argparse  # the module's own command line only

    from drafter.clauses.library import ClauseLibrary

    parser = argparse.ArgumentParser(prog="python -m drafter.clauses.lock",
                                     description="Fastställda klausulversioners sha256 i clauses/approvals.lock.")
    parser.add_argument("--update", action="store_true",
                        help="för in fastställda versioner som saknas (befintliga poster skrivs aldrig över)")
    parser.add_argument("--headings", action="store_true",
                        help="för in rubriken i poster från före issue 13 som saknar den (bara där texten stämmer)")
    parser.add_argument("--clauses", type=Path, default=None, help="klausulbibliotekets mapp")
    args = parser.parse_args(argv)
    library = ClauseLibrary(args.clauses)
    if args.headings:
        added, left = backfill_headings(library)
        print(f"{lock_path(library.root)}: rubriken införd i {len(added)} poster"
              + "".join(f"\n  {r}" for r in added)
              + "".join(f"\nlämnad (texten stämmer inte med posten) {r}" for r in left))
        return 1 if left else 0
    if args.update:
        added = update_lock(library)
        print(f"{lock_path(library.root)}: {len(added)} nya poster" + "".join(f"\n  {r}" for r in added))
        return 0
    entries = read_lock(library.root)
    changed = 0
    for v in approved_versions(library):
        entry = entries.get(v.ref)
        if entry is None:
            print(f"saknas   {v.ref}")
        elif entry.get("sha256") != v.sha256:
            changed += 1
            print(f"ändrad   {v.ref}  (fastställd {entry.get('date')} av {entry.get('by')})")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
