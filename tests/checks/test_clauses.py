"""clause-unapproved, clause-retired, clause-text-changed, and the approvals lock."""

import json

from checks.support import findings, library_with, line_of, of, spec_file
from drafter.clauses.library import ClauseLibrary
from drafter.clauses.lock import LOCK_NAME, lock_entry, main as lock_main, read_lock, update_lock, write_lock
from helpers import CLAUSES, EXAMPLE, example_data


def using(tmp_path, status, document_status="utkast"):
    data = example_data()
    data["document"]["status"] = document_status
    data["outline"].append("test/klausul@1")
    spec = spec_file(tmp_path, data)
    found = findings(spec, library_with(tmp_path, {"test/klausul": "Text."}, status=status))
    return spec, [f for f in found if "test/klausul" in f.message or f.where.startswith("test/klausul")]


def test_example_agreement_uses_only_approved_unchanged_clauses():
    found = [f for f in findings(EXAMPLE) if f.document == "agreement"]
    assert [f for f in found if f.code.startswith("clause-")] == []


def test_draft_clause_in_a_draft_is_a_warning(tmp_path):
    spec, found = using(tmp_path, "granskad")
    (f,) = of(found, "clause-unapproved")
    assert f.severity == "warning" and f.document == "agreement"
    assert "test/klausul@1 (Test) har status granskad, inte fastställd" in f.message
    assert f.where == line_of(spec, "- test/klausul@1")


def test_draft_clause_in_a_final_document_is_an_error(tmp_path):
    spec, found = using(tmp_path, "utkast", "slutlig")
    (f,) = of(found, "clause-unapproved")
    assert f.severity == "error" and "document.status: slutlig" in f.message
    assert f.where == line_of(spec, "- test/klausul@1")


def test_an_unapproved_clause_names_the_command_that_approves_the_spec(tmp_path):
    """trial7 item 7: a slutlig spec refused for unapproved versions said no way out; it names the command."""
    spec, found = using(tmp_path, "granskad", "slutlig")
    (f,) = of(found, "clause-unapproved")
    assert f"drafter clauses approve --spec {spec} --av NAMN --datum ÅÅÅÅ-MM-DD" in f.message, f.message


def test_many_unapproved_clauses_in_one_document_name_the_command_too(tmp_path):
    data = example_data()
    data["outline"] += ["test/a@1", "test/b@1", "test/c@1", "test/d@1"]
    spec = spec_file(tmp_path, data)
    library = library_with(tmp_path, {f"test/{x}": "Text." for x in "abcd"}, status="granskad")
    (f,) = [f for f in of(findings(spec, library), "clause-unapproved") if f.document == "agreement"]
    assert f.message.startswith("4 klausulversioner") and f"drafter clauses approve --spec {spec} --av NAMN" in f.message


def test_retired_clause(tmp_path):
    spec, found = using(tmp_path, "upphävd")
    (f,) = of(found, "clause-retired")
    assert f.severity == "warning" and "är upphävd" in f.message
    assert f.where == line_of(spec, "- test/klausul@1")
    (tmp_path / "slutlig").mkdir()
    _, found = using(tmp_path / "slutlig", "upphävd", "slutlig")
    assert of(found, "clause-retired")[0].severity == "error"


def test_approved_text_changed_after_approval(tmp_path):
    clauses = library_with(tmp_path, {})
    path = clauses / "villkor" / "aterkrav" / "v1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("återbetalningsskyldig", "ersättningsskyldig"),
                    encoding="utf-8")
    (f,) = of(findings(EXAMPLE, clauses), "clause-text-changed")
    body = path.read_text(encoding="utf-8").splitlines().index("---", 1) + 2  # the text's first line
    assert f.severity == "error" and f.where == f"{path}:{body}" and f.document == "agreement"
    assert "har ändrats sedan den fastställdes" in f.message and "v2.md" in f.message


def test_approved_version_not_in_the_lock_is_a_warning_in_a_draft_and_an_error_when_final(tmp_path):
    _, found = using(tmp_path, "fastställd")
    (f,) = of(found, "clause-text-changed")
    assert f.severity == "warning" and f.where == "test/klausul@1" and "finns inte i approvals.lock" in f.message
    (tmp_path / "slutlig").mkdir()
    _, found = using(tmp_path / "slutlig", "fastställd", "slutlig")
    (f,) = of(found, "clause-text-changed")
    assert f.severity == "error" and "ett slutligt dokument (document.status: slutlig)" in f.message


