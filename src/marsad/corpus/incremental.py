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

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
import orjson
import xxhash

from marsad.clean.debris import REMOVED_LAYERS, mask
from marsad.corpus.dedup import (
    DedupParams,
    DocInfo,
    PairScore,
    UnionFind,
    countries_of,
    estimate,
    key_pairs,
    leads_of,
    numbers_of,
    provenance,
    span_keys,
    sentence_shingles,
    verify_candidates,
)
from marsad.corpus.features import (
    ArticleFeatures,
    DocFreq,
    article_terms,
    day_number,
    surface_words,
)
from marsad.corpus.lsh import band_keys, bucket_pairs
from marsad.corpus.minhash import distinct_counts, minhash_from_hashes, shingle_hashes, unpack
from marsad.corpus.stories import ClusterState, Story, StoryClusterer, StoryParams, TemplateTerms
from marsad.corpus.threads import Thread, ThreadLinker, ThreadParams, ThreadState
from marsad.store.corpus_store import CorpusStore

_MASKED = tuple(sorted(REMOVED_LAYERS - {"title"}))
_EPOCH = date(1970, 1, 1)


def iso_day(day: int) -> str | None:
    return (_EPOCH + timedelta(days=day)).isoformat() if day >= 0 else None


def _clean_texts(cs: CorpusStore, rows: dict[int, dict[str, Any]]) -> dict[int, str]:
    spans = cs.spans(list(rows), _MASKED)
    return {k: mask(r["text"], spans.get(k, ())) for k, r in rows.items()}


# --- copies ----------------------------------------------------------------------------------


def update_copies(archive: Any, *, params: DedupParams | None = None, batch: int = 20000) -> dict[str, int]:
    """Find the copies of the articles added since the last run; returns counts."""
    params = params or DedupParams()
    cs = CorpusStore(archive)
    st = cs.state("copies")
    last = int(st.get("last_rowid", 0))
    totals: Counter[str] = Counter()
    cols = ["text", "source", "published_at", "published_at_confidence", "dateline_agency", "credit", "fingerprint"]
    while True:
        got = cs.rows_after(last, cols, limit=batch)
        if not got:
            break
        totals.update(_copies_batch(cs, got, params))
        last = int(got[-1]["rowid"])
        cs.set_state("copies", {"last_rowid": last})
        cs.commit()
    return dict(totals)


def _info(r: dict[str, Any]) -> DocInfo:
    return DocInfo(key=int(r["rowid"]), published_at=r.get("published_at"), source=r.get("source") or "",
                   dateline_agency=r.get("dateline_agency") or "", credit=r.get("credit") or "",
                   confidence=float(r.get("published_at_confidence") or 0.0))


