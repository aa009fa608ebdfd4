"""The tillägg in the form a kommunjurist signs, read back from the DOCX (python-docx) and the PDF
(pypdf): its date under the title, each new wording set off 1 cm from the instructions around it,
and the consolidated agreement's notes ("Införd genom …" for the inserted point)."""

from __future__ import annotations

import io

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.shared import Twips

from readback import read

LEAD_INSERT = "Det ska införas en ny punkt, 3.2 a, av följande lydelse:"
LEAD_REPLACE = "Punkt 5.2 Ekonomisk ersättning ska ha följande lydelse:"
QUOTED = "Föreningen inrättar ett brukarråd"
CM_IN_PT = 72 / 2.54


@pytest.fixture(scope="module")
def addendum_docx(example_files):
    return open_docx(io.BytesIO(example_files["street-minds-2026-tillagg-1.docx"].read_bytes()))


def _left(paragraph) -> int:
    return paragraph.paragraph_format.left_indent or 0


def test_docx_tillagg_is_dated_under_its_title(addendum_docx):
    texts = [p.text for p in addendum_docx.paragraphs if p.text]
    title = next(i for i, t in enumerate(texts) if t.startswith("Tillägg nr 1 till överenskommelse om"))
    assert texts[title + 1] == "Stockholm den 15 december 2026"


def test_docx_new_wording_is_indented_and_the_instructions_are_not(addendum_docx):
    paragraphs = [p for p in addendum_docx.paragraphs if p.text]
    texts = [p.text for p in paragraphs]
    start, end = texts.index(LEAD_INSERT), texts.index(LEAD_REPLACE)
    assert _left(paragraphs[start]) == _left(paragraphs[end]) == 0
    quoted = paragraphs[start + 1:end]
    assert [p.text for p in quoted][:2] == ["3.2 a Brukarråd", QUOTED + " med deltagare i den öppna verksamheten. "
                                            "Brukarrådet träffas minst en gång i månaden och lämnar förslag om "
                                            "verksamhetens innehåll till samverkansgruppen."]
    assert all(_left(p) == Twips(567) for p in quoted)
    assert _left(paragraphs[end + 1]) == Twips(567) and paragraphs[end + 1].text == "5.2 Ekonomisk ersättning"
    (table,) = [t for t in addendum_docx.tables if "Personal" in [c.text for c in t.columns[0].cells]]
    indent = table._tbl.tblPr.find(qn("w:tblInd"))
    assert indent is not None and indent.get(qn("w:w")) == "567"
    after = next(i for i, t in enumerate(texts) if t.endswith("Ikraftträdande")) + 1
    assert texts[after] == "Tillägget gäller från och med den 1 januari 2027." and _left(paragraphs[after]) == 0


def _line_starts(pdf: bytes, page: int = 0) -> dict[str, float]:
    """The x (pt) at which each text run on the page begins, by its first 30 characters."""
    starts: dict[str, float] = {}

    def visitor(text, cm, tm, font, size):
        if text.strip() and tm:
            starts.setdefault(text.strip()[:30], cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    read(pdf).pages[page].extract_text(visitor_text=visitor)
    return starts


def test_pdf_new_wording_is_indented_one_cm_and_the_tillagg_is_dated(example_files):
    pdf = example_files["street-minds-2026-tillagg-1.pdf"].read_bytes()
    text = read(pdf).pages[0].extract_text()
    assert "Stockholm den 15 december 2026" in text and LEAD_INSERT in text
    assert "daterad den 1 juli 2026" in " ".join(text.split())
    starts = _line_starts(pdf)
    lead = starts[LEAD_INSERT[:30]]
    assert starts[LEAD_REPLACE[:30]] == pytest.approx(lead, abs=0.5)
    assert starts[QUOTED[:30]] - lead == pytest.approx(CM_IN_PT, abs=0.5)
    assert starts["Personal"] - lead == pytest.approx(CM_IN_PT + 4.25, abs=0.5)  # the table too (cell padding)
    assert starts["Socialförvaltningens ersättnin"] - lead == pytest.approx(CM_IN_PT, abs=0.5)


def test_consolidated_marks_the_inserted_point_as_inserted(example_files):
    docx = open_docx(io.BytesIO(example_files["street-minds-2026-overenskommelse-konsoliderad.docx"].read_bytes()))
    texts = [p.text for p in docx.paragraphs]
    brukarrad = texts.index("3.2 a Brukarråd")
    note = next(t for t in texts[brukarrad:] if "tillägg nr 1" in t)
    assert note == "Införd genom tillägg nr 1, gäller från 1 januari 2027."
    assert texts.count("Lydelse enligt tillägg nr 1, gäller från 1 januari 2027.") == 1  # 5.2 only
    pdf = read(example_files["street-minds-2026-overenskommelse-konsoliderad.pdf"].read_bytes())
    whole = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Införd genom tillägg nr 1, gäller från 1 januari 2027." in whole
    assert whole.count("Lydelse enligt tillägg nr 1, gäller från 1 januari 2027.") == 1


def test_a_repealed_point_carries_one_marker_in_docx_and_pdf(tmp_path):
    from assemble.test_amend_defects import _spec
    from drafter.build import BuildOptions, build
    from drafter.clauses.library import ClauseLibrary
    from helpers import CLAUSES

    spec = _spec(tmp_path, [{"remove": "2.8"}, {"set": {"period.renewal.notice_deadline": "10-31"}}])
    out = build(spec, BuildOptions(out_dir=tmp_path / "out", library=ClauseLibrary(CLAUSES))).parent
    marker = "Punkten har upphört att gälla genom tillägg nr 1 från och med den 1 januari 2027."
    texts = [p.text for p in open_docx(out / "spec-overenskommelse-konsoliderad.docx").paragraphs if p.text]
    at = texts.index("2.8 Informationsspridning")
    assert texts[at + 1:at + 3] == [marker, "3. Partnerskapets struktur och organisation"]
    pdf = " ".join(" ".join(p.extract_text().split()) for p in read((out / "spec-overenskommelse-konsoliderad.pdf")
                                                                     .read_bytes()).pages)
    assert f"2.8 Informationsspridning {marker} 3. Partnerskapets struktur" in pdf
    addendum = " ".join(" ".join(p.extract_text().split()) for p in read((out / "spec-tillagg-1.pdf").read_bytes()).pages)
    assert "Punkt 2.8 Informationsspridning ska upphöra att gälla. Punkt 5.1 Period för partnerskapet ska ha " \
           "följande lydelse: 5.1 Period" in addendum  # 5.1 and 5.8 both name the notice day
    assert "Punkt 5.8 Uppsägning av överenskommelse om partnerskap ska ha följande lydelse: 5.8 Uppsägning" in addendum
    assert "tillbaka redan utbetalda medel enligt punkt 5.7." in addendum