def test_approved_heading_changed_after_approval(tmp_path):
    clauses = library_with(tmp_path, {"test/klausul": "Text."})
    update_lock(ClauseLibrary(clauses))
    assert read_lock(clauses)["test/klausul@1"]["heading"] == "Test"
    data = example_data()
    data["outline"].append("test/klausul@1")
    spec = spec_file(tmp_path, data)
    assert of(findings(spec, clauses), "clause-text-changed") == []
    path = clauses / "test" / "klausul" / "v1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("heading: Test", "heading: Prov"), encoding="utf-8")
    (f,) = of(findings(spec, clauses), "clause-text-changed")
    heading = path.read_text(encoding="utf-8").splitlines().index("heading: Prov") + 1
    assert f.severity == "error" and f.where == f"{path}:{heading}"  # the file to open, at the line changed
    assert f"Rubriken i test/klausul@1 ({path}) har ändrats sedan den fastställdes" in f.message
    assert "”Test” → ”Prov”" in f.message and f"specen tar in den vid {line_of(spec, '- test/klausul@1')}" in f.message


def test_lock_records_new_versions_and_never_overwrites(tmp_path):
    clauses = library_with(tmp_path, {"test/klausul": "Text."})
    before = read_lock(clauses)
    assert "test/klausul@1" not in before
    assert update_lock(ClauseLibrary(clauses)) == ["test/klausul@1"]
    after = read_lock(clauses)
    assert after["test/klausul@1"] == lock_entry(ClauseLibrary(clauses).get("test/klausul@1"))
    assert after["test/klausul@1"]["by"] == "Socialnämnden" and after["test/klausul@1"]["date"] == "2026-05-01"
    (clauses / "test" / "klausul" / "v1.md").write_text(
        (clauses / "test" / "klausul" / "v1.md").read_text().replace("Text.", "Annan text."))
    assert update_lock(ClauseLibrary(clauses)) == []
    assert read_lock(clauses)["test/klausul@1"] == after["test/klausul@1"]
    text = (clauses / LOCK_NAME).read_text(encoding="utf-8")
    assert list(json.loads(text)) == sorted(json.loads(text))
    assert lock_main(["--clauses", str(clauses)]) == 1  # the changed text is reported


def test_write_and_read_lock_sorted(tmp_path):
    write_lock(tmp_path, {"b@1": {"sha256": "2", "by": "x", "date": "2026-01-01"}, "a@1": {"sha256": "1"}})
    assert list(read_lock(tmp_path)) == ["a@1", "b@1"]
    assert read_lock(tmp_path / "saknas") == {}


def test_shipped_lock_matches_the_shipped_library():
    lock = read_lock(CLAUSES)
    library = ClauseLibrary(CLAUSES)
    for ref, entry in lock.items():
        clause_id, _, version = ref.partition("@")
        assert entry["sha256"] == library.get(ref).sha256, ref


def test_a_changed_approved_text_names_its_file_line_and_the_spec_line_that_uses_it(tmp_path):
    """trial14: the finding named villkor/jav@1 and nothing to open. Läxhjälpen i Tensta, not the example:
    a clause of its standard outline (named nowhere in the spec) and one the spec names itself."""
    import copy

    from own_partnership import SPEC

    from checks.support import APPROVAL

    clauses = library_with(tmp_path, {"test/klausul": "Text."})
    jav = clauses / "villkor" / "jav" / "v1.md"  # granskad in the library: fastställd here
    jav.write_text(jav.read_text(encoding="utf-8").replace("status: granskad\n", f"status: fastställd\n{APPROVAL}", 1),
                   encoding="utf-8")
    update_lock(ClauseLibrary(clauses))
    data = copy.deepcopy(SPEC)
    data["outline"] = {"standard": "iop-overenskommelse", "add": [{"after": "villkor/jav", "item": "test/klausul@1"}]}
    spec = spec_file(tmp_path, data)
    assert of(findings(spec, clauses), "clause-text-changed") == []
    for changed in (clauses / "villkor" / "jav" / "v1.md", clauses / "test" / "klausul" / "v1.md"):
        changed.write_text(changed.read_text(encoding="utf-8") + "\nEn rad till.\n", encoding="utf-8")
    found = {f.message.split(" ")[2]: f for f in of(findings(spec, clauses), "clause-text-changed")}
    assert set(found) == {"villkor/jav@1", "test/klausul@1"}, [f.message for f in found.values()]
    jav, own = found["villkor/jav@1"], found["test/klausul@1"]
    body = (clauses / "villkor" / "jav" / "v1.md").read_text(encoding="utf-8").splitlines().index("---", 1) + 2
    assert jav.where == f"{clauses / 'villkor' / 'jav' / 'v1.md'}:{body}"
    assert f"Texten i villkor/jav@1 ({clauses / 'villkor' / 'jav' / 'v1.md'}) har ändrats" in jav.message
    assert f"specen tar in den vid {line_of(spec, 'standard: iop-overenskommelse')}" in jav.message  # its outline
    assert f"specen tar in den vid {line_of(spec, '    item: test/klausul@1')}" in own.message
