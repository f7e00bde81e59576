"""Exact and near-duplicate detection: word shingles, MinHash, banded LSH.

LSH proposes candidates without comparing all pairs; a candidate becomes a
duplicate only when the exact Jaccard similarity of the two shingle sets reaches
``duplicate_threshold``. Two outlets' own write-ups of one event share topic words
but few five-word runs, so they stay separate articles (linking them is ``link``'s
job); a syndicated copy with other boilerplate or a new headline shares most runs.

The index is seeded from signatures stored in the knowledge base, so a build that
adds articles compares them with everything already ingested.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ingest.model import Article, DuplicateMatch
from ingest.settings import IngestSettings

_WORD = re.compile(r"\w+")
# Stored signatures carry no trace of the scheme that made them: pin it.
SCHEME = "affine32"
# How far below the threshold a MinHash estimate may fall and still get an exact check
# (with 128 permutations the estimate's standard error is at most 0.045).
ESTIMATE_MARGIN = 0.15


def shingles(text: str, size: int) -> set[str]:
    """Overlapping runs of ``size`` lower-cased words (the whole text if shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """|A ∩ B| / |A ∪ B|, 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The (fixed-seed) permutations, made once: generating them is most of a MinHash's
    construction cost."""
    return MinHash(num_perm=num_perm, scheme=SCHEME).permutations


def _lean(values: np.ndarray) -> LeanMinHash:
    """A signature for LSH from stored hash values, without permutations."""
    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)


def signature(shingle_set: set[str], num_perm: int) -> np.ndarray:
    """MinHash values of a shingle set; deterministic across runs (SHA-1 based)."""
    minhash = MinHash(num_perm=num_perm, permutations=_permutations(num_perm), scheme=SCHEME)
    minhash.update_batch([s.encode() for s in shingle_set])
    return minhash.hashvalues


def signature_bytes(text: str, settings: IngestSettings) -> bytes:
    """The stored form of a text's signature (what a partition worker hands back)."""
    values = signature(shingles(text, settings.shingle_words), settings.minhash_perm)
    return values.astype(np.uint64).tobytes()


class Deduplicator:
    """Finds, for each article checked, the earliest known copy it duplicates.

    Articles are checked in the order they should count as "earlier"; a copy of a
    copy points to the first one (the root), never to another copy.
    """

    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self._lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.minhash_perm)
        self._by_hash: dict[str, str] = {}
        self._root: dict[str, str] = {}
        self._values: dict[str, np.ndarray] = {}

    def _close_enough(self, values: np.ndarray, candidate: str) -> bool:
        """Whether the signatures' agreement (an estimate of Jaccard) leaves the exact
        check worth doing: LSH proposes pairs well below the duplicate threshold too."""
        estimate = float(np.mean(values == self._values[candidate]))
        return estimate >= self.settings.duplicate_threshold - ESTIMATE_MARGIN

    def add_known(
        self, article_id: str, content_hash: str, hashvalues: bytes, duplicate_of: str | None
    ) -> None:
        """Index an article already stored, from its stored signature."""
        if article_id in self._root:
            return
        values = np.frombuffer(hashvalues, dtype=np.uint64)
        self._lsh.insert(article_id, _lean(values))
        self._values[article_id] = values
        self._by_hash.setdefault(content_hash, duplicate_of or article_id)
        self._root[article_id] = duplicate_of or article_id

    def check(
        self,
        article: Article,
        load_text: Callable[[str], str],
        precomputed: bytes | None = None,
    ) -> tuple[DuplicateMatch, bytes]:
        """Decide whether ``article`` duplicates a known one, then index it.

        ``load_text`` returns a known article's text for the exact check of a
        candidate; ``precomputed`` is the article's signature when a partition worker
        already made it. Returns the verdict and the signature bytes to store.
        """
        article_id = article.article_id
        own = shingles(article.text, self.settings.shingle_words)
        if precomputed is not None:
            values = np.frombuffer(precomputed, dtype=np.uint64)
        else:
            values = signature(own, self.settings.minhash_perm)
        minhash = _lean(values)
        verdict = DuplicateMatch(article_id, None, None)
        exact = self._by_hash.get(article.content_hash)
        if exact is not None and exact != article_id:
            verdict = DuplicateMatch(article_id, exact, 1.0)
        else:
            best: tuple[float, str] | None = None
            for candidate in sorted(self._lsh.query(minhash)):
                if candidate == article_id or not self._close_enough(values, candidate):
                    continue
                score = jaccard(own, shingles(load_text(candidate), self.settings.shingle_words))
                if score >= self.settings.duplicate_threshold and (best is None or score > best[0]):
                    best = (score, candidate)
            if best is not None:
                verdict = DuplicateMatch(article_id, self._root[best[1]], round(best[0], 4))
        if article_id not in self._root:
            self._lsh.insert(article_id, minhash)
            self._values[article_id] = values
            self._root[article_id] = verdict.duplicate_of or article_id
            self._by_hash.setdefault(article.content_hash, verdict.duplicate_of or article_id)
        return verdict, values.astype(np.uint64).tobytes()
