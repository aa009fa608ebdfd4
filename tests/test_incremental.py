"""The inputs hash that decides whether a spec is rebuilt."""

import shutil

import pytest

from drafter.incremental import inputs_sha256, library_root
from helpers import CLAUSES, EXAMPLE


def test_library_root_is_the_one_clause_library_chooses(tmp_path, monkeypatch):
    from drafter.clauses.library import default_library_path

    assert library_root(None) == default_library_path()
    monkeypatch.chdir(tmp_path)
    assert library_root(None) == default_library_path()
    (tmp_path / "clauses").mkdir()
    assert library_root(None) == default_library_path()
    assert library_root(tmp_path / "annat") == tmp_path / "annat"


def _hash(spec, root, ids=("villkor/aterkrav",), formats=("docx", "pdf"), engine="typst"):
    return inputs_sha256(spec, root, list(ids), formats, engine)


@pytest.fixture
def copy(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    shutil.copy(EXAMPLE.parent / "street-minds-2023.yaml", tmp_path / "street-minds-2023.yaml")
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    return tmp_path / EXAMPLE.name, tmp_path / "clauses"


def test_inputs_hash_follows_every_input(copy):
    spec, root = copy
    base = _hash(spec, root)
    assert _hash(spec, root) == base
    assert _hash(spec, root, formats=("pdf", "docx")) == base  # the order of --format does not matter
    assert _hash(spec, root, formats=("pdf",)) != base
    assert _hash(spec, root, engine="libreoffice") != base
    assert _hash(spec, root, ids=("villkor/aterkrav", "villkor/period")) != base
    (root / "villkor" / "aterkrav" / "v9.md").write_text("---\n", encoding="utf-8")
    assert _hash(spec, root) != base
    changed = _hash(spec, root)
    (spec.parent / "street-minds-2023.yaml").write_text("ändrad: ja\n", encoding="utf-8")
    assert _hash(spec, root) != changed


def test_inputs_hash_follows_the_standard_outlines(copy):
    spec, root = copy
    base = _hash(spec, root)
    outline = root / "outlines" / "overenskommelse" / "v1.yaml"
    outline.write_text(outline.read_text(encoding="utf-8") + "\n# ny rad\n", encoding="utf-8")
    edited = _hash(spec, root)
    assert edited != base
    (root / "outlines" / "ny-mall.yaml").write_text("sections: []\n", encoding="utf-8")
    assert _hash(spec, root) != edited


def test_edited_outline_rebuilds_instead_of_oforandrad(copy, tmp_path):
    """The bug this guards: an edited clauses/outlines/*.yaml left the spec "oförändrad", its text stale."""
    from drafter.batch import BatchSettings, is_unchanged
    from drafter.build import BuildOptions, build
    from drafter.clauses.library import ClauseLibrary

    spec, root = copy
    out = tmp_path / "ut"
    build(spec, BuildOptions(out_dir=out, formats=("docx",), library=ClauseLibrary(root)))
    settings = BatchSettings(out_dir=out, formats=("docx",), clauses_dir=root)
    assert is_unchanged(spec, settings)
    outline = root / "outlines" / "overenskommelse" / "v1.yaml"
    outline.write_text(outline.read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
    assert not is_unchanged(spec, settings)


def test_inputs_hash_refuses_odd_clause_ids(copy):
    spec, root = copy
    assert _hash(spec, root, ids=("../../etc",)) is None
    assert _hash(spec, root, ids=("villkor/finns-inte",)) is None
    assert _hash(spec.parent / "finns-inte.yaml", root) is None
