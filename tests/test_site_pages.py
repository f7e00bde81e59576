"""Reader pages: front page, search, speaker and group pages, downloads, outlet names.

All served as ``presskb publish`` serves them (immutable, no arbitrary SQL), over the
samples and over ``READER_CORPUS`` from conftest.py.
"""

from __future__ import annotations

import re
import sqlite3
from html import unescape

import pytest
from datasette.utils import tilde_decode

from kb import store
from kb.build import build
from kb.settings import Settings
from kb.site.cache import page_cache
from kb.site.pages import warm

pytestmark = pytest.mark.asyncio(loop_scope="session")

SCRIPT = re.compile(r"(?s)<script[^>]*>.*?</script>")


def _text(html: str) -> str:
    """The words a reader sees: markup, scripts and styles removed."""
    html = re.sub(r"(?s)<(script|style)[^>]*>.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _links(html: str, prefix: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html) if h.startswith(prefix)]


async def _speaker_id(site, name: str) -> int:
    rows = (await site.client.get(f"/kb/speakers.json?_shape=array&name={name}")).json()
    return rows[0]["speaker_id"]


async def test_front_page_leads_to_events_speakers_groups_feed_and_data(public_ds):
    page = await public_ds.client.get("/")
    assert page.status_code == 200
    html = page.text
    assert '<form class="search" action="/-/search"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/-/feed.atom"' in html
    assert len(set(_links(html, "/-/compare/ev-"))) == 3  # every sample event
    assert len(_links(html, "/-/speaker/")) == 3
    assert "/-/group/TTP" in _links(html, "/-/group/")
    assert 'href="/kb"' in html  # Datasette's tables, one click away
    words = _text(html)
    found = await public_ds.client.get("/kb/discrepancies.json?_shape=array&_size=max")
    assert "5 articles" in words and "3 events" in words
    assert f"{len(found.json())} discrepancies" in words
    assert "Talal Chaudhry" in words


async def test_front_page_downloads_all_answer_in_public_mode(public_ds):
    html = (await public_ds.client.get("/")).text
    table = html[html.index('id="downloads"') :]
    downloads = [u for u in _links(table, "/kb/") if ".csv" in u or ".json" in u]
    assert len(downloads) >= 2 * 18  # every table and view, as CSV and JSON
    assert "/kb/articles.csv?_size=max" in downloads
    assert "/kb/groups_named_most.json" in downloads
    assert "/kb/claims_by_speaker.json" not in downloads  # asks for a name on its page first
    for url in downloads:
        response = await public_ds.client.get(url)
        assert response.status_code == 200, url
    csv = await public_ds.client.get("/kb/events.csv?_size=max")
    assert csv.text.splitlines()[0].startswith("event_id,label")
    assert len(csv.text.strip().splitlines()) == 4


async def test_reader_pages_use_no_script_except_charts(public_ds):
    speaker = await _speaker_id(public_ds, "Aqeel+Malik")  # quoted with no account figure
    for url in ("/", "/-/search?q=accounts", "/-/group/TTP", f"/-/speaker/{speaker}"):
        html = (await public_ds.client.get(url)).text
        # Only what Datasette puts on every page (its menu closer, other plugins' settings).
        scripts = SCRIPT.findall(html)
        assert [
            s for s in scripts if "Close any open details" not in s and "leaflet" not in s
        ] == []
        assert "<script src" not in html, url
    assert 'name="viewport"' in html


async def test_search_finds_claims_and_articles_and_links_speakers(public_ds):
    page = await public_ds.client.get("/-/search?q=legal+proceedings")
    assert page.status_code == 200
    html = page.text
    claims = html[html.index('id="claim-results"') : html.index('id="article-results"')]
    assert "legal proceedings" in _text(claims)
    assert _links(claims, "/-/speaker/")
    assert _links(claims, "/-/evidence/")
    articles = html[html.index('id="article-results"') :]
    assert "<mark>legal</mark>" in articles and "<mark>proceedings</mark>" in articles


@pytest.mark.parametrize("words", ['"', "AND OR (", "x*:^", "<script>alert(1)</script>"])
async def test_search_takes_any_words_and_escapes_them(public_ds, words):
    page = await public_ds.client.get("/-/search", params={"q": words})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text


async def test_speaker_page_shows_names_titles_claims_values_and_outlets(reader_site):
    speaker = await _speaker_id(reader_site, "Ilse+Varga")
    page = await reader_site.client.get(f"/-/speaker/{speaker}")
    assert page.status_code == 200
    html = page.text
    words = _text(html)
    assert "quoted in 3 articles by 3 outlets" in words
    assert "Digital Affairs Minister" in words
    reported = html[html.index('id="outlets"') :]
    assert "Northern Ledger" in _text(reported[: reported.index("</section>")])
    assert "southgazette.example" in words  # outlet named by its URL's host
    assert "plain-copy" not in words  # never by a file name
    for figure in ("at least 350", "hundreds", "about 400"):
        assert figure in words
    assert "/-/group/Boko+Haram" in _links(html, "/-/group/")
    assert f"/-/speaker/{speaker}.atom" in _links(html, "/-/speaker/")
    assert len(set(_links(html, "/-/compare/"))) == 1
    # The timeline chart: the figures as data, and the table beside it without script.
    assert 'id="figures-chart"' in html and "vega-embed.min.js" in html
    table = html[html.index('id="figures-table"') :]
    assert _text(table[: table.index("</table>")]).count("2026-03-0") == 3


async def test_speaker_page_values_link_to_their_evidence(reader_site):
    speaker = await _speaker_id(reader_site, "Ilse+Varga")
    html = (await reader_site.client.get(f"/-/speaker/{speaker}")).text
    evidence = _links(html, "/-/evidence/")
    assert len(evidence) >= 6
    marked = []
    for url in evidence:
        response = await reader_site.client.get(url.split("#")[0])
        assert response.status_code == 200, url
        marked.append(re.search(r'<mark id="evidence">(.*?)</mark>', response.text, re.S)[1])
    assert {"at least 350", "hundreds", "about 400", "Boko Haram", "Telegram"} <= set(marked)


async def test_scraped_markup_stays_text_on_every_reader_page(reader_site):
    speaker = await _speaker_id(reader_site, "Piet+Olsen")
    event = await reader_site.client.get(f"/kb/claims.json?_shape=array&speaker_id={speaker}")
    assert event.status_code == 200
    for url in (
        f"/-/speaker/{speaker}",
        "/-/search?q=blocked",
        "/",
        "/kb/event_coverage",
        "/-/feed.atom",
    ):
        text = (await reader_site.client.get(url)).text
        assert "<script>alert('owned')</script>" not in text, url
        assert "<b>Test</b>" not in text, url
    html = (await reader_site.client.get(f"/-/speaker/{speaker}")).text
    assert "&lt;script&gt;alert(" in html
    assert "Tag &lt;b&gt;Test&lt;/b&gt; Weekly" in html


async def test_group_page_shows_who_named_it_when_and_where(reader_site):
    page = await reader_site.client.get("/-/group/Boko+Haram")
    assert page.status_code == 200
    html = page.text
    words = _text(html)
    assert "named in 3 articles by 3 outlets" in words
    named_by = html[html.index('id="named-by"') :]
    assert "Ilse Varga" in _text(named_by[: named_by.index("</section>")])
    mentions = html[html.index('id="mentions"') :]
    assert "2026-03-02 · Northern Ledger" in _text(mentions)
    assert len(_links(mentions, "/-/evidence/")) == 3
    assert (await reader_site.client.get("/-/group/No+Such+Group")).status_code == 404


async def test_group_ids_with_spaces_and_brackets_round_trip(public_ds):
    groups = (await public_ds.client.get("/kb/groups.json?_shape=array&_size=max")).json()
    odd = [g["group_id"] for g in groups if " " in g["group_id"] or "(" in g["group_id"]]
    assert odd
    html = (await public_ds.client.get("/kb/groups?_size=max")).text
    links = _links(html, "/-/group/")
    assert len(links) == len(groups)
    for link in links[:40]:
        response = await public_ds.client.get(link)
        assert response.status_code == 200, link
        assert tilde_decode(link[len("/-/group/") :]) in _text(response.text), link


async def test_unknown_speaker_and_group_are_not_found(public_ds):
    assert (await public_ds.client.get("/-/speaker/99999")).status_code == 404
    assert (await public_ds.client.get("/-/speaker/99999.atom")).status_code == 404
    assert (await public_ds.client.get("/-/group/NOPE")).status_code == 404


async def test_outlets_are_named_by_source_or_host_never_by_file(reader_site):
    rows = (await reader_site.client.get("/kb/event_coverage.json?_shape=array")).json()
    assert sorted(r["outlet"] or "" for r in rows) == [
        "",
        "Northern Ledger",
        "Tag <b>Test</b> Weekly",
        "southgazette.example",
    ]
    event = next(r["event_id"] for r in rows if r["outlet"] == "Northern Ledger")
    compare = await reader_site.client.get(f"/-/compare/{event}")
    words = _text(compare.text)
    assert ".txt" not in words
    assert "Unnamed outlet" in words and "southgazette.example" in words
    discrepancies = compare.text[compare.text.index('id="discrepancies"') :]
    assert "south.txt" not in discrepancies and "southgazette.example names" in _text(discrepancies)


async def test_json_arrays_read_as_lists_in_tables(reader_site):
    for table in ("article_profiles", "event_coverage", "events", "discrepancies"):
        html = (await reader_site.client.get(f"/kb/{table}?_size=max")).text
        cells = re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)
        assert not [c for c in cells if c.strip().startswith(("[&#34;", "[{", "[&quot;", '["'))]
    html = (await reader_site.client.get("/kb/article_profiles?_size=max")).text
    assert "Telegram, Facebook" in _text(html) or "Facebook, Telegram" in _text(html)
    assert "at least 350 (350–…)" in _text(html)


