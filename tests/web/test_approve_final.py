"""The clause page's Fastställ says that a slutlig, unlocked spec whose text the approval would change
is refused at its next build, and what to do (trial4: it only said "slutligt men inte låst")."""

from __future__ import annotations

import html


def test_the_page_says_a_final_document_will_be_refused_and_what_to_pin(client, project):
    from tests.web.conftest import TOKEN

    path = project / "agreements" / "street-minds-2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert "      - villkor/uppsagning@1\n" in text
    path.write_text(text.replace("      - villkor/uppsagning@1\n", "      - villkor/uppsagning\n"), encoding="utf-8")
    answer = client.post("/clauses/approve", data={"csrf": TOKEN, "id": "villkor/uppsagning", "version": "2",
                                                   "by": "Kommunfullmäktige i Stockholms stad",
                                                   "organisation": "Stockholms stad", "date": "2026-11-20"})
    assert answer.status_code == 200, answer.text
    page = html.unescape(answer.text)
    assert "street-minds-2023.yaml: överenskommelsen: villkor/uppsagning v1 → v2" in page
    assert ("slutligt men inte låst: en undertecknad text får inte ändras, så nästa bygge vägras när dokumentet "
            "har byggts förut (clause-version-changed). Skriv villkor/uppsagning@1 i specen och lås det med") in page
    assert "slutligt men inte låst: lås det med" not in page
