"""The corpus stages over an archive: copies, then stories and threads, batch by batch.

:func:`update_copies` and :func:`update_stories` are what ``marsad ingest`` runs after each
ingest (:mod:`marsad.corpus.hooks`). Each keeps its progress (the last article rowid it has
seen) in ``corpus_state`` and touches only the articles that arrived since: new articles are
banded and looked up in the stored LSH buckets (``lsh_bands``), verified against the stored
articles they collide with, and merged into existing copy groups; stories and threads resume
from their stored active state. Nothing is recomputed from scratch.

Texts are the clean view the per-article pipeline fingerprints: the original with debris,
dateline, byline and credit blanked (:func:`marsad.clean.debris.mask`).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
import orjson
import xxhash

from marsad.clean.debris import REMOVED_LAYERS
from marsad.corpus.dedup import (
    DedupParams,
    DocInfo,
    PairScore,
    UnionFind,
    countries_of,
    estimate,
    head_of,
    key_pairs,
    lead_countries_of,
    leads_of,
    numbers_of,
    provenance,
    score_sets,
    sentence_shingles,
    span_keys,
    verify_candidates,
)
from marsad.corpus.features import (
    ArticleFeatures,
    DocFreq,
    article_terms,
    count_into,
    day_number,
    surface_words_many,
)
from marsad.corpus.linking import ThreadLinking
from marsad.corpus.lsh import band_keys, bucket_pairs
from marsad.corpus.minhash import (
    _HEADER,
    _VERSION,
    MinHashParams,
    distinct_counts,
    fold_many,
    minhash_from_hashes,
    shingle_hashes,
    unpack,
)
from marsad.corpus.stories import (
    ArticleVector,
    ClusterState,
    Story,
    StoryClusterer,
    StoryParams,
    TemplateTerms,
    article_vector,
)
from marsad.corpus.threads import Thread, ThreadLinker, ThreadParams, ThreadState
from marsad.store.corpus_store import CorpusStore

_MASKED = tuple(sorted(REMOVED_LAYERS - {"title"}))
_EPOCH = date(1970, 1, 1)


def iso_day(day: int) -> str | None:
    return (_EPOCH + timedelta(days=day)).isoformat() if day >= 0 else None


_BLANK = re.compile(r"[^\n]")


def mask_bounds(text: str, bounds: Sequence[tuple[int, int]]) -> str:
    """:func:`marsad.clean.debris.mask` from ``(start, end)`` bounds: the characters of each
    span blanked by spaces, newlines kept (same length, same offsets), a slice at a time."""
    if not bounds:
        return text
    out, pos = [], 0
    for a, b in sorted(bounds):
        a = max(a, pos)
        if b <= a:
            continue
        out.append(text[pos:a])
        out.append(_BLANK.sub(" ", text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def clean_texts(cs: CorpusStore, rowids: Sequence[int], *, prefix: int | None = None) -> dict[int, str]:
    """The clean view of stored articles (their first ``prefix`` characters when given)."""
    texts = cs.texts(rowids, prefix=prefix)
    spans = cs.span_bounds(list(texts), _MASKED, before=prefix)
    return {k: mask_bounds(t, spans.get(k, ())) for k, t in texts.items()}


# --- copies ----------------------------------------------------------------------------------


def update_copies(archive: Any, *, params: DedupParams | None = None, batch: int = 100_000,
                  chunk: int = 2000) -> dict[str, int]:
    """Find the copies of the articles added since the last run; returns counts.

    Up to ``batch`` new articles are one batch: their stored signatures
    (``articles.fingerprint``) are banded and paired with each other and with the stored
    buckets, and only the articles of the candidate pairs that pass the signature prefilter
    are read again (``chunk`` texts at a time) for the exact check. One batch, one
    transaction (its keys aside: :class:`_KeyWriter`): a run stopped mid-way resumes at the
    first batch it had not committed.

    Cyclic garbage is collected at a tenth of the default rate meanwhile (in the forked
    worker too): the candidate sets and caches are many small objects without cycles.
    """
    from marsad.runners.local import fewer_collections

    with fewer_collections():  # inherited by the forked workers
        return _update_copies(archive, params or DedupParams(), batch=batch, chunk=chunk)


def _update_copies(archive: Any, params: DedupParams, *, batch: int, chunk: int) -> dict[str, int]:
    cs = CorpusStore(archive)
    st = cs.state("copies")
    last = int(st.get("last_rowid", 0))
    totals: Counter[str] = Counter()
    while True:
        got = cs.fingerprints_after(last, limit=batch)
        if not got:
            break
        totals.update(_copies_batch(cs, got, params, chunk=chunk))
        last = got[-1][0]
        cs.set_state("copies", {"last_rowid": last})
        cs.commit()
    return dict(totals)


def _info(r: dict[str, Any]) -> DocInfo:
    return DocInfo(key=int(r["rowid"]), published_at=r.get("published_at"), source=r.get("source") or "",
                   dateline_agency=r.get("dateline_agency") or "", credit=r.get("credit") or "",
                   confidence=float(r.get("published_at_confidence") or 0.0))


def _signatures(cs: CorpusStore, blobs: dict[int, bytes | None], mp: MinHashParams,
                chunk: int) -> tuple[dict[int, int], np.ndarray, np.ndarray]:
    """Signatures and distinct-shingle counts of stored articles: unpacked from their stored
    fingerprints, computed from the clean text for those without one (or made with other
    parameters). Returns ``(rowid → row, signatures, sizes)``."""
    keys = sorted(blobs)
    row = {k: i for i, k in enumerate(keys)}
    sig = np.empty((len(keys), mp.num_perm), dtype=np.uint32)
    sizes = np.zeros(len(keys), dtype=np.int64)
    missing = []
    # the blobs of these parameters, unpacked at once (what :func:`unpack` does one by one)
    head = _HEADER.pack(_VERSION, mp.ngram, mp.num_perm, 0)[:4]
    width = _HEADER.size + 4 * mp.num_perm
    ok = [i for i, k in enumerate(keys) if (b := blobs[k]) and len(b) == width and b[:4] == head]
    if ok:
        raw = np.frombuffer(b"".join([blobs[keys[i]] for i in ok]), dtype=np.uint8).reshape(len(ok), width)  # type: ignore[misc]
        at = np.asarray(ok, dtype=np.int64)
        sig[at] = raw[:, _HEADER.size :].copy().view("<u4").astype(np.uint32)
        sizes[at] = raw[:, 4 : _HEADER.size].copy().view("<u4")[:, 0].astype(np.int64)
    got = np.zeros(len(keys), dtype=bool)
    got[ok] = True
    for i, k in enumerate(keys):
        if not got[i]:
            u = unpack(blobs[k] or b"", mp)
            if u is None:
                missing.append(k)
            else:
                sig[i], sizes[i] = u
    for s in range(0, len(missing), chunk):
        part = missing[s : s + chunk]
        texts = clean_texts(cs, part)
        h, o = shingle_hashes([texts[k] for k in part], ngram=mp.ngram)
        got, counts = minhash_from_hashes(h, o, mp), distinct_counts(h, o)
        for j, k in enumerate(part):
            sig[row[k]], sizes[row[k]] = got[j], counts[j]
    return row, sig, sizes


def _stored_candidates(cs: CorpusStore, keys: list[int], bkeys: np.ndarray, skeys: list[np.ndarray],
                       params: DedupParams) -> set[tuple[int, int]]:
    """``(stored article, new article)`` pairs sharing a stored LSH bucket (in a crowded bucket,
    its ``window`` latest members only, as :func:`bucket_pairs` pairs) or a stored span key
    (not a boilerplate one)."""
    if not cs.has_bands():
        return set()
    window = params.lsh.window
    flat_s = np.concatenate(skeys) if skeys else np.zeros(0, dtype=np.int64)
    by_key: dict[int, list[int]] = {}
    batch = set(keys)
    for k, art in cs.band_matches(bkeys[bkeys != 0].tolist() + flat_s.tolist()):
        if art not in batch:  # keys a stopped run stored before its groups (:class:`_KeyWriter`)
            by_key.setdefault(k, []).append(art)
    out: set[tuple[int, int]] = set()
    if not by_key:
        return out
    for k, arts in by_key.items():
        if len(arts) > window:
            by_key[k] = sorted(arts)[-window:]
    hit = np.isin(bkeys, np.fromiter(by_key, dtype=np.int64, count=len(by_key)))
    for i, b in zip(*np.nonzero(hit), strict=True):
        for old in by_key[int(bkeys[i, b])]:
            out.add((old, keys[int(i)]))
    for i, ks in enumerate(skeys):
        for kk in ks.tolist():
            olds = by_key.get(kk, ())
            if len(olds) < params.span_bucket_max:  # else a paper's standing line
                for old in olds:
                    out.add((old, keys[i]))
    return out


def _span_keys_of(cs: CorpusStore, keys: Sequence[int], params: DedupParams, chunk: int) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for s in range(0, len(keys), chunk):
        part = keys[s : s + chunk]
        texts = clean_texts(cs, part)
        h, o = shingle_hashes([texts[k] for k in part], ngram=params.minhash.ngram)
        out.extend(span_keys(h, o, params))
    return out


def _worker_span_keys(job: tuple[str, list[int], DedupParams, int]) -> list[np.ndarray]:
    path, keys, params, chunk = job
    return _span_keys_of(CorpusStore(_ReadOnly(path)), keys, params, chunk)


def _all_span_keys(cs: CorpusStore, keys: list[int], params: DedupParams, *, chunk: int) -> list[np.ndarray]:
    """Span keys (:func:`span_keys`) of the clean texts of ``keys``: on a machine of several
    cores, the second half in a forked worker reading on a connection of its own."""
    import multiprocessing as mp
    import os

    path = getattr(cs.archive, "path", None)
    if (len(keys) < 4 * chunk or (os.cpu_count() or 1) < 2 or path is None
            or "fork" not in mp.get_all_start_methods()):
        return _span_keys_of(cs, keys, params, chunk)
    half = len(keys) // 2
    with mp.get_context("fork").Pool(1) as pool:
        other = pool.apply_async(_worker_span_keys, ((str(path), keys[half:], params, chunk),))
        mine = _span_keys_of(cs, keys[:half], params, chunk)
        return mine + other.get()


def _exact_candidates(keys: list[int], sig: np.ndarray, sizes: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of equal signatures and sizes (each paired with the first of its kind in time
    order): the candidates for exact copies, whatever the crowding of their buckets."""
    seen: dict[bytes, int] = {}
    out = []
    for i, k in enumerate(keys):
        if sizes[i] == 0:
            continue
        d = xxhash.xxh3_128_digest(sig[i].tobytes() + int(sizes[i]).to_bytes(8, "little"))
        first = seen.setdefault(d, k)
        if first != k:
            out.append((first, k))
    return out


