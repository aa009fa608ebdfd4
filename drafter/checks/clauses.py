"""clause-unapproved, clause-retired, clause-approved-after-date, clause-text-changed: the clause versions
the documents use. A fastställd version counts as approved only where one of its approvals applies to
the spec's public party (drafter/clauses/scope.py)."""

from __future__ import annotations

from drafter.checks import unpinned  # clause-unpinned: a slutlig document's plain ids
from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.clauses.lock import LOCK_NAME, read_lock
from drafter.clauses.scope import approvals_covering, party_scope
from drafter.errors import Severity
from drafter.locknames import document_name
from drafter.locknames import shown_path as _shown


GROUP_FROM = 4  # this many unapproved versions in one document are one finding listing them
# What the parties sign: a text in it must be fastställd by then. A proposal comes before the decision
# that approves its texts, so its date is no test.
SIGNED = ("agreement", "addendum")


def _used_in(ctx: CheckContext):
    """(document, ClauseVersion), once per clause version and document, in reading order."""
    seen = set()
    for doc in ctx.documents:
        for section in doc.walk_sections():
            use = section.clause
            if use is None or (doc.kind, doc.part, use.id, use.version) in seen:
                continue
            seen.add((doc.kind, doc.part, use.id, use.version))
            yield doc, ctx.library.get(f"{use.id}@{use.version}")


def _used(ctx: CheckContext):
    """(document kind, ClauseVersion), once per clause version and document, in reading order."""
    seen = set()
    for doc, clause in _used_in(ctx):
        if (doc.kind, clause.ref) not in seen:
            seen.add((doc.kind, clause.ref))
            yield doc.kind, clause


def check_clause_status(ctx: CheckContext):
    final = ctx.spec.document.status == "slutlig"
    severity: Severity = "error" if final else "warning"
    state = ("dokumentet är slutligt (document.status: slutlig) och får bara använda fastställda versioner"
             if final else "den måste fastställas innan dokumentet kan bli slutligt")
    here = party_scope(ctx.spec.public)
    unapproved: dict[tuple[str, str], list[tuple[str, Finding]]] = {}
    late: dict[tuple[str, str, str], list[tuple[str, Finding]]] = {}
    floating = unpinned.floating(ctx)  # the references written without a version that no lock pins
    # The agreement's clauses named without a version and not locked: a later approval would slip into it.
    floats = {clause_id for path, clause_id in floating if path[0] == "outline"} if final else set()
    plain = {clause_id for _, clause_id in floating}
    changed = _unlocked_in_locked(ctx)
    for doc, clause in _used_in(ctx):
        if (clause.id, clause.version) in changed.get(doc.kind if doc.kind == "consolidated" else document_name(doc), ()):
            continue  # a signed document's text changed: lock-clauses says it, never "fastställ dem" (trial12)
        status = clause.meta.status
        where = ctx.where_clause_used(clause.id, clause.version)
        if status in ("utkast", "granskad"):
            unapproved.setdefault((doc.kind, doc.part), []).append((clause.ref, Finding(
                "clause-unapproved", severity,
                f"Klausulen {clause.ref} ({clause.meta.heading}) har status {status}, inte fastställd; {state}. "
                + _approve_spec_hint(ctx),
                where, doc.kind)))
        elif status == "fastställd":
            covering = approvals_covering(clause.meta.all_approvals, ctx.spec.public)
            if not covering:
                unapproved.setdefault((doc.kind, doc.part), []).append((clause.ref, Finding(
                    "clause-unapproved", severity,
                    f"Klausulen {clause.ref} ({clause.meta.heading}) är fastställd av "
                    + " och av ".join(a.describe() for a in clause.meta.all_approvals)
                    + f", inte för den offentliga parten här ({here.describe()}); den räknas därför inte som "
                    f"fastställd här, och {state}. " + (_elsewhere(ctx, clause, here) if clause.id in plain else "")
                    + _approve_hint(ctx, clause, here),
                    where, doc.kind)))
            elif final and doc.kind in SIGNED and doc.meta.date and all(a.date > doc.meta.date for a in covering):
                first = min(covering, key=lambda a: a.date)
                said = (f"Klausulen {clause.ref} ({clause.meta.heading}) fastställdes {first.date.isoformat()} "
                        f"({first.by}), efter dokumentets datum {doc.meta.date.isoformat()}")
                if doc.kind == "agreement" and clause.id in floats:
                    late.setdefault((doc.kind, doc.part, "error"), []).append((clause.ref, _floated_late(
                        ctx, clause, said, where)))
                    continue
                late.setdefault((doc.kind, doc.part, "warning"), []).append((clause.ref, Finding(
                              "clause-approved-after-date", "warning",
                              f"{said}: det slutliga "
                              "dokumentet kan inte ha undertecknats med en fastställd text. Använd den version som "
                              "gällde när dokumentet undertecknades, eller kontrollera datumen.",
                              where, doc.kind)))
        elif status == "upphävd":
            yield Finding("clause-retired", severity,
                          f"Klausulen {clause.ref} ({clause.meta.heading}) är upphävd och ska inte användas; "
                          "välj en gällande version.", where, doc.kind)
    group = state.replace("den måste", "de måste")
    yield from _grouped(ctx, unapproved, f"klausulversioner i dokumentet är inte fastställda för den offentliga "
                                         f"parten här ({here.describe()}); {group}", _approve_spec_hint(ctx))
    for (kind, part, grade), found in late.items():
        date = next(d.meta.date for d in ctx.documents if (d.kind, d.part) == (kind, part))
        yield from _grouped(ctx, {(kind, part): found},
                            f"klausulversioner i dokumentet fastställdes först efter dokumentets datum "
                            f"{date.isoformat() if date else ''}, så det slutliga dokumentet kan inte ha "
                            "undertecknats med fastställda texter; " + (
                                "de anges utan version i specen, så bygget vägras: skriv versionerna som gällde "
                                "då (se varje klausul), eller lås dokumentet" if grade == "error" else
                                "använd de versioner som gällde då, eller kontrollera datumen"))


