"""Stories: reprints and an independent report of one event are one story; daily templates and
unrelated items are not; a second batch joins what the first built (in memory and in an
archive); the two seeds are two stories of one thread; titles naming other cities, the heaviest
terms looked up and rare actors shared the same days shape the score."""

from __future__ import annotations

import orjson
import pytest
from corpus_fixtures import features_of, items, weather

import marsad
from marsad.corpus.dedup import dedup_batch
from marsad.corpus.features import ArticleFeatures, article_terms, day_number
from marsad.corpus.provenance import DocInfo
from marsad.corpus.stories import StoryClusterer
from marsad.corpus.story_batch import cluster, prepare

SAME_EVENT = {"wire", "reprint-trimmed", "reprint-reordered", "reprint-of-reprint", "independent"}


def _stories(recs: list[dict]) -> dict[str, int]:
    res = dedup_batch([r["text"] for r in recs],
                      [DocInfo(key=i, published_at=r["date"], source=r["source"]) for i, r in enumerate(recs)])
    got = cluster(features_of(recs, res.group_of))
    return {r["id"]: got[i] for i, r in enumerate(recs)}


def test_one_event_is_one_story_templates_are_many() -> None:
    recs = items()
    s = _stories(recs)
    assert len({s[k] for k in SAME_EVENT}) == 1
    event = s["wire"]
    assert s["unrelated"] != event
    assert len({s[f"weather-{d}"] for d in range(6)}) == 6, "daily bulletins merged into one story"
    assert len({s[f"market-{d}"] for d in range(6)}) == 6, "market closes merged into one story"
    assert all(s[f"weather-{d}"] != event for d in range(6))


def test_independent_report_joins_without_copy_shortcut() -> None:
    recs = [r for r in items() if r["id"] in {"wire", "independent", "unrelated"}]
    s = cluster(features_of(recs))  # no copy groups at all: similarity alone
    assert s[0] == s[1] and s[2] != s[0]


def test_a_report_of_the_same_day_with_other_figures_joins_another_days_does_not() -> None:
    from dataclasses import replace

    from marsad.corpus.story_record import StoryParams

    first = {"id": "a", "source": "alwadi", "date": "2016-03-02T09:00:00",
             "title": "سيول جارفة تجتاح وادي الرمان وتغمر المزارع",
             "text": "اجتاحت سيول جارفة وادي الرمان فجر اليوم وغمرت المزارع والطرق، وقال الدفاع المدني إن "
                     "12 أسرة أجليت من 3 قرى وإن 40 منزلا تضررت، فيما أغلقت الطرق المؤدية إلى الوادي."}
    later = {"id": "b", "source": "alsahel", "date": "2016-03-02T18:00:00", "title": "ارتفاع حصيلة سيول وادي الرمان",
             "text": "ارتفعت حصيلة السيول التي اجتاحت وادي الرمان إلى 7 وفيات و25 مصابا، وأعلن الدفاع المدني "
                     "إجلاء 90 أسرة من القرى المتضررة بعد أن غمرت المياه المزارع ودمرت 150 منزلا."}
    others = [{"id": f"o{i}", "source": "x", "date": "2016-03-02T10:00:00", "title": t, "text": f"{t} {t}"}
              for i, t in enumerate(["افتتاح معرض الكتاب في المدينة", "فوز الفريق في مباراة الأمس",
                                     "ارتفاع أسعار الذهب في الأسواق", "مهرجان الشعر يختتم دورته"])]
    same_day = cluster(features_of([first, later, *others]))
    assert same_day[0] == same_day[1], "the day's second report, with a risen toll, split from its story"
    # the same-day penalty of figures apart (off by default) would keep it out
    assert len(set(cluster(features_of([first, later, *others]), replace(StoryParams(), numbers_penalty=0.5))
                   .values())) == 6
    next_day = cluster(features_of([first, dict(later, date="2016-03-03T18:00:00"), *others]))
    assert next_day[0] != next_day[1], "another day's figures joined: another day's bulletin, not this story"


def test_second_batch_joins_existing_stories() -> None:
    recs = items()
    first = [r for r in recs if r["id"] in {"wire", "unrelated"} or r["id"].startswith("weather")]
    second = [r for r in recs if r["id"] in {"independent"}] + [
        {"id": "weather-next", "source": "wx", "date": "2015-08-11T06:00:00", "title": "حالة الطقس المتوقعة اليوم",
         "text": weather(9)}]
    cl = StoryClusterer()
    f1 = features_of(first)
    got1 = {f.key: cl.add(f) for f in prepare(f1, cl)}
    f2 = [ArticleFeatures(key=100 + f.key, day=f.day, source=f.source, terms=f.terms, numbers=f.numbers)
          for f in features_of(second)]
    got2 = {f.key: cl.add(f) for f in prepare(f2, cl)}
    wire_story = got1[0]
    assert got2[100] == wire_story, "the independent report did not join the open story"
    assert got2[101] not in set(got1.values()), "a new day's bulletin joined an old bulletin's story"


def _write(path, recs) -> None:
    with open(path, "wb") as f:
        for r in recs:
            f.write(orjson.dumps(r) + b"\n")