def _copies_batch(cs: CorpusStore, got: list[tuple[int, str | None, bytes | None]], params: DedupParams,
                  *, chunk: int) -> dict[str, int]:
    mp = params.minhash
    pub = {k: p for k, p, _f in got}
    new_row, new_sig, new_sizes = _signatures(cs, {k: f for k, _p, f in got}, mp, chunk)
    keys = sorted(pub, key=lambda k: ((pub[k] or "9999"), k))  # time order
    order = np.array([new_row[k] for k in keys], dtype=np.int64)
    sig, sizes = new_sig[order], new_sizes[order]
    del new_sig, new_sizes
    n = len(keys)
    pos = {k: i for i, k in enumerate(keys)}
    bkeys = band_keys(sig, params.lsh)
    # runs of words shared verbatim are candidates too (stored in the same key table): the
    # one step that reads every new text, a chunk at a time
    skeys = _all_span_keys(cs, keys, params, chunk=chunk)
    # candidates inside the batch, against the stored buckets, and equal signatures
    inner = bucket_pairs(bkeys, window=params.lsh.window)
    karr = np.asarray(keys, dtype=np.int64)
    cand: set[tuple[int, int]] = set(zip(karr[inner[:, 0]].tolist(), karr[inner[:, 1]].tolist(), strict=True))
    sp = key_pairs(skeys, window=params.lsh.window, max_bucket=params.span_bucket_max)
    cand.update(zip(karr[sp[:, 0]].tolist(), karr[sp[:, 1]].tolist(), strict=True))
    n_inner = len(cand)
    cand |= _stored_candidates(cs, keys, bkeys, skeys, params)
    exact = _exact_candidates(keys, sig, sizes)
    cand.update(exact)
    n_cand = len(cand)
    # the batch's keys are stored while the candidates are verified (which only reads)
    writer = _KeyWriter(cs, karr, bkeys, skeys)
    # signatures of the stored articles in play, then the signature prefilter
    old_ids = sorted({a for a, _ in cand if a not in pos})
    old_row, old_sig, old_sizes = _signatures(cs, cs.fingerprints(old_ids), mp, chunk) if old_ids else ({}, None, None)
    pairs = sorted(cand)
    del cand
    if pairs:
        allk = sorted({x for p in pairs for x in p})
        S = np.empty((len(allk), mp.num_perm), dtype=np.uint32)
        Z = np.empty(len(allk), dtype=np.int64)
        for i, k in enumerate(allk):
            if k in pos:
                S[i], Z[i] = sig[pos[k]], sizes[pos[k]]
            else:
                S[i], Z[i] = old_sig[old_row[k]], old_sizes[old_row[k]]  # type: ignore[index]
        idx = {k: i for i, k in enumerate(allk)}
        P = np.array([(idx[a], idx[b]) for a, b in pairs], dtype=np.int64)
        j_est, c_est = estimate(S, Z, P)
        del S, P
        m = params.prefilter_margin
        keep = (j_est >= params.jaccard - m) | (c_est >= params.containment - m)
        pairs = [p for p, kp in zip(pairs, keep.tolist(), strict=True) if kp]
        j_kept = j_est[keep]
    else:
        j_kept = np.zeros(0)
    # stored articles in play start in their stored groups, whose first members (the group
    # ids: the smallest rowids) the chaining guard compares too
    uf = UnionFind()
    if params.chain_guard:
        stored = sorted({x for p in pairs for x in p if x not in pos})
        for k, g in (cs.copy_groups_of(stored) if stored else {}).items():
            if g is not None and g != k:
                uf.union(g, k)
    # the exact check: shingle sets, leads and numbers of the articles in the kept pairs only
    involved = sorted({x for p in pairs for x in p} | {uf.find(x) for x in uf.parent})
    sets: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    nums: dict[int, frozenset[str]] = {}
    text_of: dict[int, str] = {}
    for s in range(0, len(involved), chunk):
        part = involved[s : s + chunk]
        texts = clean_texts(cs, part)
        tx = [texts[k] for k in part]
        h, o = shingle_hashes(tx, ngram=mp.ngram)
        for j, (k, ld) in enumerate(zip(part, leads_of(tx, params), strict=True)):
            sets[k] = (np.unique(h[o[j] : o[j + 1]]), ld, head_of(h[o[j] : o[j + 1]], params).copy())
            nums[k] = numbers_of(tx[j])
        text_of.update(texts)
        del texts, tx, h, o
    sents: dict[int, list[np.ndarray]] = {}

    def sentences(k: int) -> list[np.ndarray]:
        if k not in sents:
            sents[k] = sentence_shingles([text_of[k]], params)[0]
        return sents[k]

    named: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def countries(k: int) -> tuple[frozenset[str], frozenset[str]]:
        if k not in named:
            named[k] = countries_of(text_of[k], lead_words=params.lead_words)
        return named[k]

    in_lead: dict[int, frozenset[str]] = {}

    def lead_countries(k: int) -> frozenset[str]:
        if k not in in_lead:
            in_lead[k] = named[k][0] if k in named else lead_countries_of(text_of[k], lead_words=params.lead_words)
        return in_lead[k]

    # the outlets only matter to the rewritten-lead rule (off by default)
    outlet = ({k: r["source"] or "" for k, r in cs.rows(involved, ["source"]).items()}
              if params.head_found is not None else {})
    verified = verify_candidates(pairs, j_kept, shingles=sets.__getitem__, numbers=nums.__getitem__,
                                 params=params, uf=uf, sentences=sentences, countries=countries,
                                 lead_countries=lead_countries, source=lambda k: outlet.get(k, ""))
    # exact copies: equal shingle sets are copies whatever else was verified
    kept = set(pairs)
    for a, b in exact:
        if (a, b) in kept and np.array_equal(sets[a][0], sets[b][0]):
            verified.append(score_sets(a, b, sets[a][0], sets[b][0], lead_a=sets[a][1], lead_b=sets[b][1]))
    del sets, nums
    text_of.clear()
    sents.clear()
    named.clear()
    in_lead.clear()
    writer.join()
    _save_groups(cs, keys, pos, verified)
    return {"articles": n, "candidates": n_cand, "inner_candidates": n_inner, "checked": len(pairs),
            "copies": len(verified)}


