"""MinHash signatures and a banded LSH index, the values and candidates datasketch gives.

Signatures are datasketch 2.0's ``MinHash`` with its ``affine32`` scheme and seed 1
(SHA-1 of each item, the MurmurHash3 finalizer, then ``a * h + b`` mod 2^32 per
permutation), so knowledge bases built with datasketch keep their stored signatures.
The index bands a signature as ``MinHashLSH`` does, with the bands and rows that
minimise its equal-weighted false positive and negative probabilities.

Computed here rather than imported: datasketch's package imports scipy to integrate
those probabilities, 0.3 s of CPU at the start of every build (a twentieth of building
300 generated articles). The integrands are polynomials of degree at most ``num_perm``,
which Gauss-Legendre quadrature with ``num_perm // 2 + 1`` nodes integrates exactly.
``tests/test_ingest_minhash.py`` checks signatures, size estimates, band parameters and
candidates against datasketch itself.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from numpy.polynomial.legendre import leggauss

SEED = 1
_MAX = np.uint32(0xFFFFFFFF)  # the largest hash value, and an empty signature's every value
# MurmurHash3's 32-bit finalizer: shift, multiplier, shift, multiplier, shift.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=4)
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The odd multipliers and the offsets of the ``num_perm`` affine permutations, drawn
    as datasketch draws them from ``RandomState(1)``; made once (the draw is most of a
    signature's cost)."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def signature(items: Iterable[bytes], num_perm: int) -> np.ndarray:
    """The MinHash values (``uint32``) of a set of byte strings."""
    values = np.full(num_perm, _MAX, dtype=np.uint32)
    hashes = [int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items]
    if not hashes:
        return values
    h = np.array(hashes, dtype=np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    h = h ^ (h >> s3)
    a, b = permutations(num_perm)
    return np.minimum(values, (h * a + b).min(axis=0))


def estimated_size(values: np.ndarray) -> float:
    """The number of distinct items a signature was made from (MinHash's own estimator)."""
    scaled = np.asarray(values, dtype=np.uint32) / float(_MAX)
    return float(float(len(scaled)) / np.sum(scaled) - 1.0)


@lru_cache(maxsize=16)
def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band minimising the false positive probability below
    ``threshold`` plus the false negative probability above it (the first such pair in
    datasketch's order: bands ascending, then rows)."""
    nodes, weights = leggauss(num_perm // 2 + 1)

    def integral(low: float, high: float, b: int, r: int, positive: bool) -> float:
        s = (high - low) / 2 * nodes + (high + low) / 2
        missed = (1 - s ** float(r)) ** float(b)
        curve = 1 - missed if positive else missed
        return float((high - low) / 2 * np.dot(weights, curve))

    best, chosen = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            error = (
                integral(0.0, threshold, b, r, True) * 0.5
                + integral(threshold, 1.0, b, r, False) * 0.5
            )
            if error < best:
                best, chosen = error, (b, r)
    return chosen


class BandIndex:
    """Keys by the bands of their signatures: a query returns every key sharing a band."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        b, r = bands(threshold, num_perm)
        self._ranges = [(i * r, (i + 1) * r) for i in range(b)]
        self._tables: list[defaultdict[bytes, list[str]]] = [defaultdict(list) for _ in range(b)]

    def _keys(self, values: np.ndarray) -> list[bytes]:
        values = np.asarray(values, dtype=np.uint32)
        return [values[start:end].tobytes() for start, end in self._ranges]

    def insert(self, key: str, values: np.ndarray) -> None:
        """Index ``key`` by its signature's bands."""
        for band, table in zip(self._keys(values), self._tables, strict=True):
            table[band].append(key)

    def query(self, values: np.ndarray) -> set[str]:
        """The keys sharing at least one band with ``values``."""
        found: set[str] = set()
        for band, table in zip(self._keys(values), self._tables, strict=True):
            found.update(table.get(band, ()))
        return found
