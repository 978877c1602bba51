"""Entity mentions on sentences written for these tests: clitics, roles, ambiguity, variants,
official names, nationality adjectives, offsets."""

from __future__ import annotations

import pytest

import marsad
from marsad.enrich.entities.tagger import default_tagger
from marsad.text.normalize import normalize


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    return default_tagger()


def _mentions(tagger, text: str) -> list[tuple[str, str, str, dict]]:  # type: ignore[no-untyped-def]
    return [(text[s.start:s.end], s.label, s.value, s.attrs) for s in tagger.spans(text)]


def _by_text(ms, surface: str):  # type: ignore[no-untyped-def]
    found = [m for m in ms if m[0] == surface]
    assert found, f"{surface!r} not among {[m[0] for m in ms]}"
    return found


def test_proclitics_stay_out_of_the_span(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وبحث الوزير العلاقات مع روسيا وإيران، ثم سافر إلى بروسيا الشهر المقبل."
    ms = _mentions(tagger, text)
    surfaces = [m[0] for m in ms]
    assert "إيران" in surfaces and "وإيران" not in surfaces
    assert surfaces.count("روسيا") == 2  # روسيا and بروسيا, both without the proclitic
    assert all(m[1] == "GPE" for m in ms if m[0] in ("روسيا", "إيران"))


def test_names_that_start_with_clitic_letters_stay_whole(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "زار الوفد واشنطن ثم فرنسا ولبنان."
    surfaces = [m[0] for m in _mentions(tagger, text)]
    assert "واشنطن" in surfaces and "فرنسا" in surfaces and "لبنان" in surfaces


def test_titles_are_roles_not_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قال الرئيس الروسي فلاديمير بوتين في مؤتمر صحفي إن بلاده مستعدة للحوار. "
            "وأضاف السفير الإيراني كاظم جلالي أن طهران ترحب بذلك.")
    ms = _mentions(tagger, text)
    putin = _by_text(ms, "فلاديمير بوتين")[0]
    assert putin[1] == "PER"
    assert putin[3]["role"] == "الرئيس الروسي"
    jalali = _by_text(ms, "كاظم جلالي")[0]
    assert jalali[3]["role"] == "السفير الإيراني"
    assert not any(m[0].startswith(("الرئيس", "السفير")) for m in ms if m[1] == "PER")
    tehran = _by_text(ms, "طهران")[0]
    assert tehran[1] == "GPE" and tehran[3]["country"] == "IR"  # a capital for its government


def test_ambiguous_word_needs_evidence(tagger) -> None:  # type: ignore[no-untyped-def]
    plain = "هذا هو السبب الرئيسي للأزمة، وقال مديري إن الطريق رئيسي في خطة المدينة."
    assert not any(m[1] == "PER" for m in _mentions(tagger, plain))
    text = ("استقبل الرئيس الإيراني إبراهيم رئيسي وفدا برلمانيا اليوم. "
            "وقال رئيسي إن العلاقات متينة، وأكد رئيسي استعداده للتعاون.")
    ms = _mentions(tagger, text)
    people = [m for m in ms if m[1] == "PER"]
    assert [m[0] for m in people] == ["إبراهيم رئيسي", "رئيسي", "رئيسي"]
    assert len({m[2] for m in people}) == 1  # one entity


def test_sputnik_agency_and_vaccine(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وقال مسؤول لوكالة سبوتنيك إن إنتاج لقاح \"سبوتنيك\" سيزداد هذا العام."
    ms = [m for m in _mentions(tagger, text) if m[0] == "سبوتنيك"]
    assert [m[1] for m in ms] == ["ORG", "MISC"]


def test_variant_spellings_join_one_entity(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("التقى السيناتور إلياس أومخانوف وفدا من طاجيكستان في العاصمة. "
            "وقال أوماخانوف إن التعاون مع طاجكستان مهم. "
            "وكان الرئيس فلاديمير بوتين قد اتصل بنظيره، وقال بوتن إن الاتصال كان مثمرا.")
    ms = _mentions(tagger, text)
    omak = {m[2] for m in ms if m[0] in ("إلياس أومخانوف", "أوماخانوف")}
    assert len(omak) == 1
    taj = [m for m in ms if m[0] in ("طاجيكستان", "طاجكستان")]
    assert len(taj) == 2 and len({m[2] for m in taj}) == 1
    assert all(m[3].get("country") == "TJ" for m in taj)
    putin = {m[2] for m in ms if m[0] in ("فلاديمير بوتين", "بوتن")}
    assert len(putin) == 1


def test_official_names_join_short_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("أكدت روسيا الاتحادية أن روسيا لن تتراجع، فيما قالت جمهورية إيران الإسلامية "
            "إن إيران ماضية في برنامجها.")
    ms = _mentions(tagger, text)
    ru = {m[2] for m in ms if m[0] in ("روسيا الاتحادية", "روسيا")}
    ir = {m[2] for m in ms if m[0] in ("جمهورية إيران الإسلامية", "إيران")}
    assert ru == {"gpe:" + normalize("روسيا")}
    assert ir == {"gpe:" + normalize("إيران")}


def test_nationality_adjectives_are_norp_with_country(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "هاجم الحوثيين مواقع قرب الحدود، وأعلن المسؤولون السعوديين والقوات الإيرانية الاستنفار."
    ms = {m[0]: m for m in _mentions(tagger, text)}
    assert ms["الحوثيين"][1] == "NORP" and ms["الحوثيين"][3]["country"] == "YE"
    assert ms["السعوديين"][1] == "NORP" and ms["السعوديين"][3]["country"] == "SA"
    assert ms["الإيرانية"][1] == "NORP" and ms["الإيرانية"][3]["country"] == "IR"


def test_offsets_index_the_original_text(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وصل الوفد إلى مُوسْكو قادما من طهـــران."  # tashkeel and tatweel inside names
    ms = _mentions(tagger, text)
    assert ("مُوسْكو", "GPE") in [(m[0], m[1]) for m in ms]
    assert ("طهـــران", "GPE") in [(m[0], m[1]) for m in ms]


def test_pipeline_fills_mentions_with_entity_and_country() -> None:
    import marsad
    from marsad.pipeline.output import analysis_json

    art = marsad.analyze_text("قال وزير الخارجية الإيراني في طهران إن إيران تدعم الحوار.",
                              published_at="2021-09-14")
    out = analysis_json(art)["mentions"]
    iran = [m for m in out if m["text"] == "إيران"]
    assert iran and iran[0]["entity"] == "gpe:" + normalize("إيران") and iran[0]["country"] == "IR"


def test_a_retired_stage_version_says_what_replaced_it() -> None:
    from marsad.errors import ConfigError
    from marsad.pipeline.registry import DEFAULT_SPEC, RETIRED, STAGES, build

    assert "entities.v10" in DEFAULT_SPEC and "debris.v6" in DEFAULT_SPEC
    assert not set(RETIRED) & set(STAGES) and all(new in STAGES for new, _why in RETIRED.values())
    with pytest.raises(ConfigError, match="replaced by 'entities.v10'"):
        build(["language.v1", "debris.v6", "dateline.v8", "entities.v1"])


def test_two_princes_with_different_fathers_are_two_people() -> None:
    """محمد بن نايف بن عبدالعزيز and محمد بن سلمان بن عبدالعزيز share their first and last words,
    which was enough to make them one person of the article (a spelling variant)."""
    text = ("استقبل الأمير محمد بن نايف بن عبدالعزيز ولي العهد اليوم الأمير محمد بن سلمان بن عبدالعزيز "
            "ولي ولي العهد. وبحث الأمير محمد بن نايف مع الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير "
            "الأوضاع.")
    art = marsad.analyze_text(text, published_at="2015-07-26")
    keys = {text[s.start:s.end]: s.value for s in art.spans if s.layer == "mention" and s.label == "PER"}
    assert keys["محمد بن نايف بن عبدالعزيز"] == keys["محمد بن نايف"] == "per:محمد بن نايف بن عبدالعزيز"
    assert keys["محمد بن سلمان بن عبدالعزيز"] == "per:محمد بن سلمان بن عبدالعزيز"
    assert keys["فيصل بن خالد بن عبدالعزيز"] == "per:فيصل بن خالد بن عبدالعزيز"
    # a spelling variant of one name still joins it (no father given, one letter apart)
    text = "وقال رئيس الوزراء أحمد داود أوغلو إن أحمد داوود أوغلو لا يعلق على الشائعات."
    art = marsad.analyze_text(text, published_at="2015-07-26")
    assert len({s.value for s in art.spans if s.layer == "mention" and s.label == "PER"}) == 1


@pytest.mark.parametrize(("spaced", "joined"), [
    ("قال الرئيس اليمني عبد ربه منصور هادي إن الحكومة ستعود.", "قال الرئيس اليمني عبدربه منصور هادي إن الحكومة ستعود."),
    ("وصل الأمير عبد العزيز بن سلمان إلى جدة.", "وصل الأمير عبدالعزيز بن سلمان إلى جدة."),
])
def test_abd_spaced_or_joined_is_one_key(spaced: str, joined: str) -> None:
    def per(text: str) -> str:
        art = marsad.analyze_text(text, published_at="2015-07-26")
        return next(s.value for s in art.spans if s.layer == "mention" and s.label == "PER")

    assert per(spaced) == per(joined) and " عبد " not in per(spaced) + " "


@pytest.mark.parametrize("old", ["entities.v2", "entities.v5", "entities.v7", "entities.v8", "entities.v9"])
def test_older_entities_stages_are_retired(old: str) -> None:
    from marsad.errors import ConfigError
    from marsad.pipeline.registry import build

    with pytest.raises(ConfigError, match="replaced by 'entities.v10'"):
        build(["language.v1", "debris.v6", "dateline.v8", old])


def test_a_father_is_not_his_son() -> None:
    """فيصل بن عبدالعزيز's words are all in تركي بن فيصل بن عبدالعزيز (his son's name)."""
    text = "وتحدث الأمير تركي بن فيصل بن عبدالعزيز عن الملك فيصل بن عبدالعزيز في محاضرته."
    art = marsad.analyze_text(text, published_at="2015-07-26")
    keys = {text[s.start:s.end]: s.value for s in art.spans if s.layer == "mention" and s.label == "PER"}
    assert keys["تركي بن فيصل بن عبدالعزيز"] != keys["فيصل بن عبدالعزيز"]


def test_an_urdu_article_has_no_arabic_mentions_or_events() -> None:
    """The Arabic tagger and event coder do not read an article the language stage guesses to
    be Urdu (a name read across an Urdu verb, «… نے شركت», was a person before); the same
    names in an Arabic sentence are found."""
    urdu = ("ایرانی صدر ابراہیم رئیسی نے اسلام آباد میں پاکستانی وزیر اعظم سے ملاقات کی اور دونوں "
            "ممالک کے درمیان تجارت پر بات چیت ہوئی۔ پولیس نے بتایا کہ کراچی میں دھماکے میں دس افراد ہلاک ہوئے۔")
    art = marsad.analyze_text(urdu, published_at="2023-05-18")
    assert art.language == "ur"
    assert not [s for s in art.spans if s.layer in ("mention", "event")]
    arabic = marsad.analyze_text("التقى الرئيس الإيراني إبراهيم رئيسي رئيس الوزراء الباكستاني في إسلام آباد.",
                                 published_at="2023-05-18")
    assert arabic.language == "ar" and any(s.layer == "mention" for s in arabic.spans)
