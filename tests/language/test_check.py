"""The language findings in `drafter check`: places, severities, and the false-alarm budget for spelling."""

import pytest

from checks.support import findings, library_with, of, spec_file
from helpers import CLAUSES, EXAMPLE, ROOT, example_data
from language.support import needs_hunspell


@pytest.fixture(scope="module")
def example_findings():
    return {spec.name: findings(spec) for spec in sorted((ROOT / "agreements").glob("*.yaml"))}


@needs_hunspell
def test_spelling_false_alarm_budget_on_the_examples(example_findings):
    spelling = [f for found in example_findings.values() for f in of(found, "spelling")]
    assert len(spelling) <= 10, "\n".join(f.line() for f in spelling)


def test_example_findings_are_info_name_a_clause_and_quote_a_sentence(example_findings):
    found = example_findings[EXAMPLE.name]
    ours = [f for f in found if f.code in {"lix", "long-sentence", "passive-no-agent", "plain-word", "term-variant",
                                           "agreement-error"}]
    assert ours and all(f.severity == "info" for f in ours)
    lix = [f for f in of(found, "lix") if f.where == "inledning/fornyad-overenskommelse@1"]
    assert lix and "LIX 71" in lix[0].message and "Då föregående period" in lix[0].message
    document = [f for f in of(found, "lix") if "Dokumentet har LIX" in f.message]
    assert {f.document for f in document} == {"agreement", "proposal"}
    assert any(f.where == "parter/parter@1" and "idéburet partnerskap" in f.message for f in of(found, "term-variant"))


def own_text_finding(tmp_path, text: str, code: str, quoted: str):
    """The one `code` finding quoting `quoted` for the example with `text` as a section of its own
    (texts.egen), and the spec's line it points at."""
    data = example_data()
    data["texts"] = {"egen": text}
    data["outline"].append({"heading": "Egen punkt", "key": "egen"})
    spec = spec_file(tmp_path, data)
    [finding] = [f for f in of(findings(spec), code) if quoted in f.message]
    path, line = finding.where.rsplit(":", 1)
    assert path == str(spec)
    return finding, spec.read_text(encoding="utf-8").splitlines()[int(line) - 1]


@needs_hunspell
def test_spelling_is_a_warning_in_the_specs_own_text(tmp_path):
    finding, line = own_text_finding(tmp_path, "Föreningen redovisar demokratvillkor varje år.", "spelling",
                                     "demokratvillkor")
    assert finding.severity == "warning" and "demokratvillkor" in line


@needs_hunspell
@pytest.mark.parametrize("status, severity", [("utkast", "warning"), ("fastställd", "info")])
def test_spelling_in_a_clause_by_status(tmp_path, status, severity):
    clauses = library_with(tmp_path, {"test/stavning": "Föreningen redovisar demokratvillkor varje år."}, status)
    data = example_data()
    data["outline"].append("test/stavning@1")
    [finding] = [f for f in of(findings(spec_file(tmp_path, data), clauses), "spelling") if "demokratvillkor" in f.message]
    assert finding.severity == severity and finding.where == "test/stavning@1"


@needs_hunspell
def test_names_in_the_spec_are_spelled_right(tmp_path):
    data = example_data()
    data["parties"][1]["name"] = "Föreningen Gatuvänner Zwqxby"
    found = of(findings(spec_file(tmp_path, data)), "spelling")
    assert not any("Zwqxby" in f.message for f in found)


def test_a_project_turns_a_check_off_and_sets_its_threshold(tmp_path):
    clauses = library_with(tmp_path, {})
    (clauses / "klarsprak.yaml").write_text("lix: {standard: 75, avsnitt: {Förvaltningens förslag till beslut: 75, Sammanfattning: 75}}\n"
                                        "av: [passive-no-agent]\n", encoding="utf-8")
    found = findings(EXAMPLE, clauses)
    assert of(found, "passive-no-agent") == [] and of(findings(EXAMPLE, CLAUSES), "passive-no-agent")
    assert of(found, "lix") == []


def test_the_example_in_the_docs_is_a_valid_klarsprak_yaml(tmp_path):
    import re

    from drafter.language.settings import load_settings

    docs = (ROOT / "docs" / "klarsprak.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", docs, re.DOTALL).group(1)
    (tmp_path / "klarsprak.yaml").write_text(block, encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.lix == 50 and settings.lix_limit("Sammanfattning") == 45 and settings.off == {"passive-no-agent"}
    assert "Gatuvänner" in settings.words
    from drafter.language.rules import plain_words
    from drafter.language.text import sentences

    found = plain_words(sentences("Det åligger föreningen att i enlighet med planen rapportera."), settings.word_list)
    assert sorted(r.message.split('"')[1] for r in found) == ["enligt", "ska"]


def test_a_broken_klarsprak_yaml_is_bad_input_with_its_file(tmp_path):
    from drafter.errors import DrafterError
    from drafter.language.settings import load_settings

    (tmp_path / "klarsprak.yaml").write_text("lix: {standard: mycket}\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_settings(tmp_path)
    assert "klarsprak.yaml" in str(caught.value)


def test_an_error_in_a_text_written_over_several_lines_points_at_the_spec_and_warns(tmp_path):
    """A `texts:` value written over several YAML lines (a block `|`) is one sentence in the document: the
    review reads it joined, and the finding still points at the spec's line and is a warning, not info
    at the outline place."""
    finding, line = own_text_finding(tmp_path, "Föreningen hyr lokalen\nav KFUMs avdelning  i Stockholm\noch betalar själv.",
                                     "agreement-error", "KFUM:s")
    assert finding.severity == "warning"
    assert line.strip().startswith("egen:")  # the line where the value begins, as for every field


def test_a_new_spec_says_its_placeholders_once_and_no_term_variant_for_them(tmp_path):
    """`drafter new`'s "[Kommunens namn]" was reported 21 times as the party spelt "Kommunens namn"."""
    from click.testing import CliRunner

    from drafter.cli import main

    made = CliRunner().invoke(main, ["new", "ny", "--agreements", str(tmp_path), "--clauses", str(CLAUSES)])
    assert made.exit_code == 0, made.output
    found = findings(tmp_path / "ny.yaml")
    assert of(found, "placeholder")  # the placeholders are still said, by the check for them
    assert [f.message for f in of(found, "term-variant") if "Kommunens namn" in f.message] == []
