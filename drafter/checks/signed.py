"""signed-draft: a spec that says its agreement is already signed (`document.signed: true`) and also that
its documents are drafts (`document.status: utkast`, the default).

A signed agreement is a legal fact; a draft is not signed. Rebuilt with both, the agreement states the
day its parties signed under the signatures and "UTKAST" on every page: a kommunjurist reading it cannot
tell whether it binds. drafter does not guess which field is wrong (the date may have been read from a
draft's typed signing line, or the status never moved on after an import); the finding names both and
says what to write. `drafter import` writes the pair consistently (signed: true with status: slutlig),
`drafter renew` writes neither (the renewed agreement is a new draft, still to be signed).
"""

from __future__ import annotations

from drafter.checks.amended import signed_run
from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import datum


def check_signed_draft(ctx: CheckContext):
    document = ctx.spec.document
    if not document.signed or document.status != "utkast" or not signed_run(ctx):
        return
    written = "status" in (ctx.loaded.data.get("document") or {})
    status = "document.status: utkast" + ("" if written else ", som gäller när status inte anges")
    fix = ("Är den undertecknad: skriv document.status: slutlig. Då ska klausulversionerna vara fastställda "
           "(jämför importerade texter med den undertecknade handlingen och fastställ dem med drafter clauses "
           "approve) och nämndens beslut stå under decision:; lås den sedan med drafter lock. Är den inte "
           "undertecknad än: ta bort signed: true, så lämnas datumraden vid underskrifterna tom.")
    yield Finding("signed-draft", "warning",
                  f"Specen säger att överenskommelsen redan är undertecknad (document.signed: true, "
                  f"{datum(document.date)}) och att dokumenten är utkast ({status}): överenskommelsen byggs med "
                  "underskrifternas ort och datum och samtidigt märkt som utkast (UTKAST på varje sida). En "
                  f"undertecknad överenskommelse är inget utkast. {fix}", ctx.where("document", "signed"), "agreement", hint=fix)


CHECKS = [check_signed_draft]