def test_archive_incremental_copies_and_stories(tmp_path) -> None:
    recs = items()
    a = marsad.open(tmp_path / "a.db")
    b1 = [r for r in recs if r["id"] in {"wire", "reprint-trimmed", "unrelated"}]
    b2 = [r for r in recs if r["id"] in {"reprint-reordered", "reprint-of-reprint", "independent"}]
    _write(tmp_path / "b1.jsonl", b1)
    _write(tmp_path / "b2.jsonl", b2)
    from marsad.runners.local import IngestOptions

    a.ingest([str(tmp_path / "b1.jsonl")], options=IngestOptions(workers=1))
    rows1 = {r["id"]: r for r in a.iter_rows(columns=["id", "copy_group", "story", "first_published"])}
    assert rows1["wire"]["copy_group"] == rows1["reprint-trimmed"]["copy_group"]
    assert rows1["wire"]["first_published"] == 1 and rows1["reprint-trimmed"]["first_published"] == 0
    a.ingest([str(tmp_path / "b2.jsonl")], options=IngestOptions(workers=1))
    rows = {r["id"]: r for r in a.iter_rows(columns=["id", "copy_group", "story", "first_published"])}
    group = rows["wire"]["copy_group"]
    assert group == rows1["wire"]["copy_group"], "the existing group was renumbered"
    assert {k for k, r in rows.items() if r["copy_group"] == group} == {
        "wire", "reprint-trimmed", "reprint-reordered", "reprint-of-reprint"}
    assert rows["independent"]["copy_group"] != group
    story = rows["wire"]["story"]
    assert story == rows1["wire"]["story"]
    assert {k for k, r in rows.items() if r["story"] == story} == SAME_EVENT
    assert rows["unrelated"]["story"] != story
    # the export is keyed by the input id and carries the three columns
    out = tmp_path / "articles.jsonl"
    a.export(out, table="articles", format="jsonl")
    exported = {d["id"]: d for d in map(orjson.loads, out.read_bytes().splitlines())}
    assert exported["wire"]["first_published"] is True
    assert exported["reprint-of-reprint"]["first_published"] is False
    assert exported["independent"]["story"] == story
    # search can fold the copies: one hit for the group, with the count
    hits, _total = a.search("محطة الطاقة الشمسية تبوك", collapse_copies=True, limit=20)
    folded = [h for h in hits if h.copy_group == group]
    assert len(folded) == 1 and folded[0].copies == 4
    from marsad.corpus.views import story_detail

    d = story_detail(a, story)
    assert d["size"] == 5 and len(d["copy_groups"]) == 2
    big = d["copy_groups"][0]
    assert big["agency"] == "واس" or any(m["first_published"] and m["source"] == "was" for m in big["members"])
    assert len(big["edges"]) == 3


def test_seeds_are_two_stories_of_one_thread(seeds, tmp_path) -> None:
    a = marsad.open(tmp_path / "s.db")
    from marsad.runners.local import IngestOptions

    a.ingest([str(seeds / "000_fb5f7343a8c5efbe.txt"), str(seeds / "001_679cebe4c01a82f2.txt")],
             options=IngestOptions(workers=1))
    rows = {r["id"]: r for r in a.iter_rows(columns=["id", "story", "copy_group"])}
    s0, s1 = rows["000_fb5f7343a8c5efbe"]["story"], rows["001_679cebe4c01a82f2"]["story"]
    assert s0 != s1, "sixteen months apart: not one story"
    threads = {r[0]: r[1] for r in a.con.execute("SELECT story, thread FROM stories")}
    assert threads[s0] == threads[s1], "the Russia–Iran cooperation thread is not visible"
    from marsad.corpus.views import chain, story_detail

    d = story_detail(a, s1)
    member = d["copy_groups"][0]["members"][0]
    assert member["chain"][:2] == ["سبوتنيك", "العربية نت"]
    assert chain({"dateline_agency": "سبوتنيك", "credit": "العربية نت", "source": "site"}) == [
        "سبوتنيك", "العربية نت", "site"]


def test_market_closes_of_consecutive_days_from_new_sources_are_two_stories() -> None:
    """No template history yet (two outlets, one close each): the figures keep the days apart."""
    from corpus_fixtures import market_close

    recs = [{"id": f"m{d}", "source": f"paper{d}", "date": f"2015-08-0{5 + d}T15:40:00",
             "title": "مؤشر السوق السعودية يغلق مرتفعا", "text": market_close(d)} for d in range(2)]
    s = cluster(features_of(recs))
    assert s[0] != s[1]


def test_story_labels_are_words_as_titles_write_them() -> None:
    from marsad.corpus.features import surface_words

    title = "فيروس كورونا: وزارة الصحة تعلن إصابات جديدة"
    body = "أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في الرياض وجدة"
    recs = [{"title": title, "text": body}, {"title": "إصابات كورونا الجديدة", "text": body}]
    feats = []
    for i, r in enumerate(recs):
        terms, nums = article_terms(title=r["title"], body=r["text"])
        feats.append(ArticleFeatures(key=i, day=day_number("2020-03-02"), source=f"s{i}", terms=terms,
                                     numbers=nums, words=surface_words(r["title"], r["text"])))
    cl = StoryClusterer()
    ids = {cl.add(f) for f in prepare(feats, cl)}
    assert len(ids) == 1
    label = next(iter(cl.all_stories())).label()
    assert "كورونا" in label and "الصحة" in label
    assert not any(w in label for w in ("ورونا", "صحه", "يروس"))


