"""Read inputs (text files, saved HTML, URLs, RSS/Atom feeds, folders) into articles.

Each reader returns an :class:`~ingest.model.Article` or raises an
:class:`~ingest.errors.IngestError` subclass whose message is the plain-words
reason. :func:`read_inputs` turns those into :class:`Failure` values so that a
batch never stops on one bad input.
"""

from __future__ import annotations

import configparser
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

from ingest.clean import BoilerplateRules, clean_text
from ingest.decks import with_deck
from ingest.decode import decode_bytes
from ingest.errors import (
    EmptyArticle,
    FetchFailed,
    FileTooLarge,
    IngestError,
    NoArticleInHtml,
    UnreadableFile,
    UnsupportedInput,
)
from ingest.frontmatter import FrontMatter, split_front_matter
from ingest.model import Article, InputItem
from ingest.settings import IngestSettings

LOGGER = logging.getLogger(__name__)
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
_FEED_OPENINGS = ("<?xml", "<rss", "<feed", "<rdf")
# htmldate without its extensive search: a date from the page's own metadata, markup or
# URL, never one guessed from any date-like string (a copyright year becomes January 1).
PAGE_DATE_ONLY = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class Failure:
    """An input that produced no article, and why."""

    path: str
    reason: str
    code: str


def is_url(item: str) -> bool:
    """True for ``http://`` and ``https://`` inputs."""
    return urlparse(item).scheme in ("http", "https")


def discover(inputs: Iterable[str | Path]) -> Iterator[InputItem]:
    """Expand folders (recursively, sorted, hidden files skipped) into supported files.

    A file found in a folder is named relative to that folder; a file named
    explicitly by its file name; a URL as given. Files named explicitly and URLs
    pass through unchecked, so that an unsupported or missing one is reported
    rather than silently dropped.
    """
    for raw in inputs:
        item = str(raw)
        path = Path(item)
        if not is_url(item) and path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                hidden = any(part.startswith(".") for part in relative.parts)
                if child.is_file() and not hidden and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield InputItem(str(child), relative.as_posix())
        else:
            yield as_input(item)


def as_input(item: str | InputItem) -> InputItem:
    """An input named by a bare string: a URL keeps itself, a file its file name."""
    if isinstance(item, InputItem):
        return item
    return InputItem(item, item if is_url(item) else Path(item).name)


def read_inputs(
    items: Iterable[InputItem | str],
    rules: BoilerplateRules,
    settings: IngestSettings,
    skip: Callable[[str], bool] = lambda _item: False,
) -> Iterator[Article | Failure]:
    """Read every item; feeds expand to their entries. ``skip`` names URLs not to fetch."""
    for raw in items:
        item = as_input(raw)
        try:
            if is_url(item.location):
                if skip(item.location):
                    continue
                yield from _read_url(item.location, rules, settings, skip)
            else:
                yield read_file(Path(item.location), rules, settings, name=item.name)
        except IngestError as exc:
            yield Failure(item.name, exc.reason, exc.code)


def read_file(
    path: Path, rules: BoilerplateRules, settings: IngestSettings, name: str | None = None
) -> Article:
    """Read one ``.txt`` or ``.html`` file, stored as ``name`` (default: its file name)."""
    name = name or path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedInput(
            f"unsupported file type '{suffix or '(none)'}': use .txt, .html, .htm, "
            "a folder or an http(s) URL"
        )
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise FileTooLarge(
                f"the file is {size / 1e6:.1f} MB, over the {settings.max_file_bytes / 1e6:.0f} MB"
                " limit (setting max_file_bytes)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be read ({exc.strerror or exc})") from exc
    if suffix in HTML_SUFFIXES:
        return article_from_html(name, data, rules, settings)
    return article_from_text(name, data, rules, settings)


def _raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_from_text(
    path: str, data: bytes, rules: BoilerplateRules, settings: IngestSettings
) -> Article:
    """A plain-text article, with its optional front-matter."""
    text, encoding = decode_bytes(data)
    meta, body = split_front_matter(text)
    return _finish(path, body, meta, _raw_hash(data), encoding, rules, settings)


