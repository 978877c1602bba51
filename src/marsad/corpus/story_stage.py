"""The stories stage over an archive: stories and threads of the articles added since its last run.

:func:`update_stories` is what ``marsad ingest`` runs after the copies (:mod:`marsad.corpus.hooks`),
and ``marsad update`` after deferred ingests. It keeps its progress (the last article rowid it
has clustered, the next story id) in ``corpus_state`` and resumes from the stored state: the
open stories, the document frequencies (``term_df``) and the per-source template vocabulary
(``source_term_days``); the threads from the active ones. Batches come from the story feed
(:mod:`marsad.corpus.story_feed`), prepared ahead by a forked worker; the clustering is
:class:`marsad.corpus.stories.StoryClusterer`, the thread linking
:class:`marsad.corpus.linking.ThreadLinking`. Each batch is one transaction: its stories, the
stories it folded into others (``story_merges``), the threads its closed stories were linked
to, and the state.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import orjson

from marsad.corpus.features import DocFreq
from marsad.corpus.linking import ThreadLinking, thread_of_state
from marsad.corpus.stories import (
    ClusterState,
    StoryClusterer,
    article_vector,
    clustering_order,
)
from marsad.corpus.story_feed import StoryFeatures, _FeatureFeed, _forks, _story_state
from marsad.corpus.story_record import Story, StoryParams
from marsad.corpus.threads import ThreadLinker, ThreadParams, ThreadState
from marsad.store.corpus_store import CorpusStore

_EPOCH = date(1970, 1, 1)


def iso_day(day: int) -> str | None:
    return (_EPOCH + timedelta(days=day)).isoformat() if day >= 0 else None


def update_stories(archive: Any, *, params: StoryParams | None = None,
                   thread_params: ThreadParams | None = None, batch: int = 20000,
                   workers: int = 0, ahead: StoryFeatures | None = None) -> dict[str, int]:
    """Cluster the articles added since the last run into stories, and stories into threads.

    A story is linked to a thread once, when it closes (no article for ``window_days``), in
    the order stories close, whatever runs the articles came in; a story still open at the end
    of a run is shown in the thread it would join then, for the while (:func:`_link_open`).

    The next batch is prepared by a forked process while this one clusters the current batch
    (:class:`marsad.corpus.story_feed._FeatureFeed`), when there is more than one core
    (``workers``: 0 = as the machine has, 1 = all in this process), an archive file and more
    than one batch to do: the per-article features (pure: lead, mentions, dates, read on a
    connection of its own), then the batch's document frequencies, template counts and article
    vectors, which depend on those and on the state the batch before leaves, not on the
    clustering; this process computes the features of the runs the worker has not started when
    it is done (and then weighs the batch itself). The stories are the same. The closed stories
    are linked to threads as the clustering closes them
    (:class:`marsad.corpus.linking.ThreadLinking`), and their links written with the batch.
    ``ahead`` is the first batch started earlier
    (:func:`marsad.corpus.story_feed.story_features_ahead`, while the copies were found): used
    when it starts where this run does and has the same batch size and parameters.

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
    # the linker weighs actors by the same document frequencies, updated batch by batch
    linking = ThreadLinking(_load_linker(cs, thread_params or ThreadParams(), df=feed.df), iso_day=iso_day)
    shown_for = dict(linking.linker.reserved)  # the stories each shown thread was kept for
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
            if vectors is None:  # not weighed by a worker: weighed here, once (the order reads them too)
                vectors = [article_vector(f, state.df, clusterer.templates, params) for f in feats]
            order = clustering_order(feats, [v.template_like for v in vectors])
            for i in order:
                f = feats[i]
                sid = clusterer.add(f, vectors[i])
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
        totals["threaded"] += _save_stories(cs, clusterer, linking, set(), final=True, shown_for=shown_for)
    finally:
        feed.close()
    cs.commit()
    return dict(totals)


#: closed stories handed to the thread linking at a time while a batch is clustered
_HAND_OVER = 500


