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
class InputItem:
    """One input to read: where to open it, and the name it is stored under.

    ``name`` is what ``articles.path`` publishes and what ``article_id`` hashes: the
    file relative to the folder it was found in (or its file name when named
    alone), or the URL as given. It never holds the builder's directories, so the
    same corpus gets the same ids wherever it lives.
    """

    location: str
    name: str


@dataclass(frozen=True)
class Cut:
    """One line cleaning removed, with why: the audit trail of ``article_cuts``.

    ``line`` counts lines of the body as read (1-based, after any front-matter).
    """

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One cleaned article.

    ``text`` is the stored body: every character offset kept by later stages
    points into it. ``cuts`` is what cleaning removed, each line with its reason.
    ``path`` is the input's machine-independent name (see :class:`InputItem`).
    ``line_numbers`` gives each line of ``text`` its line in the input, for cuts made
    after cleaning (empty when unknown).
    """

    path: str
    text: str
    raw_hash: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    cuts: tuple[Cut, ...] = ()
    encoding: str = "utf-8"
    notes: tuple[str, ...] = field(default_factory=tuple)
    line_numbers: tuple[int, ...] = field(default=(), compare=False, repr=False)

    @property
    def boilerplate(self) -> str:
        """The removed lines joined, in order (the ``articles.boilerplate`` column)."""
        return "\n".join(cut.text for cut in self.cuts)

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the normalised text: equal for exact duplicates."""
        return hashlib.sha256(normalise_for_hash(self.text).encode()).hexdigest()

    @cached_property
    def article_id(self) -> str:
        """Stable id from the content hash and the input's name, so that two copies of
        one text from two inputs stay two rows (one marked ``duplicate_of`` the other),
        and the same input gets the same id on every machine."""
        return hashlib.sha256(f"{self.path}\n{self.content_hash}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DuplicateMatch:
    """The verdict of deduplication for one article."""

    article_id: str
    duplicate_of: str | None
    similarity: float | None