def article_from_html(
    path: str,
    data: bytes,
    rules: BoilerplateRules,
    settings: IngestSettings,
    url: str | None = None,
) -> Article:
    """A saved or fetched web page: trafilatura finds the body and the metadata."""
    if not data.strip():
        raise EmptyArticle("the page is empty")
    # trafilatura is imported by the readers that use it: a build of .txt files never
    # does, and importing it cost 0.1 s of CPU (a fiftieth of building 300 short articles).
    import trafilatura  # noqa: PLC0415 - HTML only

    try:
        document = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=PAGE_DATE_ONLY,
        )
    except AssertionError as exc:
        # lxml's drop_tree asserts on some malformed nesting ("<body><html><script>")
        # while htmldate cleans the tree: the page cannot be read, which is a bad input.
        raise NoArticleInHtml("the HTML is too malformed to read (broken nesting)") from exc
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.strip()) < settings.min_article_chars:
        raise NoArticleInHtml("no article text was found in the HTML (menus or scripts only)")
    text = with_deck(data, text, rules.deck_classes)
    page_url = getattr(document, "url", None) or url
    meta = FrontMatter(
        url=page_url,
        title=getattr(document, "title", None),
        published=getattr(document, "date", None),
        source=getattr(document, "sitename", None) or host_name(page_url),
    )
    return _finish(path, text, meta, _raw_hash(data), "utf-8", rules, settings)


def host_name(url: str | None) -> str | None:
    """The outlet a URL names when nothing better is known: its host, without ``www.``."""
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _finish(
    path: str,
    body: str,
    meta: FrontMatter,
    raw_hash: str,
    encoding: str,
    rules: BoilerplateRules,
    settings: IngestSettings,
) -> Article:
    cleaned = clean_text(body, rules, settings, title=meta.title)
    if not cleaned.text.strip():
        raise EmptyArticle("the article has no text once whitespace and boilerplate are removed")
    return Article(
        path=path,
        text=cleaned.text,
        raw_hash=raw_hash,
        url=meta.url,
        title=meta.title,
        published=meta.published,
        source=meta.source or host_name(meta.url),
        cuts=cleaned.cuts,
        encoding=encoding,
        line_numbers=cleaned.line_numbers,
    )


def _trafilatura_config(settings: IngestSettings) -> configparser.ConfigParser:
    from trafilatura.settings import use_config  # noqa: PLC0415 - URLs only

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, round(settings.fetch_timeout))))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(settings.max_file_bytes))
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if settings.allow_private_hosts else "on")
    config.set("DEFAULT", "MAX_REDIRECTS", "2")
    return config


def _fetch(url: str, settings: IngestSettings) -> bytes:
    from trafilatura.downloads import fetch_response  # noqa: PLC0415 - URLs only

    response = fetch_response(url, decode=False, config=_trafilatura_config(settings))
    if response is None or response.data is None:
        raise FetchFailed(
            f"the URL gave no answer (refused, unreachable, blocked, or no reply within "
            f"{settings.fetch_timeout:g} s)"
        )
    if response.status >= 400:
        raise FetchFailed(f"the URL answered HTTP {response.status}")
    return bytes(response.data)


def _read_url(
    url: str, rules: BoilerplateRules, settings: IngestSettings, skip: Callable[[str], bool]
) -> Iterator[Article | Failure]:
    data = _fetch(url, settings)
    head = data[:512].lstrip().decode("utf-8", "replace").lower()
    if not head.startswith(_FEED_OPENINGS):
        yield article_from_html(url, data, rules, settings, url=url)
        return
    links = feed_links(url, data.decode("utf-8", "replace"))
    if not links:
        raise FetchFailed("the feed lists no article links")
    for link in links:
        if skip(link):
            continue
        try:
            yield article_from_html(link, _fetch(link, settings), rules, settings, url=link)
        except IngestError as exc:
            yield Failure(link, exc.reason, exc.code)


def feed_links(feed_url: str, feed_text: str) -> list[str]:
    """Article links of an RSS or Atom feed, parsed by trafilatura.

    trafilatura's own filter also drops links to hosts it deems private; here the
    host policy is ``allow_private_hosts`` at fetch time, so only the channel's
    home-page link and duplicates are dropped.
    """
    from trafilatura import feeds  # noqa: PLC0415 - feeds only

    parsed = urlparse(feed_url)
    params = feeds.FeedParameters(
        f"{parsed.scheme}://{parsed.netloc}", parsed.hostname or "", feed_url
    )
    links = []
    for link in feeds.find_links(feed_text.strip(), params):
        absolute = urljoin(feed_url, link)
        target = urlparse(absolute)
        is_article = target.scheme in ("http", "https") and target.path.strip("/")
        if is_article and absolute != feed_url and absolute not in links:
            links.append(absolute)
    return links
