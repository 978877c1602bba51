"""Thread vectors: a story sums its articles' body vectors (the words of their whole clean
text), folds them in a merge, keeps them bounded and across stored batches; the batch form's
workers hand them over unchanged; the archive's story features read the rest of the clean text
after the lead; the thread linker compares a story's words by its thread vector."""

from __future__ import annotations

import pytest
from corpus_fixtures import archive_of, features_of, items

from marsad.corpus.story_record import Story


def _vec(*terms: str) -> dict[str, float]:
    return {t: 1.0 / len(terms) ** 0.5 for t in terms}


def test_a_story_sums_its_articles_body_vectors_and_a_merge_adds_them() -> None:
    s = Story(id=1, first_day=0, last_day=0)
    s.absorb(_vec("e:per:زيد", "سد"), frozenset(), "a", 0, keep=80, body=_vec("سد", "مزارع"))
    s.absorb(_vec("سد"), frozenset(), "b", 0, keep=80, body=_vec("سد", "قمح"))
    assert s.body == pytest.approx({"سد": 2 * 0.5**0.5, "مزارع": 0.5**0.5, "قمح": 0.5**0.5})
    other = Story(id=2, first_day=1, last_day=1)
    other.absorb(_vec("سد"), frozenset(), "c", 1, keep=80, body=_vec("شعير"))
    s.fold(other, keep=80)
    assert s.body["شعير"] == pytest.approx(1.0) and s.body["سد"] == pytest.approx(2 * 0.5**0.5)
    again = Story.from_state(1, s.to_state())
    assert again.body == s.body and Story.from_state(3, {k: v for k, v in s.to_state().items() if k != "b"}).body == {}


def test_a_storys_thread_vector_keeps_its_heaviest_words() -> None:
    """Pruned to ``keep`` words once it holds twice as many, like the centroid: bounded."""
    s = Story(id=1, first_day=0, last_day=0)
    for i in range(30):
        s.absorb({"سد": 1.0}, frozenset(), "a", 0, keep=5, body={"سد": 0.8, f"كلمة{i}": 0.6})
        assert len(s.body) <= 10
    assert "سد" in s.body and s.body["سد"] == pytest.approx(30 * 0.8)


def test_the_workers_hand_over_the_stories_thread_vectors_unchanged() -> None:
    from marsad.corpus.story_batch import cluster_stories

    recs = items()
    late = [dict(r, id=r["id"] + "-late", date="2016" + r["date"][4:]) for r in recs]
    feats = features_of(recs + late)
    one = cluster_stories(feats)[1]
    two = cluster_stories(feats, workers=2)[1]
    assert [(s.id, s.body) for s in one] == [(s.id, s.body) for s in two]
    # a story the centroid of which holds content words (not only its source's template words) has them
    assert all(s.body for s in one if any(":" not in t for t in s.centroid))
    assert not any(":" in t for s in one for t in s.body)


def test_the_archives_story_features_count_the_words_after_the_lead(tmp_path) -> None:
    """The feed reads the whole clean text: the lead's terms as before, the rest's words apart."""
    from marsad.corpus.clean_view import clean_texts
    from marsad.corpus.features import rest_terms
    from marsad.corpus.story_feed import _BODY_CHARS, _LEAD_CHARS, _story_features
    from marsad.store.corpus_store import CorpusStore

    long = {"id": "long", "source": "paper", "date": "2015-08-10T10:00:00", "title": "افتتاح سد الوادي",
            "text": ("افتتحت الهيئة العامة للري سد الوادي الكبير بعد ثلاث سنوات من العمل. " * 15)
            + "\nويقول المزارعون إن محاصيل القمح ستتضاعف بعد افتتاح السد."}
    a = archive_of(tmp_path, "rest", recs=[*items(), long])
    cs = CorpusStore(a)
    got = cs.story_inputs_after(0, limit=100, prefix=_BODY_CHARS)
    lead_only = {f.key: f for f in _story_features(cs, cs.story_inputs_after(0, limit=100, prefix=_LEAD_CHARS))}
    full = clean_texts(cs, [r[0] for r in got])
    for f in _story_features(cs, got):
        assert f.terms == lead_only[f.key].terms and f.numbers == lead_only[f.key].numbers
        assert f.rest == rest_terms(full[f.key][_LEAD_CHARS:])
    (key,) = [r[0] for r in got if r[1] == long["title"]]
    feats = {f.key: f for f in _story_features(cs, got)}
    assert feats[key].rest["قمح"] == 1 and "قمح" not in feats[key].terms


