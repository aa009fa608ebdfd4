"""Outlines: the spec's own list of sections, or a standard outline from the library, adjusted.

A standard outline (clauses/outlines/NAME.yaml) is the usual order of sections for one kind of
document. A spec names it and changes only what differs — remove, replace, add or move a section,
each named by its key or clause id — instead of copying the whole list. Each resolved item keeps
where it was written (the outline file or the spec), so every error points at the right line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.errors import DrafterError, Where
from drafter.spec.kept_schema import KeptSchema
from drafter.spec.load import LoadedSpec, where_in
from drafter.spec.model import OutlineItem, Placement, StandardOutline
from drafter.spec.yaml_reader import read_yaml
from drafter.validation import swedish_message

Locate = Callable[..., Where]


class OutlineFile(KeptSchema, BaseModel):
    """clauses/outlines/NAME.yaml."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built when a spec uses a standard outline
    kind: Literal["agreement", "proposal"]
    description: str = Field(description="Vad mallen är till för.")
    outline: list[OutlineItem] = Field(min_length=1)


@dataclass
class Placed:
    """An outline item with where it was written, and its subsections likewise."""

    item: OutlineItem
    locate: Locate  # locate("clause") -> Where of that field of this item
    sections: list["Placed"] = field(default_factory=list)

    @property
    def name(self) -> str | None:
        return self.item.name


def outlines_folder(library_root: Path) -> Path:
    return library_root / "outlines"


def standard_names(library_root: Path) -> list[str]:
    return sorted(p.stem for p in outlines_folder(library_root).glob("*.yaml"))


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


def read_standard(name: str, library_root: Path, where: Where) -> tuple[OutlineFile, Locate]:
    path = outlines_folder(library_root) / f"{name}.yaml"
    if not path.is_file():
        names = standard_names(library_root)
        from difflib import get_close_matches  # only for a name that is not there

        close = get_close_matches(name, names, n=1, cutoff=0.6)
        raise DrafterError(f"Standardmallen '{name}' finns inte i {outlines_folder(library_root)}.", where,
                           f"Menade du '{close[0]}'?" if close else f"Mallar som finns: {', '.join(names)}.")
    data, positions = read_yaml(path)
    try:
        model = OutlineFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        message, hint = swedish_message(err, OutlineFile)
        raise DrafterError(message, where_in(path, positions, tuple(err["loc"])), hint) from None
    return model, lambda *fields: where_in(path, positions, tuple(fields))


def _adjusted(outline: StandardOutline, loaded: LoadedSpec, library_root: Path, spec_path: tuple) -> list[Placed]:
    model, locate_file = read_standard(outline.standard, library_root, loaded.where(*spec_path, "standard"))
    tree = place(model.outline, locate_file, ("outline",))
    at = lambda *fields: loaded.where(*spec_path, *fields)  # noqa: E731
    for i, name in enumerate(outline.remove):
        siblings, index = _find(tree, name, outline.standard, at("remove", i))
        del siblings[index]
    for name, item in outline.replace.items():
        siblings, index = _find(tree, name, outline.standard, at("replace", name))
        siblings[index] = Placed(item, _locator(loaded.where, (*spec_path, "replace", name)),
                                 place(item.sections, loaded.where, (*spec_path, "replace", name, "sections")))
    for i, move in enumerate(outline.move):
        siblings, index = _find(tree, move.section, outline.standard, at("move", i, "section"))
        moved = siblings.pop(index)
        _insert(tree, moved, move, outline.standard, at("move", i))
    for i, addition in enumerate(outline.add):
        added = Placed(addition.item, _locator(loaded.where, (*spec_path, "add", i, "item")),
                       place(addition.item.sections, loaded.where, (*spec_path, "add", i, "item", "sections")))
        _insert(tree, added, addition, outline.standard, at("add", i))
    return tree


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
