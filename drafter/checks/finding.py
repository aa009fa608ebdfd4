"""A finding: one problem (or note) a check reports about a spec, a clause or a document.

It has the fields every diagnostic of drafter has (drafter/errors.py): code, severity, message,
where and hint; an error that stopped assembly becomes one by its type (`Finding.from_error`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from drafter.errors import PartyRef, Severity

if TYPE_CHECKING:
    from drafter.errors import DrafterError
    from drafter.spec.load import LoadedSpec

__all__ = ["Finding", "Severity", "SEVERITY_ORDER", "SEVERITY_WORD", "DOCUMENT_LABEL", "document_label",
           "name_parties"]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORD = {"error": "fel", "warning": "varning", "info": "info"}
# What a reader sees for a document kind; the kinds themselves ("agreement", …) stay data (JSON, code).
DOCUMENT_LABEL = {"agreement": "överenskommelsen", "proposal": "tjänsteutlåtandet", "addendum": "tillägget",
                  "consolidated": "konsoliderad", "addendum-proposal": "tjänsteutlåtandet om tillägget"}


def document_label(kind: str, part: str | None = None) -> str:
    """"överenskommelsen", "tillägg nr 2", …: a document kind as `drafter check` and messages print it."""
    if kind == "addendum" and part:
        return f"tillägg nr {part}"
    if kind == "addendum-proposal" and part:
        return f"tjänsteutlåtandet om tillägg nr {part}"
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
    # The party whose field `where` names, as the official counts ("part 2, Street Minds"); `where`
    # itself stays "file:line" for tools and the web page (set once for all checks: `name_parties`)
    party: PartyRef | None = None

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
        if self.party is None:
            del data["party"]  # a new key, only where a party is meant: consumers of the others see no change
        else:
            data["party"] = self.party.to_dict()
        return data

    @property
    def place(self) -> str:
        """`where`, and the party it is a field of: "agreements/x.yaml:30 (part 2, Street Minds)"."""
        return f"{self.where} ({self.party})" if self.party else self.where

    def line(self) -> str:
        """`fel [budget-sum] agreements/x.yaml:40 (överenskommelsen): …`, as `drafter check` prints it."""
        doc = f" ({document_label(self.document)})" if self.document else ""
        kept = f" [kvitterad: {self.acknowledged}]" if self.acknowledged else ""
        return f"{SEVERITY_WORD[self.severity]} [{self.code}] {self.place}{doc}: {self.message}{kept}"


def name_parties(loaded: "LoadedSpec", findings: list[Finding]) -> list[Finding]:
    """Each finding at a line of the spec that is a party's field names that party: done here once
    for every check, which only say where ("file:line") as they always have."""
    from drafter.spec.party_names import PartyLines

    lines = None
    spec_file = str(loaded.path)
    for f in findings:
        head, _, line = f.where.rpartition(":")
        if f.party is None and head == spec_file and line.isdigit():
            lines = lines or PartyLines(loaded.positions, loaded.data)
            f.party = lines.at(int(line))
    return findings