def _copies_batch(cs: CorpusStore, got: list[dict[str, Any]], params: DedupParams) -> dict[str, int]:
    mp = params.minhash
    rows = {int(r["rowid"]): r for r in got}
    keys = sorted(rows, key=lambda k: ((rows[k]["published_at"] or "9999"), k))
    texts = _clean_texts(cs, rows)
    hashes, offsets = shingle_hashes([texts[k] for k in keys], ngram=mp.ngram)
    sizes = distinct_counts(hashes, offsets)
    sig = minhash_from_hashes(hashes, offsets, mp)
    n = len(keys)
    pos = {k: i for i, k in enumerate(keys)}
    bkeys = band_keys(sig, params.lsh)
    # runs of words shared verbatim are candidates too (stored in the same key table)
    skeys = span_keys(hashes, offsets, params)
    # candidates inside the batch and against the stored buckets
    inner = bucket_pairs(bkeys, window=params.lsh.window)
    cand: set[tuple[int, int]] = {(keys[a], keys[b]) for a, b in inner.tolist()}
    cand.update((keys[a], keys[b]) for a, b in key_pairs(
        skeys, window=params.lsh.window, max_bucket=params.span_bucket_max).tolist())
    by_key: dict[int, list[int]] = {}
    flat_s = np.concatenate(skeys) if skeys else np.zeros(0, dtype=np.int64)
    for k, art in cs.band_matches([int(x) for x in bkeys[bkeys != 0]] + flat_s.tolist()):
        by_key.setdefault(k, []).append(art)
    for k, arts in by_key.items():  # a crowded bucket: its latest members only (as in bucket_pairs)
        if len(arts) > params.lsh.window:
            by_key[k] = sorted(arts)[-params.lsh.window :]
    for i in range(n):
        for kk in bkeys[i].tolist():
            for old in by_key.get(kk, ()):
                cand.add((old, keys[i]))
        for kk in skeys[i].tolist():
            olds = by_key.get(kk, ())
            if len(olds) < params.span_bucket_max:  # else a paper's standing line
                for old in olds:
                    cand.add((old, keys[i]))
    # signatures and sizes of stored articles in play
    old_ids = sorted({a for a, _ in cand if a not in pos})
    old_rows = cs.rows(old_ids, ["text", "fingerprint"]) if old_ids else {}
    old_sig: dict[int, np.ndarray] = {}
    old_size: dict[int, int] = {}
    missing = []
    for k, r in old_rows.items():
        u = unpack(r["fingerprint"] or b"", mp)
        if u is None:
            missing.append(k)
        else:
            old_sig[k], old_size[k] = u
    old_text = _clean_texts(cs, old_rows) if old_rows else {}
    if missing:
        h, o = shingle_hashes([old_text[k] for k in missing], ngram=mp.ngram)
        s = minhash_from_hashes(h, o, mp)
        c = distinct_counts(h, o)
        for j, k in enumerate(missing):
            old_sig[k], old_size[k] = s[j], int(c[j])

    def sig_of(k: int) -> np.ndarray:
        return sig[pos[k]] if k in pos else old_sig[k]

    def size_of(k: int) -> int:
        return int(sizes[pos[k]]) if k in pos else old_size[k]

    pairs = sorted(cand)
    if pairs:
        allk = sorted({x for p in pairs for x in p})
        idx = {k: i for i, k in enumerate(allk)}
        S = np.stack([sig_of(k) for k in allk])
        Z = np.array([size_of(k) for k in allk])
        P = np.array([(idx[a], idx[b]) for a, b in pairs], dtype=np.int64)
        j_est, c_est = estimate(S, Z, P)
        m = params.prefilter_margin
        keep = (j_est >= params.jaccard - m) | (c_est >= params.containment - m)
        pairs = [p for p, kp in zip(pairs, keep.tolist(), strict=True) if kp]
        j_kept = j_est[keep]
    else:
        j_kept = np.zeros(0)
    involved = sorted({x for p in pairs for x in p})
    lead = dict(zip(involved, leads_of([texts[k] if k in pos else old_text[k] for k in involved], params),
                    strict=True))

    def shingles(k: int) -> tuple[np.ndarray, np.ndarray]:
        if k in pos:
            i = pos[k]
            h, lo, hi = hashes, int(offsets[i]), int(offsets[i + 1])
        else:
            h, o = shingle_hashes([old_text[k]], ngram=mp.ngram)
            lo, hi = 0, len(h)
        return np.unique(h[lo:hi]), lead[k]

    nums: dict[int, frozenset[str]] = {}

    def numbers(k: int) -> frozenset[str]:
        if k not in nums:
            nums[k] = numbers_of(texts[k] if k in texts else old_text[k])
        return nums[k]

    sents: dict[int, list[np.ndarray]] = {}

    def sentences(k: int) -> list[np.ndarray]:
        if k not in sents:
            sents[k] = sentence_shingles([texts[k] if k in texts else old_text[k]], params)[0]
        return sents[k]

    named: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def countries(k: int) -> tuple[frozenset[str], frozenset[str]]:
        if k not in named:
            named[k] = countries_of(texts[k] if k in texts else old_text[k], lead_words=params.lead_words)
        return named[k]

    verified = verify_candidates(pairs, j_kept, shingles=shingles, numbers=numbers, params=params,
                                 uf=UnionFind(), sentences=sentences, countries=countries)
    # exact copies inside the batch
    seen: dict[bytes, int] = {}
    for i, k in enumerate(keys):
        if offsets[i + 1] == offsets[i]:
            continue
        d = xxhash.xxh3_128_digest(hashes[offsets[i] : offsets[i + 1]].tobytes())
        if d in seen:
            verified.append(PairScore(seen[d], k, 1.0, 1.0, 1.0, 1.0))
        else:
            seen[d] = k
    # groups: union the new pairs with the groups they touch
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
    info_rows = cs.rows([m for ms in comps.values() if len(ms) > 1 for m in ms if m not in rows],
                        ["source", "published_at", "published_at_confidence", "dateline_agency", "credit"])
    info_rows.update(rows)
    group_rows, edge_rows, cg, fp = [], [], [], []
    for root, ms in comps.items():
        if len(ms) == 1:
            cg.append((root, root))
            fp.append((1, root))
            continue
        stored = cs.pairs_among(ms)
        scores = [PairScore(a, b, j, ab, ba, ld) for a, b, j, ab, ba, ld in stored]
        prov = provenance([_info(info_rows[m]) for m in ms], scores)
        group_rows.append((root, prov.first, prov.agency, len(ms)))
        edge_rows.extend((e.dst, e.src, root, e.jaccard, e.added, e.removed) for e in prov.edges)
        cg.extend((root, m) for m in ms)
        fp.extend((1 if m == prov.first else 0, m) for m in ms)
    cs.replace_groups(old_groups | set(comps), group_rows, edge_rows)
    cs.set_columns("copy_group", cg)
    cs.set_columns("first_published", fp)
    # in key order: B-tree inserts stay near each other (much faster than random order)
    karr = np.repeat(np.asarray(keys, dtype=np.int64), bkeys.shape[1])
    flat = bkeys.reshape(-1)
    order = np.lexsort((karr, flat))
    cs.add_bands((int(k), int(a)) for k, a in zip(flat[order].tolist(), karr[order].tolist(), strict=True) if k != 0)
    cs.add_bands(sorted((int(kk), k) for k, ks in zip(keys, skeys, strict=True) for kk in ks.tolist()))
    return {"articles": n, "candidates": len(cand), "copies": len(verified)}


