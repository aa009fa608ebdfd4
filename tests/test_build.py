"""`drafter build` end to end: the Street Minds agreement from spec and library to DOCX, PDF and manifest."""

import io
import json
import shutil

import pytest
from docx import Document as open_docx

from drafter.build import BuildOptions, ChecksFailed, build, render_documents
from drafter.clauses.library import ClauseLibrary
from drafter.errors import DrafterError
from drafter.output import sha256
from helpers import CLAUSES, EXAMPLE, example_data, write_spec
from drafter.assemble import assemble_documents
from drafter.spec.load import load_spec
from readback import body_text, docx_body_text, read
from similarity import AGREEMENT_2026, differences, similarity, strip_markup

NB = "\u00a0"


def options(out):
    return BuildOptions(out_dir=out, library=ClauseLibrary(CLAUSES))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("output")
    manifest_path = build(EXAMPLE, options(out))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    folder = manifest_path.parent
    doc = agreement_entry(manifest)
    return {
        "folder": folder,
        "manifest": manifest,
        "docx": (folder / doc["files"]["docx"]).read_bytes(),
        "pdf": (folder / doc["files"]["pdf"]).read_bytes(),
    }


def agreement_entry(manifest: dict) -> dict:
    (entry,) = [d for d in manifest["documents"] if d["kind"] == "agreement"]
    return entry


def pdf_text(pdf: bytes, spec=EXAMPLE) -> str:
    """All page text less running header, footer and footnote entries (see readback.body_text)."""
    model = assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES))[0]  # as built: status, house style
    return body_text(model, pdf)


def seed_text() -> str:
    return strip_markup(AGREEMENT_2026.read_text(encoding="utf-8"))


def test_manifest_lists_documents_files_and_clauses(built):
    manifest, folder = built["manifest"], built["folder"]
    assert folder.name == "street-minds-2026"
    assert [d["kind"] for d in manifest["documents"]] == ["agreement", "proposal", "addendum", "consolidated",
                                                          "packet"]
    doc = agreement_entry(manifest)
    assert doc["title"].startswith("Överenskommelse om idéburet offentligt partnerskap (IOP)")
    assert doc["files"] == {"docx": "street-minds-2026-overenskommelse.docx",
                            "pdf": "street-minds-2026-overenskommelse.pdf"}
    assert doc["sha256"] == {"docx": sha256(built["docx"]), "pdf": sha256(built["pdf"])}
    used = {(c["id"], c["version"]): c["sha256"] for c in manifest["clauses"]}
    library = ClauseLibrary(CLAUSES)
    models = assemble_documents(load_spec(EXAMPLE), library)
    assert set(used) == {(s.clause.id, s.clause.version) for d in models for s in d.walk_sections() if s.clause}
    assert used[("villkor/aterkrav", 1)] == library.get("villkor/aterkrav@1").sha256
    assert ("villkor/period", 2) in used and ("villkor/period", 1) not in used


def test_docx_reproduces_the_2026_agreement(built):
    text = docx_body_text(built["docx"])
    score = similarity(seed_text(), text)
    assert score >= 0.97, differences(seed_text(), text)


def test_pdf_reproduces_the_2026_agreement(built):
    text = pdf_text(built["pdf"])
    score = similarity(seed_text(), text)
    assert score >= 0.97, differences(seed_text(), text)


def test_docx_text_equals_pdf_text(built):
    assert docx_body_text(built["docx"]) == pdf_text(built["pdf"])


def test_docx_headings_numbers_and_budget(built):
    document = open_docx(io.BytesIO(built["docx"]))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    labels = [text.split(" ", 1)[0] for _, text in headings]
    assert labels == ["1.", "1.1", "2.", *[f"2.{i}" for i in range(1, 9)], "3.", "3.1", "3.2", "4.", "4.1", "5.",
                      *[f"5.{i}" for i in range(1, 11)], "6."]
    assert len(set(labels)) == len(labels)
    assert ("Heading 1", "5. Villkor") in headings and ("Heading 2", "5.7 Återkrav") in headings
    (table,) = [t for t in document.tables if t.cell(0, 0).text == "Beskrivning av resurs"]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[1] == ["Personal", f"878{NB}000"]
    assert cells[-1] == ["Summa", f"1{NB}000{NB}000"]
    amounts = [int(row[1].replace(NB, "")) for row in cells[1:-1]]
    assert sum(amounts) == 1_000_000
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_pdf_page_size_language_and_standard(built):
    reader = read(built["pdf"])
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842
               for p in reader.pages)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE" and "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    text = pdf_text(built["pdf"])
    assert f"Summa 1{NB}000{NB}000" in "".join(page.extract_text() for page in reader.pages)
    assert "från den 1 juli 2026 till och med 31 december 2026" in text


