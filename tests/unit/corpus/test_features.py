"""Story features: entity, date and place terms; a title's place counts when the article names
it or its country; entity terms scaled in the unit vector; counts added in C and the IDF table
are the ones Python gives."""

from __future__ import annotations

import pytest
from corpus_fixtures import INDEPENDENT
from hypothesis import given
from hypothesis import strategies as st

from marsad.corpus.features import article_terms


def test_story_terms_use_entities_when_present() -> None:
    terms, _ = article_terms(title="", body=INDEPENDENT, mentions=["gpe:تبوك", "gpe:تبوك"],
                             timexes=["2015-08-10", "P20Y", "XXXX-09"], place="تبوك")
    assert terms["e:gpe:تبوك"] == pytest.approx(4.0)
    assert "t:2015-08-10" in terms and "t:P20Y" not in terms and "t:XXXX-09" not in terms
    assert "p:تبوك" in terms


def test_a_title_place_counts_when_the_article_names_it_or_its_country() -> None:
    from marsad.corpus.features import place_country, title_places
    from marsad.text.normalize import normalize

    def places(title: str, mentions: list[str] | None) -> list[str]:
        names = None if mentions is None else {m.partition(":")[2] for m in mentions
                                                if m.startswith(("gpe:", "loc:"))}
        return title_places(normalize(title), confirmed=names)

    how_to = "كيف تتغلب على الأرق في ليالي الصيف"
    # a bare scan reads كيف ("how") as Kyiv; the tagger found no Ukraine in the text
    assert "g:كيف" in places(how_to, None)
    assert places(how_to, ["per:سامي العلي", "org:جامعه تونس"]) == []
    assert "g:كيف" in places("وزير الخارجية يصل إلى كيف", ["gpe:اوكرانيا"])
    # ينقل ("carries") is no Omani town unless the article is about Oman
    assert places("الوزير ينقل تحيات الملك", ["gpe:رياض"]) == []
    # a capital standing for its country: the text names the country only
    assert places("واشنطن تحذر رعاياها", ["gpe:ولايات متحده"]) == ["g:واشنطن", "c:US"]
    # the title's short name inside the text's longer one
    assert "g:غزه" in places("أزمة كهرباء في غزة", ["loc:قطاع غزه", "org:شركه كهرباء"])
    # countries and regions of no country count as before (the text may name them by nationality)
    assert places("السعودية تدين الهجوم", ["norp:سعودي"]) == ["c:SA"]
    # a name several countries' places share is the one of the country the article is about
    assert places("الملك يستقبل الوفد في عمان", ["gpe:عمان", "gpe:اردن"]) == ["g:عمان", "c:JO"]
    assert places("سلطنة عمان تستضيف المؤتمر", ["gpe:عمان", "gpe:مسقط"]) == ["c:OM"]
    assert place_country("ولايات متحده") == "US" and place_country("مكه مكرمه") == "SA"
    assert place_country("سامي العلي") == ""


def test_entity_terms_are_scaled_in_the_unit_vector() -> None:
    from marsad.corpus.features import scale_terms

    vec = {"w": 0.6, "e:per:x": 0.8}
    out = scale_terms(vec, "e:", 0.5)
    assert out["e:per:x"] / out["w"] == pytest.approx(0.8 * 0.5 / 0.6)
    assert sum(v * v for v in out.values()) == pytest.approx(1.0)
    assert scale_terms(vec, "e:", 1.0) is vec
    assert scale_terms({"w": 1.0}, "e:", 0.5) == {"w": 1.0}


@given(st.lists(st.dictionaries(st.sampled_from(list("abcdefgh")), st.integers(1, 5)), max_size=5))
def test_counts_added_in_c_are_counter_update(incs: list[dict[str, int]]) -> None:
    from collections import Counter

    from marsad.corpus.features import count_into

    want: Counter[str] = Counter()
    got: Counter[str] = Counter()
    for inc in incs:
        want.update(inc)
        count_into(got, inc)
        assert list(got.items()) == list(want.items())  # the same counts, keys in the same order


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(1, 10**6), min_size=1), st.integers(0, 10**7))
def test_idf_table_is_the_idf_of_each_term(counts: dict[str, int], extra: int) -> None:
    import math

    from marsad.corpus.features import DocFreq

    df = DocFreq()
    df.add_counts(max(counts.values()) + extra, counts)
    top = math.log(df.n + 1)
    assert df.idf_table() == {t: top - math.log(c + 1) + 1.0 for t, c in counts.items()}  # the same floats


