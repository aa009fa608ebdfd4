"""Swedish labels for the partnership's own texts (`texts:` in the spec), which the spec names by a key.

An official knows the text by the heading it appears under in the documents ("Åtaganden"), not by its key
("ataganden"). The heading comes from where the text is declared: an outline section with `key:` and
`heading:` (the spec's own outline, or a standard outline in clauses/outlines/), or a clause whose text
reads `texts["key"]` (its heading, and which part of it the text is, from PARTS). The key stays shown as
the secondary detail, since it is what the spec file says.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import yaml

# A text a clause reads in the middle of its own heading: which part of the section it is.
PARTS = {
    "rattslig-lou": "upphandling (LOU)",
    "rattslig-statsstod": "statsstöd",
    "rattslig-kl": "kommunallagen",
    "ekonomi-budget": "budgeten",
    "statsstod-bedomning": "parternas bedömning",
}
_READS = re.compile(r"""texts\[["']([A-Za-z0-9_-]+)["']\]|texts\.([A-Za-z0-9_]+)""")
_HEADING = re.compile(r"^heading:\s*(.+?)\s*$", re.M)
DOCUMENTS = {"proposal": "tjänsteutlåtandet", "amendment": "tillägget"}  # an outline's kind → where its texts stand
_cache: dict[Path, tuple[tuple, dict[str, str], dict[str, set[str]]]] = {}
_lock = threading.Lock()


def _walk(items, found: dict[str, str], where: dict[str, set[str]] | None = None, document: str = "") -> None:
    if isinstance(items, dict):
        key, heading = items.get("key"), items.get("heading")
        if isinstance(key, str) and isinstance(heading, str):
            found.setdefault(key, heading)
            if where is not None:
                where.setdefault(key, set()).add(document)
        for value in items.values():
            _walk(value, found, where, document)
    elif isinstance(items, list):
        for item in items:
            _walk(item, found, where, document)


def library_labels(clauses: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """key → heading over the clause library (outlines, and clauses that read a text), and key → the documents
    whose outlines have it; read again only when a file changed."""
    files = sorted(clauses.glob("**/*.yaml")) + sorted(clauses.glob("**/*.md"))
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in files)
    with _lock:
        cached = _cache.get(clauses)
    if cached and cached[0] == stamp:
        return cached[1], cached[2]
    found: dict[str, str] = {}
    where: dict[str, set[str]] = {}
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if path.suffix == ".yaml" and "outlines" in path.parts:
            try:
                outline = yaml.safe_load(text)
            except yaml.YAMLError:
                continue
            kind = outline.get("kind") if isinstance(outline, dict) else None
            _walk(outline, found, where, DOCUMENTS.get(str(kind), "överenskommelsen"))
        elif path.suffix == ".md" and (heading := _HEADING.search(text.split("\n---", 1)[0])):
            for match in _READS.finditer(text):
                key = match.group(1) or match.group(2)
                if key in PARTS:
                    found.setdefault(key, f"{heading.group(1).strip(chr(34) + chr(39))} – {PARTS[key]}")
    with _lock:
        _cache[clauses] = (stamp, found, where)
    return found, where


def labels(clauses: Path, data) -> dict[str, str]:
    """key → the Swedish label for each text: the spec's own headings first, then the library's."""
    found: dict[str, str] = {}
    if isinstance(data, dict):
        _walk(data.get("outline"), found)
        if isinstance(data.get("proposal"), dict):
            _walk(data["proposal"].get("outline"), found)
    library, where = library_labels(clauses)
    for key, label in library.items():
        found.setdefault(key, label)
    # two texts under the same heading ("Bakgrund" in the agreement and in the proposal): say which document
    shared = {label for label in found.values() if list(found.values()).count(label) > 1}
    for key, label in found.items():
        if label in shared and len(where.get(key, ())) == 1:
            found[key] = f"{label} ({next(iter(where[key]))})"
    return found


def fallback(key: str) -> str:
    """A key no heading names: as words ("egen-text" → "Egen text")."""
    words = re.sub(r"[-_]+", " ", key).strip()
    return words[:1].upper() + words[1:] if words else key
