"""Real clients open every kind of document drafter writes: LibreOffice and pandoc every DOCX,
qpdf and pypdf every PDF. (The Makefile installs them; a test is skipped only where one is missing.)"""

import json
import shutil
import subprocess

import pytest

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.writers.pdf.libreoffice import convert, find_soffice
from helpers import CLAUSES, ROOT
from readback import norm, read

SPECS = [ROOT / "agreements" / "street-minds-2023.yaml", ROOT / "agreements" / "street-minds-2026.yaml"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """(spec stem, kind, format) -> path, for every document of every example spec."""
    out = tmp_path_factory.mktemp("clients")
    found = {}
    for spec in SPECS:
        manifest = build(spec, BuildOptions(out_dir=out, library=ClauseLibrary(CLAUSES)))
        for doc in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
            for fmt, name in doc["files"].items():
                found[(spec.stem, doc["kind"], fmt)] = manifest.parent / name
    return found


def test_every_kind_is_built(outputs):
    kinds = {(kind, fmt) for _, kind, fmt in outputs}
    assert kinds == {(kind, fmt) for kind in ("agreement", "proposal", "addendum", "consolidated")
                     for fmt in ("docx", "pdf")} | {("packet", "pdf")}


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_every_docx(outputs):
    for key, path in outputs.items():
        if key[2] != "docx":
            continue
        result = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (key, result.stderr)
        text = norm(result.stdout)
        assert "Street Minds" in text and "802524-2879" in text, key


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_every_docx(outputs, tmp_path):
    docx = [path for key, path in sorted(outputs.items()) if key[2] == "docx"]
    pdfs = convert(docx, tmp_path)
    for pdf in pdfs:
        text = norm(" ".join(page.extract_text() for page in read(pdf.read_bytes()).pages))
        assert "Street Minds" in text and "Sida 1 av" in text, pdf.name


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_and_pypdf_accept_every_pdf(outputs):
    for key, path in outputs.items():
        if key[2] != "pdf":
            continue
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (key, result.stdout + result.stderr)
        reader = read(path.read_bytes())
        assert len(reader.pages) >= 1 and reader.metadata.title, key
