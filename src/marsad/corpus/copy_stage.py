"""The copies stage over an archive: the copy groups of the articles added since its last run.

:func:`update_copies` is what ``marsad ingest`` runs after each ingest, once the entity
registry is updated (:mod:`marsad.corpus.hooks`), and ``marsad update`` after deferred ingests.
It keeps its progress (the last article rowid it has seen) in ``corpus_state`` and touches
only the articles that arrived since: new articles are banded and looked up in the stored LSH
buckets (``lsh_bands``) and by the runs of words they share verbatim, verified against the
stored articles they collide with (:func:`marsad.corpus.dedup.verify_candidates`), and merged
into the stored copy groups, whose first publisher and reprint edges are written again
(:func:`marsad.corpus.provenance.provenance`). Nothing is recomputed from scratch.

Texts are the clean view the per-article pipeline fingerprints
(:func:`marsad.corpus.clean_view.clean_texts`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import xxhash

from marsad.corpus.clean_view import _ReadOnly, clean_texts
from marsad.corpus.copy_rules import (
    LEAD_CHARS_PER_WORD,
    DedupParams,
    PairScore,
    countries_of,
    head_of,
    lead_countries_of,
    leads_of,
    numbers_of,
    score_sets,
    sentence_shingles,
    sentence_words,
)
from marsad.corpus.dedup import UnionFind, estimate, key_pairs, span_keys, verify_candidates
from marsad.corpus.features import day_number
from marsad.corpus.lsh import band_keys, bucket_pairs
from marsad.corpus.minhash import (
    _HEADER,
    _VERSION,
    MinHashParams,
    distinct_counts,
    minhash_from_hashes,
    shingle_and_lead_hashes,
    shingle_hashes,
    unpack,
)
from marsad.corpus.provenance import DocInfo, provenance
from marsad.runners.pools import fork_pool
from marsad.store.corpus_store import CorpusStore


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


#: what the span-key pass gives for a chunk of texts: their span keys, their shingle hashes
#: and offsets, their leads' word hashes and offsets, and the leads read again from the prefix
#: (by position in the chunk) where the whole text's words did not give them
_Chunk = tuple[list[np.ndarray], np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[int, np.ndarray]]


def _shingles_and_leads(tx: Sequence[str], params: DedupParams) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                          np.ndarray, dict[int, np.ndarray]]:
    """The shingle hashes and offsets of ``tx`` and their leads (:func:`leads_of`), from the
    same words (:func:`shingle_and_lead_hashes`): ``_Chunk`` but its span keys; a lead is read
    by :func:`_lead`."""
    h, o, lh, lo, whole = shingle_and_lead_hashes(tx, ngram=params.minhash.ngram, lead_words=params.lead_words,
                                                  lead_chars=LEAD_CHARS_PER_WORD * params.lead_words)
    cut = np.flatnonzero(~whole).tolist()  # a prefix that cuts a word (a long blank opening)
    return h, o, lh, lo, dict(zip(cut, leads_of([tx[j] for j in cut], params), strict=True))


def _lead(lh: np.ndarray, lo: np.ndarray, again: dict[int, np.ndarray], j: int) -> np.ndarray:
    """The lead of the ``j``-th text of a :func:`_shingles_and_leads`: read again from its
    prefix (``again``), or from the whole text's words."""
    return again[j] if j in again else lh[lo[j] : lo[j + 1]]


def _span_chunk(cs: CorpusStore, part: Sequence[int], params: DedupParams) -> _Chunk:
    """Span keys of the clean texts of ``part``, their shingle hashes and offsets, and their
    leads (:func:`_shingles_and_leads`)."""
    texts = clean_texts(cs, part)
    h, o, lh, lo, again = _shingles_and_leads([texts[k] for k in part], params)
    return span_keys(h, o, params), h, o, lh, lo, again


