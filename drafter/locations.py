"""Where drafter finds things it is not told: the clause library's folder. One rule, one place:
the library reads from it and the incremental build hashes it, so the two can never disagree.
Only the standard library (a rebuild with nothing to do imports this)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # drafter/
PROJECT = PACKAGE.parent  # the checkout drafter runs from, with its own clauses/


def library_root(clauses_dir: Path | str | None = None) -> Path:
    """`clauses_dir` when given (--clauses); else clauses/ in the current folder (where an official
    runs drafter), else the project's."""
    if clauses_dir:
        return Path(clauses_dir)
    here = Path.cwd() / "clauses"
    return here if here.is_dir() else PROJECT / "clauses"
