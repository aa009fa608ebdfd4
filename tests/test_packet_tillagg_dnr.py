"""Which diarienummer the nämnd packet for a tillägg shows (trial8 §8, trial6 §7e): every page of the
packet is a handling of the ärende the nämnd decides – the tjänsteutlåtande and its Bilaga 1, "Förslag till
tillägg nr 1" – so every running header gives that ärende's diarienummer
(`amendments[].proposal.diarienummer`). The Bilaga's text still names the agreement it changes by its
own diarienummer, and the tillägg to sign, part of the agreement, stays under the agreement's."""

from __future__ import annotations

import io

from pypdf import PdfReader

from assemble.test_amendment_proposal import built, kommun
from readback import norm

CASE, AGREEMENT = "KFN 2027/0301", "KFN 2026/311"


def _pages(data: bytes) -> list[str]:
    return [norm(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def test_every_page_of_the_packet_is_under_the_arendes_diarienummer(tmp_path):
    data = kommun()
    data["amendments"][0]["proposal"]["diarienummer"] = CASE
    files = built(tmp_path, data)
    pages = _pages(files["spec-handlingar-tillagg-1.pdf"]["pdf"])
    bilaga = [p for p in pages if "Förslag till tillägg nr 1" in p or "Tillägget gäller från" in p]
    assert len(pages) >= 3 and bilaga
    assert all(f"Dnr {CASE}" in p and f"Dnr {AGREEMENT}" not in p for p in pages)
    assert any(f"daterad den 15 december 2026, diarienummer {AGREEMENT}." in p for p in bilaga)
    signed = _pages(files["addendum"]["pdf"])
    assert all(f"Dnr {AGREEMENT}" in p and CASE not in p for p in signed)


def test_without_its_own_diarienummer_the_packet_keeps_the_agreements(tmp_path):
    pages = _pages(built(tmp_path, kommun())["spec-handlingar-tillagg-1.pdf"]["pdf"])
    assert all(f"Dnr {AGREEMENT}" in p for p in pages)
