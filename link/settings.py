"""Tunables of the linking stage (see ``kb.settings`` for the assembled table)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.settings import setting


@dataclass(frozen=True)
class LinkSettings:
    """When two articles report one event."""

    min_similarity: float = setting(
        0.42, "Cosine of idf-weighted claim words at or above which two articles may share an event"
    )
    max_days_apart: int = setting(
        10, "Articles published further apart than this are never one event"
    )
    neighbours: int = setting(
        50, "Per speaker block, each article is compared with at most this many nearest by date"
    )