def test_titles_naming_other_cities_lower_the_score() -> None:
    from marsad.corpus.features import places_apart, title_places, weigh
    from marsad.corpus.story_record import StoryParams

    body = ("احتفل مستشفى المدينة العام بعيد الفطر المبارك مع منسوبيه ومرضاه، وقدم مدير المستشفى "
            "التهنئة للعاملين والمرضى وتبادل معهم التهاني، ووزعت الهدايا على الأطفال المنومين في الأقسام.")
    recs = [{"id": c, "date": "2015-07-19", "source": src, "title": f"مستشفى {c} العام يعايد منسوبيه",
             "text": body} for c, src in (("جازان", "alriyadh"), ("تبوك", "okaz"))]
    ga, gb = (title_places(r["title"]) for r in recs)
    assert "c:SA" in ga and "c:SA" in gb and places_apart(ga, gb)
    # one city named as the city in one title and through its country in the other is not apart
    assert not places_apart(["g:جده", "c:SA"], ["c:SA"])
    # a city and the region named after it are one place (the Gaza Strip, Gaza); not so a name
    # that is only a part of a word of the other
    assert not places_apart(["g:قطاع غزه", "c:PS"], ["g:غزه", "c:PS"])
    assert not places_apart(["g:غزه"], ["g:قطاع غزه"])
    assert places_apart(["g:جده"], ["g:منجده"])
    assert not places_apart(["c:SA"], [])
    cl = StoryClusterer(StoryParams(places_penalty=0.5))
    first, second = prepare(features_of(recs), cl)
    sid = cl.add(first)
    assert cl.state.stories[sid].places == set(ga)
    vec = weigh(second.terms, cl.state.df)
    apart, got = cl.score(vec, second.numbers, second.day, places=gb)
    plain, got2 = cl.score(vec, second.numbers, second.day)
    assert got == got2 == sid and plain > 0 and abs(apart - 0.5 * plain) < 1e-9
    same, _ = cl.score(vec, second.numbers, second.day, places=ga)
    assert same == plain
    # the next day, an item naming other places never joins (another day's item of the kind)
    assert cl.score(vec, second.numbers, second.day + 1, places=gb) == (0.0, None)
    assert cl.score(vec, second.numbers, second.day + 1, places=ga)[1] == sid


def test_only_the_heaviest_terms_are_looked_up() -> None:
    """``lookup_terms`` looks up the article's heaviest terms only: a story sharing a lighter
    term alone is not found (and is found when every term is looked up)."""
    from marsad.corpus.story_record import StoryParams

    vec = {"خفيف": 0.3, "ثقيل": 0.954}
    for k, found in ((1, False), (2, True), (0, True)):
        cl = StoryClusterer(StoryParams(lookup_terms=k))
        first = prepare([ArticleFeatures(key=0, day=0, source="a", terms={"خفيف": 1.0, "اخر": 1.0})], cl)
        sid = cl.add(first[0])
        sc, got = cl.score(vec, frozenset(), 0)
        assert (got == sid and sc > 0) is found, k


def _actor_clusterer(bonus: float) -> tuple[StoryClusterer, int]:
    """A clusterer over 1,000 articles of other news holding one story: the first report of a
    visit, naming its two people and a ministry."""
    from marsad.corpus.story_record import StoryParams

    cl = StoryClusterer(StoryParams(actor_bonus=bonus, actor_min=2, actor_share=0.003, actor_days=1))
    cl.state.df.add({f"خبر{i}": 1.0, "وزير": 1.0} for i in range(1000))
    first = ArticleFeatures(key=0, day=100, source="a", terms={
        "زيار": 3.0, "وفد": 1.0, "ميناء": 2.0, "e:per:سالم العتيبي": 2.0, "e:per:ليلى حداد": 2.0,
        "e:org:وزاره نقل": 2.0, "e:gpe:مصر": 2.0})
    return cl, cl.add(prepare([first], cl)[0])


