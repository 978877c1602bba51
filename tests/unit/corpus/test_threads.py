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


def _df(n: int, counts: dict[str, int]):
    from collections import Counter

    from marsad.corpus.features import DocFreq

    return DocFreq(n=n, df=Counter(counts))


def test_with_rare_actors_common_countries_alone_do_not_join_a_thread_but_a_rare_actor_does() -> None:
    """With ``actor_share`` (off by default), three countries in half the news are no actors
    (the default rule chains a film festival into a sanctions thread on them); one rare actor
    in common is one."""
    from marsad.corpus.threads import ThreadLinker, ThreadParams

    rare = ThreadParams(min_actors=1, actor_share=0.003)

    countries = {"e:gpe:امريكا": 1.0, "e:gpe:ايران": 1.0, "e:gpe:فرنسا": 1.0}
    df = _df(10_000, {"e:gpe:امريكا": 4000, "e:gpe:ايران": 2500, "e:gpe:فرنسا": 1500, "e:per:زيد عمرو": 12})
    sanctions = countries | {"عقوب": 2.0, "نفط": 1.0}
    festival = countries | {"مهرجان": 2.0, "فيلم": 1.0, "عقوب": 0.5}
    linker = ThreadLinker(rare, df=df)
    assert linker.add(100, 100, sanctions) != linker.add(130, 130, festival)
    envoy = {"e:per:زيد عمرو": 1.0, "e:gpe:ايران": 1.0, "عقوب": 2.0, "مبعوث": 1.0}
    linker = ThreadLinker(rare, df=df)
    first = linker.add(100, 100, envoy)
    assert linker.add(300, 300, {"e:per:زيد عمرو": 1.0, "عقوب": 1.0, "جول": 1.0}) == first
    # the default, and any linker without document frequencies: every named term is an actor
    for linker in (ThreadLinker(df=df), ThreadLinker(rare)):
        assert linker.add(100, 100, sanctions) == linker.add(130, 130, festival)


def test_rare_named_keeps_the_terms_few_articles_hold_with_a_floor_for_small_archives() -> None:
    from marsad.corpus.threads import rare_named

    terms = ["e:gpe:مصر", "e:per:س", "p:جدة"]
    df = _df(100_000, {"e:gpe:مصر": 9000, "e:per:س": 300, "p:جدة": 301})
    assert rare_named(terms, df, share=0.003, min_df=5) == ["e:per:س"]
    # two articles: no share means anything; every term held by at most five articles counts
    assert rare_named(terms, _df(2, dict.fromkeys(terms, 2)), share=0.003, min_df=5) == terms


@pytest.mark.parametrize(("word", "shown"), [
    ("والصين", "الصين"), ("بالعراق", "العراق"), ("وبالتالي", "التالي"), ("كالعادة", "العادة"),
    ("للرئيس", "الرئيس"), ("وللرئيس", "الرئيس"), ("الصين", "الصين"),
    # too short behind the article, or no article at all: as written
    ("والد", "والد"), ("بالغ", "بالغ"), ("والي", "والي"), ("وزير", "وزير"), ("واشنطن", "واشنطن"),
    # a bare proclitic before a known name
    ("وماكرون", "ماكرون"), ("ولبنان", "لبنان"), ("بإيران", "إيران"),
])
def test_display_word_drops_the_proclitics_before_the_article_and_before_known_names(word, shown) -> None:
    from marsad.corpus.threads import display_word

    assert display_word(word, {"ماكرون", "لبنان", "ايران"}) == shown


def test_a_threads_label_is_words_titles_wrote_without_their_proclitics() -> None:
    from marsad.corpus.threads import Thread

    th = Thread(id=1, first_day=0, last_day=0, centroid={
        "صين": 3.0, "ورونا": 2.5, "ماكر": 2.0, "عراق": 1.5, "e:per:ايمانويل ماكرون": 1.0, "e:gpe:صين": 0.9},
        words={"صين": "والصين", "ماكر": "وماكرون", "عراق": "بالعراق"})
    assert th.label() == ["الصين", "ماكرون", "العراق"]  # the stem ورونا no title wrote is left out
