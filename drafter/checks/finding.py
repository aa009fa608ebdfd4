"""A finding: one problem (or note) a check reports about a spec, a clause or a document."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORD = {"error": "fel", "warning": "varning", "info": "info"}


@dataclass
class Finding:
    code: str  # e.g. "budget-sum"; every code is described in docs/checks.md
    severity: Severity
    message: str  # a Swedish sentence an official understands
    where: str  # "spec-file:line" or "clause-id@version"
    document: str | None = None  # the document kind ("agreement", "proposal", …) for findings in a text

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        """`fel [budget-sum] agreements/x.yaml:40 (agreement): …`, as `drafter check` prints it."""
        doc = f" ({self.document})" if self.document else ""
        return f"{SEVERITY_WORD[self.severity]} [{self.code}] {self.where}{doc}: {self.message}"
