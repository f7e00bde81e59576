"""Queries behind the side-by-side page: one column per outlet, one row per field."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from datasette.database import Database as DatasetteDatabase
from datasette.utils.asgi import NotFound

from kb.site.display import outlet
from kb.site.feed import discrepancy_key
from kb.site.outlets import with_readable_explanations
from kb.site.sql import first, rows

FIELDS = (
    ("speakers", "Speakers"),
    ("speaker_name", "Name as written"),
    ("speaker_title", "Titles"),
    ("said_on", "When it was said"),
    ("accounts", "Accounts"),
    ("groups", "Groups"),
    ("platforms", "Platforms"),
    ("demands", "Demands"),
    ("stances", "Stances"),
)

VALUE_QUERIES = {
    "speaker_name": """select alias as value, start, "end" from speaker_aliases
        where article_id = :a and kind = 'name' group by alias order by min(start)""",
    "speakers": """select s.name as value, min(a.start) as start, min(a."end") as "end"
        from speaker_aliases a join speakers s using (speaker_id)
        where a.article_id = :a group by s.speaker_id order by min(a.start)""",
    "speaker_title": """select title as value, start, "end" from speaker_titles
        where article_id = :a group by title order by min(start)""",
    "said_on": """select said_on_text || coalesce(' (' || said_on || ')', '') as value,
        said_on_start as start, said_on_end as "end" from claims
        where article_id = :a and is_main = 1 and said_on_text is not null""",
    "accounts": """select text || ' [' || coalesce(min, '…') || '–' || coalesce(max, '…') || ']'
        as value, start, "end" from account_counts where article_id = :a order by start""",
    "groups": """select group_id || ' (“' || surface || '”)' as value, start, "end"
        from group_mentions where article_id = :a group by group_id order by min(start)""",
    "platforms": """select platform_id as value, start, "end" from platform_mentions
        where article_id = :a group by platform_id order by min(start)""",
    "demands": """select label || ' (“' || text || '”)' as value, start, "end" from demands
        where article_id = :a group by label order by min(start)""",
    "stances": """select replace(topic, '_', ' ') || ': ' || stance || ' — “' || substr(text, 1, 90)
        || case when length(text) > 90 then '…' else '' end || '”' as value, start, "end"
        from statements where article_id = :a order by start""",
}


@dataclass
class Column:
    """One outlet's article in the comparison."""

    article_id: str
    outlet: str
    title: str | None
    published: str | None
    values: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class Comparison:
    """What the template shows."""

    event: dict[str, Any]
    columns: list[Column]
    rows: list[tuple[str, str, str | None]]  # field, label, worst kind on that field
    discrepancies: list[dict[str, Any]]
    marks: dict[tuple[str, str], str]  # (field, article_id) -> kind


def _field_values(
    conn: sqlite3.Connection, article_ids: list[str]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Every field's values for each article (a page of three outlets asks 27 small
    questions, all in the page's one trip to the SQL thread)."""
    return {
        article_id: {
            name: rows(conn, sql, {"a": article_id}) for name, sql in VALUE_QUERIES.items()
        }
        for article_id in article_ids
    }


async def find_database(datasette: Any) -> DatasetteDatabase:
    """The first attached database that holds a presskb schema.

    Remembered on the Datasette instance once found: asking costs two trips to the SQL
    thread, which every request (cached pages too) would otherwise wait for under load.
    """
    known = getattr(datasette, "_presskb_database", None)
    if known is not None and datasette.databases.get(known.name) is known:
        return known
    for db in datasette.databases.values():
        if await db.table_exists("events") and await db.table_exists("articles"):
            datasette._presskb_database = db
            return db
    raise NotFound("No presskb database is attached")


_SEVERITY = {"conflict": 3, "precision": 2, "variant": 1, "omission": 0}


def read_comparison(conn: sqlite3.Connection, event_id: str) -> Comparison | None:
    """The side-by-side page of ``event_id`` read from ``conn``; None if there is no such event."""
    event = first(conn, "select * from events where event_id = ?", [event_id])
    if event is None:
        return None
    articles = rows(
        conn,
        """select a.article_id, a.source, a.url, a.title, a.published, a.path
           from event_articles ea join articles a using (article_id)
           where ea.event_id = ? order by a.published, a.article_id""",
        [event_id],
    )
    values = _field_values(conn, [row["article_id"] for row in articles])
    columns = []
    for row in articles:
        name = outlet(row["source"], row["url"], row["path"])
        column = Column(row["article_id"], name, row["title"], row["published"])
        column.values = values[row["article_id"]]
        columns.append(column)
    found = rows(
        conn, "select * from discrepancies where event_id = ? order by kind, field", [event_id]
    )
    discrepancies = [
        {**d, "anchor": f"d-{discrepancy_key(d)}"} for d in with_readable_explanations(conn, found)
    ]
    marks: dict[tuple[str, str], str] = {}
    rows_by_name = {name for name, _ in FIELDS}
    for d in discrepancies:
        field = d["field"] if d["field"] in rows_by_name else "stances"  # stance topics
        for side in (d["article_a"], d["article_b"]):
            key = (field, side)
            if _SEVERITY.get(d["kind"], 0) >= _SEVERITY.get(marks.get(key, ""), -1):
                marks[key] = d["kind"]
    field_rows = []
    for name, label in FIELDS:
        kinds = [k for (f, _), k in marks.items() if f == name]
        field_rows.append(
            (name, label, max(kinds, key=lambda k: _SEVERITY.get(k, 0)) if kinds else None)
        )
    event["outlets"] = list(dict.fromkeys(column.outlet for column in columns))
    return Comparison(event, columns, field_rows, discrepancies, marks)