def test_rare_actors_shared_on_the_same_days_raise_the_score() -> None:
    """An independent report naming the same two people on the same or the next day scores
    ``actor_bonus`` more; one person in common, a day further, a common actor (named in many
    articles), a country or a title naming other places give nothing."""
    other = {"جول": 2.0, "ميناء": 1.0, "محادث": 2.0}
    both = {"e:per:سالم العتيبي": 2.0, "e:per:ليلى حداد": 2.0}
    plain_cl, sid = _actor_clusterer(0.0)
    cl, sid2 = _actor_clusterer(0.15)
    assert sid == sid2

    def score(c: StoryClusterer, terms: dict[str, float], day: int = 100, **kw: object) -> float:
        f = ArticleFeatures(key=1, day=day, source="b", terms=terms)
        vec = weigh_like(c, f)
        actors = c._rare_actors([t for t in terms if t.startswith(("e:per:", "e:org:"))])
        got, got_sid = c.score(vec, f.numbers, f.day, actors=actors, **kw)  # type: ignore[arg-type]
        assert got_sid in (sid, None)
        return got

    terms = {**other, **both}
    base = score(plain_cl, terms)
    assert 0 < base < 0.25
    assert score(cl, terms) == pytest.approx(base + 0.15)
    assert score(cl, terms, day=101) == pytest.approx(score(plain_cl, terms, day=101) + 0.15)
    assert score(cl, terms, day=102) == pytest.approx(score(plain_cl, terms, day=102))
    one = {**other, "e:per:سالم العتيبي": 2.0, "e:gpe:مصر": 2.0}
    assert score(cl, one) == pytest.approx(score(plain_cl, one))
    for c in (cl, plain_cl):
        c.state.stories[sid].places = {"g:جده", "c:SA"}
    apart = ["g:ينبع", "c:SA"]
    penalised = score(plain_cl, terms, places=apart)
    assert penalised < base and score(cl, terms, places=apart) == pytest.approx(penalised)
    for c in (cl, plain_cl):
        c.state.df.add({"e:per:ليلى حداد": 1.0} for _ in range(10))  # now in 11 of 1,011 articles
    assert score(cl, terms) == pytest.approx(score(plain_cl, terms))


def weigh_like(cl: StoryClusterer, f: ArticleFeatures) -> dict[str, float]:
    from marsad.corpus.features import scale_terms, weigh

    return scale_terms(weigh(f.terms, cl.state.df, top=cl.p.top_terms), "e:", cl.p.entity_scale)


def test_an_independent_report_naming_the_same_people_joins_their_story() -> None:
    """Two reports of one visit worded apart (cosine under the threshold) are one story when
    they name the same two people the same day, and two stories without the actor bonus."""
    from marsad.corpus.story_record import StoryParams

    filler = [ArticleFeatures(key=10 + i, day=90, source="c", terms={f"خبر{i}": 1.0, "وزير": 1.0})
              for i in range(1000)]
    reports = [
        ArticleFeatures(key=0, day=100, source="a", terms={
            "زيار": 3.0, "وفد": 1.0, "ميناء": 2.0, "e:per:سالم العتيبي": 2.0, "e:per:ليلى حداد": 2.0,
            "e:gpe:مصر": 2.0}),
        ArticleFeatures(key=1, day=100, source="b", terms={
            "جول": 2.0, "ميناء": 1.0, "محادث": 2.0, "e:per:سالم العتيبي": 2.0, "e:per:ليلى حداد": 2.0}),
    ]
    off = cluster(filler + reports, StoryParams(actor_bonus=0.0))
    on = cluster(filler + reports, StoryParams(actor_bonus=0.15))
    assert off[0] != off[1]
    assert on[0] == on[1]
    assert len(set(on.values())) == len(set(off.values())) - 1


def test_a_storys_first_publisher_is_its_earliest_member_not_the_one_that_opened_it(tmp_path) -> None:
    """The next day's reports are ingested first and open the story; the wire of the day before,
    ingested later, joins it and is its first publisher (in `marsad stories` and a thread's timeline)."""
    from marsad.corpus.views import list_stories, thread_detail
    from marsad.runners.local import IngestOptions

    recs = {r["id"]: r for r in items()}
    _write(tmp_path / "late.jsonl", [recs["reprint-of-reprint"], recs["independent"]])
    _write(tmp_path / "early.jsonl", [recs["wire"], recs["reprint-trimmed"]])
    a = marsad.open(tmp_path / "a.db")
    a.ingest([str(tmp_path / "late.jsonl")], options=IngestOptions(workers=1))
    a.ingest([str(tmp_path / "early.jsonl")], options=IngestOptions(workers=1))
    rows = {r["id"]: r for r in a.iter_rows(columns=["id", "story"])}
    story = rows["wire"]["story"]
    assert rows["independent"]["story"] == story
    opened = a.con.execute("SELECT a.id FROM stories s JOIN articles a ON a.rowid = s.first_article "
                           "WHERE s.story = ?", (story,)).fetchone()[0]
    assert opened in {"reprint-of-reprint", "independent"}
    listed = {s["story"]: s for s in list_stories(a)}
    assert listed[story]["first"]["id"] == "wire"
    thread = a.con.execute("SELECT thread FROM stories WHERE story = ?", (story,)).fetchone()[0]
    timeline = {s["story"]: s for s in thread_detail(a, thread)["timeline"]}
    assert timeline[story]["first"]["id"] == "wire"


def test_a_member_dated_by_its_day_alone_is_not_first_before_a_timed_one_of_that_day(tmp_path) -> None:
    from marsad.corpus.views import list_stories
    from marsad.runners.local import IngestOptions

    recs = {r["id"]: r for r in items()}
    day_only = dict(recs["reprint-trimmed"], date="2015-08-10")
    _write(tmp_path / "b.jsonl", [day_only, recs["wire"]])
    a = marsad.open(tmp_path / "a.db")
    a.ingest([str(tmp_path / "b.jsonl")], options=IngestOptions(workers=1))
    story = {r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}["wire"]
    assert {s["story"]: s for s in list_stories(a)}[story]["first"]["id"] == "wire"


_DAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس")


_SKIES = ("سماء مغيمة جزئيا بالشمال مع أمطار متفرقة، والرياح قوية قرب السواحل والبحر مضطرب.",
          "سحب عابرة على أغلب الجهات تتكاثف بعد الظهر بالمرتفعات، والريح ضعيفة والبحر هادئ.",
          "طقس مشمس إجمالا مع ضباب محلي صباحا بالسهول، والبحر قليل الاضطراب.",
          "أمطار رعدية بالشمال الغربي تكون غزيرة أحيانا، والرياح نشيطة من القطاع الغربي.",
          "سماء صافية بالجنوب ومغيمة بالشمال، مع انخفاض طفيف في درجات الحرارة ليلا.",
          "تقلبات جوية منتظرة آخر النهار مع رياح قوية بالسواحل الشرقية وبحر متموج.")


def _radio_week() -> list[dict]:
    """A radio's weather item on six days running, each printed under its weekday and with much
    the same figures (a mild week), and a news item of its own on each of twelve days (so the
    weather's words are on half its days: not its template vocabulary)."""
    news = ["افتتاح معرض الكتاب بالعاصمة", "إضراب أعوان النقل بالجنوب", "تدشين مستشفى جهوي جديد",
            "حملة تلقيح في المدارس", "اجتماع المجلس البلدي", "مهرجان الزيتون يختتم دورته",
            "تكريم الفائزين بمسابقة القرآن", "انطلاق موسم جني التمور", "ندوة حول الاستثمار الفلاحي",
            "إصلاح شبكة الماء بالحي الشرقي", "عرض مسرحي جديد بدار الثقافة", "قافلة صحية لفائدة الأرياف"]
    out = []
    for d in range(12):
        date = f"2017-02-{4 + d:02d}T07:00:00"
        if d < len(_DAYS):
            out.append({"id": f"wx-{d}", "source": "radio", "date": date,
                        "title": ("طقس اليوم " if d % 2 else "حالة الطقس اليوم ") + _DAYS[d],
                        "text": _SKIES[d] + f" والحرارة القصوى بين {16 + d % 2} و21 درجة بالشمال وبين 22 و25 "
                                            f"درجة بالجنوب."})
        out.append({"id": f"news-{d}", "source": "radio", "date": date, "title": news[d],
                    "text": f"{news[d]} وسط حضور من الأهالي والمسؤولين المحليين."})
    return out


def test_a_sources_daily_series_is_a_story_a_day() -> None:
    from dataclasses import replace

    from marsad.corpus.story_record import StoryParams

    recs = _radio_week()
    wx = [i for i, r in enumerate(recs) if r["id"].startswith("wx-")]
    off = cluster(features_of(recs), replace(StoryParams(), series_days=0))
    assert len({off[i] for i in wx}) < len(wx), "the bulletins no longer chain: this test shows nothing"
    got = cluster(features_of(recs))
    assert len({got[i] for i in wx}) == len(wx), "a radio's daily weather items chained into one story"
    # the day's bulletin reprinted by a paper is that day's story (the copy joins it)
    other = {"id": "wx-press", "source": "paper", "date": "2017-02-06T09:00:00", "title": "حالة الطقس اليوم",
             "text": recs[wx[2]]["text"]}
    both = _stories([*recs, other])
    assert both["wx-press"] == both["wx-2"]


def test_title_key_drops_the_day_a_title_names() -> None:
    from marsad.corpus.features import title_key

    assert title_key("طقس اليوم الجمعة") == title_key("طقس الخميس") == title_key("الطقس ليوم 12 فيفري")
    assert title_key("أبرز أخبار يوم السبت 11 فيفري 2017") == title_key("أبرز أخبار الأحد")
    assert title_key("ولي العهد يستقبل وزير الخارجية") != title_key("ولي العهد يستقبل وزير الداخلية")
    assert title_key("") == ""


