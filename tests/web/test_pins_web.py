"""The web page gives the same pin as `drafter check`: the version in force on the agreement's date,
not the one a later approval brought (tests/checks/test_pins.py)."""

from __future__ import annotations

import html


def test_the_spec_page_advises_the_version_in_force_on_the_agreements_date(client, project):
    from tests.web.conftest import TOKEN

    path = project / "agreements" / "street-minds-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      - villkor/uppsagning@1\n",
                                                             "      - villkor/uppsagning\n"), encoding="utf-8")
    v1 = project / "clauses" / "villkor" / "uppsagning" / "v1.md"  # fastställd before the agreement's date
    v1.write_text(v1.read_text(encoding="utf-8").replace("\n  date: 2026-07-01\n", "\n  date: 2023-06-15\n", 1),
                  encoding="utf-8")
    approved = client.post("/clauses/approve", data={"csrf": TOKEN, "id": "villkor/uppsagning", "version": "2",
                                                     "by": "Kommunfullmäktige i Stockholms stad",
                                                     "organisation": "Stockholms stad", "date": "2026-11-20"})
    assert approved.status_code == 200, approved.text
    page = html.unescape(client.get("/spec/street-minds-2023").text)
    advice = ("Skriv villkor/uppsagning@1 (version 1 gällde den 1 juli 2023; version 2 fastställdes 2026-11-20, "
              "efter överenskommelsens datum)")
    assert advice in page
    assert "Skriv villkor/uppsagning@2" not in page
    built = html.unescape(client.post("/spec/street-minds-2023/build", data={"csrf": TOKEN}).text)
    assert "så bygget vägras" in built and advice.replace("@1 (", "@1 i specen (") in built
    assert not (project / "output" / "street-minds-2023").exists()
