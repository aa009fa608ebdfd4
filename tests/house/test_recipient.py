"""The proposal's recipient line writes the nämnd as the spec does ("Till kultur- och fritidsnämnden",
lower case as in running text); only a house style that asks for it (Stockholm's mottagare_versal)
writes "Till Socialnämnden", and only for its own organisation's specs."""

from __future__ import annotations

import docx
import yaml

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.house_style import apply_house_style, for_party, load_house_style
from helpers import CLAUSES, EXAMPLE, ROOT
from readback import letterhead_texts, read
from sample_document import sample_proposal

GENERIC = ROOT / "tests" / "generic"


def house(tmp_path, *lines: str):
    (tmp_path / "husstil.yaml").write_text("\n".join(["organisation: Exempelby kommun", *lines]) + "\n",
                                           encoding="utf-8")
    return load_house_style(tmp_path)


def recipient(house_style, written: str = "Till kultur- och fritidsnämnden") -> str:
    doc = sample_proposal()
    doc.meta.letterhead.recipient = written
    apply_house_style([doc], house_style, "utkast")
    return doc.meta.letterhead.recipient


def test_without_the_setting_the_nämnd_stays_as_the_spec_writes_it(tmp_path):
    assert recipient(house(tmp_path)) == "Till kultur- och fritidsnämnden"
    assert recipient(None) == "Till kultur- och fritidsnämnden"
    assert recipient(house(tmp_path), "Till Norrmalms stadsdelsnämnd") == "Till Norrmalms stadsdelsnämnd"


def test_a_house_style_that_capitalises_does_so_for_its_own_organisation_only(tmp_path):
    style = house(tmp_path, "mottagare_versal: true")
    assert recipient(style) == "Till Kultur- och fritidsnämnden"
    assert recipient(for_party(style, "Exempelby kommun", None)) == "Till Kultur- och fritidsnämnden"
    assert recipient(for_party(style, "Region Exempelland", None)) == "Till kultur- och fritidsnämnden"


def test_another_kommun_in_the_stockholm_project_gets_its_nämnd_in_lower_case(tmp_path):
    """The project's husstil.yaml is Stockholms stad's; Åsby kommun's proposal is not Stockholm's house style."""
    manifest = build(GENERIC / "kommun-tva-firmatecknare.yaml",
                     BuildOptions(out_dir=tmp_path, library=ClauseLibrary(CLAUSES)))
    [proposal] = manifest.parent.glob("*-tjansteutlatande.docx")
    head = letterhead_texts(docx.Document(str(proposal)).element.body)
    assert "Till kultur- och fritidsnämnden" in head, head
    [pdf] = manifest.parent.glob("*-tjansteutlatande.pdf")
    assert "Till kultur- och fritidsnämnden" in read(pdf.read_bytes()).pages[0].extract_text()


def test_the_stockholm_example_keeps_its_capital(tmp_path):
    """Street Minds: socialnämnden in the spec, "Till Socialnämnden" by Stockholms stad's own husstil.yaml."""
    assert yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["parties"][0]["committee"] == "socialnämnden"
    assert load_house_style(CLAUSES).recipient_capital
    manifest = build(EXAMPLE, BuildOptions(out_dir=tmp_path, library=ClauseLibrary(CLAUSES), formats=("docx",)))
    head = letterhead_texts(docx.Document(str(manifest.parent / "street-minds-2026-tjansteutlatande.docx")).element.body)
    assert "Till Socialnämnden" in head, head
