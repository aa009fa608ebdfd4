"""The consolidated redline an earlier `build --redline` wrote: kept while it is current, else removed and said.

`drafter build SPEC --redline` writes `<spec>-overenskommelse-konsoliderad-andringar.docx`, the file a
jurist reviews the tillägg in. A build publishes its folder whole (drafter/output.py), so the next
plain `drafter build agreements/*.yaml` used to remove that file without a word (trial6 §7b).

A plain build now keeps it when it is still what `--redline` would write: made from the same spec,
clauses, house style, lock and drafter (its own input hash, recorded with it in the manifest) and not
changed since. Otherwise it would show changes the documents beside it no longer have, so it goes,
and the build says so (info `redline-removed`): which file, why, and the command that writes it anew.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.output import read_manifest, sha256

if TYPE_CHECKING:
    from drafter.checks.finding import Finding
    from drafter.pipeline import Settings

REDLINE = "consolidated-redline"  # the manifest's kind of the redline (drafter/build.py)


def redline_inputs(spec_path: Path, clause_root: Path, clause_ids: list[str], spec_bytes: bytes,
                   cache: dict) -> str | None:
    """The hash of what the redline is made from: the build's inputs without the formats and the PDF
    engine, which never change it (a redline written with `--format docx` is the same file)."""
    from drafter.incremental import inputs_sha256

    return inputs_sha256(spec_path, clause_root, clause_ids, ("redline",), "-", spec_bytes=spec_bytes, cache=cache)


def earlier_redline(folder: Path, spec_path: Path, written: set[str], made_from: Callable[[], str | None],
                    options: "Settings",
                    report: Callable[["Finding"], None] | None) -> list[tuple[str, str, dict[str, bytes]]]:
    """The manifest entries of the redline the last build of `folder` listed and this one does not write:
    kept as (kind, title, {name: bytes}) when current, else reported as removed (and left out).
    `made_from` gives the redline_inputs of this build (computed only when there is a redline to judge)."""
    previous = read_manifest(folder)
    kept: list[tuple[str, str, dict[str, bytes]]] = []
    for entry in previous.get("documents", []) if isinstance(previous, dict) else []:
        if not isinstance(entry, dict) or entry.get("kind") != REDLINE:
            continue
        name, recorded = (entry.get(key, {}).get("docx") if isinstance(entry.get(key), dict) else None
                          for key in ("files", "sha256"))
        if not isinstance(name, str) or "/" in name or name.startswith(".") or name in written:
            continue  # written anew by this build (or no file of drafter's)
        path = folder / name
        try:
            data = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        except OSError:
            data = None
        if data is None:
            continue  # gone already: this build removes nothing
        why = _why_not_current(entry, data, recorded, made_from, options)
        if why is None:
            kept.append((REDLINE, str(entry.get("title") or name), {name: data}))
        elif report:
            report(_removed(path, spec_path, why))
    return kept


def _why_not_current(entry: dict, data: bytes, recorded, made_from: Callable[[], str | None],
                     options: "Settings") -> str | None:
    """Why the redline can no longer stand beside this build's documents (None: it can)."""
    if options.redline and "docx" in options.formats:
        return "specen har inte längre några tillägg, så det finns ingen konsoliderad version att visa"
    if "docx" not in options.formats:
        return "bygget skriver ingen DOCX (--format pdf), och den konsoliderade versionen med spårade ändringar är en DOCX"
    if sha256(data) != recorded:
        return "filen har ändrats sedan drafter skrev den (drafters filer i utdatamappen skrivs om vid varje bygge)"
    if made_from() is None or entry.get("inputs_sha256") != made_from():
        return ("specen, klausulerna, husstilen eller drafter har ändrats sedan den skrevs, så den visar inte längre "
                "ändringarna i de dokument som nu byggdes")
    return None


def _removed(path: Path, spec_path: Path, why: str) -> "Finding":
    from drafter.checks.finding import Finding
    from drafter.locknames import shown_path

    spec = shown_path(spec_path)
    advice = f"drafter build {spec} --redline"
    return Finding("redline-removed", "info",
                   f"{shown_path(path)} togs bort: {why}. Den skrivs bara av `drafter build --redline`. "
                   f"Skriv en ny med: {advice}. Vill du spara en granskad kopia, spara den under ett annat namn "
                   "eller utanför utdatamappen; den tar drafter aldrig bort.",
                   spec, "consolidated", hint=advice)