def _write_keys(cs: CorpusStore, karr: np.ndarray, bkeys: np.ndarray, skeys: list[np.ndarray]) -> None:
    """Store the LSH band keys and span keys of the batch's articles (``lsh_bands``): both
    kinds in one stream sorted by ``(key, article)``, without repeats, so the B-tree inserts
    stay near each other (much faster than two passes or random order), a few hundred
    thousand rows a statement (:meth:`CorpusStore.add_band_array`)."""
    kb = np.repeat(karr, bkeys.shape[1])
    flat = bkeys.reshape(-1)
    nz = flat != 0
    sk = np.concatenate(skeys) if skeys else np.zeros(0, dtype=np.int64)
    flat = np.concatenate((flat[nz], sk.astype(np.int64, copy=False)))
    kb = np.concatenate((kb[nz], np.repeat(karr, [len(x) for x in skeys]))) if skeys else kb[nz]
    del nz, sk
    o = np.lexsort((kb, flat))
    flat, kb = flat[o], kb[o]
    del o
    if len(flat):
        new = np.ones(len(flat), dtype=bool)
        new[1:] = (flat[1:] != flat[:-1]) | (kb[1:] != kb[:-1])
        flat, kb = flat[new], kb[new]
    rows = np.stack((flat, kb), axis=1)
    del flat, kb
    for s in range(0, len(rows), 500_000):
        cs.add_band_array(rows[s : s + 500_000])


