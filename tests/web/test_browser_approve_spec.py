"""Fastställ a spec's clause versions on the web page, in real headless Chromium (trial 11: a web-only user could
not make a partnership final; every message said to run `drafter clauses approve --spec`). The official records
the nämnd's decision for the versions it covers; nothing is approved that was not chosen."""

from __future__ import annotations

import pytest

from drafter.clauses.library import ClauseLibrary
from tests.web.browser import axe_violations, blank_site
from tests.web.test_browser import SPEC, by_id, text_of, wait_for

WAITING = ["street-minds/forslag-till-beslut@2", "street-minds/tu-sammanfattning@2", "street-minds/tu-bakgrund@2"]


site = pytest.fixture(scope="module", name="site")(blank_site)


def meta(root, ref: str):
    return ClauseLibrary(root / "clauses").get(ref).meta


def test_the_finding_leads_to_the_page_that_records_the_decision_for_the_chosen_versions(site, tmp_path):
    from selenium.webdriver.common.by import By

    driver, url, root = site
    driver.get(f"{url}/spec/{SPEC}")
    assert "drafter clauses approve" not in text_of(driver, "findings")
    driver.find_element(By.CSS_SELECTOR, "#findings a.action").click()
    wait_for(lambda: driver.current_url.endswith(f"/spec/{SPEC}/approve"), what="sidan Fastställ klausulerna")
    listed = [e.get_attribute("value") for e in driver.find_elements(By.NAME, "ref")]
    assert listed == WAITING
    assert all(e.is_selected() for e in driver.find_elements(By.NAME, "ref"))
    assert "aldrig något på egen hand" in text_of(driver, "main")
    assert not axe_violations(driver)

    # a decision without who decided: said in Swedish, nothing written, the choices kept
    driver.find_elements(By.NAME, "ref")[2].click()
    by_id(driver, "approve-submit").click()
    wait_for(lambda: driver.find_elements(By.ID, "approve-error"), what="felet")
    assert "Beslutat av" in text_of(driver, "approve-error") or "fastställer" in text_of(driver, "approve-error")
    assert [e.is_selected() for e in driver.find_elements(By.NAME, "ref")] == [True, True, False]
    assert meta(root, WAITING[0]).status == "utkast"

    by_id(driver, "approve-by").send_keys("Socialnämnden i Stockholms stad")
    by_id(driver, "approve-date").send_keys("2026-11-20")
    by_id(driver, "approve-paragraph").send_keys("§ 14")
    by_id(driver, "approve-submit").click()
    wait_for(lambda: driver.find_elements(By.ID, "approve-done"), what="att beslutet är infört")
    driver.save_screenshot(str(tmp_path / "faststalld.png"))
    for ref in WAITING[:2]:
        approved = meta(root, ref)
        assert approved.status == "fastställd", ref
        last = approved.all_approvals[-1]
        assert (last.by, str(last.date), last.paragraph) == ("Socialnämnden i Stockholms stad", "2026-11-20", "§ 14")
    assert meta(root, WAITING[2]).status == "utkast"  # not chosen, not approved
    assert [e.get_attribute("value") for e in driver.find_elements(By.NAME, "ref")] == WAITING[2:]
    assert "forslag-till-beslut@2" in (root / "clauses" / "approvals.lock").read_text(encoding="utf-8")
