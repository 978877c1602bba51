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


def build(out: Path, corpora: Iterable[Path], *, vocab: int = 60_000, contexts: int = 4000,
          dims: int = 100, ks: tuple[int, ...] = (64, 256, 1024), limit: int = 50_000,
          extra: Iterable[Iterable[str]] = (), seed: int = 13) -> int:
    """Write clusters for the ``vocab`` most frequent words of ``corpora`` (+ ``extra``
    token sequences, e.g. the training sentences) to ``out``; return the number of words."""
    from scipy.cluster.vq import kmeans2
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    docs = [_WORD.findall(normalize(t)) for t in _texts(corpora, limit)]
    docs += [[normalize(w) for w in s] for s in extra]
    freq = Counter(w for d in docs for w in d)
    words = [w for w, c in freq.most_common(vocab) if c >= 3]
    wid = {w: i for i, w in enumerate(words)}
    ctx = {w: i for i, w in enumerate(words[:contexts])}
    C = len(ctx)
    pairs: Counter[tuple[int, int]] = Counter()
    for d in docs:
        ids = [wid.get(w, -1) for w in d]
        cids = [ctx.get(w, -1) for w in d]
        n = len(d)
        for i, a in enumerate(ids):
            if a < 0:
                continue
            for o in (-2, -1, 1, 2):
                j = i + o
                if 0 <= j < n and cids[j] >= 0:
                    pairs[(a, cids[j] + (0 if o < 0 else C) + (abs(o) - 1) * 2 * C)] += 1
    rows = np.fromiter((k[0] for k in pairs), dtype=np.int64, count=len(pairs))
    cols = np.fromiter((k[1] for k in pairs), dtype=np.int64, count=len(pairs))
    vals = np.fromiter(pairs.values(), dtype=np.float64, count=len(pairs))
    M = coo_matrix((vals, (rows, cols)), shape=(len(words), 4 * C)).tocsr()
    total = M.sum()
    rs = np.asarray(M.sum(axis=1)).ravel()
    cs = np.asarray(M.sum(axis=0)).ravel() ** 0.75
    cs = cs / cs.sum() * total
    M = M.tocoo()
    pmi = np.log(M.data * total / (rs[M.row] * cs[M.col] + 1e-9) + 1e-12)
    keep = pmi > 0
    P = coo_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=M.shape).tocsr()
    rng = np.random.default_rng(seed)
    U, s, _vt = svds(P, k=dims, random_state=seed)
    X = U * np.sqrt(s)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    labels = []
    for k in ks:
        _c, lab = kmeans2(X, k, minit="++", seed=rng, iter=25)
        labels.append(lab)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# marsad word clusters (PPMI-SVD + k-means) from unlabelled news\n")
        for i, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    return len(words)
