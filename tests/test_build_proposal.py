"""Building a spec with a proposal: agreement, tjänsteutlåtande and the nämnd packet, read back."""

import io
import json

import pytest
from docx import Document as open_docx

from drafter.assemble import assemble_documents
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from helpers import CLAUSES, ROOT
from readback import body_text, docx_body_text, docx_footnotes_text, footnotes_text, norm, read
from similarity import PROPOSAL_2023, differences, seed_text, similarity

SPEC_2023 = ROOT / "agreements" / "street-minds-2023.yaml"
SPEC_2026 = ROOT / "agreements" / "street-minds-2026.yaml"


def built(spec, out):
    manifest = build(spec, BuildOptions(out_dir=out, library=ClauseLibrary(CLAUSES)))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    files = {d["kind"]: {fmt: (manifest.parent / name).read_bytes() for fmt, name in d["files"].items()}
             for d in data["documents"]}
    models = {d.kind: d for d in assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES))}
    return data, files, models


@pytest.fixture(scope="module")
def built_2023(tmp_path_factory):
    return built(SPEC_2023, tmp_path_factory.mktemp("out2023"))


@pytest.fixture(scope="module")
def built_2026(tmp_path_factory):
    return built(SPEC_2026, tmp_path_factory.mktemp("out2026"))


def test_2023_proposal_docx_reproduces_seed_001(built_2023):
    _, files, _ = built_2023
    docx = files["proposal"]["docx"]
    text = docx_body_text(docx) + " " + docx_footnotes_text(docx)
    seed = seed_text(PROPOSAL_2023)
    assert similarity(seed, text) >= 0.97, differences(seed, text)


def test_2023_proposal_pdf_reproduces_seed_001(built_2023):
    _, files, models = built_2023
    text = body_text(models["proposal"], files["proposal"]["pdf"]) + " " + footnotes_text(models["proposal"])
    seed = seed_text(PROPOSAL_2023)
    assert similarity(seed, text) >= 0.97, differences(seed, text)


def test_proposal_footnotes_are_real_word_footnotes(built_2023):
    _, files, _ = built_2023
    notes = docx_footnotes_text(files["proposal"]["docx"])
    assert notes.startswith("1 Begreppet återhämtning kan beskrivas som en process")
    assert "2 Peer support innebär" in notes and "3 Mer information om forskningsprojektet" in notes


def test_2026_build_gives_agreement_proposal_and_packet(built_2026):
    manifest, files, _ = built_2026
    assert [d["kind"] for d in manifest["documents"]] == ["agreement", "proposal", "addendum", "consolidated",
                                                          "packet"]
    assert set(files["proposal"]) == {"docx", "pdf"} and set(files["packet"]) == {"pdf"}


def test_proposal_docx_headings_and_officials(built_2026):
    _, files, _ = built_2026
    document = open_docx(io.BytesIO(files["proposal"]["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == ["Förvaltningens förslag till beslut", "Sammanfattning", "Bakgrund", "Ärendet"]
    assert headings[-3:] == ["Ärendets beredning", "Förvaltningens synpunkter och förslag", "Bilagor"]
    body = docx_body_text(files["proposal"]["docx"])
    assert "Paragrafen justeras omedelbart. Veronica Carstorp Wolgast Socialdirektör Avdelningschef Sammanfattning" \
        in body


def test_packet_holds_both_documents_with_outline_labels_and_metadata(built_2026):
    _, files, models = built_2026
    packet = read(files["packet"]["pdf"])
    proposal_pages = len(read(files["proposal"]["pdf"]).pages)
    agreement_pages = len(read(files["agreement"]["pdf"]).pages)
    assert len(packet.pages) == proposal_pages + agreement_pages

    top = [item for item in packet.outline if not isinstance(item, list)]
    children = [item for item in packet.outline if isinstance(item, list)]
    assert [t.title for t in top] == [f"Tjänsteutlåtande: {models['proposal'].meta.title}",
                                      f"Bilaga 1: {models['agreement'].meta.title}"]
    assert [packet.get_destination_page_number(t) for t in top] == [0, proposal_pages]
    assert [c.title for c in children[0] if not isinstance(c, list)] == [
        s.heading for s in models["proposal"].sections if s.heading]
    assert [c.title for c in children[1] if not isinstance(c, list)] == [
        f"{s.label} {s.heading}" for s in models["agreement"].sections]
    assert all(packet.get_destination_page_number(c) >= proposal_pages
               for c in children[1] if not isinstance(c, list))

    # Page labels run through the packet, as its footers count ("Handlingarna sida 8 av 12").
    assert packet.page_labels == [str(n) for n in range(1, len(packet.pages) + 1)]
    assert packet.metadata.title.endswith(models["proposal"].meta.title)
    assert packet.trailer["/Root"]["/Lang"] == "sv-SE"
    texts = [norm(page.extract_text()) for page in packet.pages]
    assert "Överenskommelse om idéburet offentligt partnerskap" in texts[proposal_pages]
    # Every page says which part it belongs to and where it lies, in the part and in the packet.
    total = len(packet.pages)
    for i, text in enumerate(texts[:proposal_pages]):
        assert text.endswith(f"Sida {i + 1} av {proposal_pages} Handlingarna sida {i + 1} av {total}"), text[-80:]
        assert "Bilaga 1" not in text.split(" Sida ")[0][:40]
    for i, text in enumerate(texts[proposal_pages:]):
        assert f"Bilaga 1, sida {i + 1} av {agreement_pages}" in text
        assert text.endswith(f"Handlingarna sida {proposal_pages + i + 1} av {total}")
        assert text.startswith(("Bilaga 1 ", "UTKAST Bilaga 1 ")) or " Bilaga 1 " in text[:200], text[:200]


def test_packet_is_reproducible(built_2026, tmp_path):
    _, files, _ = built(SPEC_2026, tmp_path)[0:3]
    assert files["packet"]["pdf"] == built_2026[1]["packet"]["pdf"]
