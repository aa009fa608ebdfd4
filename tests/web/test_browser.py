"""drafter serve in real headless Chromium: what an official does, start to end, and what axe-core says."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.web.browser import axe_violations, browsing, need_browser
from tests.web.conftest import git, make_project

SPEC = "street-minds-2026"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_browser()
    root = make_project(tmp_path_factory.mktemp("web") / "projekt")
    with browsing(root, tmp_path_factory) as (driver, url, downloads):
        yield driver, url, root, downloads


def wait_for(condition, timeout: float = 20.0, what: str = "", detail=None):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"väntade förgäves på {what}" + (f": {detail()}" if detail else ""))
        time.sleep(0.1)


def by_id(driver, element_id: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def text_of(driver, element_id: str) -> str:
    return driver.execute_script("const e = document.getElementById(arguments[0]); return e ? e.textContent : '';",
                                 element_id).replace("\xa0", " ")


def type_into(driver, element_id: str, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    field = by_id(driver, element_id)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def save(driver) -> None:
    """Spara, and wait for this save's message (not an earlier one's)."""
    driver.execute_script("const m = document.getElementById('message'); if (m) m.remove();")
    by_id(driver, "save").click()
    wait_for(lambda: "Sparad" in text_of(driver, "message"), what="Sparad")


def preview_digest(driver) -> str:
    return driver.execute_script("const p = document.querySelector('.pages'); return p ? p.dataset.digest : '';")


def pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace("\xa0", " ")


def test_change_a_budget_row_save_and_build(site):
    driver, url, root, downloads = site
    driver.get(f"{url}/spec/{SPEC}")
    assert "Summa: 1 000 000 kr" in text_of(driver, "budget-sum")
    before = preview_digest(driver)
    assert before and "1 000 000" in text_of(driver, "preview-text")

    type_into(driver, "f-budget-rows-0-amount", "900000")  # Personal: 878 000 → 900 000
    wait_for(lambda: "1 022 000 kr" in text_of(driver, "budget-sum"), what="den nya summan i formuläret")
    wait_for(lambda: preview_digest(driver) != before, what="en ny förhandsvisning")
    assert "1 022 000" in text_of(driver, "preview-text")
    assert driver.execute_script("return document.querySelector('.pages img').naturalWidth") > 0
    beside = wait_for(lambda: text_of(driver, "fd-f-texts-ersattning-text"), what="fyndet bredvid texten")
    assert "1 000 000 kr" in beside and "1 022 000 kr" in beside

    save(driver)
    diff = git(root, "diff", "-U0", "agreements")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-    - {item: Personal, amount: 878000}", "+    - {item: Personal, amount: 900000}"]

    # The stale amount stops the build, in Swedish, until the text is put right.
    by_id(driver, "build").click()
    wait_for(lambda: "inga dokument skrevs" in text_of(driver, "build-result"), what="byggfelet")
    type_into(driver, "f-texts-ersattning-text", "Socialförvaltningen betalar enligt budgeten nedan.")
    wait_for(lambda: not text_of(driver, "fd-f-texts-ersattning-text").strip(), what="att fyndet försvinner")
    type_into(driver, "f-decision-ceiling-amount", "1100000")  # and the nämnd approves the higher budget
    save(driver)
    by_id(driver, "build").click()
    wait_for(lambda: "Dokumenten är byggda" in text_of(driver, "build-result"), timeout=90, what="bygget",
             detail=lambda: " ".join(text_of(driver, "build-result").split())[:800])

    from selenium.webdriver.common.by import By

    name = f"{SPEC}-overenskommelse.pdf"
    driver.find_element(By.CSS_SELECTOR, f'a[href$="/{name}"]').click()
    pdf = wait_for(lambda: (downloads / name).exists() and (downloads / name).stat().st_size > 1000 and downloads / name,
                   what="den hämtade PDF:en")
    time.sleep(0.5)
    assert "Summa 1 022 000" in pdf_text(pdf)  # the budget table in 5.2
    shown = driver.find_element(By.CSS_SELECTOR, f'a[href$="/{name}"]').find_element(By.XPATH, "../..").text
    import hashlib

    assert hashlib.sha256(pdf.read_bytes()).hexdigest() in shown


def test_new_partnership_filled_in_and_built(site):
    from selenium.webdriver.common.by import By

    driver, url, root, downloads = site
    driver.get(url)
    by_id(driver, "new-name").send_keys("forening-x-2027")
    by_id(driver, "new-name").submit()
    wait_for(lambda: driver.current_url.endswith("/spec/forening-x-2027"), what="den nya specen")
    assert "inte ifyllt" in text_of(driver, "fd-f-document-place")
    filled = {
        "document.subject": "Mötesplats för unga vuxna", "document.date": "2027-01-15", "document.place": "Solna",
        # the public party is the kommun, acting through its nämnd; the förvaltning prepares
        "parties.0.name": "Stockholms stad", "parties.0.organisationsnummer": "212000-0142",
        "parties.0.committee": "socialnämnden", "parties.0.administration": "Socialförvaltningen",
        "parties.0.signatory.name": "Eva Ek", "parties.0.signatory.title": "socialdirektör",
        "parties.0.signatory.signs_for": "socialnämnden i Stockholms stad",
        "parties.1.name": "Föreningen X", "parties.1.organisationsnummer": "802524-2879",
        "parties.1.signatory.name": "Ali Berg",
        "period.start": "2027-01-01", "period.end": "2027-12-31", "period.renewal.max_end": "2029-12-31",
        "period.renewal.notice_deadline": "09-30",
        "budget.rows.0.amount": "600000", "budget.rows.1.amount": "120000", "budget.rows.2.amount": "50000",
        "budget.rows.3.amount": "30000",
        "proposal.title": "Idéburet offentligt partnerskap med Föreningen X", "proposal.subtitle": "Mötesplats",
        "proposal.date": "2026-11-20", "proposal.department": "Avdelningen för stadsövergripande sociala frågor",
        "proposal.officials.0.name": "Eva Ek", "proposal.officials.0.title": "Socialdirektör",
        "proposal.officials.1.name": "Per Lind", "proposal.officials.1.title": "Avdelningschef",
        # what the organisation contributes, in its own words: the agreement states it (parter/insatser@4)
        "figures.egen_insats_text": "unga volontärer som håller mötesplatsen öppen på kvällarna",
    }
    for element in driver.find_elements(By.CSS_SELECTOR, "textarea[name^='texts.']"):
        filled[element.get_attribute("name")] = "Föreningen driver en mötesplats för unga vuxna i Solna."
    for name, value in filled.items():
        type_into(driver, "f-" + name.replace(".", "-"), value)
    values = {name: driver.find_element(By.NAME, name).get_attribute("value") for name in filled}
    assert values == filled
    wait_for(lambda: "0 fel" in text_of(driver, "findings") or "Inga fel" in text_of(driver, "findings"), timeout=30,
             what="inga fel", detail=lambda: " ".join(text_of(driver, "findings").split())[:3000])
    save(driver)
    by_id(driver, "build").click()
    wait_for(lambda: "Dokumenten är byggda" in text_of(driver, "build-result"), timeout=90,
             what=f"bygget ({text_of(driver, 'build-result')[:400]})")
    built = root / "output" / "forening-x-2027" / "forening-x-2027-overenskommelse.pdf"
    assert "Summa 800 000" in pdf_text(built) and "Föreningen X" in pdf_text(built)
    assert "Stockholms stad" in pdf_text(built)
    assert "Föreningen bidrar med unga volontärer som håller mötesplatsen öppen på kvällarna." in " ".join(
        pdf_text(built).split())


def test_keyboard_alone_adds_a_budget_row(site):
    from selenium.webdriver.common.keys import Keys

    driver, url, _root, _downloads = site
    driver.get(f"{url}/spec/street-minds-2023")
    rows = len(driver.find_elements("css selector", "input[name^='budget.rows.'][name$='.amount']"))
    by_id(driver, f"f-budget-rows-{rows - 1}-amount").click()
    for _ in range(12):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element.get_attribute("value") == "add:budget.rows":
            break
    assert driver.switch_to.active_element.get_attribute("value") == "add:budget.rows"
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(lambda: driver.find_elements("id", f"f-budget-rows-{rows}-amount"), what="en ny rad")
    assert driver.switch_to.active_element.get_attribute("value") == "add:budget.rows"  # focus kept for the next Enter


def test_the_first_tab_stop_skips_to_the_content(site):
    from selenium.webdriver.common.keys import Keys

    driver, url, _root, _downloads = site
    driver.get(f"{url}/spec/{SPEC}")
    driver.find_element("tag name", "body").send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    assert first.text == "Hoppa till innehållet" and first.is_displayed()
    first.send_keys(Keys.ENTER)
    assert driver.execute_script("return location.hash") == "#main"


@pytest.mark.parametrize("path", ["/", f"/spec/{SPEC}", "/clauses", "/clauses/villkor/period", "/compare",
                                  f"/spec/{SPEC}/build", f"/spec/{SPEC}/text", "/spec/finns-inte"])
def test_no_serious_accessibility_violations(site, path):
    driver, url, _root, _downloads = site
    driver.get(url + path)
    assert axe_violations(driver) == []


def test_a_true_false_field_round_trips_and_approve_takes_a_scope(site, tmp_path):
    """A budget table with only `kr: true` written: header and sum (default true) show checked; unchecking
    sum and saving writes `sum: false` and nothing else. The approve form takes for whom it applies."""
    from selenium.webdriver.common.by import By

    from drafter.spec import yaml_write as yw

    driver, url, root, _downloads = site
    source = (root / "agreements" / f"{SPEC}.yaml").read_text(encoding="utf-8")
    data = yw.load_rt(source)
    data["budget"]["table"] = yw.new_map({"kr": True})
    (root / "agreements" / "tabell-2026.yaml").write_text(yw.dump_rt(data), encoding="utf-8")
    git(root, "add", "agreements/tabell-2026.yaml")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "tabell")

    driver.get(f"{url}/spec/tabell-2026")
    boxes = {name: by_id(driver, f"f-budget-table-{name}") for name in ("header", "sum", "kr")}
    assert all(box.get_attribute("type") == "checkbox" and box.is_selected() for box in boxes.values())
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", boxes["sum"])
    driver.save_screenshot(str(tmp_path / "tabell.png"))
    boxes["sum"].click()
    assert not by_id(driver, "f-budget-table-sum").is_selected()
    save(driver)
    diff = git(root, "diff", "-U0", "agreements/tabell-2026.yaml")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert [" ".join(line.split()) for line in changed] == ["+ sum: false"]

    driver.get(f"{url}/clauses/street-minds/tu-bakgrund")
    wait_for(lambda: driver.find_elements(By.ID, "ap-dnr"), what="fastställelseformuläret")
    for field, value in {"ap-by": "Norrmalms stadsdelsnämnd", "ap-date": "2026-05-20",
                         "ap-organisation": "Stockholms stad", "ap-committee": "Norrmalms stadsdelsnämnd",
                         "ap-paragraph": "§ 12", "ap-dnr": "NO 2026/40"}.items():
        by_id(driver, field).send_keys(value)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", by_id(driver, "ap-committee"))
    driver.save_screenshot(str(tmp_path / "fastställ.png"))
    by_id(driver, "ap-dnr").submit()
    shown = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "p.message, .finding.error"), what="svaret")
    assert "approvals.lock" in shown[0].text, shown[0].text
    head = (root / "clauses" / "street-minds" / "tu-bakgrund" / "v2.md").read_text(encoding="utf-8").split("---")[1]
    assert "Stockholms stad" in head and "Norrmalms stadsdelsnämnd" in head and "NO 2026/40" in head
    import os
    if os.environ.get("DRAFTER_SHOTS"):  # to look at them: DRAFTER_SHOTS=/tmp/dir
        for shot in tmp_path.glob("*.png"):
            shot.replace(Path(os.environ["DRAFTER_SHOTS"]) / shot.name)


def _flat(value, prefix: str) -> dict[str, str]:
    """A spec's data as the editor names its fields ("parties.0.signatory.name") and shows them."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _flat(item, f"{prefix}.{key}").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _flat(item, f"{prefix}.{i}").items()}
    return {prefix: str(value)}


