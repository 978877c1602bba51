"""Distributional word clusters: the tagger's way to generalise beyond the words it was trained on.

Built once from unlabelled news (build time, ``marsad train ner --clusters``), shipped as a small
TSV (``word  c0  c1  c2  c3  f  a``), read as a dict at run time.

How they are made (no embeddings package, numpy/scipy only): read every article of the corpora
once (verbatim reprints, frequent in wire news, are read once); count each frequent word's left
and right neighbours (±2 words, the left and right sides kept apart, never across two articles)
among the ``contexts`` most frequent words; weight the counts by positive pointwise mutual
information (context counts smoothed by the power 0.75); reduce the rows to ``dims`` dimensions
with a truncated SVD; L2-normalise; then spherical k-means at several granularities (``ks``,
64 … 4096 clusters). Words used in the same slots (first names, capitals, ministries) fall into
the same clusters, which is what Brown clusters give a CRF, at a fraction of the cost. Seeds are
fixed, so the same corpus gives the same clusters.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from marsad.text.normalize import normalize

_WORD = re.compile(r"[\u0621-\u064a]+|[0-9]+")


def default_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "entities" / "clusters.tsv.gz"))


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, tuple[str, ...]]:
    p = Path(path)
    if not p.exists():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            out[f[0]] = tuple(f[1:])
    return out


def freq_class(stats: tuple[str, ...] | None) -> int:
    """A word's frequency class from its row of :func:`load_clusters` (``f11`` → 11: log2 of its
    corpus count, at most 14); 0 for a word the table does not hold."""
    return int(stats[4][1:]) if stats and len(stats) > 4 else 0


def load_clusters(path: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """``word → (coarse, middle, fine)`` cluster ids; empty when no cluster file ships."""
    return _load(str(path or default_path()))


def _texts(paths: Iterable[Path], limit: int | None) -> Iterator[str]:
    """The ``text`` of each article (at most ``limit`` per file); an article whose text was
    already seen (wire copy republished verbatim) is read once."""
    import hashlib

    import orjson

    seen: set[bytes] = set()
    for p in paths:
        op = gzip.open if str(p).endswith(".gz") else open
        with op(p, "rb") as fh:
            for k, line in enumerate(fh):
                if limit is not None and k >= limit:
                    break
                t = orjson.loads(line).get("text", "")
                h = hashlib.blake2b(t.encode(), digest_size=12).digest()
                if h not in seen:
                    seen.add(h)
                    yield t


def _kmeans(X: np.ndarray, k: int, *, seed: int, iters: int = 15) -> np.ndarray:
    """Spherical k-means with BLAS distances (rows of ``X`` are unit vectors); fixed seed.
    Similarities are taken a block of rows at a time (a 100k × 4096 matrix would not fit)."""
    rng = np.random.default_rng(seed)
    X = X.astype(np.float32)
    C = X[rng.choice(len(X), size=k, replace=False)].copy()
    lab = np.zeros(len(X), dtype=np.int64)
    step = max(1, 2**25 // k)
    for _ in range(iters):
        lab = np.concatenate([(X[i : i + step] @ C.T).argmax(axis=1) for i in range(0, len(X), step)])
        sums = np.zeros_like(C)
        np.add.at(sums, lab, X)
        norms = np.linalg.norm(sums, axis=1)
        live = norms > 0
        C[live] = sums[live] / norms[live, None]
    return lab


def _token_ids(corpora: Iterable[Path], limit: int | None,
               extra: Iterable[Iterable[str]]) -> tuple[list[str], np.ndarray]:
    """Every distinct normalized word of the corpora (first-seen order) and the whole token
    stream as word ids, ``-1`` between articles (so no context crosses two articles)."""
    index: dict[str, int] = {}
    chunks: list[np.ndarray] = []
    setdefault = index.setdefault
    docs = (_WORD.findall(normalize(t)) for t in _texts(corpora, limit))
    for d in _chain(docs, ([normalize(w) for w in s] for s in extra)):
        chunks.append(np.fromiter((setdefault(w, len(index)) for w in d), dtype=np.int32, count=len(d)))
        chunks.append(np.full(2, -1, dtype=np.int32))
    return list(index), np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)


def _chain(*its: Iterable[list[str]]) -> Iterator[list[str]]:
    for it in its:
        yield from it


def build(out: Path, corpora: Iterable[Path], *, vocab: int = 100_000, contexts: int = 5000,
          dims: int = 100, ks: tuple[int, ...] = (64, 256, 1024, 4096), limit: int | None = None,
          extra: Iterable[Iterable[str]] = (), seed: int = 13, min_count: int = 3) -> int:
    """Write clusters for the ``vocab`` most frequent words of ``corpora`` (+ ``extra``
    token sequences, e.g. the training sentences) to ``out``; return the number of words.

    Besides the cluster ids each word gets two corpus statistics: a frequency class
    (log2 of its count) and how often it takes the article ال (``a0`` never … ``a3`` mostly) —
    Arabic has no capital letters, and a word that never takes ال is likely a name."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    allwords, stream = _token_ids(corpora, limit, extra)
    counts = np.bincount(stream[stream >= 0], minlength=len(allwords))
    order = np.argsort(-counts, kind="stable")[:vocab]
    order = order[counts[order] >= min_count]
    words = [allwords[i] for i in order]
    freq = {w: int(c) for w, c in zip(allwords, counts, strict=True)}
    remap = np.full(len(allwords) + 1, -1, dtype=np.int64)  # last slot: the -1 separator
    remap[order] = np.arange(len(order))
    ids = remap[stream]
    del stream
    C = min(contexts, len(words))
    codes = []
    for slot, o in enumerate((-2, -1, 1, 2)):
        if o < 0:
            a, c = ids[-o:], ids[: len(ids) + o]
        else:
            a, c = ids[: len(ids) - o], ids[o:]
        ok = (a >= 0) & (c >= 0) & (c < C)
        codes.append(a[ok] * (4 * C) + c[ok] + slot * C)
    uniq, cnt = np.unique(np.concatenate(codes), return_counts=True)
    del codes, ids
    M = coo_matrix((cnt.astype(np.float64), (uniq // (4 * C), uniq % (4 * C))),
                   shape=(len(words), 4 * C)).tocsr()
    total = M.sum()
    rs = np.asarray(M.sum(axis=1)).ravel()
    cs = np.asarray(M.sum(axis=0)).ravel() ** 0.75
    cs = cs / cs.sum() * total
    M = M.tocoo()
    pmi = np.log(M.data * total / (rs[M.row] * cs[M.col] + 1e-9) + 1e-12)
    keep = pmi > 0
    P = coo_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=M.shape).tocsr()
    # a small matrix takes the exact dense SVD: ARPACK's iterative svds gave another subspace
    # for the test corpus once scipy moved from one version to the next (the clusters then
    # depended on the installed scipy); k-means is blind to the singular vectors' signs
    if max(P.shape) <= 2000:
        U, sv, _vt = np.linalg.svd(P.toarray(), full_matrices=False)
        U, sv = U[:, :dims], sv[:dims]
    else:
        U, sv, _vt = svds(P, k=dims, random_state=seed)
    X = U * np.sqrt(sv)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    labels = [_kmeans(X, k, seed=seed + k) for k in ks]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# marsad word clusters (PPMI-SVD + k-means) and corpus statistics\n")
        for i, w in enumerate(words):
            bare = w[2:] if w.startswith("ال") and len(w) >= 5 else w
            with_al, without = freq.get("ال" + bare, 0), freq.get(bare, 0)
            r = with_al / (with_al + without) if with_al + without else 0.0
            a = 0 if r < 0.02 else 1 if r < 0.15 else 2 if r < 0.5 else 3
            f = min(int(np.log2(freq[w] + 1)), 14)
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + f"\tf{f}\ta{a}\n")
    return len(words)
