"""Stories merged after the fact: two reports of one visit that opened two stories end in one
when an article fits both, or when the stories come to share their centroid and rare actors;
titles naming other places or other figures keep them apart; the incremental stage stores what
the batch form gives, and the folded id still finds the story."""

from __future__ import annotations

from dataclasses import replace

import orjson

import marsad
from marsad.corpus.features import ArticleFeatures, article_terms
from marsad.corpus.stories import StoryClusterer
from marsad.corpus.story_batch import cluster, prepare
from marsad.corpus.story_record import StoryParams

REPORT = ("بحث وزير الخارجية سالم الراشد مع نظيره الماليزي داتو حسن كمال خلال لقائهما اليوم سبل تعزيز "
          "العلاقات الثنائية وتطوير التعاون في مجالات التجارة والتعليم والطاقة المتجددة، واستعرض الوزيران "
          "فرص الاستثمار المشترك في الموانئ وصناعة الرقائق الإلكترونية وتبادل الطلاب والمنح الجامعية.")
STATEMENT = ("صدر في ختام الزيارة بيان مشترك أكد فيه الجانبان حرصهما على توقيع مذكرة تفاهم لإنشاء مجلس "
             "تنسيقي أعلى يجتمع سنويا، ورفضهما التدخل في الشؤون الداخلية للدول، ودعمهما الحل السياسي "
             "للنزاعات الإقليمية ومكافحة القرصنة البحرية وتمويل الجماعات المسلحة.")
CLOSING = ("اختتم الراشد وكمال مباحثاتهما ببيان مشترك أكد توقيع مذكرة تفاهم لإنشاء مجلس تنسيقي أعلى، "
           "بعد أن بحثا تطوير التعاون في التجارة والتعليم والطاقة المتجددة والاستثمار في الموانئ وصناعة الرقائق.")
TITLES = ("الراشد يبحث مع نظيره الماليزي تعزيز التعاون التجاري والتعليمي",
          "نص البيان المشترك في ختام الزيارة الماليزية",
          "الراشد وكمال يختتمان المباحثات ببيان مشترك")


def _filler(n: int = 300, day: int = 90) -> list[ArticleFeatures]:
    """Other news of an earlier day (what the document frequencies are counted over)."""
    return [ArticleFeatures(key=1000 + i, day=day, source="f", terms={f"خبر{i}": 1.0, "وزير": 1.0, "اليوم": 1.0})
            for i in range(n)]


def _visit(titles: tuple[str, ...] = TITLES, bodies: tuple[str, ...] = (REPORT, STATEMENT, CLOSING),
           mentions: tuple[tuple[str, ...], ...] = ((), (), ()),
           days: tuple[int, ...] = (100, 100, 100)) -> list[ArticleFeatures]:
    out = []
    for i, (title, body, ms, day) in enumerate(zip(titles, bodies, mentions, days, strict=True)):
        terms, nums = article_terms(title=title, body=body, mentions=ms)
        out.append(ArticleFeatures(key=i, day=day, source="abc"[i], terms=terms, numbers=nums))
    return out


ARTICLE_ONLY = StoryParams(merge_threshold=0.25, merge_cosine=0.0)


def test_an_article_fitting_two_stories_of_one_visit_folds_them() -> None:
    """The talks' report and the joint statement share few words and open two stories; the
    closing report fits both: the younger story is folded into the older, members and all."""
    feats = _filler() + _visit()
    off = cluster(feats, StoryParams(merge_threshold=0.0, merge_cosine=0.0))
    assert off[0] != off[1] and off[2] in (off[0], off[1])
    on = cluster(feats, ARTICLE_ONLY)
    assert on[0] == on[1] == on[2] == off[0], "not one story, or not the older id"
    assert len(set(on.values())) == len(set(off.values())) - 1
    cl = StoryClusterer(ARTICLE_ONLY)
    for f in prepare(feats, cl):
        cl.add(f)
    assert cl.merges == [(off[1], off[0])]
    story = cl.state.stories[off[0]]
    assert story.size == 3 and set(story.sources) == {"a", "b", "c"} and off[1] not in cl.state.stories
    assert cl.resolve(off[1]) == off[0]
    # the folded story's terms are looked up under the story it went into, and nowhere else
    assert all(off[1] not in post for post in cl.postings.values())
    assert {t for t, post in cl.postings.items() if off[0] in post} == set(story.centroid)


