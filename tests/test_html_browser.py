"""The HTML report in a real headless Chromium: it loads clean, filters, shows details, runs no page script.

Skipped, with the reason, when no Chromium and chromedriver are installed (Debian: ``apt-get
install chromium chromium-driver``; ``.ci/run`` installs them). Screenshots of the overview and
of a page are kept in the test's tmp folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_html_report import HOSTILE_HTML, HOSTILE_TXT, TEAM_RULE

pytestmark = pytest.mark.browser

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _find_browser() -> tuple[str, str] | str:
    """(browser, driver), or why the browser tests cannot run."""
    browser = next((p for p in map(shutil.which, BROWSERS) if p), None)
    driver = shutil.which("chromedriver") or next(
        (p for p in ("/usr/lib/chromium/chromedriver", "/usr/bin/chromedriver") if Path(p).exists()), None)
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if browser is None or driver is None:
        return "no Chromium with chromedriver found (apt-get install chromium chromium-driver)"
    return browser, driver


@pytest.fixture(scope="module")
def browser():
    found = _find_browser()
    if isinstance(found, str):
        pytest.skip(found)
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = found[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    yield driver
    driver.quit()


def open_report(driver, run_cli, folder: Path, *args: str) -> str:
    out = folder / "report.html"
    run_cli("check", "--no-cache", "--format", "html", "--output", str(out), *args)
    url = out.as_uri()
    driver.get_log("browser")  # start each page with empty logs
    driver.get_log("performance")
    driver.get(url)
    assert driver.execute_script("return document.documentElement.classList.contains('ready')")
    return url


def requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def shown(driver, css: str) -> list:
    return [el for el in driver.find_elements("css selector", css) if el.is_displayed()]


@pytest.fixture(scope="module")
def examples(browser, tmp_path_factory):
    from click.testing import CliRunner

    from lintcare.cli.main import main

    def run_cli(*args: str):
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    folder = tmp_path_factory.mktemp("html-examples")
    url = open_report(browser, run_cli, folder, str(ROOT / "examples"))
    return folder, url


def test_opens_with_no_console_errors_and_no_network_requests(browser, examples) -> None:
    folder, url = examples
    browser.get(url)
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")] == []
    assert set(requests(browser)) <= {url}
    import json

    from click.testing import CliRunner

    from lintcare.cli.main import main

    report = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(ROOT / "examples")])
    total = json.loads(report.stdout)["summary"]["findings"]
    assert total > 0 and len(browser.find_elements("css selector", "tr.row")) == total
    assert browser.find_element("id", "status").text == f"Showing {total} of {total} findings"
    browser.save_screenshot(str(folder / "overview.png"))
    page = browser.find_element("css selector", "section.page .text")
    browser.execute_script("arguments[0].scrollIntoView()", page)
    browser.find_element("css selector", "section.page mark[tabindex]").click()
    browser.save_screenshot(str(folder / "page.png"))
    assert (folder / "overview.png").stat().st_size > 10_000 and (folder / "page.png").stat().st_size > 10_000


def test_a_filter_hides_the_other_findings_and_updates_the_counts(browser, examples) -> None:
    _, url = examples
    browser.get(url)
    total = len(browser.find_elements("css selector", "tr.row"))
    errors = len(browser.find_elements("css selector", "tr.row[data-severity=error]"))
    before = browser.find_element("css selector", "[data-count-category=terminology]").text
    browser.find_element("css selector", "input[name=severity][value=error]").click()
    assert browser.find_element("id", "status").text == f"Showing {total - errors} of {total} findings"
    assert shown(browser, "tr.row[data-severity=error]") == []
    assert len(shown(browser, "tr.row")) == total - errors
    marked = browser.find_elements("css selector", "mark.m.s-error:not(.off)")
    assert marked == [] and browser.find_elements("css selector", "mark.m.s-error.off")
    after = browser.find_element("css selector", "[data-count-category=terminology]").text
    assert int(after) < int(before)  # the example pages have terminology errors
    page_counts = [int(el.text) for el in browser.find_elements("css selector", "[data-page-count]")]
    assert sum(page_counts) == total - errors
    # The search box narrows within the filter; clearing the filters shows everything again.
    box = browser.find_element("id", "q")
    box.send_keys("ketamin")
    narrowed = len(shown(browser, "tr.row"))
    assert 0 < narrowed < total - errors
    assert browser.find_element("id", "status").text == f"Showing {narrowed} of {total} findings"
    browser.find_element("css selector", "button[type=reset]").click()
    assert browser.find_element("id", "status").text == f"Showing {total} of {total} findings"


def test_focusing_a_mark_shows_its_message(browser, examples) -> None:
    from selenium.webdriver.common.keys import Keys

    _, url = examples
    browser.get(url)
    panel = browser.find_element("id", "detail")
    assert not panel.is_displayed()
    # From the last page-level finding, Tab goes to the first mark in the text.
    doc = browser.find_elements("css selector", "#p1 .m-doc")[-1]
    browser.execute_script("arguments[0].focus()", doc)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    marks = browser.find_elements("css selector", "#p1 mark[tabindex='0']")
    active = browser.switch_to.active_element
    assert active.get_attribute("data-fid") == marks[0].get_attribute("data-fid")
    row = browser.find_element("css selector", f"tr.row[data-fid={marks[0].get_attribute('data-fid')}]")
    assert panel.is_displayed()
    assert browser.find_element("id", "d-msg").text == row.find_element("css selector", ".msg").text
    assert browser.find_element("id", "d-rule").text == row.get_attribute("data-rule")
    active.send_keys(Keys.TAB)  # the next mark takes over the panel
    second = browser.switch_to.active_element.get_attribute("data-fid")
    row = browser.find_element("css selector", f"tr.row[data-fid={second}]")
    assert browser.find_element("id", "d-msg").text == row.find_element("css selector", ".msg").text
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not panel.is_displayed()


def test_hostile_page_text_and_messages_run_no_script(browser, tmp_path, run_cli) -> None:
    (tmp_path / "page.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (tmp_path / "page.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (tmp_path / "team.yaml").write_text(TEAM_RULE, encoding="utf-8")
    url = open_report(browser, run_cli, tmp_path, "--rules", str(tmp_path / "team.yaml"),
                      str(tmp_path / "page.txt"), str(tmp_path / "page.html"))
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert set(requests(browser)) <= {url}  # the <img src=x> in the text was never fetched
    text = browser.find_element("css selector", "section.page .text").text
    assert "<script>window.pwned = 1</script>" in text and 'onerror="window.pwned = 2"' in text
    team = browser.find_element("css selector", "mark[data-fid][tabindex]")
    rows = browser.find_elements("css selector", "tr.row[data-rule=team-clinic]")
    rows[0].find_element("css selector", ".goto").click()
    assert "<b>practice</b>" in browser.find_element("id", "d-msg").text
    assert "<script>" in browser.find_element("id", "d-src").text
    assert browser.execute_script("return typeof window.pwned") == "undefined" and team
