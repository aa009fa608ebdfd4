"""Tracked changes as model nodes, written by the one DOCX writer: every redline drafter makes
resolves, with Word's Accept All / Reject All, to exactly the new / the old document as drafter
writes it (list markers, table cells and footnotes included), and changes whole tokens."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from docx.oxml.ns import qn
from lxml import etree

from drafter.assemble import assemble_documents
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.comparison import clause_documents
from drafter.model.changes import ChangedPeople, Revision
from drafter.diff.redline import redline_document
from drafter.diff.sections import align_sections
from drafter.model.nodes import Document, FootnoteRef, Metadata, Official, Officials, Paragraph, Section, Strong, Text
from drafter.model.numbering import inlines_in, number_document
from drafter.spec.load import load_spec
from drafter.writers.docx.redline import redline_docx_bytes
from drafter.writers.docx.writer import docx_bytes
from diff.tracked_reader import accept_all, assert_resolves, paragraphs, revisions
from helpers import CLAUSES, EXAMPLE, example_data, write_spec

NBSP = "\u00a0"


def documents(spec, kind: str):
    return next(d for d in assemble_documents(load_spec(spec), ClauseLibrary(CLAUSES)) if d.kind == kind)


def deleted_and_inserted(data: bytes) -> tuple[list[str], list[str]]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    deleted = ["".join(t.text for t in d.iter(qn("w:delText"))) for d in root.iter(qn("w:del"))]
    inserted = ["".join(t.text for t in i.iter(qn("w:t"))) for i in root.iter(qn("w:ins"))]
    return [d for d in deleted if d], [i for i in inserted if i]


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The 2026 agreement, and the same with a new amount, a new signing official and a new orgnr."""
    folder = tmp_path_factory.mktemp("changed")
    old = write_spec(folder, example_data(), "old.yaml")
    data = example_data()
    data["budget"]["rows"][0]["amount"] = 910000
    data["parties"][0]["signatory"]["name"] = "Anna Berg"
    data["parties"][1]["organisationsnummer"] = "802524-2887"
    new = write_spec(folder, data, "new.yaml")
    return old, new


def test_the_consolidated_agreement_resolves_to_itself_and_to_the_signed_one():
    signed, consolidated = documents(EXAMPLE, "agreement"), documents(EXAMPLE, "consolidated")
    data = redline_docx_bytes(signed, consolidated, date="2027-01-01T00:00:00Z")
    assert_resolves(data, docx_bytes(signed), docx_bytes(consolidated))
    deleted, inserted = deleted_and_inserted(data)
    assert f"878{NBSP}000" in deleted and f"890{NBSP}000" in inserted  # the Tillägg nr 1 figures, whole
    assert not any(t.strip().isdigit() and len(t.strip()) < 3 for t in deleted + inserted)  # no digit shards


def test_a_bullet_item_edited_word_by_word_keeps_its_marker():
    old, new = documents(EXAMPLE.parent / "street-minds-2023.yaml", "agreement"), documents(EXAMPLE, "agreement")
    accepted = paragraphs(accept_all(redline_docx_bytes(old, new)))
    item = next(p for p in accepted if "Att tillhandahålla en brukarstyrd öppen verksamhet" in p)
    assert item.startswith("– ")  # "–", then the tab


