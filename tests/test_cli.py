"""The `drafter` command as an official runs it: messages in Swedish, exit codes, no traceback."""

import json
import subprocess
import sys

from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, ROOT, example_data, write_spec


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_build_writes_the_documents_and_says_where(tmp_path):
    result = run("build", EXAMPLE, "-o", tmp_path, "--clauses", CLAUSES)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "street-minds-2026"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "manifest.json", "street-minds-2026-handlingar.pdf",
        "street-minds-2026-overenskommelse-konsoliderad.docx", "street-minds-2026-overenskommelse-konsoliderad.pdf",
        "street-minds-2026-overenskommelse.docx", "street-minds-2026-overenskommelse.pdf",
        "street-minds-2026-tillagg-1.docx", "street-minds-2026-tillagg-1.pdf",
        "street-minds-2026-tjansteutlatande.docx", "street-minds-2026-tjansteutlatande.pdf"]
    assert str(folder) in result.output


def test_format_option_limits_the_output(tmp_path):
    result = run("build", EXAMPLE, "-o", tmp_path, "--format", "pdf", "--clauses", CLAUSES)
    assert result.exit_code == 0
    manifest = json.loads((tmp_path / "street-minds-2026" / "manifest.json").read_text())
    assert [list(d["files"]) for d in manifest["documents"]] == [["pdf"]] * 5


def test_bad_spec_exits_2_with_file_line_and_field(tmp_path):
    data = example_data()
    data["period"]["start"] = "1 juli 2026"
    spec = write_spec(tmp_path, data)
    result = subprocess.run([sys.executable, "-m", "drafter", "build", str(spec), "-o", str(tmp_path / "out"),
                             "--clauses", str(CLAUSES)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    line = next(i for i, text in enumerate(spec.read_text().splitlines(), 1) if "1 juli 2026" in text)
    assert f"{spec}:{line}" in result.stderr
    assert "(fält period.start)" in result.stderr and "ska vara ett datum" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_spec_file_exits_2(tmp_path):
    result = run("build", tmp_path / "finns-inte.yaml")
    assert result.exit_code == 2
    assert "kan inte läsas" in result.output


def test_unknown_clause_exits_1(tmp_path):
    data = example_data()
    data["outline"].append("villkor/finns-inte")
    result = run("build", write_spec(tmp_path, data), "-o", tmp_path, "--clauses", CLAUSES)
    assert result.exit_code == 1
    assert "Klausulen 'villkor/finns-inte' finns inte" in result.output


def test_clauses_list_and_show():
    listed = run("clauses", "list", "--clauses", CLAUSES)
    assert listed.exit_code == 0
    lines = listed.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("villkor/period  ("))
    assert lines[at + 1].split()[:3] == ["v1", "fastställd", "2023-07-01"] and "halvår" in lines[at + 1]
    assert lines[at + 2].strip() == "fastställd för socialnämnden i Stockholms stad (2023-07-01)"
    assert lines[at + 3].split()[:3] == ["v2", "fastställd", "2026-07-01"] and "kalenderår" in lines[at + 3]
    shown = run("clauses", "show", "villkor/aterkrav@1", "--clauses", CLAUSES)
    assert shown.exit_code == 0
    assert "status: fastställd" in shown.output and "punkt 5.7" in shown.output
    assert "Vid hävning från" in shown.output
    assert run("clauses", "show", "villkor/aterkrav@9", "--clauses", CLAUSES).exit_code == 1
    assert run("clauses", "show", "../hemligt", "--clauses", CLAUSES).exit_code == 2


def test_schema_is_json_schema_of_the_spec():
    result = run("schema")
    schema = json.loads(result.output)
    assert set(schema["required"]) >= {"document", "parties", "period", "budget", "outline"}
    assert schema["properties"]["parties"]["minItems"] == 2


def test_build_runs_the_checks_first_and_writes_nothing_on_errors(tmp_path):
    data = example_data()
    data["budget"]["total"] = 999_000  # the rows sum to 1 000 000 kr
    spec = write_spec(tmp_path, data)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "drafter", "build", str(spec), "-o", str(out),
                             "--clauses", str(CLAUSES)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "[budget-sum]" in result.stderr and "inga dokument skrevs" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (out / "spec").exists() or not any((out / "spec").glob("*.pdf"))


def test_build_shows_warnings_and_still_builds(tmp_path):
    data = example_data()
    data.pop("acknowledge")  # the example keeps its warnings on purpose; here nobody has said so
    result = run("build", write_spec(tmp_path, data), "-o", tmp_path / "ut", "--clauses", CLAUSES)
    assert result.exit_code == 0
    assert "varning [budget-period]" in result.output