async def test_speaker_and_group_cells_link_to_their_pages(public_ds):
    speakers = (await public_ds.client.get("/kb/speakers")).text
    assert len(_links(speakers, "/-/speaker/")) == 3
    groups = (await public_ds.client.get("/kb/groups")).text
    assert "/-/group/TTP" in _links(groups, "/-/group/")


async def test_stored_pages_read_as_the_live_ones(ds, public_ds, sample_kb):
    """A published KB reads its front and group pages from ``site_pages`` (written by the
    build); the mutable one computes them live: the reader sees the same page."""
    db = sqlite3.connect(sample_kb.path)
    stored = [row[0] for row in db.execute("select page from site_pages order by page")]
    db.close()
    assert "front" in stored and "group:TTP" in stored
    for url in ("/", "/-/group/TTP", "/-/group/BLA"):
        live, kept = [(await site.client.get(url)).text for site in (ds, public_ds)]
        assert _content(kept) == _content(live), url


def _content(html: str) -> str:
    """The reader section of a page (the rest differs between serve and publish)."""
    start = html.index('<div class="presskb"')
    return _text(html[start : html.index("</section>\n</div>", start)])


LISTED_OUTLETS = {
    "zurich.txt": """---
url: https://zuercher-morgenblatt.example/varga
title: Ministerin meldet 200 gesperrte Konten
published: 2026-04-06
source: Zürcher Morgenblatt
---
Digital Affairs Minister Ilse Varga said on Tuesday that 200 accounts linked to Boko Haram \
had been blocked on Telegram.
Varga urged the platforms to remove the remaining accounts.
""",
    "aero.txt": """---
url: https://aero-dagblad.example/varga
title: "Minister: 200 accounts blocked"
published: 2026-04-06
source: Ærø Dagblad
---
Around 200 Telegram accounts tied to Boko Haram were blocked, Digital Affairs Minister \
Ilse Varga told reporters on Tuesday.
The minister asked the companies to act faster against the rest of the network, which \
she said had shared propaganda clips since January.
""",
}


