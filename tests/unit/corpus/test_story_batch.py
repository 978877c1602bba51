"""The batch form: runs of time blocks clustered in forked workers give the stories of one pass."""

from __future__ import annotations

from corpus_fixtures import features_of, items

from marsad.corpus.story_batch import cluster


def test_time_blocks_in_parallel_give_the_stories_of_one_pass() -> None:
    recs = items()
    late = [dict(r, id=r["id"] + "-late", date="2016" + r["date"][4:]) for r in recs]
    feats = features_of(recs + late)
    assert cluster(feats, workers=2) == cluster(feats)


def test_a_days_template_like_articles_are_clustered_after_its_other_articles() -> None:
    """A busy paper's report made mostly of words it prints every day is clustered after the
    day's other reports (then by key), so it finds their story instead of opening its own."""
    from marsad.corpus.features import ArticleFeatures
    from marsad.corpus.stories import StoryClusterer, article_vector
    from marsad.corpus.story_batch import prepare

    every_day = ["عدوان", "قصف", "مدنيين", "ميليشيا", "جبهة", "غارات", "تحالف", "شرعية", "جنود", "مواقع"]
    feats, key = [], 0
    for day in range(6):
        for j in range(3):
            terms = dict.fromkeys(every_day, 1.0) | {f"خبر{day}_{j}_{n}": 1.0 for n in range(4)}
            feats.append(ArticleFeatures(key=key, day=20000 + day, source="busy", terms=terms))
            key += 1
    event = {"منظمة": 1.0, "العفو": 2.0, "تقرير": 1.0, "ذخائر": 2.0, "عنقودية": 2.0}
    busy = dict.fromkeys(every_day, 1.0) | {"منظمة": 1.0, "العفو": 1.0, "عنقودية": 1.0}
    feats += [ArticleFeatures(key=100, day=20006, source="busy", terms=busy),
              ArticleFeatures(key=101, day=20006, source="a", terms=event | {"شهادات": 1.0}),
              ArticleFeatures(key=102, day=20006, source="b", terms=event | {"حطام": 1.0}),
              ArticleFeatures(key=103, day=20007, source="b", terms={"غدا": 1.0})]
    cl = StoryClusterer()
    order = [f.key for f in prepare(feats, cl)]
    assert order[-4:] == [101, 102, 100, 103]
    assert order[:18] == list(range(18))
    f = next(f for f in feats if f.key == 100)
    assert article_vector(f, cl.state.df, cl.templates, cl.p).template_like
    s = cluster(feats)
    assert s[100] == s[101] == s[102]


def test_cluster_stories_gives_the_stories_of_the_mapping_in_the_order_they_closed() -> None:
    """The stories handed to the thread linking are the ones the ids name (merged ones gone),
    each once, every story closed before any of a later block; one worker and two agree."""
    from marsad.corpus.story_batch import cluster_stories

    recs = items()
    late = [dict(r, id=r["id"] + "-late", date="2016" + r["date"][4:]) for r in recs]
    feats = features_of(recs + late)
    one = cluster_stories(feats)
    two = cluster_stories(feats, workers=2)
    assert one[0] == two[0] == cluster(feats)
    for story_of, stories, df in (one, two):
        ids = [s.id for s in stories]
        assert len(ids) == len(set(ids)) and set(ids) == set(story_of.values())
        assert sum(s.size for s in stories) == len(feats) == df.n
        firsts = [s.first_day for s in stories]
        assert max(firsts[: len(firsts) // 2]) < min(firsts[len(firsts) // 2 :])  # 2015 before 2016
    # the workers' stories come back as JSON: the same centroids to the last bit, and words
    assert [(s.id, s.size, s.first_day, s.last_day, s.centroid, s.words) for s in one[1]] == [
        (s.id, s.size, s.first_day, s.last_day, s.centroid, s.words) for s in two[1]]
