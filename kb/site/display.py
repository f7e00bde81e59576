"""How values read on the site: outlets by name, JSON arrays as plain lists.

Scraped pages reach the site through these values, so nothing here builds markup:
templates and ``render_cell`` escape what this returns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import urlparse

UNKNOWN_OUTLET = "Unnamed outlet"

# Characters XML 1.0 forbids even escaped; a scraped page may carry them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def url_host(value: str | None) -> str | None:
    """The host of an http(s) URL without a leading ``www.``; None for anything else."""
    if not value:
        return None
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return None
    host = parsed.hostname
    return host[4:] if host.startswith("www.") else host


def outlet(source: str | None, url: str | None = None, path: str | None = None) -> str:
    """What to call an article's outlet: its source, else its URL's host.

    A file name is never an outlet's name (``000_70963a3f.txt`` tells a reader
    nothing), so an article with neither source nor URL reads as an unnamed outlet.
    """
    if source and source.strip():
        return source.strip()
    return url_host(url) or url_host(path) or UNKNOWN_OUTLET


def _item_text(item: Any) -> str:
    if isinstance(item, dict):
        text = item.get("text") or item.get("name") or item.get("label")
        if text is None:
            return ", ".join(f"{k}: {v}" for k, v in item.items() if v is not None)
        low, high = item.get("min"), item.get("max")
        if "min" in item or "max" in item:
            bounds = f"{low if low is not None else '…'}–{high if high is not None else '…'}"
            return f"{text} ({bounds})"
        return str(text)
    return str(item)


def list_text(items: Iterable[Any]) -> str:
    """A list as a reader writes it: ``Le Monde, Süddeutsche Zeitung``."""
    return ", ".join(_item_text(item) for item in items if item not in (None, ""))


def parse_json_list(value: Any) -> list[Any] | None:
    """The list a JSON-array string holds, or None when ``value`` is no JSON array."""
    if not isinstance(value, str) or not value.startswith("[") or not value.endswith("]"):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        return None
    return parsed if isinstance(parsed, list) else None


def json_list_text(value: Any) -> str:
    """A stored JSON array (or plain text) read as a list."""
    parsed = parse_json_list(value)
    if parsed is None:
        return "" if value is None else str(value)
    return list_text(parsed)


def xml_safe(text: str | None) -> str:
    """Text without the control characters XML cannot carry."""
    return _XML_ILLEGAL.sub("", text or "")


_MONTHS = tuple(date(2000, month, 1).strftime("%B") for month in range(1, 13))
_NO_YEAR = re.compile(r"^--(\d{2})-(\d{2})$")


def reader_date(value: str | None) -> str:
    """An ISO 8601 date as stored, except ``--MM-DD`` (year unknown) written out."""
    if not value:
        return ""
    match = _NO_YEAR.match(value)
    if match and 1 <= int(match[1]) <= 12:
        return f"{int(match[2])} {_MONTHS[int(match[1]) - 1]}, year not given"
    return value
