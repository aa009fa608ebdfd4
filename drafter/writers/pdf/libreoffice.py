"""PDF through headless LibreOffice: for a house style that lives only in the Word template.

One soffice call converts every document of a build, with its own throw-away
profile (so a running LibreOffice or a broken user profile cannot interfere)
and a timeout (so a hung soffice cannot hang the build).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import EngineError

DEFAULT_TIMEOUT = 180

# PDF/A-2b and PDF/UA-1 declared, tagged, the title shown in the viewer: the standards of the Typst
# engine. What LibreOffice does not do (README, "PDF med LibreOffice"): byte-identical files (it
# stamps the time of conversion and a fresh document id), and the nämnd packet, which is always
# composed by Typst from the models.
PDF_EXPORT = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"}}'
)


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(files: list[Path], outdir: Path, fmt: str = "pdf", timeout: int = DEFAULT_TIMEOUT) -> list[Path]:
    """Convert `files` into `outdir` (one soffice call); returns the new paths in order."""
    soffice = find_soffice()
    if soffice is None:
        raise EngineError(
            "LibreOffice (soffice) finns inte på den här datorn, så PDF kan inte skapas med LibreOffice.",
            hint="Installera LibreOffice (apt-get install libreoffice-writer-nogui) eller använd --pdf-engine typst.",
        )
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", PDF_EXPORT if fmt == "pdf" else fmt, "--outdir", str(outdir),
            *[str(f) for f in files],
        ]
        env = {**os.environ, "HOME": profile}
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            raise EngineError(
                f"LibreOffice svarade inte inom {timeout} sekunder och avbröts.",
                hint="Stäng andra LibreOffice-fönster och försök igen, eller använd --pdf-engine typst.",
            ) from None
    suffix = "." + fmt.split(":")[0]
    produced = [outdir / (Path(f).stem + suffix) for f in files]
    missing = [p.name for p in produced if not p.exists()]
    if proc.returncode != 0 or missing:
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["inget felmeddelande"]
        raise EngineError(
            f"LibreOffice kunde inte konvertera {', '.join(missing) or 'dokumenten'} ({detail[0]}).",
            hint="Öppna DOCX-filen i LibreOffice för att se om den går att läsa.",
        )
    return produced
