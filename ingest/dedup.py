"""Exact and near-duplicate detection: word shingles, MinHash, banded LSH.

LSH proposes candidates without comparing all pairs; a candidate becomes a
duplicate only when the *containment* of the shorter text in the longer (the share
of the shorter one's shingles the longer one holds) reaches ``duplicate_threshold``.
Containment, not Jaccard: a site that carries only the first paragraphs of a wire
story, or drops, adds or moves one paragraph, or keeps furniture the cleaner missed,
still holds nearly all of the other's runs, while its Jaccard falls with the length
difference (real copies score 0.3 to 0.8). Shingles never span two lines, so moved
paragraphs leave no seams. Two outlets' own write-ups of one event share topic words
but few five-word runs, so they stay separate articles (linking them is ``link``'s
job). Very short texts are judged by Jaccard: a few shared runs say little. Two texts
whose datelines credit the same agency (:mod:`ingest.wire`), or one of which credits an
agency while the other credits none, are versions of one agency story that a portal
edited to its house style, so they need less containment (``wire_copy_threshold``); two
stories of one agency share almost no runs. The lead is read without its dateline, which
such a portal drops or rewrites.

Two LSH indexes propose candidates: one over its lead paragraphs (the first
``lead_words`` words of each of the first ``lead_paragraphs`` paragraphs that read as
sentences), one of which a copy cut short, or one with paragraphs dropped, added or
moved further down, or one under another headline and a rewritten lede, shares whole
even when its Jaccard over the whole text is low; and
one over the whole text, at a higher threshold, for copies whose lead was edited. A
low threshold on the whole text would find the first kind too, but it proposes every
article that shares a few stock sentences, and the work grows with the square of the
corpus.

The index is seeded from signatures stored in the knowledge base, so a build that
adds articles compares them with everything already ingested.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ingest.lines import is_sentence
from ingest.model import Article, DuplicateMatch
from ingest.settings import IngestSettings
from ingest.wire import wire_credit, without_dateline

_WORD = re.compile(r"\w+")
# Stored signatures carry no trace of the scheme that made them: pin it.
SCHEME = "affine32"
# How far below the threshold a MinHash estimate may fall and still get an exact check
# (with 128 permutations the Jaccard estimate's standard error is at most 0.045, the
# set-size estimate's about 9%, and containment compounds the two).
ESTIMATE_MARGIN = 0.25
# Candidates whose shingles are kept between checks, the least recently used dropped
# first: copies of one story are checked close together in date order.
READ_CACHE = 256
# A lead paragraph has at least this many words (a dateline or a headline has fewer).
LEAD_MIN_WORDS = 8


def shingles(text: str, size: int) -> set[str]:
    """Overlapping runs of ``size`` lower-cased words within each line (a whole line if
    shorter). Runs never span two paragraphs, so a copy whose paragraphs were moved,
    dropped or added gains no runs of its own at the seams."""
    found: set[str] = set()
    for line in text.casefold().splitlines():
        words = _WORD.findall(line)
        if len(words) <= size:
            if words:
                found.add(" ".join(words))
            continue
        # zip of the shifted word lists: the same runs as slicing at every index, faster
        found.update(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))
    return found


def jaccard(a: set[str], b: set[str]) -> float:
    """|A ∩ B| / |A ∪ B|, 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(a: set[str], b: set[str]) -> float:
    """|A ∩ B| / min(|A|, |B|): how much of the shorter text the longer one holds."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def copy_score(a: set[str], b: set[str], min_shingles: int) -> float:
    """Containment, or Jaccard when the shorter text has fewer than ``min_shingles``."""
    if min(len(a), len(b)) < min_shingles:
        return jaccard(a, b)
    return containment(a, b)


def estimated_size(values: np.ndarray) -> float:
    """The number of distinct shingles a signature was made from (MinHash's own
    estimator), for articles whose text is not at hand."""
    return float(LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME).count())


def estimated_containment(agreement: float, size_a: float, size_b: float) -> float:
    """Containment from an estimated Jaccard and the two set sizes:
    |A ∩ B| = J (|A| + |B|) / (1 + J)."""
    smaller = min(size_a, size_b)
    if smaller <= 0:
        return 0.0
    return agreement * (size_a + size_b) / ((1 + agreement) * smaller)


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


def lead_line(text: str, min_words: int = LEAD_MIN_WORDS) -> str | None:
    """The first line that reads as a sentence of at least ``min_words`` words, else None."""
    for line in text.splitlines():
        if len(_WORD.findall(line)) >= min_words and is_sentence(line):
            return line
    return None


def text_credit(text: str) -> str | None:
    """The agency the text's lead credits in its dateline ("LONDON (Reuters) -"), else None."""
    line = lead_line(text)
    return wire_credit(line) if line is not None else None


