"""``marsad eval stories``: copies and stories scored on the gold of ``marsad/data/gold``.

The system runs on the whole of ``corpora/*.jsonl.gz`` (every article, so that IDF, LSH
buckets and story windows see what they would in an archive) and is scored on the pairs and
days below. Every article goes through the per-article pipeline first (:func:`analyse`:
where debris, dateline, byline and credit lie, entity keys, TIMEX3 values, dateline place;
about 13 ms an article, kept in a cache file). Copies are found on the clean text the
archive's copy stage reads (those layers blanked, :func:`clean_text`), the stories on the
features ``marsad update`` gives them (the clean lead). Checked against the copy stage: the
228 articles of 120 copy groups that the raw and the clean body give differently, ingested
into an archive, get the archive's 54 copy groups exactly from :func:`dedup_batch` on their
clean texts (16 of 54 on the raw bodies) when given in the archive's order. In time order
(as here) 43 of 54 are the same: the chaining guard compares the groups' smallest keys, the
earliest articles here and the first ingested in an archive. Scores:

* **pairs** (``pairs_dev.jsonl`` / ``pairs_test.jsonl``): *copy* — both articles in one copy
  group, as the copy stage computes the groups over the whole corpus (what an archive stores
  and search collapses), against the ``copy`` label; *same story* — both in one story (the
  stories the story stage computes) against ``copy`` or ``same_story``; and, to tell the two
  apart when a copy is missed, *copy pair* — the verification's decision on the pair alone
  (a candidate that passes it, :func:`decide_pair`), which union-find chaining can only
  improve on by recall and worsen by precision;
* **days** (``story_day_*.jsonl``): B³ precision/recall/F1 of stories and of copy groups
  over every article of the hand-clustered day;
* **baseline**: plain TF-IDF cosine of title + body (normalized words, no stemming, IDF
  over the same corpus) with its threshold chosen on dev, for copy and for same story.

* **threads** (``threads_dev.jsonl`` / ``threads_test.jsonl``, and the second and third dev
  splits ``threads_dev2.jsonl`` / ``threads_dev3.jsonl`` under ``threads["dev2"]`` and
  ``threads["dev3"]``, their baselines at dev's threshold): every
  story linked to a thread in the order the clusterer closed it, as ``marsad update`` links
  them; pair P/R/F1 of "one thread" against ``same_thread``, a TF-IDF baseline, and the
  threads' sizes over the corpora (:mod:`marsad.eval.threads`); ``seconds.threads`` is the
  linking alone.

A second dev split, ``pairs_dev2.jsonl`` (150 pairs labelled blind to the system, see the gold
README), is scored as the dev pairs are, under ``pairs["dev2"]``; its TF-IDF baselines use the
thresholds chosen on dev. Tune on it only together with dev, and report it separately.
"""

from __future__ import annotations

import gzip
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from marsad.corpus.clean_view import _MASKED, mask_bounds
from marsad.corpus.copy_rules import (
    DedupParams,
    countries_of,
    head_of,
    leads_of,
    numbers_of,
    sentence_shingles,
    sentence_words,
)
from marsad.corpus.dedup import dedup_batch, span_keys, verify_candidates
from marsad.corpus.features import (
    ArticleFeatures,
    article_terms,
    day_number,
    rest_terms,
    surface_words,
    title_key,
)
from marsad.corpus.lsh import band_keys
from marsad.corpus.minhash import shingle_hashes
from marsad.corpus.provenance import DocInfo
from marsad.corpus.story_batch import cluster_stories
from marsad.corpus.story_feed import _BODY_CHARS, _LEAD_CHARS
from marsad.corpus.story_record import StoryParams
from marsad.corpus.threads import ThreadParams
from marsad.errors import ConfigError
from marsad.eval.threads import THREAD_SPLITS, link_threads, size_stats, thread_block
from marsad.ingest.readers import plain_title
from marsad.runners.pools import fork_pool

SPLITS = ("dev", "test")
#: further labelled pair sets scored beside dev when shipped: split name → file (dev thresholds)
EXTRA_PAIR_SPLITS = {"dev2": "pairs_dev2.jsonl"}


