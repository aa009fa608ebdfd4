"""Outline items officials need: a text without a heading, blocks addressed by name, budget table options."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafter.assemble import assemble_all
from drafter.clauses.library import ClauseLibrary
from drafter.model.nodes import Paragraph, Table
from drafter.model.text import block_lines
from drafter.spec.load import load_spec

ROOT = Path(__file__).parents[2]
BASE = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"


def _documents(tmp_path: Path, change) -> dict:
    data = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    change(data)
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    documents, _ = assemble_all(load_spec(spec), ClauseLibrary(ROOT / "clauses"))
    return {doc.kind: doc for doc in documents}


def _section(doc, heading):
    return next(s for s in doc.walk_sections() if s.heading == heading)


def test_a_text_without_heading_continues_the_section_after_the_budget(tmp_path):
    def change(data):
        data["texts"]["efter-budget"] = "Föreningen söker också 50 000 kr från en stiftelse."
        data["proposal"]["outline"] = {"standard": "iop-tjansteutlatande-facknamnd", "add": [
            {"into": "tjansteutlatande/finansiering", "item": {"key": "efter-budget"}}]}

    proposal = _documents(tmp_path, change)["proposal"]
    financing = _section(proposal, "Föreslagen finansiering")
    assert isinstance(financing.blocks[-1], Table)
    (continued,) = financing.sections
    assert continued.heading == "" and not continued.number
    assert block_lines(continued.blocks[0]) == ["Föreningen söker också 50 000 kr från en stiftelse."]


def test_blocks_are_named_in_the_old_outlines_too(tmp_path):
    def change(data):
        data["proposal"]["outline"] = {"standard": "tjansteutlatande-facknamnd", "remove": ["tjansteman"]}

    proposal = _documents(tmp_path, change)["proposal"]
    assert not any(s.heading == "" and s.blocks and type(s.blocks[0]).__name__ == "Officials"
                   for s in proposal.walk_sections())


def test_the_budget_table_can_drop_its_header_and_sum_and_write_kr(tmp_path):
    def change(data):
        data["budget"]["table"] = {"header": False, "sum": False, "kr": True}

    agreement = _documents(tmp_path, change)["agreement"]
    (table,) = [b for s in agreement.walk_sections() for b in s.blocks if isinstance(b, Table)]
    assert table.header == [] and table.total is None
    assert block_lines(Paragraph(table.rows[0][1])) == ["180\u00a0000\u00a0kr"]


def test_the_default_budget_table_is_the_one_the_examples_were_signed_with(tmp_path):
    agreement = _documents(tmp_path, lambda data: None)["agreement"]
    (table,) = [b for s in agreement.walk_sections() for b in s.blocks if isinstance(b, Table)]
    assert [block_lines(Paragraph(c)) for c in table.header] == [["Beskrivning av resurs"], ["Kostnad (svenska kronor)"]]
    assert block_lines(Paragraph(table.total[1])) == ["200\u00a0000"]