def paragraph_leads(text: str, words: int, paragraphs: int) -> list[str]:
    """The first ``words`` words of each of the first ``paragraphs`` paragraphs that read
    as sentences (the first without its dateline): a site that re-runs a story under a
    rewritten lede keeps a later paragraph of the first few whole. The whole text's
    start when no paragraph reads as a sentence."""
    found: list[str] = []
    for line in text.splitlines():
        if len(found) == paragraphs:
            break
        if len(_WORD.findall(line)) >= LEAD_MIN_WORDS and is_sentence(line):
            kept = without_dateline(line) if not found else line
            found.append(" ".join(_WORD.findall(kept)[:words]))
    return found or [lead(text, words)]


def lead(text: str, words: int, min_words: int = LEAD_MIN_WORDS) -> str:
    """The first ``words`` words of the first paragraph that reads as a sentence of at
    least ``min_words`` words (of the whole text when none does).

    One paragraph, not a window of words across paragraphs: a copy cut short, or with a
    later paragraph dropped, added or moved, keeps its first paragraph whole while a
    window reaching into the second would differ; and a headline or a standfirst put
    above the body by the copying site does not shift it.
    """
    line = lead_line(text, min_words)
    if line is not None:  # without a dateline, which a site carrying the story may drop
        return " ".join(_WORD.findall(without_dateline(line))[:words])
    kept: list[str] = []
    left = words
    for line in text.splitlines():
        if left <= 0:
            break
        found = _WORD.findall(line)
        kept.append(" ".join(found[:left]))
        left -= len(found)
    return "\n".join(kept)


def signatures(text: str, own: set[str], settings: IngestSettings) -> np.ndarray:
    """MinHash values of the whole text's shingles, then of its indexed leads'."""
    return np.concatenate(
        [signature(own, settings.minhash_perm), *_lead_signatures(text, settings, indexed=True)]
    )


def _lead_signatures(text: str, settings: IngestSettings, indexed: bool) -> list[np.ndarray]:
    """Signatures of the paragraph leads: all of them to look a text up, but only the
    first one's in the index unless the text credits an agency. A story re-run under a
    rewritten lede is an agency's; indexing every article's later paragraphs would
    propose every pair that shares a stock paragraph (the CPU time of the generated
    3,000-article scale run went from 6.6 to 14.7 s)."""
    leads = paragraph_leads(text, settings.lead_words, settings.lead_paragraphs)
    if indexed and text_credit(text) is None:
        leads = leads[:1]
    return [signature(shingles(p, settings.shingle_words), settings.minhash_perm) for p in leads]


def _lead_parts(stored: np.ndarray, num_perm: int) -> list[np.ndarray]:
    """The paragraph leads' signatures after the whole text's (none in the oldest builds)."""
    return [stored[i : i + num_perm] for i in range(num_perm, len(stored), num_perm)]


def signature_bytes(text: str, settings: IngestSettings) -> bytes:
    """The stored form of a text's signatures (what a partition worker hands back)."""
    values = signatures(text, shingles(text, settings.shingle_words), settings)
    return values.astype(np.uint64).tobytes()


# The bands and rows datasketch's optimiser chooses for the default thresholds and
# permutations (a test checks they still are): it integrates false positive and false
# negative rates with scipy, 15 ms an index for every build; other settings still ask it.
LSH_PARAMS: dict[tuple[float, int], tuple[int, int]] = {(0.7, 128): (14, 9), (0.55, 128): (21, 6)}


def _index(threshold: float, num_perm: int) -> MinHashLSH:
    """An empty banded LSH index for ``threshold``."""
    params = LSH_PARAMS.get((threshold, num_perm))
    return MinHashLSH(threshold=threshold, num_perm=num_perm, params=params)


