"""Reader pages' data computed at build time: one indexed row read instead of aggregates.

The front page counts and ranks the whole knowledge base and a group page ranks the
speakers and outlets of every article naming the group: on 100,000 articles that
took 326 and 377 ms per request. A build ends with ``refresh_site_pages``, which
stores each such page's data as JSON in ``site_pages``; a published knowledge base
never changes, so the stored data is right until the next build rewrites it.

A mutable database (``presskb serve`` while a build writes) is read live, as is a
knowledge base built before ``site_pages`` existed or a group no article names.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from typing import Any

from datasette.database import Database as DatasetteDatabase
from datasette.utils import tilde_encode

from kb.site.compare import find_database
from kb.site.front import FrontPage, read_front_page
from kb.site.people import GroupPage, read_group_page
from kb.site.sql import first

FRONT = "front"


def group_key(group_id: str) -> str:
    """The ``site_pages`` key of a group's page."""
    return f"group:{group_id}"


def refresh_site_pages(conn: sqlite3.Connection) -> int:
    """Recompute every stored page from the knowledge base; returns how many were stored."""
    pages: dict[str, Any] = {FRONT: read_front_page(conn)}
    for (group_id,) in conn.execute("select distinct group_id from group_mentions").fetchall():
        pages[group_key(group_id)] = read_group_page(conn, group_id)
    with conn:
        conn.execute("delete from site_pages")
        conn.executemany(
            "insert into site_pages (page, data) values (?, ?)",
            [(key, json.dumps(asdict(page))) for key, page in pages.items() if page is not None],
        )
    return len(pages)


def _stored(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    try:
        row = first(conn, "select data from site_pages where page = ?", [key])
    except sqlite3.OperationalError:  # built before the table existed
        return None
    return json.loads(row["data"]) if row else None


def stored_front_page(conn: sqlite3.Connection) -> FrontPage:
    """The front page's data as the last build stored it, else read now."""
    data = _stored(conn, FRONT)
    return FrontPage(**data) if data else read_front_page(conn)


def stored_group_page(conn: sqlite3.Connection, group_id: str) -> GroupPage | None:
    """A group page's data as the last build stored it, else read now."""
    data = _stored(conn, group_key(group_id))
    return GroupPage(**data) if data else read_group_page(conn, group_id)


async def front_page(db: DatasetteDatabase) -> FrontPage:
    """The front page's data in one trip to the SQL thread: stored, or live when mutable."""
    return await db.execute_fn(read_front_page if db.is_mutable else stored_front_page)


async def group_page(db: DatasetteDatabase, group_id: str) -> GroupPage | None:
    """A group page's data in one trip to the SQL thread: stored, or live when mutable."""
    read = read_group_page if db.is_mutable else stored_group_page
    return await db.execute_fn(lambda conn: read(conn, group_id))


async def warm(datasette: Any, host: str | None = None) -> list[str]:
    """Render the pages every reader opens before the first reader does; returns their paths.

    ``host``: the Host readers will send (the feed, which holds absolute URLs, is kept
    per host).

    ``presskb publish`` calls it in each worker before it accepts connections: the
    front page, the feed and the most named groups' pages are then answered from the
    render cache from the first request on, and the speaker and comparison templates
    are compiled (the first of each took 130 ms on the 100k KB, under load).
    """
    db = await find_database(datasette)
    if db.is_mutable:  # nothing is cached for a database that may change
        return []
    front = await front_page(db)
    paths = ["/", "/-/feed.atom"]
    paths += [f"/-/group/{tilde_encode(g['group_id'])}" for g in front.groups]
    paths += [f"/-/speaker/{s['speaker_id']}" for s in front.speakers[:1]]
    paths += [f"/-/compare/{e['event_id']}" for e in front.latest_events[:1]]
    headers = {"host": host} if host else {}
    for path in paths:
        await datasette.client.get(path, headers=headers)
    return paths
