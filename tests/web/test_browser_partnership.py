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
