"""clause-unknown, clause-version-unknown, xref-unresolved, amendment-*: what stops assembly, as findings.

Every clause reference in the spec is looked up before assembly, so all unknown clauses are reported
at once, each with the spec line of its outline entry. An error that stops assembly later carries its
finding code in its class (drafter/errors.py) and becomes a finding by its type.
"""

from __future__ import annotations

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.clauses.library import ClauseNotFound
from drafter.errors import DrafterError


def check_clause_refs(ctx: CheckContext) -> list[Finding]:
    """A finding for each clause reference in the spec that the library cannot give."""
    found = []
    for path, ref in ctx.clause_refs:
        try:
            ctx.library.get(ref)
        except ClauseNotFound as exc:
            found.append(Finding.from_error(exc, ctx.where(*path)))
    return found


def finding_from_error(ctx: CheckContext, exc: Exception) -> Finding | None:
    """The finding for an error that stopped assembly (its class has a code), or None when it is
    bad input or a bug, to be raised."""
    if not isinstance(exc, DrafterError) or exc.code is None:
        return None
    where = exc.where.short(ctx.library.root) if exc.where else ctx.where("outline")
    return Finding.from_error(exc, where)