class _KeyWriter:
    """:func:`_write_keys` in a thread, on a connection of its own, committed there: the
    batch's keys (millions of rows on a first run) are written while this process verifies
    the candidates, which only reads. ``join`` before the next write on the archive's
    connection. Without a file (or inside an open transaction) the keys are written on the
    archive's connection by ``join``.

    The keys may so be stored before the batch's groups are: a run stopped in between finds
    the batch's own articles in ``lsh_bands`` again, and :func:`_stored_candidates` skips them."""

    def __init__(self, cs: CorpusStore, karr: np.ndarray, bkeys: np.ndarray, skeys: list[np.ndarray]) -> None:
        import threading

        self.cs, self.args = cs, (karr, bkeys, skeys)
        self.thread: Any = None
        self.error: BaseException | None = None
        path = getattr(cs.archive, "path", None)
        if path is not None and str(path) != ":memory:" and not cs.w.in_transaction:
            self.thread = threading.Thread(target=self._run, args=(str(path),), daemon=True)
            self.thread.start()

    def _run(self, path: str) -> None:
        from marsad.store.archive import connect

        try:
            con = connect(path)
            try:
                own = CorpusStore(_Connection(con))
                _write_keys(own, *self.args)
                own.commit()
            finally:
                con.close()
        except BaseException as e:  # raised again by join
            self.error = e

    def join(self) -> None:
        if self.thread is None:
            _write_keys(self.cs, *self.args)
        else:
            self.thread.join()
            if self.error is not None:
                raise self.error
        self.args = None  # type: ignore[assignment]


def _save_groups(cs: CorpusStore, keys: list[int], pos: dict[int, int], verified: list[PairScore]) -> None:
    """Union the verified pairs with the stored groups they touch; write groups, provenance
    edges and the articles' ``copy_group`` and ``first_published``."""
    uf = UnionFind()
    touched_old = sorted({x for s in verified for x in (s.a, s.b) if x not in pos})
    old_group = cs.copy_groups_of(touched_old) if touched_old else {}
    old_groups = {g for g in old_group.values() if g is not None}
    members = cs.members_of(old_groups) if old_groups else {}
    for g, ms in members.items():
        for m in ms:
            uf.union(g, m)
    for s in verified:
        uf.union(s.a, s.b)
    for k in keys:
        uf.find(k)
    comps = uf.groups()
    cs.add_pairs([(min(s.a, s.b), max(s.a, s.b), s.jaccard, s.a_in_b if s.a < s.b else s.b_in_a,
                   s.b_in_a if s.a < s.b else s.a_in_b, s.lead) for s in verified])
    # groups of new articles only: their pairs are the verified ones; a group that holds
    # stored articles reads its stored pairs too
    by_root: dict[int, list[PairScore]] = {}
    for s in verified:
        by_root.setdefault(uf.find(s.a), []).append(s)
    grouped = [m for ms in comps.values() if len(ms) > 1 for m in ms]
    info_rows = cs.rows(grouped, ["source", "published_at", "published_at_confidence", "dateline_agency", "credit"])
    group_rows: list[tuple[int, int, str, int]] = []
    edge_rows: list[tuple[int, int, int, float, float, float]] = []
    cols: list[tuple[int, int, int]] = []
    for root, ms in comps.items():
        if len(ms) == 1:
            cols.append((root, 1, root))
            continue
        if all(m in pos for m in ms):
            scores = by_root.get(root, [])
        else:
            scores = [PairScore(a, b, j, ab, ba, ld) for a, b, j, ab, ba, ld in cs.pairs_among(ms)]
        prov = provenance([_info(info_rows[m]) for m in ms], scores)
        group_rows.append((root, prov.first, prov.agency, len(ms)))
        edge_rows.extend((e.dst, e.src, root, e.jaccard, e.added, e.removed) for e in prov.edges)
        cols.extend((root, 1 if m == prov.first else 0, m) for m in ms)
    cs.replace_groups(old_groups | set(comps), group_rows, edge_rows)
    cs.set_copy_columns(cols)


# --- stories and threads ---------------------------------------------------------------------


