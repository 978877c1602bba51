"""The seeds' entities come out as ../shared/seeds/EXPECTED.md lists them, variants merged."""

from __future__ import annotations

import pytest

from marsad.text.normalize import normalize


def _analyse(seeds, name):  # type: ignore[no-untyped-def]
    import marsad

    text = (seeds / name).read_text(encoding="utf-8")
    art = marsad.analyze_text(text)
    ms = [(text[s.start:s.end], s.label, s.value, s.attrs) for s in art.layer("mention")]
    return text, ms


def _entity(ms, surface: str, typ: str):  # type: ignore[no-untyped-def]
    found = [m for m in ms if m[0] == surface and m[1] == typ]
    assert found, f"{surface} ({typ}) not found among {[(m[0], m[1]) for m in ms]}"
    return found[0]


def _same(ms, surfaces, typ):  # type: ignore[no-untyped-def]
    keys = {_entity(ms, s, typ)[2] for s in surfaces}
    assert len(keys) == 1, (surfaces, keys)
    return keys.pop()


@pytest.fixture
def seed0(seeds):  # type: ignore[no-untyped-def]
    return _analyse(seeds, "000_fb5f7343a8c5efbe.txt")


@pytest.fixture
def seed1(seeds):  # type: ignore[no-untyped-def]
    return _analyse(seeds, "001_679cebe4c01a82f2.txt")


def test_seed0_people_with_roles_and_variants(seed0) -> None:  # type: ignore[no-untyped-def]
    _text, ms = seed0
    key = _same(ms, ["إلياس أومخانوف", "أوماخانوف", "أومخانوف"], "PER")
    assert sum(1 for m in ms if m[2] == key) == 3
    omak = _entity(ms, "إلياس أومخانوف", "PER")
    assert omak[3]["role"].startswith("نائب رئيس مجلس")
    jalali = _same(ms, ["كاظم جلالي", "جلالي"], "PER")
    assert _entity(ms, "كاظم جلالي", "PER")[3]["role"].startswith("السفير الإيراني")
    assert jalali != key
    rud = _entity(ms, "أندريه رودينكو", "PER")
    assert rud[3]["role"] == "نائب وزير الخارجية الروسي"
    assert not any(m[1] == "PER" and m[0].startswith(("نائب", "السفير")) for m in ms)


def test_seed0_organisations_and_places(seed0) -> None:  # type: ignore[no-untyped-def]
    _text, ms = seed0
    council = _same(ms, ["مجلس (الاتحاد) الفيدرالية الروسي", "مجلس (الاتحاد)"], "ORG")
    assert council
    assert _entity(ms, "وزارة الخارجية الروسية", "ORG")[3]["country"] == "RU"
    ru = _same(ms, ["روسيا", "روسيا الاتحادية"], "GPE")
    assert ru == "gpe:" + normalize("روسيا")
    for name, cc in (("إيران", "IR"), ("موسكو", "RU"), ("طهران", "IR"), ("أكتاو", "KZ"),
                     ("أذربيجان", "AZ"), ("كازاخستان", "KZ"), ("تركمانستان", "TM")):
        assert _entity(ms, name, "GPE")[3]["country"] == cc, name
    assert _entity(ms, "موسكو", "GPE")[2] != ru  # the capital keeps its city identity
    for name in ("بحر قزوين", "جنوبي القوقاز", "آسيا الوسطى"):
        assert _entity(ms, name, "LOC")
    assert _entity(ms, "الكازاخستانية", "NORP")[3]["country"] == "KZ"
    assert not any(m[0] in ("وإيران", "وأذربيجان", "وكازاخستان") for m in ms)  # clitics left out


def test_seed1_people_and_raisi_evidence(seed1) -> None:  # type: ignore[no-untyped-def]
    text, ms = seed1
    putin = _same(ms, ["فلاديمير بوتين", "بوتين"], "PER")
    raisi = _same(ms, ["إبراهيم رئيسي", "رئيسي"], "PER")
    assert putin != raisi
    bare = [m for m in ms if m[0] == "رئيسي" and m[1] == "PER"]
    assert len(bare) >= 3  # every bare رئيسي after the full name is the person
    assert sum(1 for m in ms if m[2] == raisi) >= 6
    _same(ms, ["سعيد خطيب زادة", "خطيب زادة"], "PER")


def test_seed1_organisations_misc_and_places(seed1) -> None:  # type: ignore[no-untyped-def]
    _text, ms = seed1
    assert _entity(ms, "الكرملين", "ORG")[3]["country"] == "RU"
    assert _entity(ms, "منظمة شنغهاي للتعاون", "ORG")
    assert _entity(ms, "السفارة الإيرانية", "ORG")[3]["country"] == "IR"
    assert _entity(ms, "الخارجية الإيرانية", "ORG")
    assert _entity(ms, "المكتب الصحفي للكرملين", "ORG")[3]["country"] == "RU"
    assert _entity(ms, "لرئاسة الإيرانية", "ORG")[3]["country"] == "IR"  # الرئاسة, misspelled
    sputnik = [m for m in ms if m[0] == "سبوتنيك"]
    assert {m[1] for m in sputnik} == {"ORG", "MISC"}  # the agency and the vaccine
    assert _entity(ms, "خطة العمل الشاملة المشتركة", "MISC")
    assert _same(ms, ["روسيا الاتحادية"], "GPE") == "gpe:" + normalize("روسيا")
    assert _same(ms, ["جمهورية إيران الإسلامية"], "GPE") == "gpe:" + normalize("إيران")
    taj = _same(ms, ["طاجيكستان", "طاجكستان"], "GPE")
    assert _entity(ms, "طاجكستان", "GPE")[3]["country"] == "TJ" and taj
    assert _entity(ms, "دوشانبيه", "GPE")[3]["country"] == "TJ"
    assert _entity(ms, "موسكو", "GPE")[3]["country"] == "RU"
