"""How a lock names things: the documents it locks (overenskommelse, tjansteutlatande, tillagg-N) and
the files it points at, in the words a user reads. Shared by the lock file (drafter/lockfile.py) and its
details (drafter/lockdetail.py), which both need them and otherwise import each other."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.model.nodes import Document

AGREEMENT = "overenskommelse"


def document_name(doc: "Document") -> str:
    """The name a document is locked under: overenskommelse, tjansteutlatande, tillagg-N."""
    if doc.kind == "addendum":
        return f"tillagg-{doc.part}"
    if doc.kind == "addendum-proposal":
        return f"tjansteutlatande-tillagg-{doc.part}"
    return {"agreement": AGREEMENT, "proposal": "tjansteutlatande",
            "consolidated": "overenskommelse-konsoliderad"}.get(doc.kind, doc.kind)


def document_clauses(doc: "Document") -> list[tuple[str, int]]:
    """The clause versions a document's text is made of, as (id, version): its sections' and those it
    quotes (a tillägg's new wording)."""
    return sorted({(c.id, c.version) for c in [*(s.clause for s in doc.walk_sections()), *doc.quotes] if c})


def document_label(name: str) -> str:
    """A locked document's name as a sentence says it: "tillagg-1" → "tillägg nr 1"."""
    if name == AGREEMENT:
        return "överenskommelsen"
    if name.startswith("tillagg-"):
        return f"tillägg nr {name.removeprefix('tillagg-')}"
    if name.startswith("tjansteutlatande-tillagg-"):
        return f"tjänsteutlåtandet om tillägg nr {name.removeprefix('tjansteutlatande-tillagg-')}"
    return {"tjansteutlatande": "tjänsteutlåtandet"}.get(name, name)


def shown_path(path: Path) -> str:
    """A file as the user names it: relative to the folder drafter runs in when it lies below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