def test_building_twice_gives_identical_bytes(built, tmp_path):
    manifest = build(EXAMPLE, options(tmp_path))
    again = json.loads(manifest.read_text(encoding="utf-8"))
    assert again["documents"] == built["manifest"]["documents"]
    for name in ("docx", "pdf"):
        assert (manifest.parent / agreement_entry(again)["files"][name]).read_bytes() == built[name]


def test_special_characters_appear_literally_in_both_formats(tmp_path):
    """Rendered through the library: `drafter build` itself would stop at the `placeholder` finding
    for the literal {{ }} in the name, which is right for a real spec."""
    data = example_data()
    name = "Föreningen Å&Ä <Ö> \"Citat\" 'Apostrof' {{ 7*7 }} *stjärna*"
    data["parties"][1]["name"] = name
    data["parties"][1]["signatory"]["name"] = "Örjan Ängel & <Co>"
    spec = write_spec(tmp_path, data, "special.yaml")
    models = assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES))
    rendered = render_documents(models, "special", options(tmp_path))
    agreement = models[0]
    files = rendered[0].files
    assert rendered[0].document is agreement
    docx, pdf = files["special-overenskommelse.docx"], files["special-overenskommelse.pdf"]
    docx_text = docx_body_text(docx)
    pdf_body = pdf_text(pdf, spec)
    for text in (docx_text, pdf_body):
        assert f"{name} (organisationsnummer 802524-2879)" in text
        assert "Örjan Ängel & <Co>, ordförande" in text
        assert "49" not in text.replace("2879", "")
    assert docx_text == pdf_body
    assert read(pdf).metadata.title == agreement.meta.title and name in agreement.meta.title


def test_a_literal_template_marker_in_data_stops_the_build_as_a_placeholder(tmp_path):
    data = example_data()
    data["parties"][1]["name"] = "Föreningen {{ namn }}"
    with pytest.raises(ChecksFailed) as caught:
        build(write_spec(tmp_path, data), options(tmp_path / "out"))
    assert any(f.code == "placeholder" for f in caught.value.findings)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_failed_build_leaves_earlier_outputs_untouched(tmp_path):
    spec = tmp_path / "partner.yaml"
    shutil.copy(EXAMPLE, spec)
    shutil.copy(EXAMPLE.parent / "street-minds-2023.yaml", tmp_path)  # the spec it renews
    out = tmp_path / "out"
    manifest = build(spec, options(out))
    before = {p.name: p.read_bytes() for p in manifest.parent.iterdir()}
    spec.write_text(spec.read_text(encoding="utf-8").replace("villkor/aterkrav\n", "villkor/aterkraf\n"))
    with pytest.raises(DrafterError):
        build(spec, options(out))
    after = {p.name: p.read_bytes() for p in manifest.parent.iterdir()}
    assert after == before
    assert not [p for p in manifest.parent.iterdir() if p.name.endswith(".tmp")]


def test_docx_only_build_removes_the_pdf_an_earlier_build_wrote(tmp_path):
    first = build(EXAMPLE, options(tmp_path))
    pdf = first.parent / "street-minds-2026-overenskommelse.pdf"
    assert pdf.exists()
    build(EXAMPLE, BuildOptions(out_dir=tmp_path, formats=("docx",), library=ClauseLibrary(CLAUSES)))
    assert not pdf.exists()
    assert agreement_entry(json.loads(first.read_text()))["files"] == {"docx": "street-minds-2026-overenskommelse.docx"}
    assert not (first.parent / "street-minds-2026-handlingar.pdf").exists()