class _Shingled:
    """The shingle hashes and leads of the batch's texts as the span-key pass made them, chunk
    by chunk: the exact check takes the runs and leads of the articles in its pairs from here
    instead of shingling their texts and reading their leads again (the same hashes: a text's
    shingles and lead do not depend on the texts beside it). About 150 MB on a first run over
    71,192 articles, freed once the check has its sets."""

    def __init__(self) -> None:
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[int, np.ndarray]]] = []
        self.at: dict[int, tuple[int, int]] = {}

    def add(self, keys: Sequence[int], chunk: _Chunk) -> None:
        i = len(self.parts)
        self.parts.append(chunk[1:])
        self.at.update((k, (i, j)) for j, k in enumerate(keys))

    def get(self, key: int) -> np.ndarray | None:
        """The shingle hashes of ``key``'s text in order (``None``: not of this batch)."""
        where = self.at.get(key)
        if where is None:
            return None
        h, o = self.parts[where[0]][:2]
        return h[o[where[1]] : o[where[1] + 1]]

    def lead(self, key: int) -> np.ndarray | None:
        """The word hashes of ``key``'s lead (:func:`leads_of`; ``None``: not of this batch)."""
        where = self.at.get(key)
        if where is None:
            return None
        return _lead(*self.parts[where[0]][2:], where[1])


#: which chunks of the span-key pass a process has taken (:func:`_claim`): shared with the
#: forked worker, which inherits it (set only while a pass runs)
_SPAN_CLAIMS: Any = None


def _claim(i: int) -> bool:
    """Take chunk ``i`` of the span-key pass for this process (``False``: the other has it)."""
    with _SPAN_CLAIMS.get_lock():
        if _SPAN_CLAIMS[i]:
            return False
        _SPAN_CLAIMS[i] = 1
        return True


def _worker_span_chunk(job: tuple[str, int, list[int], DedupParams]) -> _Chunk | None:
    path, i, part, params = job
    if not _claim(i):
        return None  # the main process took it
    ro = _ReadOnly(path)
    try:
        return _span_chunk(CorpusStore(ro), part, params)
    finally:
        ro._writer.close()


def _span_pass(cs: CorpusStore, keys: list[int], params: DedupParams, *,
               chunk: int) -> tuple[list[np.ndarray], _Shingled]:
    """Span keys (:func:`span_keys`) of the clean texts of ``keys``, ``chunk`` texts at a time,
    and their shingle hashes (:class:`_Shingled`). On a machine of several cores a forked
    worker, reading on a connection of its own, takes the chunks from the first on while this
    process takes them from the last back, each chunk once: neither waits for the other to
    finish a fixed half when other work (the stories' first batch of features) slows one."""
    import multiprocessing as mp
    import os

    global _SPAN_CLAIMS
    parts = [keys[s : s + chunk] for s in range(0, len(keys), chunk)]
    done: dict[int, _Chunk | None] = {}
    path = getattr(cs.archive, "path", None)
    if (len(keys) < 4 * chunk or (os.cpu_count() or 1) < 2 or path is None
            or "fork" not in mp.get_all_start_methods()):
        done = {i: _span_chunk(cs, part, params) for i, part in enumerate(parts)}
    else:
        _SPAN_CLAIMS = mp.get_context("fork").Array("b", len(parts))  # before the fork: inherited
        try:
            with fork_pool(1) as pool:
                jobs = [pool.apply_async(_worker_span_chunk, ((str(path), i, part, params),))
                        for i, part in enumerate(parts)]
                for i in reversed(range(len(parts))):
                    if not _claim(i):
                        break  # the worker has it, and every chunk before it
                    done[i] = _span_chunk(cs, parts[i], params)
                for i, job in enumerate(jobs):
                    if i not in done:
                        done[i] = job.get()
        finally:
            _SPAN_CLAIMS = None
    skeys: list[np.ndarray] = []
    shingled = _Shingled()
    for i, part in enumerate(parts):
        got = done.pop(i)
        assert got is not None  # a chunk the worker skipped was taken here
        skeys.extend(got[0])
        shingled.add(part, got)
    return skeys, shingled


