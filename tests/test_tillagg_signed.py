"""A signed tillägg to a partnership of our own, as `verify`, `lock` and the consolidated version say it:
a tillägg whose text is all the spec's own has no clause versions (verify printed "Klausulversioner: ."
and lock "0 klausulversioner"), and the consolidated version, never signed, does not say "Status:
Slutlig" beside "Konsoliderad version – ej undertecknad"."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from pypdf import PdfReader

from drafter.cli import main
from helpers import CLAUSES
from own_partnership import EXTRA, amendment, signed


def run(library, *args):
    result = CliRunner().invoke(main, [*map(str, args), "--clauses", str(library)], prog_name="drafter")
    assert result.exit_code == 0, result.output
    return result.output


def test_a_signed_tillagg_verifies_and_the_consolidated_version_says_it_is_unsigned(tmp_path):
    library = shutil.copytree(CLAUSES, tmp_path / "clauses")
    spec = signed(tmp_path, library, [amendment(1, [
        {"insert_after": "5.1", "heading": "Extra bidrag för sommaren", "text": EXTRA},
        {"set": {"other_amounts.sommar": {"amount": 45000, "kind": "annat", "item": "Sommar"}}}])])
    out = tmp_path / "output"
    run(library, "build", spec, "--format", "pdf", "-o", out)
    said = run(library, "lock", spec, "--document", "tillagg-1", "--future-date")  # dated 2027
    assert "inga klausulversioner (hela texten kommer ur specen)" in said and "0 klausulversioner" not in said
    built = out / "laxhjalp-tensta-2026"
    verified = run(library, "verify", built / "laxhjalp-tensta-2026-tillagg-1.pdf", spec)
    assert "ok:" in verified and "tillägg nr 1" in verified
    assert "Klausulversioner: ." not in verified and "Klausulversioner: inga" in verified
    page = PdfReader(built / "laxhjalp-tensta-2026-overenskommelse-konsoliderad.pdf").pages[0].extract_text()
    assert "Konsoliderad version – ej undertecknad" in page
    assert "Konsoliderad, ej undertecknad" in page and "Slutlig" not in page
    signed_page = PdfReader(built / "laxhjalp-tensta-2026-overenskommelse.pdf").pages[0].extract_text()
    assert "Slutlig" in signed_page  # the signed agreement is slutlig, and says so
