"""The reader's front door: what is in the knowledge base, and search over it.

Every query here is bounded (``LIMIT``) and served by an index, so the front page
stays fast on a knowledge base of 100,000 articles (see ``benchmarks/run.py site``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from datasette.database import Database as DatasetteDatabase
from datasette.utils import escape_fts

from kb.site.display import outlet
from kb.site.outlets import with_outlets
from kb.site.sql import first, rows

LATEST = 10
TOP = 10
SEARCH_LIMIT = 20
# Markers FTS5's snippet() puts around a hit: control characters news text does not
# carry. The template escapes every piece and marks the hits itself.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


@dataclass
class FrontPage:
    """What the front page shows."""

    counts: dict[str, int]
    latest_events: list[dict[str, Any]]
    disputed_events: list[dict[str, Any]]
    speakers: list[dict[str, Any]]
    groups: list[dict[str, Any]]


_EVENT_COLUMNS = """event_id, label, said_on, first_published, last_published,
    article_count, discrepancy_count"""


def read_front_page(conn: sqlite3.Connection) -> FrontPage:
    """Counts, the latest and the most disputed events, most quoted speakers, most named
    groups (at build time: ``kb.site.pages``)."""
    counts_row = first(
        conn,
        """select (select count(*) from articles) as articles,
                      (select count(distinct source) from articles) as outlets,
                      (select count(*) from events) as events,
                      (select count(*) from discrepancies) as discrepancies,
                      (select count(*) from speakers) as speakers""",
    )
    latest = rows(
        conn,
        f"""select {_EVENT_COLUMNS} from events
            order by last_published desc, event_id limit {LATEST}""",
    )
    disputed = rows(
        conn,
        f"""select {_EVENT_COLUMNS} from events where discrepancy_count > 0
            order by discrepancy_count desc, event_id limit {LATEST}""",
    )
    speakers = rows(
        conn,
        f"""select s.speaker_id, s.name, s.kind, t.articles, t.claims from (
              select speaker_id, count(distinct article_id) as articles, count(*) as claims
              from claims where speaker_id is not null group by speaker_id
              order by articles desc, claims desc limit {TOP}) t
            join speakers s using (speaker_id)
            order by t.articles desc, t.claims desc, s.name""",
    )
    groups = rows(
        conn,
        f"""select t.group_id, g.name, t.articles from (
              select group_id, count(distinct article_id) as articles from group_mentions
              group by group_id order by articles desc limit {TOP}) t
            left join groups g using (group_id)
            order by t.articles desc, t.group_id""",
    )
    return FrontPage(
        counts=counts_row or {},
        latest_events=with_outlets(conn, latest),
        disputed_events=with_outlets(conn, disputed),
        speakers=speakers,
        groups=groups,
    )


@dataclass
class SearchResults:
    """Claims and articles matching a reader's words."""

    query: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)


async def search(db: DatasetteDatabase, words: str) -> SearchResults:
    """Full-text search of claims and of article titles and text.

    The words are quoted term by term (Datasette's ``escape_fts``), so a reader's
    punctuation never reaches FTS5 as syntax.
    """
    query = escape_fts(words.strip())
    if not query:
        return SearchResults(words)
    return await db.execute_fn(lambda conn: read_search(conn, words, query))


def read_search(conn: sqlite3.Connection, words: str, query: str) -> SearchResults:
    """``search`` read from ``conn``; ``query`` is ``words`` escaped for FTS5."""
    results = SearchResults(words)
    claims = rows(
        conn,
        f"""select c.claim_id, c.article_id, c.text, c.start, c."end", c.said_on,
                   c.speaker_id, s.name as speaker, a.source, a.url, a.path, a.published
            from (select rowid, rank from claims_fts where claims_fts match :q
                  order by rank limit {SEARCH_LIMIT}) f
            join claims c on c.rowid = f.rowid
            join articles a on a.article_id = c.article_id
            left join speakers s on s.speaker_id = c.speaker_id
            order by f.rank""",
        {"q": query},
    )
    articles = rows(
        conn,
        f"""select a.article_id, a.title, a.source, a.url, a.path, a.published, f.snip
            from (select rowid, rank,
                         snippet(articles_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 24) as snip
                  from articles_fts where articles_fts match :q
                  order by rank limit {SEARCH_LIMIT}) f
            join articles a on a.rowid = f.rowid
            order by f.rank""",
        {"q": query},
    )
    for claim in claims:
        claim["outlet"] = outlet(claim["source"], claim["url"], claim["path"])
        results.claims.append(claim)
    for article in articles:
        article["outlet"] = outlet(article["source"], article["url"], article["path"])
        article["snippet"] = _snippet_parts(article.pop("snip") or "")
        results.articles.append(article)
    return results


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_hit) pieces, so the template escapes each and marks hits."""
    parts: list[tuple[str, bool]] = []
    for index, piece in enumerate(snippet.replace(HIT_CLOSE, HIT_OPEN).split(HIT_OPEN)):
        if piece:
            parts.append((piece, index % 2 == 1))
    return parts