def test_stories_begun_days_apart_are_not_folded() -> None:
    """Two stories of one event begin together: a story begun days before the other (an
    offensive and a siege elsewhere, both still covered) is another development, even when an
    article fits both (``merge_days``)."""
    terms, nums = article_terms(title=TITLES[0], body=REPORT)
    begun = [ArticleFeatures(key=10 + d, day=d, source=f"s{d}", terms=terms, numbers=nums) for d in (96, 98)]
    feats = _filler(day=80) + begun + _visit(days=(99, 100, 100))  # the report's story began on day 96
    apart = cluster(feats, ARTICLE_ONLY)
    assert apart[0] == apart[10 + 96] and apart[0] != apart[1]
    together = cluster(feats, StoryParams(merge_threshold=0.25, merge_cosine=0.0, merge_days=-1))
    assert together[0] == together[1] == together[2] == together[10 + 96]
    near = cluster(_filler(day=80) + _visit(days=(99, 100, 100)), ARTICLE_ONLY)
    assert near[0] == near[1] == near[2]


def test_stories_naming_other_places_or_figures_are_not_folded() -> None:
    """Two items of a kind (titles naming other cities, leads of other figures) stay two
    stories even when an article fits both."""
    places = (TITLES[0] + " في جازان", TITLES[1] + " في تبوك", TITLES[2])
    feats = _filler() + _visit(titles=places)
    got = cluster(feats, ARTICLE_ONLY)
    assert got[0] != got[1]
    figures = (REPORT + " وبلغ التبادل 12 مليارا و400 مليون في 2014.",
               STATEMENT + " وحضر 35 وفدا و80 شركة و15 جامعة.", CLOSING)
    feats = _filler() + _visit(bodies=figures)
    got = cluster(feats, ARTICLE_ONLY)
    assert got[0] != got[1]
    assert cluster(_filler() + _visit(), ARTICLE_ONLY)[0] == cluster(_filler() + _visit(), ARTICLE_ONLY)[1]


def test_templates_are_not_folded_by_a_low_merge_threshold() -> None:
    """Daily bulletins and market closes share their words every day: even a merge threshold
    far below the joining one folds none of them (template-like articles trigger no merge, and
    the figures of other days keep their stories apart)."""
    from corpus_fixtures import features_of, items

    recs = items()
    got = cluster(features_of(recs), StoryParams(merge_threshold=0.05, merge_cosine=0.05, merge_actors=0))
    s = {r["id"]: got[i] for i, r in enumerate(recs)}
    assert len({s[f"weather-{d}"] for d in range(6)}) == 6
    assert len({s[f"market-{d}"] for d in range(6)}) == 6


PEOPLE = ("per:سالم الراشد", "per:حسن كمال", "org:مجلس التنسيق الماليزي")


def test_stories_whose_centroids_meet_with_the_same_rare_actors_are_folded() -> None:
    """The article rule off: the closing report joins the talks' story, which has so doubled;
    its centroid is then close to the statement's, both naming the same three rare actors:
    folded into one. Without the actors (or without the rule) they stay two."""
    rule = StoryParams(merge_threshold=0.0, merge_cosine=0.2, merge_actors=3, actor_bonus=0.0)
    named = _filler(1000) + _visit(mentions=(PEOPLE,) * 3)  # named in 3 of 1,003 articles: rare
    off = cluster(named, StoryParams(merge_threshold=0.0, merge_cosine=0.0, actor_bonus=0.0))
    assert off[0] == off[2] != off[1]
    on = cluster(named, rule)
    assert on[0] == on[1] == on[2] == off[0]
    assert cluster(named, StoryParams(merge_threshold=0.0, merge_cosine=0.3, merge_actors=3, actor_bonus=0.0))[1] != off[0]
    unnamed = cluster(_filler(1000) + _visit(), rule)
    assert unnamed[0] != unnamed[1]


