"""The signature block's rows: a party line that wraps must not push that party's signature line
below the other's. Each element (party line, line to sign on, name and date) has its own table row, so
Word and LibreOffice set both parties' lines level, whatever wraps."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
import pytest
import yaml
from docx.oxml.ns import qn

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
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


def test_each_element_of_a_pair_has_its_own_row(agreement):
    table = signature_table(docx.Document(str(agreement)))
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert len(rows) == 6  # two pairs (the kommun and the ordförande; the kassör alone), three rows each
    assert rows[0] == [f"För {LONG}", f"För {FORENING}"]
    # The lines to sign on share one row: however many lines the party line above takes.
    for cell in table.rows[1].cells:
        [line] = cell.paragraphs
        assert line.text == "" and line._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    assert rows[2][0].startswith("Maria Nyström, kultur- och fritidschef")
    assert rows[2][1].startswith("Jonas Ek, ordförande")
    assert rows[3] == [f"För {FORENING}", ""]
    assert rows[5][0].startswith("Sofia Öberg, kassör")


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) finns inte")
def test_libreoffice_sets_both_names_level(agreement, tmp_path):
    """In the page LibreOffice draws, the names under the lines stand at the same height (they sit one
    line apart when each party is one cell and only one party line wraps)."""
    [pdf] = convert([agreement], tmp_path)
    heights: dict[str, list[float]] = {}

    def visit(text, cm, tm, font, size):
        for key in ("Maria Nyström", "Jonas Ek", "Sundbybergs stad", "Åsby IF"):
            if key in text:
                heights.setdefault(key, []).append(round(tm[5], 1))

    reader = pypdf.PdfReader(str(pdf))
    page = next(p for p in reader.pages if "Maria Nyström" in (p.extract_text() or ""))
    page.extract_text(visitor_text=visit)
    assert heights["Maria Nyström"] == heights["Jonas Ek"]
    # The kommun's party line really wraps: its second line stands below the förening's only line.
    assert heights["Sundbybergs stad"][0] < heights["Åsby IF"][0]