def gold_path(name: str) -> Path:
    return Path(str(resources.files("marsad") / "data" / "gold" / name))


def load_gold(name: str) -> list[dict[str, Any]]:
    with open(gold_path(name), "rb") as f:
        return [orjson.loads(line) for line in f if line.strip()]


#: a second, blind annotation of the held-out pairs (same definitions; see the gold README)
SECOND_ANNOTATION = "pairs_test_second.jsonl"


#: the labels that make a pair positive for each decision scored
_POSITIVE = {"copy": frozenset({"copy"}), "copy_pair": frozenset({"copy"}),
             "same_story": frozenset({"copy", "same_story"})}


def _pair_scores(gold: Sequence[dict[str, Any]], predicted: dict[tuple[str, str], dict[str, bool]]) -> dict[str, Any]:
    """P/R/F1 of the copy groups, the pair copy decision and the stories on labelled pairs."""
    c = {"copy": [0, 0, 0], "copy_pair": [0, 0, 0], "same_story": [0, 0, 0]}
    for g in gold:
        truth = {name: g["label"] in labels for name, labels in _POSITIVE.items()}
        for name, pred in predicted[(g["a"], g["b"])].items():
            c[name][0] += pred and truth[name]
            c[name][1] += pred and not truth[name]
            c[name][2] += truth[name] and not pred
    return {k: prf(*v) for k, v in c.items()}


def pair_block(gold: Sequence[dict[str, Any]], predicted: dict[tuple[str, str], dict[str, bool]],
               cosine: dict[tuple[str, str], float], thresholds: dict[str, float]) -> dict[str, Any]:
    """The scores of one split of labelled pairs: the system's decisions (:func:`_pair_scores`),
    the count of each label, and the TF-IDF baseline for copy and for same story. With
    ``thresholds`` empty (dev) the baseline's thresholds are chosen on this split and written
    into ``thresholds``; otherwise those are applied, and the best F1 this split would allow
    is shown beside (``best_on_this_split``)."""
    block: dict[str, Any] = _pair_scores(gold, predicted)
    block["labels"] = {lab: sum(1 for g in gold if g["label"] == lab) for lab in
                       ("copy", "same_story", "related", "unrelated")}
    choose = not thresholds
    for name in ("copy", "same_story"):
        scored = [(cosine[(g["a"], g["b"])], g["label"] in _POSITIVE[name]) for g in gold]
        block[f"tfidf_baseline_{name}"] = baseline_scores(scored, thresholds, name, choose=choose)
    return block


def baseline_scores(scored: Sequence[tuple[float, bool]], thresholds: dict[str, float], name: str, *,
                    choose: bool) -> dict[str, Any]:
    """A baseline's P/R/F1 on ``(score, label)`` pairs: with ``choose`` (dev) at the threshold
    best on them, written into ``thresholds[name]``; otherwise at ``thresholds[name]``, with the
    best F1 these pairs would allow beside it (``best_on_this_split``)."""
    if choose:
        thresholds[name], m = best_threshold(scored)
    else:
        t = thresholds[name]
        m = prf(sum(1 for s, g in scored if s >= t and g), sum(1 for s, g in scored if s >= t and not g),
                sum(1 for s, g in scored if s < t and g))
        m["best_on_this_split"] = best_threshold(scored)[1]["f1"]
    m["threshold"] = round(thresholds[name], 4)
    return m


