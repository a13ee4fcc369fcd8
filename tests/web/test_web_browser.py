"""The dashboard in a real browser: Debian's chromium and chromedriver driven by Selenium.

Opens each page on the ingested samples, checks that markers, timeline bars, network nodes and
article highlights appear, clicks from an event on the map to its article and from a network
edge to its events, and takes a screenshot of each page: into docs/screenshots/ (for the
README) when NEWSEVENTS_SCREENSHOTS=1, else into a temporary folder, so a test run leaves the
tree clean. Where chromium cannot start, the tests skip with the reason (under CI they fail:
.ci/run installs chromium and chromium-driver).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(samples_db):
    """The app on a free loopback port, served by uvicorn in a thread. RETURNS (str): base URL."""
    import uvicorn

    from newsevents.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(samples_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        _unavailable(f"{CHROMIUM} or {CHROMEDRIVER} missing: apt-get install chromium chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as err:
        _unavailable(f"selenium not installed: {err}")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,950", "--hide-scrollbars",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(arg)
    try:
        # the driver's path is given: Selenium Manager looks nothing up and downloads nothing
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except Exception as err:  # noqa: BLE001 - any failure to start means: no browser here
        _unavailable(f"chromium could not start: {str(err).splitlines()[0]}")
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    if os.environ.get("NEWSEVENTS_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def _wait(driver, predicate, timeout=20, what="condition"):
    end = time.time() + timeout
    while time.time() < end:
        try:
            result = predicate()
            if result:
                return result
        except Exception:  # noqa: BLE001 - element not there yet
            pass
        time.sleep(0.1)
    shown = driver.execute_script("return document.getElementById('status')?.textContent")
    raise AssertionError(f"timed out waiting for {what}; status: {shown}")


def _open(driver, url):
    driver.get(url)
    _wait(driver, lambda: driver.execute_script("return document.body.dataset.ready"), what=f"{url} to load")
    assert driver.execute_script("return document.body.dataset.ready") == "1", \
        driver.find_element("id", "status").text


def _css(driver, selector):
    return driver.find_elements("css selector", selector)


def test_map_markers_and_click_through_to_the_article(browser, server, shots):
    from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException

    _open(browser, server + "/map")
    _wait(browser, lambda: _css(browser, ".leaflet-overlay-pane path"), what="the basemap or markers")
    markers = lambda: _css(browser, "path.ne-marker") + _css(browser, ".ne-cluster")
    _wait(browser, markers, what="markers")
    # open clusters until a single place's marker shows, then click it; a click that lands while a
    # cluster is still spreading its markers (a loaded machine) can miss: look again and click again
    for attempt in range(3):
        for _ in range(8):
            visible = [m for m in _css(browser, "path.ne-marker") if m.is_displayed()]
            if visible:
                break
            _css(browser, ".ne-cluster")[0].click()
            time.sleep(0.8)
        try:
            # while the map still animates (a zoom into a cluster) the click can land on the map
            # itself (ElementClickIntercepted) or the marker be redrawn (stale): look again
            visible[0].click()
            link = _wait(browser, lambda: _css(browser, "#side a.event-link"), timeout=10,
                         what="the events at the marker")[0]
            break
        except (AssertionError, ElementClickInterceptedException, StaleElementReferenceException):
            if attempt == 2:
                raise
            time.sleep(1.0)
    time.sleep(0.5)
    browser.save_screenshot(str(shots / "map.png"))
    href = link.get_attribute("href")
    link.click()
    _wait(browser, lambda: "/article/" in browser.current_url, what="the article page")
    assert browser.current_url == href
    _open(browser, browser.current_url)
    assert _css(browser, ".article-text .focus"), "the event's evidence is not marked"


def test_timeline_bars_list_their_events(browser, server, shots):
    _open(browser, server + "/timeline?by=month")
    bars = _css(browser, "svg.timeline g.bar")
    assert len(bars) >= 3
    bars[0].click()
    items = _wait(browser, lambda: _css(browser, "#side .event-item"), what="the bar's events")
    browser.save_screenshot(str(shots / "timeline.png"))
    start = bars[0].get_attribute("data-start")
    assert all(i.find_element("css selector", ".date").text[:7] == start[:7] for i in items)


def test_network_nodes_and_an_edge_lists_its_events(browser, server, shots):
    _open(browser, server + "/network")
    assert len(_css(browser, "svg.network g.node")) >= 3
    edges = _css(browser, "svg.network g.edge")
    assert edges
    source, target = edges[0].get_attribute("data-source"), edges[0].get_attribute("data-target")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edges[0])
    _wait(browser, lambda: _css(browser, "#side .event-item"), what="the edge's events")
    assert f"{source} → {target}" in _css(browser, "#side h2")[0].text
    browser.save_screenshot(str(shots / "network.png"))


def test_article_highlights_every_kind(browser, server, shots):
    _open(browser, server + "/article/sample-singapore-summit#V1")
    for kind in ("actor", "trigger", "quote", "cue", "source", "place", "date"):
        assert _css(browser, f".article-text .hl-{kind}"), f"no {kind} highlighted"
    assert _css(browser, ".article-text .focus"), "the event of the URL's #V1 is not marked"
    trigger = _css(browser, ".article-text .hl-trigger")[0]
    trigger.click()
    assert "event_type" not in browser.find_element("id", "record").text  # a formatted card, not raw JSON
    assert "type:" in browser.find_element("id", "record").text
    browser.save_screenshot(str(shots / "article.png"))


def test_filter_bar_is_kept_in_the_url(browser, server, shots):
    _open(browser, server + "/events")
    field = browser.find_element("css selector", "#filter-bar input[name=actor]")
    field.send_keys("HKG")
    browser.find_element("css selector", "#filter-bar button[type=submit]").click()
    _wait(browser, lambda: "actor=HKG" in browser.current_url, what="the filter in the URL")
    _open(browser, browser.current_url)
    assert browser.find_element("css selector", "#filter-bar input[name=actor]").get_attribute("value") == "HKG"
    assert "actor=HKG" in browser.find_element("css selector", "a[data-nav=map]").get_attribute("href")
    csv_link = [a for a in _css(browser, "a.download") if a.text == "CSV"][0]
    assert "actor=HKG" in csv_link.get_attribute("href") and "format=csv" in csv_link.get_attribute("href")
    browser.save_screenshot(str(shots / "events.png"))
