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


def test_a_bad_new_name_is_said_under_the_field_with_what_was_wrong_a_suggestion_and_the_rest_kept(client, project):
    answer = client.post("/new", data={"csrf": TOKEN, "name": "Läxhjälp Farsta 2027", "proposal": "stadsdelsnamnd",
                                       "barn": "ja", "partnership": ""})
    assert answer.status_code == 400
    page = answer.text
    error = re.search(r'<p class="finding error" role="alert" id="new-name-error">(.*?)</p>', page, re.S)
    assert error, "felet står inte under namnfältet"
    said = unescape(error.group(1))
    assert "mellanslag" in said and "versaler" in said and "å, ä eller ö" in said
    assert "laxhjalp-farsta-2027" in said
    assert 'value="Läxhjälp Farsta 2027"' in page
    assert re.search(r'<option value="stadsdelsnamnd" selected>', page)
    assert re.search(r'id="new-barn"[^>]*checked', page)
    # one rule, said the same way in the hint and in the error
    hint = unescape(re.search(r'id="new-name-hint">(.*?)</p>', page, re.S).group(1))
    rule = "små bokstäver a–z, siffror och bindestreck (inga mellanslag, inga versaler, inte å, ä eller ö)"
    assert rule in hint.lower() and rule in said.lower()
    assert "och _" not in page
    assert not (project / "agreements" / "laxhjalp-farsta-2027.yaml").exists()


def test_the_suggested_name_works(client, project):
    assert client.post("/new", data={"csrf": TOKEN, "name": "laxhjalp-farsta-2027"},
                       follow_redirects=False).status_code == 303


def test_the_overview_explains_without_command_line_jargon(client):
    page = unescape(client.get("/").text)
    visible = re.sub(r'<span class="cli">.*?</span>', "", page, flags=re.S)
    for jargon in ("Som drafter", "<code>partnership:</code>", "<code>renews:</code>", "Som <code>"):
        assert jargon not in visible, jargon
    assert "drafter new --partnership" in page  # the command line's form stays, as a secondary hint


def test_the_editors_hints_say_what_a_field_means_not_how_the_file_spells_it(client):
    page = client.get("/spec/street-minds-2026").text
    renews, signed, partnership = (hint_of(page, f) for f in ("f-renews", "f-document-signed", "f-partnership"))
    assert label_of(page, "f-renews") == "Förnyar överenskommelsen"
    assert "sökväg" not in renews and "ersätter" in renews
    assert "true" not in signed and "false" not in signed and "Kryssa i" in signed
    assert "renews:" not in partnership and "clauses/" not in partnership


def test_the_renewal_page_ends_with_what_to_do_here(client):
    answer = client.post("/renew", data={"csrf": TOKEN, "from": "street-minds-2026", "name": "street-minds-2029",
                                         "end": "2030-12-31"})
    assert answer.status_code == 200, answer.text
    last = unescape(re.search(r'<p id="renew-next">(.*?)</p>', answer.text, re.S).group(1))
    visible = re.sub(r'<span class="cli">.*?</span>', "", last, flags=re.S)
    assert "drafter" not in visible and "öppna den nya specen" in visible
    assert "drafter check agreements/street-minds-2029.yaml" in last


def test_the_compare_report_opens_in_drafters_page_with_a_way_back(client):
    page = client.get("/compare").text
    assert 'action="/compare/view"' in page and 'target="_blank"' not in page
    view = client.get("/compare/view?old=street-minds-2026&new=street-minds-2026&document=agreement&lydelse=gallande")
    assert view.status_code == 200
    assert 'href="/"' in view.text and "Tillbaka till jämförelsen" in view.text  # drafter's header, the way back
    frame = re.search(r'<iframe class="report" id="compare-report" src="([^"]+)"', view.text).group(1)
    report = client.get(unescape(frame)).text
    assert "(utan tillägg, ej undertecknad)" in report and "(efter tillägg nr 1)" in report
    assert "(undertecknad)" not in report  # street-minds-2026 is a draft: never signed
    bad = client.get("/compare/view?old=street-minds-2026&new=finns-inte&document=agreement")
    assert bad.status_code == 422 and "finns-inte" in unescape(bad.text) and 'id="compare-error"' in bad.text
