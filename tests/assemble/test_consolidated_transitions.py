"""The consolidated agreement lists its tillägg's övergångsbestämmelser at the end (trial 12 item 3), as
a consolidated statute in SFS lists each amending act's: the reading copy left them out."""

import io
import json

import pypdf
import pytest
from docx import Document as open_docx

from checks.support import findings, of, spec_file
from drafter.assemble import assemble_documents
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.model.text import document_text
from drafter.spec.load import load_spec
from helpers import CLAUSES, example_data
from readback import docx_body_text, norm

FIRST = ("Skillnaden mellan bidraget enligt detta tillägg och det bidrag som redan har betalats ut för tiden den "
         "1 januari 2027 till och med den 31 mars 2027 betalas ut tillsammans med utbetalningen för nästa kvartal.")
SECOND = "Brukarrådets första möte hålls senast den 31 augusti 2027."


def amended(transitions: tuple[str | None, str | None]) -> dict:
    """The example's tillägg nr 1 and a tillägg nr 2 (a new point 4.1 a), with the transitions given."""
    data = example_data(amended=True)
    data["amendments"].append({"number": 2, "date": "2027-06-10", "effective": "2027-07-01",
                               "decision": {"by": "socialdirektören", "date": "2027-06-03"},
                               "changes": [{"insert_after": "4.1", "heading": "Brukarrådets möten",
                                            "text": "Brukarrådet protokollför sina möten."}]})
    for amendment, transition in zip(data["amendments"], transitions):
        if transition:
            amendment["transition"] = transition
    return data


def consolidated(path):
    return next(d for d in assemble_documents(load_spec(path), ClauseLibrary(CLAUSES)) if d.kind == "consolidated")


def test_each_tillaggs_transition_after_the_text_in_order(tmp_path):
    doc = consolidated(spec_file(tmp_path, amended((FIRST, SECOND))))
    last = doc.sections[-1]
    assert last.heading == "Övergångsbestämmelser" and not last.numbered and last.label == ""
    assert doc.sections[-2].heading == "Signering av överenskommelsen"  # after the text and its signatures
    assert [s.heading for s in last.sections] == ["Tillägg nr 1", "Tillägg nr 2"]
    first, second = ([b.inlines[0].text for b in s.blocks] for s in last.sections)
    assert first == ["Tillägget gäller från och med den 1 januari 2027.", " ".join(FIRST.split())]
    assert second == ["Tillägget gäller från och med den 1 juli 2027.", SECOND]
    origin = last.sections[0].blocks[1].inlines[0].origin
    assert origin.kind == "spec" and origin.ref == "amendments.0.transition"
    assert [s.label for s in doc.sections] == ["1.", "2.", "3.", "4.", "5.", "6.", ""]  # no point moved
    assert "4.1 a" in [s.number for s in doc.walk_sections()]


def test_only_the_tillagg_with_a_transition_are_listed(tmp_path):
    doc = consolidated(spec_file(tmp_path, amended((None, SECOND))))
    assert [s.heading for s in doc.sections[-1].sections] == ["Tillägg nr 2"]


def test_no_transition_no_section(tmp_path):
    doc = consolidated(spec_file(tmp_path, amended((None, None))))
    assert all(s.heading != "Övergångsbestämmelser" for s in doc.walk_sections())


def test_the_transition_in_a_consolidated_text_is_not_a_finding(tmp_path):
    """The paid quarter the transition names is known to period-mismatch, as in the tillägg itself."""
    spec = spec_file(tmp_path, amended((FIRST, SECOND)))
    assert [f for f in of(findings(spec), "period-mismatch") if f.document == "consolidated"] == []


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("transitions")
    spec = spec_file(folder, amended((FIRST, SECOND)))
    manifest = build(spec, BuildOptions(out_dir=folder / "output", library=ClauseLibrary(CLAUSES)))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    (files,) = [d["files"] for d in data["documents"] if d["kind"] == "consolidated"]
    return {fmt: (manifest.parent / name).read_bytes() for fmt, name in files.items()}, consolidated(spec)


def test_docx_has_the_transitions_as_headings_and_text(built):
    files, model = built
    document = open_docx(io.BytesIO(files["docx"]))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    at = paragraphs.index(next(p for p in paragraphs if p[1] == "Övergångsbestämmelser"))
    assert paragraphs[at][0].startswith("Heading")
    assert [text for _, text in paragraphs[at:]] == [
        "Övergångsbestämmelser", "Tillägg nr 1", "Tillägget gäller från och med den 1 januari 2027.", FIRST,
        "Tillägg nr 2", "Tillägget gäller från och med den 1 juli 2027.", SECOND]
    assert docx_body_text(files["docx"]) == norm(document_text(model))


def test_pdf_ends_with_the_transitions(built):
    files, _ = built
    reader = pypdf.PdfReader(io.BytesIO(files["pdf"]))
    text = norm(" ".join(page.extract_text() for page in reader.pages))
    tail = text[text.rindex("Övergångsbestämmelser"):]
    assert "Tillägg nr 1" in tail and norm(FIRST) in tail and tail.index("Tillägg nr 2") > tail.index(norm(FIRST))
    assert norm(SECOND) in tail