def _write(path, recs) -> None:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))


def _visit_records() -> list[dict]:
    others = [{"id": f"other-{i}", "source": "f", "date": "2015-08-01T09:00:00",
               "title": f"افتتاح معرض الكتاب رقم {i}", "text": f"افتتح المعرض الدوري للكتاب في دورته {i} بمشاركة دور النشر"}
              for i in range(12)]
    visit = [{"id": k, "source": src, "date": "2015-08-10T10:00:00", "title": t, "text": b}
             for k, src, t, b in zip(("report", "statement", "closing"), ("a", "b", "c"), TITLES,
                                     (REPORT, STATEMENT, CLOSING), strict=True)]
    return others + visit


def test_incremental_stage_stores_the_batch_stories_and_the_folded_id_finds_the_story(tmp_path) -> None:
    """The closing report arrives in a later run: the statement's story, stored by the first
    run, is folded into the report's; its members move, its row goes, its id still finds the
    story (``marsad story ID``, the web's story page). The batch form gives the same ids."""
    from marsad.corpus.copy_stage import update_copies
    from marsad.corpus.story_stage import update_stories
    from marsad.corpus.views import story_detail
    from marsad.runners.local import IngestOptions

    recs = _visit_records()
    a = marsad.open(tmp_path / "a.db")
    _write(tmp_path / "b1.jsonl", recs[:-1])
    _write(tmp_path / "b2.jsonl", recs[-1:])
    a.ingest([str(tmp_path / "b1.jsonl")], options=IngestOptions(workers=1, corpus=False))
    update_copies(a)
    update_stories(a, params=ARTICLE_ONLY, batch=5, workers=1)
    first = {r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}
    old, young = first["report"], first["statement"]
    assert old != young and a.con.execute("SELECT 1 FROM stories WHERE story=?", (young,)).fetchone()
    a.ingest([str(tmp_path / "b2.jsonl")], options=IngestOptions(workers=1, corpus=False))
    update_copies(a)
    update_stories(a, params=ARTICLE_ONLY, batch=5, workers=1)
    rows = {r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}
    assert rows["report"] == rows["statement"] == rows["closing"] == old
    assert a.con.execute("SELECT 1 FROM stories WHERE story=?", (young,)).fetchone() is None
    assert a.con.execute("SELECT size FROM stories WHERE story=?", (old,)).fetchone()[0] == 3
    d = story_detail(a, young)
    assert d["story"] == old and d["size"] == 3 and d["merged_from"] == young
    assert story_detail(a, old)["merged_from"] is None
    from marsad.web.queries import Pages

    assert Pages(a).story(young)["id"] == old

    # the batch form over the same features gives the same ids
    from marsad.corpus.story_feed import _story_features
    from marsad.store.corpus_store import CorpusStore

    cs = CorpusStore(a)
    feats = _story_features(cs, cs.story_inputs_after(0, limit=100, prefix=2000))
    assert cluster(feats, ARTICLE_ONLY) == {k: v for k, v in ((f.key, rows[i]) for f, i in zip(
        feats, [r["id"] for r in a.iter_rows(columns=["id"])], strict=True))}
    a.close()


#: the talks' report and the statement, their titles naming two countries (a visit that went
#: on from one to the other): no city on either side
COUNTRIES = ("الراشد يبحث في الأردن تعزيز التعاون التجاري والتعليمي",
             "نص البيان المشترك في ختام الزيارة إلى مصر", TITLES[2])


