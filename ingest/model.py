"""The article record that ``ingest`` hands to the later stages."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

_NON_WORD = re.compile(r"[^\w]+")


def normalise_for_hash(text: str) -> str:
    """Lower-case words separated by single spaces: what two exact copies share."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class Article:
    """One cleaned article.

    ``text`` is the stored body: every character offset kept by later stages
    points into it. ``boilerplate`` is what cleaning cut, kept for audit.
    """

    path: str
    text: str
    raw_hash: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    boilerplate: str = ""
    encoding: str = "utf-8"
    notes: tuple[str, ...] = field(default_factory=tuple)

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the normalised text: equal for exact duplicates."""
        return hashlib.sha256(normalise_for_hash(self.text).encode()).hexdigest()

    @cached_property
    def article_id(self) -> str:
        """Stable id from the content hash and the input, so that two copies of one
        text from two inputs stay two rows (one marked ``duplicate_of`` the other)."""
        return hashlib.sha256(f"{self.path}\n{self.content_hash}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DuplicateMatch:
    """The verdict of deduplication for one article."""

    article_id: str
    duplicate_of: str | None
    similarity: float | None
