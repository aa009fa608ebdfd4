"""The tjänsteutlåtande's letterhead names the kommun first ("Åsby kommun", then the förvaltning and the
avdelning), as a registrator reads an official letter and as the agreement's letterhead already says it,
unless the organisation's own house style presents it (Stockholms stad's husstil.yaml: its templates start
with the förvaltning). Without a house style, or with another organisation's, nothing else on page 1
would say which kommun writes."""

from __future__ import annotations

import shutil

import docx

from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.house_style import apply_house_style, for_party, load_house_style
from drafter.model.nodes import HouseStyle
from helpers import CLAUSES, EXAMPLE, ROOT
from readback import letterhead_texts, read
from sample_document import sample_proposal

ASBY = ROOT / "tests" / "generic" / "kommun-tva-firmatecknare.yaml"
SENDER = ["Åsby kommun", "Kultur- och fritidsförvaltningen", "Avdelningen för fritid"]


def _built(tmp_path, library):
    manifest = build(ASBY, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(library)))
    [proposal_docx] = manifest.parent.glob("*-tjansteutlatande.docx")
    [proposal_pdf] = manifest.parent.glob("*-tjansteutlatande.pdf")
    return letterhead_texts(docx.Document(str(proposal_docx)).element.body), proposal_pdf


def test_without_a_house_style_the_kommun_heads_the_letterhead(tmp_path):
    library = tmp_path / "clauses"
    shutil.copytree(CLAUSES, library, ignore=shutil.ignore_patterns("husstil.yaml", "street-minds"))
    head, pdf = _built(tmp_path, library)
    assert head[:3] == SENDER, head
    page = read(pdf.read_bytes()).pages[0].extract_text()
    assert page.index("Åsby kommun") < page.index("Kultur- och fritidsförvaltningen") < page.index("Avdelningen")


def test_another_organisations_house_style_names_this_kommun_first(tmp_path):
    """The project's husstil.yaml is Stockholms stad's; Åsby kommun's letterhead still says Åsby kommun."""
    head, pdf = _built(tmp_path, CLAUSES)
    assert head[:3] == SENDER, head
    assert "Stockholms stad" not in " ".join(head)
    lines = read(pdf.read_bytes()).pages[0].extract_text().splitlines()
    assert lines[1:4] == SENDER, lines[:5]  # after the draft mark


def test_the_organisations_own_house_style_keeps_its_letterhead(tmp_path):
    """Street Minds: Stockholms stad's own house style, the förvaltning first as in the city's templates."""
    manifest = build(EXAMPLE, BuildOptions(out_dir=tmp_path, library=ClauseLibrary(CLAUSES), formats=("docx",)))
    head = letterhead_texts(docx.Document(str(manifest.parent / "street-minds-2026-tjansteutlatande.docx")).element.body)
    assert head[0] == "Socialförvaltningen", head
    assert "Stockholms stad" not in head


def test_the_rule_in_the_model():
    def sender(house, organisation="Exempelby kommun", written=("Kulturförvaltningen",)):
        doc = sample_proposal()
        doc.meta.letterhead.sender = list(written)
        doc.meta.letterhead.organisation = organisation
        apply_house_style([doc], house, "utkast")
        return doc.meta.letterhead.sender

    own = HouseStyle(organisation="Exempelby kommun", forvaltning="Kulturförvaltningen")
    assert sender(None) == ["Exempelby kommun", "Kulturförvaltningen"]
    assert sender(own) == ["Kulturförvaltningen"]
    assert sender(for_party(own, "Region Exempelland", "Kulturförvaltningen"), "Region Exempelland") == [
        "Region Exempelland", "Kulturförvaltningen"]
    assert sender(HouseStyle()) == ["Exempelby kommun", "Kulturförvaltningen"]  # a house style naming no one
    # a kommun writing without a förvaltning is named once; a letterhead without an organisation is kept
    assert sender(None, written=("Exempelby kommun",)) == ["Exempelby kommun"]
    assert sender(None, organisation="") == ["Kulturförvaltningen"]


def test_a_locked_letterhead_is_kept(tmp_path):
    """A tjänsteutlåtande locked with the letterhead as it was (without the kommun) keeps it: lockdetail
    gives it the recorded one, whatever the model now builds."""
    from drafter.lockdetail import keep_letterheads
    from drafter.lockrecord import letterhead_record

    doc = sample_proposal()
    doc.meta.letterhead.organisation = "Exempelby kommun"
    recorded = letterhead_record(doc)
    apply_house_style([doc], None, "slutlig")
    assert doc.meta.letterhead.sender[0] == "Exempelby kommun"
    findings = keep_letterheads([doc], {"tjansteutlatande": {"brevhuvud": recorded}},
                                {"tjansteutlatande": doc}, tmp_path, "spec.yaml")
    assert doc.meta.letterhead.sender == recorded["avsandare"]
    assert [f.code for f in findings] == ["lock-letterhead"]


def test_load_house_style_of_the_project_is_its_own():
    assert load_house_style(CLAUSES).organisation == "Stockholms stad"
