"""Tunables of the linking stage (see ``kb.settings`` for the assembled table)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.settings import setting


@dataclass(frozen=True)
class LinkSettings:
    """When two articles report one event."""

    # Dev corpus (49 articles, 14 events): same-event pairs score 0.18-0.9, pairs of
    # different events at most 0.15 once the date window is applied; 0.16 splits them.
    min_similarity: float = setting(
        0.16,
        "Mean pair score (body TF-IDF cosine plus speaker and group bonuses) at or above "
        "which two articles or clusters share an event",
    )
    # Dev corpus: the least alike pair inside one event scores 0.17.
    min_pair_score: float = setting(
        0.08,
        "Two clusters never merge when any pair across them scores below this "
        "(one article resembling two events does not chain them)",
    )
    max_days_apart: int = setting(
        10, "Articles whose publication and statement dates are all further apart than this many days are never one event"
    )
    neighbours: int = setting(
        50, "Per candidate key, each article is compared with at most this many nearest by date"
    )
    key_terms: int = setting(
        12, "An article is indexed for candidate pairs under this many of its rarest words"
    )
    speaker_weight: float = setting(
        0.02, "Added to a pair's score for each shared speaker (at most two)"
    )
    date_conflict_penalty: float = setting(
        0.05,
        "Taken from a pair's score when the statement dates cannot be the same day "
        "(a wrongly resolved date must not part two reports, so it is not a veto)",
    )
    group_weight: float = setting(
        0.02, "Added to a pair's score for each shared group (at most two)"
    )
