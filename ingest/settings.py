"""Tunables of the ingest stage: a default and a help line each.

``kb.settings`` assembles these with the other stages' settings into the one
table the CLI accepts (``--setting name value``) and the README documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


def setting(default: T, help_text: str) -> T:
    """A dataclass field carrying its help line, so the settings table has one source."""
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True)
class IngestSettings:
    """How inputs are read, fetched, cleaned and deduplicated."""

    max_file_bytes: int = setting(20_000_000, "Files larger than this are recorded as errors")
    fetch_timeout: float = setting(15.0, "Seconds to wait for a URL before giving up")
    allow_private_hosts: bool = setting(
        False, "Allow fetching loopback and private addresses (off keeps SSRF protection)"
    )
    min_body_before_tail: int = setting(
        200, "Characters of body required before a tail marker may cut the rest"
    )
    max_cue_line_chars: int = setting(
        200,
        "Lines longer than this are never removed for a cue word or their shape alone "
        "(only a prompt to the reader outside the body is)",
    )
    min_body_sentence_words: int = setting(
        8,
        "Words a sentence needs to count as body: furniture is judged apart before the "
        "first and after the last body sentence",
    )
    min_article_chars: int = setting(
        40, "Text extracted from HTML shorter than this means the page holds no article"
    )
    shingle_words: int = setting(5, "Words per shingle for near-duplicate detection")
    minhash_perm: int = setting(128, "MinHash permutations per signature")
    lsh_threshold: float = setting(
        0.5, "Estimated Jaccard above which banded LSH proposes a candidate pair"
    )
    duplicate_threshold: float = setting(
        0.8, "Exact shingle Jaccard at or above which an article is a near-duplicate"
    )