def _save_stories(cs: CorpusStore, cl: StoryClusterer, linking: ThreadLinking, touched: set[int],
                  *, final: bool, handed: int = 0, shown_for: dict[int, int] | None = None) -> int:
    """Write the stories that changed or closed; hand closed stories to the thread linking, but
    the first ``handed`` closed ones, handed already. The threads the links changed are written
    with them, so that a run stopped after this batch's commit leaves no link to an unwritten
    thread. At the end of a run, the stories still open are linked for the while
    (:func:`_link_open`), and a thread shown at the end of the last run that none of them took
    again is dropped, its id moved to the thread of its first story (``shown_for``: story →
    the thread kept for it; :func:`_record_moves`). Returns how many stories were handed over."""
    closed_ids = {s.id for s in cl.closed}
    changed = [s for s in list(cl.closed) + list(cl.state.stories.values())
               if s.id in touched or s.id in closed_ids or (final and s.thread is None)]
    sent = {s.id for s in cl.closed[:handed]}
    to_link = [s for s in changed if s.thread is None and s.id in closed_ids and s.id not in sent]
    shown: list[int] = []
    if final:  # the threads a run's open stories were shown in, refreshed from their own state
        shown = cs.state("threads_shown").get("threads", [])
        linking.linker.touched.update(t for t in shown if t in linking.linker.state.threads)
    linking.add(to_link)
    links = linking.links()
    rows, next_id = linking.rows()  # with the batch's links: a stopped run keeps its threads
    opened: list[Story] = []
    if final:
        opened = [s for s in changed if s.thread is None and s.id not in closed_ids]
        cs.save_threads(rows)
        links, rows, next_id = _link_open(cs, linking, opened, links)
    opened_ids = {s.id for s in opened}
    out = []
    for s in changed:
        active = s.id not in closed_ids
        state = s.to_state()
        if s.id in opened_ids:
            state["t"] = None  # linked for the while: linked again when it closes
        out.append((s.id, iso_day(s.first_day), iso_day(s.last_day), s.size, len(s.sources), s.first_key,
                    1 if active else 0, orjson.dumps(s.label()).decode(),
                    orjson.dumps(state).decode() if active else ""))
    cl.closed.clear()
    cs.save_stories(out)
    cs.set_story_threads(links)
    if final:
        cs.show_threads(rows)
        _record_moves(cs, cs.drop_threads_unused(shown), shown_for or {})
    elif rows:
        cs.save_threads(rows)
    if rows or final:
        cs.set_state("threads", {"next_id": next_id})
    return len(to_link) + len(sent) + len(opened)


def _record_moves(cs: CorpusStore, dropped: list[int], shown_for: dict[int, int]) -> None:
    """Each dropped thread that was shown for stories open then (``shown_for``: story → thread)
    moves to the thread its first such story is in now: ``corpus_state`` ``threads_moved``,
    which ``marsad thread ID`` and ``/thread/ID`` follow (:func:`marsad.store.queries.moved_thread`)."""
    moves: dict[str, int] = {}
    stories_of: dict[int, list[int]] = {}
    for s, t in shown_for.items():
        stories_of.setdefault(t, []).append(s)
    for tid in dropped:
        for sid in sorted(stories_of.get(tid, ())):
            now = cs.thread_of_story(sid)
            if now is not None and now != tid:
                moves[str(tid)] = now
                break
    if moves:
        cs.set_state("threads_moved", {**cs.state("threads_moved"), **moves})


def _link_open(cs: CorpusStore, linking: ThreadLinking, opened: list[Story],
               links: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[Any, ...]], int]:
    """Link the stories still open at the end of a run for the while: each is shown in the
    thread it would join now (``stories.thread``, and the thread's days, story count and label
    count it), but neither its own stored state nor the threads' record the link, so the run
    that sees it close links it as one run would have (its whole centroid, in the order stories
    close); that run shows the threads listed here from their own state again. A story
    linked at the end of a run and never again joined the thread its first days fitted: two
    ingests of ANT v2.1, 5–11 March 2018, split by date, made 440 threads against 446 in
    one run cut at the same article (docs/stories.md). Returns the links (the closed
    stories' and these), the threads' rows to show and the next thread id."""
    before = set(linking.linker.state.threads)
    linking.add(opened)
    mine = linking.links()
    rows, next_id = linking.rows()
    # the threads these stories opened are kept for them: the first of a thread's stories to
    # open one when it closes gives it this id (ThreadLinker.reserved)
    opened_by = {sid: t for t, sid in mine if t not in before}
    cs.set_state("threads_shown", {"threads": sorted({t for t, _sid in mine}),
                                   "opened": {str(sid): t for sid, t in opened_by.items()}})
    return links + mine, rows, next_id


def _load_linker(cs: CorpusStore, params: ThreadParams, *, df: DocFreq | None = None) -> ThreadLinker:
    """The linker of the stored active threads, with the ids of the threads the stories open at
    the end of the last run were shown in reserved for them (:func:`_link_open`)."""
    st = cs.state("threads")
    active = {tid: thread_of_state(tid, orjson.loads(s), params) for tid, s in cs.active_threads()}
    linker = ThreadLinker(params, ThreadState(threads=active, next_id=int(st.get("next_id", 1))), df=df)
    linker.reserved = {int(sid): int(t) for sid, t in cs.state("threads_shown").get("opened", {}).items()}
    return linker
