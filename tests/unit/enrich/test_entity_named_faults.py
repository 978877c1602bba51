"""Entity faults the readings of ``entities.v9`` left (``entities.v10``): a name run on to the word
after it (a preposition + a head, a verb, a noun's accusative), a place or institution named after
a person read as the person, a body of two countries cut after the first, a future verb read as a
person, and what an analyst's archive showed (a noun phrase in the accusative read as a name, a
daughter's name run on to her father's). Texts written for the tests."""

from __future__ import annotations

import pytest

from marsad.enrich.entities.tagger import default_tagger
from marsad.text.normalize import normalize


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    return default_tagger()


def _spans(tagger, text: str) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    """(mention text, type, key, role) of every mention of ``text``."""
    return [(text[s.start:s.end], s.label, s.value, s.attrs.get("role", "")) for s in tagger.spans(text)]


def _typed(tagger, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(t, y) for t, y, _k, _r in _spans(tagger, text)]


@pytest.mark.parametrize(("text", "person"), [
    ("وتعرقلت صفقة انتقال النجم الأرجنتيني موراليز لنادي الاتحاد دون كشف التفاصيل.", "موراليز"),
    ("وأكدت الصحيفة أن الملكة إليزابيث ظهرت في الفيديو وهي تؤدي التحية.", "إليزابيث"),
    ("ويرى المراقبون أن الأمير الحالي تميم بن حمد يسير على نهج والده في السياسة.", "تميم بن حمد"),
    ("أشاد ولي العهد الأمير محمد بن نايف بن عبدالعزيز بوالده الأمير نايف بن عبدالعزيز.", "محمد بن نايف بن عبدالعزيز"),
])
def test_a_name_ends_before_a_word_that_ends_no_name(tagger, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    spans = _spans(tagger, text)
    assert (person, "PER") in [(t, y) for t, y, _k, _r in spans]
    assert not any(y == "PER" and t.startswith(person + " ") for t, y, _k, _r in spans)


@pytest.mark.parametrize(("word", "ends_no_name"), [
    ("لنادي", True), ("بمدينة", True), ("لوزير", True),  # a preposition + a head or a title
    ("يقول", True), ("يصرخ", True), ("ظهرت", True), ("انتقلت", True),  # verbs
    ("ملكا", True),  # a frequent noun's accusative (الملكة إليزابيث | ملكا للبلاد)
    ("بوالده", True), ("بابنة", True),  # a preposition + a noun and its possessive (محمد بن نايف | بوالده)
    ("مستورا", False), ("رايت", False), ("تامر", False), ("بوتين", False), ("كيري", False), ("بالحاج", False),
    ("يزيد", False), ("رفعت", False), ("فكرت", False),  # given names that read as verbs
    ("بشارة", False), ("بنور", False),  # ب + a noun whose ة reads as the suffix ه, or no possessive
])
def test_the_words_that_end_no_name(tagger, word: str, ends_no_name: bool) -> None:  # type: ignore[no-untyped-def]
    assert tagger.finder.people.no_name_word(normalize(word)) is ends_no_name


@pytest.mark.parametrize(("text", "name", "typ"), [
    # a club ends before a preposition (نادي الاتحاد | دون)
    ("وتعرقلت صفقة انتقال النجم الأرجنتيني موراليز لنادي الاتحاد دون كشف التفاصيل.", "نادي الاتحاد", "ORG"),
    # a town named after a sheikh stays a town (no institution named after him)
    ("وتتواصل الاشتباكات في مدينة الشيخ زويد شمال سيناء.", "الشيخ زويد", "GPE"),
])
def test_a_club_ends_before_a_preposition_and_a_town_named_after_a_sheikh_stays_a_town(  # type: ignore[no-untyped-def]
        tagger, text: str, name: str, typ: str) -> None:
    assert (name, typ) in _typed(tagger, text)


@pytest.mark.parametrize(("text", "person"), [
    ("وقال وزير الخارجية البريطاني جيريمي رايت إن المحادثات مستمرة.", "جيريمي رايت"),
    ("وفشل المبعوث الأممي ستيفان دي مستورا في تقريب وجهات النظر.", "ستيفان دي مستورا"),
])
def test_a_surname_that_reads_as_a_verb_or_noun_stays(tagger, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, y in _typed(tagger, text) if y == "PER"] == [person]


@pytest.mark.parametrize(("text", "name", "typ"), [
    ("ونقل المصاب إلى مستشفى الملك فهد في جدة لتلقي العلاج.", "مستشفى الملك فهد", "ORG"),
    ("ووقع الحادث في شارع الملك فهد بالقرب من برج المملكة.", "شارع الملك فهد", "LOC"),
    ("وتشارك مدينة الملك عبدالعزيز للعلوم والتقنية في المشروع الجديد.",
     "مدينة الملك عبدالعزيز للعلوم والتقنية", "ORG"),
    ("وتخرج الطالب من جامعة الأمير سلطان في الرياض.", "جامعة الأمير سلطان", "ORG"),
    ("وفاز بجائزة الأميرة صيتة بنت عبدالعزيز للتميز في العمل الاجتماعي.",
     "جائزة الأميرة صيتة بنت عبدالعزيز للتميز", "ORG"),
    ("وهبطت الطائرة في مطار رفيق الحريري الدولي في بيروت.", "مطار رفيق الحريري الدولي", "ORG"),
    ("أشاد الوزير بجائزة الأمير نايف بن عبدالعزيز للبحوث الأمنية.", "جائزة الأمير نايف بن عبدالعزيز للبحوث الأمنية", "ORG"),
])
def test_a_place_named_after_a_person_is_the_place(tagger, text: str, name: str, typ: str) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, text)
    assert (name, typ) in typed
    assert not any(y == "PER" for _t, y in typed)


