"""Diagnostics users see: one Swedish sentence naming where, and a hint. Never a traceback.

One family, like docutils' reporter: a `DrafterError` (bad input, raised: exit 2, or 1 for what the
checks report) and a `Finding` (drafter/checks/finding.py, reported) share code, severity, message,
where and hint. An error that stops assembly carries its code as a class attribute, so the pipeline
turns it into a finding by its type (`Finding.from_error`), never by reading its message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from drafter.spec.refs import VERSION_PATH as _VERSION_FILE

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class PartyRef:
    """A party as the official knows it: `parties.1` is "part 2, Street Minds", as the web form's
    "Part 2". Field paths count from 0 (tools, `changes:`, JSON keep them); people count from 1."""

    index: int  # the field path's: parties.1 → 1
    name: str | None = None  # None while the name is missing or a placeholder

    @property
    def number(self) -> int:
        return self.index + 1

    def __str__(self) -> str:
        return f"part {self.number}, {self.name}" if self.name else f"part {self.number}"

    def to_dict(self) -> dict:
        """`"party": {"number": 2, "name": "Street Minds", "path": "parties.1"}` in JSON."""
        data: dict = {"number": self.number, "name": self.name, "path": f"parties.{self.index}"}
        return data if self.name else {k: v for k, v in data.items() if k != "name"}


@dataclass
class Where:
    """A place in an input file: file, line and column (1-based), the field, and the party the field
    belongs to (for a field under `parties.N`)."""

    file: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    party: PartyRef | None = None

    def __str__(self) -> str:
        place = self.file
        if self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        if self.field:
            place += f" (fält {self.field} – {self.party})" if self.party else f" (fält {self.field})"
        elif self.party:
            place += f" ({self.party})"
        return place

    def short(self, clause_root: Path | str | None = None) -> str:
        """"file:line" as a finding names it; a clause file (clauses/villkor/x/v1.md, or relative to
        the library) without a line as "villkor/x@1"."""
        file = self.file
        if clause_root is not None and Path(file).is_absolute():
            try:
                file = Path(file).resolve().relative_to(Path(clause_root).resolve()).as_posix()
            except ValueError:
                pass
        m = _VERSION_FILE.match(file)
        if m and not self.line:
            return f"{m.group('id')}@{m.group('n')}"
        return f"{file}:{self.line}" if self.line else file


class DrafterError(Exception):
    """Bad input or a failed step; the CLI prints it and exits with `exit_code`.

    A subclass with a `code` is a finding's worth of error (exit 1): the pipeline reports it with
    that code among the checks' findings instead of stopping."""

    exit_code = 2
    code: ClassVar[str | None] = None  # the finding code (docs/checks.md) when the checks report it
    severity: ClassVar[Severity] = "error"

    def __init__(self, message: str, where: Where | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f"\n  Tips: {self.hint}"
        return text


class EngineError(DrafterError):
    """An external program (LibreOffice) is missing, failed or hung."""


def os_reason(exc: OSError) -> str:
    """Why a file could not be read, in Swedish: the operating system's own text is English."""
    import errno

    reasons = {errno.ENOENT: "filen finns inte", errno.EACCES: "behörighet saknas", errno.EPERM: "behörighet saknas",
               errno.EISDIR: "det är en mapp, inte en fil", errno.ENOTDIR: "en del av sökvägen är ingen mapp",
               errno.ELOOP: "sökvägen har för många symboliska länkar", errno.ENAMETOOLONG: "sökvägen är för lång",
               errno.EIO: "ett läsfel på disken"}
    return reasons.get(exc.errno or 0, f"ett fel i filsystemet, felkod {exc.errno}")


class PeriodError(DrafterError):
    """The new period as asked for cannot be (no length, both an end and a length, an end before the
    start); `fields`: which of the asker's inputs it is about ("end", "months"), for the web page's form."""

    def __init__(self, message: str, where: Where, hint: str | None = None, fields: tuple[str, ...] = ()):
        super().__init__(message, where, hint)
        self.fields = fields
