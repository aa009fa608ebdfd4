"""Förnya in real headless Chromium for an old agreement that runs on "tills vidare": the official fills in
how and when it was ended, and the renewed spec carries renews_ended_by: as `drafter renew --ended-how …` writes it."""

from __future__ import annotations


import pytest
import yaml

from tests.web.browser import axe_violations, browsing, need_browser, shots
from tests.web.test_browser import by_id, text_of, type_into, wait_for
from tests.web.test_renew_ended import OLD, tills_vidare_project


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_browser()
    root = tills_vidare_project(tmp_path_factory.mktemp("web") / "projekt", tmp_path_factory.mktemp("gammal"))
    with browsing(root, tmp_path_factory) as (driver, url, _downloads):
        yield driver, url, root



def test_renew_with_how_the_old_agreement_ended(site, tmp_path):
    from selenium.webdriver.support.ui import Select

    driver, url, root = site
    driver.get(f"{url}/?renew={OLD}#renew-h")
    assert axe_violations(driver) == []
    type_into(driver, "renew-name", "street-minds-2027")
    type_into(driver, "renew-start", "2027-01-01")
    type_into(driver, "renew-end", "2028-12-31")
    Select(by_id(driver, "renew-ended_how")).select_by_value("uppsägning")
    type_into(driver, "renew-ended_date", "2026-06-15")
    type_into(driver, "renew-ended_by", "socialnämnden")
    type_into(driver, "renew-ended_diarienummer", "SN 2026/311")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", by_id(driver, "renew-ended"))
    driver.save_screenshot(str(tmp_path / "förnya-upphör.png"))
    by_id(driver, "renew-end").submit()
    wait_for(lambda: "skriven, förnyar" in text_of(driver, "renew-written"), what="förnyelsens rapport")
    report = driver.find_element("css selector", ".renew-report").text.replace("\xa0", " ")
    assert "enligt renews_ended_by: sades upp 15 juni 2026 (socialnämnden, SN 2026/311) och upphör 31 december 2026" \
        in report
    driver.save_screenshot(str(tmp_path / "förnyad-upphör.png"))
    data = yaml.safe_load((root / "agreements" / "street-minds-2027.yaml").read_text(encoding="utf-8"))
    assert data["renews_ended_by"] == {"how": "uppsägning", "date": __import__("datetime").date(2026, 6, 15),
                                       "by": "socialnämnden", "diarienummer": "SN 2026/311"}
    assert str(data["renews_ends"]) == "2026-12-31"
    shots(tmp_path)


def test_a_day_after_the_old_agreement_ends_is_said_at_the_field(site, tmp_path):
    from selenium.webdriver.support.ui import Select

    driver, url, root = site
    driver.get(f"{url}/?renew={OLD}#renew-h")
    type_into(driver, "renew-name", "street-minds-2029")
    type_into(driver, "renew-start", "2027-01-01")
    type_into(driver, "renew-months", "24")
    Select(by_id(driver, "renew-ended_how")).select_by_value("överenskommelse")
    type_into(driver, "renew-ended_date", "2027-02-01")
    by_id(driver, "renew-ended_date").submit()
    wait_for(lambda: text_of(driver, "renew-ended_date-error"), what="felet vid dagen")
    assert "ligger efter den dag den förra överenskommelsen" in text_of(driver, "renew-ended_date-error")
    assert by_id(driver, "renew-ended_date").get_attribute("aria-invalid") == "true"
    assert driver.switch_to.active_element == by_id(driver, "renew-ended_date")
    assert Select(by_id(driver, "renew-ended_how")).first_selected_option.get_attribute("value") == "överenskommelse"
    assert by_id(driver, "renew-ended_date").get_attribute("value") == "2027-02-01"
    assert axe_violations(driver) == []
    driver.save_screenshot(str(tmp_path / "förnya-upphör-fel.png"))
    assert not (root / "agreements" / "street-minds-2029.yaml").exists()
    shots(tmp_path)