def _unlocked_in_locked(ctx: CheckContext) -> dict[str, set[tuple[str, int]]]:
    """By locked document, the clause versions it now uses that its lock does not record (a changed `standard:`
    or outline item of a signed spec): lock-clauses says they change the signed text, with the spec line and
    the remedy, so clause-unapproved's "fastställ dem" would mislead. Under "consolidated": those of the
    agreement, which the consolidated version takes over."""
    out: dict[str, set[tuple[str, int]]] = {}
    for doc, clause in _used_in(ctx):
        entry = ctx.locked.get(document_name(doc))
        if entry is not None and not any((c["id"], c["version"]) == (clause.id, clause.version)
                                         for c in entry["klausuler"]):
            out.setdefault(document_name(doc), set()).add((clause.id, clause.version))
    agreement = ctx.locked.get("overenskommelse")
    if agreement is not None:  # the consolidated version: the agreement's clauses, but for what a tillägg names
        pinned = {c["id"]: c["version"] for c in agreement["klausuler"]}
        named = {(change.clause or "").partition("@")[0] for a in ctx.spec.amendments for change in a.changes}
        out["consolidated"] = {(doc_clause.id, doc_clause.version) for doc, doc_clause in _used_in(ctx)
                               if doc.kind == "consolidated" and doc_clause.id not in named
                               and pinned.get(doc_clause.id, doc_clause.version) != doc_clause.version}
    return out


def _floated_late(ctx: CheckContext, clause, said: str, where: str) -> Finding:
    """A slutlig agreement, not locked, that takes in a version fastställd after its date through a clause
    named without a version: refused (an error in `check` and `build`, with or without an earlier build's
    manifest), with the version in force on the agreement's date to write instead (drafter/clauses/valid.py)."""
    pin = unpinned.pin_of(ctx, clause.id, [clause.version])
    return Finding("clause-approved-after-date", "error",
                   f"{said}, och specen anger klausulen utan version: det slutliga dokumentet skulle byggas med en "
                   f"text som inte var fastställd när det undertecknades, så bygget vägras. Skriv {pin.ref} i "
                   f"specen{pin.told}, eller lås dokumentet (`drafter lock`) när det undertecknats; ska texten "
                   "ändras, gör det i ett tillägg (amendments:). Är dokumentet ännu inte undertecknat, sätt "
                   "document.status: utkast.", where, "agreement")


def _grouped(ctx: CheckContext, found_in: dict[tuple[str, str], list[tuple[str, Finding]]], sentence: str,
             then: str = ""):
    """Each document's findings of one code as they are, or, from GROUP_FROM on, one finding listing the
    clause versions (at the document's outline line); JSON keeps each one in `details`."""
    for (kind, part), found in found_in.items():
        if len(found) < GROUP_FROM:
            yield from (f for _, f in found)
            continue
        first = found[0][1]
        outline: tuple = ("proposal", "outline") if kind == "proposal" else ("outline",)
        if kind == "addendum-proposal":  # tillägg nr N's tjänsteutlåtande: amendments[N-1].proposal
            outline = ("amendments", int(part) - 1, "proposal")
        yield Finding(first.code, first.severity,
                      f"{len(found)} {sentence}: " + ", ".join(ref for ref, _ in found)
                      + ". " + (f"{then} " if then else "") + "`drafter check --format json` visar varje version för sig.",
                      ctx.where(*outline), kind,
                      details=[{"clause": ref, "where": f.where, "message": f.message} for ref, f in found])


def _elsewhere(ctx: CheckContext, clause, here) -> str:
    """Why a clause named without a version has another's text: no version is fastställd for this party,
    so the library's newest fastställd one was taken (drafter/lockfile.py); the newest granskad version
    is named, as the text the party may fastställa instead."""
    newer = [v.version for v in ctx.library.versions(clause.id) if v.meta.status == "granskad"]
    return (f"Specen anger {clause.id} utan version, och ingen version är fastställd för {here.describe()}: då "
            f"används den senaste fastställda, som bara gäller andra"
            + (f" (senaste granskade version: {newer[-1]})" if newer else "") + ". ")


