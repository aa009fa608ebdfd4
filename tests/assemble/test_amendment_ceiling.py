"""The tjänsteutlåtande om ett tillägg that raises the grant above the nämnd's ceiling asks the nämnd to
raise the ceiling too (a delegate decides only within it, kommunallagen 6 kap. 37–40 §§), and says what
the raised grant means in the extensions. Åsby kommun's kultur- och fritidsnämnd (not the example):
400 000 kr a year for 2027–2028, renewable by calendar year to 2030, raised to 460 000 kr from 1 juli 2027."""

from __future__ import annotations

import io
import json

from docx import Document as open_docx
from pypdf import PdfReader

from assemble.test_amendment_proposal import dt, kommun, write
from drafter.build import BuildOptions, build
from drafter.clauses.library import ClauseLibrary
from drafter.pipeline import check_spec
from drafter.spec.load import load_spec
from helpers import CLAUSES
from readback import norm


def renewable(ceiling: int, decision: dict | None = None) -> dict:
    data = kommun()
    data["period"]["renewal"] = {"unit": "kalenderår", "max_end": dt("2030-12-31"), "notice_deadline": "09-30"}
    data["decision"].update(ceiling={"amount": ceiling, "per": "år"}, latest_end=dt("2030-12-31"))
    data["amendments"][0]["decision"].update(decision or {})
    return data


def proposal_texts(tmp_path, data: dict, formats=("docx",)) -> list[str]:
    manifest = build(write(tmp_path, data), BuildOptions(out_dir=tmp_path / "out", formats=formats,
                                                         library=ClauseLibrary(CLAUSES)))
    (doc,) = [d for d in json.loads(manifest.read_text(encoding="utf-8"))["documents"]
              if d["kind"] == "addendum-proposal"]
    out = []
    for fmt, name in sorted(doc["files"].items()):
        data_bytes = (manifest.parent / name).read_bytes()
        if fmt == "docx":
            out.append(norm(" ".join(p.text for p in open_docx(io.BytesIO(data_bytes)).paragraphs)))
        else:
            out.append(norm(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data_bytes)).pages)))
    return out


def test_a_raise_above_the_ceiling_asks_for_a_new_ceiling_and_counts_the_extensions(tmp_path):
    for text in proposal_texts(tmp_path, renewable(420000), formats=("docx", "pdf")):
        assert ("Kultur- och fritidsnämnden beslutar att taket för bidraget till partnerskapet, högst 420 000 kr "
                "per år enligt kultur- och fritidsnämndens beslut om överenskommelsen den 10 december 2026, § 88, "
                "höjs till högst 460 000 kr per år.") in text
        # 60 000 kr a year more in 2029 and 2030, the two extensions, said apart from the period's 2028 (trial8)
        assert ("Om överenskommelsen därefter förlängs enligt sina villkor, längst till och med den 31 december "
                "2030, gäller det utökade bidraget också i förlängningarna: 460 000 kr per år i stället för "
                "400 000 kr, sammanlagt 120 000 kr mer. Bidraget för förlängningarna förutsätter på samma sätt "
                "medel i kultur- och fritidsnämndens budget för respektive år.") in text
        assert ("Bidraget för 2028 förutsätter att kultur- och fritidsnämnden har medel för partnerskapet i sin "
                "budget för det året.") in text
        # the ceiling is raised before the money over it is granted (trial8, item 6)
        assert text.index("höjs till högst 460 000") < text.index("beviljar ett utökat bidrag")
        assert text.index("beviljar ett utökat bidrag") < text.index("uppdrar åt förvaltningschefen att underteckna")


def test_the_ceiling_point_comes_before_the_money_and_the_signing_point_last(tmp_path):
    (pdf,) = proposal_texts(tmp_path, renewable(420000), formats=("pdf",))
    assert "2. Kultur- och fritidsnämnden beslutar att taket" in pdf
    assert "3. Kultur- och fritidsnämnden beviljar ett utökat bidrag" in pdf
    assert "4. Kultur- och fritidsnämnden uppdrar åt förvaltningschefen" in pdf


def test_within_the_ceiling_there_is_no_ceiling_point(tmp_path):
    (text,) = proposal_texts(tmp_path, renewable(500000))
    assert "taket" not in text and "uppdrar åt förvaltningschefen att underteckna tillägget" in text


def test_a_ceiling_the_tillaggs_decision_states_is_the_one_proposed(tmp_path):
    (text,) = proposal_texts(tmp_path, renewable(420000, {"ceiling": {"amount": 500000, "per": "år"}}))
    assert "höjs till högst 500 000 kr per år." in text


def test_the_raised_ceiling_is_the_frame_of_a_later_delegates_tillagg(tmp_path):
    data = renewable(420000)
    data["decision"]["delegations"] = [{"to": "förvaltningschefen"}]
    data["amendments"].append({"number": 2, "date": dt("2028-01-20"), "effective": dt("2028-02-01"),
                               "decision": {"by": "förvaltningschefen", "date": dt("2028-01-15")},
                               "changes": [{"set": {"budget.rows": [{"item": "Personal", "amount": 380000},
                                                                    {"item": "Lokaler", "amount": 100000}]}}]})
    found = [f for f in check_spec(load_spec(write(tmp_path, data)), ClauseLibrary(CLAUSES))
             if f.code == "decision-ceiling"]
    assert len(found) == 1 and "Efter tillägg nr 2" in found[0].message
    assert "460\u00a0000\u00a0kr per år som kultur- och fritidsnämnden beslutade genom tillägg nr 1" in found[0].message
