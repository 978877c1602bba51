"""The thread linker's index of active members (slots, postings, pooled term arrays): whatever
members come and go, its postings hold exactly their actors, each member's run holds its own
terms (the pool compacted or not), and the shared IDF the linker sums over it is, to the last
bit, what adding each member's actors one by one in a dict gives."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus.features import DocFreq
from marsad.corpus.thread_index import MemberIndex, ranges
from marsad.corpus.threads import Member, ThreadLinker, ThreadParams

_ACTORS = [f"e:{i}" for i in range(8)]


def test_ranges_are_the_runs_in_order() -> None:
    got = ranges(np.array([5, 0, 9], dtype=np.int64), np.array([2, 0, 3], dtype=np.int64))
    assert got.tolist() == [5, 6, 9, 10, 11]
    assert ranges(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)).tolist() == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.lists(st.sampled_from(_ACTORS), min_size=1, max_size=5, unique=True),
                          st.integers(1, 30)), min_size=1, max_size=80))
def test_the_index_holds_exactly_the_members_in_it(steps) -> None:
    index = MemberIndex()
    live: dict[int, tuple[tuple[str, ...], np.ndarray, np.ndarray]] = {}
    rng = np.random.default_rng(0)
    for i, (leave, actors, k) in enumerate(steps):
        if leave and live:
            gone = sorted(live)[i % len(live)]
            index.leave(gone, live.pop(gone)[0])
        cols, vals = rng.integers(0, 1000, size=k), rng.random(k)
        index.enter(i, 100 + i, tuple(actors), cols, vals)
        live[i] = (tuple(actors), cols, vals)
    assert index.postings() == {t: {m for m, (a, _c, _v) in live.items() if t in a}
                                for t in _ACTORS if any(t in a for a, _c, _v in live.values())}
    for m, (_a, cols, vals) in live.items():
        s = index.slot[m]
        at, lens = index.runs(np.array([s], dtype=np.int64))
        assert index.cols[at].tolist() == cols.tolist() and index.vals[at].tolist() == vals.tolist()
        assert int(index.ids[s]) == m and int(index.thread[s]) == 100 + m
    assert len(index) == len(live)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_ACTORS), min_size=1, max_size=6, unique=True), min_size=2, max_size=40),
       st.dictionaries(st.sampled_from(_ACTORS), st.integers(1, 500), min_size=len(_ACTORS), max_size=len(_ACTORS)),
       st.floats(0.0, 25.0))
def test_shared_idf_is_summed_as_one_member_at_a_time_in_a_dict(stories, counts, need) -> None:
    df = DocFreq(n=1000)
    df.df.update(counts)
    p = ThreadParams(min_shared_idf=need, max_postings=30)
    linker = ThreadLinker(p, df=df)
    for sid, actors in enumerate(stories[1:], start=1):
        linker._enter(Member(sid, 1, 0, {t: 1.0 for t in actors}, {"w": 1.0}, tuple(actors)))
    me = Member(0, 0, 0, {t: 1.0 for t in stories[0]}, {"w": 1.0}, tuple(stories[0]))
    slots, sums = linker._candidates(me)
    got = dict(zip(linker.index.ids[slots].tolist(), sums.tolist(), strict=True))
    # the linker before: each member's IDF added actor by actor, rarest first, in a dict
    post = linker.postings
    acts = sorted([(linker.idf(t), t) for t in me.actors if t in post and len(post[t]) <= p.max_postings],
                  key=lambda a: (-a[0], a[1]))
    mass: dict[int, float] = {}
    for w, t in acts:
        for m in post[t]:
            mass[m] = mass.get(m, 0.0) + w
    want = {m: x for m, x in mass.items() if x >= need}
    assert got == want  # the same floats, not approximately
    assert all(math.isfinite(x) for x in got.values())
