"""`drafter check`: lines, JSON, exit codes 0/1/2, and no heavy imports."""

import json
import subprocess
import sys

from click.testing import CliRunner

from checks.support import spec_file
from drafter.checks import Finding, has_errors, run_checks
from drafter.clauses.library import ClauseLibrary
from drafter.cli import main
from drafter.pipeline import check_paths
from helpers import CLAUSES, EXAMPLE, ROOT, example_data


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args), "--clauses", str(CLAUSES)])


def test_example_passes_with_its_kept_warning():
    result = run(EXAMPLE)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith(f"varning [budget-period] {EXAMPLE}:") for line in lines)
    assert lines[-1].startswith("1 spec kontrollerad: 0 fel, ")


def test_errors_exit_1_errors_first(tmp_path):
    data = example_data()
    data["budget"]["total"] = 5
    result = run(spec_file(tmp_path, data))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith("fel [budget-sum] ") and ": Angiven summa (total) 5\u00a0kr" in first


def test_json_shape(tmp_path):
    data = example_data()
    data["budget"]["total"] = 5
    result = run(spec_file(tmp_path, data), "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.output)["findings"]
    fields = {"code", "severity", "message", "where", "document"}
    # "acknowledged" only on a warning the spec keeps on purpose (the example acknowledges budget-period),
    # "party" only on a finding about a party's field (the example's public party is a förvaltning)
    assert found and all(set(f) - {"acknowledged", "party"} == fields for f in found)
    assert [f["party"] for f in found if "party" in f] == [{"number": 1, "name": "Socialförvaltningen",
                                                           "path": "parties.0"}]
    assert all(isinstance(f["acknowledged"], str) and f["severity"] != "error" for f in found if "acknowledged" in f)
    assert found[0]["code"] == "budget-sum" and found[0]["severity"] == "error" and found[0]["document"] is None


def test_bad_input_exits_2_and_still_checks_the_others(tmp_path):
    bad = tmp_path / "trasig.yaml"
    bad.write_text("document: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(bad), str(EXAMPLE), "--clauses", str(CLAUSES)])
    assert result.exit_code == 2
    assert f"fel: {bad}" in result.stderr and "giltig YAML" in result.stderr
    assert "1 spec kontrollerad" in result.stdout and "[budget-period]" in result.stdout


def test_unknown_clause_is_a_finding_not_bad_input(tmp_path):
    data = example_data()
    data["outline"].append("villkor/finns-inte")
    result = run(spec_file(tmp_path, data))
    assert result.exit_code == 1 and "fel [clause-unknown]" in result.output


def test_check_paths_and_run_checks(tmp_path):
    library = ClauseLibrary(CLAUSES)
    findings, code = check_paths([EXAMPLE], library)
    assert code == 0 and not has_errors(findings)
    assert has_errors([Finding("x", "error", "m", "w")])
    errors = []
    _, code = check_paths([tmp_path / "saknas.yaml"], library, errors=errors)
    assert code == 2 and "kan inte läsas" in str(errors[0])
    from drafter.spec.load import load_spec

    ordered = run_checks(load_spec(EXAMPLE), library, [])
    assert [f.severity for f in ordered] == sorted((f.severity for f in ordered),
                                                   key=["error", "warning", "info"].index)


def test_check_imports_no_writer():
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"try:\n    main(['check', {str(EXAMPLE)!r}, '--clauses', {str(CLAUSES)!r}])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = [m for m in sys.modules if m.startswith(('drafter.writers', 'docx', 'docxtpl', 'typst', 'pypdf'))]\n"
        "print(heavy)\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_info_findings_summarised_per_code_and_document_all_with_alla():
    short, every = run(EXAMPLE), run(EXAMPLE, "--alla")
    info = [line for line in every.output.splitlines() if line.startswith("info [plain-word] ")
            and "(överenskommelsen)" in line]
    assert len(info) > 5  # the example's own klarspråk notes
    summary = [line for line in short.output.splitlines() if line.startswith("info [plain-word] ")
               and "(överenskommelsen)" in line]
    assert summary == [summary[0]]
    assert summary[0].startswith(f"info [plain-word] {EXAMPLE} (överenskommelsen): {len(info)} ställen i överenskommelsen "
                                 "(visa alla med --alla); det första, ")
    assert summary[0].endswith(info[0].split(": ", 1)[1])  # the first place's own message
    # warnings are never summarised, and the totals count every finding either way
    assert [x for x in short.output.splitlines() if x.startswith("varning")] == \
        [x for x in every.output.splitlines() if x.startswith("varning")]
    assert short.output.splitlines()[-1] == every.output.splitlines()[-1]
    assert len(short.output.splitlines()) < len(every.output.splitlines()) // 3


def test_json_keeps_every_info_finding():
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "json", "--clauses", str(CLAUSES)])
    found = json.loads(result.output)["findings"]
    every = run(EXAMPLE, "--alla").output.splitlines()
    assert sum(f["severity"] == "info" for f in found) == sum(line.startswith("info ") for line in every)


def test_document_labels_are_swedish_in_text_and_data_in_json():
    """What an official reads names the document in Swedish; JSON keeps the kind as data."""
    from drafter.checks.summary import summary_lines
    findings = [Finding("placeholder", "error", "Texten …", "a.yaml:3", document=kind)
                for kind in ("agreement", "proposal", "addendum", "consolidated")]
    lines = summary_lines([("a.yaml", f) for f in findings])
    assert [line.split(": ")[0] for line in lines] == [
        "fel [placeholder] a.yaml:3 (överenskommelsen)", "fel [placeholder] a.yaml:3 (tjänsteutlåtandet)",
        "fel [placeholder] a.yaml:3 (tillägget)", "fel [placeholder] a.yaml:3 (konsoliderad)"]
    assert [f.to_dict()["document"] for f in findings] == ["agreement", "proposal", "addendum", "consolidated"]
    full = run(EXAMPLE, "--alla").output
    assert "(agreement)" not in full and "(proposal)" not in full and "(överenskommelsen)" in full


def test_clauses_outlines_names_the_kind_in_swedish():
    result = CliRunner().invoke(main, ["clauses", "outlines", "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    assert "(överenskommelse)" in result.output and "(tjänsteutlåtande)" in result.output
    assert "(agreement)" not in result.output and "(proposal)" not in result.output
