"""The statistical sequence tagger: a linear-chain CRF trained with CRFsuite, run by numpy + C.

Training uses python-crfsuite (L-BFGS, elastic-net regularisation). The trained weights are then
exported to a compact ``.npz`` (attribute strings, a sparse state-weight matrix, the label
transition matrix), which is what marsad ships and loads: reading it takes tens of
milliseconds and needs no CRFsuite at run time.

Why the tagger is fast: every feature is ``offset:attribute`` of one token (see
``features.py``), so a position's emission score is the sum of five vectors, one per
(token, offset). Those vectors are computed once per distinct token and cached (a pure function
of the token and the model, so the cache never changes a result). An article then costs a few
dict look-ups per token, five vectorised gathers for the emissions, and one call per sentence to
CRFsuite's own C Viterbi (``cviterbi.py``); where that is unavailable, one numpy Viterbi pass
over all sentences at once (padded, masked: as many numpy steps as its longest sentence).

Decoding is exact first-order Viterbi, the same as CRFsuite's tagger (no start/end
transitions; CRFsuite's 1-d CRF has none).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, filterfalse, repeat
from pathlib import Path

import numpy as np

from marsad.enrich.entities import cviterbi
from marsad.enrich.entities.features import (
    DOC_WINDOW,
    OFFSETS,
    Doc,
    Lexicons,
    attr_slots,
    doc_features,
)
from marsad.errors import ConfigError

Sentence = list[tuple[str, str]]  # (token, tag)
#: a token key: (normalized token, mark), or the token alone (no mark); stage 2 adds the
#: token's document features
Key = tuple[str, str] | str | tuple[str, str, Doc]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file (``token … TAG`` per line, blank line between sentences)."""
    sents: list[Sentence] = []
    cur: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            cur.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def train_crfsuite(xseqs: Sequence[list[list[str]]], yseqs: Sequence[list[str]], model_path: str | Path,
                   *, c1: float = 0.05, c2: float = 0.01, max_iterations: int = 200,
                   verbose: bool = False) -> None:
    """Train a CRFsuite model (L-BFGS, L1 ``c1`` + L2 ``c2``) into ``model_path``."""
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=verbose)
    for x, y in zip(xseqs, yseqs, strict=True):
        tr.append(x, y)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                   "feature.possible_transitions": True, "feature.minfreq": 1})
    tr.train(str(model_path))


def export_crfsuite(model_path: str | Path, out: str | Path, *, meta: dict[str, str] | None = None,
                    min_weight: float = 1e-4, names: dict[str, str] | None = None,
                    domain: str | None = None, other_domains: Sequence[str] = ()) -> int:
    """Write CRFsuite weights as marsad's ``.npz``; return the number of attributes kept.

    A model trained with domain-augmented attributes (each attribute plain and prefixed by its
    sentence's domain, ``aner|0:w=…``; Daumé's "frustratingly easy" adaptation) is exported for
    ``domain``: an attribute's weight is its plain weight plus its ``domain|`` weight, and the
    attributes of ``other_domains`` are dropped. The file then has the usual attributes only."""
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(str(model_path))
    info = tg.info()
    labels = sorted(info.labels.keys(), key=lambda x: info.labels[x])
    lab = {name: i for i, name in enumerate(labels)}
    state: dict[tuple[str, str], float] = {}
    own = domain + "|" if domain else None
    others = tuple(d + "|" for d in other_domains)
    for (a, y), w in info.state_features.items():
        if own and a.startswith(own):
            a = a[len(own):]
        elif others and a.startswith(others):
            continue
        state[a, y] = state.get((a, y), 0.0) + w
    attrs: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for (a, y), w in state.items():
        if abs(w) < min_weight:
            continue
        k = attrs.setdefault(a, len(attrs))
        rows.append(k)
        cols.append(lab[y])
        vals.append(w)
    T = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        T[lab[a], lab[b]] = w
    blob = "\n".join(attrs).encode("utf-8")
    meta = meta or {}
    np.savez_compressed(
        out, attrs=np.frombuffer(blob, dtype=np.uint8), labels=np.array(labels),
        rows=np.array(rows, dtype=np.int32), cols=np.array(cols, dtype=np.uint8),
        vals=np.array(vals, dtype=np.float32), T=T,
        meta=np.array([f"{k}={v}" for k, v in meta.items()]),
        names=np.frombuffer("\n".join(f"{w}\t{t}" for w, t in sorted((names or {}).items())).encode("utf-8"),
                            dtype=np.uint8),
    )
    return len(attrs)


