"""The site in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from kb.publish import metadata_for

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _served(kb_path: Path, folder: Path) -> Iterator[str]:
    """A knowledge base served read-only by a real Datasette on 127.0.0.1."""
    db = folder / "kb.db"
    shutil.copy(kb_path, db)
    meta = folder / "metadata.json"
    meta.write_text(json.dumps(metadata_for(db, public=True)))
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            "-i",
            str(db),
            "-m",
            str(meta),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "--setting",
            "default_allow_sql",
            "off",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("datasette did not start")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def site(sample_kb, tmp_path_factory):
    """The samples, as published."""
    with _served(sample_kb.path, tmp_path_factory.mktemp("site")) as base:
        yield base


@pytest.fixture(scope="module")
def reader_site_url(reader_kb, tmp_path_factory):
    """The site tests' own articles (dated, several outlets per event), as published."""
    with _served(reader_kb.path, tmp_path_factory.mktemp("reader-site")) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_search_open_event_and_compare_side_by_side(site, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(site + "/")
    assert "presskb" in page.title() or "presskb" in page.content()
    page.goto(site + "/kb/claims")
    page.fill("input[name=_search]", "legal proceedings")
    page.press("input[name=_search]", "Enter")
    page.wait_for_url("**_search=legal*")
    assert "legal proceedings" in page.inner_text("table.rows-and-columns")
    page.goto(site + "/kb/events")
    page.click("text=compare side by side >> nth=0")
    page.wait_for_selector("table#comparison")
    assert "/-/compare/ev-" in page.url
    headers = page.locator("table#comparison tr.field-head th").all_inner_texts()
    assert len(headers) >= 3  # the field column and at least two outlets
    marked = page.locator("table#comparison td[class^=kind-]").count()
    assert marked >= 2
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
    page.click("table#comparison a >> nth=0")
    page.wait_for_selector("mark#evidence")
    assert page.inner_text("mark#evidence").strip()


def test_reader_walks_front_page_search_speaker_and_comparison(reader_site_url, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(reader_site_url + "/")
    page.wait_for_selector("#front")
    assert page.locator("link[rel=alternate][type='application/atom+xml']").count() == 1
    page.screenshot(path=str(ARTIFACTS / "front.png"), full_page=True)
    page.fill("input#q", "recruitment videos")
    page.press("input#q", "Enter")
    page.wait_for_url("**/-/search?q=recruitment*")
    assert "recruitment videos" in page.inner_text("#claim-results")
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)
    page.click("#claim-results a.speaker >> nth=0")
    page.wait_for_selector("#speaker")
    assert "/-/speaker/" in page.url
    assert page.inner_text("#speaker h1") == "Ilse Varga"
    page.wait_for_selector(
        "#figures-chart[data-rendered=true] svg, #figures-chart[data-rendered=true] canvas"
    )
    assert page.locator("#figures-table tr").count() == 4  # a header and three figures
    page.screenshot(path=str(ARTIFACTS / "speaker.png"), full_page=True)
    page.click("#claims a:text('compare coverage') >> nth=0")
    page.wait_for_selector("table#comparison")
    assert "/-/compare/ev-" in page.url
    outlets = page.locator("table#comparison tr.field-head th").all_inner_texts()
    assert len(outlets) == 4  # the field column and three outlets
    assert any(o.startswith("Northern Ledger") for o in outlets)
    assert page.locator("table#comparison td.kind-precision").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "speaker-event-compare.png"), full_page=True)


@pytest.mark.parametrize("path", ["/", "/-/search?q=accounts", "/-/group/TTP", "SPEAKER"])
def test_reader_pages_fit_a_narrow_screen(site, browser, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    narrow = context.new_page()
    try:
        if path == "SPEAKER":
            narrow.goto(site + "/")
            path = narrow.get_attribute("#speakers a >> nth=0", "href")
        narrow.goto(site + path)
        narrow.wait_for_load_state("load")
        overflow = narrow.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{path} is {overflow}px wider than a 360px screen"
        name = "narrow-" + (path.strip("/").replace("/", "-").split("?")[0] or "front") + ".png"
        narrow.screenshot(path=str(ARTIFACTS / name), full_page=True)
    finally:
        context.close()


def test_reader_pages_read_without_javascript(reader_site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    try:
        plain.goto(reader_site_url + "/")
        assert "Ilse Varga" in plain.inner_text("#speakers")
        plain.click("#speakers a >> nth=0")
        plain.wait_for_selector("#speaker")
        assert "at least 350" in plain.inner_text("#figures-table")  # the chart's data
        assert "Digital Affairs Minister" in plain.inner_text("#titles")
        plain.screenshot(path=str(ARTIFACTS / "speaker-without-javascript.png"), full_page=True)
    finally:
        context.close()


def test_charts_render(site, page):
    page.goto(site + "/-/charts")
    page.wait_for_selector(
        ".chart-body[data-rendered=true] svg, .chart-body[data-rendered=true] canvas", timeout=15000
    )
    assert page.locator(".chart-body[data-rendered=true]").count() == 4
    page.screenshot(path=str(ARTIFACTS / "charts.png"), full_page=True)


def test_arbitrary_sql_is_refused_in_the_browser(site, page):
    response = page.goto(site + "/kb?sql=select+name+from+sqlite_master")
    assert response.status == 403
