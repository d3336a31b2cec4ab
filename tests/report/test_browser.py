"""The HTML report in a real browser (headless Chromium through Selenium).

Skips when Chromium or chromedriver is missing on a developer's machine; fails instead
when ``PROVALIGN_REQUIRE_BROWSER=1`` (set by ``.ci/run``), so CI cannot pass silently
without running it. Saves ``tests/artifacts/report.png``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from report_fixture import INJECTION, make_report

from align.report import render

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    report = make_report("2025-01-02T03:04:05+00:00")
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    browser.get(path.as_uri())
    return browser


def _rows(driver: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, "tbody tr.row"))


def test_screenshot_and_no_injected_script(page: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.save_screenshot(str(ARTIFACTS / "report.png"))
    assert page.execute_script("return typeof window.__pwned") == "undefined"
    assert page.title != "pwned"
    assert "provalign" in page.title
    texts = page.execute_script(
        "return Array.from(document.querySelectorAll('td.txt')).map(td => td.textContent)"
    )
    assert any(INJECTION.split("\t")[0] in t for t in texts)
    errors = [e for e in page.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, errors  # e.g. a CSP violation if our own script's hash were wrong


def test_arabic_cells_are_rtl(page: Any) -> None:
    directions = page.execute_script(
        "return Array.from(document.querySelectorAll('td.txt[lang=ar]'))"
        ".map(td => [getComputedStyle(td).direction, getComputedStyle(td).textAlign])"
    )
    assert len(directions) == len(make_report().alignment.links)
    assert all(d == "rtl" for d, _ in directions)
    english = page.execute_script(
        "return Array.from(document.querySelectorAll('td.txt[lang=en]'))"
        ".map(td => getComputedStyle(td).direction)"
    )
    assert set(english) == {"ltr"}


def test_row_count_equals_link_count(page: Any) -> None:
    assert len(_rows(page)) == len(make_report().alignment.links) == 8


def test_filter_hides_rows_of_a_kind(page: Any) -> None:
    from selenium.webdriver.common.by import By

    box = page.find_element(By.CSS_SELECTOR, "input[data-kind='omission']")
    box.click()
    try:
        shown = {r.get_attribute("id"): r.is_displayed() for r in _rows(page)}
        assert shown["link-5"] is False  # the omission row
        assert all(v for k, v in shown.items() if k != "link-5")
        page.find_element(By.CSS_SELECTOR, "input[data-kind='none']").click()
        shown = {r.get_attribute("id"): r.is_displayed() for r in _rows(page)}
        assert shown["link-1"] is False and shown["link-2"] is False  # unflagged rows
        assert shown["link-0"] is True and shown["link-4"] is True
        page.find_element(By.CSS_SELECTOR, "input[data-kind='none']").click()
    finally:
        box.click()
    assert all(r.is_displayed() for r in _rows(page))


def test_keyboard_jumps_between_flagged_rows(page: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    def current() -> str | None:
        result: str | None = page.execute_script(
            "var r = document.querySelector('tr.current'); return r ? r.id : null"
        )
        return result

    actions = ActionChains(page)
    actions.send_keys("n").perform()
    assert current() == "link-0"
    actions.send_keys("j").perform()
    assert current() == "link-3"  # link-1 and link-2 are unflagged
    actions.send_keys("n").perform()
    assert current() == "link-4"
    actions.send_keys("p").perform()
    assert current() == "link-3"
    actions.send_keys("k").perform()
    assert current() == "link-0"
    assert "flag 1 of 6" in page.execute_script("return document.getElementById('pos').textContent")


def test_print_media_hides_filters(page: Any) -> None:
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        toolbar = page.execute_script(
            "return getComputedStyle(document.getElementById('toolbar')).display"
        )
        assert toolbar == "none"
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_unmatched_underlines_escape_and_switch_off(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``check --unmatched``'s runs: underlined (the article's markup still inert inside
    them), and the toolbar's switch hides and shows the underlines."""
    import dataclasses

    from selenium.webdriver.common.by import By

    from align.types import Span

    base = make_report()
    sents = base.alignment.translation.sentences
    runs = tuple(Span("translation", s.index, 0, len(s.text)) for s in sents)
    path = tmp_path_factory.mktemp("nm") / "report.html"
    path.write_text(render(dataclasses.replace(base, unmatched=runs), "html"), encoding="utf-8")
    browser.get(path.as_uri())
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    style = "return getComputedStyle(document.querySelector('span.nm')).textDecorationLine"
    assert browser.execute_script(style) == "underline"
    texts = browser.execute_script(
        "return Array.from(document.querySelectorAll('span.nm')).map(s => s.textContent)"
    )
    assert any("<script>" in t for t in texts)  # shown as text, not run
    toggle = browser.find_element(By.ID, "nm-toggle")
    toggle.click()
    assert browser.execute_script(style) == "none"
    toggle.click()
    assert browser.execute_script(style) == "underline"
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, errors
