"""Reading a page's rows on Datasette's SQL thread, in one trip.

Each ``Database.execute`` is a hop from the event loop to a thread of Datasette's
pool and back; under 50 concurrent readers every hop waits behind the other pages'
queries, so a page of ten small queries waited ten times (speaker p50 1.2 s, while
one cached page took 0.2 s). The page readers therefore take a ``sqlite3``
connection and run whole inside one ``Database.execute_fn`` call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

Params = Sequence[Any] | Mapping[str, Any]


def rows(conn: sqlite3.Connection, sql: str, params: Params = ()) -> list[dict[str, Any]]:
    """Every row of ``sql`` as a dict keyed by column name."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def first(conn: sqlite3.Connection, sql: str, params: Params = ()) -> dict[str, Any] | None:
    """The first row of ``sql`` as a dict, or None."""
    found = rows(conn, sql, params)
    return found[0] if found else None


def marks(values: Sequence[Any]) -> str:
    """``?,?,?``: one placeholder per value, for ``in (...)``."""
    return ",".join("?" * len(values))
