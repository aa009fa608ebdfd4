"""A real browser for the web tests: Debian's chromium driven by Selenium, and drafter serve in a thread.

Outside CI a machine without chromium and chromedriver skips these tests with a reason; under CI=true
a missing browser fails the run (the Makefile's system-packages installs them).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("DRAFTER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("DRAFTER_CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=sv-SE"]


def need_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not (Path(p).exists() or shutil.which(p))]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium")
    if not missing:
        return
    how = " och ".join(w for w, needed in (("make install-test", "selenium" in missing),
                                            ("make system-packages", len(missing) > ("selenium" in missing))) if needed)
    reason = (f"Webbläsartesterna kräver {', '.join(missing)} ({how}) / browser tests need {', '.join(missing)}")
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def start_server(project: Path):
    """drafter serve's app under uvicorn on a free port of 127.0.0.1; returns (base url, stop)."""
    import uvicorn

    from drafter.web.app import create_app
    from drafter.web.security import allowed_hosts

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(project, allowed_hosts("127.0.0.1", port)),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("drafter serve started not within 20 s")
        time.sleep(0.05)

    def stop():
        server.should_exit = True
        thread.join(10)

    return f"http://127.0.0.1:{port}", stop


def new_driver(profile: Path, downloads: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "plugins.always_open_pdf_externally": True})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(1440, 1000)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


@contextlib.contextmanager
def browsing(root: Path, tmp_path_factory):
    """drafter serve over the project `root` and a browser: (driver, url, downloads), both stopped after."""
    downloads = tmp_path_factory.mktemp("hamtat")
    url, stop = start_server(root)
    driver = new_driver(tmp_path_factory.mktemp("profil"), downloads)
    try:
        yield driver, url, downloads
    finally:
        driver.quit()
        stop()


def blank_site(tmp_path_factory):
    """A project without texts served, and a browser on it: (driver, url, project root). Test modules take
    it as their module-scoped `site` fixture: site = pytest.fixture(scope="module", name="site")(blank_site)."""
    from tests.web.conftest import make_project

    need_browser()
    root = make_project(tmp_path_factory.mktemp("web") / "projekt", with_text=False)
    with browsing(root, tmp_path_factory) as (driver, url, _downloads):
        yield driver, url, root


def axe_violations(driver) -> list[dict]:
    """axe-core's serious and critical violations on the current page."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));")
    assert isinstance(result, list), result
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result if v["impact"] in ("serious", "critical")]


def shots(tmp_path: Path) -> None:
    """Move a test's screenshots where a person can look at them: DRAFTER_SHOTS=/tmp/dir."""
    if os.environ.get("DRAFTER_SHOTS"):
        for shot in tmp_path.glob("*.png"):
            shot.replace(Path(os.environ["DRAFTER_SHOTS"]) / shot.name)