def test_renew_an_example_as_drafter_renew_does(site, tmp_path, monkeypatch):
    """Förnya on the overview renews like `drafter renew`: the new spec's period, `renews:` and parties
    in the editor are those the command writes from the same project, and the report is the command's."""
    import shutil

    import yaml
    from click.testing import CliRunner
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from drafter.cli import main

    driver, url, root, _downloads = site
    copy = tmp_path / "kommandot"
    shutil.copytree(root / "agreements", copy / "agreements")
    shutil.copytree(root / "clauses", copy / "clauses")
    monkeypatch.chdir(copy)
    command = CliRunner().invoke(main, ["renew", f"agreements/{SPEC}.yaml", "street-minds-2029", "--months", "24"])
    assert command.exit_code == 0, command.output
    expected = yaml.safe_load((copy / "agreements" / "street-minds-2029.yaml").read_text(encoding="utf-8"))
    fields = {"renews": expected["renews"], **_flat(expected["period"], "period"), **_flat(expected["parties"], "parties")}
    assert fields["renews"] == f"{SPEC}.yaml" and fields["parties.0.name"] == "Stockholms stad"

    driver.get(url)
    driver.find_element(By.CSS_SELECTOR, f'a[href="/?renew={SPEC}#renew-h"]').click()
    wait_for(lambda: driver.execute_script("return location.hash") == "#renew-h", what="förnyelseformuläret")
    assert Select(by_id(driver, "renew-from")).first_selected_option.get_attribute("value") == SPEC
    by_id(driver, "renew-name").send_keys("street-minds-2029")
    by_id(driver, "renew-months").send_keys("24")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", by_id(driver, "renew-months"))
    driver.save_screenshot(str(tmp_path / "förnya.png"))
    by_id(driver, "renew-months").submit()
    wait_for(lambda: "skriven, förnyar" in text_of(driver, "renew-written"), what="förnyelsens rapport")
    driver.save_screenshot(str(tmp_path / "förnyad.png"))
    printed = [line.strip().replace("\xa0", " ") for line in command.output.splitlines() if line.strip()]
    assert text_of(driver, "renew-written") == printed[0] == f"agreements/street-minds-2029.yaml: skriven, förnyar {SPEC}.yaml."
    shown = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, ".renew-report h2, .renew-report li")]
    assert shown == printed[1:-1] and len(shown) > 10
    # the command's last line says what to run; the page says what to do here, the command as a secondary hint
    assert "drafter check agreements/street-minds-2029.yaml" in printed[-1]
    assert "öppna den nya specen" in text_of(driver, "renew-next")
    assert "På kommandoraden: drafter check agreements/street-minds-2029.yaml." in " ".join(text_of(driver, "renew-next").split())

    by_id(driver, "open-renewed").click()
    wait_for(lambda: driver.current_url.endswith("/spec/street-minds-2029"), what="den nya specen")
    values = {name: driver.find_element(By.NAME, name).get_attribute("value") for name in fields}
    assert values == fields
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", by_id(driver, "f-period-start"))
    driver.save_screenshot(str(tmp_path / "förnyad-spec.png"))
    assert (root / "agreements" / "street-minds-2029.yaml").read_bytes() == \
        (copy / "agreements" / "street-minds-2029.yaml").read_bytes()
    import os
    if os.environ.get("DRAFTER_SHOTS"):  # to look at them: DRAFTER_SHOTS=/tmp/dir
        for shot in tmp_path.glob("*.png"):
            shot.replace(Path(os.environ["DRAFTER_SHOTS"]) / shot.name)