class Deduplicator:
    """Finds, for each article checked, the earliest known copy it duplicates.

    Articles are checked in the order they should count as "earlier"; a copy of a
    copy points to the first one (the root), never to another copy.
    """

    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self._lsh = _index(settings.lsh_threshold, settings.minhash_perm)
        self._lead_lsh = _index(settings.lead_lsh_threshold, settings.minhash_perm)
        self._by_hash: dict[str, str] = {}
        self._root: dict[str, str] = {}
        self._values: dict[str, np.ndarray] = {}
        self._sizes: dict[str, float] = {}
        self._read_cache: dict[str, tuple[set[str], str | None]] = {}

    def _close_enough(
        self, values: np.ndarray, size: int, candidate: str, threshold: float
    ) -> bool:
        """Whether the signatures' agreement (an estimate of Jaccard) and the two sizes
        leave the exact check worth doing: LSH proposes pairs well below the duplicate
        threshold too."""
        agreement = float(np.mean(values == self._values[candidate]))
        other = self._sizes[candidate]
        if min(size, other) < self.settings.min_copy_shingles:
            estimate = agreement
        else:
            estimate = estimated_containment(agreement, size, other)
        return estimate >= threshold - ESTIMATE_MARGIN

    def _threshold(self, credit: str | None, other: str | None) -> float:
        """The containment that makes a copy: lower for two versions of one agency
        story - both credit the same agency, or one does and the other carries no
        credit (a site that took the story dropped it with the dateline)."""
        if (credit is not None and credit == other) or (credit is None) != (other is None):
            return self.settings.wire_copy_threshold
        return self.settings.duplicate_threshold

    def _read(self, candidate: str, load_text: Callable[[str], str]) -> tuple[set[str], str | None]:
        """A candidate's shingles and agency credit, from its text read once: a story
        carried by many outlets is the candidate of each copy (on the dev-corpus
        variants, 588 reads of 168 texts)."""
        found = self._read_cache.pop(candidate, None)
        if found is None:
            text = load_text(candidate)
            found = (shingles(text, self.settings.shingle_words), text_credit(text))
        self._read_cache[candidate] = found  # the most recently used last
        if len(self._read_cache) > READ_CACHE:
            del self._read_cache[next(iter(self._read_cache))]
        return found

    def add_known(
        self, article_id: str, content_hash: str, hashvalues: bytes, duplicate_of: str | None
    ) -> None:
        """Index an article already stored, from its stored signature."""
        if article_id in self._root:
            return
        stored = np.frombuffer(hashvalues, dtype=np.uint64)
        values = stored[: self.settings.minhash_perm]
        self._lsh.insert(article_id, _lean(values))
        for i, part in enumerate(_lead_parts(stored, self.settings.minhash_perm)):
            self._lead_lsh.insert((article_id, i), _lean(part))
        self._values[article_id] = values
        self._sizes[article_id] = estimated_size(values)
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
        self._read_cache.pop(article_id, None)  # a text read before may be an old version
        num_perm = self.settings.minhash_perm
        own = shingles(article.text, self.settings.shingle_words)
        credit = text_credit(article.text)
        if precomputed is not None:
            stored = np.frombuffer(precomputed, dtype=np.uint64)
            lead_hashes = [_lean(p) for p in _lead_parts(stored, num_perm)]
            lookups = lead_hashes
            if len(lead_hashes) == 1 and self.settings.lead_paragraphs > 1:
                lookups = [_lean(p) for p in _lead_signatures(article.text, self.settings, False)]
        else:
            # Every lead is signed once: all are looked up, the indexed ones are stored.
            leads = _lead_signatures(article.text, self.settings, indexed=False)
            indexed = leads if credit is not None else leads[:1]
            stored = np.concatenate([signature(own, num_perm), *indexed])
            lookups = [_lean(p) for p in leads]
            lead_hashes = lookups[: len(indexed)]
        values = stored[:num_perm]
        minhash = _lean(values)
        verdict = DuplicateMatch(article_id, None, None)
        exact = self._by_hash.get(article.content_hash)
        if exact is not None and exact != article_id:
            verdict = DuplicateMatch(article_id, exact, 1.0)
        else:
            best: tuple[float, str] | None = None
            proposed = set(self._lsh.query(minhash)) | {
                key[0] for h in lookups for key in self._lead_lsh.query(h)
            }
            # the lower of the two bars, as either may apply to a candidate
            lowest = min(self.settings.wire_copy_threshold, self.settings.duplicate_threshold)
            for candidate in sorted(proposed):
                if candidate == article_id or not self._close_enough(
                    values, len(own), candidate, lowest
                ):
                    continue
                other, other_credit = self._read(candidate, load_text)
                score = copy_score(own, other, self.settings.min_copy_shingles)
                threshold = self._threshold(credit, other_credit)
                if score >= threshold and (best is None or score > best[0]):
                    best = (score, candidate)
            if best is not None:
                verdict = DuplicateMatch(article_id, self._root[best[1]], round(best[0], 4))
        if article_id not in self._root:
            self._lsh.insert(article_id, minhash)
            for i, lead_hash in enumerate(lead_hashes):
                self._lead_lsh.insert((article_id, i), lead_hash)
            self._values[article_id] = values
            self._sizes[article_id] = float(len(own))
            self._root[article_id] = verdict.duplicate_of or article_id
            self._by_hash.setdefault(article.content_hash, verdict.duplicate_of or article_id)
        return verdict, stored.astype(np.uint64).tobytes()
