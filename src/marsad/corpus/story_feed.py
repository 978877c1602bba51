"""The story feed: batches of articles ready to cluster, prepared ahead by a forked worker.

The stories stage (:func:`marsad.corpus.story_stage.update_stories`) takes the articles in
rowid order, a batch at a time, from a :class:`_FeatureFeed`. While it clusters one batch, a
forked worker reads the next (on a read-only connection of its own) and computes what depends
only on the articles and on the state the batch before leaves: the per-article features
(:func:`_story_features`: the masked lead, title words, mentions, dates), the batch's
document frequencies and template counts, then its article vectors. Each run of features and
each chunk of vectors is claimed once (:func:`_claim`), by the worker or by the stage when it
asks before the worker has started it: the stories are the same whoever computes what.

:func:`story_features_ahead` starts the first batch before the copies are found (its copy
groups are read again when it is taken); :func:`story_features_batch` is the in-memory form
the benchmarks and the evaluation use.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from typing import Any, NamedTuple

from marsad.corpus.clean_view import _MASKED, _ReadOnly, mask_bounds
from marsad.corpus.features import (
    ArticleFeatures,
    DocFreq,
    article_terms,
    content_words,
    count_into,
    day_number,
    observed_terms,
    rest_terms,
    surface_words_many,
    title_key,
    title_key_of,
)
from marsad.corpus.minhash import fold_many
from marsad.corpus.stories import ArticleVector, article_vector
from marsad.corpus.story_record import StoryParams
from marsad.corpus.template_terms import TemplateTerms
from marsad.runners.pools import fork_pool
from marsad.store.corpus_store import CorpusStore


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
#: … and the thread vectors the content words of the first this many (the rest after the lead:
#: :func:`marsad.corpus.features.rest_terms`)
_BODY_CHARS = 1 << 20


def _batch_features(cs: CorpusStore, after: int, batch: int) -> list[ArticleFeatures]:
    """Features of the next ``batch`` articles after rowid ``after`` (in rowid order)."""
    got = cs.story_inputs_after(after, limit=batch, prefix=_BODY_CHARS)
    out: list[ArticleFeatures] = []
    for s in range(0, len(got), 2000):
        out.extend(_story_features(cs, got[s : s + 2000]))
    return out


#: in a forked worker: its store on a read-only connection, opened by its first run
_WORKER_STORE: list[CorpusStore] = []


def _term_counts(feats: list[ArticleFeatures]) -> Counter[str]:
    """In how many of ``feats`` each term occurs (C-level counting of all keys)."""
    return Counter(chain.from_iterable(f.terms.keys() for f in feats))


class StoryBatch(NamedTuple):
    """One batch of the stories stage, ready to cluster (:meth:`_FeatureFeed.next`)."""

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
        templates.observe(f.source, f.day, observed_terms(f))
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
    :func:`marsad.corpus.story_stage.update_stories`).

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

        global _FORKED
        self._stop_pool()
        self.gen += 1
        cuts = self._cuts(self.batch, self.run)
        # run i starts after the last row of run i - 1; a run past the end has no start
        starts = [after, *self.cs.rowids_at_offsets(after, [c - 1 for c in cuts[1:-1]])]
        _FORKED = (self.df, self.templates, self.params)
        try:
            self.pool = fork_pool(1)
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
    """The first batch of a coming :func:`marsad.corpus.story_stage.update_stories` run, being
    prepared by a forked worker (:func:`story_features_ahead`): give it to ``update_stories``,
    or ``close`` it."""

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
    templates = TemplateTerms.of_params(params)
    for source, (days, articles, tdays, tarts) in cs.load_template_counts(floor=params.template_share / 2).items():
        templates.load(source, days, tdays, articles, tarts)
    return df, templates, params


def story_features_ahead(archive: Any, *, batch: int = 20000, workers: int = 0,
                         params: StoryParams | None = None) -> StoryFeatures:
    """Start preparing the first batch of :func:`marsad.corpus.story_stage.update_stories`
    (with these ``params``) now, in the forked worker that stage would start (nothing when it
    would start none), for the caller to find the copies meanwhile
    (:func:`marsad.corpus.copy_stage.update_copies`: one core busy, the others mostly idle).

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
    the texts masked, their leads and the rest folded in one pass, the mentions and dates read in
    one range scan."""
    lo, hi = int(got[0][0]), int(got[-1][0])
    masks: dict[int, list[tuple[int, int]]] = {}
    for a, _layer, start, end, _v in cs.span_rows_between(lo, hi, _MASKED, before=_BODY_CHARS):
        masks.setdefault(a, []).append((start, end))
    mentions: dict[int, list[str]] = {}
    timexes: dict[int, list[str]] = {}
    for a, layer, _s, _e, v in cs.span_rows_between(lo, hi, ("mention", "timex")):
        (mentions if layer == "mention" else timexes).setdefault(a, []).append(v)
    texts = [mask_bounds(r[6] or "", masks.get(r[0], ())) for r in got]
    # lead and rest folded apart: the lead is the first characters as written (folding drops
    # tashkeel: the folded text's first characters would reach further)
    folded = fold_many([x for r, text in zip(got, texts, strict=True)
                        for x in (r[1] or "", text[:_LEAD_CHARS], text[_LEAD_CHARS:])])
    words = surface_words_many([(r[1] or "", text[:600]) for r, text in zip(got, texts, strict=True)])
    out = []
    for i, r in enumerate(got):
        k = int(r[0])
        # the title's content words, read once for its terms and its title key
        tw = content_words(folded[3 * i], normalized=True)
        terms, nums = article_terms(title=folded[3 * i], body=folded[3 * i + 1], mentions=mentions.get(k, ()),
                                    timexes=timexes.get(k, ()), place=r[4] or "", normalized=True, title_words=tw)
        out.append(ArticleFeatures(key=k, day=day_number(r[3]), source=r[2] or "", terms=terms, numbers=nums,
                                   copy_group=r[5], words=words[i], title_key=title_key_of(tw),
                                   rest=rest_terms(folded[3 * i + 2], normalized=True)))
    return out


def story_features_batch(rows: Sequence[dict[str, Any]]) -> list[ArticleFeatures]:
    """Features of in-memory rows (``key, title, text, source, date, copy_group`` and optional
    ``mentions``, ``timexes``, ``place``): the batch form used by benchmarks and evaluation."""
    words = surface_words_many([(r.get("title") or "", r["text"][:600]) for r in rows])
    out = []
    for r, w in zip(rows, words, strict=True):
        terms, nums = article_terms(title=r.get("title") or "", body=r["text"][:_LEAD_CHARS],
                                    mentions=r.get("mentions", ()), timexes=r.get("timexes", ()),
                                    place=r.get("place", ""))
        out.append(ArticleFeatures(key=r["key"], day=day_number(r.get("date")), source=r.get("source") or "",
                                   terms=terms, numbers=nums, copy_group=r.get("copy_group"), words=w,
                                   title_key=title_key(r.get("title") or ""),
                                   rest=rest_terms(r["text"][_LEAD_CHARS:_BODY_CHARS])))
    return out