def test_compare_changes_whole_tokens_in_text_html_and_docx(changed, tmp_path):
    old, new = changed
    runner = CliRunner()
    text = runner.invoke(main, ["compare", str(old), str(new), "--clauses", str(CLAUSES)]).output
    assert f"[-878{NBSP}000-]{{+910{NBSP}000+}}" in text
    assert "[-Veronica Carstorp Wolgast-]{+Anna Berg+}, socialdirektör" in text
    page = tmp_path / "c.html"
    runner.invoke(main, ["compare", str(old), str(new), "--format", "html", "-o", str(page), "--clauses", str(CLAUSES)])
    html = page.read_text(encoding="utf-8")
    assert f"<del>878{NBSP}000</del><ins>910{NBSP}000</ins>" in html
    out = tmp_path / "c.docx"
    result = runner.invoke(main, ["compare", str(old), str(new), "--format", "docx", "-o", str(out),
                                  "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    deleted, inserted = deleted_and_inserted(data)
    assert deleted == ["802524-2879", f"878{NBSP}000", f"1{NBSP}000{NBSP}000", "Veronica Carstorp Wolgast"]
    assert inserted == ["802524-2887", f"910{NBSP}000", f"1{NBSP}032{NBSP}000", "Anna Berg"]
    assert_resolves(data, docx_bytes(documents(old, "agreement")), docx_bytes(documents(new, "agreement")))


def test_a_new_signatory_changes_that_cell_not_the_signature_table(changed):
    old, new = (documents(spec, "agreement") for spec in changed)
    redline = redline_document(old, new, Revision("drafter", None))
    people = [b for s in redline.sections for b in s.blocks if isinstance(b, ChangedPeople)]
    assert len(people) == 1 and [list(lines) for lines in people[0].lines] == [["Anna Berg, socialdirektör"], []]
    data = redline_docx_bytes(old, new)
    table = open_docx(io.BytesIO(data)).tables[-1]._tbl
    assert table.find(f".//{qn('w:trPr')}/{qn('w:del')}") is None  # no row deleted
    assert table.find(f".//{qn('w:trPr')}/{qn('w:ins')}") is None  # nor inserted
    assert revisions(data) == {"ins": 4, "del": 4}  # the orgnr, the amount, the sum and the name


@pytest.mark.parametrize("clause_id", sorted({c for c in ClauseLibrary(CLAUSES).ids()
                                              if len(ClauseLibrary(CLAUSES).versions(c)) > 1}))
def test_every_clause_diff_resolves(clause_id):
    library = ClauseLibrary(CLAUSES)
    first, last = library.versions(clause_id)[0], library.versions(clause_id)[-1]
    old, new = clause_documents(first, last)
    assert_resolves(redline_docx_bytes(old, new), docx_bytes(old), docx_bytes(new))


def _clause_docx(tmp_path, clause_id: str, monkeypatch, epoch: str | None = None) -> tuple[set, str]:
    if epoch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    else:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "d.docx"
    result = CliRunner().invoke(main, ["clauses", "diff", clause_id, "1", "2", "--format", "docx", "-o", str(out),
                                       "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        core = z.read("docProps/core.xml").decode()
    dates = {m.get(qn("w:date")) for m in root.iter(qn("w:ins"), qn("w:del"))}
    created = core.split("<dcterms:created", 1)[1].split(">", 1)[1].split("<", 1)[0]
    return dates, created


def test_a_clause_diff_is_dated_by_the_newer_versions_approval(tmp_path, monkeypatch):
    dates, created = _clause_docx(tmp_path, "villkor/period", monkeypatch)
    assert dates == {"2026-07-01T00:00:00Z"} and created.startswith("2026-07-01")  # not 1980-01-01


def test_a_clause_diff_takes_source_date_epoch_when_set(tmp_path, monkeypatch):
    dates, created = _clause_docx(tmp_path, "villkor/period", monkeypatch, epoch="1790000000")
    assert dates == {"2026-09-21T14:13:20Z"} and created.startswith("2026-09-21T14:13:20")


def test_a_draft_versions_changes_carry_no_made_up_date(tmp_path, monkeypatch):
    dates, _ = _clause_docx(tmp_path, "street-minds/tu-bakgrund", monkeypatch)  # v2 is an utkast
    assert dates == {None}


def test_a_changed_footnote_is_a_change_even_when_its_mark_reads_the_same():
    def document(note: str) -> Document:
        doc = Document("agreement", Metadata(title="Överenskommelse"), sections=[Section("Syfte", [
            Paragraph([Text("Peer support"), FootnoteRef([Paragraph([Text(note)])])])])])
        number_document(doc)
        return doc

    old, new = document("Stöd av personer med egen erfarenhet."), document("Stöd av personer med egen erfarenhet, se RECO.")
    assert [p.status for p in align_sections(old, new)] == ["changed"]
    data = redline_docx_bytes(old, new)
    assert_resolves(data, docx_bytes(old), docx_bytes(new))
    assert revisions(data) == {"ins": 3, "del": 3}  # each mark, and each footnote's paragraph mark and text


def test_a_word_that_turns_bold_is_a_change():
    def document(bold: bool) -> Document:
        word = Strong([Text("senast")]) if bold else Text("senast")
        doc = Document("agreement", Metadata(title="Överenskommelse"), sections=[Section("Uppsägning", [
            Paragraph([Text("Uppsägning ska ske "), word, Text(" den 30 september.")])])])
        number_document(doc)
        return doc

    old, new = document(False), document(True)
    assert [p.status for p in align_sections(old, new)] == ["changed"]  # the same words …
    data = redline_docx_bytes(old, new)
    assert deleted_and_inserted(data) == (["senast"], ["senast"])  # … but not their look
    assert_resolves(data, docx_bytes(old), docx_bytes(new))


def test_a_new_official_changes_that_name_only():
    def document(name: str) -> Document:
        doc = Document("proposal", Metadata(title="Tjänsteutlåtande"), sections=[Section("", [
            Officials([Official("Veronica Carstorp Wolgast", "Socialdirektör"), Official(name, "Avdelningschef")])])])
        number_document(doc)
        return doc

    old, new = document("Eva Ek"), document("Karin Lund")
    data = redline_docx_bytes(old, new)
    assert deleted_and_inserted(data) == (["Eva Ek"], ["Karin Lund"])
    assert_resolves(data, docx_bytes(old), docx_bytes(new))


def test_the_compared_documents_are_left_as_they_were():
    old, new = documents(EXAMPLE.parent / "street-minds-2023.yaml", "agreement"), documents(EXAMPLE, "agreement")
    before = [copy.deepcopy(d) for d in (old, new)]
    redline = redline_document(old, new, Revision("drafter", None))
    assert [old, new] == before
    marks = [i.number for s in redline.sections for i in inlines_in(s.blocks) if isinstance(i, FootnoteRef)]
    assert marks == list(range(1, len(marks) + 1)) and len(marks) >= 2  # the 2023 footnotes, numbered anew
