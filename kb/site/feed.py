"""Atom feeds of new events and new discrepancies (RFC 4287).

Entries are the most recently reported events (by the latest publication date
among their articles) and the discrepancies found between their outlets, newest
first. Each entry's id is a URN built from what it is, not from a row number, so it
stays the same when the knowledge base is rebuilt: an event by its id, a
discrepancy by a hash of its event, field, kind, articles and values. ``updated``
is when the knowledge base last stored one of the entry's articles.
"""

from __future__ import annotations

import hashlib
import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from datasette.database import Database as DatasetteDatabase

from kb.site.display import list_text, xml_safe
from kb.site.outlets import event_outlets, with_readable_explanations
from kb.site.sql import rows

ATOM = "http://www.w3.org/2005/Atom"
MAX_EVENTS = 30
MAX_DISCREPANCIES_PER_EVENT = 10
EPOCH = "1970-01-01T00:00:00+00:00"


@dataclass(frozen=True)
class Entry:
    """One feed entry, with a path into the site rather than an absolute URL."""

    id: str
    title: str
    updated: str
    published: str | None
    path: str
    summary: str
    category: str


def event_urn(event_id: str) -> str:
    """The feed id of an event."""
    return f"urn:presskb:event:{event_id}"


def discrepancy_key(row: dict[str, Any]) -> str:
    """A discrepancy's name from what it is, the same for the same disagreement on every
    rebuild (its row number is not: re-linking rewrites the rows)."""
    parts = [row["event_id"], row["field"], row["kind"], row["article_a"], row["article_b"]]
    parts += [row.get("value_a") or "", row.get("value_b") or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def discrepancy_urn(row: dict[str, Any]) -> str:
    """The feed id of a discrepancy."""
    return f"urn:presskb:discrepancy:{discrepancy_key(row)}"


def _timestamp(date: str | None) -> str | None:
    """An ISO date (or datetime) as an RFC 3339 timestamp; None when not a full date."""
    if not date or len(date) < 10 or date[4] != "-" or date[7] != "-":
        return None
    if len(date) == 10:
        return f"{date}T00:00:00+00:00"
    return date if ("+" in date[10:] or date.endswith("Z")) else f"{date}+00:00"


async def feed_entries(db: DatasetteDatabase, speaker_id: int | None = None) -> list[Entry]:
    """The entries of the site's feed, or of one speaker's feed, newest first (read in one
    trip to the SQL thread)."""
    return await db.execute_fn(lambda conn: read_feed_entries(conn, speaker_id))


def read_feed_entries(conn: sqlite3.Connection, speaker_id: int | None = None) -> list[Entry]:
    """``feed_entries`` read from ``conn``."""
    where = ""
    params: list[Any] = []
    if speaker_id is not None:
        where = """where event_id in (select ea.event_id from event_articles ea
                     join claims c on c.article_id = ea.article_id where c.speaker_id = ?)"""
        params.append(speaker_id)
    events = rows(
        conn,
        f"""select e.event_id, e.label, e.said_on, e.first_published, e.last_published,
                   e.article_count, e.discrepancy_count,
                   (select max(a.ingested_at) from event_articles ea
                     join articles a on a.article_id = ea.article_id
                     where ea.event_id = e.event_id) as stored
            from (select * from events {where}
                  order by last_published desc, event_id limit {MAX_EVENTS}) e
            order by e.last_published desc, e.event_id""",
        params,
    )
    entries: list[Entry] = []
    named = event_outlets(conn, [e["event_id"] for e in events])
    for event in events:
        updated = _timestamp(event["stored"]) or EPOCH
        published = _timestamp(event["last_published"])
        outlets = list_text(named.get(event["event_id"], []))
        path = f"/-/compare/{event['event_id']}"
        entries.append(
            Entry(
                id=event_urn(event["event_id"]),
                title=f"Event: {event['label']}",
                updated=updated,
                published=published,
                path=path,
                summary=(
                    f"Reported by {event['article_count']} article(s)"
                    f"{' from ' + outlets if outlets else ''}; "
                    f"{event['discrepancy_count']} discrepancies between outlets."
                ),
                category="event",
            )
        )
        if not event["discrepancy_count"]:
            continue
        found = rows(
            conn,
            f"""select event_id, field, kind, article_a, article_b, value_a, value_b,
                       explanation from discrepancies where event_id = ?
                order by kind, field, id limit {MAX_DISCREPANCIES_PER_EVENT}""",
            [event["event_id"]],
        )
        for d in with_readable_explanations(conn, found):
            entries.append(
                Entry(
                    id=discrepancy_urn(d),
                    title=f"{d['kind'].capitalize()} on {d['field'].replace('_', ' ')}: "
                    f"{event['label']}",
                    updated=updated,
                    published=published,
                    path=f"{path}#d-{discrepancy_key(d)}",
                    summary=d["explanation"] or "",
                    category=f"discrepancy:{d['kind']}",
                )
            )
    return entries


def atom_document(
    entries: list[Entry], *, title: str, feed_id: str, self_url: str, site_url: str, absolute: Any
) -> bytes:
    """The feed as Atom XML; ``absolute`` turns a site path into an absolute URL."""
    ET.register_namespace("", ATOM)

    def child(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = xml_safe(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    child(feed, "id", feed_id)
    child(feed, "title", title)
    child(feed, "updated", max((e.updated for e in entries), default=EPOCH))
    child(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    child(feed, "link", rel="alternate", type="text/html", href=site_url)
    author = child(feed, "author")
    child(author, "name", "presskb")
    child(feed, "generator", "presskb")
    for entry in entries:
        element = child(feed, "entry")
        child(element, "id", entry.id)
        child(element, "title", entry.title)
        child(element, "updated", entry.updated)
        if entry.published:
            child(element, "published", entry.published)
        child(element, "link", rel="alternate", type="text/html", href=absolute(entry.path))
        child(element, "category", term=entry.category)
        child(element, "summary", entry.summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
