"""`drafter clauses diff | history | approve` on the real library (a copy, where it is changed)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.comparison import clause_documents
from drafter.diff.readable import readable
from drafter.model.text import document_text
from helpers import CLAUSES, ROOT
from readback import norm
from diff.tracked_reader import accepted_text, rejected_text, revisions
from diff.test_properties import _strip_html, _strip_text

AGREEMENTS = ROOT / "agreements"


def run(*args, clauses=CLAUSES) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["clauses", *map(str, args), "--clauses", str(clauses)])
    return result.exit_code, result.output


@pytest.fixture
def library(tmp_path):
    copy = tmp_path / "clauses"
    shutil.copytree(CLAUSES, copy)
    return copy


# --- diff ---------------------------------------------------------------------------------


def test_diff_text_shows_words_and_both_versions():
    code, out = run("diff", "villkor/period", "1", "2")
    assert code == 0, out
    assert "villkor/period@1  status: fastställd  fastställd: Socialnämnden" in out
    assert "motivering: Förnyelsen 2026" in out
    assert "förlängs partnerskapet {+automatiskt +}med[- minst-] «period.renewal.unit | enhet»" in out
    assert "{{" not in out and "{%" not in out  # the tags read as stand-ins
    body = out.split("Rubrik: Period för partnerskapet\n\n", 1)[1].rstrip("\n")
    old, new = (readable(ClauseLibrary(CLAUSES).get(f"villkor/period@{v}").body) for v in (1, 2))
    assert _strip_text(body, "old") == old.rstrip("\n")
    assert _strip_text(body, "new") == new.rstrip("\n")


def _versions(library, clause_id: str, old_body: str, new_body: str) -> None:
    """v1 and v2 of a clause of its own in `library`, both granskad, with these bodies."""
    folder = library / clause_id
    folder.mkdir(parents=True)
    for n, body in ((1, old_body), (2, new_body)):
        (folder / f"v{n}.md").write_text(f"---\nheading: Uppsägning\nversion: {n}\nstatus: granskad\n"
                                         f"rationale: Version {n}.\n---\n{body}", encoding="utf-8")


NOTICE = ("Överenskommelsen gäller till och med den {{ period.end | datum }}.\n"
          "{%- if period.renewal %}\n Uppsägningen ska ha kommit fram senast den "
          "{{ period.renewal.notice_deadline | dag_och_manad }}.\n{%- endif %}\n")


def test_diff_shows_what_a_reader_compares_not_the_template_code(library):
    """A jurist saw `{%-`, `-%}` and raw tags; she sees the words that changed and readable stand-ins."""
    _versions(library, "prov/ord", NOTICE, NOTICE.replace("Uppsägningen ska ha kommit fram", "Uppsägningen ska komma fram"))
    code, out = run("diff", "prov/ord", "1", "2", "--format", "text", clauses=library)
    assert code == 0, out
    body = out.split("Rubrik: Uppsägning\n\n", 1)[1]
    assert body == ("Överenskommelsen gäller till och med den «period.end | datum».\n«om period.renewal»\n"
                    " Uppsägningen ska [-ha kommit-]{+komma+} fram senast den «period.renewal.notice_deadline | "
                    "dag_och_manad».\n«slut på om»\n")
    assert "läses likadant" not in out
    code, raw = run("diff", "prov/ord", "1", "2", "--källtext", clauses=library)
    assert code == 0 and "{%- if period.renewal %}" in raw and "{{ period.end | datum }}" in raw  # for a developer
    assert "Källtexten jämförs som den är skriven" in raw


def test_a_change_only_in_a_whitespace_marker_reads_the_same(library, tmp_path):
    _versions(library, "prov/markor", NOTICE, NOTICE.replace("{%- if period.renewal %}", "{% if period.renewal -%}")
              .replace("{{ period.end | datum }}", "{{- period.end|datum }}"))
    code, out = run("diff", "prov/markor", "1", "2", clauses=library)
    assert code == 0, out
    assert ("Texterna läses likadant. Versionerna skiljer sig bara i mallkoden (blankstegsmarkeringar som {%- och "
            "-%}") in out
    assert "`drafter clauses diff prov/markor 1 2 --källtext`" in out
    assert "[-" not in out and "{+" not in out  # nothing marked as changed
    code, raw = run("diff", "prov/markor", "1", "2", "--source", clauses=library)
    assert code == 0 and "läses likadant" not in raw
    assert "{%[---] if period.renewal {+-+}%}" in raw  # the developer's view: the markers that moved
    page = tmp_path / "markor.html"
    assert run("diff", "prov/markor", "1", "2", "--format", "html", "-o", page, clauses=library)[0] == 0
    html = page.read_text(encoding="utf-8")
    text = html.split('<div class="text">', 1)[1]
    assert "Texterna läses likadant." in html and "<del>" not in text and "<ins>" not in text


def test_diff_refines_inside_a_word():
    code, out = run("diff", "street-minds/ataganden", "v1", "v2")
    assert code == 0, out
    assert "[-" in out and "{+" in out


def test_diff_html_is_one_escaped_page(tmp_path):
    page = tmp_path / "period.html"
    code, _ = run("diff", "villkor/period", "1", "2", "--format", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    assert code == 0 and html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "<script" not in html and "src=" not in html and "href=" not in html
    assert "«period.start | datum»" in html  # | is text
    assert "<ins>automatiskt </ins>" in html and "line-through" in html and "underline" in html
    text = html.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    old, new = (readable(ClauseLibrary(CLAUSES).get(f"villkor/period@{v}").body) for v in (1, 2))
    assert _strip_html(text, "old") == old.rstrip()
    assert _strip_html(text, "new") == new.rstrip()


def test_diff_docx_tracks_changes_in_the_clause_structure(tmp_path):
    out = tmp_path / "ataganden.docx"
    code, output = run("diff", "street-minds/ataganden", "1", "2", "--format", "docx", "--author", "Jurist", "-o", out)
    assert code == 0, output
    data = out.read_bytes()
    old, new = clause_documents(*(ClauseLibrary(CLAUSES).get(f"street-minds/ataganden@{v}") for v in (1, 2)))
    assert accepted_text(data) == norm(document_text(new))
    assert rejected_text(data) == norm(document_text(old))
    assert revisions(data)["del"] > 0
    xml = __import__("zipfile").ZipFile(out).read("word/document.xml").decode()
    assert 'w:author="Jurist"' in xml and 'w:date="2026-07-01T00:00:00Z"' in xml  # v2's approval date


@pytest.mark.parametrize("args, message", [
    (("villkor/periood", "1", "2"), "finns inte i biblioteket"),
    (("villkor/period", "1", "9"), "har ingen version 9"),
    (("villkor/period", "1", "x"), "anger ingen klausulversion"),
])
def test_diff_refuses_unknown_versions(args, message):
    code, out = run("diff", *args)
    assert code == 2 and message in out


def test_docx_needs_a_file_on_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    from drafter.errors import DrafterError
    from drafter.cli.compare import emit

    with pytest.raises(DrafterError, match="kan inte visas i terminalen"):
        emit(b"PK", None)


# --- history --------------------------------------------------------------------------------


def test_history_names_the_specs_of_each_version(monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out = run("history", "villkor/period")
    assert code == 0, out
    v1, v2 = out.split("\n  v2 ")
    assert "v1  fastställd 2023-07-01" in v1
    assert "används i: street-minds-2023.yaml (överenskommelse, tjänsteutlåtande)" in v1
    assert "street-minds-2026.yaml" not in v1
    assert "används i: street-minds-2026.yaml (överenskommelse, tjänsteutlåtande)" in v2
    assert "motivering: Förnyelsen 2026" in v2


def test_history_of_a_proposal_clause_and_of_an_unused_version(tmp_path):
    code, out = run("history", "street-minds/forslag-till-beslut", "--agreements", AGREEMENTS)
    assert code == 0
    assert "street-minds-2023.yaml (tjänsteutlåtande)" in out and "v2  utkast" in out
    code, out = run("history", "villkor/period", "--agreements", tmp_path)
    versions = sorted((CLAUSES / "villkor" / "period").glob("v*.md"))
    assert code == 0 and out.count("används i: ingen spec") == len(versions) >= 2


def test_history_of_an_unknown_clause():
    code, out = run("history", "villkor/perod")
    assert code == 2 and "Menade du 'villkor/period'?" in out


# --- approve --------------------------------------------------------------------------------


def test_approve_rewrites_front_matter_keeps_body_and_locks(library):
    path = library / "street-minds" / "forslag-till-beslut" / "v2.md"
    before = path.read_text(encoding="utf-8")
    old_body = ClauseLibrary(library).get("street-minds/forslag-till-beslut@2").body
    code, out = run("approve", "street-minds/forslag-till-beslut@2", "--by", "Socialnämnden i Stockholms stad",
                    "--date", "2026-06-16", clauses=library)
    assert code == 0, out
    after = path.read_text(encoding="utf-8")
    clause = ClauseLibrary(library).get("street-minds/forslag-till-beslut@2")
    assert clause.body == old_body and after.endswith(old_body)
    assert clause.meta.status == "fastställd"
    assert (clause.meta.approval.by, clause.meta.approval.date.isoformat()) == ("Socialnämnden i Stockholms stad", "2026-06-16")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == ["status: fastställd", "approval:", "  by: Socialnämnden i Stockholms stad", "  date: 2026-06-16",
                       "  applies_to: {organisation: Stockholms stad, committee: socialnämnden}"]
    lock = json.loads((library / "approvals.lock").read_text(encoding="utf-8"))
    assert lock["street-minds/forslag-till-beslut@2"] == {
        "sha256": clause.sha256, "heading": "Förvaltningens förslag till beslut", "by": "Socialnämnden i Stockholms stad",
        "date": "2026-06-16", "applies_to": {"organisation": "Stockholms stad", "committee": "socialnämnden"}}

    # An edit after approval is what `drafter check` reports as clause-text-changed.
    path.write_text(after + "Ändrad efter fastställelsen.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(AGREEMENTS / "street-minds-2026.yaml"), "--clauses", str(library)])
    assert "[clause-text-changed]" in result.output and "street-minds/forslag-till-beslut@2" in result.output
    assert result.exit_code == 1


def test_approve_quotes_names_yaml_would_misread(library):
    code, out = run("approve", "street-minds/tu-bakgrund@2", "--by", "Nämnd: #1 \"Ös\"", "--för", "Åsby kommun", "--date", "2026-06-16",
                    clauses=library)
    assert code == 0, out
    assert ClauseLibrary(library).get("street-minds/tu-bakgrund@2").meta.approval.by == 'Nämnd: #1 "Ös"'


@pytest.mark.parametrize("args, code, message", [
    (("villkor/period@1", "--by", "Socialnämnden i Stockholms stad"), 1, "är redan fastställd"),
    (("villkor/period@7", "--by", "X"), 2, "har ingen version 7"),
    (("villkor/okand@1", "--by", "X"), 2, "finns inte i biblioteket"),
    (("villkor/period", "--by", "X"), 2, "anger ingen klausulversion"),
    (("street-minds/tu-bakgrund@2", "--by", "X", "--date", "2026-13-01"), 2, "inget giltigt datum"),
    (("street-minds/tu-bakgrund@2", "--by", "X", "--date", "16/6 2026"), 2, "inget giltigt datum"),
])
def test_approve_refuses(library, args, code, message):
    before = {p: p.read_bytes() for p in library.rglob("*") if p.is_file()}
    result_code, out = run("approve", *args, clauses=library)
    assert (result_code, message in out) == (code, True), out
    assert {p: p.read_bytes() for p in library.rglob("*") if p.is_file()} == before


def test_readable_stand_ins():
    """What each kind of tag reads as; a literal ({{ "{" }}, as drafter import writes a brace) is its text."""
    assert readable('Se {{ ref("villkor/aterkrav") }}.') == "Se «hänvisning till villkor/aterkrav»."
    assert readable("{% if not period.renewal and ideburna_flera %}a{% elif x %}b{% else %}c{% endif %}") == \
        "«om inte period.renewal och ideburna_flera»a«annars om x»b«annars»c«slut på om»"
    assert readable("{% for p in partners -%}{{- p.name -}}{%- endfor %}{# intern anteckning #}") == \
        "«för varje p i partners»«p.name»«slut på för varje»"
    assert readable('Klammern {{ "{" }} står kvar.') == "Klammern { står kvar."
