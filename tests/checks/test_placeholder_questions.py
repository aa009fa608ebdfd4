"""Every placeholder `drafter new` writes is caught while it is left unfilled, whatever its length and
punctuation: as the whole value of a field (at its line) and inside a text partly written. What brackets
hold in a finished text ("[sic]", "[1]", a reference) is no placeholder."""

import re

import pytest
from click.testing import CliRunner

from drafter.checks.placeholder import _placeholders_in
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.spec.placeholders import PLACEHOLDER
from helpers import CLAUSES, EXAMPLE

QUOTED = re.compile(r"""(?<=["'])\[[^\[\]\n]+\](?=["'])""")


def _templates(tmp_path) -> list[str]:
    """The texts `drafter new` writes: each tjänsteutlåtande kind, and from the example."""
    texts = []
    for i, options in enumerate([[], ["--proposal", "stadsdelsnamnd"], ["--from", EXAMPLE],
                                 ["--from", EXAMPLE, "--proposal", "stadsdelsnamnd"], ["--barn"]]):
        result = CliRunner().invoke(main, ["new", f"ny-{i}", *map(str, options), "--agreements", str(tmp_path),
                                           "--clauses", str(CLAUSES)])
        assert result.exit_code == 0, result.output
        texts.append((tmp_path / f"ny-{i}.yaml").read_text(encoding="utf-8"))
    return texts


def _written_by_new(tmp_path) -> set[str]:
    """Every bracketed placeholder in the templates (values and the commented blocks), and the ones the
    generic clauses print when a spec leaves a text out (tjansteutlatande/rattslig-bedomning)."""
    found = {p for text in _templates(tmp_path) for p in QUOTED.findall(text)}
    library = ClauseLibrary(CLAUSES)
    for clause_id in library.ids():
        if not library.versions(clause_id)[-1].meta.partnership:
            found |= set(QUOTED.findall(library.versions(clause_id)[-1].body))
    return found


def test_there_are_many_and_the_long_ones_are_among_them(tmp_path):
    found = _written_by_new(tmp_path)
    assert len(found) >= 30
    assert ("[Är verksamheten ekonomisk, och kan bidraget påverka handeln mellan EU:s medlemsstater? Skälen, och "
            "förvaltningens slutsats: är bidraget statsstöd?]") in found
    assert any(len(p) > 100 and ":" in p for p in found)  # the clause's own statsstöd question, 111 characters
    assert {"[Rubrik]", "[Skriv texten här]", "[t.ex. socialdirektören]", "[Avdelningen för ...]"} <= found


def test_each_is_caught_as_a_field_and_inside_a_text(tmp_path):
    for placeholder in sorted(_written_by_new(tmp_path)):
        assert PLACEHOLDER.match(placeholder), placeholder
        text = f"Förvaltningen har skrivit en mening. {placeholder} Och en till."
        assert [w for _, w, _, _ in _placeholders_in(text)] == [placeholder], placeholder


@pytest.mark.parametrize("text", [
    'I beslutet står "överenskomelse" [sic], och så [Sic!] och [red. anm.] och […].',
    "Se bilaga [1], lagen [SFS 2017:725] och [2 kap. 1 § kommunallagen].",
    "Enligt vägledningen [se SOU 2019:56] och [jfr Upphandlingsmyndighetens vägledning] gäller det.",
    "En fotnot[^1] och en [länk](https://www.upphandlingsmyndigheten.se).",
])
def test_real_bracketed_text_is_no_placeholder(text):
    assert _placeholders_in(text) == ()


def test_the_trials_unfilled_legal_assessment_is_an_error_at_its_line(tmp_path):
    """trial3: texts.rattslig-statsstod left as the template wrote it (now 148 characters, with '?', ':' and ',')."""
    from test_new import fill

    result = CliRunner().invoke(main, ["new", "ny", "--agreements", str(tmp_path), "--clauses", str(CLAUSES)])
    assert result.exit_code == 0
    spec = tmp_path / "ny.yaml"
    question = ("[Är verksamheten ekonomisk, och kan bidraget påverka handeln mellan EU:s medlemsstater? Skälen, och "
                "förvaltningens slutsats: är bidraget statsstöd?]")
    text = fill(spec.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^(  rattslig-statsstod: ).*$", lambda m: f"{m.group(1)}'{question}'", text)
    spec.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("  rattslig-statsstod:"))
    checked = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])
    assert checked.exit_code == 1
    errors = [s for s in checked.output.splitlines() if s.startswith("fel")]
    assert errors == [f"fel [placeholder] {spec}:{line}: Fältet texts.rattslig-statsstod är inte ifyllt "
                      f"('{question}'). Fyll i det innan dokumenten byggs."]
    # written into a sentence, it is caught in the tjänsteutlåtande's text
    spec.write_text(text.replace(f"'{question}'", f"'Verksamheten är inte ekonomisk. {question}'"), encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])
    assert checked.exit_code == 1 and "platshållare inom hakparentes: '[Är verksamheten" in checked.output


def test_a_question_a_clause_asks_in_place_of_a_text_names_the_text_to_write(tmp_path):
    """tjansteutlatande/rattslig-bedomning@3 and villkor/statsstod@2 print a question where the spec has no
    texts: KEY; the finding says which KEY to write, since the clause itself is not to be changed."""
    import yaml

    from helpers import ROOT

    data = yaml.safe_load((ROOT / "tests" / "generic" / "norrmalm-stiftelse.yaml").read_text(encoding="utf-8"))
    for key in ("rattslig-kl", "statsstod-bedomning"):
        del data["texts"][key]
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(CLAUSES)])
    said = sorted(line for line in result.output.splitlines() if "[placeholder]" in line)
    assert len(said) == 2, result.output
    assert said[0].startswith("fel [placeholder] tjansteutlatande/rattslig-bedomning@3 (tjänsteutlåtandet)")
    assert said[0].endswith("Den står där specen saknar texts: rattslig-kl; skriv texten där (Markdown).")
    assert said[1].startswith("fel [placeholder] villkor/statsstod@2 (överenskommelsen)")
    assert said[1].endswith("Den står där specen saknar texts: statsstod-bedomning; skriv texten där (Markdown).")
