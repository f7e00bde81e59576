"""The optional YAML front-matter block of ``.txt`` articles (see DESIGN.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from ingest.errors import BrokenFrontMatter

FIELDS = ("url", "title", "published", "source")
# libyaml's safe loader when PyYAML was built with it (parsing is then ~10x faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = "---"


@dataclass(frozen=True)
class FrontMatter:
    """Metadata from the block; unknown when absent, never guessed."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """Return the metadata and the body that follows the block.

    A text that does not open with ``---`` on its first line has no block.
    """
    first, _, rest = text.partition("\n")
    if first.strip() != _OPEN:
        return FrontMatter(), text
    lines = rest.split("\n")
    for index, line in enumerate(lines):
        if line.strip() == _OPEN:
            block = "\n".join(lines[:index])
            body = "\n".join(lines[index + 1 :])
            return _parse(block), body
    raise BrokenFrontMatter("the front-matter block opened with '---' is never closed")


def _parse(block: str) -> FrontMatter:
    try:
        data = yaml.load(block, Loader=_LOADER) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise BrokenFrontMatter(f"the front-matter is not valid YAML{where}") from exc
    if not isinstance(data, dict):
        raise BrokenFrontMatter("the front-matter must be 'key: value' lines")
    values: dict[str, str | None] = {}
    for key in FIELDS:
        value = data.get(key)
        if value is None or value == "":
            values[key] = None
        elif key == "published":
            values[key] = _iso_date(value)
        else:
            values[key] = str(value).strip()
    return FrontMatter(**values)


def _iso_date(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise BrokenFrontMatter(
            f"'published' must be a date like 2025-12-16, not {text!r}"
        ) from None
