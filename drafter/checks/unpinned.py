"""clause-unpinned: a slutlig document that names a clause without a version, and is not locked at it;
and a tillägg of a signed, locked agreement that is not locked itself.

A plain id (`villkor/uppsagning`) means "the newest fastställd version", so a later approval would
change the text of a document that has been signed. `drafter build` refuses that build once it has
happened (drafter/clauses/changes.py); this says it beforehand, in `check`, with the version to write:
the one in force for the public party on the document's date (drafter/clauses/valid.py), which after a
later approval is not the one used now.
The lock's versions count as pinned: a locked spec builds every document from them (drafter/lockfile.py).

An unlocked tillägg is rebuilt from whatever holds at the next build — a new address or logo in the
house style, a newly approved clause version — so once signed it would change silently, as an unlocked
signed agreement does: the same warning, with `drafter lock --document tillagg-N` as the fix.
"""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.clauses.scope import party_scope
from drafter.spec.refs import split_ref
from drafter.swedish.format import datum

GROUP_FROM = 4  # this many plain ids are one finding listing them, as clause-unapproved does


def floating(ctx: CheckContext) -> list[tuple[tuple, str]]:
    """(field path, clause id) of each reference written without a version that the lock does not pin."""
    from drafter.lockfile import pins

    pinned = pins(ctx.locked) if ctx.locked else {}
    out = []
    for path, ref in ctx.clause_refs:
        clause_id, version = split_ref(ref)
        if version is None and clause_id not in pinned:
            out.append((path, clause_id))
    return out


def pin_of(ctx: CheckContext, clause_id: str, used: list[int]):
    """The version of `clause_id` to pin: the one in force for the public party on the agreement's date
    (document.date, the day the set is signed; the tjänsteutlåtande's texts are fastställda by the
    decision it asks for, so its own date is no test), from the versions the spec's library already listed."""
    from drafter.clauses.valid import pin_for

    return pin_for(clause_id, ctx.library.versions(clause_id), ctx.spec.public, ctx.spec.document.date, used)


def _used(ctx: CheckContext) -> dict[str, list[int]]:
    """The versions the documents use now, by clause id: what to pin."""
    out: dict[str, list[int]] = {}
    for doc in ctx.documents:
        for section in doc.walk_sections():
            if section.clause and section.clause.version not in out.setdefault(section.clause.id, []):
                out[section.clause.id].append(section.clause.version)
    return out


def check_unpinned(ctx: CheckContext):
    if ctx.spec.document.status != "slutlig":
        return
    used = _used(ctx)
    found = []
    named: set[str] = set()
    for path, clause_id in floating(ctx):
        if path[0] == "amendments":
            continue  # a tillägg is written later, and locked on its own when signed (drafter/lockfile.py)
        if clause_id in named:
            continue  # in the agreement's and the tjänsteutlåtande's outlines alike: said once, where first
        named.add(clause_id)
        versions = sorted(used.get(clause_id, []))
        if not versions:
            continue  # not in any document (a clause the spec names but does not use): nothing to change
        found.append((f"{clause_id}@{versions[-1]}", ctx.where(*path), pin_of(ctx, clause_id, versions)))
    if not found:
        return
    fix = ("eller lås dokumentet när det undertecknats (`drafter lock`). Bygget vägras annars när en ny version "
           "fastställs (clause-version-changed).")
    if len(found) < GROUP_FROM:
        for ref, where, pin in found:
            yield Finding("clause-unpinned", "warning",
                          f"Dokumentet är slutligt (document.status: slutlig), men {ref.split('@')[0]} anges utan "
                          f"version och är inte låst: en ny fastställd version ändrar texten. Skriv {pin.ref}"
                          f"{pin.told}, {fix}", where)
        return
    day, unknown = ctx.spec.document.date, sum(1 for _, _, pin in found if not pin.known)
    said = (f"de versioner som gällde för {party_scope(ctx.spec.public).describe()} den {datum(day)}" if not unknown
            else f"versionerna (för {unknown} av dem var ingen version fastställd för den offentliga parten den "
                 f"{datum(day)}: kontrollera att det är de texter som undertecknades)")
    yield Finding("clause-unpinned", "warning",
                  f"Dokumentet är slutligt (document.status: slutlig), men {len(found)} klausuler anges utan version "
                  f"och är inte låsta: en ny fastställd version ändrar texten. Skriv {said}: "
                  + ", ".join(pin.ref for _, _, pin in found)
                  + f"; {fix} `drafter check --format json` visar varje klausul för sig och varför.",
                  ctx.where("document", "status"),
                  details=[{"clause": ref, "where": where, "message": f"Skriv {pin.ref}{pin.told}."}
                           for ref, where, pin in found])  # clause: the version used now, as acknowledge reads it


def unlocked_tillagg(loaded, documents: list, locked: dict) -> list[Finding]:
    """A tillägg of a slutlig agreement that has been locked (signed), while the tillägg is not locked.
    Called by the pipeline with every document (the checks see the addenda one state at a time)."""
    from drafter.formatting import datum
    from drafter.lockfile import AGREEMENT

    if loaded.spec.document.status != "slutlig" or AGREEMENT not in locked:
        return []
    made = {doc.part for doc in documents if doc.kind == "addendum"}  # one that changes no text makes none
    spec, out = loaded.path.as_posix(), []
    for a, amendment in enumerate(loaded.spec.amendments):
        name = f"tillagg-{amendment.number}"
        if str(amendment.number) not in made or name in locked:
            continue
        where = loaded.where("amendments", a, "date")
        out.append(Finding(
            "clause-unpinned", "warning",
            f"Tillägg nr {amendment.number} (daterat {datum(amendment.date)}) till den låsta överenskommelsen är "
            "inte låst: det byggs om med det som gäller vid varje bygge, till exempel en ny adress eller logotyp i "
            "husstilen eller en ny fastställd klausulversion, så när det är undertecknat kan filen tyst skilja sig "
            f"från den undertecknade. Lås det när det har undertecknats: drafter lock {spec} --document {name}.",
            f"{where.file}:{where.line}" if where.line else where.file, "addendum"))
    return out


CHECKS = [check_unpinned]
