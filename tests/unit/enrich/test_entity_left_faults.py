"""Entity faults the readings of ``entities.v7`` and ``entities.v8`` left (``entities.v9``): a club
before a player named once, a team position + club read as a person, two brothers one key, a lone
given name keyed as the man whose father bears it, and a person given a town's country. Texts
written for the tests."""

from __future__ import annotations

import pytest

from marsad.enrich.entities.tagger import default_tagger


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    return default_tagger()


def _spans(tagger, text: str) -> list[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    """(mention text, type, key, role, country) of every mention of ``text``."""
    return [(text[s.start:s.end], s.label, s.value, s.attrs.get("role", ""), s.attrs.get("country", ""))
            for s in tagger.spans(text)]


def _typed(tagger, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(t, y) for t, y, _k, _r, _c in _spans(tagger, text)]


def _keys(tagger, text: str) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, set[str]] = {}
    for t, y, k, _r, _c in _spans(tagger, text):
        if y == "PER":
            out.setdefault(t, set()).add(k)
    return out


@pytest.mark.parametrize(("text", "club", "player"), [
    ("وسجل مهاجم ليستر رياض محرز هدفين في المباراة.", "ليستر", "رياض محرز"),
    ("وأثار انتقال مهاجم نادي ليستر رياض محرز إلى فريق آخر جدلا.", "نادي ليستر", "رياض محرز"),
    ("وتألق مهاجم توتنهام هاري كاين في الشوط الثاني.", "توتنهام", "هاري كاين"),
])
def test_a_club_before_a_player_named_once(tagger, text: str, club: str, player: str) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, text)
    assert (club, "ORG") in typed
    assert [t for t, y in typed if y == "PER"] == [player]


def test_a_club_s_city_and_nationality_are_no_player(tagger) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, "وقال مدرب نادي زينيت سان بطرسبورغ الروسي إنه فخور باللاعبين.")
    assert not any(y == "PER" for _t, y in typed)


@pytest.mark.parametrize("text", [
    "وقال مهاجم ليستر إن الفريق سيعود أقوى في الموسم المقبل.",
    "وتعرض حارس البايرن لإصابة في الركبة خلال التدريبات.",
    "وغاب مهاجم فولهام عن التدريبات بسبب الإصابة.",
])
def test_a_position_and_a_club_is_no_person(tagger, text: str) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, text)
    assert not any(y == "PER" for _t, y in typed)
    assert any(y == "ORG" for _t, y in typed)


def test_two_brothers_are_two_keys(tagger) -> None:  # type: ignore[no-untyped-def]
    keys = _keys(tagger, "وحضر الحفل الأمير عبدالعزيز بن سلمان بن عبدالعزيز، والأمير خالد بن سلمان "
                         "بن عبدالعزيز، والأمير محمد بن سلمان بن عبدالعزيز.")
    assert keys == {"عبدالعزيز بن سلمان بن عبدالعزيز": {"per:عبدالعزيز بن سلمان بن عبدالعزيز"},
                    "خالد بن سلمان بن عبدالعزيز": {"per:خالد بن سلمان بن عبدالعزيز"},
                    "محمد بن سلمان بن عبدالعزيز": {"per:محمد بن سلمان بن عبدالعزيز"}}
    keys = _keys(tagger, "استقبل الأمير محمد بن فهد بن محمد بن عبدالرحمن، ورافقه الأمير عبدالله بن فهد "
                         "بن محمد بن عبدالرحمن.")
    assert len({k for ks in keys.values() for k in ks}) == 2
    # a father and his son, named after him: two men
    keys = _keys(tagger, "نعى الأهالي الشهيد ماجد بن فهد السبيعي، وعزى المسؤولون والده الشيخ فهد السبيعي.")
    assert keys["فهد السبيعي"] == {"per:فهد السبيعي"}
    # a family name of two words still joins the full name
    keys = _keys(tagger, "قال رئيس الوزراء أحمد داود أوغلو إن الحكومة مستعدة. وأضاف داود أوغلو أن الانتخابات قريبة.")
    assert keys["داود أوغلو"] == {"per:احمد داود اوغلو"}


def test_a_lone_given_name_is_not_the_son_s(tagger) -> None:  # type: ignore[no-untyped-def]
    keys = _keys(tagger, "التقى ولي العهد الأمير محمد بن سلمان بالوزير. وقال سلمان إن المملكة مستعدة.")
    assert keys["سلمان"] != {"per:محمد بن سلمان"}
    keys = _keys(tagger, "التقى ولي العهد الأمير محمد بن سلمان بالوزير. واستقبل الملك سلمان الوفد في القصر.")
    assert keys["سلمان"] == {"per:سلمان بن عبدالعزيز"}
    keys = _keys(tagger, "وقال خادم الحرمين الشريفين الملك سلمان إن المملكة ماضية في الإصلاح.")
    assert keys["سلمان"] == {"per:سلمان بن عبدالعزيز"}
    # two Salmans named in full: the king's title goes to the king, not the prince
    keys = _keys(tagger, "وكان في وداع الملك سلمان، لدى مغادرته، الأمير سلمان بن سلطان بن عبدالعزيز "
                         "والملك سلمان بن عبدالعزيز.")
    assert keys["سلمان"] == {"per:سلمان بن عبدالعزيز"}
    # the father's name inside a full name is not the lone name's, the given name is
    keys = _keys(tagger, "أشاد ولي العهد الأمير محمد بن نايف بن عبدالعزيز بوالده الأمير نايف بن عبدالعزيز. "
                         "وكان الأمير نايف وزيرا للداخلية.")
    assert keys["نايف"] == {"per:نايف بن عبدالعزيز"}
    # (جائزة الأمير نايف is the prize, no mention of him: entities.v10, test_entity_named_faults.py)


def test_a_person_takes_no_town_s_country(tagger) -> None:  # type: ignore[no-untyped-def]
    sp = _spans(tagger, "أشاد ولي العهد الأمير محمد بن نايف بن عبدالعزيز بالجائزة. وكان الأمير نايف وزيرا للداخلية قبل وفاته.")
    assert ("نايف", "PER") in [(t, y) for t, y, _k, _r, _c in sp]
    assert not any(y == "PER" and c for _t, y, _k, _r, c in sp)  # نايف is a quarter of Dubai (AE)
    sp = _spans(tagger, "وشارك مليون شخص في وداع الأميرة ديانا قبل عشرين عاما.")
    assert [(t, c) for t, y, _k, _r, c in sp if y == "PER"] == [("ديانا", "")]
    # a role's nationality is still the person's country
    sp = _spans(tagger, "قال الرئيس المصري عبدالفتاح السيسي إن الحكومة مستعدة.")
    assert [(t, c) for t, y, _k, _r, c in sp if y == "PER"] == [("عبدالفتاح السيسي", "EG")]


def test_a_lone_surname_joins_the_earliest_named(tagger) -> None:  # type: ignore[no-untyped-def]
    # a run-on name later in the article (محامي خان: "Khan's lawyer") does not take the surname
    keys = _keys(tagger, "أفرجت المحكمة عن الممثل سلمان خان بكفالة. وقال ماهيش بورا محامي خان للصحفيين "
                         "إن خان سيخرج السبت.")
    assert keys["خان"] == {"per:سلمان خان"}


def test_a_count_after_an_organisation_is_no_part_of_it(tagger) -> None:  # type: ignore[no-untyped-def]
    typed = _typed(tagger, "اعتقلت ميليشيات الحوثي المئات من أبناء مدينة الحديدة.")
    assert ("ميليشيات الحوثي", "ORG") in typed
