"""What trial 13 saw in a real headless Chromium, and now sees otherwise: a first tillägg numbered 1 with the
documents still previewed while it is filled in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from tests.web.browser import browsing, need_browser
from tests.web.conftest import make_project
from tests.web.test_browser import by_id, text_of, wait_for

SPEC = "street-minds-2026"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_browser()
    root = make_project(tmp_path_factory.mktemp("web") / "projekt")
    path = root / "agreements" / f"{SPEC}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("amendments")  # a spec that has no tillägg yet, as the trial's
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with browsing(root, tmp_path_factory) as (driver, url, _downloads):
        yield driver, url, root


def shots(tmp_path: Path) -> None:
    if os.environ.get("DRAFTER_SHOTS"):  # to look at them: DRAFTER_SHOTS=/tmp/dir
        for shot in tmp_path.glob("*.png"):
            shot.replace(Path(os.environ["DRAFTER_SHOTS"]) / shot.name)


def test_the_first_tillagg_is_nr_1_and_the_preview_stays(site, tmp_path):
    driver, url, _root = site
    driver.get(f"{url}/spec/{SPEC}")
    wait_for(lambda: "preview-text" in driver.page_source, what="förhandsvisningen")
    button = driver.find_element("css selector", 'button[value="add:amendments"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    number = wait_for(lambda: driver.find_elements("id", "f-amendments-0-number"), what="det nya tillägget")[0]
    assert number.get_attribute("value") == "1"
    wait_for(lambda: "utan de tillägg som ännu inte är ifyllda" in text_of(driver, "preview-partial"),
             what="förhandsvisningen utan det nya tillägget")
    assert "Förhandsvisningen visas när specen kan läsas" not in text_of(driver, "preview")
    assert driver.find_elements("css selector", "#preview .pages img")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", by_id(driver, "f-amendments-0-number"))
    driver.save_screenshot(str(tmp_path / "tillagg-nr-1.png"))
    shots(tmp_path)


@pytest.fixture(scope="module")
def approve_site(tmp_path_factory):
    """A stadsdelsnämnd's spec whose clause versions wait to be fastställda."""
    need_browser()
    root = make_project(tmp_path_factory.mktemp("web") / "projekt", with_text=False)
    path = root / "agreements" / f"{SPEC}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "committee: socialnämnden" in text
    path.write_text(text.replace("committee: socialnämnden", "committee: Hässelby-Vällingby stadsdelsnämnd", 1),
                    encoding="utf-8")
    with browsing(root, tmp_path_factory) as (driver, url, _downloads):
        yield driver, url, root


def test_the_approve_form_says_every_error_under_its_field(approve_site, tmp_path):
    from selenium.webdriver.common.by import By

    driver, url, _root = approve_site
    driver.get(f"{url}/spec/{SPEC}/approve")
    wait_for(lambda: driver.find_elements(By.ID, "approve-submit"), what="formuläret")
    # the example keeps the nämnd's name as written (capitalize made it "Hässelby-vällingby")
    assert '"Hässelby-Vällingby stadsdelsnämnd i Stockholms stad"' in text_of(driver, "approve-by-hint")
    # each radio button sits just left of its label, on the same line (trial 13: a full-width button)
    for value in ("committee", "whole"):
        radio = by_id(driver, f"scope-{value}")
        label = driver.find_element(By.CSS_SELECTOR, f'label[for="scope-{value}"]')
        assert radio.size["width"] < 30
        assert 0 < label.location["x"] - radio.location["x"] < 40
        assert abs((label.location["y"] + label.size["height"] / 2) - (radio.location["y"] + radio.size["height"] / 2)) < 8

    for box in driver.find_elements(By.NAME, "ref"):
        box.click()  # none chosen
    by_id(driver, "approve-date").send_keys("2026-13-45")
    by_id(driver, "approve-submit").click()
    wait_for(lambda: driver.find_elements(By.ID, "approve-error"), what="felen")
    assert "3 fel" in text_of(driver, "approve-error")
    said_by = text_of(driver, "approve-by-error")
    assert "Ange ”Beslutat av”" in said_by and "T.ex. Hässelby-Vällingby stadsdelsnämnd i Stockholms stad." in said_by
    assert "Fastställd av" not in said_by and "Socialnämnden" not in said_by
    assert "2026-13-45" in text_of(driver, "approve-date-error")
    assert "Välj minst en klausulversion" in text_of(driver, "approve-ref-error")
    assert by_id(driver, "approve-by").get_attribute("aria-invalid") == "true"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", by_id(driver, "approve-by"))
    driver.save_screenshot(str(tmp_path / "faststall-fel.png"))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", by_id(driver, "scope-whole"))
    driver.save_screenshot(str(tmp_path / "faststall-radio.png"))
    shots(tmp_path)


def test_a_new_spec_keeps_the_renewal_fields_folded_away(site, tmp_path):
    """Trial 13: a new spec (no renews:) opened with "Förnyar överenskommelsen" and "Den förnyade upphör" at
    the top of the form; they wait folded under Förnyelse, and a renewal shows them open."""
    from selenium.webdriver.common.by import By

    driver, url, root = site
    spec = root / "agreements" / "ny-spec.yaml"
    data = yaml.safe_load((root / "agreements" / f"{SPEC}.yaml").read_text(encoding="utf-8"))
    for key in ("renews", "renews_ends", "renews_ended_by"):
        data.pop(key, None)
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    driver.get(f"{url}/spec/ny-spec")
    folded = wait_for(lambda: driver.find_elements(By.ID, "renewal-fields"), what="Förnyelse")[0]
    assert folded.get_attribute("open") is None
    assert not by_id(driver, "f-renews").is_displayed()
    assert "specen förnyar ingen tidigare överenskommelse" in folded.text
    first = driver.find_element(By.CSS_SELECTOR, ".form-col label")
    assert "Förnyar" not in first.text  # the first field an official sees
    driver.save_screenshot(str(tmp_path / "ny-spec-topp.png"))
    folded.find_element(By.TAG_NAME, "summary").click()
    wait_for(lambda: by_id(driver, "f-renews").is_displayed(), what="fälten när Förnyelse öppnas")

    driver.get(f"{url}/spec/{SPEC}")  # renews: street-minds-2023.yaml
    shown = wait_for(lambda: driver.find_elements(By.ID, "renewal-fields"), what="Förnyelse")[0]
    assert shown.get_attribute("open") is not None and by_id(driver, "f-renews").is_displayed()
    shots(tmp_path)
