from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import normalize, normalize_with_map, to_western_digits
from marsad.text.tokens import stem


def test_folds_alef_hamza_ya_ta_marbuta_and_digits():
    assert normalize("إيران") == normalize("ايران") == "ايران"
    assert normalize("مدرسة") == "مدرسه"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("٢١ مايو ٢٠٢٠") == "21 مايو 2020"
    assert normalize("۱۴۰۰") == "1400"
    assert to_western_digits("١٤٣٦هـ") == "1436هـ"


def test_folds_the_maghrebi_qaf():
    """ڨ U+06A8 is ق said g in Tunisia and Algeria (ڨفصة for قفصة): one letter, kept apart before,
    so a search for قفصة missed the articles that wrote ڨفصة. Long texts take another path."""
    assert normalize("\u06a8\u0641\u0635\u0629") == normalize("قفصة") == "قفصه"
    long = "وقع الحادث في بن \u06a8ردان مساء أمس حسب ما أفاد به مصدر أمني في الولاية للإذاعة."
    assert len(long) >= 64 and normalize(long) == normalize(long.replace("\u06a8", "ق"))
    norm, m = normalize_with_map("ولاية \u06a8ابس")
    assert norm == "ولايه قابس" and m.span(6, 10) == (6, 10)


def test_drops_tashkeel_tatweel_and_invisible_marks():
    assert normalize("مُحَمَّد") == "محمد"
    assert normalize("العـــربية") == "العربيه"
    assert normalize("روسيا\u200fوإيران\u200b") == "روسياوايران"


def test_presentation_forms_expand_and_map_back():
    text = "قال \ufefb بد"  # lam-alef ligature
    norm, m = normalize_with_map(text)
    assert norm == "قال لا بد"
    i = norm.index("لا")
    assert m.span(i, i + 2) == (4, 5)


def test_offsets_map_back_after_deletions():
    text = "قالَ الرئيسُ إنّ روسيا"
    norm, m = normalize_with_map(text)
    i = norm.index("روسيا")
    s, e = m.span(i, i + len("روسيا"))
    assert text[s:e] == "روسيا"
    j = norm.index(normalize("الرئيس"))
    s, e = m.span(j, j + len("الرئيس"))
    assert text[s:e] == "الرئيس"


arabicish = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ٠١٢٣٤٥٦٧٨٩ًٌٍَُِّْـ\u200f\ufefbAbc .,\n")),
    max_size=80,
)


@given(arabicish)
def test_normalize_is_idempotent_and_matches_mapped_version(text):
    norm, m = normalize_with_map(text)
    assert normalize(text) == norm
    assert normalize(norm) == norm
    assert m.norm_len == len(norm)


@given(arabicish)
def test_every_normalized_char_maps_inside_the_original(text):
    norm, m = normalize_with_map(text)
    for i in range(len(norm)):
        o = m.to_orig(i)
        assert 0 <= o < len(text)
        assert normalize(text[o]) and norm[i] in normalize(text[o])


def test_light_stem_conflates_clitics_and_plurals():
    assert stem(normalize("وروسيا")) == stem(normalize("روسيا")) == stem(normalize("بروسيا"))
    assert stem(normalize("المفاوضات")) == stem(normalize("مفاوضة"))
    assert stem("virus") == "virus"
