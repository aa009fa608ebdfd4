"""Helpers for the language tests: the seeds, hunspell's presence, the example's assembled documents."""

from pathlib import Path

import pytest

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.language import spelling
from drafter.spec.load import load_spec
from helpers import CLAUSES, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
AGREEMENT_2026 = SEEDS / "000_11af81c8c834ed2e.txt"
PROPOSAL_2023 = SEEDS / "001_8b0d3a00a9c76ced.txt"

needs_seeds = pytest.mark.skipif(not AGREEMENT_2026.is_file() or not PROPOSAL_2023.is_file(),
                                 reason="../shared/seeds saknas bredvid arbetskopian")
needs_hunspell = pytest.mark.skipif(not spelling.available(),
                                    reason="hunspell med svensk ordlista saknas (apt-get install hunspell hunspell-sv)")


def documents(spec: Path, clauses: Path = CLAUSES):
    return assemble_documents(load_spec(spec), ClauseLibrary(clauses))


def document(spec: Path, kind: str):
    return next(d for d in documents(spec) if d.kind == kind)
