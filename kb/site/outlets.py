"""The outlets of events, named from their articles.

``events.outlets`` is written by linking, which may fall back to file names for
articles without a source; the site names outlets itself, from each article's
source or URL (``kb.site.display.outlet``). Readers take a ``sqlite3`` connection
(``kb.site.sql``): they run inside a page's one trip to the SQL thread.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kb.site.display import UNKNOWN_OUTLET, outlet
from kb.site.sql import marks, rows
from link.model import outlet_name


def event_outlets(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[str]]:
    """Each event's outlets, in order of first publication, each named once; articles
    that no source or URL names are counted in one last item ("2 unnamed outlets")."""
    unique = list(dict.fromkeys(event_ids))
    if not unique:
        return {}
    found = rows(
        conn,
        f"""select ea.event_id, a.source, a.url, a.path from event_articles ea
            join articles a on a.article_id = ea.article_id
            where ea.event_id in ({marks(unique)}) order by a.published, a.article_id""",
        unique,
    )
    out: dict[str, list[str]] = {event_id: [] for event_id in unique}
    unnamed = dict.fromkeys(unique, 0)
    for row in found:
        names = out[row["event_id"]]
        name = outlet(row["source"], row["url"], row["path"])
        if name == UNKNOWN_OUTLET:
            unnamed[row["event_id"]] += 1
        elif name not in names:
            names.append(name)
    for event_id, count in unnamed.items():
        if count:
            out[event_id].append(f"{count} unnamed outlet{'s' if count > 1 else ''}")
    return out


def with_outlets(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``events`` with their ``outlets`` named from their articles."""
    names = event_outlets(conn, [e["event_id"] for e in events])
    return [{**e, "outlets": names.get(e["event_id"], [])} for e in events]


def with_readable_explanations(
    conn: sqlite3.Connection, discrepancies: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``discrepancies`` with each explanation naming outlets as the site does.

    Linking writes explanations with its own outlet names, which fall back to a file
    name when an article has no source; the site's name replaces each such name.
    """
    ids = list(dict.fromkeys(a for d in discrepancies for a in (d["article_a"], d["article_b"])))
    if not ids:
        return discrepancies
    found = rows(
        conn,
        f"select article_id, source, url, path from articles where article_id in ({marks(ids)})",
        ids,
    )
    renames = {}
    for row in found:
        theirs = outlet_name(row["source"], row["path"])
        ours = outlet(row["source"], row["url"], row["path"])
        if theirs != ours:
            renames[row["article_id"]] = (theirs, ours)
    out = []
    for d in discrepancies:
        text = d.get("explanation") or ""
        for side in (d["article_a"], d["article_b"]):
            if side in renames:
                text = text.replace(*renames[side])
        out.append({**d, "explanation": text})
    return out
