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
    assert ("slutligt men inte låst: en undertecknad text får inte ändras, så nästa bygge vägras när versionen "
            "fastställdes efter dokumentets datum (clause-approved-after-date) eller dokumentet har byggts förut "
            "(clause-version-changed). Skriv villkor/uppsagning@1 i specen och lås det med") in page
    assert "slutligt men inte låst: lås det med" not in page


def test_the_page_refuses_to_build_a_final_document_an_approval_would_change(client, project):
    from tests.web.conftest import TOKEN

    path = project / "agreements" / "street-minds-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      - villkor/uppsagning@1\n",
                                                             "      - villkor/uppsagning\n"), encoding="utf-8")
    # v1 fastställd before the agreement's date (the library's copy says 2026-07-01, when it was taken in),
    # else the slutlig agreement naming it without a version is refused at once (clause-approved-after-date)
    v1 = project / "clauses" / "villkor" / "uppsagning" / "v1.md"
    v1.write_text(v1.read_text(encoding="utf-8").replace("\n  date: 2026-07-01\n", "\n  date: 2023-06-15\n", 1),
                  encoding="utf-8")
    first = client.post("/spec/street-minds-2023/build", data={"csrf": TOKEN})
    assert first.status_code == 200, first.text
    signed = (project / "output" / "street-minds-2023" / "street-minds-2023-overenskommelse.pdf").read_bytes()
    client.post("/clauses/approve", data={"csrf": TOKEN, "id": "villkor/uppsagning", "version": "2",
                                          "by": "Kommunfullmäktige i Stockholms stad",
                                          "organisation": "Stockholms stad", "date": "2026-11-20"})
    again = client.post("/spec/street-minds-2023/build", data={"csrf": TOKEN})
    page = html.unescape(again.text)
    assert ("Klausulen villkor/uppsagning@2 (Uppsägning) fastställdes 2026-11-20 (Kommunfullmäktige i Stockholms "
            "stad), efter dokumentets datum 2023-07-01") in page  # refused by its date, manifest or not
    assert ("Skriv villkor/uppsagning@1 i specen (version 1 gällde den 1 juli 2023; version 2 fastställdes "
            "2026-11-20, efter överenskommelsens datum)") in page
    assert (project / "output" / "street-minds-2023" / "street-minds-2023-overenskommelse.pdf").read_bytes() == signed
