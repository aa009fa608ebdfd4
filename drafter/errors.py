"""Errors users see: one Swedish sentence naming where, and a hint. Never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Where:
    """A place in an input file: file, line and column (1-based) and the field."""

    file: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = self.file
        if self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        if self.field:
            place += f" (fält {self.field})"
        return place


class DrafterError(Exception):
    """Bad input or a failed step; the CLI prints it and exits with `exit_code`."""

    exit_code = 2

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