def annotator_agreement(first: Sequence[dict[str, Any]], second: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """How two annotations of the same pairs agree: the share of equal labels, and the F1 of the
    second against the first for "copy" and for "same story" (copy or same_story) — the
    ceiling a system scored on one of them can be expected to reach."""
    lab2 = {(g["a"], g["b"]): g["label"] for g in second}
    both = [(g["label"], lab2[(g["a"], g["b"])]) for g in first if (g["a"], g["b"]) in lab2]
    out: dict[str, Any] = {"pairs": len(both), "same_label": round(sum(a == b for a, b in both) / max(1, len(both)), 4)}
    for name in ("copy", "same_story"):
        labels = _POSITIVE[name]
        tp = sum(a in labels and b in labels for a, b in both)
        fn = sum(a in labels and b not in labels for a, b in both)
        fp = sum(a not in labels and b in labels for a, b in both)
        out[name] = prf(tp, fp, fn)
    return out


def load_corpora(data: Path) -> list[dict[str, Any]]:
    files = sorted((data / "corpora").glob("*.jsonl.gz"))
    if not files:
        raise ConfigError(f"no corpora in {data / 'corpora'}")
    docs = []
    for f in files:
        with gzip.open(f) as fh:
            for line in fh:
                d = orjson.loads(line)
                docs.append({"id": d["id"], "source": d.get("source") or "", "date": d.get("date") or "",
                             "title": plain_title(d.get("title")), "text": d.get("text") or "",
                             "author": d.get("author") or ""})
    return docs


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "fp": fp, "fn": fn}


def bcubed(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, float]:
    """B³ precision, recall and F1 of a clustering ``pred`` against ``gold`` (item → cluster)."""
    gi: dict[Any, set[str]] = defaultdict(set)
    pi: dict[Any, set[str]] = defaultdict(set)
    for k in gold:
        gi[gold[k]].add(k)
        pi[pred[k]].add(k)
    ps = [len(gi[gold[k]] & pi[pred[k]]) / len(pi[pred[k]]) for k in gold]
    rs = [len(gi[gold[k]] & pi[pred[k]]) / len(gi[gold[k]]) for k in gold]
    p, r = float(np.mean(ps)), float(np.mean(rs))
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "items": len(gold)}


def decide_pair(ta: str, tb: str, sig_a: np.ndarray, sig_b: np.ndarray, params: DedupParams, *,
                sources: tuple[str, str] = ("", ""), days: tuple[int, int] = (-1, -1)) -> bool:
    """The copy detector's decision on one pair: a candidate (a band in common, or a run of
    words in common, :func:`marsad.corpus.dedup.span_keys`) that passes the verification of
    :func:`marsad.corpus.dedup.verify_candidates` (the rules of :mod:`marsad.corpus.copy_rules`)."""
    keys = band_keys(np.stack([sig_a, sig_b]), params.lsh)
    h, off = shingle_hashes([ta, tb], ngram=params.minhash.ngram)
    sk = span_keys(h, off, params)
    if not (bool(np.any((keys[0] == keys[1]) & (keys[0] != 0))) or len(np.intersect1d(sk[0], sk[1]))):
        return False
    sh = [np.unique(h[off[i] : off[i + 1]]) for i in range(2)]
    leads = leads_of([ta, tb], params)
    nums = [numbers_of(ta), numbers_of(tb)]
    sents = sentence_shingles([ta, tb], params)
    named = [countries_of(t, lead_words=params.lead_words) for t in (ta, tb)]
    worded = sentence_words([ta, tb], params)
    return bool(verify_candidates([(0, 1)], np.ones(1), shingles=lambda k: (sh[k], leads[k], head_of(h[off[k] : off[k + 1]], params)),
                                  numbers=nums.__getitem__, params=params, sentences=sents.__getitem__,
                                  countries=named.__getitem__, source=sources.__getitem__,
                                  words=worded.__getitem__, day=days.__getitem__))


#: what the pipeline's analysis gives the story features and the copies of one article: the
#: clean lead (removed layers blanked), entity keys, TIMEX3 values, the dateline place, and the
#: ``(start, end)`` bounds of the removed layers over the whole text (:func:`clean_text`)
Analysis = tuple[str, tuple[str, ...], tuple[str, ...], str, tuple[tuple[int, int], ...]]


def _analyse_one(d: dict[str, Any]) -> Analysis:
    from marsad.api import analyze_text

    art = analyze_text(d["text"], published_at=d["date"] or None, title=d["title"], source=d["source"],
                       author=d.get("author") or "", spec=story_spec())
    masked = tuple(sorted((s.start, s.end) for s in art.spans if s.layer in _MASKED))
    return (mask_bounds(d["text"][:_LEAD_CHARS], [b for b in masked if b[0] < _LEAD_CHARS]),
            tuple(s.value for s in art.spans if s.layer == "mention" and s.value),
            tuple(s.value for s in art.spans if s.layer == "timex" and s.value),
            art.dateline_place or "", masked)


