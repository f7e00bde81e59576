"""Tunables of the linking stage (see ``kb.settings`` for the assembled table)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.settings import setting


@dataclass(frozen=True)
class LinkSettings:
    """When two articles report one event."""

    # With the cohesion rule below, 0.08-0.16 gives event-pair F1 1.00 on the dev
    # corpus (working and held-out events) and on the samples, and mean 0.99 (worst
    # 0.89) on random 2-6-event subsets of the dev corpus; 0.20 drops to 0.98 / 0.93.
    min_similarity: float = setting(
        0.14,
        "Mean pair score (body TF-IDF cosine plus speaker and group bonuses) at or above "
        "which two articles or clusters share an event",
    )
    # Half the threshold: the least alike pair inside one dev event scores 0.17.
    min_pair_score: float = setting(
        0.07,
        "Two clusters never merge when any pair across them scores below this "
        "(one article resembling two events does not chain them)",
    )
    # The samples hold one speaker on two occasions: each occasion's pair scores 0.3-0.4
    # inside and 0.13 across; without this rule they merge. 0.55-0.8 all keep the dev
    # figures above; 0.6 is used.
    cohesion: float = setting(
        0.6,
        "Two clusters of several articles merge only when their mean cross score is at "
        "least this share of the mean score inside the less cohesive of the two",
    )
    # The default build (samples and dev corpus together) joins sample 003, another
    # occasion of the same topic, to the pair 002/004 unless this is 0.4 or more: its
    # mean score against them is 0.37 of theirs. 0.4-0.7 keep every dev event pair
    # (57 of 57, working set) and random 2-6-event dev subsets at F1 1.00; 0.8 splits
    # 16 pairs. 0.5 is used.
    join_share: float = setting(
        0.5,
        "An article or cluster joins another only when its mean cross score is at least "
        "this share of the mean score inside the more cohesive of the two",
    )
    # Two outlets' own reports of one event score 0.22-0.58 (the most alike pair of the
    # working sets of dev, dev2, dev3 and the samples: 0.579); a copy the copy check
    # missed scores about 1.0 with its original (dev3: 1.02), so at its full value no
    # third report could join them (0.45 against a bar of 0.5). 0.6 caps only what
    # copies reach: no event of those sets has a cluster above it.
    max_cohesion: float = setting(
        0.6,
        "The mean score inside a cluster counts at most this much in the cohesion and "
        "join-share rules (a near-copy pair is no tighter an event than two reports)",
    )
    max_days_apart: int = setting(
        10,
        "Articles whose publication and statement dates are all further apart than this "
        "many days are never one event",
    )
    neighbours: int = setting(
        50, "Per candidate key, each article is compared with at most this many nearest by date"
    )
    # The largest dev event has four outlets; an article scored against its ten
    # likeliest partners still reaches the rest through the clusters it joins.
    candidates: int = setting(
        10,
        "Each article is scored against at most this many candidates: those sharing the "
        "most keys with it",
    )
    # With the tie rule below, 12 words leave two dev articles (one Ugandan event)
    # tied to no partner; 20 leaves one, and it still meets its lone-word partners.
    key_terms: int = setting(
        12, "An article is indexed for candidate pairs under this many of its rarest words"
    )
    # Generated benchmark: with lone shared words counting, candidate pairs per article
    # rose from 1.7 (1k) to 7.5 (10k); with two it stays flat (see benchmarks/RESULTS.md).
    # Dev: every same-event pair but three shares a speaker, a group or two words.
    tied_words: int = setting(
        2,
        "Two articles are tied candidates when they share a speaker, a group or this "
        "many rare words; an article meets partners sharing fewer only when none is tied",
    )
    # Generated benchmark: an article tied to nothing (one outlet's story) met up to ten
    # lone-word partners, more the more crowded its week (0.2 per article at 1k, 1.0 at
    # 10k). In the dev corpus one article is tied to nothing, and one partner of its
    # event suffices; 3 leaves room.
    loose_candidates: int = setting(
        3,
        "An article tied to no candidate is scored against at most this many partners "
        "sharing one rare word, the rarest first",
    )
    # Generated benchmark: a true partner shares 5-10 keys, a chance one 1-2 (a popular
    # speaker, two words); 0.5 halves the candidate pairs at 10k (21,736 to 12,903) with
    # the same events. Dev: 0.3-0.8 keep every event pair (57/57) and random 2-6-event
    # subsets at F1 1.00; 1.0 splits 3 pairs.
    partner_share: float = setting(
        0.5,
        "An article with tied partners keeps those sharing at least this share of the "
        "keys its best partner shares",
    )
    # Names are in the words already: these only break near-ties (0.01 and 0.02 give
    # the same dev and sample figures).
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
