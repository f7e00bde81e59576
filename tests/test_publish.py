"""The Datasette site, tested in-process through ``Datasette(...).client``."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import asgi_csrf
import pytest
import yaml

from extract import Resources
from kb import store
from kb.build import build
from kb.publish import METADATA, _pooled_secret, datasette_args, metadata_for
from kb.settings import Settings

QUERIES = yaml.safe_load(METADATA.read_text())["databases"]["kb"]["queries"]


EXPECTED_ROWS = {
    "articles": 5,
    "article_profiles": 5,
    "events": 3,
    "event_articles": 5,
    "event_coverage": 5,
    "article_outlets": 5,
    "discrepancies": 9,
    "speakers": 3,
    "groups": len(Resources.load().groups),
    "platforms": len(Resources.load().platforms),
    "ingest_errors": 0,
}


@pytest.mark.asyncio(loop_scope="session")
@pytest.mark.parametrize(("table", "rows"), sorted(EXPECTED_ROWS.items()))
async def test_tables_and_views_answer_with_their_rows(ds, table, rows):
    response = await ds.client.get(f"/kb/{table}.json?_shape=array&_size=max")
    assert response.status_code == 200
    assert len(response.json()) == rows
    html = await ds.client.get(f"/kb/{table}")
    assert html.status_code == 200


@pytest.mark.asyncio(loop_scope="session")
async def test_every_table_and_view_has_a_description(ds, sample_kb):
    described = metadata_for(sample_kb.path)["databases"]["kb"]["tables"]
    names = await ds.databases["kb"].table_names() + await ds.databases["kb"].view_names()
    public = [n for n in names if not n.startswith("_") and "_fts" not in n]
    assert sorted(n for n in public if n not in described) == []
    for name in public:
        assert described[name].get("description"), name


CANNED = {
    "claims_by_speaker": (
        {"speaker": "Chaudhry"},
        lambda rows: len(rows) > 20 and {r["speaker"] for r in rows} == {"Talal Chaudhry"},
    ),
    "account_figures_by_outlet": (
        {},
        lambda rows: sorted(r["figure"] for r in rows) == ["at least 481", "hundreds", "hundreds"],
    ),
    "disagreeing_events": (
        {"kind": "conflict"},
        lambda rows: len(rows) == 1 and rows[0]["fields"] == "legal_action",
    ),
    "articles_naming_group": (
        {"group": "TTP"},
        lambda rows: (
            {r["surface"] for r in rows}
            == {"TTP", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban"}
        ),
    ),
    "search_claims": (
        {"q": "legal"},
        lambda rows: rows and all("legal" in r["text"].lower() for r in rows),
    ),
    "latest_events": (
        {},
        lambda rows: len(rows) == 3 and sum(r["article_count"] for r in rows) == 5,
    ),
    "claims_over_time": ({}, lambda rows: rows[0]["day"] == "undated" and rows[0]["claims"] > 50),
    "groups_named_most": ({}, lambda rows: rows[0]["group"] in ("TTP", "BLA")),
    "discrepancy_kinds": ({}, lambda rows: sum(r["n"] for r in rows) == 9),
}


@pytest.mark.asyncio(loop_scope="session")
@pytest.mark.parametrize("query", sorted(QUERIES))
async def test_every_canned_query_answers(ds, public_ds, query):
    params, check = CANNED.get(query, (None, None))
    if query == "event_side_by_side":
        event = (
            await ds.client.get("/kb/events.json?_shape=array&article_count=2&_sort=event_id")
        ).json()[0]
        params, check = {"event_id": event["event_id"]}, lambda rows: len(rows) == 2
    if query == "speaker_figures":
        speaker = (
            await ds.client.get("/kb/speakers.json?_shape=array&name=Talal+Chaudhry")
        ).json()[0]
        params = {"speaker_id": speaker["speaker_id"]}
        check = lambda rows: [r["figure"] for r in rows] == ["hundreds"]  # noqa: E731
    assert check is not None, f"no test for canned query {query}"
    for site in (ds, public_ds):
        qs = "&".join(f"{k}={v}" for k, v in params.items())
        response = await site.client.get(f"/kb/{query}.json?_shape=array&{qs}")
        assert response.status_code == 200, query
        assert check(response.json()), query


@pytest.mark.asyncio(loop_scope="session")
async def test_public_mode_refuses_arbitrary_sql(public_ds, ds):
    refused = await public_ds.client.get("/kb.json?sql=select+1")
    assert refused.status_code == 403
    assert (await ds.client.get("/kb.json?sql=select+1")).status_code == 200


@pytest.mark.asyncio(loop_scope="session")
async def test_public_mode_is_immutable_and_has_a_robots_policy(public_ds):
    databases = (await public_ds.client.get("/-/databases.json")).json()
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("kb", False)]
    robots = await public_ds.client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Disallow: /" in robots.text


@pytest.mark.asyncio(loop_scope="session")
async def test_compare_page_puts_outlets_side_by_side(ds):
    events = (
        await ds.client.get("/kb/events.json?_shape=array&_sort_desc=discrepancy_count")
    ).json()
    page = await ds.client.get(f"/-/compare/{events[0]['event_id']}")
    assert page.status_code == 200
    html = page.text
    assert html.count("kind-variant") >= 2
    assert "kind-conflict" in html or "kind-precision" in html
    assert "/-/evidence/" in html
    assert (await ds.client.get("/-/compare/ev-nope")).status_code == 404


@pytest.mark.asyncio(loop_scope="session")
async def test_event_ids_link_to_the_comparison(ds):
    html = (await ds.client.get("/kb/events")).text
    assert "compare side by side" in html and "/-/compare/ev-" in html


@pytest.mark.asyncio(loop_scope="session")
async def test_evidence_page_highlights_the_span(ds):
    row = (await ds.client.get("/kb/account_counts.json?_shape=array&text=at+least+481")).json()[0]
    page = await ds.client.get(
        f"/-/evidence/{row['article_id']}?start={row['start']}&end={row['end']}"
    )
    assert page.status_code == 200
    assert '<mark id="evidence">at least 481</mark>' in page.text


@pytest.mark.asyncio(loop_scope="session")
async def test_charts_page_lists_every_chart(ds, public_ds):
    for site in (ds, public_ds):
        page = await site.client.get("/-/charts")
        assert page.status_code == 200
        assert page.text.count('class="chart-body"') == 4
        assert "vega-embed.min.js" in page.text


@pytest.mark.asyncio
async def test_scraped_script_renders_inert(tmp_path, extractor, site_factory):
    (tmp_path / "x.txt").write_text(
        "Interior Minister Mohsin Naqvi said <script>alert('owned')</script> 300 accounts were blocked.\n"
    )
    db = store.open_db(tmp_path / "kb.db")
    build([str(tmp_path / "x.txt")], db, Settings(), extractor=extractor)
    db.close()
    site = await site_factory(tmp_path / "kb.db", public=True)
    row = (await site.client.get("/kb/articles.json?_shape=array")).json()[0]
    for url in (
        f"/kb/articles/{row['article_id']}",
        f"/-/evidence/{row['article_id']}?start=0&end=10",
    ):
        page = await site.client.get(url)
        assert page.status_code == 200
        assert "<script>alert('owned')</script>" not in page.text
        assert "&lt;script&gt;alert(" in page.text


def test_public_datasette_arguments(tmp_path):
    args = datasette_args(
        tmp_path / "kb.db", tmp_path / "m.json", public=True, inspect_file=tmp_path / "i.json"
    )
    assert args[:7] == ["serve", "-m", str(tmp_path / "m.json"), "-h", "127.0.0.1", "-p", "8001"]
    assert ["-i", str(tmp_path / "kb.db")] == args[7:9]
    assert ["--inspect-file", str(tmp_path / "i.json")] == args[9:11]
    assert args[11:14] == ["--setting", "default_allow_sql", "off"]


def test_metadata_follows_the_database_name(tmp_path):
    meta = metadata_for(tmp_path / "news.db", public=True)
    assert "news" in meta["databases"] and "kb" not in meta["databases"]
    assert meta["allow_sql"] is False
    assert "allow_sql" not in metadata_for(tmp_path / "news.db", public=False)
    assert json.dumps(meta)


def _wait_until_answering(server: subprocess.Popen, port: int) -> None:
    """Wait (up to two minutes) for a server started by ``server`` to answer on ``port``."""
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5)
            return
        except OSError:
            assert server.poll() is None, f"the server ended with code {server.returncode}"
            time.sleep(0.5)
    pytest.fail(f"nothing answered on port {port}")


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_publish_serves_one_port_from_several_workers_and_stops_them_all(tmp_path, sample_kb):
    db_path = tmp_path / "kb.db"
    shutil.copy(sample_kb.path, db_path)
    port = _free_port()
    command = ["publish", "--db", str(db_path), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        [sys.executable, "-m", "kb.cli", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_answering(server, port)  # the workers start Datasette
        workers = _children(server.pid)
        assert len(workers) == 2
        for path in ("/", "/-/feed.atom", "/kb/events.json", "/-/group/TTP"):
            for _ in range(4):  # new connections, spread over the workers by the kernel
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
                    assert r.status == 200, path
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert server.returncode == 0
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []


def test_pooled_csrf_secrets_are_fresh_and_of_the_middlewares_alphabet():
    drawn = [_pooled_secret(16) for _ in range(600)]  # crosses a 4 KB refill
    assert all(len(s) == 16 and set(s) <= set(asgi_csrf.allowed_chars) for s in drawn)
    assert len(set(drawn)) == len(drawn)
    assert len(_pooled_secret(128)) == 128


def test_serve_stops_with_its_server_on_sigterm(tmp_path, sample_kb):
    """``presskb serve`` is the Datasette process: SIGTERM leaves nothing on the port."""
    db_path = tmp_path / "kb.db"
    shutil.copy(sample_kb.path, db_path)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kb.cli", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_answering(server, port)
        assert _children(server.pid) == []  # no child process holds the port
    finally:
        server.terminate()
        server.wait(timeout=60)
    with socket.socket() as sock:  # nothing listens on the port any more
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
