"""One paper's notices of a kind — weddings, condolences — are a story each, in an archive of a
few days: the paper's own daily items' words are its template vocabulary from its second day,
and a story of that paper alone naming other families does not take the next notice; one
event the paper reports twice, naming the same man, stays one story."""

from __future__ import annotations

from corpus_fixtures import archive_of

_FAMILIES = [
    ("سالم بن حمدان الغامدي", "فهد", "الطائف"), ("عطية بن خميس الزايدي", "عبدالله", "مكة"),
    ("ناصر بن سعد القحطاني", "تركي", "أبها"), ("حمد بن علي الشهري", "ماجد", "جدة"),
    ("منصور بن عيد العتيبي", "بندر", "الرياض"), ("خالد بن مبارك الدوسري", "نايف", "الدمام"),
    ("عادل بن صالح الحربي", "يوسف", "ينبع"), ("مساعد بن فالح السبيعي", "راشد", "تبوك"),
    ("إبراهيم بن سليمان الزهراني", "وليد", "الباحة"),
]

_DEATHS = [
    ("عبدالرحمن بن يحيى الفيفي", "جازان"), ("محمد بن أحمد العمري", "النماص"),
    ("سعيد بن هادي القرني", "بيشة"), ("صالح بن عوض الجهني", "المدينة المنورة"),
    ("هادي بن ناصر اليامي", "نجران"), ("فيصل بن عمر الشمراني", "خميس مشيط"),
]

_NEWS = [
    ("افتتاح معرض الكتاب الدولي بمشاركة مئتي دار نشر", "افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة مئتي دار نشر من عشرين دولة، ويستمر المعرض عشرة أيام."),
    ("ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية", "ارتفعت أسعار النفط في تعاملات اليوم بعد بيانات أظهرت تراجع المخزونات الأمريكية من الخام."),
    ("المنتخب يبدأ معسكره الإعدادي استعدادا للتصفيات", "بدأ المنتخب الوطني معسكره الإعدادي في النمسا استعدادا لمباريات التصفيات الآسيوية المقبلة."),
    ("هطول أمطار غزيرة على المرتفعات الجنوبية", "توقعت الأرصاد هطول أمطار غزيرة على المرتفعات الجنوبية مع رياح نشطة تثير الأتربة."),
    ("توقيع اتفاقية لإنشاء محطة تحلية جديدة", "وقعت المؤسسة العامة لتحلية المياه اتفاقية لإنشاء محطة جديدة بطاقة مئة ألف متر مكعب يوميا."),
    ("إطلاق حملة وطنية للتبرع بالدم", "أطلقت وزارة الصحة حملة وطنية للتبرع بالدم في جميع مناطق المملكة تستمر أسبوعين."),
]


def _notice(kind: str, i: int, per_day: int, first_hour: int, name: str, title: str, text: str) -> dict:
    """The paper's ``i``-th notice of a kind, ``per_day`` a day from ``first_hour``: ``title``
    and ``text`` with ``{surname}`` (``name``'s last word, with and without ``ال``) filled in."""
    surname = name.split()[-1]
    return {"id": f"{kind}-{i}", "source": "alwaha", "date": f"2016-05-0{1 + i // per_day}T0{first_hour + i % per_day}:00:00",
            "title": title.format(bare=surname.removeprefix("ال")), "text": text.format(surname=surname)}


