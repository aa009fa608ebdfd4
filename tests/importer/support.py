"""Importing into a temporary library and building the draft spec, read back as text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from drafter.assemble import assemble_documents
from drafter.clauses.library import ClauseLibrary
from drafter.cli import main
from drafter.importer import import_file
from drafter.spec.load import load_spec
from readback import body_text, docx_body_text, docx_footnotes_text, footnotes_text


def imported(tmp_path: Path, source: Path, name: str = "importerad"):
    """Copy the source to tmp (as an official would have it) and import it into an empty library."""
    if not source.is_file():  # a seed, in a clone without ../shared
        import pytest

        pytest.skip(f"{source} finns inte (de verkliga dokumenten i ../shared/seeds saknas i den här kopian)")
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    return import_file(copy, name=name, clauses_dir=tmp_path / "clauses", agreements_dir=tmp_path / "agreements")


def built(tmp_path: Path, result) -> dict:
    """`drafter build` of the draft spec (exit 0 required); {kind: (docx text, pdf text)}."""
    out = tmp_path / "out"
    library = result.clause_dir.parent.parent
    run = CliRunner().invoke(main, ["build", str(result.spec_path), "-o", str(out), "--clauses", str(library)])
    assert run.exit_code == 0, run.output
    folder = out / result.spec_path.stem
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    models = {d.kind: d for d in assemble_documents(load_spec(result.spec_path), ClauseLibrary(library))}
    texts = {}
    for doc in manifest["documents"]:
        if doc["kind"] not in models:
            continue
        docx = (folder / doc["files"]["docx"]).read_bytes()
        pdf = (folder / doc["files"]["pdf"]).read_bytes()
        model = models[doc["kind"]]
        texts[doc["kind"]] = (docx_body_text(docx) + " " + docx_footnotes_text(docx),
                              body_text(model, pdf) + " " + footnotes_text(model), folder / doc["files"]["pdf"],
                              folder / doc["files"]["docx"])
    return texts



def as_draft(spec_path: Path) -> None:
    """The imported spec of a signed agreement made a draft to change (without signed: true and status:
    slutlig, which the import writes for a signed source): the tests that change its data and rebuild it
    are about the text following the spec, and a slutlig spec is built only from fastställda texts."""
    text = spec_path.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True)
            if not line.lstrip().startswith(("signed: true", "status: slutlig"))]
    assert len(kept) == len(text.splitlines()) - 2, text
    spec_path.write_text("".join(kept), encoding="utf-8")
