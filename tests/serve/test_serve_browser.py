"""The review app in a real browser: a real ``provalign serve`` process, headless Chromium.

The test starts the server itself on 127.0.0.1 with a free port (``--port 0``; the
address is read from its first line), with ``--allow-private-urls`` so the app may fetch
the original from the test's own 127.0.0.1 page server. Chromium uploads the
translation, runs the check, dismisses a flag with a note, unlinks a row, and the test
reads the saved JSON. Skips like ``report/test_browser.py`` when Chromium is missing (fails
under ``PROVALIGN_REQUIRE_BROWSER=1``). Saves ``docs/serve.png`` for the README when
``PROVALIGN_SCREENSHOT=1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from httpserver import serve_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data" / "align"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    pytest.importorskip("starlette")
    folder = tmp_path_factory.mktemp("review")
    env = dict(os.environ, PROVALIGN_CACHE_DIR=str(tmp_path_factory.mktemp("cache")))
    log = tmp_path_factory.mktemp("log") / "serve.err"
    command = [
        sys.executable,
        str(ROOT / "cli.py"),
        "serve",
        "--port",
        "0",
        "--open",
        str(folder),
        "--allow-private-urls",
        "--reviewer",
        "Test Reviewer",
    ]
    with (
        log.open("w", encoding="utf-8") as err,
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err, text=True
        ) as proc,
    ):
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("provalign serve: http://127.0.0.1:"), line + log.read_text(
                encoding="utf-8"
            )
            yield line.split()[2].rstrip("/"), folder
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait(driver: Any, condition: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script(f"return Boolean({condition})"):
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {condition}")


def _errors(driver: Any) -> list[Any]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def test_review_from_upload_to_saved_decision(
    browser: Any,  # noqa: F811 - the fixture imported above
    server: tuple[str, Path],
) -> None:
    from selenium.webdriver.common.by import By

    base, folder = server
    pages = {"ar": ((DATA / "ntrex.ar.txt").read_bytes(), "text/plain; charset=utf-8")}
    with serve_pages(pages) as page_server:
        browser.get(base)
        browser.find_element(By.ID, "original_url").send_keys(f"{page_server}/page/ar")
        browser.find_element(By.ID, "translation_file").send_keys(str(DATA / "ntrex.en.txt"))
        browser.find_element(By.ID, "run-check").click()
        _wait(browser, "location.pathname.startsWith('/review/')")
    report_id = browser.current_url.rsplit("/", 1)[1].split("#")[0]
    html = browser.page_source
    assert len(html.encode("utf-8")) <= 200_000
    resources = browser.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0  # nothing loaded besides the page itself
    flags = browser.find_elements(By.CSS_SELECTOR, "li.flagrow")
    assert flags, "the NTREX pair has flags"
    marked = browser.find_elements(By.CSS_SELECTOR, "li.flagrow mark.w")  # a flag's own words
    underline = "return getComputedStyle(document.querySelector('span.nm')).textDecorationLine"
    assert browser.execute_script(underline) == "underline"
    browser.find_element(By.ID, "nm-show").click()  # the reading aid's switch, CSS only
    assert browser.execute_script(underline) == "none"

    first = flags[0]
    first.find_element(By.NAME, "note").send_keys("reviewed in the browser")
    first.find_element(By.CSS_SELECTOR, "button[value=dismiss]").click()
    _wait(browser, "document.querySelectorAll('#decisions li').length === 1")
    assert "dismissed" in browser.find_element(By.ID, "decisions").text

    row = browser.find_element(By.ID, "link-1")
    row.find_element(By.CSS_SELECTOR, "button[value=unlink]").click()
    _wait(browser, "document.querySelectorAll('#decisions li').length === 2")
    if os.environ.get("PROVALIGN_SCREENSHOT") == "1":
        browser.set_window_size(1100, 740)
        browser.execute_script("window.scrollTo(0, 0)")
        assert browser.save_screenshot(str(ROOT / "docs" / "serve.png"))
        browser.set_window_size(1400, 1700)
    assert not _errors(browser)

    data = json.loads((folder / f"{report_id}.json").read_text(encoding="utf-8"))
    assert data["original"]["source"]["url"] == f"{page_server}/page/ar"
    assert data["original"]["source"]["status"] == 200
    dismissed, unlinked = data["review"]["decisions"]
    assert dismissed["action"] == "dismiss" and dismissed["note"] == "reviewed in the browser"
    assert dismissed["who"] == "Test Reviewer" and dismissed["when"]
    assert unlinked["action"] == "unlink" and len(unlinked["after"]) == 2
    assert data["review"]["links"] != data["links"]  # reviewed beside the machine's
    assert len(data["review"]["links"]) == len(data["links"]) + 1
    assert data["unmatched"]  # the app checks with the reading aid (check --unmatched)
    assert len(marked) >= sum(len(f.get("spans", [])) > 0 for f in data["flags"]) > 0
    assert data["signature"]["settings"]["flags.unmatched_words"] == "True"

    browser.find_element(By.ID, "open-report").click()
    _wait(browser, "location.pathname.startsWith('/report/')")
    assert "dismissed by Test Reviewer" in browser.page_source
    assert browser.find_elements(By.ID, "nm-toggle")  # its underlines, with their switch
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert not _errors(browser)  # the report's own script ran under its CSP

    browser.get(base + "/?sort=flags")
    assert report_id in browser.find_element(By.ID, "summary").text
    assert not _errors(browser)
