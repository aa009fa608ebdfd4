"""Clause references, one grammar for all: `villkor/aterkrav` (the newest fastställd version) or
`villkor/aterkrav@2` (version 2), and the version files `v2.md` they name in the library.

An id is lower-case letters, digits and hyphens in folders separated by "/"; nothing that could
leave the library folder ("..", absolute paths) can match. Only the standard library: the
incremental build reads these without loading pydantic.
"""

from __future__ import annotations

import re

from drafter.lazy_pattern import lazy

_PART = r"[a-z0-9][a-z0-9-]*"
CLAUSE_ID = lazy(rf"^{_PART}(?:/{_PART})*$")
CLAUSE_REF = re.compile(rf"^{_PART}(?:/{_PART})*(?:@[1-9][0-9]*)?$")
VERSION_FILE = re.compile(r"^v([1-9][0-9]*)\.md$")  # a version file's name in a clause's folder
OUTLINE_FILE = lazy(r"^v([1-9][0-9]*)\.yaml$")  # a version file's name in a standard outline's folder
VERSION_PATH = lazy(r"^(?P<id>.+)/v(?P<n>[1-9][0-9]*)\.md$")  # "villkor/x/v1.md" in the library


def split_ref(ref: str) -> tuple[str, int | None]:
    """"villkor/x@2" -> ("villkor/x", 2); "villkor/x" -> ("villkor/x", None)."""
    clause_id, _, pinned = ref.partition("@")
    return clause_id, int(pinned) if pinned.isdigit() else None


def ref_id(ref: str) -> str:
    """The clause id of a reference, without its version."""
    return ref.partition("@")[0]


def is_clause_id(value: object) -> bool:
    return isinstance(value, str) and CLAUSE_ID.match(value) is not None


def version_of_file(name: str) -> int | None:
    """2 for "v2.md", None for any other file name."""
    m = VERSION_FILE.match(name)
    return int(m.group(1)) if m else None
