"""Outlines: the spec's own list of sections, or a standard outline from the library, adjusted.

A standard outline (clauses/outlines/NAME/vN.yaml, drafter/clauses/outline_versions.py) is the usual order of sections for one kind of
document. A spec names it and changes only what differs — remove, replace, add or move a section,
each named by its key or clause id — instead of copying the whole list. Each resolved item keeps
where it was written (the outline file or the spec), so every error points at the right line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from drafter.clauses.outline_file import Locate, OutlineFile, read_standard
from drafter.clauses.outline_versions import choose, outlines_folder, standard_names
from drafter.errors import DrafterError, Where
from drafter.spec.load import LoadedSpec
from drafter.spec.model import OutlineItem, Placement, StandardOutline


@dataclass
class Placed:
    """An outline item with where it was written, and its subsections likewise."""

    item: OutlineItem
    locate: Locate  # locate("clause") -> Where of that field of this item
    sections: list["Placed"] = field(default_factory=list)

    @property
    def name(self) -> str | None:
        return self.item.name


__all__ = ["OutlineFile", "Placed", "outlines_folder", "standard_names", "read_standard", "resolve_outline", "place"]


def resolve_outline(outline, loaded: LoadedSpec, library_root: Path, spec_path: tuple) -> list[Placed]:
    """The sections of a document, in order, each knowing where it was written."""
    if isinstance(outline, list):
        return place(outline, loaded.where, spec_path)
    return _adjusted(outline, loaded, library_root, spec_path)


def place(items: list[OutlineItem], locate: Locate, path: tuple) -> list[Placed]:
    return [
        Placed(item, _locator(locate, (*path, i)), place(item.sections, locate, (*path, i, "sections")))
        for i, item in enumerate(items)
    ]


def _locator(locate: Locate, path: tuple) -> Locate:
    return lambda *fields: locate(*path, *fields)


def _adjusted(outline: StandardOutline, loaded: LoadedSpec, library_root: Path, spec_path: tuple) -> list[Placed]:
    where = loaded.where(*spec_path, "standard")
    read = lambda name, version: read_standard(name, library_root, where, version)  # noqa: E731
    choice = choose(outline, loaded, library_root, _day(loaded, spec_path), read)
    model, locate_file = read(choice.name, choice.version)
    tree = place(model.outline, locate_file, ("outline",))
    at = lambda *fields: loaded.where(*spec_path, *fields)  # noqa: E731
    standard = choice.name if choice.newest == 1 else f"{choice.name}@{choice.version}"
    for i, name in enumerate(outline.remove):
        siblings, index = _find(tree, name, standard, at("remove", i))
        del siblings[index]
    for name, item in outline.replace.items():
        siblings, index = _find(tree, name, standard, at("replace", name))
        siblings[index] = Placed(item, _locator(loaded.where, (*spec_path, "replace", name)),
                                 place(item.sections, loaded.where, (*spec_path, "replace", name, "sections")))
    for i, move in enumerate(outline.move):
        siblings, index = _find(tree, move.section, standard, at("move", i, "section"))
        moved = siblings.pop(index)
        _insert(tree, moved, move, standard, at("move", i))
    for i, addition in enumerate(outline.add):
        added = Placed(addition.item, _locator(loaded.where, (*spec_path, "add", i, "item")),
                       place(addition.item.sections, loaded.where, (*spec_path, "add", i, "item", "sections")))
        _insert(tree, added, addition, standard, at("add", i))
    return tree


def _day(loaded: LoadedSpec, spec_path: tuple) -> dt.date:
    """The date of the document an outline is for: a tillägg's own date for its tjänsteutlåtande
    (amendments[i].proposal), else the agreement's (document.date)."""
    amendments = loaded.spec.amendments  # an amended state has none of its own: then the agreement's date
    if spec_path[:1] == ("amendments",) and isinstance(spec_path[1], int) and spec_path[1] < len(amendments):
        return amendments[spec_path[1]].date
    return loaded.spec.document.date


def _insert(tree: list[Placed], placed: Placed, placement: Placement, standard: str, where: Where) -> None:
    # Placement's validator keeps exactly one of the three set
    target = next(t for t in (placement.after, placement.before, placement.into) if t is not None)
    siblings, index = _find(tree, target, standard, where)
    if placement.into:
        siblings[index].sections.append(placed)
    else:
        siblings.insert(index + 1 if placement.after else index, placed)


def _find(tree: list[Placed], name: str, standard: str, where: Where) -> tuple[list[Placed], int]:
    """The list holding the section named `name`, and its index there."""
    stack = [tree]
    while stack:
        siblings = stack.pop()
        for index, placed in enumerate(siblings):
            if placed.name == name:
                return siblings, index
            stack.append(placed.sections)
    names = sorted(_names(tree))
    from difflib import get_close_matches

    close = get_close_matches(name, names, n=1, cutoff=0.6)
    raise DrafterError(f"Avsnittet '{name}' finns inte i standardmallen '{standard}'.", where,
                       f"Menade du '{close[0]}'?" if close else f"Avsnitt som finns: {', '.join(names)}.")


def _names(tree: list[Placed]):
    for placed in tree:
        if placed.name:
            yield placed.name
        yield from _names(placed.sections)
