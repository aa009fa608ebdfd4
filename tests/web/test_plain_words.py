"""The web page in words an official uses (trial 11, Farsta stadsdelsnämnd): texts labelled by their
heading, help without command-line jargon, and a Nytt partnerskap form that keeps what was typed."""

from __future__ import annotations

import re
from html import unescape

from tests.web.conftest import TOKEN


def label_of(page: str, field_id: str) -> str:
    match = re.search(rf'<label for="{field_id}">(.*?)</label>', page, re.S)
    assert match, field_id
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


def hint_of(page: str, field_id: str) -> str:
    match = re.search(rf'<p class="hint" id="h-{field_id}">(.*?)</p>', page, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))) if match else ""


def test_the_partnerships_texts_are_labelled_by_their_heading_with_the_key_beside(client):
    assert client.post("/new", data={"csrf": TOKEN, "name": "laxhjalp-farsta-2027", "proposal": "stadsdelsnamnd"},
                       follow_redirects=False).status_code == 303
    page = client.get("/spec/laxhjalp-farsta-2027").text
    expected = {"ataganden": "Åtaganden", "stadsdelsomradet": "Förutsättningar i stadsdelsområdet",
                "forvaltningens-bedomning": "Förvaltningens bedömning",
                "bakgrund-utlatande": "Bakgrund (tjänsteutlåtandet)",
                "rattslig-lou": "Rättslig bedömning – upphandling (LOU)",
                "ekonomi-budget": "Ekonomiska konsekvenser – budgeten"}
    for key, label in expected.items():
        assert label_of(page, f"f-texts-{key}").startswith(label), (key, label_of(page, f"f-texts-{key}"))
        assert f"Namn i specen: {key}" in hint_of(page, f"f-texts-{key}")


def test_a_text_no_heading_names_gets_its_key_as_words(client, project):
    path = project / "agreements" / "street-minds-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("texts:\n", "texts:\n  egen-text_nr2: Något.\n", 1),
                    encoding="utf-8")
    page = client.get("/spec/street-minds-2026").text
    assert label_of(page, "f-texts-egen-text_nr2").startswith("Egen text nr2")
    assert "inget avsnitt" in hint_of(page, "f-texts-egen-text_nr2")
