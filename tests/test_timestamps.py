"""The time policy: a document's files are dated by its spec, in every format; SOURCE_DATE_EPOCH only
where there is no date, and a bad one is exit 2 with a Swedish message."""

import datetime as dt
import io

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from drafter.assemble import assemble_documents
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from drafter.timestamps import BadSourceDateEpoch, document_time, revision_time, source_date_epoch
from drafter.writers.docx import docx_bytes
from drafter.writers.pdf import pdf_bytes
from helpers import CLAUSES, EXAMPLE

MIDSUMMER_1999 = "930268800"  # 1999-06-25T00:00:00Z


@pytest.mark.parametrize("value", ["abc", "1.5", "99999999999999", "-5", "１２"])
def test_a_bad_source_date_epoch_is_bad_input(value, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(BadSourceDateEpoch):
        source_date_epoch()
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path), "--clauses", str(CLAUSES)])
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.output and "inte är en tidpunkt" in result.output
    assert not any(tmp_path.rglob("*.docx"))


def test_the_document_date_wins_over_source_date_epoch_in_docx_and_pdf_alike(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MIDSUMMER_1999)
    agreement = assemble_documents(load_spec(EXAMPLE), ClauseLibrary(CLAUSES))[0]
    midnight = dt.datetime.combine(agreement.meta.date, dt.time(0), tzinfo=dt.timezone.utc)
    created = docx.Document(io.BytesIO(docx_bytes(agreement))).core_properties.created
    assert created.replace(tzinfo=dt.timezone.utc) == midnight
    pdf = PdfReader(io.BytesIO(pdf_bytes(agreement)))
    assert pdf.metadata.creation_date.astimezone(dt.timezone.utc) == midnight


def test_without_a_date_source_date_epoch_decides(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MIDSUMMER_1999)
    assert document_time(None) == dt.datetime(1999, 6, 25, tzinfo=dt.timezone.utc)
    assert revision_time(None) == "1999-06-25T00:00:00Z"
    assert revision_time(dt.date(2026, 7, 1)) == "2026-07-01T00:00:00Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert document_time(None) is None and revision_time(None) == "1980-01-01T00:00:00Z"
