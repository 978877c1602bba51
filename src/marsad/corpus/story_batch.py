"""The batch form of story clustering: a whole collection at once, in forked workers.

:func:`cluster` runs the online clusterer (:class:`marsad.corpus.stories.StoryClusterer`) over
an iterable of :class:`~marsad.corpus.features.ArticleFeatures` and returns the ids after the
merges. With several workers it clusters runs of time blocks (:func:`time_blocks`) in forked
processes: blocks are cut where no article appears for more than ``window_days``, so every
story (and every merge) of a block ends before the next begins and nothing is merged across
block edges — the stories are the ones one pass gives. :func:`prepare` counts a batch into the
clusterer's document frequencies and template vocabulary and puts it in day order.
"""

from __future__ import annotations

from collections.abc import Iterable

import orjson

from marsad.corpus.features import ArticleFeatures, DocFreq, observed_terms
from marsad.corpus.stories import StoryClusterer, clustering_order, template_like_flags
from marsad.corpus.story_record import Story, StoryParams
from marsad.runners.pools import fork_each


def prepare(features: list[ArticleFeatures], clusterer: StoryClusterer) -> list[ArticleFeatures]:
    """Update document frequencies and template vocabulary with a batch; return it in order."""
    clusterer.state.df.add(f.terms for f in features)
    for f in features:
        clusterer.templates.observe(f.source, f.day, observed_terms(f))
    clusterer.templates.flush()
    return [features[i] for i in clustering_order(features, template_like_flags(features, clusterer))]


def time_blocks(batch: list[ArticleFeatures], window_days: int) -> list[tuple[int, int]]:
    """``(start, end)`` slices of a day-sorted batch cut where no article appears for more than
    ``window_days`` days: every story of one block has closed before the next block begins,
    so the blocks can be clustered apart and give the stories one pass would."""
    cuts = [0]
    for i in range(1, len(batch)):
        a, b = batch[i - 1].day, batch[i].day
        if a >= 0 and (b < 0 or b - a > window_days):
            cuts.append(i)
    cuts.append(len(batch))
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


_FORKED: tuple[StoryClusterer, list[ArticleFeatures], bool] | None = None


def _cluster_part(bounds: tuple[int, int, int]) -> tuple[list[int], int, bytes]:
    """Cluster one run of blocks in a forked worker: ``(story ids, ids used, stories)`` (the
    stories in the order they closed when asked for, as JSON: :func:`_stories_json`)."""
    assert _FORKED is not None
    cl, batch, keep = _FORKED
    lo, hi, seen_until = bounds
    # copy groups met in earlier blocks: their story has closed (what one pass would see)
    for f in batch[:seen_until]:
        if f.copy_group is not None:
            cl.state.copy_story.setdefault(f.copy_group, 0)
    ids = [cl.add(f) for f in batch[lo:hi]]
    stories = b""
    if keep:
        # one pass closes the stories still open here when the next block begins, by their
        # last day (then id): the order the thread linking gets them in
        still_open = cl.state.stories.values()
        stories = _stories_json(cl.closed + (sorted(still_open, key=lambda s: (s.last_day, s.id)) if hi < len(batch)
                                             else list(still_open)))
    return [cl.resolve(sid) for sid in ids], cl.state.next_id - 1, stories


def _stories_json(stories: list[Story]) -> bytes:
    """What the thread linking reads of each story, no more — id, days, size, centroid, label
    words, thread vector — as one JSON text: orjson writes and reads it in C, several times faster than
    pickling the records (floats come back the same to the last bit)."""
    return orjson.dumps([[s.id, s.first_day, s.last_day, s.size, s.centroid, s.words, s.body] for s in stories])


def cluster(features: Iterable[ArticleFeatures], params: StoryParams | None = None,
            clusterer: StoryClusterer | None = None, *, workers: int = 1) -> dict[int, int]:
    """Batch form: story id of every article key (the clusterer may carry earlier state).

    With ``workers`` > 1 and a fresh clusterer, runs of time blocks (:func:`time_blocks`) are
    clustered in forked processes and their story ids renumbered in order: the same stories
    and ids as one pass, in less time when the collection has gaps (several corpora, years).
    """
    return _cluster(features, params, clusterer, workers=workers, keep=False)[0]


def cluster_stories(features: Iterable[ArticleFeatures], params: StoryParams | None = None, *,
                    workers: int = 1) -> tuple[dict[int, int], list[Story], DocFreq]:
    """:func:`cluster`, the stories themselves in the order the clusterer closed them (the ones
    open at the end last: the order in which ``marsad update`` hands them to the thread
    linking; their ids are the ones of the returned mapping) and the document frequencies of
    the collection's terms (which the thread linking can weigh actors by). Stories clustered
    in a worker come back with what the linking reads only: id, days, size, centroid, label
    words and thread vector (not their figures, sources, places or actors)."""
    story_of, stories, cl = _cluster(features, params, None, workers=workers, keep=True)
    return story_of, stories, cl.state.df


def _cluster(features: Iterable[ArticleFeatures], params: StoryParams | None, clusterer: StoryClusterer | None,
             *, workers: int, keep: bool) -> tuple[dict[int, int], list[Story], StoryClusterer]:
    cl = clusterer or StoryClusterer(params)
    batch = prepare(list(features), cl)
    parts = _balanced(time_blocks(batch, cl.p.window_days), workers) if clusterer is None else []
    if len(parts) < 2:
        got = {f.key: cl.add(f) for f in batch}
        story_of = {k: cl.resolve(sid) for k, sid in got.items()} if cl.state.merged else got
        return story_of, list(cl.all_stories()) if keep else [], cl

    global _FORKED
    _FORKED = (cl, batch, keep)
    try:
        # each run of blocks in a worker of its own: a worker that finished one run would take
        # the next with its clusterer's stories and ids (one worker, both runs: wrong ids)
        results = fork_each(_cluster_part, [(lo, hi, lo) for lo, hi in parts])
    finally:
        _FORKED = None
    out: dict[int, int] = {}
    stories: list[Story] = []
    offset = 0
    for (lo, hi), (ids, used, part) in zip(parts, results, strict=True):
        for f, sid in zip(batch[lo:hi], ids, strict=True):
            out[f.key] = sid + offset
        for sid, first, last, size, centroid, words, body in orjson.loads(part) if part else ():
            stories.append(Story(id=sid + offset, first_day=first, last_day=last, size=size, centroid=centroid,
                                 words=words, body=body))
        offset += used
    return out, stories, cl


def _balanced(blocks: list[tuple[int, int]], workers: int) -> list[tuple[int, int]]:
    """Join consecutive blocks into at most ``workers`` runs of similar size (few forks)."""
    import multiprocessing as mp

    if workers < 2 or len(blocks) < 2 or "fork" not in mp.get_all_start_methods():
        return []
    total = blocks[-1][1]
    runs: list[tuple[int, int]] = []
    start = 0
    for i, (_lo, hi) in enumerate(blocks):
        left = workers - len(runs)
        if left > 1 and hi - start >= (total - start) / left and i < len(blocks) - 1:
            runs.append((start, hi))
            start = hi
    runs.append((start, total))
    return [r for r in runs if r[1] > r[0]]
