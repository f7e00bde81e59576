"""URLs and RSS/Atom feeds, served from a local HTTP server on 127.0.0.1."""

from __future__ import annotations

from dataclasses import replace

from conftest import Page
from test_ingest_html import PAGE

from ingest import read_inputs
from ingest.readers import Failure


def local(settings, timeout: float = 15.0):
    return replace(settings, allow_private_hosts=True, fetch_timeout=timeout)


def test_article_url(http_server, rules, ingest_settings):
    http_server.pages["/news/1"] = Page(PAGE.encode())
    [article] = read_inputs([http_server.url("/news/1")], rules, local(ingest_settings))
    assert article.path == http_server.url("/news/1")
    assert "block more than 300" in article.text


def test_private_addresses_are_refused_by_default(http_server, rules, ingest_settings):
    http_server.pages["/news/1"] = Page(PAGE.encode())
    [failure] = read_inputs([http_server.url("/news/1")], rules, ingest_settings)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("the URL gave no answer")


def test_404_is_recorded(http_server, rules, ingest_settings):
    [failure] = read_inputs([http_server.url("/gone")], rules, local(ingest_settings))
    assert isinstance(failure, Failure)
    assert failure.reason == "the URL answered HTTP 404"


def test_timeout_is_recorded(http_server, rules, ingest_settings):
    http_server.pages["/slow"] = Page(PAGE.encode(), delay=3)
    [failure] = read_inputs([http_server.url("/slow")], rules, local(ingest_settings, timeout=1))
    assert isinstance(failure, Failure)
    assert "no reply within 1 s" in failure.reason


def _rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/news/{i}</link></item>" for i in (1, 2, 3)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def test_rss_feed_expands_to_its_articles(http_server, rules, ingest_settings):
    base = http_server.base
    http_server.pages["/feed.xml"] = Page(_rss(base), content_type="application/rss+xml")
    http_server.pages["/news/1"] = Page(PAGE.encode())
    http_server.pages["/news/2"] = Page(PAGE.replace("300", "400").encode())
    outcomes = list(read_inputs([http_server.url("/feed.xml")], rules, local(ingest_settings)))
    articles = [o for o in outcomes if not isinstance(o, Failure)]
    failures = [o for o in outcomes if isinstance(o, Failure)]
    assert sorted(a.path for a in articles) == [f"{base}/news/1", f"{base}/news/2"]
    assert [(f.path, f.reason) for f in failures] == [
        (f"{base}/news/3", "the URL answered HTTP 404")
    ]


def test_atom_feed(http_server, rules, ingest_settings):
    base = http_server.base
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Atom</title><entry><title>One</title><link href="{base}/news/9"/></entry></feed>'
    ).encode()
    http_server.pages["/atom.xml"] = Page(atom, content_type="application/atom+xml")
    http_server.pages["/news/9"] = Page(PAGE.encode())
    [article] = read_inputs([http_server.url("/atom.xml")], rules, local(ingest_settings))
    assert article.path == f"{base}/news/9"


def test_known_urls_are_skipped(http_server, rules, ingest_settings):
    http_server.pages["/news/1"] = Page(PAGE.encode())
    url = http_server.url("/news/1")
    assert list(read_inputs([url], rules, local(ingest_settings), skip={url}.__contains__)) == []
