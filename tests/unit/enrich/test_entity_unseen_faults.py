"""Entity faults read on unseen articles (``entities.v8``): a title in apposition carried onto
the next man, an epithet run into a name, a club swallowing its player, the Brotherhood's short
name, a journalist read as a place. Texts written for the tests."""

from __future__ import annotations

import pytest

from marsad.enrich.entities.tagger import default_tagger


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    return default_tagger()


def _spans(tagger, text: str) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    """(mention text, type, key, role) of every mention of ``text``."""
    return [(text[s.start:s.end], s.label, s.value, s.attrs.get("role", "")) for s in tagger.spans(text)]


def _roles(tagger, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {t: r for t, y, _k, r in _spans(tagger, text) if y == "PER"}


def test_a_title_in_apposition_is_the_man_s_before_it(tagger) -> None:  # type: ignore[no-untyped-def]
    roles = _roles(tagger, "صرح سامر خليل، نائب الرئيس اللبناني ميشال عون، بأن الحكومة ستجتمع.")
    assert roles["ميشال عون"] == "الرئيس اللبناني"  # not نائب الرئيس اللبناني: Aoun is the president
    assert roles["سامر خليل"] == "نائب الرئيس اللبناني"
    # without a man and a comma before it the title is the next man's, as before
    assert _roles(tagger, "قال نائب الرئيس الأمريكي مايك بنس إن الإدارة ستعمل.")["مايك بنس"] == "نائب الرئيس الأمريكي"
    # a preposition before the title: no apposition (the prince meets the prime minister)
    roles = _roles(tagger, "سيلتقي الأمير وليام برئيس الوزراء الإسرائيلي بنيامين نتنياهو غدا.")
    assert roles["وليام"] == "الأمير"
    assert roles["بنيامين نتنياهو"] == "رئيس الوزراء الإسرائيلي"


def test_lord_of_after_a_full_name_is_an_epithet(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "قال الرئيس الفرنسي إيمانويل ماكرون سيد الإليزيه إن الإصلاح مستمر. وأضاف ماكرون أن فرنسا قوية."
    sp = _spans(tagger, text)
    people = {(t, k) for t, y, k, _r in sp if y == "PER"}
    assert people == {("إيمانويل ماكرون", "per:ايمانويل ماكرون"), ("ماكرون", "per:ايمانويل ماكرون")}
    assert ("الإليزيه", "ORG") in {(t, y) for t, y, _k, _r in sp}
    # سيد before a family's nisba is part of the name
    assert "محمد سيد الجابري" in _roles(tagger, "وقال اللواء محمد سيد الجابري إن الوضع هادئ.")


def test_a_club_s_name_ends_before_its_player(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وأثار انتقال مهاجم نادي ليستر رياض محرز إلى مانشستر سيتي جدلا. وقال رياض محرز إنه سعيد."
    sp = _spans(tagger, text)
    assert [(t, y) for t, y, _k, _r in sp if "ليستر" in t] == [("نادي ليستر", "ORG")]
    assert [t for t, y, _k, _r in sp if y == "PER"] == ["رياض محرز", "رياض محرز"]
    # a club named after a man, in quotes, keeps his name
    quoted = {(t, y) for t, y, _k, _r in _spans(tagger, 'افتتح "نادي شباب محمد صلاح" ملعبا جديدا في القرية.')}
    assert not any(t == "نادي شباب" for t, _y in quoted)


def test_the_brotherhood_alone_in_an_article_naming_it(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("حظرت السلطات جماعة الإخوان المسلمين قبل عامين. وقال الوزير إن الإخوان لن يعودوا، "
            "وإن أنصار الإخوان يتظاهرون، وإن للإخوان مكاتب في الخارج.")
    sp = _spans(tagger, text)
    orgs = [(t, k) for t, y, k, _r in sp if y == "ORG"]
    assert len(orgs) == 4
    assert len({k for _t, k in orgs}) == 1  # one entity
    # the word elsewhere is "the brothers": no organisation
    assert not any(y == "ORG" and "خوان" in t for t, y, _k, _r in
                   _spans(tagger, "استقبل الإخوان في الجمعية الخيرية الضيوف بحفاوة."))


@pytest.mark.parametrize("text", [
    "وجاءت في المركز الأخير الصحافية الليبرالية كسينيا سوبتشاك (1,6 بالمئة) بعد زعيم الحزب.",
    "قال المراقبون إن المرشحة الليبرالية كسينيا سوبتشاك (1,6 بالمئة) لن تفوز.",
])
def test_an_unknown_place_after_a_person_noun_is_a_person(tagger, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("كسينيا سوبتشاك", "PER") in {(t, y) for t, y, _k, _r in _spans(tagger, text)}