def test_strong_evidence_folds_stories_whose_titles_name_other_countries() -> None:
    """Titles naming other countries keep two stories apart while the article fitting both
    scores below ``merge_countries_cosine``; at or above it they are folded. Other cities on
    both sides (items of one template) keep them apart however strong the evidence."""
    feats = _filler() + _visit(titles=COUNTRIES)
    assert [t for t in feats[-3].terms if t.startswith(("g:", "c:"))] == ["c:JO"]
    assert [t for t in feats[-2].terms if t.startswith(("g:", "c:"))] == ["c:EG"]
    guarded = cluster(feats, StoryParams(merge_threshold=0.25, merge_cosine=0.0, merge_countries_cosine=0.0))
    assert guarded[0] != guarded[1], "other countries did not keep the stories apart"
    assert cluster(feats, StoryParams(merge_threshold=0.25, merge_cosine=0.0, merge_countries_cosine=0.99))[0] != guarded[1]
    folded = cluster(feats, StoryParams(merge_threshold=0.25, merge_cosine=0.0, merge_countries_cosine=0.25))
    assert folded[0] == folded[1] == folded[2] == guarded[0]
    cities = (TITLES[0] + " في جازان", TITLES[1] + " في تبوك", TITLES[2])
    apart = cluster(_filler() + _visit(titles=cities),
                    StoryParams(merge_threshold=0.25, merge_cosine=0.0, merge_countries_cosine=0.25))
    assert apart[0] != apart[1]


def test_close_centroids_fold_stories_whose_titles_name_other_countries() -> None:
    """The centroid rule (article rule off): the statement's story, close to the talks' and
    naming the same rare actors, is kept apart by its title's other country unless the cosine
    reaches ``merge_countries_cosine``."""
    named = _filler(1000) + _visit(titles=COUNTRIES, mentions=(PEOPLE,) * 3)
    rule = StoryParams(merge_threshold=0.0, merge_cosine=0.15, merge_actors=3, actor_bonus=0.0)
    guarded = cluster(named, replace(rule, merge_countries_cosine=0.0))
    assert guarded[0] == guarded[2] != guarded[1]
    folded = cluster(named, replace(rule, merge_countries_cosine=0.15))
    assert folded[0] == folded[1] == folded[2] == guarded[0]
    assert cluster(named, replace(rule, merge_countries_cosine=0.99))[1] != guarded[0]


def test_an_article_folds_the_same_days_story_when_the_second_began_days_before() -> None:
    """An article joins the night's strike report and fits two other stories: the siege's,
    begun three days before (``merge_days`` keeps it apart), and the same day's casualty report,
    which it folds in although it scores third."""
    def art(key: int, day: int, source: str, words: str) -> ArticleFeatures:
        return ArticleFeatures(key=key, day=day, source=source, terms=dict.fromkeys(words.split(), 1.0))

    siege = [art(10, 97, "x", "حصار مدينه قصف جيش مدفعيه"), art(11, 98, "y", "حصار مدينه قصف جيش مدفعيه")]
    strike = art(1, 100, "a", "صواريخ غارات ليلا مطار طائرات")
    casualties = art(2, 100, "b", "ضحايا مدنيين مستشفي اسعاف جرحي")
    both = art(3, 100, "c", "صواريخ غارات مطار طائرات حصار مدينه قصف ضحايا مدنيين")
    params = replace(ARTICLE_ONLY, actor_bonus=0.0)
    cl = StoryClusterer(params)
    got = {}
    for f in prepare([*_filler(), *siege, strike, casualties, both], cl):
        if f.key == 3:
            from marsad.corpus.stories import article_vector

            ranked = cl.candidates(article_vector(f, cl.state.df, cl.templates, params).vec, f.numbers, f.day)
        got[f.key] = cl.add(f)
    assert [sid for sc, sid in ranked] == [got[1], got[10], got[2]] and ranked[2][0] >= params.merge_threshold
    assert cl.merges == [(got[2], got[1])], "the same day's report not folded"
    assert cl.resolve(got[2]) == got[3] == got[1] != got[10]
