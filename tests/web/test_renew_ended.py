"""Förnya on the web page for an old agreement that "löper därefter tills vidare": the form takes how and
when it was ended (renews_ended_by:), as `drafter renew --ended-how/--ended-date/--ended-by/--ended-diarienummer`
does, with the same rules and sentences, each said at its field (tests/test_renew_ending.py: the command)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from tests.web.conftest import TOKEN, git, make_project
from test_renew_old_wording import old_agreement

OLD = "street-minds-tills-vidare"  # period 2023-07-01 – 2024-06-30, then tills vidare


def tills_vidare_project(root: Path, scratch: Path) -> Path:
    """A project (agreements/ and clauses/ as in the repository) with OLD: the 2023 agreement as an import
    leaves it, its own period clause saying it runs on "tills vidare"."""
    make_project(root, with_text=False)
    spec, clauses = old_agreement(scratch)
    for clause in ("giltighet", "underskrift", "beslut"):
        shutil.copytree(clauses / "street-minds" / clause, root / "clauses" / "street-minds" / clause)
    shutil.copy(spec, root / "agreements" / f"{OLD}.yaml")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "tills vidare")
    return root


@pytest.fixture
def client(tmp_path):
    from starlette.testclient import TestClient

    from drafter.web.app import create_app

    root = tills_vidare_project(tmp_path / "projekt", tmp_path / "gammal")
    with TestClient(create_app(root, {"testserver"}, token=TOKEN), raise_server_exceptions=False) as c:
        c.root = root
        yield c


FORM = {"csrf": TOKEN, "from": OLD, "name": "street-minds-2027", "start": "2027-01-01", "end": "2028-12-31"}


def test_the_form_has_the_fields_and_the_spec_carries_them(client):
    form = client.get(f"/?renew={OLD}").text
    for field in ("ended_how", "ended_date", "ended_by", "ended_diarienummer"):
        assert f'<label for="renew-{field}">' in form and f'name="{field}"' in form
    answer = client.post("/renew", data={**FORM, "ended_how": "överenskommelse", "ended_date": "2026-10-01",
                                         "ended_by": "socialnämnden", "ended_diarienummer": ""})
    assert answer.status_code == 200, answer.text[-2000:]
    text = answer.text.replace("\xa0", " ")
    assert "avslutades genom en skriftlig överenskommelse mellan parterna 1 oktober 2026 (socialnämnden)" in text
    data = yaml.safe_load((client.root / "agreements" / "street-minds-2027.yaml").read_text(encoding="utf-8"))
    assert data["renews_ended_by"] == {"how": "överenskommelse", "date": dt.date(2026, 10, 1), "by": "socialnämnden"}


def test_nothing_given_writes_no_ending(client):
    answer = client.post("/renew", data={**FORM, "ended_how": "", "ended_date": ""})
    assert answer.status_code == 200, answer.text[-2000:]
    data = yaml.safe_load((client.root / "agreements" / "street-minds-2027.yaml").read_text(encoding="utf-8"))
    assert "renews_ended_by" not in data and "renews_ended_by: {how: uppsägning" in answer.text


@pytest.mark.parametrize("given, field, said", [
    ({"ended_how": "uppsägning"}, "ended_date", "Ange dagen då uppsägningen lämnades"),
    ({"ended_date": "2026-06-15"}, "ended_how", "Ange hur den gamla överenskommelsen upphör"),
    ({"ended_how": "avslut", "ended_date": "2026-06-15"}, "ended_how", "'avslut' är inget sätt"),
    ({"ended_how": "uppsägning", "ended_date": "2026-06-31"}, "ended_date", "'2026-06-31' är inget datum"),
    ({"ended_how": "uppsägning", "ended_date": "2027-01-01"}, "ended_date",
     "renews_ended_by.date, 1 januari 2027, ligger efter den dag den förra överenskommelsen"),
])
def test_an_ending_that_cannot_be_recorded_is_said_at_its_field(client, given, field, said):
    import html

    answer = client.post("/renew", data={**FORM, **given})
    assert answer.status_code == 400
    text = html.unescape(answer.text).replace("\xa0", " ")
    error = text.index(f'id="renew-{field}-error"')
    assert said in text[error:error + 600]
    assert text.index(f'id="renew-{field}"') < error < text.index('<button type="submit">Förnya')
    assert 'aria-invalid="true"' in text[text.index(f'id="renew-{field}"'):][:300]
    if "ended_date" in given:
        assert f'value="{given["ended_date"]}"' in text  # what was typed is kept
    assert not (client.root / "agreements" / "street-minds-2027.yaml").exists()
