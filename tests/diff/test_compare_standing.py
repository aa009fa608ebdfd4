"""`drafter compare` of a renewal measures it against the agreement as it stands after its tillägg
(890 000 kr for Personal since Tillägg nr 1), not the text first signed (878 000 kr); `--lydelse
undertecknad` compares with the signed original."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.comparison import compared_documents
from drafter.model.text import document_text
from diff.test_tracked_changes import deleted_and_inserted
from diff.tracked_reader import accepted_text, assert_resolves, rejected_text
from drafter.writers.docx.writer import docx_bytes
from helpers import CLAUSES, EXAMPLE
from readback import norm

NB = "\u00a0"


LIBRARY = [CLAUSES]  # the library copy the renewal writes its drafts into (see the fixture)


def run(*args) -> str:
    result = CliRunner().invoke(main, [*map(str, args), "--clauses", str(LIBRARY[0])])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def renewal(tmp_path_factory):
    """The 2026 agreement renewed for 2029–2030 with `drafter renew`, Personal raised to 910 000 kr."""
    folder = tmp_path_factory.mktemp("standing")
    LIBRARY[0] = shutil.copytree(CLAUSES, folder / "clauses")
    for spec in EXAMPLE.parent.glob("street-minds-*.yaml"):
        shutil.copy(spec, folder / spec.name)
    run("renew", folder / EXAMPLE.name, "street-minds-2029", "--end", "2030-12-31")
    new = folder / "street-minds-2029.yaml"
    text = new.read_text(encoding="utf-8")
    assert text.count("amount: 890000") == 1  # the amount Tillägg nr 1 set, carried over
    new.write_text(text.replace("amount: 890000", "amount: 910000"), encoding="utf-8")
    return folder / EXAMPLE.name, new


def test_text_shows_890_000_to_the_new_amount_as_one_token(renewal):
    old, new = renewal
    text = run("compare", old, new)
    assert f"Personal | [-890{NB}000-]{{+910{NB}000+}}" in text
    assert f"Summa | [-1{NB}000{NB}000-]{{+1{NB}020{NB}000+}}" in text
    assert f"890{NB}000{NB}kr  →  910{NB}000{NB}kr" in text  # the table of changed data: the standing budget
    assert f"878{NB}000" not in text


def test_html_shows_the_same_token_change(renewal, tmp_path):
    old, new = renewal
    page = tmp_path / "c.html"
    run("compare", old, new, "--format", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    assert f"<del>890{NB}000</del><ins>910{NB}000</ins>" in html and f"878{NB}000" not in html


def test_docx_accept_all_is_the_renewal_and_reject_all_what_stands(renewal, tmp_path):
    old, new = renewal
    out = tmp_path / "c.docx"
    run("compare", old, new, "--format", "docx", "-o", out)
    data = out.read_bytes()
    deleted, inserted = deleted_and_inserted(data)
    assert f"890{NB}000" in deleted and f"910{NB}000" in inserted
    assert f"878{NB}000" not in deleted  # the signed figure is not what stands
    compared = compared_documents(old, new, "agreement", ClauseLibrary(LIBRARY[0]))
    assert accepted_text(data) == norm(document_text(compared.new_doc))
    assert rejected_text(data) == norm(document_text(compared.old_doc))
    assert_resolves(data, docx_bytes(compared.old_doc), docx_bytes(compared.new_doc))


def test_what_stands_has_the_inserted_point_and_the_new_ordförande(renewal):
    old, new = renewal
    standing = compared_documents(old, new, "agreement", ClauseLibrary(LIBRARY[0])).old_doc
    text = document_text(standing)
    assert "Brukarråd" in text and "Sara Ahmadi" in text and f"890{NB}000" in text
    assert "Lydelse enligt tillägg nr 1, gäller från 1 januari 2027" == standing.meta.subtitle


@pytest.mark.parametrize("option", ["undertecknad", "signed"])
def test_the_signed_original_on_request(renewal, option):
    old, new = renewal
    text = run("compare", old, new, "--lydelse", option)
    assert f"Personal | [-878{NB}000-]{{+910{NB}000+}}" in text
    assert "+ 3.3 {+Brukarråd+}  (tillagt)" in text  # inserted by Tillägg nr 1, so new against the original
    assert "För Street Minds / [-Namnförtydligande-]{+Sara Ahmadi+}, ordförande" in text  # that cell only


def test_a_point_a_tillägg_inserted_keeps_its_number_in_what_stands(renewal, tmp_path):
    # Tillägg nr 1 inserted 3.2 a Brukarråd; the renewal numbers it 3.3. The standing text showed 3.3 as
    # "(oförändrat)" with "0 omnumrerade", as if the agreement in force had a point 3.3 Brukarråd.
    old, new = renewal
    standing = compared_documents(old, new, "agreement", ClauseLibrary(LIBRARY[0])).old_doc
    numbers = {s.heading: s.number for s in standing.walk_sections()}
    assert numbers["Brukarråd"] == "3.2 a" and numbers["Samverkansgruppen"] == "3.2"
    assert numbers["Uppföljning och årlig återrapportering"] == "4"  # the count goes on after 3.2 a
    text = run("compare", old, new)
    assert "= 3.3 Brukarråd  (oförändrat, omnumrerat från 3.2 a)" in text
    assert ", 1 omnumrerade," in text
    page = tmp_path / "c.html"
    run("compare", old, new, "--format", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    assert "omnumrerat från 3.2 a" in html and "1 omnumrerade" in html


def test_a_date_still_to_fill_in_is_shown_as_such(renewal):
    # The renewal's document.date is ÅÅÅÅ-MM-DD; compare showed "2026-07-01 → 2001-01-02", the stand-in.
    text = run("compare", *renewal)
    (line,) = [line for line in text.splitlines() if "Dokument: datum" in line]
    assert "2026-07-01  →  ÅÅÅÅ-MM-DD (ej ifyllt)" in line and "2001" not in text
