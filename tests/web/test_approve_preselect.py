"""Which version the clause page's Fastställ form offers first, in real headless Chromium: the one a
reviewer most likely approves (the newest granskad version not yet fastställd), else the newest. The
form once offered the oldest (a select with nothing selected), or an utkast newer than the granskad
version the jurist had read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.browser import browsing, need_browser
from tests.web.conftest import git, make_project
from tests.web.test_browser import by_id, wait_for
from tests.web.test_clause_page import shots

DRAFT = """---
heading: Överenskommelsens giltighetstid
version: 4
status: utkast
rationale: Ett utkast som ingen har granskat än.
---
Överenskommelsen gäller från och med den {{ period.start | datum }} till och med den {{ period.end | datum }}.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_browser()
    root = make_project(tmp_path_factory.mktemp("forval") / "projekt")
    (root / "clauses" / "villkor" / "period" / "v4.md").write_text(DRAFT, encoding="utf-8")  # v1, v2 fastställd, v3 granskad
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "utkast")
    with browsing(root, tmp_path_factory) as (driver, url, _downloads):
        yield driver, url, root


def offered(driver) -> tuple[str, list[str]]:
    """The version the form's select offers, and which version texts stand open above it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    chosen = Select(by_id(driver, "ap-version")).first_selected_option.get_attribute("value")
    opened = [d.get_attribute("id") for d in driver.find_elements(By.CSS_SELECTOR, "details.clause-text[open]")]
    return chosen, opened


def test_the_newest_granskad_version_is_offered_not_a_newer_utkast(site, tmp_path: Path):
    driver, url, _root = site
    driver.get(f"{url}/clauses/villkor/period")
    wait_for(lambda: driver.find_elements("id", "ap-version"), what="fastställelseformuläret")
    assert offered(driver) == ("3", ["text-v3"])
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", by_id(driver, "ap-version"))
    driver.save_screenshot(str(tmp_path / "forval-granskad.png"))
    shots(tmp_path)


def test_when_every_version_is_fastställd_the_newest_is_offered_not_the_oldest(site):
    driver, url, _root = site
    driver.get(f"{url}/clauses/street-minds/ataganden")  # v1 and v2 fastställda
    wait_for(lambda: driver.find_elements("id", "ap-version"), what="fastställelseformuläret")
    assert offered(driver) == ("2", ["text-v2"])


def test_after_approving_the_granskad_version_the_form_offers_the_newest(site, tmp_path: Path):
    from selenium.webdriver.common.by import By

    driver, url, root = site
    driver.get(f"{url}/clauses/villkor/period")
    wait_for(lambda: driver.find_elements(By.ID, "ap-dnr"), what="fastställelseformuläret")
    by_id(driver, "ap-by").send_keys("Socialnämnden i Stockholms stad")
    by_id(driver, "ap-date").send_keys("2026-06-10")
    by_id(driver, "ap-dnr").submit()
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "p.message"), what="beskedet om fastställelsen")
    assert "villkor/period@3 fastställd" in driver.find_element(By.CSS_SELECTOR, "p.message").text  # the one offered
    assert "status: fastställd" in (root / "clauses" / "villkor" / "period" / "v3.md").read_text(encoding="utf-8")
    assert offered(driver) == ("4", ["text-v4"])  # no granskad version left for Stockholms stad: the newest
