"""presskb's Datasette plugin: pages for readers, comparison and one-click evidence.

Registered through the ``datasette`` entry point, so any Datasette that has presskb
installed serves:

* ``/``: the front page (search, latest and most disputed events, most quoted
  speakers, most named groups, the feed and the data to take away); Datasette's
  list of tables stays one click away at ``/kb``;
* ``/-/search?q=WORDS``: claims and articles matching the words;
* ``/-/speaker/{speaker_id}`` and ``/-/group/{group_id}``: everything a speaker said
  and every article naming a group, each value linking to its evidence;
* ``/-/feed.atom`` and ``/-/speaker/{speaker_id}.atom``: Atom feeds of new events and
  discrepancies;
* ``/-/compare/{event_id}``: an event's outlets in columns, one row per field,
  cells marked where outlets disagree, each value linking to its evidence;
* ``/-/evidence/{article_id}?start=S&end=E``: the article text with that span
  highlighted (escaped: no markup from a scraped page runs in the reader's browser);
* links from table cells: event ids to their comparison, extracted values to
  their evidence, speakers and groups to their pages; JSON arrays read as lists.

Every page works in public mode (no arbitrary SQL, immutable database) and without
JavaScript, except the charts; on an immutable database the reader pages are rendered
once and kept (``kb.site.cache``).
"""

from __future__ import annotations

import json
import re
from functools import partial
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from kb.site.cache import cached
from kb.site.compare import find_database, read_comparison
from kb.site.display import list_text, parse_json_list, reader_date
from kb.site.feed import atom_document, feed_entries
from kb.site.front import search
from kb.site.outlets import event_outlets
from kb.site.pages import front_page, group_page
from kb.site.people import read_speaker_page
from kb.site.render import render_body
from kb.site.sql import first

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


# A named parameter (":speaker") in a canned query's SQL, as Datasette reads them.
SQL_PARAMETER = re.compile(r"(?<![:\w]):[A-Za-z_]\w*")


def evidence_url(datasette: Any, article_id: str, start: int | None, end: int | None) -> str:
    """Link to the evidence page of one span."""
    return datasette.urls.path(f"/-/evidence/{article_id}?start={start}&end={end}#evidence")


async def compare_view(datasette: Any, request: Any) -> Response:
    """The side-by-side page of one event: read and its content rendered in one trip to
    the SQL thread (``kb.site.render``)."""
    event_id = request.url_vars["event_id"]
    db = await find_database(datasette)
    context = {
        "database": db.name,
        "urls": datasette.urls,
        "evidence": partial(evidence_url, datasette),
    }

    def read_and_render(conn: Any) -> dict[str, Any] | None:
        comparison = read_comparison(conn, event_id)
        if comparison is None:
            return None
        shown = {**context, "c": comparison}
        return {**shown, "body": render_body("_presskb_compare_body.html", shown)}

    rendered = await db.execute_fn(read_and_render)
    if rendered is None:
        raise NotFound(f"No event {event_id}")
    return Response.html(
        await datasette.render_template("presskb_compare.html", rendered, request=request)
    )


async def evidence_view(datasette: Any, request: Any) -> Response:
    """An article's text with one span highlighted."""
    article_id = request.url_vars["article_id"]
    db = await find_database(datasette)
    row = await db.execute_fn(
        lambda conn: first(
            conn,
            """select article_id, path, source, title, published, text
               from articles where article_id = ?""",
            [article_id],
        )
    )
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
                "article": row,
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


def speaker_url(datasette: Any, speaker_id: int | None) -> str:
    """Link to a speaker's page."""
    return datasette.urls.path(f"/-/speaker/{speaker_id}")


def group_url(datasette: Any, group_id: str) -> str:
    """Link to a group's page (ids hold spaces and brackets: tilde-encoded, as Datasette
    encodes table names, since it redirects %-encoded paths to that form)."""
    return datasette.urls.path(f"/-/group/{tilde_encode(group_id)}")