def test_title_words_given_once_are_the_ones_read_again() -> None:
    """The story feed reads a title's content words once, for its terms and its title key:
    the same terms (in the same order) and key as reading the title in each."""
    from marsad.corpus.features import content_words, title_key, title_key_of
    from marsad.text.normalize import normalize

    title = normalize("طقس اليوم الجمعة: أمطار على الرياض وجدة 12 مارس")
    body = normalize(INDEPENDENT)
    words = content_words(title, normalized=True)
    assert words  # the title has content words to share
    given_terms = article_terms(title=title, body=body, normalized=True, title_words=words)
    read_terms = article_terms(title=title, body=body, normalized=True)
    assert list(given_terms[0].items()) == list(read_terms[0].items()) and given_terms[1] == read_terms[1]
    assert title_key_of(words) == title_key(title, normalized=True) != ""


def test_surface_words_of_the_lead_are_its_repeated_stems_shortest_first_written() -> None:
    """A lead word counts for the labels when its stem is written at least twice there (the
    shortest spelling, the first of equal ones); one written once does not; title words come
    first and count once."""
    from marsad.corpus.features import content_stem, surface_words

    lead = "والحكومة قررت الحكومة تمديد الموسم والموسم فالموسم كذلك مرة"
    got = dict(surface_words("وزير الطاقة", lead))
    assert got[content_stem("الحكومه")] == "الحكومة"  # والحكومة and الحكومة: the shorter
    assert got[content_stem("الموسم")] == "الموسم"  # three spellings: the shortest
    assert content_stem("تمديد") not in got and content_stem("قررت") not in got  # written once
    assert got[content_stem("وزير")] == "وزير" and got[content_stem("الطاقه")] == "الطاقة"
    assert list(got)[:2] == [content_stem("وزير"), content_stem("الطاقه")]
    assert surface_words("", lead, repeated=3) == ((content_stem("الموسم"), "الموسم"),)


#: a lead of 960 characters about a dam's water, then a paragraph on the farmers it serves
_LEAD = ("افتتحت الهيئة العامة للري سد الوادي الكبير بعد ثلاث سنوات من العمل، ويخزن السد مياه الأمطار "
         "لري المزارع المجاورة. ") * 6
_REST = "ويقول المزارعون في القرى إن محاصيل القمح والشعير ستتضاعف، وإن القمح كان يذبل كل صيف. "


def test_an_articles_thread_vector_weighs_the_content_words_of_its_whole_clean_text() -> None:
    """The thread vector counts the words after the lead (the farmers, the wheat), beside the
    title's and the lead's; named terms, dates and places stay out; unit length."""
    import math

    from marsad.corpus.features import ArticleFeatures, DocFreq, body_vector, rest_terms, weigh

    body = _LEAD.ljust(960) + _REST
    terms, _ = article_terms(title="افتتاح سد الوادي الكبير", body=body[:960], mentions=["org:هيءه ري"],
                             timexes=["2015-08-10"], place="تبوك")
    rest = rest_terms(body[960:])
    assert rest["قمح"] == 2 and "قمح" not in terms
    df = DocFreq()
    df.add([terms, {"سد": 1, "ودي": 1}])
    f = ArticleFeatures(key=1, day=0, source="", terms=terms, rest=rest)
    vec = body_vector(f, df, top=40)
    assert {"قمح", "مزارع", "سد"} <= vec.keys() and not any(":" in t for t in vec)
    assert math.isclose(math.fsum(v * v for v in vec.values()), 1.0)
    words = {t: c for t, c in terms.items() if ":" not in t}
    assert words["سد"] > 2  # the title's word counted twice, the lead's besides
    merged = {t: words.get(t, 0) + rest.get(t, 0) for t in words | rest}
    assert vec == weigh(merged, df, top=40) and body_vector(f, df, top=3) == weigh(merged, df, top=3)
    assert body_vector(ArticleFeatures(key=2, day=0, source="", terms=terms), df) == weigh(words, df)
