"""An error raised inside a clause names the spec (and documents) being built, not only the clause file.

A clause file serves many specs: "clauses/street-minds/bakgrund/v2.md:18: Okänd variabel …" does not
say which of them stopped. The pipeline hands such an error here before raising it, and its message
gets "(när agreements/x.yaml byggdes: överenskommelsen)".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.errors import DrafterError
    from drafter.spec.load import LoadedSpec

DOCUMENTS = {"outline": "överenskommelsen", "proposal": "tjänsteutlåtandet", "amendments": "tillägg"}


def name_spec(exc: "DrafterError", loaded: "LoadedSpec", library_root: Path) -> None:
    """Add the spec, and the documents whose outline names the clause, to an error in a clause file."""
    from drafter.spec.refs import split_ref

    if exc.where is None or getattr(exc, "_spec_named", False):
        return
    try:
        clause = Path(exc.where.file).resolve().relative_to(Path(library_root).resolve())
    except (ValueError, OSError):
        return  # the spec's own error, or another file's: it names its place already
    clause_id = clause.parent.as_posix()
    documents: list[str] = []
    for path, ref in _refs(loaded):
        word = DOCUMENTS.get(str(path[0]), "")
        if split_ref(ref)[0] == clause_id and word and word not in documents:
            documents.append(word)
    note = f" (när {loaded.path.as_posix()} byggdes" + (f": {', '.join(documents)})" if documents else ")")
    exc.message = exc.message[:-1] + note + "." if exc.message.endswith(".") else exc.message + note
    exc._spec_named = True  # type: ignore[attr-defined]


def _refs(loaded: "LoadedSpec") -> list[tuple[tuple, str]]:
    from drafter.checks.context import CheckContext

    return CheckContext(loaded, None).clause_refs  # type: ignore[arg-type]
