"""presskb's Datasette plugin: side-by-side comparison and one-click evidence.

Registered through the ``datasette`` entry point, so any Datasette that has presskb
installed serves:

* ``/-/compare/{event_id}``: an event's outlets in columns, one row per field,
  cells marked where outlets disagree, each value linking to its evidence;
* ``/-/evidence/{article_id}?start=S&end=E``: the article text with that span
  highlighted (escaped: no markup from a scraped page runs in the reader's browser);
* links from table cells: event ids to their comparison, extracted values to
  their evidence.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from kb.site.compare import event_comparison, find_database

# Tables whose rows carry an article_id and a character span, and the column that
# shows the evidence words.
EVIDENCE_COLUMNS = {
    "account_counts": "text",
    "group_mentions": "surface",
    "platform_mentions": "surface",
    "demands": "text",
    "speaker_aliases": "alias",
    "speaker_titles": "title",
    "statements": "text",
    "claims": "text",
}


def evidence_url(datasette: Any, article_id: str, start: int | None, end: int | None) -> str:
    """Link to the evidence page of one span."""
    return datasette.urls.path(f"/-/evidence/{article_id}?start={start}&end={end}#evidence")


async def compare_view(datasette: Any, request: Any) -> Response:
    """The side-by-side page of one event."""
    event_id = request.url_vars["event_id"]
    db = await find_database(datasette)
    comparison = await event_comparison(db, event_id)
    if comparison is None:
        raise NotFound(f"No event {event_id}")
    return Response.html(
        await datasette.render_template(
            "presskb_compare.html",
            {"c": comparison, "database": db.name, "evidence": partial(evidence_url, datasette)},
            request=request,
        )
    )


async def evidence_view(datasette: Any, request: Any) -> Response:
    """An article's text with one span highlighted."""
    article_id = request.url_vars["article_id"]
    db = await find_database(datasette)
    row = (
        await db.execute(
            """select article_id, path, source, title, published, text
               from articles where article_id = ?""",
            [article_id],
        )
    ).first()
    if row is None:
        raise NotFound(f"No article {article_id}")
    text = row["text"]
    try:
        start = max(0, min(len(text), int(request.args.get("start", 0))))
        end = max(start, min(len(text), int(request.args.get("end", start))))
    except ValueError:
        start = end = 0
    return Response.html(
        await datasette.render_template(
            "presskb_evidence.html",
            {
                "article": dict(row),
                "database": db.name,
                "before": text[:start],
                "span": text[start:end],
                "after": text[end:],
                "start": start,
                "end": end,
            },
            request=request,
        )
    )


def _script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element (no "</script>" can close it)."""
    return json.dumps(value).replace("<", "\\u003c")


async def charts_view(datasette: Any, request: Any) -> Response:
    """Charts drawn in the browser from canned queries, so they work in public mode
    too, where arbitrary SQL (which datasette-dashboards needs) is refused."""
    db = await find_database(datasette)
    charts = (datasette.plugin_config("presskb") or {}).get("charts", [])
    for index, chart in enumerate(charts):
        chart["id"] = f"chart-{index}"
        chart["data_url"] = datasette.urls.path(f"/{db.name}/{chart['query']}.json?_shape=array")
    return Response.html(
        await datasette.render_template(
            "presskb_charts.html",
            {"charts": charts, "database": db.name, "charts_json": _script_json(charts)},
            request=request,
        )
    )


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/charts$", charts_view),
        (r"^/-/compare/(?P<event_id>[A-Za-z0-9\-]+)$", compare_view),
        (r"^/-/evidence/(?P<article_id>[A-Za-z0-9]+)$", evidence_view),
    ]


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, datasette: Any
) -> Markup | None:
    keys = row.keys() if hasattr(row, "keys") else []
    if table == "events" and column == "label" and value and "event_id" in keys:
        url = datasette.urls.path(f"/-/compare/{row['event_id']}")
        return Markup(f'{escape(value)}<br><a href="{escape(url)}">compare side by side</a>')
    if table in ("event_coverage", "article_profiles") and column == "event_id" and value:
        url = datasette.urls.path(f"/-/compare/{value}")
        return Markup(f'{escape(value)} · <a href="{escape(url)}">compare side by side</a>')
    has_span = {"article_id", "start", "end"} <= set(keys) and value is not None
    if has_span and table in EVIDENCE_COLUMNS and column == EVIDENCE_COLUMNS[table]:
        url = evidence_url(datasette, row["article_id"], row["start"], row["end"])
        return Markup(f'<a href="{escape(url)}" title="show in the article">{escape(value)}</a>')
    return None