def clean_text(d: dict[str, Any], analysis: dict[str, Analysis] | None) -> str:
    """The text the archive's copy stage reads for ``d``: its body with debris, dateline,
    byline and credit blanked by spaces (:func:`marsad.corpus.clean_view.mask_bounds`, as
    :func:`marsad.corpus.clean_view.clean_texts` gives it); the raw body when ``d`` was not
    analysed."""
    a = (analysis or {}).get(d["id"])
    return d["text"] if a is None else mask_bounds(d["text"], a[4])


def _analyse_chunk(bounds: tuple[int, int]) -> list[Analysis]:
    return [_analyse_one(d) for d in _DOCS[bounds[0] : bounds[1]]]


def analyse(docs: list[dict[str, Any]], *, cache: Path | None = None, workers: int = 0,
            progress: Callable[[str], None] | None = None) -> dict[str, Analysis]:
    """The per-article pipeline (:func:`marsad.analyze_text`: cleaning, dateline, entities,
    time) on ``docs``, as ``marsad update`` runs it before the stories: id → :data:`Analysis`.

    Results are kept in ``cache`` (a JSON lines file keyed by id, a hash of the text and a hash
    of the stage names with their versions and the shipped model, gazetteer and clusters) so a
    second evaluation reads them back. A new model or a bumped stage version analyses again; a
    change to an analyser's code that keeps its stage version does not: delete the file then.
    """
    import hashlib
    import multiprocessing as mp

    global _DOCS

    made_by = _analysers_key()

    def tag(d: dict[str, Any]) -> str:
        author = "\x00" + d["author"] if d.get("author") else ""  # the dateline stage reads it
        text = hashlib.blake2b((d["title"] + "\x00" + d["text"] + author).encode(), digest_size=8).hexdigest()
        return f"{text}{made_by}{_CACHE_FORMAT}"

    out: dict[str, Analysis] = {}
    if cache is not None and cache.exists():
        with open(cache, "rb") as f:
            for line in f:
                r = orjson.loads(line)
                if "b" in r:  # a line of an older format (no removed bounds): its key never matches
                    out[r["k"]] = (r["l"], tuple(r["m"]), tuple(r["t"]), r["p"], tuple(map(tuple, r["b"])))
    keys = {d["id"]: f"{d['id']}:{tag(d)}" for d in docs}  # each text hashed once
    todo = [d for d in docs if keys[d["id"]] not in out]
    if todo:
        workers = workers or os.cpu_count() or 1
        step = 200
        chunks = [(i, min(len(todo), i + step)) for i in range(0, len(todo), step)]
        _DOCS = todo
        try:
            if workers > 1 and "fork" in mp.get_all_start_methods():
                with fork_pool(workers) as pool:
                    parts = pool.imap(_analyse_chunk, chunks)
                    results = []
                    for n, part in enumerate(parts):
                        results.extend(part)
                        if progress and n % 20 == 0:
                            progress(f"analysed {len(results)}/{len(todo)}")
            else:
                results = [a for c in chunks for a in _analyse_chunk(c)]
        finally:
            _DOCS = []
        fh = open(cache, "ab") if cache is not None else None
        try:
            for d, a in zip(todo, results, strict=True):
                k = keys[d["id"]]
                out[k] = a
                if fh is not None:
                    fh.write(orjson.dumps({"k": k, "l": a[0], "m": a[1], "t": a[2], "p": a[3], "b": a[4]}) + b"\n")
        finally:
            if fh is not None:
                fh.close()
    return {d["id"]: out[keys[d["id"]]] for d in docs}


#: the layout of a cache line (part of its key): ``b``, the removed layers' bounds, came with 2
_CACHE_FORMAT = "/2"

#: stages of the default spec whose output the story features do not read
_NOT_READ = ("events.", "index_terms.", "fingerprint.")


