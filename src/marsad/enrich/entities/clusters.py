"""Distributional word clusters: the tagger's way to generalise beyond the words it was trained on.

Built once from unlabelled news (build time, ``marsad train ner --clusters``), shipped as a small
TSV (``word  c0  c1  c2``), read as a dict at run time.

How they are made (no embeddings package, numpy/scipy only): count each frequent word's left
and right neighbours (±2 words, the left and right sides kept apart) among the ``contexts``
most frequent words; weight the counts by positive pointwise mutual information; reduce the
rows to ``dims`` dimensions with a truncated SVD; L2-normalise; then k-means at three
granularities (``ks``). Words used in the same slots (first names, capitals, ministries) fall
into the same clusters, which is what Brown clusters give a CRF, at a fraction of the cost.
Seeds are fixed, so the same corpus gives the same clusters.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
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


def load_clusters(path: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """``word → (coarse, middle, fine)`` cluster ids; empty when no cluster file ships."""
    return _load(str(path or default_path()))


def _texts(paths: Iterable[Path], limit: int) -> Iterator[str]:
    import orjson

    for p in paths:
        op = gzip.open if str(p).endswith(".gz") else open
        with op(p, "rb") as fh:
            for k, line in enumerate(fh):
                if k >= limit:
                    break
                yield orjson.loads(line).get("text", "")


def _kmeans(X: np.ndarray, k: int, *, seed: int, iters: int = 15) -> np.ndarray:
    """Spherical k-means with BLAS distances (rows of ``X`` are unit vectors); fixed seed."""
    rng = np.random.default_rng(seed)
    C = X[rng.choice(len(X), size=k, replace=False)].copy()
    lab = np.zeros(len(X), dtype=np.int64)
    for _ in range(iters):
        lab = (X @ C.T).argmax(axis=1)
        for j in range(k):
            m = lab == j
            if m.any():
                c = X[m].sum(axis=0)
                C[j] = c / (np.linalg.norm(c) + 1e-9)
    return lab


def build(out: Path, corpora: Iterable[Path], *, vocab: int = 50_000, contexts: int = 3000,
          dims: int = 64, ks: tuple[int, ...] = (64, 256, 1024), limit: int = 25_000,
          extra: Iterable[Iterable[str]] = (), seed: int = 13) -> int:
    """Write clusters for the ``vocab`` most frequent words of ``corpora`` (+ ``extra``
    token sequences, e.g. the training sentences) to ``out``; return the number of words.

    Besides the cluster ids each word gets two corpus statistics: a frequency class
    (log2 of its count) and how often it takes the article ال (``a0`` never … ``a3`` mostly) —
    Arabic has no capital letters, and a word that never takes ال is likely a name."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    docs = [_WORD.findall(normalize(t)) for t in _texts(corpora, limit)]
    docs += [[normalize(w) for w in s] for s in extra]
    freq = Counter(w for d in docs for w in d)
    words = [w for w, c in freq.most_common(vocab) if c >= 3]
    wid = {w: i for i, w in enumerate(words)}
    C = min(contexts, len(words))
    flat: list[int] = []
    for d in docs:
        flat.extend(wid.get(w, -1) for w in d)
        flat.extend((-1, -1))
    ids = np.asarray(flat, dtype=np.int64)
    codes = []
    for slot, o in enumerate((-2, -1, 1, 2)):
        a = ids[max(0, -o) : len(ids) - max(0, o)]
        c = ids[max(0, o) : len(ids) - max(0, -o)] if o > 0 else ids[: len(ids) + o]
        if o < 0:
            a, c = ids[-o:], ids[: len(ids) + o]
        ok = (a >= 0) & (c >= 0) & (c < C)
        codes.append(a[ok] * (4 * C) + c[ok] + slot * C)
    uniq, cnt = np.unique(np.concatenate(codes), return_counts=True)
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
