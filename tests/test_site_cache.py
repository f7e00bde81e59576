"""Reader pages of an immutable knowledge base are rendered once and kept."""

from __future__ import annotations

import pytest
from datasette.utils.asgi import Response

from kb.site.cache import PageCache, page_cache


@pytest.mark.asyncio(loop_scope="session")
async def test_published_pages_are_rendered_once(public_ds):
    cache = page_cache(public_ds)
    first = await public_ds.client.get("/-/group/BLA")
    kept = len(cache)
    again = await public_ds.client.get("/-/group/BLA")
    assert first.status_code == again.status_code == 200
    assert again.text == first.text  # the second, from kb.site.cache.kept_pages_first
    assert again.headers["content-type"] == first.headers["content-type"]
    assert "set-cookie" not in again.headers and "set-cookie" not in first.headers
    assert len(cache) == kept >= 1
    assert (await public_ds.client.get("/-/group/NOT-A-GROUP")).status_code == 404
    assert len(cache) == kept  # failures are not kept
    assert (await public_ds.client.get("/-/search?q=accounts")).status_code == 200
    assert len(cache) == kept  # searches are not kept


@pytest.mark.asyncio(loop_scope="session")
async def test_feeds_are_kept_per_host_and_pages_once(public_ds):
    """A feed holds absolute URLs, so each Host gets its own; a page links by path."""
    feeds = [
        (await public_ds.client.get("/-/feed.atom", headers={"host": host})).text
        for host in ("news.example", "mirror.example:8080")
    ]
    assert 'href="http://news.example/-/feed.atom"' in feeds[0]
    assert 'href="http://mirror.example:8080/-/feed.atom"' in feeds[1]
    cache = page_cache(public_ds)
    await public_ds.client.get("/-/group/TTP", headers={"host": "news.example"})
    kept = len(cache)
    await public_ds.client.get("/-/group/TTP", headers={"host": "mirror.example:8080"})
    assert len(cache) == kept


@pytest.mark.asyncio(loop_scope="session")
async def test_pages_of_a_database_being_built_are_never_kept(ds):
    assert (await ds.client.get("/")).status_code == 200
    assert (await ds.client.get("/-/group/BLA")).status_code == 200
    assert len(page_cache(ds)) == 0


def test_the_cache_is_bounded_least_recently_used_first_out():
    cache = PageCache(size=2)
    for name in ("a", "b"):
        cache.put(("h", f"/{name}", ""), Response(name.encode(), 200, {}, "text/html"))
    assert cache.get(("h", "/a", "")).body == b"a"  # a is now the most recent
    cache.put(("h", "/c", ""), Response(b"c", 200, {}, "text/html"))
    assert cache.get(("h", "/b", "")) is None
    assert [cache.get(("h", f"/{n}", "")).body for n in "ac"] == [b"a", b"c"]
    cache.put(("h", "/gone", ""), Response(b"x", 500, {}, "text/html"))
    assert cache.get(("h", "/gone", "")) is None
