"""The optional LibreOffice PDF engine: a real soffice converts the DOCX; clear messages when it cannot."""

import subprocess

import pikepdf
import pytest

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.errors import EngineError
from drafter.writers.pdf import libreoffice
from helpers import CLAUSES, EXAMPLE
from readback import norm, read, struct_kinds
from similarity import AGREEMENT_2026, similarity, strip_markup


needs_soffice = pytest.mark.skipif(libreoffice.find_soffice() is None, reason="LibreOffice is not installed")


@needs_soffice
def test_libreoffice_engine_builds_a_tagged_pdfa_with_the_agreement_text(tmp_path):
    manifest = build(EXAMPLE, BuildOptions(out_dir=tmp_path, pdf_engine="libreoffice", library=ClauseLibrary(CLAUSES)))
    pdf = manifest.parent / "street-minds-2026-overenskommelse.pdf"
    reader = read(pdf.read_bytes())
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE" and "/StructTreeRoot" in root
    assert "<pdfaid:part>2</pdfaid:part>" in root["/Metadata"].get_object().get_data().decode()
    text = norm(" ".join(page.extract_text() for page in reader.pages))
    assert "5.7 Återkrav" in text and "Summa 1 000 000" in text
    seed = strip_markup(AGREEMENT_2026.read_text(encoding="utf-8"))
    assert similarity(seed, text) >= 0.95  # running headers and page footers are in this text

    # PDF/UA-1 declared too, the title shown, and the DOCX's real lists and header rows tagged as such.
    with pikepdf.open(pdf) as opened:
        meta = opened.open_metadata()
        assert meta.pdfa_status == "2B" and meta.get("{http://www.aiim.org/pdfua/ns/id/}part") == "1"
        assert opened.Root.ViewerPreferences.DisplayDocTitle is True
        kinds = struct_kinds(opened.Root.StructTreeRoot)
    assert {"/L", "/LI", "/LBody", "/Table", "/TH", "/TD"} <= set(kinds)
    # The packet is composed by Typst from the models whatever the engine: tagged, PDF/UA.
    packet = manifest.parent / "street-minds-2026-handlingar.pdf"
    with pikepdf.open(packet) as opened:
        assert opened.open_metadata().get("{http://www.aiim.org/pdfua/ns/id/}part") == "1"


def test_missing_soffice_is_a_clear_swedish_message(monkeypatch, tmp_path):
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    with pytest.raises(EngineError) as caught:
        libreoffice.convert([tmp_path / "a.docx"], tmp_path)
    assert "LibreOffice (soffice) finns inte" in caught.value.message
    assert "--pdf-engine typst" in caught.value.hint
    assert caught.value.exit_code == 2


def test_hung_soffice_is_stopped_with_a_message(monkeypatch, tmp_path):
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: "/usr/bin/soffice")

    def hang(cmd, **kwargs):
        raise subprocess.TimeoutExpired(cmd, kwargs["timeout"])

    monkeypatch.setattr(libreoffice.subprocess, "run", hang)
    with pytest.raises(EngineError, match="inom 5 sekunder"):
        libreoffice.convert([tmp_path / "a.docx"], tmp_path, timeout=5)