def story_spec() -> list[str]:
    """The stages of the default spec the story features read (cleaning, dateline, entities,
    dates): the others are neither run by :func:`analyse` nor part of its cache key, so a new
    events stage does not analyse the corpora again."""
    from marsad.pipeline.registry import DEFAULT_SPEC

    return [s for s in DEFAULT_SPEC if not s.startswith(_NOT_READ)]


def _analysers_key() -> str:
    """A short hash of what :func:`analyse` depends on besides the text."""
    import hashlib

    h = hashlib.blake2b(",".join(story_spec()).encode(), digest_size=6)
    data = resources.files("marsad") / "data"
    for folder in ("models", "entities"):
        for f in sorted((p for p in (data / folder).iterdir() if p.is_file()), key=lambda p: p.name):
            h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


_DOCS: list[dict[str, Any]] = []
_ANALYSIS: dict[str, Analysis] = {}


def _features_chunk(bounds: tuple[int, int]) -> list[tuple[dict[str, float], frozenset[str], tuple, dict[str, int]]]:
    from marsad.corpus.minhash import fold_many

    part = _DOCS[bounds[0] : bounds[1]]
    got = [_ANALYSIS.get(d["id"]) for d in part]
    leads = [d["text"][:_LEAD_CHARS] if a is None else a[0] for d, a in zip(part, got, strict=True)]
    # the rest of the clean text after the lead (the thread vectors' words), folded apart
    rests = [clean_text(d, _ANALYSIS)[_LEAD_CHARS:_BODY_CHARS] for d in part]
    folded = fold_many([x for d, lead, rest in zip(part, leads, rests, strict=True) for x in (d["title"], lead, rest)])
    out = []
    for i, a in enumerate(got):
        mentions, timexes, place = ((), (), "") if a is None else a[1:4]
        out.append((*article_terms(title=folded[3 * i], body=folded[3 * i + 1], mentions=mentions,
                                   timexes=timexes, place=place, normalized=True),
                    surface_words(part[i]["title"], leads[i][:600]), rest_terms(folded[3 * i + 2], normalized=True)))
    return out