def test_one_institution_whatever_the_spelling_of_abd(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "ونقل المصاب إلى مستشفى الملك عبد العزيز، ثم قال مدير مستشفى الملك عبدالعزيز إن حالته مستقرة."
    keys = [k for _t, y, k, _r in _spans(tagger, text) if y == "ORG"]
    assert len(keys) == 2 and len(set(keys)) == 1


def test_a_person_after_a_named_airport_keeps_his_own_title(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وكان في وداعه لدى مغادرته مطار الملك عبدالعزيز الدولي الأمير فيصل بن تركي بن عبدالله."
    spans = _spans(tagger, text)
    assert ("مطار الملك عبدالعزيز الدولي", "ORG") in [(t, y) for t, y, _k, _r in spans]
    assert [(t, r) for t, y, _k, r in spans if y == "PER"] == [("فيصل بن تركي بن عبدالله", "الأمير")]


@pytest.mark.parametrize(("text", "person"), [
    ("وسجل الفريق هدفه الأول عن طريق محمد هاني لاعب الوسط.", "محمد هاني"),  # by way of him: no road
])
def test_by_way_of_a_person_is_no_road(tagger, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, text)
    assert (person, "PER") in typed
    assert not any(y == "LOC" for _t, y in typed)


@pytest.mark.parametrize(("text", "body"), [
    ("ويصل وفد من مجلس الأعمال السعودي الفرنسي برئاسة رئيس المجلس إلى باريس.", "مجلس الأعمال السعودي الفرنسي"),
    ("ورعى البنك السعودي الفرنسي برنامجا لدعم الأيتام.", "البنك السعودي الفرنسي"),
])
def test_a_body_of_two_countries_is_one_body(tagger, text: str, body: str) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, text)
    assert (body, "ORG") in typed
    assert not any(y == "NORP" for _t, y in typed)


def test_a_future_verb_is_no_person(tagger) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, "وقال الوزير: «سنتحرك عندما يكون النجاح مضمونا، ولكن نفضل أن يكون ذلك عاجلا».")
    assert not any(y == "PER" for _t, y in typed)


@pytest.mark.parametrize("text", [
    "وأصدر الرئيس مرسوما رئاسيا بتعديل الحكومة.",  # a presidential decree: no person, no place رئاسيا
    "ويستخدم الرئيس هاتفا محمولا تابعا للبيت الأبيض.",
])
def test_an_accusative_noun_phrase_is_no_name(tagger, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(y in ("PER", "GPE", "LOC") for _t, y in _typed(tagger, text))


def test_a_well_known_man_s_name_ends_at_his_surname(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وحضرت ابنة الرئيس الأمريكي دونالد ترامب إيفانكا وزوجها جاريد كوشنر حفل الافتتاح. "
            "وقال ترامب إن الحفل ناجح.")
    spans = _spans(tagger, text)
    people = [(t, k) for t, y, k, _r in spans if y == "PER"]
    assert ("دونالد ترامب", "per:دونالد ترامب") in people and ("ترامب", "per:دونالد ترامب") in people
    assert "إيفانكا" in [t for t, _k in people]


@pytest.mark.parametrize(("text", "person"), [
    ("وبعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز لتشكره على التهنئة برقية.", "سلمان بن عبدالعزيز"),
    ("واحتفل والدا بيوني سيستو عند استدعائه للمنتخب الوطني.", "بيوني سيستو"),  # his parents: not his name
])
def test_a_verb_after_lam_and_an_accusative_noun_before_are_no_name(tagger, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t, y in _typed(tagger, text) if y == "PER"] == [person]


@pytest.mark.parametrize("text", [
    "وقال الشاعر إنه مدح أبا نواس في قصيدته.",  # a kunya in the accusative
    "وقال رئيس الديوان الملكي عقلا بن علي العقلا إن الحفل ناجح.",  # a given name before بن
])
def test_a_name_in_the_accusative_stays(tagger, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(y == "PER" for _t, y in _typed(tagger, text))
