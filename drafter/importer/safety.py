"""Limits for files an official imports: nothing in a hostile file may exhaust memory or read other files.

Checked before any parser sees the file. A .docx is a zip: its entries are counted and their declared
sizes and compression ratios checked (a zip bomb), and no XML part may carry a DOCTYPE (entity
definitions: the 'billion laughs' and external entities, XXE). python-docx's own parser does not
resolve entities either (docx.oxml.parser: resolve_entities=False); the check makes sure it never has to.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from drafter.errors import DrafterError, Where, os_reason

MAX_FILE_BYTES = 20 * 1024 * 1024  # any imported file
MAX_TEXT_BYTES = 2 * 1024 * 1024  # .txt / .md
MAX_ZIP_ENTRIES = 1000
MAX_ZIP_TOTAL = 50 * 1024 * 1024  # uncompressed, all entries
MAX_ZIP_RATIO = 100  # uncompressed / compressed, for entries over 1 MB
MAX_PDF_PAGES = 300

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class ImportRefused(DrafterError):
    """A file drafter will not read (too large, a zip bomb, entities, a broken PDF): exit 2."""


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def check_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(f"Filen kan inte läsas ({os_reason(exc)}).", Where(str(path))) from None
    if not path.is_file():
        raise ImportRefused("Det är ingen vanlig fil.", Where(str(path)))
    limit = MAX_TEXT_BYTES if path.suffix.lower() in (".txt", ".md") else MAX_FILE_BYTES
    if size > limit:
        raise ImportRefused(f"Filen är {size} byte; största tillåtna storlek för import är {_mb(limit)}.",
                            Where(str(path)))
    return size


def check_docx(path: Path) -> None:
    """Refuse a .docx that is no zip, a zip bomb, or has XML with a DOCTYPE (entities)."""
    if not zipfile.is_zipfile(path):
        raise ImportRefused("Filen är ingen giltig .docx (inget zip-arkiv).", Where(str(path)))
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise ImportRefused(f".docx-filen har {len(infos)} delar; högst {MAX_ZIP_ENTRIES} tillåts.",
                                    Where(str(path)))
            total = sum(i.file_size for i in infos)
            if total > MAX_ZIP_TOTAL:
                raise ImportRefused(f".docx-filen packas upp till {total} byte; högst {_mb(MAX_ZIP_TOTAL)} tillåts.",
                                    Where(str(path)), "Filen kan vara en så kallad zip-bomb.")
            for info in infos:
                if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
                    raise ImportRefused(
                        f"Delen {info.filename} i .docx-filen är packad mer än {MAX_ZIP_RATIO} gånger.",
                        Where(str(path)), "Filen kan vara en så kallad zip-bomb.")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    data = _read_limited(z, info)
                    if _DOCTYPE.search(data):
                        raise ImportRefused(
                            f"Delen {info.filename} i .docx-filen innehåller en DOCTYPE (entitetsdefinitioner); "
                            "sådana filer läses inte.", Where(str(path)),
                            "Spara dokumentet på nytt i Word eller LibreOffice.")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise ImportRefused(f"Filen är ingen giltig .docx ({exc}).", Where(str(path))) from None


def _read_limited(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read an entry, never more than its declared size allows (a lying header is refused)."""
    limit = min(info.file_size, MAX_ZIP_TOTAL)
    with z.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise zipfile.BadZipFile(f"{info.filename} är större än angivet")
    return data


def check_pdf_header(path: Path) -> None:
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise ImportRefused("Filen är ingen PDF (början saknar %PDF-).", Where(str(path)))
