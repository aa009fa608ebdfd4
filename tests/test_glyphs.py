"""Text the PDF fonts cannot show: `drafter check` reports what `drafter build` stops with (issue 21,
item 16), from one function (writers/pdf/glyphs.py) that reads the bundled fonts' character maps."""

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter import glyphs
from helpers import CLAUSES
from test_robustness import base_spec

typst = pytest.importorskip("typst")

# Swedish and typographic characters, other scripts, symbols, and characters Typst's own fonts have
# but Liberation lacks (ℵ, ꝏ).
SAMPLE = "AåÄöÉü–—‘’“”„…•€§°±×÷½²µ\u00a0\u2009\u202f\u00adΩπЖж№™©®→↔≤≥∞√ℵꝏ漢한🎉ǅŉ"


def _typst_shows(char: str, tmp_path) -> bool:
    source = tmp_path / "prov.typ"
    source.write_text(f'#set text(font: "Liberation Serif")\nx{char}x\n', encoding="utf-8")
    compiler = typst.Compiler(source, root=tmp_path, ignore_system_fonts=True, font_paths=typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[glyphs.FONTS]))
    try:
        compiler.compile(format="pdf", pdf_standards=["a-2b"])
    except Exception as exc:  # noqa: BLE001 (typst's own error type)
        assert "could not be displayed" in str(exc), exc
        return False
    return True


def test_the_fonts_character_maps_agree_with_typst(tmp_path):
    verdicts = {char: (ord(char) in glyphs.showable(), _typst_shows(char, tmp_path)) for char in SAMPLE}
    assert {c: v for c, v in verdicts.items() if v[0] != v[1]} == {}
    assert not verdicts["ℵ"][1] and not verdicts["🎉"][1] and verdicts["€"][1]


def test_a_build_without_pdf_is_not_stopped(tmp_path):
    spec = base_spec(tmp_path, lambda d: d["document"].__setitem__("place", "Stockholm ℵ"))
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out"), "--clauses", str(CLAUSES),
                                       "--format", "docx"])
    assert result.exit_code == 0, result.output


def test_the_examples_hold_nothing_the_fonts_lack():
    from drafter.clauses.library import ClauseLibrary
    from drafter.pipeline import prepare
    from helpers import EXAMPLE

    assert glyphs.unshowable(prepare(EXAMPLE, ClauseLibrary(CLAUSES)).documents) == ""


def test_the_first_run_without_glyphs_is_found_past_the_texts_that_have_all_of_theirs():
    """unshowable skips a text whose every character has a glyph at once; the first text that lacks one
    still gives its first run, whole, as a character-by-character look does."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.pipeline import prepare
    from helpers import EXAMPLE

    assert glyphs._showable_chars() == frozenset(chr(c) for c in glyphs.showable()) | {"\n", "\r", "\t"}
    documents = prepare(EXAMPLE, ClauseLibrary(CLAUSES)).documents
    documents[-1].meta.title = "Överenskommelse\tom ℵℶ och ☃"
    documents[-1].meta.subtitle = "ℷ"
    assert glyphs.unshowable(documents) == "ℵℶ"
    documents[0].meta.title += " ☃"
    assert glyphs.unshowable(documents) == "☃"
