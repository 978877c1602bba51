"""Per-source template vocabulary: a source's own daily items, not its everyday words; kept
batch by batch it is the one computed from all the counts; counts flushed in a copy (a forked
worker) and applied are the ones flushed here."""

from __future__ import annotations

import pytest


def test_template_vocabulary_is_a_sources_own_daily_items_not_its_everyday_words() -> None:
    """A busy paper uses the everyday words of the news on every day, as every other source
    does: they stay in its vectors; its own daily item's words (a cartoon, an Eid greeting of
    its region) are in far more of its articles than of the collection's: those are left out."""
    from marsad.corpus.features import DocFreq
    from marsad.corpus.template_terms import TemplateTerms

    df = DocFreq()
    both = TemplateTerms(share=0.6, min_days=5, lift=3.0)
    days_only = TemplateTerms(share=0.6, min_days=5, lift=0.0)
    docs = []
    for day in range(10):
        for i in range(20):  # the paper: news, and one cartoon a day
            terms = {"وزير": 1.0, "ملك": 1.0, f"حدث{day}-{i}": 1.0}
            if i == 0:
                terms = {"كاريكاتير": 2.0}
            docs.append(("paper", day, terms))
        for i in range(60):  # the others: the same everyday words, no cartoon
            docs.append((f"other{i % 3}", day, {"وزير": 1.0, "ملك": 1.0, f"خبر{day}-{i}": 1.0}))
    df.add(t for _s, _d, t in docs)
    for tt in (both, days_only):
        for s, d, t in docs:
            tt.observe(s, d, t.keys())
        inc = tt.flush()
    days, arts = inc["paper"]
    assert (days["كاريكاتير"], arts["كاريكاتير"]) == (10, 10) and (days["#days"], arts["#days"]) == (10, 200)
    assert (days["وزير"], arts["وزير"]) == (10, 190)
    assert both.of("paper", df) == {"كاريكاتير"}
    assert days_only.of("paper", df) == {"كاريكاتير", "وزير", "ملك"}
    assert both.of("other0", df) == frozenset()  # everyone's words are no one's template
    # stored and restored, the counts give the same vocabulary
    again = TemplateTerms(share=0.6, min_days=5, lift=3.0)
    again.load("paper", both.days["paper"], dict(both.term_days["paper"]), both.articles["paper"],
               dict(both.term_articles["paper"]))
    assert again.of("paper", df) == both.of("paper", df)


def _source_batches(seed: int) -> list[list[tuple[str, int, dict[str, float]]]]:
    """Twelve batches of random articles ``(source, day, terms)`` from three sources, each with
    a vocabulary of its own size, the days advancing now and then."""
    import random

    rnd = random.Random(seed)
    words = [f"w{i}" for i in range(30)]
    day = 0
    batches = []
    for _batch in range(12):
        docs = []
        for _ in range(rnd.randrange(1, 40)):
            day += rnd.random() < 0.2
            src = rnd.choice("abc")
            k = rnd.randrange(1, 8)
            docs.append((src, day, {w: 1.0 for w in rnd.sample(words[: 10 + 10 * "abc".index(src)], k)}))
        batches.append(docs)
    return batches


@pytest.mark.parametrize("seed", range(5))
def test_template_vocabulary_kept_batch_by_batch_is_the_one_computed_from_all_counts(seed) -> None:
    """The days rule looks only at the terms counted since it last looked (the counts and the
    cut only grow): after every batch it gives what the rule gives over all the counts."""

    from marsad.corpus.features import DocFreq
    from marsad.corpus.template_terms import TemplateTerms

    tt = TemplateTerms(share=0.5, min_days=3, lift=1.5)
    df = DocFreq()
    for docs in _source_batches(seed):
        df.add(t for _s, _d, t in docs)
        for s, d, t in docs:
            tt.observe(s, d, t.keys())
        tt.flush()
        for s in "abc":
            n = tt.days[s]
            want = set() if n < 3 else {
                t for t, c in tt.term_days[s].items() if c >= 0.5 * n
                and tt.term_articles[s][t] * df.n >= 1.5 * tt.articles[s] * df.df[t]}
            assert tt.of(s, df) == want


