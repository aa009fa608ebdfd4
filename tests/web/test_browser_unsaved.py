"""Unsaved work in the editor, in real headless Chromium (trial 11): the checks and the preview follow what is
typed, so the page must say that nothing is stored until Spara, and ask before the page is left."""

from __future__ import annotations

import pytest

from tests.web.browser import axe_violations, blank_site
from tests.web.test_browser import SPEC, by_id, save, text_of, type_into, wait_for


site = pytest.fixture(scope="module", name="site")(blank_site)


def shown(driver) -> bool:
    return driver.execute_script("const n = document.getElementById('unsaved'); return !!n && !n.hidden;")


def asks_before_unload(driver) -> bool:
    return driver.execute_script("const e = new Event('beforeunload', {cancelable: true});"
                                 "window.dispatchEvent(e); return e.defaultPrevented;")


def test_typing_says_unsaved_and_leaving_by_the_pages_link_asks_in_swedish(site, tmp_path):
    driver, url, root = site
    driver.get(f"{url}/spec/{SPEC}")
    assert not shown(driver) and not asks_before_unload(driver)
    type_into(driver, "f-parties-1-name", "Föreningen Street Minds")
    wait_for(lambda: shown(driver), what="Ändringarna är inte sparade")
    assert "inte sparade" in text_of(driver, "unsaved") and "Spara" in text_of(driver, "unsaved")
    assert "pending" in by_id(driver, "save").get_attribute("class")
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(tmp_path / "osparat.png"))
    assert asks_before_unload(driver)
    assert not axe_violations(driver)

    driver.find_element("link text", "Översikt").click()  # Avbryt: stay, with what was typed
    alert = driver.switch_to.alert
    assert "inte är sparade" in alert.text
    alert.dismiss()
    assert driver.current_url.endswith(f"/spec/{SPEC}")
    assert by_id(driver, "f-parties-1-name").get_attribute("value") == "Föreningen Street Minds"

    save(driver)
    wait_for(lambda: not shown(driver), what="att varningen försvinner efter Spara")
    assert "Föreningen Street Minds" in (root / "agreements" / f"{SPEC}.yaml").read_text(encoding="utf-8")
    assert not asks_before_unload(driver)
    driver.find_element("link text", "Översikt").click()  # saved: no question
    wait_for(lambda: driver.current_url.rstrip("/") == url, what="översikten")


def test_typing_back_what_was_saved_is_not_unsaved_and_ok_leaves(site):
    driver, url, root = site
    driver.get(f"{url}/spec/{SPEC}")
    old = by_id(driver, "f-period-end").get_attribute("value")
    type_into(driver, "f-period-end", "2031-12-31")
    wait_for(lambda: shown(driver), what="Ändringarna är inte sparade")
    type_into(driver, "f-period-end", old)  # the live check compares with the file: nothing left to save
    wait_for(lambda: not shown(driver), what="att varningen försvinner när texten är som i filen")
    type_into(driver, "f-period-end", "2031-12-31")
    wait_for(lambda: shown(driver), what="Ändringarna är inte sparade")
    driver.find_element("link text", "Klausulbiblioteket").click()
    alert = driver.switch_to.alert
    alert.accept()  # OK: leave without saving
    wait_for(lambda: driver.current_url.endswith("/clauses"), what="klausulbiblioteket")
    assert "2031-12-31" not in (root / "agreements" / f"{SPEC}.yaml").read_text(encoding="utf-8")
