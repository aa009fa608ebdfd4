"""The web preview of a spec still holding placeholders shows the placeholders, never their stand-ins
("2 januari 2001", "000000-0000", "0 kr") as if they were the agreement's dates, numbers and amounts."""

from __future__ import annotations

import shutil

from drafter.newspec import new_spec_text
from drafter.swedish.format import tal
from drafter.web import service
from helpers import CLAUSES, example_data, write_spec


def fresh_project(tmp_path, text: str | None = None) -> service.Project:
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    (tmp_path / "agreements").mkdir()
    (tmp_path / "agreements" / "ny.yaml").write_text(text or new_spec_text("ny", tmp_path / "clauses"),
                                                     encoding="utf-8")
    return service.Project(tmp_path)


def previewed(project: service.Project) -> tuple[service.Inspection, dict[str, str]]:
    result = service.inspect_text(project, "ny", service.read_spec_text(project, "ny"))
    assert not result.errors, result.errors
    return result, {key: service.document_text(result, key) for key, _ in service.preview_documents(result)}


def test_a_fresh_spec_previews_its_placeholders_not_their_stand_ins(tmp_path):
    result, texts = previewed(fresh_project(tmp_path))
    assert set(texts) == {"agreement", "proposal"}
    for text in texts.values():
        assert "2001" not in text and "2 januari" not in text and "000000-0000" not in text
        assert "0\xa0kr" not in text and "31 december" not in text
        assert "organisationsnummer NNNNNN-NNNN" in text
        assert "från och med den ÅÅÅÅ-MM-DD till och med den ÅÅÅÅ-MM-DD" in text
        assert "bidrag till partnerskapet om N\xa0kr för 12 månader" in text
        assert "senast den MM-DD under den period som pågår" in text or "senast den MM-DD närmast före den dag då perioden löper ut" in text
    assert "Personal N\nLokaler N\nAktiviteter N\nÖvrigt N\nSumma N" in texts["agreement"]  # the budget table
    # Ekonomiska konsekvenser@3: the förvaltning's own assessment, asked for, no year claimed to fit the budget
    assert "[Ryms bidraget i nämndens budget? Förvaltningens bedömning]" in texts["proposal"]
    assert "ryms inom" not in texts["proposal"]
    for doc in result.documents:
        assert ("Datum", "ÅÅÅÅ-MM-DD") in doc.meta.letterhead.references
    assert sum(f.code == "placeholder" for f in result.findings) >= 30  # the checks still say what to fill in


def test_the_preview_leaves_the_documents_the_pipeline_gave_as_they_are(tmp_path):
    """Only the preview's copy changes: prepare's documents (which a cache may hold) keep the stand-ins."""
    from drafter.pipeline import prepare
    from drafter.spec.load import load_spec
    from drafter.model.text import block_lines
    from drafter.web.stand_ins import with_placeholders_shown

    project = fresh_project(tmp_path)
    loaded = load_spec(tmp_path / "agreements" / "ny.yaml")
    documents = prepare(loaded, project.library()).documents
    shown = with_placeholders_shown(documents, loaded)
    lines = [line for doc in documents for s in doc.walk_sections() for b in s.blocks for line in block_lines(b)]
    assert any("2 januari 2001" in line for line in lines)
    assert shown is not documents and shown[0].meta.letterhead is not documents[0].meta.letterhead
    loaded.placeholders = []
    assert with_placeholders_shown(documents, loaded) is documents


def test_a_real_value_beside_a_placeholder_is_left_as_written(tmp_path):
    """Only the notice day is left open: the period's real end (31 december 2026) and the real amounts
    stay; the notice day reads MM-DD where the clause says it, and nowhere else."""
    data = example_data()
    data["period"]["renewal"]["notice_deadline"] = "MM-DD"
    data["period"]["end"] = "2026-12-31"
    data["budget"]["rows"][0]["amount"] = "N"
    write_spec(tmp_path, data, "spec.yaml")
    project = fresh_project(tmp_path / "p", (tmp_path / "spec.yaml").read_text(encoding="utf-8"))
    _, texts = previewed(project)
    agreement = texts["agreement"]
    assert "31 december 2026" in agreement
    assert "senast den MM-DD" in agreement and "senast den 31 december" not in agreement
    assert "2001" not in agreement
    # The open budget row, and the sum of the others, which is not the budget's sum until it is filled in.
    # A real 0 (Konsulter) stays 0.
    rows = "\n".join(f"{row['item']} {tal(row['amount'])}" for row in data["budget"]["rows"][1:])
    assert f"Personal N\n{rows}\nSumma N\n" in agreement and "Konsulter 0\n" in rows


def test_a_notice_date_computed_from_a_placeholder_is_shown_as_one(tmp_path):
    """villkor/uppsagning@3 states the notice calendar's first deadline as a date; with the notice day
    still MM-DD it would be computed from the stand-in (31 december) and read as a fact."""
    text = new_spec_text("ny", CLAUSES)
    text = text.replace("  start: ÅÅÅÅ-MM-DD", "  start: 2026-07-01", 1).replace("  end: ÅÅÅÅ-MM-DD", "  end: 2028-06-30", 1)
    text = text.replace("    max_end: ÅÅÅÅ-MM-DD", "    max_end: 2030-06-30", 1).replace("unit: kalenderår", "unit: år", 1)
    assert "notice_deadline: MM-DD" in text
    _, texts = previewed(fresh_project(tmp_path, text))
    agreement = " ".join(texts["agreement"].split())
    assert ("För att överenskommelsen ska upphöra den 30 juni 2028 ska uppsägningen ha kommit fram till de andra "
            "parterna senast den ÅÅÅÅ-MM-DD.") in agreement  # not "31 december 2027", from the stand-in 12-31
    assert "31 december" not in agreement
    assert "förlängs den med ett år, till och med den 30 juni 2029" in agreement  # from the dates filled in
