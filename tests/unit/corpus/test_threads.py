"""Threads: the split cosines are the cosines over named, other and all terms, summed in the
first vector's order; the linker's postings hold exactly the terms of the active centroids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st


def _cosine(a: dict[str, float], b: dict[str, float], keep) -> float:  # the definition, term by term
    dot = sum(v * b[t] for t, v in a.items() if t in b and keep(t))
    na = sum(v * v for t, v in a.items() if keep(t)) ** 0.5
    nb = sum(v * v for t, v in b.items() if keep(t)) ** 0.5
    return dot / (na * nb) if dot > 0 and na and nb else 0.0


_TERMS = st.sampled_from(["e:a", "e:b", "p:x", "w1", "w2", "w3", "t:2015-08"])


@given(st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7),
       st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7))
def test_split_cosines_are_the_cosines_over_named_other_and_all_terms(a, b) -> None:
    from marsad.corpus.threads import split_cosines, split_norms

    named = lambda t: t.startswith(("e:", "p:"))  # noqa: E731
    got = split_cosines(a, b, split_norms(a), split_norms(b))
    want = (_cosine(a, b, named), _cosine(a, b, lambda t: not named(t)), _cosine(a, b, lambda t: True))
    assert got == pytest.approx(want, rel=1e-12, abs=1e-12)


@given(st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7),
       st.dictionaries(_TERMS, st.floats(0.01, 3.0), max_size=7))
def test_split_cosines_sum_the_shared_terms_in_the_first_vectors_order(a, b) -> None:
    # the threads a story joins must not depend on which vector is walked: the dot products
    # are the ones summed over ``a`` in its order, to the last bit
    from marsad.corpus.threads import split_cosines, split_norms

    dn = do = da = 0.0
    for t, v in a.items():
        if t in b:
            p = v * b[t]
            if t.startswith(("e:", "p:")):
                dn += p
            else:
                do += p
            da += p
    na, nb = split_norms(a), split_norms(b)
    want = tuple(d / (x * y) if d > 0 and x and y else 0.0 for d, x, y in zip((dn, do, da), na, nb, strict=True))
    assert split_cosines(a, b, na, nb) == want
    assert split_cosines(a, b, na, nb, {t: i for i, t in enumerate(a)}) == want


@given(st.lists(st.tuples(st.integers(0, 40), st.dictionaries(
    st.sampled_from([f"e:{i}" for i in range(6)] + [f"w{i}" for i in range(12)]), st.floats(0.1, 2.0),
    min_size=1, max_size=10)), min_size=1, max_size=25))
def test_thread_postings_hold_exactly_the_terms_of_the_active_centroids(stories) -> None:
    from marsad.corpus.threads import ThreadLinker, ThreadParams

    linker = ThreadLinker(ThreadParams(threshold=0.05, min_actors=1, window_days=10, centroid_terms=3))
    day = 0
    for gap, centroid in stories:
        day += gap
        tid = linker.add(day, day, centroid, {t: t.upper() for t in centroid})
        th = linker.state.threads[tid]
        assert len(th.centroid) <= 6 and set(th.words) <= set(th.centroid)
    want = {(t, th.id) for th in linker.state.threads.values() for t in th.centroid}
    got = {(t, tid) for t, tids in linker.postings.items() for tid in tids}
    assert got == want
    for th in linker.state.threads.values():
        assert th.norm == pytest.approx(sum(v * v for v in th.centroid.values()) ** 0.5)