@dataclass
class FastCRF:
    """A loaded model: ``attr → row`` index, dense state weights, transitions."""

    labels: list[str]
    index: dict[str, int]
    W: np.ndarray  # (attributes + 1, labels); the last row is zeros (unknown attribute)
    T: np.ndarray  # (labels, labels): from → to
    meta: dict[str, str]
    names: dict[str, str]  # the training name lexicon (word → usual tag), a feature source

    @classmethod
    def load(cls, path: str | Path) -> FastCRF:
        p = Path(path)
        if not p.exists():
            raise ConfigError(f"no NER model at {p}; run `marsad train ner` to build one")
        with np.load(p, allow_pickle=False) as z:
            names = z["attrs"].tobytes().decode("utf-8").split("\n")
            labels = [str(x) for x in z["labels"]]
            W = np.zeros((len(names) + 1, len(labels)), dtype=np.float32)
            W[z["rows"], z["cols"].astype(np.int64)] = z["vals"]
            T = z["T"].astype(np.float32)
            meta = dict(str(m).split("=", 1) for m in z["meta"])
            lexn = {}
            if "names" in z.files and z["names"].size:
                for line in z["names"].tobytes().decode("utf-8").split("\n"):
                    w, _sep, t = line.partition("\t")
                    lexn[w] = t
        return cls(labels, {name: i for i, name in enumerate(names)}, W, T, meta, lexn)

    @classmethod
    def from_bytes(cls, data: bytes) -> FastCRF:  # pragma: no cover - convenience
        return cls.load(io.BytesIO(data))  # type: ignore[arg-type]


