"""Consistency checks (`drafter check`): does a spec, its clauses and its documents agree with itself?

Each check is a function `check(ctx) -> iterable of Finding` in one of the modules here; every code is
described in docs/checks.md. `run_checks` runs them all on one spec and the documents assembled from
it. The checks only read: they never assemble (drafter/pipeline.py does, then calls `run_checks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING

from drafter.checks.context import CheckContext
from drafter.checks.finding import SEVERITY_ORDER, Finding

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseLibrary
    from drafter.model.nodes import Document
    from drafter.spec.load import LoadedSpec

__all__ = ["Finding", "run_checks", "has_errors", "sort_findings", "CHECKS"]

# In the order they run. Loaded at the first `run_checks`, not when the package is imported: assembly
# imports drafter.checks.finding, and a build starts Typst before the checks need their modules
# (drafter/writers/pdf/lane.py), so their import runs beside the first compile.
_MODULES = ("budget", "period", "period_text", "continuity", "decision", "stale_year", "parties", "orgnr",
            "placeholder", "clauses", "partnership", "representatives", "deadline_holiday", "notice",
            "language", "decision_order", "decision_record", "proposal_lock", "prose_data", "prose_signing",
            "proposal_text", "headings", "payment", "outline_pin", "termination", "signed", "children",
            "party_bodies")
_CHECKS: list[Callable[[CheckContext], Iterable[Finding]]] = []


def all_checks() -> list[Callable[[CheckContext], Iterable[Finding]]]:
    """Every check, in order (one list: bench/warm_phases.py wraps its items to time them)."""
    if not _CHECKS:
        _CHECKS.extend(check for name in _MODULES for check in import_module(f"drafter.checks.{name}").CHECKS)
    return _CHECKS


def __getattr__(name: str) -> object:
    if name == "CHECKS":  # the list as it was, for code that reads `checks.CHECKS`
        return all_checks()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; otherwise in the order found."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def run_checks(loaded: "LoadedSpec", library: "ClauseLibrary", documents: list["Document"],
               lock: dict | None = None) -> list[Finding]:
    """Every check on one spec and the documents assembled from it (errors first); `lock`: the spec's
    lock as already read (drafter/lockfile.py `read_lock`), else a check that needs it reads it."""
    ctx = CheckContext(loaded, library, list(documents), lock)
    findings = []
    for check in all_checks():
        findings += list(check(ctx))
    return sort_findings(_without_stand_ins(loaded, findings))


# While a part of the spec still holds placeholders, checks of that part would only judge the
# stand-in values (drafter/spec/placeholders.py); the `placeholder` findings say what to fill in.
_CODES_OF_PART = {
    "period": {"period-order", "period-renewal", "period-mismatch", "period-continuity", "renewal-ending",
               "period-retroactive", "budget-period", "deadline-holiday", "notice-short", "notice-scheme",
               "decision-term", "amendment-effective", "amendment-paid-period", "prose-mismatch"},
    "budget": {"budget-sum", "budget-zero", "budget-amount", "budget-period", "decision-ceiling"},
    "parties": {"orgnr-invalid", "orgnr-duplicate", "party-mismatch", "party-signs-for", "representatives",
                "party-administration", "party-municipality"},
}


# A date still to fill in: the checks that weigh that day against another (an approval, the decision).
_CODES_OF_FIELD: dict[tuple[str, ...], set[str]] = {
    ("document", "date"): {"agreement-before-decision", "clause-approved-after-date", "clause-unpinned",
                           "decision-before-proposal", "period-retroactive"},
    ("proposal", "date"): {"agreement-before-decision", "decision-before-proposal"},
}


def _without_stand_ins(loaded: "LoadedSpec", findings: list[Finding]) -> list[Finding]:
    silenced = {code for p in loaded.placeholders for code in _CODES_OF_PART.get(str(p.path[0]), ())}
    silenced |= {code for p in loaded.placeholders for code in _CODES_OF_FIELD.get(tuple(map(str, p.path[:2])), ())}
    return [f for f in findings if f.code not in silenced]


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