def test_an_outlets_next_day_article_needs_more_to_join_a_story_it_covered() -> None:
    from dataclasses import replace

    from marsad.corpus.story_record import StoryParams

    first = {"id": "a", "source": "alwadi", "date": "2016-03-02T09:00:00",
             "title": "سيول جارفة تجتاح وادي الرمان وتغمر المزارع",
             "text": "اجتاحت سيول جارفة وادي الرمان فجر اليوم وغمرت المزارع والطرق، وقال الدفاع المدني إن "
                     "فرقه أجلت الأسر من القرى وإن المنازل تضررت، فيما أغلقت الطرق المؤدية إلى الوادي."}
    follow = {"id": "b", "source": "alwadi", "date": "2016-03-03T09:00:00",
              "title": "الدفاع المدني يواصل إجلاء أسر وادي الرمان",
              "text": "واصل الدفاع المدني إجلاء الأسر من قرى وادي الرمان بعد السيول التي غمرت المزارع، "
                      "وأعلنت البلدية فتح مدرسة لإيواء المتضررين."}
    other = {"id": "c", "source": "alsahel", "date": "2016-03-03T07:00:00",
             "title": "سيول تغمر مزارع وادي الرمان وتقطع الطرق",
             "text": "غمرت سيول جارفة مزارع وادي الرمان وقطعت الطرق المؤدية إلى الوادي، وقال الدفاع المدني "
                     "إن الأسر أجليت من القرى وإن المنازل تضررت."}
    others = [{"id": f"o{i}", "source": "x", "date": "2016-03-02T10:00:00", "title": t, "text": f"{t} {t}"}
              for i, t in enumerate(["افتتاح معرض الكتاب في المدينة", "فوز الفريق في مباراة الأمس",
                                     "ارتفاع أسعار الذهب في الأسواق", "مهرجان الشعر يختتم دورته"])]
    recs = [first, follow, other, *others]
    # the outlet's two days are all flood: in seven articles its words are its young template
    # vocabulary (template_young_lift), which is not the rule shown here
    base = replace(StoryParams(), template_young_lift=0.0)
    same = cluster(features_of(recs), replace(base, own_threshold=0.0, merge_threshold=0.0,
                                              merge_cosine=0.0))
    assert same[0] == same[1] == same[2], "the follow-up is not close enough to show the rule"
    # (merges off: a report close to both stories folds them, which is the merges' own rule)
    strict = cluster(features_of(recs), replace(base, own_threshold=0.99, merge_threshold=0.0,
                                                merge_cosine=0.0))
    assert strict[2] == strict[0], "another outlet's report of the story kept out"
    assert strict[1] != strict[0], "the outlet's own next-day article joined at the plain threshold"


def test_a_storys_members_are_listed_in_publication_order_across_time_zones(tmp_path) -> None:
    """Times of two zones: 13:30+04:00 is 09:30 UTC, before 09:45+00:00, though the strings sort
    the other way. `marsad story`, the web's story page, its title and the article's copies list
    the members as they were published."""
    from marsad.corpus.views import list_stories, story_detail
    from marsad.runners.local import IngestOptions
    from marsad.store import queries as sq

    recs = {r["id"]: r for r in items()}
    batch = [dict(recs["wire"], date="2015-08-10T13:30:00+04:00"),
             dict(recs["reprint-trimmed"], date="2015-08-10T09:45:00+00:00"),
             dict(recs["independent"], date="2015-08-10T09:00:00+00:00")]
    _write(tmp_path / "z.jsonl", batch)
    a = marsad.open(tmp_path / "a.db")
    a.ingest([str(tmp_path / "z.jsonl")], options=IngestOptions(workers=1))
    rows = {r["id"]: r for r in a.iter_rows(columns=["id", "story", "copy_group"])}
    story = rows["wire"]["story"]
    assert rows["independent"]["story"] == story and rows["reprint-trimmed"]["copy_group"] == rows["wire"]["copy_group"]
    d = story_detail(a, story)
    assert [m["id"] for m in d["copy_groups"][0]["members"]] == ["wire", "reprint-trimmed"]
    assert {s["story"]: s for s in list_stories(a)}[story]["first"]["id"] == "independent"
    web = [m["id"] for m in sq.story_members(a.con, story)]
    assert web == ["independent", "wire", "reprint-trimmed"]
    assert sq.story_brief(a.con, story)["title"] == recs["independent"]["title"]
    copies = [m["id"] for m in sq.copy_members(a.con, rows["wire"]["copy_group"])]
    assert copies == ["wire", "reprint-trimmed"]


def test_a_storys_articles_without_a_copy_are_listed_in_publication_order(tmp_path) -> None:
    from marsad.corpus.views import story_detail
    from marsad.runners.local import IngestOptions

    recs = {r["id"]: r for r in items()}
    batch = [dict(recs["wire"], date="2015-08-10T11:00:00+00:00"),  # ingested first, published second
             dict(recs["independent"], date="2015-08-10T14:00:00+04:00")]  # 10:00 UTC
    _write(tmp_path / "z.jsonl", batch)
    a = marsad.open(tmp_path / "a.db")
    a.ingest([str(tmp_path / "z.jsonl")], options=IngestOptions(workers=1))
    story = {r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}["wire"]
    d = story_detail(a, story)
    assert [g["members"][0]["id"] for g in d["copy_groups"]] == ["independent", "wire"]