def update_stories(archive: Any, *, params: StoryParams | None = None,
                   thread_params: ThreadParams | None = None, batch: int = 20000,
                   workers: int = 0, ahead: StoryFeatures | None = None) -> dict[str, int]:
    """Cluster the articles added since the last run into stories, and stories into threads.

    A story is linked to a thread once: when it closes (no article for ``window_days``), or at
    the end of the run if it is still open then.

    The next batch is prepared by a forked process while this one clusters the current batch
    (:class:`_FeatureFeed`), when there is more than one core (``workers``: 0 = as the machine
    has, 1 = all in this process), an archive file and more than one batch to do: the
    per-article features (pure: lead, mentions, dates, read on a connection of its own), then
    the batch's document frequencies, template counts and article vectors, which depend on
    those and on the state the batch before leaves, not on the clustering; this process
    computes the features of the runs the worker has not started when it is done (and then
    weighs the batch itself). The stories are the same. The closed stories are linked to
    threads as the clustering closes them (:class:`marsad.corpus.linking.ThreadLinking`), and
    their links written with the batch. ``ahead`` is the first batch started earlier
    (:func:`story_features_ahead`, while the copies were found): used when it starts where this
    run does and has the same batch size and parameters.

    Cyclic garbage is collected at a tenth of the default rate meanwhile (in the workers
    too): the stage allocates millions of small dicts and makes no reference cycles, and full
    collections walking its state took 16 s of 91 s CPU in this process on the full archive.
    """
    from marsad.runners.local import fewer_collections

    with fewer_collections():  # inherited by the forked workers
        return _update_stories(archive, params or StoryParams(), thread_params, batch=batch, workers=workers,
                               ahead=ahead)


def _update_stories(archive: Any, params: StoryParams, thread_params: ThreadParams | None, *, batch: int,
                    workers: int, ahead: StoryFeatures | None) -> dict[str, int]:
    cs = CorpusStore(archive)
    st = cs.state("stories")
    last = int(st.get("last_rowid", 0))
    feed = ahead.feed if ahead is not None else None
    if feed is None or feed.after != last or feed.batch != batch or feed.params != params:
        if ahead is not None:
            ahead.close()
        parallel = _forks(cs, archive, last, batch=batch, workers=workers)
        feed = _FeatureFeed(cs, last, batch=batch, state=_story_state(cs, params),
                            path=str(archive.path) if parallel else None)
    active = {sid: Story.from_state(sid, orjson.loads(s)) for sid, s in cs.active_stories()}
    state = ClusterState(df=feed.df, stories=active, next_id=int(st.get("next_id", 1)))
    clusterer = StoryClusterer(params, state, feed.templates)
    linking = ThreadLinking(_load_linker(cs, thread_params or ThreadParams()), iso_day=iso_day)
    totals: Counter[str] = Counter()
    try:
        while True:
            # the batch's document frequencies and template counts are in the state already
            feats, df_inc, tinc, vectors = feed.next()
            if not feats:
                break
            # a copy group is numbered by its first member: one numbered after the last article
            # clustered before has no story stored yet, and one this run met is known already
            groups = [g for g in {f.copy_group for f in feats if f.copy_group is not None}
                      if g <= last and g not in state.copy_story]
            state.copy_story.update(cs.story_of_groups(groups))
            touched: set[int] = set()
            assigned = []
            handed = 0  # closed stories handed to the linking so far
            order = sorted(range(len(feats)), key=lambda i: (feats[i].day if feats[i].day >= 0 else 1 << 30, feats[i].key))
            for i in order:
                f = feats[i]
                sid = clusterer.add(f, vectors[i] if vectors is not None else None)
                touched.add(sid)
                assigned.append((sid, f.key))
                if len(clusterer.closed) - handed >= _HAND_OVER:
                    linking.add(clusterer.closed[handed:])
                    handed = len(clusterer.closed)
            if clusterer.merges:  # stories folded into others: earlier articles move too
                cs.merge_stories(clusterer.merges)
                clusterer.merges.clear()
                assigned = [(clusterer.resolve(sid), key) for sid, key in assigned]
            cs.set_stories(assigned)
            # upserts in key order: the B-tree pages are visited once each, in order
            cs.add_df(len(feats), dict(sorted(df_inc.items())))
            cs.add_template_counts(tinc)
            totals["threaded"] += _save_stories(cs, clusterer, linking, touched, final=False, handed=handed)
            last = max(f.key for f in feats)
            cs.set_state("stories", {"last_rowid": last, "next_id": state.next_id})
            cs.commit()
            totals["articles"] += len(feats)
        totals["threaded"] += _save_stories(cs, clusterer, linking, set(), final=True)
    finally:
        feed.close()
    cs.commit()
    return dict(totals)


def _forks(cs: CorpusStore, archive: Any, after: int, *, batch: int, workers: int) -> bool:
    """Whether story features are computed ahead by forked workers: more than one core (``workers``: 0 = as the machine has), an archive file,
    more than one batch to do, and ``fork`` to start processes with."""
    import multiprocessing as mp

    path = getattr(archive, "path", None)
    return ((workers or (os.cpu_count() or 1)) > 1 and path is not None and str(path) != ":memory:"
            and cs.max_rowid() - after > batch and "fork" in mp.get_all_start_methods())


#: the story features read the first ``lead_words * 8`` characters of the clean text (the
#: lead, :func:`marsad.corpus.features.article_terms`) and the title words the first 600 repeat
_LEAD_CHARS = 960


def _batch_features(cs: CorpusStore, after: int, batch: int) -> list[ArticleFeatures]:
    """Features of the next ``batch`` articles after rowid ``after`` (in rowid order)."""
    got = cs.story_inputs_after(after, limit=batch, prefix=_LEAD_CHARS)
    out: list[ArticleFeatures] = []
    for s in range(0, len(got), 2000):
        out.extend(_story_features(cs, got[s : s + 2000]))
    return out


