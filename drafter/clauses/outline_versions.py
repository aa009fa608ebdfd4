"""Standard outlines have versions, as clauses do, so that a spec that builds today builds tomorrow.

clauses/outlines/NAME/vN.yaml is version N of the outline NAME; each version carries `date:`, the day
it came into the library. Raising a pin is a new version file (copy the newest, change the pin and the
date), never an edit of one a spec may have been built with. An older library's flat NAME.yaml is
read as version 1, in force from the start.

A spec names a version (`standard: iop-overenskommelse@2`) or none. Without one:

- a draft takes the newest version: new pins are meant to reach drafts;
- a slutlig spec takes the version it was last made with: the one its lock's clause versions agree
  with (agreements/NAME.lock), else the one its previous build used (output/NAME/manifest.json records
  it; an older manifest by its clause versions); never built or locked, the version in force on the
  document's date (the newest that came into the library on or before that day; before the first
  version's day, the first). `outline-unpinned` says which, in one sentence, and how to pin it.

The incremental build lists the files itself (drafter/incremental.py: no pydantic on its way).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.clauses.outline_file import outlines_folder, split_standard, standard_names, version_files
from drafter.spec.refs import split_ref

if TYPE_CHECKING:
    from drafter.spec.load import LoadedSpec
    from drafter.spec.model import OutlineItem, StandardOutline

ADDENDUM_PROPOSAL = "iop-tjansteutlatande-tillagg"  # the standard outline of a tillägg's tjänsteutlåtande
__all__ = ["ADDENDUM_PROPOSAL", "outlines_folder", "split_standard", "standard_names", "version_files", "choose",
           "chosen", "recorded", "history", "newest_ref", "with_newest"]


LOCK, BUILT = "låset", "förra bygget"  # what a Record is, as a finding says it


@dataclass
class Record:
    """What a slutlig spec was last made with: the outline versions (`outlines`, when recorded) and the
    clause versions (`clauses`) of its lock or its previous build; `source` says which, in Swedish."""

    source: str
    outlines: dict[str, int] = field(default_factory=dict)
    clauses: dict[str, set[int]] = field(default_factory=dict)
    file: str = ""  # the manifest or lock read, as a finding names it


def record_of_manifest(manifest: object) -> Record | None:
    """The previous build's record (output/NAME/manifest.json), or None without a readable one."""
    if not isinstance(manifest, dict) or not isinstance(manifest.get("clauses"), list):
        return None
    clauses: dict[str, set[int]] = {}
    for c in manifest["clauses"]:
        if isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("version"), int):
            clauses.setdefault(c["id"], set()).add(c["version"])
    recorded = manifest.get("outlines")
    outlines = ({str(k): v for k, v in recorded.items() if isinstance(v, int)} if isinstance(recorded, dict) else {})
    return Record(BUILT, outlines, clauses)


def record_built(spec_path: Path, out_dir: Path) -> list[Record]:
    """[the record of the spec's previous build in `out_dir`], or [] without one."""
    from drafter.errors import DrafterError
    from drafter.output import read_manifest, spec_folder

    try:
        folder = spec_folder(out_dir, spec_path)
        record = record_of_manifest(read_manifest(folder))
    except (DrafterError, OSError):
        return []
    if record is None:
        return []
    record.file = (folder / "manifest.json").as_posix()
    return [record]


def record_of_lock(documents: dict, lock_file: Path | None = None) -> Record | None:
    """The lock's record (its documents' clause versions), or None when nothing is locked."""
    clauses: dict[str, set[int]] = {}
    for entry in documents.values():
        for clause in entry.get("klausuler") or []:
            clauses.setdefault(clause["id"], set()).add(clause["version"])
    return Record(LOCK, {}, clauses, lock_file.as_posix() if lock_file else "") if clauses else None


@dataclass(frozen=True)
class Choice:
    """The version of a standard outline a spec's document is built from, and why (`why`: "named",
    "newest", "record", "date")."""

    name: str
    version: int
    why: str
    newest: int
    said: str = ""  # for "record": which (LOCK, BUILT); for "date": the day, ISO
    file: str = ""  # for "record": the lock or manifest read


def choose(outline: "StandardOutline", loaded: "LoadedSpec", library_root: Path, day: dt.date | None = None,
           read=None) -> Choice:
    """Which version of `outline`'s standard this spec's document takes (see the module's docstring).
    `day`: the document's date (the agreement's, for the agreement and its tjänsteutlåtande);
    `read(name, version)`: the version's (model, …), for its date and its pins."""
    from drafter.clauses.outline_file import read_standard

    read = read or (lambda n, v: read_standard(n, library_root, loaded.where("outline"), v))
    name, pinned = split_standard(outline.standard)
    files = version_files(library_root, name)
    newest = max(files, default=1)
    if pinned is not None:
        return Choice(name, pinned, "named", newest)
    if loaded.spec.document.status != "slutlig" or len(files) < 2:
        return Choice(name, newest, "newest", newest)
    pins = {v: _pins(read(name, v)[0].outline) for v in files}
    telling = {i for v in files for i in pins[v] if len({p.get(i) for p in pins.values()}) > 1} - _own(outline)
    for record in loaded.records:  # the lock first, then the previous build
        if name in record.outlines and record.outlines[name] in files:
            return Choice(name, record.outlines[name], "record", newest, record.source, record.file)
        seen = telling & set(record.clauses)
        agreeing = [v for v in files if seen and all(pins[v].get(i) in record.clauses[i] for i in seen)]
        if agreeing:
            return Choice(name, agreeing[-1], "record", newest, record.source, record.file)
    day = day or loaded.spec.document.date
    dates = {v: read(name, v)[0].date for v in files}
    valid = [v for v in files if dates[v] is None or dates[v] <= day]
    return Choice(name, valid[-1] if valid else min(files), "date", newest, day.isoformat())


