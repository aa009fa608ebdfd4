"""clause-unknown, clause-version-unknown, xref-unresolved: what stops assembly, as findings.

Every clause reference in the spec is looked up before assembly, so all unknown clauses are reported
at once, each with the spec line of its outline entry.
"""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.clauses.library import ClauseNotFound
from drafter.errors import DrafterError, Where


def _message(exc: DrafterError) -> str:
    return exc.message + (f" {exc.hint}" if exc.hint else "")


def clause_code(library, ref: str) -> str:
    """clause-unknown when the id is not in the library, clause-version-unknown when the version is not."""
    try:
        library.versions(ref.partition("@")[0])
    except ClauseNotFound:
        return "clause-unknown"
    return "clause-version-unknown"


def check_clause_refs(ctx: CheckContext) -> list[Finding]:
    """A finding for each clause reference in the spec that the library cannot give."""
    found = []
    for path, ref in ctx.clause_refs:
        try:
            ctx.library.get(ref)
        except ClauseNotFound as exc:
            found.append(Finding(clause_code(ctx.library, ref), "error", _message(exc), ctx.where(*path)))
    return found


def from_clause_not_found(ctx: CheckContext, exc: ClauseNotFound) -> Finding:
    """A ClauseNotFound that assembly raised (a reference the pre-scan did not see)."""
    ref = re.search(r"Klausulen '([^']+)'", exc.message)
    code = clause_code(ctx.library, ref.group(1)) if ref else "clause-unknown"
    return Finding(code, "error", _message(exc), where_text(exc.where) if exc.where else ctx.where("outline"))


def is_unresolved_reference(exc: DrafterError) -> bool:
    """A cross-reference to a clause not in the document. Assembly raises it as a plain DrafterError today;
    an `UnresolvedReference` class, when assembly has one, is recognised by name."""
    if any(cls.__name__ == "UnresolvedReference" for cls in type(exc).__mro__):
        return True
    return exc.message.startswith("Hänvisningen till '") and "inte finns med" in exc.message


def from_unresolved_reference(ctx: CheckContext, exc: DrafterError) -> Finding:
    return Finding("xref-unresolved", "error", _message(exc),
                   where_text(exc.where, ctx.library.root) if exc.where else ctx.where("outline"))


def finding_from_error(ctx: CheckContext, exc: Exception) -> Finding | None:
    """The finding for an error that stopped assembly, or None when it is bad input (or a bug)."""
    if isinstance(exc, ClauseNotFound):
        return from_clause_not_found(ctx, exc)
    if not isinstance(exc, DrafterError):
        return None
    if getattr(exc, "code", None):  # an amendment that names no point, or changes nothing
        return Finding(exc.code, "error", _message(exc),
                       f"{exc.where.file}:{exc.where.line}" if exc.where else str(ctx.loaded.path))
    if is_unresolved_reference(exc):
        return from_unresolved_reference(ctx, exc)
    return None


_VERSION_FILE = re.compile(r"^(?P<id>.+)/v(?P<n>[1-9][0-9]*)\.md$")


def where_text(where: Where, clause_root=None) -> str:
    """"file:line"; a clause file (clauses/villkor/x/v1.md, or relative to the library) as "villkor/x@1"."""
    file = where.file
    if clause_root is not None:
        try:
            from pathlib import Path

            file = Path(file).resolve().relative_to(Path(clause_root).resolve()).as_posix() \
                if Path(file).is_absolute() else file
        except ValueError:
            pass
    m = _VERSION_FILE.match(file)
    if m and not where.line:
        return f"{m.group('id')}@{m.group('n')}"
    return f"{file}:{where.line}" if where.line else file