def test_renew_says_its_error_at_the_form_next_to_the_field(site, tmp_path):
    """An end date and a month count together, or an end before the start: Förnya says so at the form the
    official just filled in, next to the field, with what was typed kept and the form in view (a new-user
    trial found the error at the top of Översikt, the form scrolled away and emptied)."""
    import os

    from selenium.webdriver.common.by import By

    driver, url, root, _downloads = site
    driver.get(f"{url}/?renew={SPEC}#renew-h")
    type_into(driver, "renew-name", "street-minds-2031")
    type_into(driver, "renew-end", "2030-12-31")
    type_into(driver, "renew-months", "24")
    by_id(driver, "renew-months").submit()
    wait_for(lambda: driver.find_elements(By.ID, "renew-months-error"), what="felet vid formuläret")
    error = by_id(driver, "renew-months-error")
    assert "inte båda" in error.text and "Den nya perioden börjar 2029-01-01" in error.text
    assert error.find_element(By.XPATH, "..") == by_id(driver, "renew-months").find_element(By.XPATH, "..")
    assert not driver.find_elements(By.CSS_SELECTOR, "main > p.finding.error")  # not at the top of the page
    assert [by_id(driver, f"renew-{f}").get_attribute("value") for f in ("name", "end", "months")] == \
        ["street-minds-2031", "2030-12-31", "24"]
    assert by_id(driver, "renew-end").get_attribute("aria-invalid") == "true"
    assert "renew-months-error" in by_id(driver, "renew-end").get_attribute("aria-describedby")
    assert driver.switch_to.active_element == by_id(driver, "renew-end")
    in_view = "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;"
    assert driver.execute_script(in_view, error) and driver.execute_script(in_view, by_id(driver, "renew-end"))
    driver.save_screenshot(str(tmp_path / "förnya-inte-båda.png"))

    type_into(driver, "renew-end", "2028-06-30")  # before the new period's start, 1 januari 2029
    type_into(driver, "renew-months", "")
    by_id(driver, "renew-end").submit()
    wait_for(lambda: driver.find_elements(By.ID, "renew-end-error"), what="felet vid slutdatumet")
    assert "Slutdatumet 2028-06-30 ligger före den nya periodens start, 2029-01-01." in text_of(driver, "renew-end-error")
    assert not driver.find_elements(By.ID, "renew-months-error")
    assert by_id(driver, "renew-end").get_attribute("value") == "2028-06-30"
    assert driver.switch_to.active_element == by_id(driver, "renew-end")
    assert driver.execute_script(in_view, by_id(driver, "renew-end-error"))
    driver.save_screenshot(str(tmp_path / "förnya-före-start.png"))
    assert not (root / "agreements" / "street-minds-2031.yaml").exists()
    if os.environ.get("DRAFTER_SHOTS"):  # to look at them: DRAFTER_SHOTS=/tmp/dir
        for shot in tmp_path.glob("*.png"):
            shot.replace(Path(os.environ["DRAFTER_SHOTS"]) / shot.name)
