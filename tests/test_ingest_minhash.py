"""ingest.minhash gives datasketch's own signatures, size estimates, bands and candidates."""

from __future__ import annotations

import numpy as np
import pytest

from ingest import minhash

datasketch = pytest.importorskip("datasketch")
lsh_module = pytest.importorskip("datasketch.lsh")


def _items(count: int, seed: int) -> list[bytes]:
    rng = np.random.default_rng(seed)
    return [f"word{rng.integers(10**9)} run of five".encode() for _ in range(count)]


@pytest.mark.parametrize("count", [0, 1, 7, 250, 4000])
def test_signature_and_size_are_datasketchs(count):
    items = _items(count, seed=count)
    theirs = datasketch.MinHash(num_perm=128, scheme="affine32")
    theirs.update_batch(items)
    ours = minhash.signature(items, 128)
    assert ours.dtype == theirs.hashvalues.dtype
    assert np.array_equal(ours, theirs.hashvalues)
    if count:
        lean = datasketch.LeanMinHash(seed=1, hashvalues=ours.astype(np.uint64), scheme="affine32")
        assert minhash.estimated_size(ours.astype(np.uint64)) == lean.count()


@pytest.mark.parametrize("num_perm", [32, 128])
def test_bands_are_datasketchs(num_perm):
    for threshold in [step / 20 for step in range(1, 20)]:
        expected = lsh_module._optimal_param(threshold, num_perm, 0.5, 0.5)
        assert minhash.bands(threshold, num_perm) == expected, threshold


def test_index_proposes_what_datasketch_proposes():
    base = _items(60, seed=1)
    texts = [base[: 60 - k] + _items(k, seed=100 + k) for k in range(0, 60, 3)]
    signatures = [minhash.signature(items, 128) for items in texts]
    theirs = datasketch.MinHashLSH(threshold=0.7, num_perm=128)
    ours = minhash.BandIndex(0.7, 128)
    for number, values in enumerate(signatures[:-5]):
        theirs.insert(
            str(number), datasketch.LeanMinHash(seed=1, hashvalues=values, scheme="affine32")
        )
        ours.insert(str(number), values.astype(np.uint64))  # stored signatures come back as uint64
    for values in signatures:
        lean = datasketch.LeanMinHash(seed=1, hashvalues=values, scheme="affine32")
        assert ours.query(values) == set(theirs.query(lean))
    assert ours.query(signatures[0]) >= {"0", "1"}
