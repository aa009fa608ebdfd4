"""A finding: one problem (or note) a check reports about a spec, a clause or a document.

It has the fields every diagnostic of drafter has (drafter/errors.py): code, severity, message,
where and hint; an error that stopped assembly becomes one by its type (`Finding.from_error`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from drafter.errors import Severity

if TYPE_CHECKING:
    from drafter.errors import DrafterError

__all__ = ["Finding", "Severity", "SEVERITY_ORDER", "SEVERITY_WORD", "DOCUMENT_LABEL", "document_label"]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORD = {"error": "fel", "warning": "varning", "info": "info"}
# What a reader sees for a document kind; the kinds themselves ("agreement", …) stay data (JSON, code).
DOCUMENT_LABEL = {"agreement": "överenskommelsen", "proposal": "tjänsteutlåtandet", "addendum": "tillägget",
                  "consolidated": "konsoliderad"}


def document_label(kind: str, part: str | None = None) -> str:
    """"överenskommelsen", "tillägg nr 2", …: a document kind as `drafter check` and messages print it."""
    if kind == "addendum" and part:
        return f"tillägg nr {part}"
    return DOCUMENT_LABEL.get(kind, kind)


@dataclass
class Finding:
    code: str  # e.g. "budget-sum"; every code is described in docs/checks.md
    severity: Severity
    message: str  # a Swedish sentence an official understands, with what to do about it
    where: str  # "spec-file:line" or "clause-id@version"
    document: str | None = None  # the document kind ("agreement", "proposal", …) for findings in a text
    hint: str | None = None  # the advice alone (already the end of `message`), for a page that sets it apart
    acknowledged: str | None = None  # the spec's reason for keeping this warning (spec `acknowledge:`)
    details: list[dict] | None = None  # one finding standing for several (JSON gives each of them)

    @classmethod
    def from_error(cls, exc: "DrafterError", where: str) -> "Finding":
        """The finding of an error whose class carries a code; `where` when the error names no place."""
        if exc.code is None:
            raise ValueError(f"{type(exc).__name__} has no finding code")
        message = f"{exc.message} {exc.hint}" if exc.hint else exc.message
        return cls(exc.code, exc.severity, message, where, hint=exc.hint)

    def to_dict(self) -> dict:
        data = asdict(self)
        del data["hint"]  # part of the message; `drafter check --format json` keeps its fields
        if not data["acknowledged"]:
            del data["acknowledged"]  # present only for a warning the spec keeps on purpose
        if data["details"] is None:
            del data["details"]
        return data

    def line(self) -> str:
        """`fel [budget-sum] agreements/x.yaml:40 (överenskommelsen): …`, as `drafter check` prints it."""
        doc = f" ({document_label(self.document)})" if self.document else ""
        kept = f" [kvitterad: {self.acknowledged}]" if self.acknowledged else ""
        return f"{SEVERITY_WORD[self.severity]} [{self.code}] {self.where}{doc}: {self.message}{kept}"