class Decoder:
    """Runs a :class:`FastCRF` over token keys ``(normalized token, gazetteer mark)``."""

    BOS = ("\x00BOS", "")
    EOS = ("\x00EOS", "")

    def __init__(self, model: FastCRF, lex: Lexicons, *, cache_size: int = 200_000,
                 use_c: bool = True) -> None:
        self.m = model
        self.lex = lex
        self.cache_size = cache_size
        self._ids: dict[Key, int] = {}
        self._unknown = len(model.index)
        L = len(model.labels)
        self._arr = np.zeros((1024, len(OFFSETS), L), dtype=np.float32)  # grows by doubling
        self._n = 0
        for pad in (self.BOS, self.EOS):
            tag = pad[0][1:]
            rows = [self.m.W[self.m.index.get(f"{o}:{tag}", self._unknown)] for o in OFFSETS]
            self._ids[pad] = self._n
            self._arr[self._n] = np.stack(rows)
            self._n += 1
        self._cv = cviterbi.load(model.T) if use_c else None

    def _tables(self) -> tuple[dict[str, dict[str | None, int]], tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The model by attribute, built once from its ``offset:attribute`` index: per-template
        tables of attribute rows (``"s2"`` → ``{"يا": r, …}``; the attribute ``s2=يا``), and
        three matrices whose row ``r`` holds the attribute's weights at the offsets of each
        group: 0 (centre; ``L`` columns), −1 and +1 (near; ``2L``), −2 and +2 (far; ``2L``);
        zeros where the model has none, and row 0 is all zeros (no attribute)."""
        g = self.__dict__.get("_attr_tables")
        if g is None:
            unk = self._unknown  # W's zero row
            pos = {str(o): i for i, o in enumerate(OFFSETS)}
            rows: dict[str, list[int]] = {}
            for key, row in self.m.index.items():
                o, _sep, a = key.partition(":")
                rows.setdefault(a, [unk] * len(OFFSETS))[pos[o]] = row
            tables: dict[str, dict[str | None, int]] = {}
            for r, a in enumerate(rows, 1):
                t, _sep, v = a.partition("=")  # templates hold no "="; values may (w==)
                tables.setdefault(t, {})[v] = r
            R = np.asarray([[unk] * len(OFFSETS), *rows.values()], dtype=np.int64)
            M = self.m.W[R]  # (attributes + 1, offsets, L)
            n = len(M)
            mats = (np.ascontiguousarray(M[:, 2]), np.ascontiguousarray(M[:, 1::2].reshape(n, -1)),
                    np.ascontiguousarray(M[:, 0::4].reshape(n, -1)))
            g = self.__dict__["_attr_tables"] = (tables, mats)
        return g  # type: ignore[no-any-return]

    def _blocks(self, new: Sequence[Key]) -> np.ndarray:
        """``(len(new), 5, L)`` emission blocks of new keys: at each offset, the sum of the
        weights of the key's attributes in the group that offset sees (centre at 0, near at
        ±1, far at ±2; :func:`word_attrs`). The keys' attributes come a slot at a time
        (:func:`attr_slots`) and each slot's values are looked up in its template's table
        (:meth:`_tables`; no attribute string is made): a ``(slots, keys)`` matrix of rows,
        0 where a key has no attribute or the model no weight. A group's blocks are one gather
        ``(slots, keys, columns)`` and one sum over the slots, which numpy adds one slot after
        the other (an outer axis): each block is the plain left-to-right float32 sum of the
        key's weighted attributes (the zero rows add nothing), the same bits whatever else is
        new."""
        tables, (Mc, Mn, Mf) = self._tables()
        slots, (centre, near, far) = attr_slots(new, self.lex)
        none: dict[str | None, int] = {}
        R = np.fromiter(chain.from_iterable(map(tables.get(t, none).get, vals, repeat(0)) for t, vals in slots),
                        dtype=np.intp, count=len(slots) * len(new)).reshape(len(slots), len(new))
        K, L = len(new), Mc.shape[1]
        out = np.empty((K, len(OFFSETS), L), dtype=np.float32)
        out[:, 2] = Mc[R[: len(centre)]].sum(axis=0)  # centre at 0 (its slots come first)
        out[:, 1::2] = Mn[R[near]].sum(axis=0).reshape(K, 2, L)  # near at −1, +1
        out[:, 0::4] = Mf[R[far]].sum(axis=0).reshape(K, 2, L)  # far at −2, +2
        return out

    def _ids_of(self, keys: Sequence[Key]) -> list[int]:
        """Block ids of token keys; blocks of new keys are computed together (:meth:`_blocks`).
        A key is ``(normalized token, mark)``, or the bare normalized token when it has no mark
        (most tokens: a string's hash is cached, a tuple's is not)."""
        ids = self._ids
        try:
            return list(map(ids.__getitem__, keys))  # the usual case: every token seen before
        except KeyError:
            pass
        new = list(dict.fromkeys(filterfalse(ids.__contains__, keys)))
        if new:
            if len(ids) + len(new) > self.cache_size:  # bounded: forget all but the pads
                self._ids = ids = {self.BOS: 0, self.EOS: 1}
                self._n = 2
                # every key of this article is new again, not only the ones unseen before
                new = [k for k in dict.fromkeys(keys) if k not in ids]
            sums = self._blocks(new)
            need = self._n + len(new)
            if need > len(self._arr):
                grow = np.zeros((max(need, 2 * len(self._arr)),) + self._arr.shape[1:], dtype=np.float32)
                grow[: self._n] = self._arr[: self._n]
                self._arr = grow
            self._arr[self._n : need] = sums
            ids.update(zip(new, range(self._n, need), strict=True))
            self._n = need
        return list(map(ids.__getitem__, keys))

    def emissions(self, sents: Sequence[Sequence[Key]]) -> list[np.ndarray]:
        """Emission score matrices, one ``(len, labels)`` array per sentence."""
        E, starts = self._emissions(sents)
        return [E[st : st + len(s)] for st, s in zip(starts, sents, strict=True)]

    def _emissions(self, sents: Sequence[Sequence[Key]]) -> tuple[np.ndarray, list[int]]:
        """Emissions of all sentences in one array (each sentence padded by two BOS and two EOS
        rows, so that the ±2 offsets never reach into a neighbour) and each sentence's first row."""
        flat_keys: list[Key] = []
        starts = []
        pad_l, pad_r = (self.BOS, self.BOS), (self.EOS, self.EOS)
        for s in sents:
            flat_keys.extend(pad_l)
            starts.append(len(flat_keys))
            flat_keys.extend(s)
            flat_keys.extend(pad_r)
        ids = self._ids_of(flat_keys)
        G = self._arr[np.fromiter(ids, dtype=np.intp, count=len(ids))]  # (n, offsets, L): one gather
        n = len(G)
        E = G[:, 2].copy()
        for r, o in ((0, -2), (1, -1), (3, 1), (4, 2)):
            lo, hi = max(0, -o), min(n, n - o)
            E[lo:hi] += G[lo + o : hi + o, r]
        return E, starts

    def decode(self, sents: Sequence[Sequence[Key]]) -> list[list[str]]:
        """Best label sequence of every sentence (exact Viterbi)."""
        sents = [s for s in sents]
        if not sents:
            return []
        if self._cv is not None:
            flat = self.decode_flat(sents)
            out, k = [], 0
            for s in sents:
                out.append(flat[k : k + len(s)])
                k += len(s)
            return out
        return self._decode_numpy(sents)

    def decode_flat(self, sents: Sequence[Sequence[Key]]) -> list[str]:
        """The best labels of all sentences, concatenated: one C Viterbi call per sentence
        (``cviterbi``) on the article's emission array."""
        if self._cv is None:
            return [t for s in self._decode_numpy(list(sents)) for t in s]
        E, starts = self._emissions(sents)
        spans = [(st, st + len(s)) for st, s in zip(starts, sents, strict=True)]
        ys = self._cv.decode(E, spans)
        keep = np.zeros(len(ys), dtype=bool)
        for a, b in spans:
            keep[a:b] = True
        return list(map(self.m.labels.__getitem__, ys[keep].tolist()))

    def _decode_numpy(self, sents: list[Sequence[Key]]) -> list[list[str]]:
        """The same Viterbi in numpy, all sentences at once (used when CRFsuite's C decoder is
        unavailable): one numpy step per token of the longest sentence."""
        Es = self.emissions(sents)
        lens = np.array([len(s) for s in sents])
        S, L, Tn = len(sents), len(self.m.labels), int(lens.max()) if len(lens) else 0
        if Tn == 0:
            return [[] for _ in sents]
        E = np.zeros((S, Tn, L), dtype=np.float32)
        for k, e in enumerate(Es):
            E[k, : len(e)] = e
        T = self.m.T[None]
        order = np.argsort(-lens, kind="stable")  # longest first: live sentences are a prefix
        E, lens_sorted = E[order], lens[order]
        score = E[:, 0].copy()
        # back-pointers start as "stay" (identity), so finished sentences carry their last label
        bp = np.broadcast_to(np.arange(L, dtype=np.int16), (Tn, S, L)).copy()
        live = np.searchsorted(-lens_sorted, -np.arange(Tn), side="left").tolist()
        for t in range(1, Tn):
            k = live[t]  # sentences longer than t
            cand = score[:k, :, None] + T
            best = cand.argmax(axis=1)
            score[:k] = cand.max(axis=1) + E[:k, t]
            bp[t, :k] = best
        cur = score.argmax(axis=1)
        out = np.zeros((S, Tn), dtype=np.int64)
        rows = np.arange(S)
        for t in range(Tn - 1, -1, -1):
            out[:, t] = cur
            if t:
                cur = bp[t, rows, cur]
        labels = self.m.labels
        res: list[list[str]] = [[] for _ in range(S)]
        for r, k in enumerate(order):
            res[int(k)] = [labels[j] for j in out[r, : lens[k]].tolist()]
        return res


