"""The site in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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


@pytest.fixture(scope="module")
def site(sample_kb, tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    db = folder / "kb.db"
    shutil.copy(sample_kb.path, db)
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
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("datasette did not start")
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def page():
    with sync_playwright() as p:
        browser = p.chromium.launch(
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
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


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