class _ReadOnly:
    """What :class:`CorpusStore` needs of an archive: a connection (read-only, for a worker)."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self._writer = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self._writer.execute("PRAGMA busy_timeout=10000")


class _Connection:
    """What :class:`CorpusStore` needs of an archive: a connection (here, one already open)."""

    def __init__(self, con: Any) -> None:
        self._writer = con


_WORKER_STORE: list[CorpusStore] = []


def _term_counts(feats: list[ArticleFeatures]) -> Counter[str]:
    """In how many of ``feats`` each term occurs (C-level counting of all keys)."""
    return Counter(chain.from_iterable(f.terms.keys() for f in feats))


class StoryBatch(NamedTuple):
    """One batch of :func:`update_stories`, ready to cluster (:meth:`_FeatureFeed.next`)."""

    feats: list[ArticleFeatures]  # in rowid order
    counts: Counter[str]  # in how many of them each term occurs (added to the state already)
    templates: dict[str, tuple[Counter[str], Counter[str]]]  # the template counts they added
    vectors: list[ArticleVector] | None  # of each of ``feats``, when computed already


#: which process computes each run of a batch's features, its counts (the slot after the runs)
#: and each chunk of its vectors (the slots after that): the batch number that claimed each
#: slot (shared with the forked worker, created before it)
_CLAIMS: Any = None

#: in a forked worker: the document frequencies, template vocabulary and parameters of the
#: clustering when it was forked (the state the batch before leaves), the runs of features it
#: computed (slot → features, counts) and the batch they make once counted
_FORKED: tuple[DocFreq, TemplateTerms, StoryParams] | None = None
_RUNS: dict[int, tuple[list[ArticleFeatures], Counter[str]]] = {}
_BATCH: list[list[ArticleFeatures]] = []


def _claim(slot: int, gen: int) -> bool:
    """Claim slot ``slot`` of batch ``gen`` for this process (``False``: another has it)."""
    with _CLAIMS.get_lock():
        if _CLAIMS[slot] >= gen:
            return False
        _CLAIMS[slot] = gen
        return True


def _worker_features(job: tuple[str, int, int, int, int]) -> tuple[list[ArticleFeatures], Counter[str]] | None:
    path, after, batch, slot, gen = job
    if not _claim(slot, gen):
        return None  # the main process computed this run itself
    if not _WORKER_STORE:
        _WORKER_STORE.append(CorpusStore(_ReadOnly(path)))
    feats = _batch_features(_WORKER_STORE[0], after, batch)
    _RUNS[slot] = (feats, _term_counts(feats))
    return _RUNS[slot]


def _advance(df: DocFreq, templates: TemplateTerms, feats: list[ArticleFeatures],
             counts: Counter[str]) -> dict[str, tuple[Counter[str], Counter[str]]]:
    """Add a batch to the document frequencies and template counts; returns the template
    counts it added (:meth:`TemplateTerms.flush`)."""
    df.add_counts(len(feats), counts)
    for f in feats:
        templates.observe(f.source, f.day, f.terms.keys())
    return templates.flush()


def _worker_counts(job: tuple[int, int]) -> dict[str, tuple[Counter[str], Counter[str]]] | None:
    """Add the batch whose ``runs`` runs this worker computed to the state it was forked with;
    returns the template counts it added (``None`` when the main process claimed the slot,
    having computed a run itself)."""
    runs, gen = job
    if not _claim(runs, gen) or any(i not in _RUNS for i in range(runs)):
        return None
    assert _FORKED is not None
    feats: list[ArticleFeatures] = []
    counts: Counter[str] = Counter()
    for i in range(runs):  # in rowid order, as the main process joins them
        part, c = _RUNS.pop(i)
        feats.extend(part)
        count_into(counts, c)
    _BATCH.append(feats)
    return _advance(_FORKED[0], _FORKED[1], feats, counts)


def _worker_vectors(job: tuple[int, int, int, int]) -> list[ArticleVector] | None:
    """The vectors of the batch's articles ``lo:hi`` (``None`` when the main process claimed them)."""
    lo, hi, slot, gen = job
    if not _claim(slot, gen) or not _BATCH:
        return None
    assert _FORKED is not None
    df, templates, params = _FORKED
    return [article_vector(f, df, templates, params) for f in _BATCH[0][lo:hi]]


