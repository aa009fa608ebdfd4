"""The editor's Tillägg (trial 11): "Lägg till en till" gives the next number and one change to fill in, and
"Ändringar → Lägg till en till" adds a change, so a tillägg with one change can be written in the form alone."""

from __future__ import annotations

import re

import yaml

from tests.web.conftest import TOKEN
from tests.web.formdata import form_values

SPEC = "street-minds-2026"


def op(client, page: str, action: str) -> str:
    values = form_values(page, "editor")
    values.update(csrf=TOKEN, op=action)
    answer = client.post(f"/spec/{SPEC}/edit", data=values)
    assert answer.status_code == 200, answer.text
    return answer.text


def draft(page: str) -> dict:
    return yaml.safe_load(form_values(page, "editor")["draft"])


def test_a_new_tillagg_gets_the_next_number_and_one_change_and_saves_without_input_errors(client, project):
    page = client.get(f"/spec/{SPEC}").text
    assert [a["number"] for a in draft(page)["amendments"]] == [1]
    page = op(client, page, "add:amendments")
    new = draft(page)["amendments"][1]
    assert new["number"] == 2 and new["changes"] == [{}]
    assert 'id="f-amendments-1-number" name="amendments.1.number" value="2"' in page

    page = op(client, page, "add:amendments.1.changes")  # did nothing in trial 11
    assert draft(page)["amendments"][1]["changes"] == [{}, {}]
    page = op(client, page, "remove:amendments.1.changes.1")

    values = form_values(page, "editor")
    values.update({"csrf": TOKEN, "amendments.1.date": "2027-03-01", "amendments.1.decision.by": "socialnämnden",
                   "amendments.1.decision.date": "2027-02-20", "amendments.1.effective": "2027-04-01",
                   "amendments.1.changes.0.replace": "5.2", "amendments.1.changes.0.text": "Ny lydelse av punkten."})
    answer = client.post(f"/spec/{SPEC}/save", data=values)
    assert answer.status_code == 200 and "Sparad" in answer.text
    saved = yaml.safe_load((project / "agreements" / f"{SPEC}.yaml").read_text(encoding="utf-8"))["amendments"][1]
    assert saved["number"] == 2 and saved["changes"] == [{"replace": "5.2", "text": "Ny lydelse av punkten."}]
    assert 'class="code">indata<' not in answer.text, "specen går inte att läsa"


def test_the_first_tillagg_of_a_spec_without_any_is_nr_1(client, project):
    """Trial 13: in a spec with no amendments:, "Lägg till" under Tillägg gave an empty Nummer."""
    path = project / "agreements" / f"{SPEC}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("amendments")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = client.get(f"/spec/{SPEC}").text
    assert "amendments" not in draft(page)
    page = op(client, page, "add:amendments")
    (new,) = draft(page)["amendments"]
    assert new["number"] == 1
    assert 'id="f-amendments-0-number" name="amendments.0.number" value="1"' in page


def test_a_new_tillagg_still_being_filled_in_keeps_the_preview(client, project):
    """Trial 13: after "Lägg till en till" the preview said "Förhandsvisningen visas när specen kan läsas utan
    fel i indata" until every field of the new tillägg was written; the documents without it are shown."""
    page = op(client, client.get(f"/spec/{SPEC}").text, "add:amendments")
    assert "amendments.1.date" in page and 'class="code">indata<' in page  # its empty fields are input errors
    assert "Förhandsvisningen visas när specen kan läsas" not in page
    assert 'id="preview-partial"' in page and "utan de tillägg som ännu inte är ifyllda" in page
    text = re.search(r'<pre id="preview-text">(.*?)</pre>', page, re.S).group(1)
    assert "Överenskommelse" in text or "ÖVERENSKOMMELSE" in text.upper()

    values = form_values(page, "editor")
    values.update(csrf=TOKEN, document="agreement", op="")
    values["parties.1.name"] = ""  # an error outside the new tillägg: no preview, as before
    answer = client.post(f"/spec/{SPEC}/edit", data=values)
    assert "Förhandsvisningen visas när specen kan läsas utan fel i indata" in answer.text