def _pins(items: list["OutlineItem"]) -> dict[str, int]:
    """{clause id: version} of every clause the outline names with a version."""
    out: dict[str, int] = {}
    for item in items:
        if item.clause:
            clause_id, version = split_ref(item.clause)
            if version is not None:
                out[clause_id] = version
        out |= _pins(item.sections)
    return out


def _own(outline: "StandardOutline") -> set[str]:
    """The clause ids the spec's own changes name: what the spec put there says nothing of the outline."""
    named = {split_ref(n)[0] for n in outline.remove} | {split_ref(n)[0] for n in outline.replace}
    return named | {split_ref(a.item.clause)[0] for a in outline.add if a.item.clause}


def standard_outlines(loaded: "LoadedSpec") -> list[tuple[tuple, "StandardOutline", dt.date]]:
    """(field path, standard outline, the document's date) of every standard outline the spec's
    documents are built from: the agreement's, its tjänsteutlåtande's, each tillägg's tjänsteutlåtande's."""
    from drafter.spec.model import StandardOutline

    spec = loaded.spec
    out: list[tuple[tuple, StandardOutline, dt.date]] = []
    if isinstance(spec.outline, StandardOutline):
        out.append((("outline",), spec.outline, spec.document.date))
    if spec.proposal is not None and isinstance(spec.proposal.outline, StandardOutline):
        out.append((("proposal", "outline"), spec.proposal.outline, spec.document.date))
    for i, amendment in enumerate(spec.amendments):
        proposal = amendment.proposal
        if proposal is not None and not isinstance(proposal.outline, list):
            outline = proposal.outline or StandardOutline(standard=ADDENDUM_PROPOSAL)
            out.append((("amendments", i, "proposal", "outline"), outline, amendment.date))
    return out


def chosen(loaded: "LoadedSpec", library_root: Path) -> list[tuple[tuple, Choice]]:
    """(field path, choice) of every standard outline the spec's documents are built from."""
    from drafter.clauses.outline_file import read_standard

    out = []
    for path, outline, day in standard_outlines(loaded):
        where = loaded.where(*path, "standard")
        read = lambda name, version, where=where: read_standard(name, library_root, where, version)  # noqa: E731
        out.append((path, choose(outline, loaded, library_root, day, read)))
    return out


def recorded(loaded: "LoadedSpec", library_root: Path) -> dict[str, int]:
    """What the manifest records: {outline name: version} the documents were built from."""
    out: dict[str, int] = {}
    for _, choice in chosen(loaded, library_root):
        out.setdefault(choice.name, choice.version)
    return out


def newest_ref(library_root: Path, name: str) -> str:
    """"NAME@N", N the newest version of the standard outline (NAME alone when there is none)."""
    files = version_files(library_root, split_standard(name)[0])
    return f"{split_standard(name)[0]}@{max(files)}" if files else name


def with_newest(outline: object, library_root: Path) -> object:
    """A standard outline as spec data (`{standard: …, …}`) naming its newest version: what `drafter new`
    writes, so that a new spec never floats; any other outline as it is."""
    if isinstance(outline, dict) and isinstance(outline.get("standard"), str):
        return {**outline, "standard": newest_ref(library_root, outline["standard"])}
    return outline


def history(name: str, library_root: Path) -> list[str]:
    """One Swedish line per version of an outline: its number, its day, and the pins it raised over the
    one before (`drafter clauses outlines`)."""
    from drafter.clauses.outline_file import read_standard
    from drafter.errors import Where

    lines: list[str] = []
    before: dict[str, int] | None = None
    files = version_files(library_root, name)
    for version in files:
        model = read_standard(name, library_root, Where(str(files[version])), version)[0]
        pins = _pins(model.outline)
        day = f" ({model.date.isoformat()})" if model.date else ""
        was = before or {}
        changed = [f"{i}@{was[i]} → @{v}" if i in was else f"{i}@{v} ny" for i, v in pins.items()
                   if before is not None and was.get(i) != v]
        gone = [f"{i}@{v} borta" for i, v in was.items() if i not in pins]
        said = ": " + ", ".join(changed + gone) if changed or gone else ""
        newest = ", nyaste" if version == max(files) else ""
        lines.append(f"{name}@{version}{day}{newest}{said}")
        before = pins
    return lines
