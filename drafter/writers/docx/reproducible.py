"""Same model, same bytes: rewrite a saved DOCX zip with fixed timestamps and attributes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

ZipTime = tuple[int, int, int, int, int, int]  # what zipfile.ZipInfo takes as date_time
ZIP_EPOCH: ZipTime = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def build_time(date: dt.date | None, stands_in: bool = False) -> dt.datetime:
    """The document's timestamp by the time policy (drafter/timestamps.py): its date at 00:00 UTC,
    as in the PDF; without one SOURCE_DATE_EPOCH; else 1980-01-01, never the clock."""
    from drafter.timestamps import document_time

    return document_time(date, stands_in) or dt.datetime(*ZIP_EPOCH, tzinfo=dt.timezone.utc)


def zip_time(when: dt.datetime) -> ZipTime:
    """A zip entry time (local-time fields, 2-second resolution, 1980–2107)."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)
    return min(max(stamp, ZIP_EPOCH), (2107, 12, 31, 23, 59, 58))


def normalise_zip(data: bytes, date_time: ZipTime = ZIP_EPOCH) -> bytes:
    """Rewrite `data` entry by entry, same order and compression, every header fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=date_time)
            info.compress_type = item.compress_type
            info.create_system = 3  # fixed, not taken from the machine that builds
            info.external_attr = 0o644 << 16  # rw-r--r--
            dst.writestr(info, src.read(item.filename), compresslevel=6)
    return out.getvalue()
