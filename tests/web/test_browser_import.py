"""The overview's import form in real headless Chromium: an agreement imported as a new spec, then its
tjänsteutlåtande into that spec (the form's choice for `drafter import --till`), as an official does it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from tests.importer.test_signatures_budget import agreement_docx
from tests.importer.test_spec_driven import proposal_docx
from tests.web.browser import axe_violations, blank_site
from tests.web.test_browser import by_id, text_of, wait_for


site = pytest.fixture(scope="module", name="site")(blank_site)


def upload(driver, url: str, path: Path, name: str = "", into: str = "") -> None:
    from selenium.webdriver.support.ui import Select

    driver.get(url)
    by_id(driver, "import-file").send_keys(str(path))
    if name:
        by_id(driver, "import-name").send_keys(name)
    if into:
        Select(by_id(driver, "import-till")).select_by_value(into)
    by_id(driver, "import-file").submit()


def test_a_proposal_imported_into_the_agreements_spec_from_the_form(site, tmp_path):
    driver, url, root = site
    agreement = tmp_path / "gront-ljus.docx"
    agreement_docx(agreement)
    upload(driver, url, agreement, name="gront-ljus")
    wait_for(lambda: "Importerad: gront-ljus" in driver.page_source, what="importen av överenskommelsen")
    before = (root / "agreements" / "gront-ljus.yaml").read_bytes()

    driver.get(url)
    options = [o.get_attribute("value") for o in by_id(driver, "import-till").find_elements("css selector", "option")]
    assert options[0] == "" and "gront-ljus" in options
    label = driver.find_element("css selector", "label[for='import-till']").text
    assert label == "Tjänsteutlåtandet hör till en befintlig spec"
    proposal = proposal_docx(tmp_path / "utlatande 2025.docx")
    upload(driver, url, proposal, into="gront-ljus")
    wait_for(lambda: "är tillagt i agreements/gront-ljus.yaml" in driver.page_source, what="utlåtandet tillagt",
             detail=lambda: text_of(driver, "main")[:400])
    assert "Tjänsteutlåtandet lades till i agreements/gront-ljus.yaml" in text_of(driver, "main")
    assert str(root) not in driver.page_source
    after = (root / "agreements" / "gront-ljus.yaml").read_bytes()
    assert after.startswith(before)  # nothing the spec said is rewritten
    spec = yaml.safe_load(after)
    assert spec["proposal"]["outline"][0] == "import/gront-ljus/forslag-till-beslut@1"
    assert sorted(p.stem for p in (root / "agreements").glob("*.yaml") if "gront" in p.stem) == ["gront-ljus"]
    decision = (root / "clauses" / "import" / "gront-ljus" / "forslag-till-beslut" / "v1.md").read_text(encoding="utf-8")
    assert "{{ public.committee | versal }} föreslås besluta" in decision and "{{ budget.total | kronor }}" in decision
    driver.save_screenshot(str(tmp_path / "tillagt.png"))
    if os.environ.get("DRAFTER_SHOTS"):
        driver.save_screenshot(os.path.join(os.environ["DRAFTER_SHOTS"], "import-tillagt.png"))
    assert not axe_violations(driver)


def test_the_form_refuses_a_name_with_an_existing_spec_and_writes_nothing(site, tmp_path):
    driver, url, root = site
    proposal = proposal_docx(tmp_path / "utlatande.docx")
    before = (root / "agreements" / "street-minds-2026.yaml").read_bytes()
    upload(driver, url, proposal, name="nytt-namn", into="street-minds-2026")
    wait_for(lambda: "får inget eget namn" in text_of(driver, "import-error"), what="felet vid importformuläret")
    assert by_id(driver, "import-till").get_attribute("value") == "street-minds-2026"  # the choice kept
    assert (root / "agreements" / "street-minds-2026.yaml").read_bytes() == before
    assert not (root / "agreements" / "nytt-namn.yaml").exists()
    driver.execute_script("document.getElementById('import-error').scrollIntoView({block: 'center'})")
    if os.environ.get("DRAFTER_SHOTS"):
        driver.save_screenshot(os.path.join(os.environ["DRAFTER_SHOTS"], "import-fel.png"))
    assert not axe_violations(driver)
