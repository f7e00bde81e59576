"""Rendered reader pages kept for a database that cannot change while it is served.

A published knowledge base is opened immutable (``presskb publish``), so a page
rendered once is right until the server restarts on a new build: the front page
and the feed, the same for every reader, then cost one lookup. Mutable databases
(``presskb serve`` while a build writes) are never cached. The cache lives on the
Datasette instance and is bounded, least recently used first out.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from datasette.utils.asgi import Request, Response

from kb.site.compare import find_database

MAX_PAGES = 1024
View = Callable[[Any, Any], Awaitable[Response]]


class PageCache:
    """Status-200 responses by (host or "", path, query), at most ``size`` of them."""

    def __init__(self, size: int = MAX_PAGES) -> None:
        self.size = size
        self._pages: OrderedDict[tuple[str, str, str], tuple[Any, str, dict[str, str]]] = (
            OrderedDict()
        )

    def get(self, key: tuple[str, str, str]) -> Response | None:
        """The stored response for ``key``, marked as most recently used."""
        found = self._pages.get(key)
        if found is None:
            return None
        self._pages.move_to_end(key)
        body, content_type, headers = found
        return Response(body, 200, dict(headers), content_type)

    def put(self, key: tuple[str, str, str], response: Response) -> None:
        """Keep ``response`` if it is a success, dropping the least recently used page."""
        if response.status != 200:
            return
        self._pages[key] = (response.body, response.content_type, dict(response.headers))
        self._pages.move_to_end(key)
        while len(self._pages) > self.size:
            self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)


def page_cache(datasette: Any) -> PageCache:
    """This Datasette's cache of reader pages (made on first use)."""
    cache = getattr(datasette, "_presskb_pages", None)
    if cache is None:
        cache = PageCache()
        datasette._presskb_pages = cache
    return cache


def cached(view: View, *, per_host: bool = False) -> View:
    """``view``, answered from the cache when the knowledge base is immutable.

    ``per_host``: the page holds absolute URLs (a feed), so it is kept per Host header;
    other pages link by path and are kept once whatever name the reader used.
    """

    @wraps(view)
    async def wrapper(datasette: Any, request: Any) -> Response:
        db = await find_database(datasette)
        if db.is_mutable:
            return await view(datasette, request)
        key = (request.host if per_host else "", request.path, request.query_string)
        cache = page_cache(datasette)
        response = cache.get(key)
        if response is None:
            response = await view(datasette, request)
            cache.put(key, response)
        return response

    return wrapper


ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def kept_pages_first(datasette: Any) -> Callable[[ASGIApp], ASGIApp]:
    """An ASGI wrapper answering kept pages before Datasette's own stack sees the request.

    Datasette's CSRF middleware signs a fresh token (16 ``urandom`` calls and an HMAC)
    for every request without its cookie, which is every request of a reader who never
    posts, and routes it through the view machinery: under 50 clients that was most of
    the cost of a kept page. A page in the cache is final (only immutable databases
    fill it), so it is sent from here; anything else goes on to Datasette.
    """

    def wrap(app: ASGIApp) -> ASGIApp:
        async def serve(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope["method"] == "GET":
                request = Request(scope, receive)
                cache = page_cache(datasette)
                for host in ("", request.host):
                    response = cache.get((host, request.path, request.query_string))
                    if response is not None:
                        await response.asgi_send(send)
                        return
            await app(scope, receive, send)

        return serve

    return wrap