@pytest.mark.parametrize("seed", range(5))
def test_template_counts_flushed_in_a_copy_and_applied_are_the_ones_flushed_here(seed) -> None:
    """A forked worker, a copy of the clustering state, observes and flushes a batch; the state
    here applies what it flushed (:meth:`TemplateTerms.apply`): the same counts and, whenever it
    is asked, the same vocabulary as observing and flushing here."""
    import copy

    from marsad.corpus.features import DocFreq
    from marsad.corpus.template_terms import TemplateTerms

    here, applied = TemplateTerms(share=0.5, min_days=3, lift=1.5), TemplateTerms(share=0.5, min_days=3, lift=1.5)
    df = DocFreq()
    for batch, docs in enumerate(_source_batches(seed)):
        df.add(t for _s, _d, t in docs)
        worker = copy.deepcopy(applied)
        for tt in (here, worker):
            for s, d, t in docs:
                tt.observe(s, d, t.keys())
        want = here.flush()
        got = worker.flush()
        assert got == want
        applied.apply(got)
        assert (applied.days, applied.articles) == (here.days, here.articles)
        assert applied.term_days == here.term_days and applied.term_articles == here.term_articles
        for s in "abc":
            wanted = here.of(s, df)
            if batch % 3 == 2:  # asked now and then only: what it finds does not depend on when
                assert applied.of(s, df) == wanted
    assert any(here.of(s, df) for s in "abc")


def test_a_series_is_a_title_key_printed_about_once_a_day_on_several_days() -> None:
    from marsad.corpus.features import SERIES
    from marsad.corpus.template_terms import TemplateTerms

    tt = TemplateTerms(share=0.6, min_days=5)
    for day in range(4):
        tt.observe("radio", day, [SERIES + "طقس", "سحب"])
        for _ in range(6):  # a site whose every title is its own name: not a series
            tt.observe("site", day, [SERIES + "موقع", "خبر"])
    tt.observe("radio", 9, [SERIES + "حادث"])
    tt.flush()
    assert tt.series("radio", "طقس", 3)
    assert not tt.series("radio", "طقس", 5)
    assert not tt.series("radio", "حادث", 3)
    assert not tt.series("site", "موقع", 3)
    assert not tt.series("radio", "", 3) and not tt.series("radio", "طقس", 0)


def test_a_source_of_a_few_days_has_its_own_items_words_not_its_everyday_ones() -> None:
    """Three days of a paper (fewer than ``min_days``): with ``young_lift`` its wedding notices'
    words are its vocabulary, the everyday words every source writes are not; without it (or
    on its first day alone) it has none."""
    from marsad.corpus.features import DocFreq
    from marsad.corpus.template_terms import TemplateTerms

    def counted(days: int, **kw: float) -> tuple[TemplateTerms, DocFreq]:
        tt, df = TemplateTerms(share=0.6, min_days=5, **kw), DocFreq()
        docs = []
        for day in range(days):
            for i in range(10):
                terms = {"زواج": 1.0, "اهل": 1.0, f"اسر{day}-{i}": 1.0} if i < 3 else {"وزير": 1.0, f"حدث{day}-{i}": 1.0}
                docs.append(("paper", day, terms))
                docs.append((f"other{i % 2}", day, {"وزير": 1.0, f"خبر{day}-{i}": 1.0}))
        df.add(t for _s, _d, t in docs)
        for s, d, t in docs:
            tt.observe(s, d, t.keys())
        tt.flush()
        return tt, df

    young, df = counted(3, young_days=2, young_lift=2.0)
    assert young.of("paper", df) == {"زواج", "اهل"}
    assert young.of("other0", df) == frozenset()
    old, df = counted(3)
    assert old.of("paper", df) == frozenset()
    first, df = counted(1, young_days=2, young_lift=2.0)
    assert first.of("paper", df) == frozenset()
    grown, df = counted(6, young_days=2, young_lift=2.0)  # from min_days on, the days rule
    assert grown.of("paper", df) == {"زواج", "اهل", "وزير"}
