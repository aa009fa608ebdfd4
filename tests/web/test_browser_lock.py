"""A locked spec on the web page, in real headless Chromium: the live check, the Översikt and the build
hold it to its lock exactly as `drafter check` does on the saved file (trial3 item 3)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.web.browser import browsing, need_browser
from tests.web.conftest import git, make_project
from tests.web.test_browser import by_id, save, text_of, type_into, wait_for

SPEC = "street-minds-2026"
SHOTS = Path(os.environ.get("DRAFTER_SCREENSHOTS", "/tmp"))


@pytest.fixture(scope="module")
def locked_site(tmp_path_factory):
    need_browser()
    from drafter.clauses.library import ClauseLibrary
    from drafter.lock import lock_spec
    from helpers import signed_example

    root = make_project(tmp_path_factory.mktemp("web-lock") / "projekt", with_text=False)
    signed_example(root)
    lock_spec(root / "agreements" / f"{SPEC}.yaml", ["overenskommelse"], ClauseLibrary(root / "clauses"))
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "undertecknad och låst")
    with browsing(root, tmp_path_factory) as (driver, url, _downloads):
        yield driver, url, root


def test_a_changed_budget_row_of_a_locked_spec_shows_the_lock_error(locked_site):
    from selenium.webdriver.common.by import By

    driver, url, root = locked_site
    driver.get(f"{url}/spec/{SPEC}")
    assert "lock-text" not in text_of(driver, "findings")
    assert "0 fel" in text_of(driver, "findings") or "Inga fel" in text_of(driver, "findings")

    type_into(driver, "f-budget-rows-3-amount", "47000")  # Aktiviteter: 57 000 → 47 000, after the signing
    wait_for(lambda: "lock-text" in text_of(driver, "findings"), what="låsfelet i panelen Kontroller",
             detail=lambda: " ".join(text_of(driver, "findings").split())[:600])
    panel = " ".join(text_of(driver, "findings").split())
    assert "1 fel" in panel
    assert "texten i överenskommelsen skiljer sig från den låsta texten" in panel
    assert "”5.2 Ekonomisk ersättning”" in panel and "budget.rows.3.amount" in panel
    assert ".utkast-" not in panel  # the spec's own name, never the temporary copy's
    link = driver.find_element(By.CSS_SELECTOR, "#findings li.error a")
    assert link.text.startswith(f"agreements/{SPEC}.yaml:")
    driver.execute_script("document.getElementById('findings').scrollIntoView()")
    driver.save_screenshot(str(SHOTS / "drafter-lock2-panel.png"))

    save(driver)  # saved as the official asks; `drafter check` and the Översikt then say the same
    driver.get(f"{url}/")
    row = driver.find_element(By.XPATH, f"//tr[th/a[text()='{SPEC}']]")
    assert row.find_element(By.CSS_SELECTOR, "td.num.has-errors").text == "1"
    driver.save_screenshot(str(SHOTS / "drafter-lock2-oversikt.png"))


def test_building_a_locked_spec_after_the_office_moved_says_the_letterhead_is_kept(locked_site):
    driver, url, root = locked_site
    git(root, "checkout", "--", "agreements")  # the spec as signed again
    house = root / "clauses" / "husstil.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace("Box 44, 104 20 Stockholm", "Box 9999, 104 99 Stockholm"),
                     encoding="utf-8")
    driver.get(f"{url}/spec/{SPEC}")
    panel = " ".join(text_of(driver, "findings").split())
    assert "lock-text" not in panel and "0 fel" in panel and "lock-letterhead" in panel
    by_id(driver, "build").click()
    wait_for(lambda: "Dokumenten är byggda" in text_of(driver, "build-result"), timeout=90, what="bygget",
             detail=lambda: " ".join(text_of(driver, "build-result").split())[:800])
    result = " ".join(text_of(driver, "build-result").split())
    assert "lock-letterhead" in result and "adress låst ”Box 44, 104 20 Stockholm, Växel 08-508 25 000”" in result
    assert "lock-layout" not in result  # the agreement is the signed one, byte for byte
    assert f"lock-letterhead agreements/{SPEC}.yaml: överenskommelsen är låst" in result  # the project's paths
    driver.execute_script("document.getElementById('build-result').scrollIntoView()")
    driver.save_screenshot(str(SHOTS / "drafter-lock2-build.png"))
