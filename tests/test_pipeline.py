"""The pipeline: `prepare` reads, assembles and checks; checks only read what it made."""

import ast
from pathlib import Path

import pytest

from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import Settings, check_paths, prepare
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, ROOT, example_data, write_spec

CHECKS_DIR = ROOT / "drafter" / "checks"


def test_prepare_gives_the_documents_it_checked_and_their_findings():
    prepared = prepare(EXAMPLE, ClauseLibrary(CLAUSES))
    assert [d.kind for d in prepared.documents][:1] == ["agreement"]
    assert prepared.loaded.path == EXAMPLE
    assert not prepared.has_errors
    assert prepared.findings == check_paths([EXAMPLE], ClauseLibrary(CLAUSES))[0]


def test_an_unknown_clause_is_a_finding_and_nothing_is_assembled(tmp_path):
    data = example_data()
    data["outline"][0]["clause"] = "villkor/finns-inte"
    prepared = prepare(load_spec(write_spec(tmp_path, data)), ClauseLibrary(CLAUSES))
    assert prepared.documents == [] and prepared.has_errors
    assert [f.code for f in prepared.findings if f.severity == "error"] == ["clause-unknown"]


def test_settings_are_one_object_for_a_build_and_a_batch():
    settings = Settings(formats=("docx",), redline=True)
    assert settings.outputs == ("docx", "redline")
    assert settings.clause_library().root.name == "clauses"
    library = ClauseLibrary(CLAUSES)
    assert Settings(library=library).clause_library() is library


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted(CHECKS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_a_check_module_never_assembles_or_builds(path):
    forbidden = {"drafter.build", "drafter.pipeline", "drafter.batch"}
    imported = _imports(path)
    assert not imported & forbidden
    assert not any(m.startswith("drafter.assemble") for m in imported)


def test_every_finding_code_is_described_in_docs_checks():
    import re

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "drafter").rglob("*.py"))
    codes = set(re.findall(r'Finding\(\s*"([a-z][a-z-]+)"', source)) | set(re.findall(r'^\s+code = "([a-z-]+)"', source,
                                                                                       re.MULTILINE))
    described = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert {"clause-unknown", "xref-unresolved", "amendment-point", "budget-sum"} <= codes
    own_page = {c for c in codes if (ROOT / "docs" / "checks" / f"{c}.md").is_file()}  # docs/checks/<code>.md
    assert sorted(c for c in codes if f"`{c}`" not in described and c not in own_page) == []
