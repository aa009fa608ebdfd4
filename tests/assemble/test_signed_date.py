"""The line for place and date under each signature: an agreement to be signed leaves the day to the pen
("Åsby den ____"); one already signed (`document.signed: true`, as `drafter import` writes it when the
source states the day) shows the day it was signed, as its parties wrote it. A tillägg is signed on its
own day, and a renewal is still to be signed."""

from __future__ import annotations

import datetime as dt

import docx
import yaml

from drafter.assemble.data_blocks import signature_block
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.spec.load import load_spec
from helpers import CLAUSES, EXAMPLE, ROOT, write_spec
from readback import read

ASBY = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"  # dated 2027-05-20, signed in Åsby


def _spec(tmp_path, signed: bool | None):
    data = yaml.safe_load(ASBY.read_text(encoding="utf-8"))
    if signed is not None:
        data["document"]["signed"] = signed
    return write_spec(tmp_path, data, "asby.yaml")


def _agreement_texts(tmp_path, spec):
    manifest = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES)))
    [agreement_docx] = manifest.parent.glob("*-overenskommelse.docx")
    [agreement_pdf] = manifest.parent.glob("*-overenskommelse.pdf")
    paragraphs = [p.text for t in docx.Document(str(agreement_docx)).tables for row in t.rows
                  for cell in row.cells for p in cell.paragraphs]
    pdf = "\n".join(page.extract_text() for page in read(agreement_pdf.read_bytes()).pages)
    return paragraphs, pdf


def test_a_signed_agreement_shows_the_day_it_was_signed(tmp_path):
    paragraphs, pdf = _agreement_texts(tmp_path, _spec(tmp_path, True))
    assert paragraphs.count("Åsby den 20 maj 2027") == 3, paragraphs  # the kommun's and the two in förening
    assert pdf.count("Åsby den 20 maj 2027") == 3, pdf


def test_an_agreement_to_be_signed_leaves_the_day_to_the_pen(tmp_path):
    for signed in (None, False):
        folder = tmp_path / str(signed)
        folder.mkdir()
        paragraphs, pdf = _agreement_texts(folder, _spec(folder, signed))
        assert paragraphs.count("Åsby den") == 3, paragraphs
        assert "20 maj 2027" not in pdf


def test_a_tillagg_is_signed_on_its_own_day(tmp_path):
    loaded = load_spec(_spec(tmp_path, True))
    assert {s.place_and_date for s in signature_block(loaded.spec, loaded).signatories} == {"Åsby den 20 maj 2027"}
    later = signature_block(loaded.spec, loaded, on=dt.date(2027, 9, 1))
    assert {s.place_and_date for s in later.signatories} == {"Åsby den"}


def test_the_examples_are_to_be_signed():
    """Street Minds 2026 (utkast) and 2023 (slutlig: ready to sign, not signed) keep the empty line."""
    for path in (EXAMPLE, EXAMPLE.with_name("street-minds-2023.yaml")):
        spec = load_spec(path).spec
        assert not spec.document.signed
        assert {s.place_and_date for s in signature_block(spec).signatories} == {"Stockholm den"}


def test_the_nämnd_packet_shows_the_agreement_before_it_was_signed(tmp_path):
    """Bilaga 1 is what the nämnd decided on, before anyone signed: the day is left open there, while the
    agreement's own file states it."""
    manifest = build(_spec(tmp_path, True), BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES),
                                                          formats=("pdf",)))
    [packet] = manifest.parent.glob("*-handlingar.pdf")
    [agreement] = manifest.parent.glob("*-overenskommelse.pdf")
    packet_text = "\n".join(page.extract_text() for page in read(packet.read_bytes()).pages)
    assert "20 maj 2027" not in packet_text
    assert packet_text.count("Åsby den") == 3
    assert "Åsby den 20 maj 2027" in "\n".join(p.extract_text() for p in read(agreement.read_bytes()).pages)