def _links(datasette: Any, db_name: str) -> dict[str, Any]:
    """URL helpers every reader page's template uses."""
    return {
        "database": db_name,
        "evidence": partial(evidence_url, datasette),
        "speaker_url": partial(speaker_url, datasette),
        "group_url": partial(group_url, datasette),
        "compare_url": lambda event_id: datasette.urls.path(f"/-/compare/{event_id}"),
        "feed_url": datasette.urls.path("/-/feed.atom"),
        "as_text": list_text,
        "reader_date": reader_date,
    }


async def _page(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> Response:
    db = await find_database(datasette)
    return Response.html(
        await datasette.render_template(
            template, {**_links(datasette, db.name), **context}, request=request
        )
    )


def _downloads(datasette: Any, db_name: str) -> list[dict[str, Any]]:
    """Datasette's own CSV and JSON of every table, view and canned query shown to readers."""
    meta = datasette.metadata(database=db_name) or {}
    tables = meta.get("tables", {})
    out = []
    for name, info in tables.items():
        if info.get("hidden"):
            continue
        out.append(
            {
                "name": name,
                "kind": "table",
                "description": info.get("description", ""),
                "html": datasette.urls.table(db_name, name),
                "csv": datasette.urls.table(db_name, name, format="csv") + "?_size=max",
                "json": datasette.urls.table(db_name, name, format="json") + "?_size=max",
            }
        )
    for name, info in (meta.get("queries") or {}).items():
        # A query that asks for words gets them on its page first, then offers CSV and JSON.
        asks = bool(SQL_PARAMETER.search(info.get("sql", "")))
        out.append(
            {
                "name": info.get("title", name),
                "kind": "query",
                "description": info.get("description", ""),
                "html": datasette.urls.query(db_name, name),
                "csv": None if asks else datasette.urls.query(db_name, name, format="csv"),
                "json": None if asks else datasette.urls.query(db_name, name, format="json"),
            }
        )
    return out


async def front_view(datasette: Any, request: Any) -> Response:
    """The front page for readers (Datasette's own index is ``/kb``, one click away)."""
    db = await find_database(datasette)
    return await _page(
        datasette,
        request,
        "presskb_front.html",
        {
            "front": await front_page(db),
            "site_title": datasette.metadata("title") or "presskb",
            "downloads": _downloads(datasette, db.name),
        },
    )


async def search_view(datasette: Any, request: Any) -> Response:
    """Claims and articles matching the reader's words."""
    db = await find_database(datasette)
    words = request.args.get("q", "")[:200]
    return await _page(datasette, request, "presskb_search.html", {"r": await search(db, words)})


def _speaker_id(request: Any) -> int:
    try:
        return int(request.url_vars["speaker_id"])
    except ValueError as exc:
        raise NotFound("No such speaker") from exc


async def speaker_view(datasette: Any, request: Any) -> Response:
    """Everything one speaker said, by date, with the outlets that reported it: read and
    its content rendered in one trip to the SQL thread (``kb.site.render``)."""
    db = await find_database(datasette)
    speaker_id = _speaker_id(request)
    context = {
        **_links(datasette, db.name),
        "urls": datasette.urls,
        "speaker_feed": datasette.urls.path(f"/-/speaker/{speaker_id}.atom"),
    }

    def read_and_render(conn: Any) -> dict[str, Any] | None:
        page = read_speaker_page(conn, speaker_id)
        if page is None:
            return None
        shown = {**context, "p": page, "figures_json": _script_json(page.figures)}
        return {**shown, "body": render_body("_presskb_speaker_body.html", shown)}

    rendered = await db.execute_fn(read_and_render)
    if rendered is None:
        raise NotFound(f"No speaker {speaker_id}")
    return Response.html(
        await datasette.render_template("presskb_speaker.html", rendered, request=request)
    )


async def group_view(datasette: Any, request: Any) -> Response:
    """Who named one group, when, and in which outlets."""
    db = await find_database(datasette)
    group_id = tilde_decode(request.url_vars["group_id"])
    page = await group_page(db, group_id)
    if page is None:
        raise NotFound(f"No group {group_id}")
    return await _page(datasette, request, "presskb_group.html", {"p": page})


async def _feed_response(
    datasette: Any, request: Any, speaker_id: int | None, title: str
) -> Response:
    db = await find_database(datasette)
    entries = await feed_entries(db, speaker_id)
    home = "/" if speaker_id is None else f"/-/speaker/{speaker_id}"
    body = atom_document(
        entries,
        title=title,
        feed_id="urn:presskb:feed" + ("" if speaker_id is None else f":speaker:{speaker_id}"),
        self_url=datasette.absolute_url(request, datasette.urls.path(request.path)),
        site_url=datasette.absolute_url(request, datasette.urls.path(home)),
        absolute=lambda path: datasette.absolute_url(request, datasette.urls.path(path)),
    )
    return Response(body, content_type="application/atom+xml; charset=utf-8")


async def feed_view(datasette: Any, request: Any) -> Response:
    """The site's Atom feed of new events and discrepancies."""
    title = f"{datasette.metadata('title') or 'presskb'}: new events and discrepancies"
    return await _feed_response(datasette, request, None, title)


async def speaker_feed_view(datasette: Any, request: Any) -> Response:
    """One speaker's Atom feed: the events they are quoted in and their discrepancies."""
    db = await find_database(datasette)
    speaker_id = _speaker_id(request)
    row = await db.execute_fn(
        lambda conn: first(conn, "select name from speakers where speaker_id = ?", [speaker_id])
    )
    if row is None:
        raise NotFound(f"No speaker {speaker_id}")
    return await _feed_response(datasette, request, speaker_id, f"{row['name']}: events")


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/$", cached(front_view)),
        (r"^/-/search$", search_view),
        (r"^/-/feed\.atom$", cached(feed_view, per_host=True)),
        (r"^/-/speaker/(?P<speaker_id>[0-9]+)$", cached(speaker_view)),
        (r"^/-/speaker/(?P<speaker_id>[0-9]+)\.atom$", cached(speaker_feed_view, per_host=True)),
        (r"^/-/group/(?P<group_id>.+)$", cached(group_view)),
        (r"^/-/charts$", charts_view),
        (r"^/-/compare/(?P<event_id>[A-Za-z0-9\-]+)$", cached(compare_view)),
        (r"^/-/evidence/(?P<article_id>[A-Za-z0-9]+)$", evidence_view),
    ]


