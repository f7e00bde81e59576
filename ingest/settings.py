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
        0.5,
        "Estimated Jaccard (of whole texts, or of their leads) above which banded LSH "
        "proposes a candidate pair",
    )
    # About the first paragraph: what a site that cuts a copy short keeps at least.
    lead_words: int = setting(
        40, "Words of an article's lead indexed apart, so that copies cut short are found"
    )
    # Calibrated on corpus/dev (the 6 gold copies score 1.0, every other pair at most 0.07)
    # and on 10k generated articles (benchmarks/corpus.py): its 891 copies all score 1.0,
    # while two outlets' write-ups of one event made from the same sentence templates,
    # a figure, a date or a title worded otherwise, reach 0.90-0.95 (17 merged at 0.9, 3
    # at 0.95, those 3 built of the very same sentences).
    duplicate_threshold: float = setting(
        0.95,
        "Share of the shorter text's shingles found in the longer at or above which it is "
        "a copy (containment)",
    )
    # The generated copies cut short to two paragraphs hold 24-29 shingles.
    min_copy_shingles: int = setting(
        20, "Texts with fewer shingles than this are compared by Jaccard, not containment"
    )