def story_terms_async(docs: list[dict[str, Any]], *, workers: int = 0,
                      analysis: dict[str, Analysis] | None = None) -> Callable[[], list[tuple]]:
    """Start the per-article part of the story features (tokens, stems, numbers, title words)
    of in-memory documents in ``workers`` forked processes (as many as cores by default);
    returns the function that waits for them.

    The per-article part is pure and does not need the copy groups, so it runs while the
    caller finds the copies; the corpus part (IDF, clustering) stays in the caller.
    """
    import multiprocessing as mp
    import os

    global _DOCS, _ANALYSIS
    workers = workers or os.cpu_count() or 1
    _ANALYSIS = analysis or {}
    if len(docs) < 2000 or "fork" not in mp.get_all_start_methods():
        _DOCS = docs
        try:
            terms = _features_chunk((0, len(docs)))
        finally:
            _DOCS = []
        return lambda: terms
    step = max(500, len(docs) // (workers * 8))
    chunks = [(i, min(len(docs), i + step)) for i in range(0, len(docs), step)]
    _DOCS = docs
    try:
        pool = fork_pool(workers)
        pending = pool.map_async(_features_chunk, chunks)
    finally:
        _DOCS = []  # the forked workers hold their own copy

    def wait() -> list[tuple]:
        try:
            return [t for part in pending.get() for t in part]
        finally:
            pool.close()
            pool.join()

    return wait


def features_of(docs: list[dict[str, Any]], terms: list[tuple], group_of: dict[int, int]) -> list[ArticleFeatures]:
    """:class:`ArticleFeatures` of in-memory documents (keys are list positions)."""
    return [ArticleFeatures(key=i, day=day_number(d["date"]), source=d["source"], terms=t, numbers=n,
                            copy_group=group_of[i], words=w, title_key=title_key(d.get("title") or ""), rest=rest)
            for i, (d, (t, n, w, rest)) in enumerate(zip(docs, terms, strict=True))]


def story_features(docs: list[dict[str, Any]], group_of: dict[int, int], *, workers: int = 0) -> list[ArticleFeatures]:
    """Story features of in-memory documents (keys are list positions), in worker processes."""
    return features_of(docs, story_terms_async(docs, workers=workers)(), group_of)


def run_system(docs: list[dict[str, Any]], *, dedup: DedupParams | None = None,
               story: StoryParams | None = None, analysis: dict[str, Analysis] | None = None,
               progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Copy groups and stories of every document (keys are list positions), the stories
    themselves in the order they closed and the document frequencies (for the threads), with
    timings.

    The story features' per-article part runs in worker processes while this process finds
    the copies (they do not depend on each other); then the stories are clustered, runs of
    time blocks in parallel (:func:`marsad.corpus.story_batch.cluster_stories`).
    """
    dedup = dedup or DedupParams()
    t0 = time.perf_counter()
    # one core finds the copies, the others compute the story features meanwhile
    wait_terms = story_terms_async(docs, workers=max(1, (os.cpu_count() or 1) - 1), analysis=analysis)
    res = dedup_batch([clean_text(d, analysis) for d in docs],
                      [DocInfo(key=i, published_at=d["date"], source=d["source"]) for i, d in enumerate(docs)],
                      params=dedup, progress=progress)
    t1 = time.perf_counter()
    feats = features_of(docs, wait_terms(), res.group_of)
    t2 = time.perf_counter()
    story_of, stories, df = cluster_stories(feats, story, workers=os.cpu_count() or 1)
    t3 = time.perf_counter()
    return {"dedup": res, "story_of": story_of, "stories": stories, "df": df,
            "seconds": {"copies": round(t1 - t0, 2), "story_features_wait": round(t2 - t1, 2),
                        "stories": round(t3 - t2, 2), "total": round(t3 - t0, 2)}}


class TfidfBaseline:
    """Plain TF-IDF cosine (normalized words of title + body, no stemming, smoothed IDF)."""

    def __init__(self, docs: list[dict[str, Any]]) -> None:
        from marsad.text.normalize import normalize
        from marsad.text.tokens import TOKEN_RE

        self._tok = lambda d: TOKEN_RE.findall(normalize(d["title"] + " " + d["text"]))
        df: dict[str, int] = defaultdict(int)
        for d in docs:
            for t in set(self._tok(d)):
                df[t] += 1
        n = len(docs)
        self.idf = {t: float(np.log((1 + n) / (1 + c)) + 1.0) for t, c in df.items()}

    def vec(self, d: dict[str, Any]) -> dict[str, float]:
        tf: dict[str, int] = defaultdict(int)
        for t in self._tok(d):
            tf[t] += 1
        v = {t: c * self.idf.get(t, 1.0) for t, c in tf.items()}
        norm = float(np.sqrt(sum(x * x for x in v.values()))) or 1.0
        return {t: x / norm for t, x in v.items()}

    def cosine(self, a: dict[str, Any], b: dict[str, Any]) -> float:
        va, vb = self.vec(a), self.vec(b)
        return sum(w * vb.get(t, 0.0) for t, w in va.items())


def best_threshold(scores: Iterable[tuple[float, bool]]) -> tuple[float, dict[str, float]]:
    """The cosine threshold with the best F1 on ``(score, gold)`` pairs."""
    sc = sorted(scores, key=lambda x: -x[0])
    pos = sum(g for _s, g in sc)
    best = (0.0, prf(0, 0, pos))
    tp = fp = 0
    for s, g in sc:
        tp += g
        fp += not g
        m = prf(tp, fp, pos - tp)
        if m["f1"] > best[1]["f1"]:
            best = (s, m)
    return best


def evaluate(data: Path, *, dedup: DedupParams | None = None, story: StoryParams | None = None,
             thread: ThreadParams | None = None, cache: Path | None = None,
             progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Scores of copies, stories and threads (see the module docstring). Every article is
    analysed as ``marsad update`` analyses it before the stories (clean lead, entity mentions,
    dates mentioned, dateline place: :func:`analyse`, kept in ``cache``), so the story
    features are the archive's."""
    dedup = dedup or DedupParams()
    docs = load_corpora(data)
    key = {d["id"]: i for i, d in enumerate(docs)}
    t0 = time.perf_counter()
    analysis = analyse(docs, cache=cache, progress=progress)
    t_an = round(time.perf_counter() - t0, 2)
    run = run_system(docs, dedup=dedup, story=story, analysis=analysis)
    run["seconds"]["analysis"] = t_an
    res, story_of = run["dedup"], run["story_of"]
    assert res.signatures is not None and res.position is not None
    sig = res.signatures

    def sig_of(i: int) -> np.ndarray:
        return sig[res.position[i]]  # type: ignore[index]

    base = TfidfBaseline(docs)
    out: dict[str, Any] = {"articles": len(docs), "seconds": run["seconds"], "pairs": {}, "days": {}}
    thresholds: dict[str, float] = {}
    predicted: dict[tuple[str, str], dict[str, bool]] = {}
    golds: dict[str, list[dict[str, Any]]] = {}
    cosine: dict[tuple[str, str], float] = {}
    splits = {"dev": "pairs_dev.jsonl"}
    splits.update({k: f for k, f in EXTRA_PAIR_SPLITS.items() if gold_path(f).exists()})
    splits["test"] = "pairs_test.jsonl"
    for split, fname in splits.items():
        gold = golds[split] = load_gold(fname)
        for g in gold:
            a, b = key[g["a"]], key[g["b"]]
            predicted[(g["a"], g["b"])] = {
                "copy": res.group_of[a] == res.group_of[b],
                "copy_pair": decide_pair(clean_text(docs[a], analysis), clean_text(docs[b], analysis),
                                         sig_of(a), sig_of(b), dedup,
                                         sources=(docs[a]["source"], docs[b]["source"]),
                                         days=(day_number(docs[a]["date"]), day_number(docs[b]["date"]))),
                "same_story": story_of[a] == story_of[b]}
            cosine[(g["a"], g["b"])] = base.cosine(docs[a], docs[b])
        out["pairs"][split] = pair_block(gold, predicted, cosine, thresholds)
    second = gold_path(SECOND_ANNOTATION)
    if second.exists():  # the held-out pairs labelled again, blind (see the gold README)
        gold2 = load_gold(SECOND_ANNOTATION)
        out["pairs"]["test_second"] = _pair_scores(gold2, predicted)
        out["annotators"] = annotator_agreement(golds["test"], gold2)
    for split in SPLITS:
        rows = load_gold(f"story_day_{split}.jsonl")
        g_story = {r["id"]: r["story"] for r in rows}
        g_copy = {r["id"]: r["copy"] for r in rows}
        out["days"][split] = {
            "stories": bcubed(g_story, {r["id"]: story_of[key[r["id"]]] for r in rows}),
            "copy_groups": bcubed(g_copy, {r["id"]: res.group_of[key[r["id"]]] for r in rows}),
        }
    out["threads"] = _threads_section(docs, key, story_of, run, base, thread)
    out["seconds"]["threads"] = out["threads"].pop("seconds")
    return out


def _threads_section(docs: list[dict[str, Any]], key: dict[str, int], story_of: dict[int, int], run: dict[str, Any],
                     base: TfidfBaseline, params: ThreadParams | None) -> dict[str, Any]:
    """The ``threads`` section (:mod:`marsad.eval.threads`): every story linked to a thread in
    the order it closed, scored on the labelled pairs of each split beside the TF-IDF
    baseline, and the threads' sizes over the whole corpora."""
    thread_of, secs = link_threads(run["stories"], df=run["df"], params=params)
    out: dict[str, Any] = {"seconds": secs, "corpus": size_stats(thread_of)}
    thresholds: dict[str, float] = {}
    for split, fname in THREAD_SPLITS.items():
        if not gold_path(fname).exists():
            continue
        gold = load_gold(fname)
        same, cosine = {}, {}
        for g in gold:
            a, b = key[g["a"]], key[g["b"]]
            same[(g["a"], g["b"])] = thread_of[story_of[a]] == thread_of[story_of[b]]
            cosine[(g["a"], g["b"])] = base.cosine(docs[a], docs[b])
        out[split] = thread_block(gold, same, cosine, thresholds)
    return out
