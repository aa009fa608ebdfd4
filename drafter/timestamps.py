"""The time policy, one rule for every format: a file's timestamps come from its document's date.

A signed document is dated by its spec (`document.date`, the proposal's date, the amendment's date),
so the DOCX and the PDF of one document carry the same time, midnight UTC of that day, whatever the
clock or the environment says. SOURCE_DATE_EPOCH (reproducible-builds.org) is read only where a
file has no document date (a clause diff); whoever uses it must hash it with the inputs. A value
that is not a whole number of seconds in the years 1970–9999 is bad input (exit 2), never ignored.
"""

from __future__ import annotations

import datetime as dt
import os

from drafter.errors import DrafterError

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)  # the earliest time a zip entry can hold
_LAST = int(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc).timestamp())


class BadSourceDateEpoch(DrafterError):
    """SOURCE_DATE_EPOCH is set but is no time (exit 2)."""


def source_date_epoch() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC time, None when unset or empty; raises when it is no time."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or int(text) > _LAST:
        raise BadSourceDateEpoch(
            f"Miljövariabeln SOURCE_DATE_EPOCH har värdet '{text[:40]}', som inte är en tidpunkt.",
            hint="Ange antalet sekunder sedan 1970-01-01 som ett heltal (t.ex. 1782864000), "
                 "eller ta bort variabeln: dokumenten får sin tid från specens datum.")
    return dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc)


def document_time(date: dt.date | None, stands_in: bool = False) -> dt.datetime | None:
    """A document's timestamp: its date at 00:00 UTC; without a date SOURCE_DATE_EPOCH; else None
    (the writer then uses its own fixed time, never the clock). A file with no date of its own
    (a clause diff, dated by the newer version's approval: `stands_in`) takes SOURCE_DATE_EPOCH first."""
    own = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc) if date is not None else None
    if stands_in:
        return source_date_epoch() or own
    return own or source_date_epoch()


def revision_time(date: dt.date | None, stands_in: bool = False) -> str:
    """The w:date of tracked changes, ISO 8601, by the same rule; 1980-01-01 when nothing dates it."""
    when = document_time(date, stands_in) or ZIP_EPOCH
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")
