"""The examples of docs/checks/ that are no change to a spec (a clause file edited, a lock, an import)
played out: each gives its code with the page's severity, and the page quotes the message's start."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, copy_examples, signed_example
from test_docs_checks import DOCS, _severities

SPEC = "agreements/street-minds-2026.yaml"
SEVERITY_WORD = {"error": "fel", "warning": "varning", "info": "info"}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def check_lines(code: str) -> list[str]:
    result = run("check", SPEC, "--clauses", "clauses")
    assert result.exit_code in (0, 1), result.output
    return [line for line in result.output.splitlines() if f"[{code}]" in line]


def assert_as_documented(code: str, lines: list[str]) -> None:
    """The code fires with a severity the page names, and the page's quote is the message's start."""
    assert lines, f"{code}: inget fynd"
    assert {line.split(" ", 1)[0] for line in lines} <= {SEVERITY_WORD[s] for s in _severities(code)}, lines
    page = (DOCS / f"{code}.md").read_text(encoding="utf-8")
    quote = " ".join(re.findall(r"^> (.*)$", page, flags=re.M))
    message = quote.split(": ", 1)[1].split("…")[0].strip() if quote else ""
    assert message and any(message[:60] in line for line in lines), (message, lines)


def _set_front(path, **values):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    data.update(values)
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


@pytest.fixture(scope="module")
def locked(tmp_path_factory):
    """The examples and the library, the 2026 agreement and its tillägg nr 1 locked."""
    root = tmp_path_factory.mktemp("locked")
    copy_examples(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        signed_example(root)
        for document in ("overenskommelse", "tillagg-1"):
            result = run("lock", SPEC, "--document", document, "--future-date")  # tillägg nr 1: 15 December 2026
            assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(locked, tmp_path, monkeypatch):
    shutil.copytree(locked, tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    return tmp_path / "p"


def test_clause_retired(project):
    (project / SPEC).unlink()
    spec = (EXAMPLE.parent / "street-minds-2026.yaml").read_text(encoding="utf-8")
    (project / SPEC).write_text(spec.replace("      - villkor/aterkrav\n", "      - villkor/aterkrav@1\n"),
                                encoding="utf-8")
    _set_front(project / "clauses/villkor/aterkrav/v1.md", status="upphävd")
    assert_as_documented("clause-retired", check_lines("clause-retired"))


def test_clause_text_changed(project):
    (project / "agreements/street-minds-2026.lock").unlink()
    path = project / "clauses/villkor/aterkrav/v1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("återbetalningsskyldig", "återbetalningspliktig"),
                    encoding="utf-8")
    assert_as_documented("clause-text-changed", check_lines("clause-text-changed"))


def test_lock_changed(project):
    path = project / "clauses/street-minds/bakgrund/v1.md"
    _set_front(path, heading="Bakgrund och syfte")
    assert_as_documented("lock-changed", check_lines("lock-changed"))


def test_lock_newer(project):
    """A new version beside the locked one: no lock-changed; granskad no lock-newer, fastställd lock-newer."""
    path = project / "clauses/street-minds/bakgrund/v1.md"
    text = path.read_text(encoding="utf-8")
    (path.parent / "v2.md").write_text(text.replace("version: 1", "version: 2"), encoding="utf-8")
    _set_front(path.parent / "v2.md", status="granskad", approval=None)
    assert check_lines("lock-newer") == [] and check_lines("lock-changed") == []
    (path.parent / "v2.md").write_text(text.replace("version: 1", "version: 2"), encoding="utf-8")
    assert_as_documented("lock-newer", check_lines("lock-newer"))
    assert check_lines("lock-changed") == []


def test_lock_clauses(project):
    spec = (project / SPEC).read_text(encoding="utf-8")
    (project / SPEC).write_text(spec.replace("      - villkor/aterkrav\n", "      - villkor/aterkrav@2\n"),
                                encoding="utf-8")
    assert_as_documented("lock-clauses", check_lines("lock-clauses"))


def test_lock_text(project):
    spec = (project / SPEC).read_text(encoding="utf-8")
    (project / SPEC).write_text(spec.replace("amount: 878000", "amount: 878500"), encoding="utf-8")
    assert_as_documented("lock-text", check_lines("lock-text"))


def test_lock_document(project):
    spec = (project / SPEC).read_text(encoding="utf-8")
    start, end = spec.index("amendments:"), spec.index("# Tjänsteutlåtandet")
    (project / SPEC).write_text(spec[:start] + spec[end:], encoding="utf-8")
    assert_as_documented("lock-document", check_lines("lock-document"))


def test_an_unlocked_document_may_go(project):
    """docs/checks/lock-document.md: the proposal is not locked; removing it gives no lock finding."""
    spec = (project / SPEC).read_text(encoding="utf-8")
    (project / SPEC).write_text(spec[:spec.index("# Tjänsteutlåtandet")], encoding="utf-8")
    assert check_lines("lock-document") == []


def test_lock_layout(project):
    lock = project / "agreements/street-minds-2026.lock"
    text = lock.read_text(encoding="utf-8")
    assert "drafter: 0.1.0" in text
    lock.write_text(text.replace("drafter: 0.1.0", "drafter: 0.0.9"), encoding="utf-8")
    assert_as_documented("lock-layout", check_lines("lock-layout"))


def test_numbering(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "avtal.txt").write_text(
        "Överenskommelse om idéburet offentligt partnerskap\n\n"
        "3. Organisation\n\nParterna samverkar i en styrgrupp.\n\n"
        "3.1 Styrgruppen\n\nStyrgruppen träffas fyra gånger per år.\n\n"
        "3.4 Samverkansgruppen\n\nSamverkansgruppen träffas varje månad.\n", encoding="utf-8")
    result = run("import", "avtal.txt")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines() if "[numbering]" in line]
    assert_as_documented("numbering", lines)



def test_approving_is_no_text_change(project):
    """docs/checks/clause-text-changed.md: `clauses approve` changes the front matter, never the text."""
    (project / "agreements/street-minds-2026.lock").unlink()
    spec = (project / SPEC).read_text(encoding="utf-8")
    (project / SPEC).write_text(spec.replace("      - villkor/forsakring\n", "      - villkor/forsakring\n"
                                             "      - villkor/insyn@1\n"), encoding="utf-8")
    assert any("villkor/insyn@1" in line for line in check_lines("clause-unapproved"))  # in the agreement
    result = run("clauses", "approve", "villkor/insyn@1", "--by", "Socialnämnden i Stockholms stad",
                 "--date", "2026-09-01", "--clauses", "clauses")
    assert result.exit_code == 0, result.output
    assert not any("villkor/insyn@1" in line for line in check_lines("clause-unapproved"))
    assert check_lines("clause-text-changed") == []


def test_lock_letterhead(project):
    """docs/checks/lock-letterhead.md: the office moves after the lock; the locked letterhead is kept and named."""
    house = project / "clauses/husstil.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace("Box 44, 104 20 Stockholm", "Box 9999, 104 99 Stockholm"),
                     encoding="utf-8")
    assert_as_documented("lock-letterhead", check_lines("lock-letterhead"))
    house.write_text(house.read_text(encoding="utf-8").replace("utkastmarkering: true", "utkastmarkering: false")
                     .replace("Box 9999, 104 99 Stockholm", "Box 44, 104 20 Stockholm"), encoding="utf-8")
    assert check_lines("lock-letterhead") == []  # the false alarm the page names
