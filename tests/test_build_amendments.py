"""Building a spec with an amendment: addendum and consolidated agreement as DOCX and PDF, and the
consolidated agreement as tracked changes against the signed one."""

import io
import json

import pytest
from docx import Document as open_docx

from drafter.assemble import assemble_documents
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.model.text import document_text
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE
from readback import body_text, docx_body_text, norm
from diff.tracked_reader import accepted_text, rejected_text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("amended")
    manifest = build(EXAMPLE, BuildOptions(out_dir=out, library=ClauseLibrary(CLAUSES), redline=True))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    files = {d["kind"]: {fmt: (manifest.parent / name).read_bytes() for fmt, name in d["files"].items()}
             for d in data["documents"]}
    models = {d.kind: d for d in assemble_documents(load_spec(EXAMPLE), ClauseLibrary(CLAUSES))}
    return data, files, models


def test_manifest_lists_addendum_and_consolidated(built):
    data, files, _ = built
    assert [d["kind"] for d in data["documents"]] == ["agreement", "proposal", "addendum", "consolidated", "packet",
                                                      "consolidated-redline"]
    assert set(files["addendum"]) == set(files["consolidated"]) == {"docx", "pdf"}
    names = {d["kind"]: d["files"] for d in data["documents"]}
    assert names["addendum"]["pdf"] == "street-minds-2026-tillagg-1.pdf"


def test_addendum_docx_and_pdf_read_as_the_model(built):
    _, files, models = built
    expected = norm(document_text(models["addendum"]))
    assert docx_body_text(files["addendum"]["docx"]) == expected
    assert body_text(models["addendum"], files["addendum"]["pdf"]) == expected
    document = open_docx(io.BytesIO(files["addendum"]["docx"]))
    texts = [p.text for p in document.paragraphs]
    assert "Punkt 5.2 Ekonomisk ersättning ska ha följande lydelse:" in texts
    assert "Det ska införas en ny punkt, 3.2 a, av följande lydelse:" in texts


def test_consolidated_docx_keeps_signed_numbers_with_the_lettered_point(built):
    _, files, models = built
    document = open_docx(io.BytesIO(files["consolidated"]["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[headings.index("3.2 Samverkansgruppen") + 1] == "3.2 a Brukarråd"
    assert "5.10 Försäkringsansvar" in headings
    assert docx_body_text(files["consolidated"]["docx"]) == norm(document_text(models["consolidated"]))


def test_redline_accepts_to_the_consolidated_and_rejects_to_the_signed(built):
    _, files, models = built
    redline = files["consolidated-redline"]["docx"]
    assert accepted_text(redline) == norm(document_text(models["consolidated"]))
    assert rejected_text(redline) == norm(document_text(models["agreement"]))
