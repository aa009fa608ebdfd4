"""An error inside a clause names the spec and the document being built (issue 13 item 4)."""

from click.testing import CliRunner

from checks.support import library_with, spec_file
from drafter.cli import main
from helpers import example_data


def test_an_unknown_name_in_a_clause_names_the_clause_line_and_the_spec(tmp_path):
    clauses = library_with(tmp_path, {"test/trasig": "Före.\n\n{{ okand }} efter."}, status="granskad")
    data = example_data()
    data["outline"].append("test/trasig@1")
    spec = spec_file(tmp_path, data)
    result = CliRunner().invoke(main, ["check", str(spec), "--clauses", str(clauses)])
    assert result.exit_code == 2
    assert (f"{clauses / 'test' / 'trasig' / 'v1.md'}:9: Okänd variabel 'okand' i klausulen test/trasig@1 "
            f"(när {spec.as_posix()} byggdes: överenskommelsen).") in result.output
