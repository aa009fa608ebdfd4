"""Förnya on the web page with a first day: the old agreement said up after its first period, as
`drafter renew --start` (trial7, item 4)."""

import yaml

from tests.web.conftest import TOKEN

SPEC = "street-minds-2026"  # first period to 31 December 2026, renewed by calendar year until 2028


def test_renew_after_the_first_period_from_the_overview(client, project):
    form = client.get(f"/?renew={SPEC}").text
    assert '<label for="renew-start">' in form and 'name="start"' in form
    answer = client.post("/renew", data={"csrf": TOKEN, "from": SPEC, "name": "street-minds-2027",
                                         "start": "2027-01-01", "end": "2028-12-31"})
    assert answer.status_code == 200, answer.text[-2000:]
    assert "upphör 31 december 2026 bara om den sägs upp senast 30 september 2026" in answer.text
    data = yaml.safe_load((project / "agreements" / "street-minds-2027.yaml").read_text(encoding="utf-8"))
    assert str(data["renews_ends"]) == "2026-12-31" and str(data["period"]["start"]) == "2027-01-01"


def test_a_first_day_the_old_agreement_cannot_end_before_is_said_at_the_field(client, project):
    for start, message in [("2027-02-01", "Den nya perioden kan inte börja 1 februari 2027"),
                           ("2027-02-30", "inget datum")]:
        answer = client.post("/renew", data={"csrf": TOKEN, "from": SPEC, "name": "street-minds-2027",
                                             "start": start, "months": "12"})
        assert answer.status_code == 400 and message in answer.text
        error = answer.text.index('id="renew-start-error"')
        assert answer.text.index('id="renew-start"') < error < answer.text.index('<button type="submit">Förnya')
        assert f'value="{start}"' in answer.text
    assert not (project / "agreements" / "street-minds-2027.yaml").exists()
