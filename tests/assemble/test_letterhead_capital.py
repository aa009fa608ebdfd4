"""A letterhead line starts with a capital (trial 12): Västerås stad's spec writes its förvaltning as running
text does, "vård- och omsorgsförvaltningen", and the tjänsteutlåtande's letterhead and the agreement's first
page printed it so. The model capitalises it; the spec's own text, used in sentences, stays as written."""

from __future__ import annotations

import docx
from click.testing import CliRunner

from checks.aros import OLD
from drafter.cli import main
from helpers import CLAUSES


def lines_of(path) -> list[str]:
    document = docx.Document(str(path))
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        found += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for section in document.sections:
        found += [p.text for p in section.first_page_header.paragraphs + section.header.paragraphs]
        for table in section.first_page_header.tables + section.header.tables:
            found += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [" ".join(t.split()) for t in found if t.strip()]


def test_the_forvaltning_heads_its_letterhead_line_with_a_capital(tmp_path):
    spec = tmp_path / OLD.name
    spec.write_text(OLD.read_text(encoding="utf-8").replace("status: slutlig", "status: utkast"), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(spec), "--clauses", str(CLAUSES), "--output", str(out),
                                       "--format", "docx"])
    assert result.exit_code in (0, 1), result.output
    proposal = lines_of(next(out.rglob("*-tjansteutlatande.docx")))
    agreement = lines_of(next(out.rglob("*-overenskommelse.docx")))
    for lines in (proposal, agreement):
        assert "Vård- och omsorgsförvaltningen" in lines, lines[:12]
        assert "vård- och omsorgsförvaltningen" not in lines
    # in running text it stays as the spec writes it
    assert any("kunskap från vård- och omsorgsförvaltningen" in line for line in agreement)
