"""Atom feeds of new events and discrepancies: valid, stable, newest first, linked back."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from kb import store
from kb.build import SAMPLE_CORPUS, build
from kb.settings import Settings
from kb.site.feed import Entry, atom_document, discrepancy_urn

A = "{http://www.w3.org/2005/Atom}"
BASE = "http://localhost"


def _parse(body: bytes) -> ET.Element:
    root = ET.fromstring(body)
    assert root.tag == f"{A}feed"
    return root


def _entries(root: ET.Element) -> list[dict[str, str | None]]:
    out = []
    for entry in root.findall(f"{A}entry"):
        link = entry.find(f"{A}link[@rel='alternate']")
        published = entry.find(f"{A}published")
        out.append(
            {
                "id": entry.findtext(f"{A}id"),
                "title": entry.findtext(f"{A}title"),
                "updated": entry.findtext(f"{A}updated"),
                "published": published.text if published is not None else None,
                "href": link.get("href") if link is not None else None,
                "summary": entry.findtext(f"{A}summary"),
                "category": entry.find(f"{A}category").get("term"),
            }
        )
    return out


def _assert_valid_atom(root: ET.Element) -> None:
    """What RFC 4287 requires of a feed and of each entry."""
    assert root.findtext(f"{A}id")
    assert root.findtext(f"{A}title")
    dt.datetime.fromisoformat(root.findtext(f"{A}updated"))
    assert root.find(f"{A}author/{A}name").text
    self_link = root.find(f"{A}link[@rel='self']")
    assert self_link is not None and self_link.get("href").startswith(BASE)
    for entry in _entries(root):
        assert entry["id"].startswith("urn:presskb:")
        assert entry["title"]
        dt.datetime.fromisoformat(entry["updated"])
        assert entry["href"].startswith(BASE + "/")


session_loop = pytest.mark.asyncio(loop_scope="session")


@session_loop
async def test_site_feed_is_atom_with_every_event_and_discrepancy(reader_site):
    response = await reader_site.client.get("/-/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = _parse(response.content)
    _assert_valid_atom(root)
    entries = _entries(root)
    kinds = [e["category"] for e in entries]
    assert kinds.count("event") == 2
    assert kinds.count("discrepancy:precision") == 3
    assert kinds.count("discrepancy:omission") == 4
    assert len({e["id"] for e in entries}) == len(entries)


@session_loop
async def test_feed_is_newest_first(reader_site):
    entries = _entries(_parse((await reader_site.client.get("/-/feed.atom")).content))
    events = [e for e in entries if e["category"] == "event"]
    assert [e["published"][:10] for e in events] == ["2026-04-10", "2026-03-03"]


@session_loop
async def test_every_feed_entry_links_back_into_the_site(reader_site):
    entries = _entries(_parse((await reader_site.client.get("/-/feed.atom")).content))
    for entry in entries:
        path, _, anchor = entry["href"][len(BASE) :].partition("#")
        page = await reader_site.client.get(path)
        assert page.status_code == 200, entry["href"]
        if anchor:  # a discrepancy points at its own line on the comparison
            assert f'id="{anchor}"' in page.text


@session_loop
async def test_feed_escapes_scraped_markup(reader_site):
    response = await reader_site.client.get("/-/feed.atom")
    assert b"<script>" not in response.content and b"<b>Test" not in response.content
    summaries = [e["summary"] for e in _entries(_parse(response.content))]
    assert any("from Tag <b>Test</b> Weekly;" in t for t in summaries)  # as text, once parsed


@session_loop
async def test_front_page_announces_the_feed(public_ds):
    html = (await public_ds.client.get("/")).text
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="New events and discrepancies" href="/-/feed.atom">'
    ) in html


@session_loop
async def test_speaker_feed_holds_only_that_speakers_events(reader_site):
    speakers = (await reader_site.client.get("/kb/speakers.json?_shape=array")).json()
    ids = {s["name"]: s["speaker_id"] for s in speakers}
    page = (await reader_site.client.get(f"/-/speaker/{ids['Piet Olsen']}")).text
    assert f'href="/-/speaker/{ids["Piet Olsen"]}.atom"' in page
    response = await reader_site.client.get(f"/-/speaker/{ids['Piet Olsen']}.atom")
    root = _parse(response.content)
    _assert_valid_atom(root)
    entries = _entries(root)
    assert [e["category"] for e in entries] == ["event"]
    assert "Piet Olsen" in entries[0]["title"]
    assert root.findtext(f"{A}id") == f"urn:presskb:feed:speaker:{ids['Piet Olsen']}"
    varga = _entries(
        _parse((await reader_site.client.get(f"/-/speaker/{ids['Ilse Varga']}.atom")).content)
    )
    assert len(varga) == 1 + 7


@session_loop
async def test_entry_ids_survive_a_rebuild(public_ds, sample_kb, tmp_path, extractor, site_factory):
    db = store.open_db(tmp_path / "kb.db")
    build([str(SAMPLE_CORPUS)], db, Settings(), extractor=extractor)
    db.close()
    rebuilt = await site_factory(tmp_path / "kb.db", public=True)
    first = [
        e["id"] for e in _entries(_parse((await public_ds.client.get("/-/feed.atom")).content))
    ]
    again = [e["id"] for e in _entries(_parse((await rebuilt.client.get("/-/feed.atom")).content))]
    found = await public_ds.client.get("/kb/discrepancies.json?_shape=array&_size=max")
    assert len(first) == 3 + len(found.json())
    assert sorted(first) == sorted(again)


def test_discrepancy_ids_name_the_disagreement_not_the_row():
    row = {
        "event_id": "ev-1",
        "field": "accounts",
        "kind": "precision",
        "article_a": "a",
        "article_b": "b",
        "value_a": "hundreds",
        "value_b": "481",
    }
    assert discrepancy_urn(row) == discrepancy_urn({**row, "id": 99, "explanation": "x"})
    assert discrepancy_urn(row) != discrepancy_urn({**row, "kind": "conflict"})
    assert discrepancy_urn(row) != discrepancy_urn({**row, "value_b": "500"})


def test_atom_document_drops_control_characters_and_escapes_markup():
    entry = Entry(
        id="urn:presskb:event:ev-1",
        title="Bell\x07 <em>loud</em> & clear",
        updated="2026-01-02T03:04:05+00:00",
        published=None,
        path="/-/compare/ev-1",
        summary="nul\x00 here",
        category="event",
    )
    body = atom_document(
        [entry],
        title="t",
        feed_id="urn:presskb:feed",
        self_url=BASE + "/-/feed.atom",
        site_url=BASE + "/",
        absolute=lambda path: BASE + path,
    )
    root = _parse(body)
    _assert_valid_atom(root)
    [parsed] = _entries(root)
    assert parsed["title"] == "Bell <em>loud</em> & clear"
    assert parsed["summary"] == "nul here"
    assert parsed["href"] == BASE + "/-/compare/ev-1"
    assert root.findtext(f"{A}updated") == "2026-01-02T03:04:05+00:00"
