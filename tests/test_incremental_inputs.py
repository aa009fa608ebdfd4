"""Every file a build reads is an input: edit any of them and the spec is no longer "oförändrad".

The files are not listed here by hand: each build runs with an audit hook that records every file it
opens in the project (specs, clause library, house style, logo, outlines, lock files), and each of
those files is then edited in turn. A file a future build starts to read without hashing it fails here.
"""

import os
import sys

import pytest

from drafter.batch import is_unchanged
from drafter.build import build
from drafter.clauses.library import ClauseLibrary
from drafter.lock import lock_spec
from drafter.lockfile import lock_path
from drafter.pipeline import Settings
from helpers import ROOT, copy_examples, signed_example

_RECORDING: list[list[str]] = []  # the list of the build running now, when one runs


def _hook(event, args):
    if _RECORDING and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _RECORDING[-1].append(os.path.abspath(os.fsdecode(args[0])))


sys.addaudithook(_hook)  # an audit hook cannot be removed: it records only while a build runs


def _png() -> bytes:
    from house.test_house_style import png

    return png()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The signed 2026 example, locked, with a logo in the house style, beside a spec built from the
    standard outlines; both built once, with the files each build opened."""
    root = tmp_path_factory.mktemp("projekt")
    copy_examples(root)
    signed_example(root)
    clauses = root / "clauses"
    (clauses / "logo.png").write_bytes(_png())
    house = clauses / "husstil.yaml"
    house.write_text(house.read_text(encoding="utf-8") + "logotyp: logo.png\nlogotyp_text: Stadens logotyp\n",
                     encoding="utf-8")
    renewal = root / "agreements" / "street-minds-2026.yaml"
    lock_spec(renewal, ["overenskommelse"], ClauseLibrary(clauses))
    standard = root / "agreements" / "norrmalm-stiftelse.yaml"
    standard.write_bytes((ROOT / "tests" / "generic" / "norrmalm-stiftelse.yaml").read_bytes())
    settings = Settings(out_dir=root / "ut", clauses_dir=clauses)
    opened = {}
    for spec in (renewal, standard):
        _RECORDING.append([])
        try:
            build(spec, Settings(out_dir=settings.out_dir, library=ClauseLibrary(clauses)))
        finally:
            files = _RECORDING.pop()
        opened[spec] = sorted({f for f in files if f.startswith(str(root)) and not f.startswith(str(root / "ut"))})
        assert is_unchanged(spec, settings)
    return root, settings, opened


def test_the_builds_read_every_kind_of_input(project):
    root, _, opened = project
    renewal, standard = (root / "agreements" / f"{n}.yaml" for n in ("street-minds-2026", "norrmalm-stiftelse"))
    read = set(opened[renewal])
    assert {str(renewal), str(root / "agreements" / "street-minds-2023.yaml"), str(lock_path(renewal)),
            str(root / "clauses" / "approvals.lock"), str(root / "clauses" / "husstil.yaml"),
            str(root / "clauses" / "logo.png")} <= read
    assert any("/clauses/villkor/" in f for f in read)
    assert any("/clauses/outlines/" in f for f in opened[standard])


def test_editing_any_file_a_build_read_rebuilds_the_spec(project):
    _, settings, opened = project
    for spec, files in opened.items():
        for name in files:
            path = type(spec)(name)
            before = path.read_bytes()
            path.write_bytes(before + (b"\0" if name.endswith(".png") else "\n# ändrad\n".encode()))
            try:
                assert not is_unchanged(spec, settings), f"{spec.name} stays oförändrad after {name} was edited"
            finally:
                path.write_bytes(before)
            assert is_unchanged(spec, settings), name
