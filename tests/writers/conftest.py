"""Every example spec built once for the writer tests that check all example documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from helpers import CLAUSES, ROOT

EXAMPLES = sorted((ROOT / "agreements").glob("*.yaml"))


@pytest.fixture(scope="session")
def example_files(tmp_path_factory) -> dict[str, Path]:
    """{file name: path} of every file the examples build (DOCX and Typst PDF, the packet included)."""
    out = tmp_path_factory.mktemp("examples")
    files = {}
    for spec in EXAMPLES:
        manifest = build(spec, BuildOptions(out_dir=out, library=ClauseLibrary(CLAUSES)))
        files.update({p.name: p for p in manifest.parent.iterdir() if p.suffix in (".pdf", ".docx")})
    return files