async def test_outlet_lists_read_as_text_on_every_page(tmp_path, extractor, site_factory):
    """Lists read as lists: two outlets with accented names read "A, B" on the reader
    pages, the tables and the feed, never as a JSON array or its escapes."""
    for name, text in LISTED_OUTLETS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = store.open_db(tmp_path / "kb.db")
    build([str(tmp_path / name) for name in LISTED_OUTLETS], db, Settings(), extractor=extractor)
    db.close()
    site = await site_factory(tmp_path / "kb.db", public=True)
    events = (await site.client.get("/kb/events.json?_shape=array")).json()
    assert len(events) == 1 and events[0]["article_count"] == 2
    urls = ["/", f"/-/compare/{events[0]['event_id']}", "/kb/events", "/kb/event_coverage"]
    urls += ["/kb/article_profiles", "/-/feed.atom"]
    for url in urls:
        body = (await site.client.get(url)).text
        words = _text(body)
        assert "Zürcher Morgenblatt" in words and "Ærø Dagblad" in words, url
        assert "\\u00" not in body and '["' not in words and "[&#34;" not in body, url
    front = _text((await site.client.get("/")).text)
    assert "Zürcher Morgenblatt, Ærø Dagblad" in front


async def test_warm_renders_the_pages_every_reader_opens(public_ds, ds):
    warmed = await warm(public_ds)
    assert warmed[:2] == ["/", "/-/feed.atom"]
    assert "/-/group/TTP" in warmed
    assert any(p.startswith("/-/speaker/") for p in warmed)
    assert any(p.startswith("/-/compare/") for p in warmed)
    kept = {key[1] for key in page_cache(public_ds)._pages}
    assert set(warmed) <= kept
    assert await warm(ds) == []  # a mutable KB keeps nothing