def with_docs(keyed: Sequence[Sequence[Key]], tags: Sequence[Sequence[str]],
              window: int | None = DOC_WINDOW) -> list[list[Key]]:
    """The stage-2 keys of token keys: each ``(token, mark, doc)`` with its document features
    (:func:`features.doc_features`) from the stage-1 ``tags``."""
    norms = [[k if type(k) is str else k[0] for k in s] for s in keyed]
    docs = doc_features(norms, tags, window)
    return [[(k, "", d) if type(k) is str else (k[0], k[1], d) for k, d in zip(s, ds, strict=True)]
            for s, ds in zip(keyed, docs, strict=True)]


def tag_keyed(keyed: Sequence[Sequence[Key]], dec: Decoder, doc_dec: Decoder | None = None,
              window: int | None = DOC_WINDOW) -> list[list[str]]:
    """Tags of keyed sentences: the stage-1 model's, or, with a stage-2 model, that model's
    given the document features of the stage-1 tags (:func:`with_docs`)."""
    tags = dec.decode(keyed)
    return tags if doc_dec is None else doc_dec.decode(with_docs(keyed, tags, window))


def iter_entities(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, type)`` token ranges of BIO(ES) tags; an I- without a B- opens an entity."""
    i, n = 0, len(tags)
    while i < n:
        t = tags[i]
        if t == "O" or len(t) < 3:
            i += 1
            continue
        typ = t[2:]
        j = i + 1
        while j < n and tags[j] == "I-" + typ:
            j += 1
        yield i, j, typ
        i = j
