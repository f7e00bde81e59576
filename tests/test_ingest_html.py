"""Saved HTML pages through trafilatura: body and metadata kept, furniture gone."""

from __future__ import annotations

import pytest

from ingest import read_file
from ingest.errors import EmptyArticle, NoArticleInHtml
from ingest.readers import article_from_html

PAGE = """<!DOCTYPE html><html><head>
<title>Ministry asks platforms to block 300 accounts | The Daily Example</title>
<meta property="og:title" content="Ministry asks platforms to block 300 accounts">
<meta property="og:site_name" content="The Daily Example">
<meta name="date" content="2025-11-03">
<link rel="canonical" href="https://daily.example/news/ministry-accounts">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Sports</li></ul></nav>
<article>
<h1>Ministry asks platforms to block 300 accounts</h1>
<p>The interior ministry on Monday asked social media companies to block more than 300
accounts it said were run by banned groups, officials said in Islamabad.</p>
<p>Spokesperson Sara Khan told reporters the accounts had been used to spread propaganda and
that the ministry would share its evidence with the platforms concerned this week.</p>
<p>The companies did not immediately respond to requests for comment on the ministry's letter.</p>
</article>
<aside><h3>Related Articles</h3><ul><li><a href="/x">Cricket team wins the series in style</a></li></ul></aside>
<footer>Copyright 2025 The Daily Example. Subscribe to our newsletter.</footer>
<script>alert('tracking')</script>
</body></html>"""


def test_html_body_and_metadata(tmp_path, rules, ingest_settings):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_file(path, rules, ingest_settings)
    assert "block more than 300" in article.text
    assert "requests for comment" in article.text
    for gone in ("Cricket team", "Subscribe", "alert(", "Sports"):
        assert gone not in article.text
    assert article.title == "Ministry asks platforms to block 300 accounts"
    assert article.source == "The Daily Example"
    assert article.published == "2025-11-03"
    assert article.url == "https://daily.example/news/ministry-accounts"


def test_html_without_an_article_is_reported(tmp_path, rules, ingest_settings):
    path = tmp_path / "menu.htm"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
    with pytest.raises(NoArticleInHtml, match="no article text"):
        read_file(path, rules, ingest_settings)


def test_empty_html_file_is_reported(tmp_path, rules, ingest_settings):
    path = tmp_path / "empty.html"
    path.write_bytes(b"   ")
    with pytest.raises(EmptyArticle, match="empty"):
        read_file(path, rules, ingest_settings)


def test_html_whose_nesting_breaks_the_parser_is_a_recorded_failure(rules, ingest_settings):
    with pytest.raises(NoArticleInHtml, match="too malformed"):
        article_from_html("broken.html", b"<body><html><script>", rules, ingest_settings)


def test_html_deck_dropped_by_the_extractor_is_put_back(tmp_path, rules, ingest_settings):
    page = (
        "<html><head><title>What the archive shows</title></head><body><main><article>"
        "<h1>What the archive shows</h1>"
        '<p class="deck">A rare look inside two influence campaigns, and at what is still '
        "missing from it.</p>"
        '<p class="byline">By A. Writer</p><div class="article-text">'
        "<p>The company put online the records of two state-backed networks it had taken "
        "down, with more than nine million posts from two thousand accounts.</p>"
        "<p>Researchers said the files would keep them busy for months and that other "
        "platforms should publish theirs.</p></div></article></main></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_file(path, rules, ingest_settings)
    lines = article.text.split("\n")
    assert lines[0].startswith("A rare look inside two influence campaigns")
    assert sum("A rare look" in line for line in lines) == 1
