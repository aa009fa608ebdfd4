"""Consistency checks (`drafter check`): does a spec, its clauses and its documents agree with itself?

Each check is a function `check(ctx) -> iterable of Finding` in one of the modules here; every code is
described in docs/checks.md. `run_checks` runs them all on one spec and its assembled documents;
`check_paths` loads, assembles and checks spec files for the command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks import (
    budget,
    clauses,
    continuity,
    deadline_holiday,
    language,
    orgnr,
    parties,
    period,
    period_text,
    placeholder,
    representatives,
)
from drafter.checks.context import CheckContext
from drafter.checks.finding import SEVERITY_ORDER, Finding

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.errors import DrafterError
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec

__all__ = ["Finding", "run_checks", "has_errors", "check_spec", "inspect_spec", "check_paths", "CHECKS"]

CHECKS = [
    *budget.CHECKS,
    *period.CHECKS,
    *period_text.CHECKS,
    *continuity.CHECKS,
    *parties.CHECKS,
    *orgnr.CHECKS,
    *placeholder.CHECKS,
    *clauses.CHECKS,
    *representatives.CHECKS,
    *deadline_holiday.CHECKS,
    *language.CHECKS,
]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; otherwise in the order found."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def run_checks(loaded: "LoadedSpec", library: "ClauseLibrary", documents: list["Document"]) -> list[Finding]:
    """Every check on one spec and the documents assembled from it (errors first)."""
    ctx = CheckContext(loaded, library, list(documents))
    findings = []
    for check in CHECKS:
        findings += list(check(ctx))
    return sort_findings(_without_stand_ins(loaded, findings))


# While a part of the spec still holds placeholders, checks of that part would only judge the
# stand-in values (drafter/spec/placeholders.py); the `placeholder` findings say what to fill in.
_CODES_OF_PART = {
    "period": {"period-order", "period-renewal", "period-mismatch", "period-continuity", "budget-period",
               "deadline-holiday"},
    "budget": {"budget-sum", "budget-amount", "budget-period"},
    "parties": {"orgnr-invalid", "party-mismatch", "representatives"},
}


def _without_stand_ins(loaded: "LoadedSpec", findings: list[Finding]) -> list[Finding]:
    silenced = {code for p in loaded.placeholders for code in _CODES_OF_PART.get(str(p.path[0]), ())}
    return [f for f in findings if f.code not in silenced]


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def check_spec(loaded: "LoadedSpec", library: "ClauseLibrary") -> list[Finding]:
    """The findings of `inspect_spec` alone."""
    return inspect_spec(loaded, library)[0]


def inspect_spec(loaded: "LoadedSpec", library: "ClauseLibrary") -> tuple[list[Finding], list["Document"]]:
    """Assemble one loaded spec and check it; returns the findings and the documents (so that
    `drafter build` writes what it checked). Unknown clauses and unresolved cross-references become
    findings (the documents cannot be assembled then, so only the checks of the spec itself run);
    any other DrafterError is bad input and is raised."""
    from drafter.assemble import assemble_all
    from drafter.checks import inputs
    from drafter.clauses.library import ClauseNotFound
    from drafter.errors import DrafterError
    from drafter.lockfile import lock_findings, pinned_library

    library = pinned_library(loaded, library)  # a locked document never floats to a newer version
    ctx = CheckContext(loaded, library)
    stopped = inputs.check_clause_refs(ctx)
    documents, states = [], []
    if not stopped:
        try:
            documents, states = assemble_all(loaded, library)
        except ClauseNotFound as exc:
            stopped = [inputs.from_clause_not_found(ctx, exc)]
        except DrafterError as exc:
            if getattr(exc, "code", None):  # an amendment that names no point, or changes nothing
                stopped = [Finding(exc.code, "error", exc.message + (f" {exc.hint}" if exc.hint else ""),
                                   f"{exc.where.file}:{exc.where.line}" if exc.where else str(loaded.path))]
            elif inputs.is_unresolved_reference(exc):
                stopped = [inputs.from_unresolved_reference(ctx, exc)]
            else:
                raise
    signed = [d for d in documents if d.kind in ("agreement", "proposal")]
    findings = run_checks(loaded, library, signed if states else documents)
    findings += _after_amendments(findings, states, library, documents)
    findings += lock_findings(loaded, library, documents) if documents else []
    return sort_findings(stopped + findings), documents


def _after_amendments(before: list[Finding], states, library, documents) -> list[Finding]:
    """Each addendum (and the consolidated agreement) checked against the data in force after it:
    the budget still sums, the period stays within its maximum, the signatories are the new ones."""
    seen = {(f.code, f.where, f.message) for f in before}
    found = []
    for state in states:
        number = state.amendment.number
        kinds = [d for d in documents if (d.kind == "addendum" and d.part == str(number))
                 or (d.kind == "consolidated" and state is states[-1])]
        for finding in run_checks(state.loaded, library, kinds):
            if (finding.code, finding.where, finding.message) not in seen:
                seen.add((finding.code, finding.where, finding.message))
                finding.message = f"Efter tillägg nr {number}: {finding.message}"
                found.append(finding)
    return found


def check_paths(paths, library: "ClauseLibrary",
                errors: list["DrafterError"] | None = None) -> tuple[list[Finding], int]:
    """Load, assemble and check each spec file. Returns the findings and the exit code: 0 no errors,
    1 errors, 2 bad input. Bad input (a DrafterError other than an unknown clause or an unresolved
    reference) is raised, or, when `errors` is a list, added to it and the next spec checked."""
    from drafter.errors import DrafterError
    from drafter.spec.load import load_spec

    findings: list[Finding] = []
    bad_input = False
    for path in paths:
        try:
            findings += check_spec(load_spec(Path(path)), library)
        except DrafterError as exc:
            if errors is None:
                raise
            errors.append(exc)
            bad_input = True
    findings = sort_findings(findings)
    return findings, 2 if bad_input else 1 if has_errors(findings) else 0
