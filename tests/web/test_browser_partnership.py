"""The web page's Nytt partnerskap in real headless Chromium: the new spec writes `partnership:`, as
`drafter new` does, and the editor shows it as a field of its own."""

from __future__ import annotations

import pytest
import yaml

from tests.web.browser import axe_violations, blank_site
from tests.web.test_browser import by_id, text_of, wait_for


site = pytest.fixture(scope="module", name="site")(blank_site)


def create(driver, url: str, name: str, partnership: str = "") -> None:
    driver.get(url)
    by_id(driver, "new-name").send_keys(name)
    if partnership:
        by_id(driver, "new-partnership").send_keys(partnership)
    by_id(driver, "new-name").submit()


def written(root, name: str):
    return yaml.safe_load((root / "agreements" / f"{name}.yaml").read_text(encoding="utf-8")).get("partnership")


def test_the_new_form_writes_the_partnership_and_the_editor_shows_it(site, tmp_path):
    driver, url, root = site
    create(driver, url, "laxhjalp-jarva-2027")
    wait_for(lambda: driver.current_url.endswith("/spec/laxhjalp-jarva-2027"), what="den nya specen")
    assert written(root, "laxhjalp-jarva-2027") == "laxhjalp-jarva"
    field = by_id(driver, "f-partnership")
    assert field.get_attribute("value") == "laxhjalp-jarva"
    label = driver.find_element("css selector", "label[for='f-partnership']").text
    assert "Partnerskap" in label
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    driver.save_screenshot(str(tmp_path / "editor.png"))


def test_the_new_form_takes_a_partnership_and_refuses_a_misspelt_one(site, tmp_path):
    driver, url, root = site
    create(driver, url, "iop-0007", "street-minds")
    wait_for(lambda: driver.current_url.endswith("/spec/iop-0007"), what="den nya specen")
    assert written(root, "iop-0007") == "street-minds"
    create(driver, url, "iop-0008", "stret-minds")
    wait_for(lambda: "Menade du 'street-minds'?" in text_of(driver, "main") or "Menade du" in driver.page_source,
             what="felet")
    assert "Partnerskapets namn stret-minds: Klausulbiblioteket" in driver.page_source
    assert not (root / "agreements" / "iop-0008.yaml").exists()
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(tmp_path / "fel.png"))
    assert not axe_violations(driver)


def test_a_bad_name_keeps_what_was_typed_and_says_it_under_the_field(site, tmp_path):
    from selenium.webdriver.support.ui import Select

    driver, url, root = site
    driver.get(url)
    by_id(driver, "new-name").send_keys("Läxhjälp Farsta 2027")
    Select(by_id(driver, "new-proposal")).select_by_value("stadsdelsnamnd")
    by_id(driver, "new-barn").click()
    by_id(driver, "new-name").submit()
    wait_for(lambda: driver.find_elements("id", "new-name-error"), what="felet under namnfältet")
    error = by_id(driver, "new-name-error")
    field = driver.execute_script("return document.getElementById('new-name').closest('.field')")
    assert driver.execute_script("return arguments[0].contains(arguments[1])", field, error)
    assert "mellanslag" in error.text and "laxhjalp-farsta-2027" in error.text
    assert by_id(driver, "new-name").get_attribute("value") == "Läxhjälp Farsta 2027"
    assert Select(by_id(driver, "new-proposal")).first_selected_option.get_attribute("value") == "stadsdelsnamnd"
    assert by_id(driver, "new-barn").is_selected()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", error)
    driver.save_screenshot(str(tmp_path / "namnfel.png"))
    assert not axe_violations(driver)
    assert not list((root / "agreements").glob("*farsta*"))


def test_a_renewal_date_typed_wrong_is_said_in_swedish_by_the_page(site, tmp_path):
    driver, url, _root = site
    driver.get(url)
    by_id(driver, "renew-name").send_keys("street-minds-2029")
    by_id(driver, "renew-end").send_keys("31/12/2030")
    assert by_id(driver, "renew-end").get_attribute("validationMessage") == ""  # no English browser bubble
    by_id(driver, "renew-end").submit()
    wait_for(lambda: driver.find_elements("id", "renew-end-error"), what="felet under slutdatumet")
    said = by_id(driver, "renew-end-error").text
    assert "'31/12/2030' är inget datum" in said and "ÅÅÅÅ-MM-DD" in said
    assert by_id(driver, "renew-end").get_attribute("value") == "31/12/2030"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", by_id(driver, "renew-end-error"))
    driver.save_screenshot(str(tmp_path / "datumfel.png"))
