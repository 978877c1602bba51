"""Threads: a story joins the thread of its closest member story when they share actors of
enough IDF; the score is the weighted cosines of named terms and content words; the postings
hold exactly the actors (and heaviest words) of the active members; members expire after the window; a linker
resumed from the stored threads links as one that never stopped."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st


def _cos(a: dict[str, float], b: dict[str, float]) -> float:  # the definition, term by term
    dot = sum(v * b[t] for t, v in a.items() if t in b)
    na = sum(v * v for v in a.values()) ** 0.5
    nb = sum(v * v for v in b.values()) ** 0.5
    return dot / (na * nb) if na and nb else 0.0


def _df(n: int, counts: dict[str, int]):
    from collections import Counter

    from marsad.corpus.features import DocFreq

    return DocFreq(n=n, df=Counter(counts))


_TERMS = st.sampled_from(["e:a", "e:b", "p:x", "w1", "w2", "w3", "t:2015-08", "g:جده"])


@given(st.dictionaries(_TERMS, st.floats(0.01, 3.0), min_size=1, max_size=8),
       st.dictionaries(_TERMS, st.floats(0.01, 3.0), min_size=1, max_size=8))
def test_the_score_of_two_stories_is_the_weighted_cosines_of_named_terms_and_content_words(a, b) -> None:
    from marsad.corpus.threads import Member, ThreadLinker, ThreadParams

    p = ThreadParams(named_weight=0.6)
    linker = ThreadLinker(p)
    ma, mb = Member.of(1, 0, 0, a, p), Member.of(2, 0, 0, b, p)
    named = lambda v: {t: x for t, x in v.items() if t[:2] == "e:"}  # dateline places out too  # noqa: E731
    words = lambda v: {t: x for t, x in v.items() if ":" not in t}  # dates and title places out  # noqa: E731
    want = _cos(words(a), words(b))
    if named(a):
        want = 0.6 * _cos(named(a), named(b)) + 0.4 * want
    assert linker.score(ma, mb) == pytest.approx(want, rel=1e-12, abs=1e-12)


@given(st.lists(st.tuples(st.integers(0, 40), st.dictionaries(
    st.sampled_from([f"e:{i}" for i in range(6)] + [f"w{i}" for i in range(12)]), st.floats(0.1, 2.0),
    min_size=1, max_size=10)), min_size=1, max_size=25))
def test_thread_postings_hold_exactly_the_actors_of_the_active_members(stories) -> None:
    from marsad.corpus.threads import ThreadLinker, ThreadParams

    linker = ThreadLinker(ThreadParams(threshold=0.05, min_shared_idf=5.0, window_days=10, centroid_terms=3,
                                       actor_terms=2))
    day = 0
    for sid, (gap, centroid) in enumerate(stories):
        day += gap
        tid = linker.add(day, day, centroid, {t: t.upper() for t in centroid}, story=sid)
        th = linker.state.threads[tid]
        assert len(th.centroid) <= 6 and set(th.words) <= set(th.centroid) and sid in th.members
    active = {m.id: m for th in linker.state.threads.values() for m in th.members.values()}
    assert all(m.last_day >= day - 10 for m in active.values())  # the others expired
    assert active == linker.members
    want = {(t, m.id) for m in active.values() for t in m.actors}
    want |= {("w:" + w, m.id) for m in active.values() for w in m.words}  # the second route's words
    got = {(t, sid) for t, sids in linker.postings.items() for sid in sids}
    assert got == want
    closed = {th.id for th in linker.closed}
    assert not closed & linker.state.threads.keys() and all(not th.members for th in linker.closed)


#: an envoy's talks: the envoy, and faintly the committee, the island and its commander
_ENVOY = {"e:per:زيد عمرو": 1.0, "e:org:لجنة وساطة": 0.05, "e:gpe:جزيرة": 0.05, "e:per:قائد": 0.05,
          "مبعوث": 2.0, "مفاوض": 1.5, "جول": 1.0}


def _truce(i: int) -> dict[str, float]:
    """A truce report: the committee, the island, its commander, and villages of its own."""
    return {"e:org:لجنة وساطة": 1.0, "e:gpe:جزيرة": 1.0, "e:per:قائد": 1.0, f"e:gpe:قرية{i}": 1.0,
            f"e:gpe:بلدة{i}": 1.0, "هدن": 2.0, "خرق": 1.5, f"موقع{i}": 1.0}


_DF = _df(50_000, {"e:per:زيد عمرو": 40, "e:org:لجنة وساطة": 20, "e:gpe:جزيرة": 50, "e:per:قائد": 30,
                   "e:gpe:امريكا": 20_000, "e:gpe:ايران": 12_000, "e:gpe:فرنسا": 9_000})


def test_a_story_joins_the_thread_of_its_closest_member_though_the_centroid_has_moved_on() -> None:
    """An envoy's talks open a thread; a truce report naming him joins it, and fifteen more
    truce reports join that one; weeks later the envoy is back: his story is far from the
    thread's centroid, which the truce reports make (below the threshold), and close to its
    first member."""
    from marsad.corpus.threads import ThreadLinker

    linker = ThreadLinker(df=_DF)
    tid = linker.add(100, 101, _ENVOY, story=1)
    assert linker.add(105, 105, _truce(99) | {"e:per:زيد عمرو": 1.0, "مبعوث": 2.0}, story=2) == tid
    assert {linker.add(110 + i, 110 + i, _truce(i), story=3 + i) for i in range(15)} == {tid}
    back = dict(_ENVOY, عود=1.0)
    th = linker.state.threads[tid]
    named = lambda v: {t: x for t, x in v.items() if t.startswith("e:")}  # noqa: E731
    words = lambda v: {t: x for t, x in v.items() if ":" not in t}  # noqa: E731
    drifted = 0.6 * _cos(named(back), named(th.centroid)) + 0.4 * _cos(words(back), words(th.centroid))
    assert drifted < linker.p.threshold < 0.6 * _cos(named(back), named(_ENVOY)) + 0.4 * _cos(words(back), words(_ENVOY))
    assert linker.add(130, 130, back, story=30) == tid


def test_common_countries_alone_link_nothing_and_two_rare_actors_do() -> None:
    """Three countries in a quarter of the news weigh less than the IDF the rule asks for (the
    two stories score over the threshold, under the words' one); the envoy, the committee and
    the island, held by a few dozen articles each, weigh more."""
    from marsad.corpus.threads import ThreadLinker

    countries = {"e:gpe:امريكا": 1.0, "e:gpe:ايران": 1.0, "e:gpe:فرنسا": 1.0}
    linker = ThreadLinker(df=_DF)
    sanctions = linker.add(100, 100, countries | {"عقوب": 2.0, "نفط": 1.0}, story=1)
    # the same countries and a word of the first (a score over ``threshold``, under ``word_threshold``)
    festival = linker.add(130, 130, countries | {"مهرجان": 2.0, "فيلم": 1.0, "عقوب": 0.5}, story=2)
    assert sanctions != festival
    mass = sum(linker.idf(t) for t in countries)
    rare = ("e:per:زيد عمرو", "e:org:لجنة وساطة", "e:gpe:جزيرة")
    assert mass < linker.p.min_shared_idf <= sum(linker.idf(t) for t in rare)
    first = linker.add(140, 140, _ENVOY, story=3)
    assert linker.add(300, 300, dict.fromkeys(rare, 1.0) | {"مبعوث": 1.0, "جول": 1.0}, story=4) == first
    # one rare actor alone is not enough: the envoy and a word (a score under ``word_threshold``)
    assert linker.add(310, 310, {"e:per:زيد عمرو": 1.0, "مبعوث": 1.0, "زيار": 2.0, "متحف": 2.0}, story=5) != first


#: a poisoning reported twice, its people keyed apart (two spellings of one name, and the
#: city named in one report only): no actor shared
_POISON = {"e:per:سيرغي سكريبال": 1.0, "تسميم": 3.0, "جاسوس": 2.5, "غاز": 2.0, "اعصاب": 1.5, "شرط": 1.0}
_POISON_AGAIN = {"e:per:سيرجي سكريبل": 1.0, "e:gpe:سالزبوري": 1.0, "تسميم": 3.0, "جاسوس": 2.0, "غاز": 2.0,
                 "اعصاب": 1.0, "منزل": 1.0}


def test_a_story_sharing_no_actor_joins_by_its_heaviest_words_at_the_word_threshold() -> None:
    """The second route: two reports of one poisoning whose people are keyed apart share no
    actor, but one of their five heaviest words (the same four) and a score of 0.55 or more —
    the later joins; a story naming the same words more faintly (score under 0.55) does not,
    nor does the later report with the route off (``word_actors`` 0, the linker before)."""
    from dataclasses import replace

    from marsad.corpus.threads import Member, ThreadLinker, ThreadParams

    p = ThreadParams()
    first, again = Member.of(1, 0, 0, _POISON, p), Member.of(2, 0, 0, _POISON_AGAIN, p)
    assert not set(first.actors) & set(again.actors) and set(first.words) & set(again.words)
    linker = ThreadLinker(p, df=_DF)
    assert p.word_threshold <= linker.score(again, first)  # the premise
    tid = linker.add(100, 101, _POISON, story=1)
    assert linker.add(110, 110, _POISON_AGAIN, story=2) == tid
    faint = {"e:per:سيرجي سكريبل": 1.0, "تسميم": 1.0, "جاسوس": 0.5, "سفار": 3.0, "طرد": 3.0, "دبلوماس": 2.0}
    assert linker.score(Member.of(3, 0, 0, faint, p), first) < p.word_threshold
    assert linker.add(111, 111, faint, story=3) != tid
    off = ThreadLinker(replace(p, word_actors=0), df=_DF)
    one = off.add(100, 101, _POISON, story=1)
    assert off.add(110, 110, _POISON_AGAIN, story=2) != one and not off.members[2].words


def test_a_dateline_place_is_neither_a_named_term_nor_an_actor() -> None:
    """Two stories of one commander filed from one newsroom (عرعر), a raid and floods: the
    place and the commander weighed 12 in IDF together and the score passed 0.25, so they were
    one thread; the place is left out now (a newsroom is no actor), the commander alone weighs
    less, and the words differ too much for the second route. A member stored with a place
    among its named terms is restored without it, its named terms a unit vector again."""
    import math

    from marsad.corpus.threads import Member, ThreadLinker, ThreadParams

    raid = {"e:per:قائد": 1.0, "p:عرعر": 1.0, "هجوم": 1.0, "موصل": 1.0}
    floods = {"e:per:قائد": 1.0, "p:عرعر": 1.0, "هجوم": 1.0, "مطر": 2.0, "سيول": 2.0}
    p = ThreadParams()
    linker = ThreadLinker(p, df=_DF)
    a, b = Member.of(1, 0, 0, raid, p), Member.of(2, 0, 0, floods, p)
    assert a.named == {"e:per:قائد": 1.0} and a.actors == ("e:per:قائد",)
    assert linker.idf("e:per:قائد") < p.min_shared_idf <= linker.idf("e:per:قائد") + linker.idf("p:عرعر")
    assert p.threshold <= linker.score(a, b) < p.word_threshold  # the premise
    assert linker.add(100, 100, raid, story=1) != linker.add(120, 120, floods, story=2)
    stored = Member.restore(3, 7, 100, {"e:per:قائد": 0.6, "p:عرعر": 0.8}, {"هجوم": 1.0}, p)
    assert stored.named == {"e:per:قائد": 1.0} and stored.actors == ("e:per:قائد",)
    kept = {"e:per:قائد": 0.6, "e:gpe:جزيرة": 0.8}
    assert Member.restore(4, 7, 100, kept, {"هجوم": 1.0}, p).named is kept  # stored since: as it is
    assert math.isclose(sum(v * v for v in stored.named.values()), 1.0)


def test_members_expire_after_the_window_and_a_thread_without_members_closes() -> None:
    from marsad.corpus.threads import ThreadLinker, ThreadParams

    linker = ThreadLinker(ThreadParams(window_days=30), df=_DF)
    tid = linker.add(100, 105, _ENVOY, story=1)
    assert linker.add(135, 135, _ENVOY, story=2) == tid  # 30 days after the last day: still in
    later = linker.add(166, 166, _ENVOY, story=3)  # 31 days after the last member's last day
    assert later != tid and [th.id for th in linker.closed] == [tid]
    assert set(linker.members) == {3} and linker.closed[0].stories == 2


def test_a_linker_resumed_from_the_stored_threads_links_as_one_that_never_stopped() -> None:
    """The stored state of the active threads (centroid, label words, members) brings back
    the same postings and decisions: stories linked in two runs or one get the same threads."""
    import orjson

    from marsad.corpus.linking import thread_of_state, thread_rows
    from marsad.corpus.threads import ThreadLinker, ThreadParams, ThreadState

    p = ThreadParams(window_days=60)
    bridge = _truce(9) | {"e:per:زيد عمرو": 1.0, "مبعوث": 2.0}
    stories = [(100, _ENVOY), (101, bridge), (120, _truce(1)), (150, {"مهرجان": 1.0, "فيلم": 1.0}),
               (170, dict(_ENVOY, جول=1.0)), (240, _truce(2)), (250, dict(_ENVOY, مبعوث=0.5)), (251, _truce(3))]
    one = ThreadLinker(p, df=_DF)
    want = [one.add(d, d, c, story=i) for i, (d, c) in enumerate(stories)]
    first = ThreadLinker(p, df=_DF)
    got = [first.add(d, d, c, story=i) for i, (d, c) in enumerate(stories[:5])]
    rows = {r[0]: r for r in thread_rows(first, lambda day: day)}
    active = {tid: thread_of_state(tid, orjson.loads(r[6]), p) for tid, r in rows.items() if r[4]}
    again = ThreadLinker(p, ThreadState(threads=active, next_id=first.state.next_id), df=_DF)
    assert again.postings == first.postings
    got += [again.add(d, d, c, story=i + 5) for i, (d, c) in enumerate(stories[5:])]
    assert got == want and len(set(want)) > 1


def test_a_thread_stored_before_members_were_kept_is_joined_by_its_centroid() -> None:
    from marsad.corpus.linking import thread_of_state
    from marsad.corpus.threads import ThreadLinker, ThreadParams, ThreadState

    p = ThreadParams()
    th = thread_of_state(7, {"c": _ENVOY, "f": 100, "l": 101, "z": 3, "w": {}}, p)
    assert list(th.members) == [-7]
    linker = ThreadLinker(p, ThreadState(threads={7: th}, next_id=8), df=_DF)
    assert linker.add(130, 130, dict(_ENVOY, جول=1.0), story=1) == 7


@pytest.mark.parametrize(("word", "shown"), [
    ("والصين", "الصين"), ("بالعراق", "العراق"), ("وبالتالي", "التالي"), ("كالعادة", "العادة"),
    ("للرئيس", "الرئيس"), ("وللرئيس", "الرئيس"), ("الصين", "الصين"),
    # too short behind the article, or no article at all: as written
    ("والد", "والد"), ("بالغ", "بالغ"), ("والي", "والي"), ("وزير", "وزير"), ("واشنطن", "واشنطن"),
    # a bare proclitic before a known name
    ("وماكرون", "ماكرون"), ("ولبنان", "لبنان"), ("بإيران", "إيران"),
])
def test_display_word_drops_the_proclitics_before_the_article_and_before_known_names(word, shown) -> None:
    from marsad.corpus.story_record import display_word

    assert display_word(word, {"ماكرون", "لبنان", "ايران"}) == shown


def test_a_threads_label_is_words_titles_wrote_without_their_proclitics() -> None:
    from marsad.corpus.threads import Thread

    th = Thread(id=1, first_day=0, last_day=0, centroid={
        "صين": 3.0, "ورونا": 2.5, "ماكر": 2.0, "عراق": 1.5, "e:per:ايمانويل ماكرون": 1.0, "e:gpe:صين": 0.9},
        words={"صين": "والصين", "ماكر": "وماكرون", "عراق": "بالعراق"})
    assert th.label() == ["الصين", "ماكرون", "العراق"]  # the stem ورونا no title wrote is left out


def test_a_threads_label_leaves_figures_out_and_falls_back_to_stems_as_a_storys_does() -> None:
    """The thread's label is the story label's rule (``label_words``) on words shown without
    their proclitics: a figure behind a proclitic is no word, and a centroid no title wrote a
    word of is labelled by its heaviest stems."""
    from marsad.corpus.story_record import label_words
    from marsad.corpus.threads import Thread

    th = Thread(id=1, first_day=0, last_day=0, centroid={"2024": 3.0, "مونديال": 2.0, "بالمغرب": 1.0},
                words={"2024": "ل2024", "مونديال": "والمونديال", "بالمغرب": "بالمغرب"})
    assert th.label() == ["المونديال", "المغرب"]
    assert label_words(th.centroid, th.words) == ["والمونديال", "بالمغرب"]
    bare = Thread(id=2, first_day=0, last_day=0, centroid={"ورونا": 2.0, "e:gpe:صين": 1.0, "لقاح": 1.5})
    assert bare.label() == ["ورونا", "لقاح"]


def test_a_threads_label_shows_the_crown_prince_whole_and_leaves_the_particles_of_names_out() -> None:
    """A label is words a reader recognises: ولي and عهد (the tokens of ولي العهد) are shown as
    the title, where ولي stood; بن and عبد (cut from محمد بن سلمان, عبد الكريم) are left out, and
    the next words take their places; عهد without ولي (a first name) stays."""
    from marsad.corpus.threads import Thread, readable

    th = Thread(id=1, first_day=0, last_day=0, centroid={
        "ولي": 3.0, "بن": 2.8, "سلم": 2.5, "عهد": 2.2, "عبد": 2.0, "فرنس": 1.5, "زيار": 1.2, "اوبر": 1.0},
        words={"ولي": "ولي", "بن": "بن", "سلم": "سلمان", "عهد": "العهد", "عبد": "عبد", "فرنس": "وفرنسا",
               "زيار": "زيارة", "اوبر": "الأوبرا"})
    assert th.label(k=4) == ["ولي العهد", "سلمان", "وفرنسا", "زيارة"]
    assert readable(["التميمي", "عهد", "الفتاة"]) == ["التميمي", "عهد", "الفتاة"]
    assert readable(["الأسد", "ولي", "زكريا"]) == ["الأسد", "زكريا"]


def test_a_threads_label_leaves_function_words_out_as_a_storys_does() -> None:
    """Titles that ask (هل، لماذا، كيف …) or say against (ضد) give their centroids words the
    features keep, and على written with ى is none of the features' stop words (they fold it to
    علي): neither a thread's label nor a story's shows them, alone or after و/ف, and the next
    words take their places."""
    from marsad.corpus.story_record import label_words
    from marsad.corpus.threads import Thread

    centroid = {"ترامب": 3.0, "هل": 2.9, "ماكر": 2.5, "علي": 2.4, "وهل": 2.2, "ضد": 2.1, "دمشق": 2.0,
                "ماذا": 1.9, "ردود": 1.5, "e:per:ايمانويل ماكرون": 1.0}
    words = {"ترامب": "ترامب", "هل": "هل", "ماكر": "وماكرون", "علي": "على", "وهل": "وهل", "ضد": "ضد",
             "دمشق": "دمشق", "ماذا": "لماذا", "ردود": "ردود"}
    th = Thread(id=1, first_day=0, last_day=0, centroid=centroid, words=words)
    assert th.label(k=4) == ["ترامب", "ماكرون", "دمشق", "ردود"]
    assert label_words(centroid, words, k=4) == ["ترامب", "وماكرون", "دمشق", "ردود"]
    assert label_words({"هل": 2.0, "بن": 1.5, "سلم": 1.0}, {}, k=8) == ["سلم"]  # stems alone: the same rule


@pytest.mark.parametrize(("word", "dropped"), [
    ("هل", True), ("وهل", True), ("فلماذا", True), ("ضد", True), ("على", True), ("وعلى", True),
    ("بن", True), ("أبو", True), ("وآل", True), ("عبد", True),
    # و/ف before أي، أو، أم: a word (Wi-Fi, the FAO, the Emirates' agency); آبي is Abe or Abiy
    ("واي", False), ("فاو", False), ("وام", False), ("آبي", False), ("ولي", False), ("الحكومة", False),
])
def test_label_stopwords(word, dropped) -> None:
    from marsad.corpus.story_record import label_stopword

    assert label_stopword(word) is dropped


def test_a_threads_label_words_drop_a_proclitic_one_of_its_stories_wrote_without() -> None:
    """A thread labels a stem by a spelling without a proclitic once one of its stories' titles
    writes it so, as a story does for its articles: the first story's ومرسيليا and لأرسنال give
    way to a later story's مرسيليا (the thread kept the first spelling it met, and its label read
    ومرسيليا); but the article stays (الحكومة, not a title's bare حكومة)."""
    from marsad.corpus.threads import ThreadLinker, ThreadParams

    linker = ThreadLinker(ThreadParams())
    vec = {"e:org:ارسنال": 2.0, "e:per:ارسين فينغر": 2.0, "p:لندن": 1.0, "مرسيل": 1.5, "ارسنال": 1.4,
           "حكوم": 1.3}
    t1 = linker.add(0, 0, vec, {"مرسيل": "ومرسيليا", "ارسنال": "أرسنال", "حكوم": "الحكومة"}, story=1)
    t2 = linker.add(1, 1, vec, {"مرسيل": "مرسيليا", "ارسنال": "لأرسنال", "حكوم": "حكومة"}, story=2)
    assert t1 == t2
    th = linker.state.threads[t1]
    assert th.words == {"مرسيل": "مرسيليا", "ارسنال": "أرسنال", "حكوم": "الحكومة"}
    assert th.label() == ["مرسيليا", "أرسنال", "الحكومة"]


def test_marsad_threads_shows_labels_stored_with_fragments_readable(tmp_path) -> None:
    """Labels stored before (with ولي، عهد، بن، هل، ضد) are shown by ``marsad threads`` and
    ``marsad thread ID`` by the same rule."""
    import orjson
    from corpus_fixtures import archive_of

    from marsad.corpus.views import list_threads, thread_detail
    from marsad.store.corpus_store import CorpusStore

    a = archive_of(tmp_path, "labels")
    cs = CorpusStore(a)
    cs.save_threads([(7, "2018-04-01", "2018-04-10", 2, 0, orjson.dumps(["ولي", "بن", "عهد", "هل", "والعراق", "ضد"]).decode(), "")])
    cs.commit()
    assert [r["terms"] for r in list_threads(a) if r["thread"] == 7] == [["ولي العهد", "العراق"]]
    assert thread_detail(a, 7)["terms"] == ["ولي العهد", "العراق"]
    a.close()


def test_the_threads_export_is_the_list_marsad_threads_shows(tmp_path) -> None:
    """`export --table threads` writes each thread as `marsad threads` lists it: its label words
    read as titles (a label stored with fragments and function words too), its biggest story."""
    import orjson
    from corpus_fixtures import archive_of

    from marsad.corpus.views import list_threads
    from marsad.store.corpus_store import CorpusStore

    a = archive_of(tmp_path, "export")
    cs = CorpusStore(a)
    cs.save_threads([(7, "2018-04-01", "2018-04-10", 2, 0, orjson.dumps(["ولي", "عهد", "هل", "والعراق"]).decode(), ""),
                     (8, "2018-04-02", "2018-04-03", 3, 0, orjson.dumps(["قمة"]).decode(), "")])
    cs.commit()
    out = tmp_path / "threads.jsonl"
    assert a.export(out, table="threads") == 2
    rows = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [(r["thread"], r["stories"], r["terms"]) for r in rows] == [(8, 3, ["قمة"]), (7, 2, ["ولي العهد", "العراق"])]
    assert [r["thread"] for r in rows] == [t["thread"] for t in list_threads(a)]
    a.close()


def test_idf_counts_at_least_min_n_documents() -> None:
    """The linker weighs actors as if the archive held ``min_docs`` articles: in a young one
    every actor would be rare."""
    import math

    from marsad.corpus.threads import ThreadLinker, ThreadParams

    df = _df(2, {"e:a": 2})
    assert df.idf("e:a") == 1.0 and df.idf("e:a", min_n=99) == math.log(100 / 3) + 1.0
    assert ThreadLinker(ThreadParams(min_docs=99), df=df).idf("e:a") == df.idf("e:a", min_n=99)
    assert ThreadLinker(ThreadParams(min_docs=99)).idf("e:b") == math.log(100) + 1.0


@given(st.dictionaries(_TERMS, st.floats(0.01, 3.0), min_size=1, max_size=8),
       st.lists(st.dictionaries(_TERMS, st.floats(0.01, 3.0), min_size=1, max_size=8), min_size=1, max_size=6))
def test_the_linker_scores_members_as_score_does(me, others) -> None:
    """The linker scores a story's candidates all at once (``_scores``, in arrays): the scores
    of ``score`` one by one, to the last bits of a float."""
    import numpy as np

    from marsad.corpus.threads import Member, ThreadLinker, ThreadParams

    p = ThreadParams()
    linker = ThreadLinker(p)
    members = [Member.of(i, 0, 0, c, p) for i, c in enumerate(others, start=1)]
    for m in members:
        linker._enter(m)
    mine = Member.of(99, 0, 0, me, p)
    slots = np.array([linker.index.slot[m.id] for m in members], dtype=np.int64)
    got = linker._scores(mine, slots).tolist()
    assert got == pytest.approx([linker.score(mine, m) for m in members], rel=1e-12, abs=1e-12)
    assert linker._scores(mine, slots[::-1]).tolist() == got[::-1]


def _front(p):
    """Two threads of one front, stored: in the first, one member close to the story below and
    one that only names its people (another development of the front, joined by a third story
    since gone); in the second, two members both fairly close."""
    from marsad.corpus.threads import Member, Thread, ThreadLinker, ThreadState

    pair = {"e:per:زيد عمرو": 1.0, "e:org:لجنة وساطة": 1.0}
    crowd = pair | {"e:per:قائد": 1.0, "e:gpe:جزيرة": 1.0, "e:gpe:قرية1": 1.0}
    members = {1: {1: pair | {"هدن": 1.0, "خرق": 1.0, "موقع": 1.0}, 2: crowd | {"حصار": 1.0, "مرفا": 1.0}},
               2: {3: pair | {"هدن": 1.0, "خرق": 1.0, "موقع": 1.0, "قصف": 1.0},
                   4: pair | {"هدن": 1.0, "خرق": 1.0, "موقع": 1.0, "جسر": 1.0}}}
    threads = {}
    for tid, ms in members.items():
        th = threads[tid] = Thread(id=tid, first_day=100, last_day=110)
        th.members = {sid: Member.of(sid, tid, 110, c, p) for sid, c in ms.items()}
    return ThreadLinker(p, ThreadState(threads=threads, next_id=3), df=_DF)


def test_a_story_that_fits_two_threads_joins_the_one_whose_two_closest_members_agree() -> None:
    """The closest member is in the first thread, but its other member is far: the second
    thread's two members score better on average, and the story joins it (``join_members`` 2);
    with ``join_members`` 1 it joins the closest member's thread, as the linker did before."""
    from dataclasses import replace

    from marsad.corpus.threads import Member, ThreadParams

    story = {"e:per:زيد عمرو": 1.0, "e:org:لجنة وساطة": 1.0, "هدن": 1.0, "خرق": 1.0, "موقع": 1.0}
    p = ThreadParams()
    linker = _front(p)
    me = Member.of(9, 0, 120, story, p)
    sc = {sid: linker.score(me, m) for sid, m in linker.members.items()}
    assert sc[1] > max(sc[3], sc[4]) >= min(sc[3], sc[4]) > p.threshold > sc[2]  # the premise
    assert (sc[1] + sc[2]) / 2 < (sc[3] + sc[4]) / 2
    assert linker.add(120, 120, story, story=9) == 2
    assert _front(replace(p, join_members=1)).add(120, 120, story, story=9) == 1


@given(st.lists(st.tuples(st.integers(1, 5), st.floats(0.0, 1.0, allow_nan=False), st.booleans()), min_size=1, max_size=30),
       st.integers(1, 4))
def test_the_best_thread_is_the_best_mean_of_its_closest_members(cands, k) -> None:
    """``_best_thread`` in arrays against the definition: of the threads with a member that
    fits, the best mean of each one's ``k`` highest scores (fewer: all of them), the lowest id
    among equals; with ``k`` 1, the thread of the closest member that fits (the rule before)."""
    from dataclasses import replace

    import numpy as np

    from marsad.corpus.threads import ThreadLinker, ThreadParams

    assume(any(ok for _t, _s, ok in cands))  # a thread fits (else the linker opens one)
    linker = ThreadLinker(replace(ThreadParams(), join_members=k))
    thread = np.array([t for t, _s, _ok in cands], dtype=np.int64)
    sc = np.array([s for _t, s, _ok in cands])
    ok = np.array([o for _t, _s, o in cands])
    got = linker._best_thread(thread, sc, ok)
    if k == 1:
        best = max(s for _t, s, o in cands if o)
        assert got == min(t for t, s, o in cands if o and s == best)
        return
    means = {}
    for t in {t for t, _s, o in cands if o}:
        top = sorted((s for u, s, _o in cands if u == t), reverse=True)[:k]
        means[t] = sum(top) / len(top)
    best = max(means.values())
    # the same sums as the definition's but for the order of the additions (the last bits)
    assert got in {t for t, m in means.items() if m >= best - 1e-12}
    if len(means) == 1 or sorted(means.values())[-2] < best - 1e-9:
        assert got == max(means, key=means.__getitem__)
