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
    described += "".join(f" `{p.stem}`" for p in (ROOT / "docs" / "checks").glob("*.md"))  # a file per code
    assert {"clause-unknown", "xref-unresolved", "amendment-point", "budget-sum"} <= codes
    assert sorted(c for c in codes if f"[{c}](checks/{c}.md)" not in described) == []  # the index links its page


def _generate():
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    return generate


@pytest.mark.parametrize("varied", [False, True])
def test_the_checks_leave_the_model_as_assembly_made_it(tmp_path, varied):
    """`build` reads each compile's input right after assembly (drafter/writers/pdf/lane.py), while the
    checks run: that is only the same input as before if no check changes a document."""
    from drafter.model.data import to_data

    library = ClauseLibrary(CLAUSES)
    specs = [EXAMPLE, *sorted(EXAMPLE.parent.glob("*.yaml"))] + _generate()(6, tmp_path, seed=7, varied=varied)
    seen = 0
    for spec in specs:
        at_assembly: list = []
        prepared = prepare(load_spec(spec), library,
                           assembled=lambda docs, seen=at_assembly: seen.extend(map(to_data, docs)))
        assert at_assembly == [to_data(doc) for doc in prepared.documents], spec
        seen += len(at_assembly)
    assert seen >= 20  # documents compared, amendments and proposals among them