# --- stories and threads ---------------------------------------------------------------------


def update_stories(archive: Any, *, params: StoryParams | None = None,
                   thread_params: ThreadParams | None = None, batch: int = 20000) -> dict[str, int]:
    """Cluster the articles added since the last run into stories, and stories into threads.

    A story is linked to a thread once: when it closes (no article for ``window_days``), or at
    the end of the run if it is still open then.
    """
    params = params or StoryParams()
    cs = CorpusStore(archive)
    st = cs.state("stories")
    last = int(st.get("last_rowid", 0))
    n, counts = cs.load_df()
    df = DocFreq(n=n, df=Counter(counts))
    templates = TemplateTerms(share=params.template_share, min_days=params.template_min_days)
    for source, (days, tcounts) in cs.load_template_counts(floor=params.template_share / 2).items():
        templates.load(source, days, tcounts)
    active = {sid: Story.from_state(sid, orjson.loads(s)) for sid, s in cs.active_stories()}
    state = ClusterState(df=df, stories=active, next_id=int(st.get("next_id", 1)))
    clusterer = StoryClusterer(params, state, templates)
    linker = _load_linker(cs, thread_params or ThreadParams())
    totals: Counter[str] = Counter()
    cols = ["text", "title", "source", "published_day", "dateline_place", "copy_group"]
    while True:
        got = cs.rows_after(last, cols, limit=batch)
        if not got:
            break
        rows = {int(r["rowid"]): r for r in got}
        texts = _clean_texts(cs, rows)
        spans = cs.spans(list(rows), ("mention", "timex"))
        groups = [int(r["copy_group"]) for r in got if r["copy_group"] is not None]
        state.copy_story.update(cs.story_of_groups(groups))
        feats = []
        for k, r in rows.items():
            sp = spans.get(k, [])
            terms, nums = article_terms(title=r["title"] or "", body=texts[k],
                                        mentions=[s.value for s in sp if s.layer == "mention"],
                                        timexes=[s.value for s in sp if s.layer == "timex"],
                                        place=r["dateline_place"] or "")
            feats.append(ArticleFeatures(key=k, day=day_number(r["published_day"]), source=r["source"] or "",
                                         terms=terms, numbers=nums, copy_group=r["copy_group"],
                                         words=surface_words(r["title"] or "", texts[k][:600])))
        df_inc: Counter[str] = Counter()
        for f in feats:
            df_inc.update(f.terms.keys())
        df.add(f.terms for f in feats)
        for f in feats:
            templates.observe(f.source, f.day, f.terms.keys())
        tinc = templates.flush()
        touched: set[int] = set()
        assigned = []
        for f in sorted(feats, key=lambda f: (f.day if f.day >= 0 else 1 << 30, f.key)):
            sid = clusterer.add(f)
            touched.add(sid)
            assigned.append((sid, f.key))
        cs.set_columns("story", assigned)
        cs.add_df(len(feats), dict(df_inc))
        cs.add_template_counts({s: dict(c) for s, c in tinc.items()})
        totals["threaded"] += _save_stories(cs, clusterer, linker, touched, final=False)
        last = int(got[-1]["rowid"])
        cs.set_state("stories", {"last_rowid": last, "next_id": state.next_id})
        cs.commit()
        totals["articles"] += len(feats)
    totals["threaded"] += _save_stories(cs, clusterer, linker, set(), final=True)
    _save_threads(cs, linker)
    cs.commit()
    return dict(totals)


