"""The signature block: a party line that wraps must not push that party's signature line below the
other's. Each party keeps its own cell (reading order party by party); the party line that takes fewer
lines gets the difference above its line to sign on, measured with the fonts' widths."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.writers.docx.signatures import SIGN_ROOM
from drafter.writers.docx.measure import line_count, text_width
from drafter.writers.pdf.libreoffice import convert, find_soffice
from helpers import CLAUSES, ROOT

SPEC = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"
FORENING = "Åsby IF (i förening)"  # one line; two sign together
LONG = "kultur- och fritidsnämnden i Sundbybergs stad"  # "För …" wraps in a half-width cell


@pytest.fixture(scope="module")
def agreement(tmp_path_factory) -> Path:
    """A kommun whose party line wraps, beside a förening (two signatories) whose lines do not."""
    tmp = tmp_path_factory.mktemp("sigs")
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    public = data["parties"][0]
    public.update(name="Sundbybergs stad", kind="kommun", organisationsnummer="212000-2973")
    public["signatory"]["signs_for"] = LONG
    data["parties"][1]["name"] = "Åsby IF"
    spec = tmp / "sundbyberg.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    manifest = build(spec, BuildOptions(out_dir=tmp / "out", library=ClauseLibrary(CLAUSES), formats=("docx",)))
    [path] = manifest.parent.glob("*-overenskommelse.docx")
    return path


def signature_table(document) -> docx.table.Table:
    return next(t for t in document.tables if t.rows[0].cells[0].text.startswith("För "))


def test_the_shorter_party_line_is_padded_to_the_wrapped_one(agreement):
    table = signature_table(docx.Document(str(agreement)))
    first, second = table.rows[0].cells
    assert first.paragraphs[0].text == f"För {LONG}" and second.paragraphs[0].text == f"För {FORENING}"
    # The kommun's line wraps to two lines, the förening's fits on one: its line to sign on stands one
    # line (253 twips) lower in its cell than the kommun's does in its own.
    assert first.paragraphs[1].paragraph_format.space_before.twips == SIGN_ROOM
    assert second.paragraphs[1].paragraph_format.space_before.twips == SIGN_ROOM + 253
    # Reading order stays party by party: each party's lines in its own cell.
    assert first.paragraphs[2].text.startswith("Maria Nyström") and second.paragraphs[2].text.startswith("Jonas Ek")
    # The kassör alone in the next row: nothing to match, no padding.
    assert table.rows[1].cells[0].paragraphs[1].paragraph_format.space_before.twips == SIGN_ROOM


def test_line_count_follows_the_words_and_hyphens():
    width = 218  # a half-width signature cell, in points
    assert line_count("För Street Minds", width, 11) == 1
    assert line_count(f"För {LONG}", width, 11) == 2
    assert line_count("För " + "mycket lång nämnd " * 6, width, 11) == 3
    assert text_width("ii", 11) < text_width("MM", 11)


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) finns inte")
def test_libreoffice_sets_both_names_level(agreement, tmp_path):
    """In the page LibreOffice draws, the names under the lines stand at the same height (they sit one
    line apart when each party is one cell and only one party line wraps)."""
    [pdf] = convert([agreement], tmp_path)
    heights: dict[str, list[float]] = {}

    lines: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        lines.append((round(tm[5], 1), text))
        for key in ("Maria Nyström", "Jonas Ek", "Sundbybergs stad", "Åsby IF"):
            if key in text:
                heights.setdefault(key, []).append(round(tm[5], 1))

    reader = pypdf.PdfReader(str(pdf))
    page = next(p for p in reader.pages if "Maria Nyström" in (p.extract_text() or ""))
    page.extract_text(visitor_text=visit)
    assert heights["Maria Nyström"] == heights["Jonas Ek"]
    # The kommun's party line really wraps: its second line ("Sundbybergs stad" alone) stands below the
    # förening's only line (a clause above the signatures on the page may name the kommun too).
    wrapped = [y for y, text in lines if text.strip() == "Sundbybergs stad"]
    forening = [y for y, text in lines if text.startswith(f"För {FORENING}")]
    assert wrapped and forening and wrapped[0] < forening[0]