def test_labels_show_written_words_only_the_shortest_spelling_of_each() -> None:
    """A stem no member writes (a light stem, a normalized spelling) is no label word; a word one
    title writes with a proclitic and another without is labelled without it."""
    from marsad.corpus.story_record import Story, label_words

    centroid = {"نيروب": 9.0, "هدن": 8.0, "احترام": 7.0, "e:per:x": 6.5, "2024": 6.0, "اقحام": 5.0, "يمن": 4.0}
    words = {"هدن": "الهدنة", "احترام": "باحترام", "2024": "ل2024", "يمن": "اليمن"}
    assert label_words(centroid, words, k=8) == ["الهدنة", "باحترام", "اليمن"]
    assert label_words(centroid, words, k=2) == ["الهدنة", "باحترام"]
    assert label_words({"نيروب": 2.0, "اقحام": 1.0}, {}, k=8) == ["نيروب", "اقحام"]  # nothing written: stems

    s = Story(id=1, first_day=-1, last_day=-1)
    vec = {"هدن": 1.0, "احترام": 1.0, "يمن": 1.0}
    s.absorb(vec, frozenset(), "a", 100, keep=80, words=[("احترام", "باحترام"), ("هدن", "الهدنة")])
    s.absorb(vec, frozenset(), "b", 100, keep=80, words=[("احترام", "احترام"), ("هدن", "للهدنة")])
    assert s.words["احترام"] == "احترام" and s.words["هدن"] == "الهدنة"  # the shorter wins, a tie keeps the first
    s.absorb(vec, frozenset(), "e", 100, keep=80, words=[("هدن", "الهدن")])  # a lead cut mid-word
    assert s.words["هدن"] == "الهدنة"
    other = Story(id=2, first_day=-1, last_day=-1)
    other.absorb({"يمن": 1.0}, frozenset(), "c", 100, keep=80, words=[("يمن", "واليمن")])
    s.absorb({"يمن": 1.0}, frozenset(), "d", 100, keep=80, words=[("يمن", "باليمن")])
    s.fold(other, keep=80)
    assert s.words["يمن"] == "باليمن"
    other.words["يمن"] = "اليمن"
    s.fold(other, keep=80)
    assert s.words["يمن"] == "اليمن"


def test_threads_list_their_biggest_story_and_story_labels_drop_proclitics(tmp_path) -> None:
    """`marsad threads` gave label words alone; each thread now names its biggest story with its
    first publisher's title. Story labels are shown as thread labels are, without the proclitics
    before the article (بالطاقة → الطاقة), stored labels of older archives too."""
    from marsad.corpus.views import list_stories, list_threads, story_detail
    from marsad.runners.local import IngestOptions

    _write(tmp_path / "b.jsonl", [r for r in items() if r["id"] in {"wire", "reprint-trimmed", "independent", "unrelated"}])
    a = marsad.open(tmp_path / "a.db")
    a.ingest([str(tmp_path / "b.jsonl")], options=IngestOptions(workers=1))
    rows = {r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}
    big, small = rows["wire"], rows["unrelated"]
    assert big != small
    a.con.execute("INSERT OR REPLACE INTO threads (thread, first_day, last_day, stories, terms) "
                  "VALUES (77, '2015-08-10', '2015-08-11', 2, ?)", (orjson.dumps(["والطاقة", "تبوك"]).decode(),))
    a.con.execute("UPDATE stories SET thread = 77, terms = ? WHERE story IN (?, ?)",
                  (orjson.dumps(["بالطاقة", "محطة", "الطاقة"]).decode(), big, small))
    a.con.commit()
    (t,) = [t for t in list_threads(a) if t["thread"] == 77]
    assert t["terms"] == ["الطاقة", "تبوك"]
    assert t["top_story"]["story"] == big and t["top_story"]["size"] == 3
    assert t["top_story"]["first"]["id"] == "wire"
    assert {s["story"]: s for s in list_stories(a)}[big]["terms"] == ["الطاقة", "محطة"]
    assert story_detail(a, big)["terms"] == ["الطاقة", "محطة"]


def test_a_story_spans_a_week_at_most() -> None:
    """A siege reported every day for twelve days by other outlets: each report joins the
    story of the day before, so without a limit it chains into one twelve-day "story"; with
    ``max_span_days`` an article opens a new story once the story it fits began more than a
    week before it."""
    from dataclasses import replace

    from marsad.corpus.story_record import StoryParams

    recs = [{"id": f"d{day}", "source": f"outlet{day}", "date": f"2016-04-{day + 1:02d}T09:00:00",
             "title": f"حصار بلدة الزيتون يدخل يومه {day + 1}",
             "text": "تواصل قوات الحصار تطويق بلدة الزيتون وقصف أحيائها، وقال سكان البلدة إن "
                     f"المواد الغذائية نفدت وإن المستشفى الميداني عالج {10 + day} جريحا، فيما "
                     "دعت منظمات الإغاثة إلى فتح ممر آمن لإخراج المدنيين من البلدة المحاصرة."}
            for day in range(12)]
    recs += [{"id": f"o{i}", "source": "x", "date": "2016-04-01T10:00:00", "title": t, "text": f"{t} {t}"}
             for i, t in enumerate(["افتتاح معرض الكتاب في المدينة", "فوز الفريق في مباراة الأمس",
                                    "ارتفاع أسعار الذهب في الأسواق", "مهرجان الشعر يختتم دورته"])]
    open_ended = cluster(features_of(recs), replace(StoryParams(), max_span_days=0))
    assert len({open_ended[i] for i in range(12)}) == 1, "the daily reports do not chain: no test"
    week = cluster(features_of(recs), StoryParams())
    assert StoryParams().max_span_days == 7
    assert len({week[i] for i in range(8)}) == 1, "days 1-8 (7 days after the first) are one story"
    assert week[8] != week[0], "the ninth day joined a story begun eight days before"
    assert len({week[i] for i in range(8, 12)}) == 1