def _records() -> list[dict]:
    recs = [_notice("wedding", i, 3, 1, father, "آل {bare} يحتفلون بزواج " + son,
                    f"احتفل {father} بزواج ابنه الشاب {son} في قاعة الأفراح بمدينة {city}، وسط حضور جمع من "
                    f"الأهل والأصدقاء والأعيان الذين قدموا التهاني والتبريكات بهذه المناسبة السعيدة متمنين "
                    f"للعريس حياة زوجية سعيدة.. تهانينا وألف مبروك.")
            for i, (father, son, city) in enumerate(_FAMILIES)]
    recs += [_notice("death", i, 2, 4, name, "آل {bare} يتقبلون العزاء في فقيدهم",
                     "تقبلت أسرة {surname} البارحة العزاء في وفاة " + name + " الذي انتقل إلى رحمة الله تعالى في "
                     + city + "، وأديت الصلاة عليه في المسجد ودفن في مقبرة المدينة، وتوافد عدد من الأهالي "
                     "والمسؤولين إلى منزل أسرة الفقيد لتقديم العزاء.")
             for i, (name, city) in enumerate(_DEATHS)]
    said = ("وقال المتحدث الرسمي", "وأوضح مصدر مسؤول", "وذكر بيان صحفي")
    for day in range(1, 4):
        for j, src in enumerate(("alwaha", "alsahel", "alnahar")):
            for k, (title, text) in enumerate(_NEWS):
                recs.append({"id": f"news-{day}-{src}-{k}", "source": src, "date": f"2016-05-0{day}T1{j}:0{k}:00",
                             "title": f"{title} في يومه {day}" if j else title,
                             "text": f"{text} {said[j]} إن العمل جار في اليوم {day} وفق الخطة {k}."})
    # one event the paper reports twice the same day, naming the same man
    recs.append({"id": "visit-a", "source": "alwaha", "date": "2016-05-02T08:00:00",
                 "title": "أمير المنطقة يزور مستشفى الملك فهد ويطمئن على المرضى",
                 "text": "زار الأمير سلطان بن ناصر الفارسي أمير المنطقة مستشفى الملك فهد المركزي واطمأن على صحة "
                         "المرضى المنومين، واستمع إلى شرح من مدير المستشفى عن خطط التوسعة."})
    recs.append({"id": "visit-b", "source": "alwaha", "date": "2016-05-02T09:00:00",
                 "title": "الفارسي يوجه بتسريع توسعة مستشفى الملك فهد",
                 "text": "وجه الأمير سلطان بن ناصر الفارسي أمير المنطقة خلال زيارته مستشفى الملك فهد المركزي "
                         "بتسريع أعمال التوسعة، واطمأن على صحة المرضى المنومين في أقسام المستشفى."})
    return recs


def test_a_papers_wedding_and_condolence_notices_are_a_story_each(tmp_path) -> None:
    a = archive_of(tmp_path, "notices", defer=False, recs=_records())
    story = {r["id"]: r["story"] for r in a.iter_rows(columns=["id", "story"])}
    weddings = [story[f"wedding-{i}"] for i in range(len(_FAMILIES))]
    deaths = [story[f"death-{i}"] for i in range(len(_DEATHS))]
    assert len(set(weddings)) == len(weddings), "one paper's wedding notices of other families made one story"
    assert len(set(deaths)) == len(deaths), "one paper's condolence notices of other families made one story"
    assert story["visit-a"] == story["visit-b"], "the paper's two reports of one visit fell apart"


def test_a_story_of_one_outlet_naming_other_people_scores_less_for_its_next_item() -> None:
    """An outlet's article naming people none of whom its own story names scores
    ``own_actors_penalty`` of its cosine; another outlet's, or one naming the same man, does not."""
    from dataclasses import replace

    import pytest

    from marsad.corpus.features import ArticleFeatures
    from marsad.corpus.stories import StoryClusterer, article_vector
    from marsad.corpus.story_batch import cluster, prepare
    from marsad.corpus.story_record import StoryParams

    filler = [ArticleFeatures(key=10 + i, day=90, source="c", terms={f"خبر{i}": 1.0, "وزير": 1.0})
              for i in range(1000)]
    formula = {"زواج": 2.0, "اهل": 1.0, "اصدقاء": 1.0, "قاع": 1.0}

    def notice(key: int, source: str, person: str, son: str, city: str) -> ArticleFeatures:
        return ArticleFeatures(key=key, day=100, source=source,
                               terms={**formula, son: 2.5, city: 2.5, f"e:per:{person}": 2.0})

    first = notice(0, "a", "سالم بن حمدان الغامدي", "فهد", "طايف")
    other_family = ("ناصر بن سعد القحطاني", "ترك", "ابها")
    on, off = StoryParams(), replace(StoryParams(), own_actors_penalty=1.0)
    for kind, other, joins_when_on in (("its next notice", notice(1, "a", *other_family), False),
                                       ("another outlet's", notice(1, "b", *other_family), True),
                                       ("the same man's", notice(1, "a", "سالم بن حمدان الغامدي",
                                                                 "ترك", "ابها"), True)):
        got_on, got_off = cluster([*filler, first, other], on), cluster([*filler, first, other], off)
        assert got_off[0] == got_off[1], kind
        assert (got_on[0] == got_on[1]) is joins_when_on, kind
    cl = StoryClusterer(on)
    sid = cl.add(prepare([*filler, first], cl)[-1])
    f = notice(1, "a", *other_family)
    vec = cl.damped(article_vector(f, cl.state.df, cl.templates, on).vec)
    rare = cl._rare_actors([t for t in f.terms if t.startswith("e:per:")])
    plain = cl.candidates(vec, f.numbers, f.day, actors=rare, source="b")
    own = cl.candidates(vec, f.numbers, f.day, actors=rare, source="a")
    assert plain[0][1] == own[0][1] == sid
    assert own[0][0] == pytest.approx(on.own_actors_penalty * plain[0][0])