def _list_markup(items: list[Any]) -> Markup:
    return Markup('<span class="presskb-list">{}</span>').format(list_text(items))


def _named_outlets(datasette: Any, database: str, event_id: str) -> Any:
    """An awaitable cell: the event's outlets named from its articles, not as linking
    stored them (which may be file names)."""

    async def cell() -> Markup:
        db = datasette.get_database(database)
        names = await db.execute_fn(lambda conn: event_outlets(conn, [event_id]))
        return _list_markup(names.get(event_id, []))

    return cell


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    keys = row.keys() if hasattr(row, "keys") else []
    if table == "events" and column == "outlets" and "event_id" in keys:
        return _named_outlets(datasette, database, row["event_id"])
    if table == "events" and column == "label" and value and "event_id" in keys:
        url = datasette.urls.path(f"/-/compare/{row['event_id']}")
        return Markup(f'{escape(value)}<br><a href="{escape(url)}">compare side by side</a>')
    if table in ("event_coverage", "article_profiles") and column == "event_id" and value:
        url = datasette.urls.path(f"/-/compare/{value}")
        return Markup(f'{escape(value)} · <a href="{escape(url)}">compare side by side</a>')
    if table == "speakers" and column == "name" and value and "speaker_id" in keys:
        url = speaker_url(datasette, row["speaker_id"])
        return Markup(f'<a href="{escape(url)}" title="speaker page">{escape(value)}</a>')
    if table == "groups" and column == "name" and value and "group_id" in keys:
        url = group_url(datasette, row["group_id"])
        return Markup(f'<a href="{escape(url)}" title="group page">{escape(value)}</a>')
    has_span = {"article_id", "start", "end"} <= set(keys) and value is not None
    if has_span and table in EVIDENCE_COLUMNS and column == EVIDENCE_COLUMNS[table]:
        url = evidence_url(datasette, row["article_id"], row["start"], row["end"])
        return Markup(f'<a href="{escape(url)}" title="show in the article">{escape(value)}</a>')
    items = parse_json_list(value)
    if items is not None:  # JSON arrays (outlets, speakers, figures) read as lists
        return _list_markup(items)
    return None
