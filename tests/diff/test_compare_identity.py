"""Two specs compared section by section: a section of the spec's own text is paired by its `texts:`
key (`Section.name`), not by its heading. Before, a renamed heading split one section into a removed
one and an added one, and a new section that happened to take the old heading was paired with the old
section's text."""

from __future__ import annotations

import copy

from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.comparison import compared_documents
from helpers import CLAUSES, example_data, write_spec

SAMVERKAN = "Föreningen samverkar med stadsdelens fritidsgårdar och med polisen i området."
OVRIGT = "Parterna ses över lokalfrågan en gång om året."


def specs(tmp_path):
    """Two specs with texts of their own: in the new one `samverkan` is headed "Samverkan med andra
    aktörer" (was "Samverkan") and says more, and a new section `lokaler` is headed "Samverkan"."""
    old = example_data()
    old["texts"] = {"samverkan": SAMVERKAN}
    old["outline"][1]["sections"].append({"key": "samverkan", "heading": "Samverkan"})
    new = copy.deepcopy(old)
    new["texts"] = {"samverkan": SAMVERKAN + " Samverkan redovisas i årsrapporten.", "lokaler": OVRIGT}
    new["outline"][1]["sections"][-1]["heading"] = "Samverkan med andra aktörer"
    new["outline"].insert(0, {"key": "lokaler", "heading": "Samverkan"})
    return write_spec(tmp_path, old, "gammal.yaml"), write_spec(tmp_path, new, "ny.yaml")


def test_a_key_section_whose_heading_was_renamed_is_one_changed_section(tmp_path):
    old, new = specs(tmp_path)
    pairs = compared_documents(old, new, "agreement", ClauseLibrary(CLAUSES)).paired()
    (samverkan,) = [p for p in pairs if (p.new or p.old).name == "samverkan"]
    assert samverkan.old is not None and samverkan.new is not None and samverkan.status == "changed"
    assert (samverkan.old.heading, samverkan.new.heading) == ("Samverkan", "Samverkan med andra aktörer")
    assert not samverkan.moved
    (lokaler,) = [p for p in pairs if (p.new or p.old).name == "lokaler"]
    assert lokaler.old is None and lokaler.status == "added"  # not the old Samverkan under a new text


def test_the_report_says_changed_not_removed_and_added(tmp_path):
    old, new = specs(tmp_path)
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    assert "Avsnitt: 1 tillagda, 0 borttagna, 0 flyttade," in result.output
    assert "~ 3.9 Samverkan{+ med andra aktörer+}  (ändrat, omnumrerat från 2.9)" in result.output
    assert "i området.{+ Samverkan redovisas i årsrapporten.+}" in result.output
    assert "+ 1. {+Samverkan+}  (tillagt)\n    {+Parterna ses över lokalfrågan" in result.output


def test_a_text_that_became_a_clause_under_its_heading_is_still_paired_by_the_heading(tmp_path):
    """No identity in common (a `texts:` key → a clause), the same heading: one changed section."""
    old = example_data()
    old["texts"] = {"egen-malgrupp": "Unga vuxna i Stockholm."}
    sections = old["outline"][1]["sections"]
    at = sections.index("street-minds/malgrupp")
    new = copy.deepcopy(old)
    sections[at] = {"key": "egen-malgrupp", "heading": "Målgrupp"}
    old_path, new_path = write_spec(tmp_path, old, "gammal.yaml"), write_spec(tmp_path, new, "ny.yaml")
    pairs = compared_documents(old_path, new_path, "agreement", ClauseLibrary(CLAUSES)).paired()
    (malgrupp,) = [p for p in pairs if p.shown.heading == "Målgrupp"]
    assert malgrupp.old.name == "egen-malgrupp" and malgrupp.new.clause.id == "street-minds/malgrupp"