def _approve_spec_hint(ctx: CheckContext) -> str:
    """The command that approves every version the spec still needs, once its organisation has decided
    (trial7 item 7: the message named no way out). The command itself says for whom, and refuses an
    approval that would not apply to the spec's public party."""
    return (f"Fastställ dem när beslutet är fattat: drafter clauses approve --spec {ctx.loaded.where().file} "
            "--av NAMN --datum ÅÅÅÅ-MM-DD (listar versionerna och frågar innan något skrivs).")


def _approve_hint(ctx: CheckContext, clause, here) -> str:
    """Another version approved for this party to pin, else how to approve this one here."""
    from drafter.clauses.library import ClauseNotFound

    try:
        versions = ctx.library.versions(clause.id)
    except ClauseNotFound:
        versions = []
    ours = [v for v in versions if v.meta.status == "fastställd"
            and approvals_covering(v.meta.all_approvals, ctx.spec.public)]
    if ours:
        return f"Version {ours[-1].version} är fastställd här: skriv {clause.id}@{ours[-1].version}."
    option = (f'--för-nämnd "{here.committee}" ' if here.committee else "") + f'--för "{here.organisation}"'
    return (f"Låt {here.describe()} fastställa versionen: drafter clauses approve {clause.ref} --av NAMN {option} "
            "--datum ÅÅÅÅ-MM-DD.")


def check_clause_text_changed(ctx: CheckContext):
    lock = read_lock(ctx.library.root)  # a malformed lock is bad input: a DrafterError naming file and line
    final = ctx.spec.document.status == "slutlig"
    reported = set()
    for kind, clause in _used(ctx):
        if clause.meta.status != "fastställd" or clause.ref in reported:
            continue
        reported.add(clause.ref)
        entry = lock.get(clause.ref)
        if entry is None:
            yield Finding("clause-text-changed", "error" if final else "warning",
                          f"Den fastställda versionen {clause.ref} finns inte i {LOCK_NAME}; dess text kan "
                          "därför inte jämföras med den fastställda"
                          + (", och ett slutligt dokument (document.status: slutlig) får bara använda versioner "
                             "vars fastställda text är låst" if final else "")
                          + ". Kör python -m drafter.clauses.lock --update.",
                          clause.ref, kind)
        elif entry.get("sha256") != clause.sha256:
            approved = ", ".join(str(x) for x in (entry.get("by"), entry.get("date")) if x)
            yield Finding("clause-text-changed", "error",
                          f"Texten i {clause.ref} ({_shown(clause.path)}) har ändrats sedan den fastställdes "
                          f"({approved}); {_used_at(ctx, kind, clause)}. En fastställd version får inte ändras: "
                          "återställ texten, eller lägg ändringen i en ny version "
                          f"(v{clause.version + 1}.md) med status utkast.",
                          _file_line(clause.path), kind)
        elif "heading" in entry and entry["heading"] != clause.meta.heading:  # recorded since issue 13
            approved = ", ".join(str(x) for x in (entry.get("by"), entry.get("date")) if x)
            yield Finding("clause-text-changed", "error",
                          f"Rubriken i {clause.ref} ({_shown(clause.path)}) har ändrats sedan den fastställdes "
                          f"({approved}): ”{entry['heading']}” → ”{clause.meta.heading}”; "
                          f"{_used_at(ctx, kind, clause)}. En fastställd version får inte ändras: "
                          f"återställ rubriken, eller lägg ändringen i en ny version (v{clause.version + 1}.md).",
                          _file_line(clause.path, "heading:"), kind)


def _file_line(path, start: str | None = None) -> str:
    """The clause file and the line a change is on: the `start` field of its front matter (heading:), else
    its text's first line (trial14: the finding named only villkor/jav@1, no file to open)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return _shown(path)
    ends = [n for n, line in enumerate(lines, 1) if line.strip() == "---"][:2]
    if start is not None:
        found = next((n for n, line in enumerate(lines, 1) if line.startswith(start)), None)
    else:
        found = ends[1] + 1 if len(ends) == 2 and ends[1] < len(lines) else None
    return f"{_shown(path)}:{found}" if found else _shown(path)


def _used_at(ctx: CheckContext, kind: str, clause) -> str:
    """The spec line that brings the version in: its own reference, else the document's outline."""
    where = ctx.where_clause_used(clause.id, clause.version)
    if where == clause.ref:  # from a standard outline, named nowhere in the spec
        where = ctx.where("proposal", "outline") if kind == "proposal" else ctx.where("outline")
    return f"specen tar in den vid {where}"

CHECKS = [check_clause_status, check_clause_text_changed, *unpinned.CHECKS]
