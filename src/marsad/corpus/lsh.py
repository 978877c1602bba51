"""Locality-sensitive hashing over MinHash signatures: band keys and bucket pairs.

A signature of ``num_perm`` values is cut into ``bands`` bands of ``rows`` values; two
documents become candidates when they agree on every value of at least one band. If their
shingle sets have Jaccard similarity J, one band agrees with probability J^r, so

    P(candidate) = 1 - (1 - J^r)^b

an S-curve whose steepest point is near ``(1/b)^(1/r)``. The default, b = 64 bands of r = 2
rows (all 128 permutations), against two stricter bandings:

============= ===== ===== ===== ===== ===== ===== =====
J              0.05  0.1   0.2   0.3   0.4   0.5   0.6
64 × 2 (def.)  0.15  0.47  0.93  1.00  1.00  1.00  1.00
42 × 3         0.01  0.04  0.29  0.68  0.94  1.00  1.00
32 × 4         0.00  0.00  0.05  0.23  0.56  0.87  0.99
============= ===== ===== ===== ===== ===== ===== =====

Why so low a threshold (≈ 0.13): what must be found is *containment*, not Jaccard. A wire
item republished inside a paper's digest, or a paragraph-long brief of a long report, has a
Jaccard of 0.1–0.2 with its source and a containment near 1. Fewer rows per band find those
(fewer false negatives) at the price of more candidate pairs (false positives: on the 72,716
articles of the benchmark about 210,000 candidates instead of 41,000 at 42 × 3). Candidates
are cheap to throw out — first by the signature estimate of containment (vectorised), then
by the exact check on shingle sets — so that is the side to err on. At 32 × 4 (threshold
≈ 0.42) a brief holding a fifth of its source would be found 5% of the time.

The batch form (:func:`band_keys`, :func:`bucket_pairs`) is what a distributed engine runs:
map each ``(rowid, signature)`` to ``(band key, rowid)`` rows, shuffle on the key, emit the
pairs inside each bucket, verify pairs independently, then union the verified pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from marsad.corpus.minhash import EMPTY, fmix64
from marsad.errors import ConfigError

_ROW_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                     0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB,
                     0x8EBC6AF09C88C6E3, 0x589965CC75374CC3], dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class LSHParams:
    """Banding of a signature; ``bands * rows`` must not exceed the signature length."""

    bands: int = 64
    rows: int = 2
    #: inside a bucket, each member is paired with this many later members (all pairs for
    #: buckets up to ``window + 1`` members; a sliding window over larger ones)
    window: int = 64

    def __post_init__(self) -> None:
        if not 1 <= self.rows <= len(_ROW_MIX):
            raise ConfigError(f"rows must be between 1 and {len(_ROW_MIX)}")
        if self.bands < 1:
            raise ConfigError("bands must be at least 1")

    def probability(self, jaccard: float) -> float:
        """P(two documents with this Jaccard become candidates)."""
        return 1.0 - (1.0 - jaccard**self.rows) ** self.bands


def band_keys(sig: np.ndarray, params: LSHParams) -> np.ndarray:
    """``(n_docs, bands)`` int64 bucket keys; the band number is mixed in, so keys of all bands
    can share one table. Rows of an empty signature (no shingles) get key 0, which callers skip."""
    n, k = sig.shape
    if params.bands * params.rows > k:
        raise ConfigError(f"{params.bands} bands × {params.rows} rows need {params.bands * params.rows} "
                          f"permutations; the signature has {k}")
    out = np.empty((n, params.bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for b in range(params.bands):
            block = sig[:, b * params.rows : (b + 1) * params.rows].astype(np.uint64)
            acc = (block * _ROW_MIX[: params.rows]).sum(axis=1, dtype=np.uint64)
            out[:, b] = fmix64(acc ^ np.uint64((b + 1) * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF))
    keys = out.view(np.int64)
    keys[np.all(sig == EMPTY, axis=1)] = 0
    return keys


def bucket_pairs(keys: np.ndarray, *, window: int = 64) -> np.ndarray:
    """Candidate pairs ``(m, 2)`` of row indices ``i < j`` sharing a key in any band column.

    ``keys`` is ``(n, bands)`` from :func:`band_keys` (or one column). Within a bucket rows are
    in index order (callers sort documents by time first), and each row is paired with the next
    ``window`` rows of its bucket. Key 0 (empty documents) never pairs.
    """
    if keys.ndim == 1:
        keys = keys[:, None]
    n = keys.shape[0]
    found = []
    for b in range(keys.shape[1]):
        col = keys[:, b]
        order = np.argsort(col, kind="stable")
        sk = col[order]
        for d in range(1, min(window, n - 1) + 1):
            same = (sk[d:] == sk[:-d]) & (sk[d:] != 0)
            if not same.any():
                break
            idx = np.flatnonzero(same)
            found.append(np.stack((order[idx], order[idx + d]), axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    pairs.sort(axis=1)
    code = np.unique(pairs[:, 0].astype(np.uint64) * np.uint64(n) + pairs[:, 1].astype(np.uint64))
    return np.stack(((code // np.uint64(n)).astype(np.int64), (code % np.uint64(n)).astype(np.int64)), axis=1)
