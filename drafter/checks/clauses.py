"""clause-unapproved, clause-retired, clause-text-changed: the clause versions the documents use."""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.clauses.lock import LOCK_NAME, read_lock
from drafter.errors import Severity


def _used(ctx: CheckContext):
    """(document kind, ClauseVersion), once per clause version and document, in reading order."""
    seen = set()
    for doc in ctx.documents:
        for section in doc.walk_sections():
            use = section.clause
            if use is None or (doc.kind, use.id, use.version) in seen:
                continue
            seen.add((doc.kind, use.id, use.version))
            yield doc.kind, ctx.library.get(f"{use.id}@{use.version}")


def check_clause_status(ctx: CheckContext):
    final = ctx.spec.document.status == "slutlig"
    severity: Severity = "error" if final else "warning"
    state = ("dokumentet är slutligt (document.status: slutlig) och får bara använda fastställda versioner"
             if final else "den måste fastställas innan dokumentet kan bli slutligt")
    for kind, clause in _used(ctx):
        status = clause.meta.status
        where = ctx.where_clause_used(clause.id, clause.version)
        if status in ("utkast", "granskad"):
            yield Finding("clause-unapproved", severity,
                          f"Klausulen {clause.ref} ({clause.meta.heading}) har status {status}, inte fastställd; "
                          f"{state}.", where, kind)
        elif status == "upphävd":
            yield Finding("clause-retired", severity,
                          f"Klausulen {clause.ref} ({clause.meta.heading}) är upphävd och ska inte användas; "
                          "välj en gällande version.", where, kind)


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
                          f"Texten i {clause.ref} har ändrats sedan den fastställdes ({approved}). En fastställd "
                          "version får inte ändras: återställ texten, eller lägg ändringen i en ny version "
                          f"(v{clause.version + 1}.md) med status utkast.",
                          clause.ref, kind)
        elif "heading" in entry and entry["heading"] != clause.meta.heading:  # recorded since issue 13
            approved = ", ".join(str(x) for x in (entry.get("by"), entry.get("date")) if x)
            yield Finding("clause-text-changed", "error",
                          f"Rubriken i {clause.ref} har ändrats sedan den fastställdes ({approved}): "
                          f"”{entry['heading']}” → ”{clause.meta.heading}”. En fastställd version får inte ändras: "
                          f"återställ rubriken, eller lägg ändringen i en ny version (v{clause.version + 1}.md).",
                          clause.ref, kind)

CHECKS = [check_clause_status, check_clause_text_changed]
