"""The folder the web page serves (agreements/, clauses/ and output/ below it, nothing else), and the
name rules every path the page takes from a request must pass before it touches the disk."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")  # a spec's file name without .yaml
CLAUSE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*){0,5}$")
OUTPUT_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.(pdf|docx)$")


class NotFound(DrafterError):
    exit_code = 2


@dataclass
class Project:
    """The folder drafter serves: agreements/, clauses/ and output/ below it, nothing else."""

    root: Path

    def __post_init__(self):
        self.root = Path(self.root).resolve()

    @property
    def agreements(self) -> Path:
        return self.root / "agreements"

    @property
    def clauses(self) -> Path:
        return self.root / "clauses"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def spec_path(self, name: str) -> Path:
        """agreements/NAME.yaml for a validated name; anything else is refused (no ../, no slashes)."""
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise NotFound(f"'{name}' är inget giltigt namn på en spec.",
                           hint="Namnet får innehålla bokstäver a–z, siffror, - och _.")
        path = self.agreements / f"{name}.yaml"
        if path.resolve().parent != self.agreements.resolve():
            raise NotFound(f"'{name}' pekar utanför agreements/.")
        return path

    def existing_spec(self, name: str) -> Path:
        path = self.spec_path(name)
        if not path.is_file():
            raise NotFound(f"Specen {name}.yaml finns inte i agreements/.")
        return path

    def library(self):
        from drafter.clauses.library import ClauseLibrary

        return ClauseLibrary(self.clauses)

    def shown(self, path: Path | str) -> str:
        """A path as the user reads it: relative to the project."""
        with contextlib.suppress(ValueError):
            return Path(path).resolve().relative_to(self.root).as_posix()
        return str(path)


def kronor(amount: int) -> str:
    """An amount as the documents write it ("1 000 000 kr")."""
    from drafter.formatting import kronor as written

    return written(amount)