def _link(linker: ThreadLinker, s: Story) -> None:
    if s.thread is None:
        s.thread = linker.add(s.first_day, s.last_day, s.centroid, s.words)


def _save_stories(cs: CorpusStore, cl: StoryClusterer, linker: ThreadLinker, touched: set[int],
                  *, final: bool) -> int:
    """Write the stories that changed or closed; link closed stories (and, at the end of a run,
    open ones) to threads. Returns how many stories were linked."""
    linked = 0
    out, links = [], []
    closed_ids = {s.id for s in cl.closed}
    for s in list(cl.closed) + list(cl.state.stories.values()):
        if not (s.id in touched or s.id in closed_ids or (final and s.thread is None)):
            continue
        active = s.id not in closed_ids
        if s.thread is None and (not active or final):
            _link(linker, s)
            linked += 1
            links.append((s.thread, s.id))
        out.append((s.id, iso_day(s.first_day), iso_day(s.last_day), s.size, len(s.sources), s.first_key,
                    1 if active else 0, orjson.dumps(s.label()).decode(),
                    orjson.dumps(s.to_state()).decode() if active else ""))
    cl.closed.clear()
    cs.save_stories(out)
    cs.set_story_threads(links)
    return linked


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


def _save_threads(cs: CorpusStore, linker: ThreadLinker) -> None:
    rows = []
    closed_ids = {th.id for th in linker.closed}
    for th in list(linker.closed) + list(linker.state.threads.values()):
        if th.id not in linker.touched and th.id not in closed_ids:
            continue
        act = th.id in linker.state.threads
        label = th.label()
        state = {"c": th.centroid, "f": th.first_day, "l": th.last_day, "z": th.stories, "w": th.words}
        rows.append((th.id, iso_day(th.first_day), iso_day(th.last_day), th.stories, 1 if act else 0,
                     orjson.dumps(label).decode(), orjson.dumps(state).decode() if act else ""))
    linker.closed.clear()
    linker.touched.clear()
    cs.save_threads(rows)
    cs.set_state("threads", {"next_id": linker.state.next_id})


def story_features_batch(rows: Sequence[dict[str, Any]]) -> list[ArticleFeatures]:
    """Features of in-memory rows (``key, title, text, source, date, copy_group`` and optional
    ``mentions``, ``timexes``, ``place``): the batch form used by benchmarks and evaluation."""
    out = []
    for r in rows:
        terms, nums = article_terms(title=r.get("title") or "", body=r["text"],
                                    mentions=r.get("mentions", ()), timexes=r.get("timexes", ()),
                                    place=r.get("place", ""))
        out.append(ArticleFeatures(key=r["key"], day=day_number(r.get("date")), source=r.get("source") or "",
                                   terms=terms, numbers=nums, copy_group=r.get("copy_group"),
                                   words=surface_words(r.get("title") or "", r["text"][:600])))
    return out
