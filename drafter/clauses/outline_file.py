"""One version of a standard outline read from the library (clauses/outlines/NAME/vN.yaml, or an old flat
NAME.yaml): checked against its model, each item knowing its line. Reading a library file is the clause
library's; placing the outline in a spec is assembly's (drafter/assemble/standard_outline.py)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.errors import DrafterError, Where
from drafter.spec.load import where_in
from drafter.spec.model import OutlineItem
from drafter.spec.refs import OUTLINE_FILE
from drafter.spec.yaml_reader import read_yaml
from drafter.validation import swedish_message

Locate = Callable[..., Where]


def outlines_folder(library_root: Path) -> Path:
    return Path(library_root) / "outlines"


def split_standard(value: str) -> tuple[str, int | None]:
    """"iop-overenskommelse@2" -> ("iop-overenskommelse", 2); without "@N" the version is None."""
    name, _, version = value.partition("@")
    return name, int(version) if version.isdigit() else None


def version_files(library_root: Path, name: str) -> dict[int, Path]:
    """{version: file} of one outline, oldest first; an old flat NAME.yaml is version 1."""
    folder = outlines_folder(library_root)
    try:
        names = os.listdir(folder / name)
    except OSError:
        flat = folder / f"{name}.yaml"
        return {1: flat} if flat.is_file() else {}
    found = {int(m.group(1)): folder / name / n for n in names if (m := OUTLINE_FILE.match(n))}
    return dict(sorted(found.items()))


def standard_names(library_root: Path) -> list[str]:
    """Every outline in the library: a folder with version files, or an old flat NAME.yaml."""
    folder = outlines_folder(library_root)
    try:
        entries = os.listdir(folder)
    except OSError:
        return []
    names = {n[:-5] for n in entries if n.endswith(".yaml") and (folder / n).is_file()}
    names |= {n for n in entries if (folder / n).is_dir() and version_files(library_root, n)}
    return sorted(names)


class OutlineFile(BaseModel):
    """clauses/outlines/NAME/vN.yaml (or an old flat NAME.yaml)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built when a spec uses a standard outline
    kind: Literal["agreement", "proposal"]
    description: str = Field(description="Vad mallen är till för.")
    date: dt.date | None = Field(None, description="Dagen versionen kom in i biblioteket (ÅÅÅÅ-MM-DD).")
    outline: list[OutlineItem] = Field(min_length=1)


def read_standard(name: str, library_root: Path, where: Where, version: int | None = None
                  ) -> tuple[OutlineFile, Locate]:
    """Version `version` of the standard outline `name` (the newest when None; "NAME@N" names one too)."""
    if version is None:
        name, version = split_standard(name)
    files = version_files(library_root, name)
    if not files:
        names = standard_names(library_root)
        from difflib import get_close_matches  # only for a name that is not there

        close = get_close_matches(name, names, n=1, cutoff=0.6)
        raise DrafterError(f"Standardmallen '{name}' finns inte i {outlines_folder(library_root)}.", where,
                           f"Menade du '{close[0]}'?" if close else f"Mallar som finns: {', '.join(names)}.")
    if version is not None and version not in files:
        shown = ", ".join(f"{name}@{v}" for v in files)
        raise DrafterError(f"Standardmallen '{name}' har ingen version {version}.", where,
                           f"Versioner som finns: {shown}. Utan @N tar ett utkast den nyaste.")
    path = files[version if version is not None else max(files)]
    data, positions = read_yaml(path)
    try:
        model = OutlineFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        message, hint = swedish_message(err, OutlineFile)
        raise DrafterError(message, where_in(path, positions, tuple(err["loc"])), hint) from None
    return model, lambda *fields: where_in(path, positions, tuple(fields))