def _distinct(run: np.ndarray) -> np.ndarray:
    """``np.unique(run)`` (sorted, each once) by a sort and a comparison of neighbours: a
    quarter of its time on a text's few hundred shingles (0.32 -> 0.08 s over 20,000 texts)."""
    s = np.sort(run)
    if len(s) < 2:
        return s
    keep = np.empty(len(s), dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


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
    skeys, shingled = _span_pass(cs, keys, params, chunk=chunk)
    # candidates inside the batch, against the stored buckets, and equal signatures
    inner = bucket_pairs(bkeys, window=params.lsh.window)
    karr = np.asarray(keys, dtype=np.int64)
    sp = key_pairs(skeys, window=params.lsh.window, max_bucket=params.span_bucket_max)
    # the candidates as ``(a, b)`` rows of rowids, sorted and unique (as the sorted set of
    # their tuples), without a Python object per pair
    inside = np.unique(np.concatenate((karr[inner], karr[sp])), axis=0)
    n_inner = len(inside)
    exact = _exact_candidates(keys, sig, sizes)
    more = np.array([*_stored_candidates(cs, keys, bkeys, skeys, params), *exact], dtype=np.int64).reshape(-1, 2)
    cand = np.unique(np.concatenate((inside, more)), axis=0) if len(more) else inside
    del inside, more
    n_cand = len(cand)
    # the batch's keys are stored while the candidates are verified (which only reads)
    writer = _KeyWriter(cs, karr, bkeys, skeys)
    # signatures of the stored articles in play, then the signature prefilter
    in_batch = np.isin(cand[:, 0], karr)
    old_ids = np.unique(cand[~in_batch, 0]).tolist()
    old_row, old_sig, old_sizes = _signatures(cs, cs.fingerprints(old_ids), mp, chunk) if old_ids else ({}, None, None)
    pairs: list[tuple[int, int]] = []
    if len(cand):
        allk = np.unique(cand)
        S = np.empty((len(allk), mp.num_perm), dtype=np.uint32)
        Z = np.empty(len(allk), dtype=np.int64)
        by_key = np.argsort(karr)
        at = np.minimum(np.searchsorted(karr, allk, sorter=by_key), n - 1)
        mine = karr[by_key[at]] == allk
        S[mine], Z[mine] = sig[by_key[at[mine]]], sizes[by_key[at[mine]]]
        if not mine.all():
            rows = np.array([old_row[k] for k in allk[~mine].tolist()], dtype=np.int64)
            S[~mine], Z[~mine] = old_sig[rows], old_sizes[rows]  # type: ignore[index]
        j_est, c_est = estimate(S, Z, np.searchsorted(allk, cand))
        del S, Z
        m = params.prefilter_margin
        keep = (j_est >= params.jaccard - m) | (c_est >= params.containment - m)
        pairs = list(zip(cand[keep, 0].tolist(), cand[keep, 1].tolist(), strict=True))
        j_kept = j_est[keep]
    else:
        j_kept = np.zeros(0)
    del cand
    # stored articles in play start in their stored groups, whose first members (the group
    # ids: the smallest rowids) the chaining guard compares too
    uf = UnionFind()
    grouped: set[int] = set()
    if params.chain_guard:
        stored = sorted({x for p in pairs for x in p if x not in pos})
        stored_groups = cs.copy_groups_of(stored) if stored else {}
        for k, g in stored_groups.items():
            if g is not None and g != k:
                uf.union(g, k)
        # the stored groups of more than one member: the chaining guard tells a lone article
        # from a group's root
        roots = sorted({g for g in stored_groups.values() if g is not None})
        grouped = {g for g, r in (cs.group_rows(roots) if roots else {}).items() if int(r["size"]) > 1}
    # the exact check: shingle sets, leads and numbers of the articles in the kept pairs only
    involved = sorted({x for p in pairs for x in p} | {uf.find(x) for x in uf.parent})
    sets: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    nums: dict[int, frozenset[str]] = {}
    text_of: dict[int, str] = {}
    for s in range(0, len(involved), chunk):
        part = involved[s : s + chunk]
        texts = clean_texts(cs, part)
        tx = [texts[k] for k in part]
        # the span-key pass's runs and leads; stored articles' shingled and read here, the same way
        runs = [shingled.get(k) for k in part]
        leads = [shingled.lead(k) for k in part]
        if miss := [j for j, r in enumerate(runs) if r is None]:
            h, o, lh, lo, again = _shingles_and_leads([tx[j] for j in miss], params)
            for i, j in enumerate(miss):
                runs[j], leads[j] = h[o[i] : o[i + 1]], _lead(lh, lo, again, i)
        for j, k in enumerate(part):
            run, ld = runs[j], leads[j]
            assert run is not None and ld is not None
            sets[k] = (_distinct(run), ld, head_of(run, params).copy())
            nums[k] = numbers_of(tx[j])
        text_of.update(texts)
        del texts, tx, runs
    del shingled
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

    worded: dict[int, list[frozenset[int]]] = {}

    def words(k: int) -> list[frozenset[int]]:
        if k not in worded:
            worded[k] = sentence_words([text_of[k]], params)[0]
        return worded[k]

    # the outlets matter to the rewritten-lead, reworded-copy and contained-text rules and the
    # follow-up guard, the days to the reworded-copy and contained-text rules
    meta = cs.rows(involved, ["source", "published_at"])
    outlet = {k: r["source"] or "" for k, r in meta.items()}
    published = {k: day_number(r["published_at"]) for k, r in meta.items()}
    verified = verify_candidates(pairs, j_kept, shingles=sets.__getitem__, numbers=nums.__getitem__,
                                 params=params, uf=uf, sentences=sentences, countries=countries,
                                 lead_countries=lead_countries, source=lambda k: outlet.get(k, ""),
                                 grouped=grouped, words=words, day=lambda k: published.get(k, -1))
    # exact copies: equal shingle sets are copies whatever else was verified
    kept = set(pairs)
    for a, b in exact:
        if (a, b) in kept and np.array_equal(sets[a][0], sets[b][0]):
            verified.append(score_sets(a, b, sets[a][0], sets[b][0], lead_a=sets[a][1], lead_b=sets[b][1]))
    del sets, nums
    text_of.clear()
    sents.clear()
    worded.clear()
    named.clear()
    in_lead.clear()
    writer.join()
    _save_groups(cs, keys, pos, verified)
    return {"articles": n, "candidates": n_cand, "inner_candidates": n_inner, "checked": len(pairs),
            "copies": len(verified)}


def _write_keys(cs: CorpusStore, karr: np.ndarray, bkeys: np.ndarray, skeys: list[np.ndarray]) -> None:
    """Store the LSH band keys and span keys of the batch's articles (``lsh_bands``): both
    kinds in one stream sorted by key, so the B-tree inserts stay near each other (much faster
    than two passes or random order), a few hundred thousand rows a statement
    (:meth:`CorpusStore.add_band_array`). A key's articles go in the order the sort leaves
    them, and a row repeated is left to ``INSERT OR IGNORE``: the table holds the same rows
    as when they were sorted by ``(key, article)`` and made unique first, which took the
    thread a second more on a first run (6.6 million rows)."""
    kb = np.repeat(karr, bkeys.shape[1])
    flat = bkeys.reshape(-1)
    nz = flat != 0
    sk = np.concatenate(skeys) if skeys else np.zeros(0, dtype=np.int64)
    flat = np.concatenate((flat[nz], sk.astype(np.int64, copy=False)))
    kb = np.concatenate((kb[nz], np.repeat(karr, [len(x) for x in skeys]))) if skeys else kb[nz]
    del nz, sk
    o = np.argsort(flat)
    rows = np.stack((flat[o], kb[o]), axis=1)
    del flat, kb, o
    for s in range(0, len(rows), _KEY_ROWS):
        cs.add_band_array(rows[s : s + _KEY_ROWS])


#: the rows of ``lsh_bands`` one statement inserts (:func:`_write_keys`): the 6.6 million rows
#: of a first run over the corpora took 3.7 s CPU so, 3.9 s at 250,000 and 4.3 s at 500,000
_KEY_ROWS = 100_000


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



class _Connection:
    """What :class:`CorpusStore` needs of an archive: a connection (here, one already open)."""

    def __init__(self, con: Any) -> None:
        self._writer = con