def _topic_of_the_days(share: float) -> dict[int, int]:
    """Six stories of the day that each name Khashoggi in passing, then two developments of his
    case (the inquiry's cooperation; Pompeo's thanks) sharing nothing but his name."""
    from marsad.corpus.story_record import StoryParams

    filler = [ArticleFeatures(key=100 + i, day=90, source="c", terms={f"خبر{i}": 1.0, "وزير": 1.0})
              for i in range(1000)]
    others = [ArticleFeatures(key=10 + i, day=100, source=f"s{i}", terms={f"شان{i}": 3.0, f"امر{i}": 2.0, "خاشقج": 1.0})
              for i in range(6)]
    inquiry = ArticleFeatures(key=20, day=100, source="a", terms={"خاشقج": 2.0, "تحقيق": 2.0, "تعاون": 1.0})
    thanks = ArticleFeatures(key=21, day=100, source="b", terms={"خاشقج": 2.0, "بومبيو": 2.0, "شكر": 1.0})
    return cluster(filler + others + [inquiry, thanks], StoryParams(burst_share=share))


def test_a_name_most_active_stories_hold_does_not_make_two_developments_one_story() -> None:
    """Held by six of the eight active stories, the name weighs less, and two developments that
    share nothing else are two stories; without ``burst_share`` the name alone joins them."""
    off, on = _topic_of_the_days(0.0), _topic_of_the_days(0.1)
    assert off[20] == off[21]
    assert on[20] != on[21]
    assert len({on[k] for k in range(10, 16)}) == 6, "the stories naming him in passing stay apart"


def test_damped_weighs_common_terms_by_the_stories_holding_them() -> None:
    """A term more than ``burst_share`` of the active stories hold (and ``burst_min`` at least)
    is weighed by ``(cap / stories) ** burst_power`` and the vector made unit length again; a
    vector with no such term is returned as it is."""
    import math

    from marsad.corpus.story_record import StoryParams

    cl = StoryClusterer(StoryParams(burst_share=0.1, burst_min=2, burst_power=0.5))
    for i in range(8):  # eight stories, all naming ترامب, two of them قمه
        cl.add(ArticleFeatures(key=i, day=5, source="a", terms={f"خاص{i}": 5.0, "ترامب": 1.0,
                                                                 **({"قمه": 1.0} if i < 2 else {})}))
    assert len(cl.state.stories) == 8
    plain = {"قمه": 0.6, "هانوي": 0.8}
    assert cl.damped(plain) is plain  # two stories hold قمه: not more than the cap of 2
    got = cl.damped({"ترامب": 0.6, "هانوي": 0.8})
    w = 0.6 * math.sqrt(2 / 8)
    assert got == pytest.approx({"ترامب": w / math.hypot(w, 0.8), "هانوي": 0.8 / math.hypot(w, 0.8)})


def test_a_next_morning_report_of_yesterdays_figures_is_not_todays_item() -> None:
    from dataclasses import replace

    from marsad.corpus.story_record import StoryParams

    def close(i: str, source: str, date: str, title: str, text: str) -> dict:
        return {"id": i, "source": source, "date": date, "title": title, "text": text}

    monday = close("mon", "albursa", "2017-05-01T16:00:00", "الأسهم تغلق على تراجع حاد",
                   "تراجع مؤشر سوق الأسهم في ختام تعاملات اليوم تراجعا حادا بنسبة 3.4% خاسرا 312.55 نقطة "
                   "ليغلق عند 7412.18 نقطة، وبلغت قيمة الصفقات 6.2 مليار ريال وسط تراجع أسهم المصارف.")
    tuesday = close("tue", "alsuq", "2017-05-02T16:00:00", "مؤشر سوق الأسهم يغلق على ارتفاع طفيف",
                    "أغلق مؤشر سوق الأسهم تعاملات اليوم على ارتفاع طفيف بنسبة 0.2% رابحا 14.87 نقطة ليقف عند "
                    "مستوى 7427.05 نقطة، بتداولات قيمتها 4.9 مليار ريال، وارتفعت أسهم المصارف والاتصالات.")
    # a print paper's report of Monday's close in the words of Tuesday's, dated Tuesday by its crawl
    paper = close("paper", "alsabah", "2017-05-02T19:00:00", "مؤشر سوق الأسهم يغلق على تراجع حاد",
                  "أغلق مؤشر سوق الأسهم تعاملات أمس على تراجع حاد بنسبة 3.4% خاسرا 312.55 نقطة ليقف عند "
                  "مستوى 7412.18 نقطة، بتداولات قيمتها 6.2 مليار ريال، وتراجعت أسهم المصارف والاتصالات.")
    others = [close(f"o{i}", "x", "2017-05-01T10:00:00", t, f"{t} {t}")
              for i, t in enumerate(["افتتاح معرض الكتاب في المدينة", "فوز الفريق في مباراة الأمس",
                                     "مهرجان الشعر يختتم دورته", "وزير التعليم يزور جامعة الملك"])]
    recs = [monday, tuesday, paper, *others]
    got = cluster(features_of(recs))
    assert got[2] != got[1], "a report of Monday's figures joined Tuesday's close"
    before = cluster(features_of(recs), replace(StoryParams(), numbers_elsewhere=1.0))
    assert before[2] == before[1]  # the same day, figures apart, took it when nothing weighed them
