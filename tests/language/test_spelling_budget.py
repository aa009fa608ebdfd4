"""The false-alarm budget: on the example documents as built (DOCX read back), at most 10 words hunspell
does not know once the project's word list and the specs' names are added."""

import re
import zipfile

import pytest
from click.testing import CliRunner

from drafter.checks.context import CheckContext
from drafter.checks.language import spec_names
from drafter.cli import main
from drafter.clauses.library import ClauseLibrary
from drafter.language.spelling import Speller
from drafter.spec.load import load_spec
from helpers import CLAUSES, ROOT
from language.support import needs_hunspell

SPECS = sorted((ROOT / "agreements").glob("*.yaml"))
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def docx_text(path) -> str:
    """Every paragraph of the body, headers, footers and footnotes, one a line, as Word shows them."""
    lines = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|footnotes|header\d*|footer\d*)\.xml", name):
                xml = z.read(name).decode("utf-8").replace("<w:br/>", "<w:t> </w:t>")  # a line break parts words
                lines += ["".join(_TEXT.findall(p)) for p in _PARAGRAPH.findall(xml)]
    return "\n".join(lines).replace("&amp;", "&")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("byggt")
    result = CliRunner().invoke(main, ["build", *map(str, SPECS), "-o", str(out), "--format", "docx", "--force",
                                       "--jobs", "1", "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    return out


@needs_hunspell
def test_at_most_ten_unknown_words_in_the_built_examples(built):
    unknown = []
    for spec in SPECS:
        names = spec_names(CheckContext(load_spec(spec), ClauseLibrary(CLAUSES)))
        files = sorted((built / spec.stem).glob("*.docx"))
        assert len(files) >= 2
        for docx in files:
            unknown += [f"{docx.name}: {w}" for w in Speller(names).misspelled(docx_text(docx))]
    assert len(unknown) <= 10, "\n".join(unknown)
    # Judged: "jamm" (musik/jamm-grupper) is a real slip – Swedish writes jam (jamgrupper). Both the
    # 2026 agreement and its consolidated version carry it; nothing else is unknown today.
    assert sorted(unknown) == ["street-minds-2026-overenskommelse-konsoliderad.docx: jamm",
                               "street-minds-2026-overenskommelse.docx: jamm"]