class _FeatureFeed:
    """Batches of stories ready to cluster in rowid order (:class:`StoryBatch`): the next one
    prepared ahead by a forked worker while the caller clusters the current one (see
    :func:`update_stories`).

    The worker is forked when the caller takes a batch, once the clustering state (``df``,
    ``templates``) holds it: it computes the next batch's features run by run (``run``
    consecutive rowids), then — the features and the state it was forked with being all they
    depend on — the batch's document frequencies and template counts, then its article
    vectors (:func:`marsad.corpus.stories.article_vector`) chunk by chunk, which the caller so
    neither counts nor weighs. When the caller asks for the batch before the worker is done,
    it takes over from the end what the worker has not started (each run and chunk is claimed
    once, :func:`_claim`): the feature runs — and then counts and weighs the whole batch
    itself (the worker lacks those runs) — or the vector chunks. The stories are the same
    whoever computes what. One worker: the clustering, not the features, is the slower half
    (full archive: about 45 s against 40 s of CPU)."""

    _SLOTS = 256

    def __init__(self, cs: CorpusStore, after: int, *, batch: int, state: tuple[DocFreq, TemplateTerms, StoryParams],
                 path: str | None, run: int = 2000) -> None:
        import multiprocessing as mp

        global _CLAIMS
        self.cs, self.after, self.batch, self.run = cs, after, batch, run
        self.df, self.templates, self.params = state
        self.pool: Any = None
        self.pending: list[tuple[int, int, int, Any]] = []
        self.counting: Any = None
        self.chunks: list[tuple[int, int, int, Any]] = []
        self.gen = 0
        self.stale = -1  # the batch computed before the copies were found (:meth:`start`)
        self.path = path
        if path is not None:  # a worker wanted (:func:`_forks`)
            _CLAIMS = mp.get_context("fork").Array("q", 2 * self._SLOTS + 1)  # before the forks: inherited

    def start(self) -> None:
        """Queue the first batch now, before the copies are found: its copy groups are read
        again when it is taken (:meth:`next`)."""
        if self.path is not None and not self.pending:
            self._submit(self.after)
            self.stale = self.gen

    def _cuts(self, size: int, step: int) -> list[int]:
        n = max(1, min(self._SLOTS, -(-size // step)))
        return [size * i // n for i in range(n + 1)]

    def _submit(self, after: int) -> None:
        """Fork a worker with the clustering state as it is now, and queue the features of the
        ``batch`` articles after rowid ``after``, run by run, then their counts and vectors."""
        import multiprocessing as mp

        global _FORKED
        self._stop_pool()
        self.gen += 1
        cuts = self._cuts(self.batch, self.run)
        # run i starts after the last row of run i - 1; a run past the end has no start
        starts = [after, *self.cs.rowids_at_offsets(after, [c - 1 for c in cuts[1:-1]])]
        _FORKED = (self.df, self.templates, self.params)
        try:
            self.pool = mp.get_context("fork").Pool(1)
        finally:
            _FORKED = None
        self.pending = [(i, a, cuts[i + 1] - cuts[i],
                         self.pool.apply_async(_worker_features, ((self.path, a, cuts[i + 1] - cuts[i], i, self.gen),)))
                        for i, a in enumerate(starts) if a is not None]
        runs = len(self.pending)
        self.counting = self.pool.apply_async(_worker_counts, ((runs, self.gen),))
        # the vectors of the batch as the runs cut it when full (a short last batch: empty chunks)
        vc = self._cuts(self.batch, self.run)
        self.chunks = [(vc[j], vc[j + 1], runs + 1 + j,
                        self.pool.apply_async(_worker_vectors, ((vc[j], vc[j + 1], runs + 1 + j, self.gen),)))
                       for j in range(len(vc) - 1)]

    def next(self) -> StoryBatch:
        """The next batch (its counts added to the clustering state)."""
        tinc = None
        if self.path is None:
            feats = _batch_features(self.cs, self.after, self.batch)
            counts = _term_counts(feats)
        else:
            if not self.pending:
                self._submit(self.after)
            # the runs no worker has started, from the last one back (the worker goes forward)
            mine: dict[int, list[ArticleFeatures]] = {}
            for i, a, size, _job in reversed(self.pending):
                if not _claim(i, self.gen):
                    break
                mine[i] = _batch_features(self.cs, a, size)
            if mine:  # the counts and vectors too: the worker lacks these runs
                for slot in range(len(self.pending), len(self.pending) + 1 + len(self.chunks)):
                    _claim(slot, self.gen)
            feats, counts = [], Counter()
            for i, _a, _size, job in self.pending:  # in rowid order: the counts' keys in first-seen order
                part, c = (mine[i], _term_counts(mine[i])) if i in mine else job.get()
                feats.extend(part)
                count_into(counts, c)
            tinc = self.counting.get()
        vecs: list[ArticleVector] | None = None
        if tinc is not None:  # the worker counted the batch: add its counts only
            self.df.add_counts(len(feats), counts)
            self.templates.apply(tinc)
            vecs = self._vectors(feats)
        else:
            tinc = _advance(self.df, self.templates, feats, counts)
        self.pending, self.chunks = [], []
        if self.gen == self.stale and feats:
            feats = self._with_copy_groups(feats)
        if feats:
            self.after = max(f.key for f in feats)
            if self.path is not None:  # the batch after it, while the caller clusters this one
                self._submit(self.after)
        else:
            self.close()
        return StoryBatch(feats, counts, tinc, vecs)

    def _vectors(self, feats: list[ArticleFeatures]) -> list[ArticleVector]:
        """The vectors of the batch: the chunks the worker has not started computed here, from
        the last one back (the state here is the worker's now), the others the worker's."""
        mine: dict[int, list[ArticleVector]] = {}
        for lo, hi, slot, _job in reversed(self.chunks):
            if not _claim(slot, self.gen):
                break
            mine[slot] = [article_vector(f, self.df, self.templates, self.params) for f in feats[lo:hi]]
        out: list[ArticleVector] = []
        for _lo, _hi, slot, job in self.chunks:
            out.extend(mine[slot] if slot in mine else job.get())
        return out

    def _with_copy_groups(self, feats: list[ArticleFeatures]) -> list[ArticleFeatures]:
        """``feats`` with the copy groups stored now (those of features computed before the
        copies were found may have changed since)."""
        from dataclasses import replace

        now = self.cs.copy_groups_between(min(f.key for f in feats), max(f.key for f in feats))
        return [f if f.copy_group == now.get(f.key) else replace(f, copy_group=now.get(f.key)) for f in feats]

    def _stop_pool(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def close(self) -> None:
        self._stop_pool()
        self.path = None
        self.pending, self.chunks = [], []


class StoryFeatures:
    """The first batch of a coming :func:`update_stories` run, being prepared by a forked
    worker (:func:`story_features_ahead`): give it to :func:`update_stories`, or ``close`` it."""

    def __init__(self, feed: _FeatureFeed | None) -> None:
        self.feed = feed

    def close(self) -> None:
        if self.feed is not None:
            self.feed.close()
            self.feed = None


def _story_state(cs: CorpusStore, params: StoryParams) -> tuple[DocFreq, TemplateTerms, StoryParams]:
    """The stored document frequencies and template counts (what the clustering resumes from)."""
    n, counts = cs.load_df()
    df = DocFreq(n=n, df=Counter(counts))
    templates = TemplateTerms(share=params.template_share, min_days=params.template_min_days,
                              lift=params.template_lift)
    for source, (days, articles, tdays, tarts) in cs.load_template_counts(floor=params.template_share / 2).items():
        templates.load(source, days, tdays, articles, tarts)
    return df, templates, params


def story_features_ahead(archive: Any, *, batch: int = 20000, workers: int = 0,
                         params: StoryParams | None = None) -> StoryFeatures:
    """Start preparing the first batch of :func:`update_stories` (with these ``params``) now,
    in the forked worker that stage would start (nothing when it would start none), for the
    caller to find the copies meanwhile (:func:`update_copies`: one core busy, the others
    mostly idle).

    The features read the articles' text, title, dates and spans, which the copies do not
    change; their copy groups, which the copies set, are read again when the batch is taken,
    so the stories are the ones the stage finds without it."""
    from marsad.runners.local import fewer_collections

    cs = CorpusStore(archive)
    last = int(cs.state("stories").get("last_rowid", 0))
    if not _forks(cs, archive, last, batch=batch, workers=workers):
        return StoryFeatures(None)
    with fewer_collections():  # inherited by the forked worker
        feed = _FeatureFeed(cs, last, batch=batch, state=_story_state(cs, params or StoryParams()),
                            path=str(archive.path))
        feed.start()
    return StoryFeatures(feed)


def _story_features(cs: CorpusStore, got: list[tuple[Any, ...]]) -> list[ArticleFeatures]:
    """Features of a run of consecutive articles (rows of :meth:`CorpusStore.story_inputs_after`):
    the leads masked and folded in one pass, the mentions and dates read in one range scan."""
    lo, hi = int(got[0][0]), int(got[-1][0])
    masks: dict[int, list[tuple[int, int]]] = {}
    for a, _layer, start, end, _v in cs.span_rows_between(lo, hi, _MASKED, before=_LEAD_CHARS):
        masks.setdefault(a, []).append((start, end))
    mentions: dict[int, list[str]] = {}
    timexes: dict[int, list[str]] = {}
    for a, layer, _s, _e, v in cs.span_rows_between(lo, hi, ("mention", "timex")):
        (mentions if layer == "mention" else timexes).setdefault(a, []).append(v)
    leads = [mask_bounds(r[6] or "", masks.get(r[0], ())) for r in got]
    folded = fold_many([x for r, lead in zip(got, leads, strict=True) for x in (r[1] or "", lead)])
    words = surface_words_many([(r[1] or "", lead[:600]) for r, lead in zip(got, leads, strict=True)])
    out = []
    for i, r in enumerate(got):
        k = int(r[0])
        terms, nums = article_terms(title=folded[2 * i], body=folded[2 * i + 1], mentions=mentions.get(k, ()),
                                    timexes=timexes.get(k, ()), place=r[4] or "", normalized=True)
        out.append(ArticleFeatures(key=k, day=day_number(r[3]), source=r[2] or "", terms=terms, numbers=nums,
                                   copy_group=r[5], words=words[i]))
    return out


#: closed stories handed to the thread linking at a time while a batch is clustered
_HAND_OVER = 500


def _save_stories(cs: CorpusStore, cl: StoryClusterer, linking: ThreadLinking, touched: set[int],
                  *, final: bool, handed: int = 0) -> int:
    """Write the stories that changed or closed; hand closed stories (and, at the end of a run,
    open ones) to the thread linking, but the first ``handed`` closed ones, handed already; at
    the end of a run, the links not written yet. The threads the links changed are written with
    them, so that a run stopped after this batch's commit leaves no link to an unwritten thread.
    Returns how many stories were handed over."""
    closed_ids = {s.id for s in cl.closed}
    changed = [s for s in list(cl.closed) + list(cl.state.stories.values())
               if s.id in touched or s.id in closed_ids or (final and s.thread is None)]
    sent = {s.id for s in cl.closed[:handed]}
    to_link = [s for s in changed if s.thread is None and (final or s.id in closed_ids) and s.id not in sent]
    if final:  # the open stories' stored state holds their thread: linked first
        links, rows, next_id = linking.finish(to_link)
    else:
        linking.add(to_link)
        links = linking.links()
        rows, next_id = linking.rows()  # with the batch's links: a stopped run keeps its threads
    out = []
    for s in changed:
        active = s.id not in closed_ids
        out.append((s.id, iso_day(s.first_day), iso_day(s.last_day), s.size, len(s.sources), s.first_key,
                    1 if active else 0, orjson.dumps(s.label()).decode(),
                    orjson.dumps(s.to_state()).decode() if active else ""))
    cl.closed.clear()
    cs.save_stories(out)
    cs.set_story_threads(links)
    if rows or final:
        cs.save_threads(rows)
        cs.set_state("threads", {"next_id": next_id})
    return len(to_link) + len(sent)


def _load_linker(cs: CorpusStore, params: ThreadParams) -> ThreadLinker:
    st = cs.state("threads")
    active = {}
    for tid, s in cs.active_threads():
        d = orjson.loads(s)
        th = Thread(id=tid, first_day=int(d["f"]), last_day=int(d["l"]), stories=int(d["z"]),
                    centroid={str(k): float(v) for k, v in d["c"].items()},
                    words={str(k): str(v) for k, v in d.get("w", {}).items()})
        th.norm = float(np.sqrt(sum(v * v for v in th.centroid.values())))
        active[tid] = th
    return ThreadLinker(params, ThreadState(threads=active, next_id=int(st.get("next_id", 1))))


def story_features_batch(rows: Sequence[dict[str, Any]]) -> list[ArticleFeatures]:
    """Features of in-memory rows (``key, title, text, source, date, copy_group`` and optional
    ``mentions``, ``timexes``, ``place``): the batch form used by benchmarks and evaluation."""
    words = surface_words_many([(r.get("title") or "", r["text"][:600]) for r in rows])
    out = []
    for r, w in zip(rows, words, strict=True):
        terms, nums = article_terms(title=r.get("title") or "", body=r["text"],
                                    mentions=r.get("mentions", ()), timexes=r.get("timexes", ()),
                                    place=r.get("place", ""))
        out.append(ArticleFeatures(key=r["key"], day=day_number(r.get("date")), source=r.get("source") or "",
                                   terms=terms, numbers=nums, copy_group=r.get("copy_group"), words=w))
    return out