def test_the_linker_compares_a_storys_words_by_its_thread_vector() -> None:
    """The member's named terms come from the centroid, its words from the thread vector (its
    heaviest ``member_terms``); two stories whose leads share no word but whose texts do join."""
    from marsad.corpus.threads import Member, ThreadLinker, ThreadParams

    p = ThreadParams(member_terms=2, threshold=0.3, min_shared_idf=1.0, named_weight=0.2)
    m = Member.of(1, 0, 5, {"e:per:زيد": 2.0, "افتتاح": 1.0, "t:2015-08-10": 1.0}, p,
                  body={"هدن": 3.0, "خرق": 4.0, "قري": 1.0})
    assert m.named == {"e:per:زيد": 1.0} and m.other == pytest.approx({"خرق": 0.8, "هدن": 0.6})
    first = {"e:per:زيد": 1.0, "e:gpe:جزيرة": 1.0, "افتتاح": 1.0}
    later = {"e:per:زيد": 1.0, "e:org:لجنة": 1.0, "مهرجان": 1.0}
    truce = {"هدن": 1.0, "خرق": 1.0}
    by_leads = ThreadLinker(p)
    assert by_leads.add(0, 0, first, story=1) != by_leads.add(40, 40, later, story=2)
    by_texts = ThreadLinker(p)
    assert by_texts.add(0, 0, first, story=1, body=truce) == by_texts.add(40, 40, later, story=2, body=truce)


def test_a_sources_everyday_words_stay_in_its_thread_vectors() -> None:
    """The words a paper prints every day (a war's: shelling, the coalition) are left out of
    what tells one day's events apart, not of the thread vector: they are the development's."""
    from marsad.corpus.features import ArticleFeatures, body_vector
    from marsad.corpus.stories import StoryClusterer, article_vector
    from marsad.corpus.story_batch import prepare

    every_day = ["عدوان", "قصف", "مدنيين", "ميليشيا", "جبهة", "غارات", "تحالف", "شرعية", "جنود", "مواقع"]
    feats = [ArticleFeatures(key=7 * day + j, day=20000 + day, source="busy",
                             terms=dict.fromkeys(every_day, 1.0) | {f"خبر{day}_{j}": 1.0})
             for day in range(6) for j in range(3)]
    cl = StoryClusterer()
    prepare(feats, cl)
    f = feats[-1]
    drop = cl.templates.of(f.source, cl.state.df)
    assert set(every_day) <= drop
    v = article_vector(f, cl.state.df, cl.templates, cl.p)
    assert not drop & v.vec.keys() and set(every_day) <= v.body.keys()
    assert v.body == body_vector(f, cl.state.df, top=cl.p.body_terms)


def test_a_threads_centroid_and_a_storys_thread_vector_break_ties_in_one_order() -> None:
    from marsad.corpus.story_record import Story
    from marsad.corpus.threads import ThreadLinker, ThreadParams

    # five words of one weight, one heavier: a keep of 2 holds the heavy one and, of the tied,
    # the earliest in code point order, whichever order they arrive in
    vec = {"ث": 1.0, "ب": 1.0, "ت": 1.0, "ا": 1.0, "ج": 1.0, "ح": 2.0}
    story = Story(id=1, first_day=0, last_day=0)
    story.absorb({"ح": 1.0}, frozenset(), "s", 0, keep=2, body=vec)
    linker = ThreadLinker(ThreadParams(centroid_terms=2))
    tid = linker.add(0, 0, vec, {t: t for t in vec}, story=1)
    want = ["ح", "ا"]
    assert list(story.body) == want
    assert list(linker.state.threads[tid].centroid) == want
