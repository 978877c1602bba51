"""Classes of fault seen on real news: organisation boundaries, formulae with الله, a place
name of several countries, nasab chains, a country name that is a surname. Texts written for
the tests."""

from __future__ import annotations

import pytest

from marsad.enrich.entities.gazetteer import load_default
from marsad.enrich.entities.tagger import default_tagger
from marsad.text.normalize import normalize


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    return default_tagger()


def _ms(tagger, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(text[s.start:s.end], s.label, s.attrs.get("country", "")) for s in tagger.spans(text)]


def _types(ms: list[tuple[str, str, str]]) -> dict[str, str]:
    return {t: y for t, y, _c in ms}


def _pairs(tagger, text: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(mention text, type) of every mention of ``text``."""
    return {(t, y) for t, y, _c in _ms(tagger, text)}


def test_organisation_ends_before_time_and_purpose_words(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("أعلنت وزارة السياحة الإسرائيلية الأحد عن خطة جديدة، ورفع الملف إلى وزارة التربية "
            "لاتخاذ القرار المناسب، واجتمعت اللجنة المنظمة للبطولة القادمة.")
    ty = _types(_ms(tagger, text))
    assert ty.get("وزارة السياحة الإسرائيلية") == "ORG"
    assert ty.get("وزارة التربية") == "ORG"
    assert not any("القادمة" in t or "الأحد" in t or "لاتخاذ" in t for t in ty)


def test_nationality_closes_a_construct_but_not_a_definite_head(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قالت وكالة الأنباء الفرنسية المتواجد مراسلها في المدينة إن نادي أرسنال الإنجليزي لكرة "
            "القدم فاز.")
    ty = _types(_ms(tagger, text))
    assert ty.get("وكالة الأنباء الفرنسية") == "ORG"
    assert not any("المتواجد" in t for t in ty)
    assert ty.get("نادي أرسنال الإنجليزي لكرة القدم") == "ORG"


def test_definite_head_before_a_noun_is_no_name(tagger) -> None:  # type: ignore[no-untyped-def]
    ty = _types(_ms(tagger, "ويحتضن النادي الطبعة الأولى من البطولة في مدينة سوسة."))
    assert not any(t.startswith("النادي") for t in ty)


def test_organisation_named_after_a_royal(tagger) -> None:  # type: ignore[no-untyped-def]
    ty = _types(_ms(tagger, "افتتح مركز الملك عبد الله للدراسات فرعا جديدا."))
    assert any(t.startswith("مركز الملك عبد الله") and y == "ORG" for t, y in ty.items())
    assert "عبد" not in ty


def test_allah_in_formulae_is_no_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("بسم الله الرحمن الرحيم. وقال الشيخ رحمه الله إن شاء الله والحمد لله. وأكد حسن نصر "
            "الله أن حزب الله لن يتراجع. وقال عبد الله الشمري إن الداعية فتح الله غولن، غادر.")
    ms = _ms(tagger, text)
    ty = _types(ms)
    assert not any(t in ("الله", "لله", "الرحمن الرحيم", "الحمد لله") for t in ty)
    assert ty.get("حسن نصر الله") == "PER"
    assert ty.get("حزب الله") == "ORG"
    assert ty.get("عبد الله الشمري") == "PER"
    assert ty.get("فتح الله غولن") == "PER"


def test_place_of_several_countries_takes_the_article_country(tagger) -> None:  # type: ignore[no-untyped-def]
    gaz = load_default()
    assert {e.country for e in gaz.alternatives["الجوف"]} >= {"LY"}
    libya = "قال مسؤول في بنغازي إن قوات ليبية وصلت إلى الجوف جنوب ليبيا قادمة من سبها."
    saudi = "أعلنت إمارة منطقة الجوف افتتاح مشروع في سكاكا بتوجيه من الرياض والمملكة العربية السعودية."
    assert ("الجوف", "GPE", "LY") in _ms(tagger, libya)
    assert ("الجوف", "GPE", "SA") in _ms(tagger, saudi)
    # no other place: the usual reading
    assert any(t == "الجوف" and c == "SA" for t, _y, c in _ms(tagger, "هطلت أمطار على الجوف أمس."))


def test_nasab_chain_keeps_its_first_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وصل صاحب السمو الأمير تركي بن محمد بن فهد إلى المدينة، واستقبله الدكتور علي بن "
            "ناصر الغفيص. وقال رئيس الوزراء التركي بن علي يلدريم إن الزيارة ناجحة.")
    ty = _types(_ms(tagger, text))
    assert ty.get("تركي بن محمد بن فهد") == "PER"
    assert ty.get("علي بن ناصر الغفيص") == "PER"
    assert ty.get("بن علي يلدريم") == "PER"  # التركي here is the adjective


def test_country_name_after_a_first_name_is_a_surname(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "قال الرئيس رافائيل كوريا إن الانتخابات ستجري في موعدها. وزار الملك سلمان مصر.")
    ty = _types(ms)
    assert ty.get("رافائيل كوريا") == "PER"
    assert ty.get("مصر") == "GPE" and ty.get("سلمان") == "PER"


def test_frequent_family_names_stay_in_the_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قام الرئيس المصري عبد الفتاح السيسي بتعيين وزير جديد، وحذر الرئيس الفرنسي للرئيس "
            "السوري بشار الأسد باللجوء للقوة. وعبر كيم الخط الفاصل بين البلدين.")
    ty = _types(_ms(tagger, text))
    assert ty.get("عبد الفتاح السيسي") == "PER"
    assert ty.get("بشار الأسد") == "PER"
    assert "كيم الخط" not in ty


def test_organisation_stops_before_an_object_and_a_second_body(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("بعد أن رفعت إدارة السجون الحظر عن الزيارات، قال مجلس الأمن الدولي إن محكمة العدل "
            "الدولية ومجلس التعاون الخليجي رحبا بالقرار.")
    ty = _types(_ms(tagger, text))
    assert ty.get("إدارة السجون") == "ORG"
    assert ty.get("مجلس الأمن الدولي") == "ORG"
    assert ty.get("محكمة العدل الدولية") == "ORG"
    assert ty.get("مجلس التعاون الخليجي") == "ORG"
    assert "الخليجي" not in ty


def test_money_and_spelled_acronyms(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "بلغت قيمة الصفقة 500 مليون دولارا، وقال المسؤول لبي بي سي إن الخبر صحيح."
    ms = _ms(tagger, text)
    ty = _types(ms)
    assert "دولارا" not in ty
    assert ty.get("بي بي سي") == "ORG"


def test_a_role_after_a_proclitic_reads_as_the_title(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وفي كلمة للرئيس السوري بشار الأسد أمس قال إن الحرب ستنتهي. وكان ولوزير الخارجية "
            "الروسي سيرغي لافروف رأي آخر، وصرح والسفير الإيراني كاظم جلالي بذلك.")
    roles = {text[s.start:s.end]: s.attrs.get("role") for s in tagger.spans(text) if s.label == "PER"}
    assert roles.get("بشار الأسد") == "الرئيس السوري"
    assert roles.get("سيرغي لافروف") == "وزير الخارجية الروسي"
    assert roles.get("كاظم جلالي") == "السفير الإيراني"


def test_a_word_that_only_looks_like_a_proclitic_and_a_title_is_read_whole() -> None:
    from marsad.enrich.entities.words import _title_cut
    from marsad.text.normalize import normalize

    assert _title_cut("ولاية", normalize("ولاية")) == (0, "")  # not و + ل + آية
    assert _title_cut("للرئيس", normalize("للرئيس")) == (1, "ا")


def test_amman_in_a_jordanian_article_and_oman_in_an_omani_one(tagger) -> None:  # type: ignore[no-untyped-def]
    jo = _ms(tagger, "وصل وزير الخارجية الأردني إلى عمان قادما من الرياض بعد لقاء مع نظيره في جدة.")
    assert ("عمان", "GPE", "JO") in jo
    om = _ms(tagger, "وصل الوزير إلى عمان، وقال مسؤول عماني إن سلطنة عمان ترحب بالزيارة.")
    assert ("عمان", "GPE", "OM") in om
    gaz = load_default()
    assert {e.country for e in gaz.alternatives["عمان"]} == {"JO"}


def test_a_future_verb_is_no_part_of_a_name(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "قال المصدر إن الملك سلمان ستعمل الحكومة على تنفيذ توجيهاته.")
    assert ("سلمان", "PER", "") in ms
    assert not any("ستعمل" in t for t, _y, _c in ms)


def test_founder_and_martyr_are_roles(tagger) -> None:  # type: ignore[no-untyped-def]
    for text in ("وكان الملك المؤسس عبدالعزيز آل سعود قد وحد البلاد.",
                 "وكان المؤسس عبدالعزيز آل سعود قد وحد البلاد."):
        spans = tagger.spans(text)
        per = [s for s in spans if s.label == "PER"]
        assert [text[s.start:s.end] for s in per] == ["عبدالعزيز آل سعود"]
        assert "المؤسس" in per[0].attrs["role"]
    ms = _ms(tagger, "وقعت عملية دهس قام بها الشهيد فادي قنبر في القدس.")
    assert ("فادي قنبر", "PER", "") in ms


def test_the_place_after_a_governor_is_a_place(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "التقى الرئيس هادي بمحافظ عدن ومحافظ لحج ومحافظ أبين ومحافظ صرواح في القصر.")
    ty = _types(ms)
    assert ty.get("أبين") == "GPE" and ty.get("لحج") == "GPE" and ty.get("صرواح") == "GPE"
    assert ("أبين", "GPE", "YE") in ms


def test_a_person_after_hezbollah(tagger) -> None:  # type: ignore[no-untyped-def]
    ty = _types(_ms(tagger, "وقال القيادي في حزب الله نبيل قاووق إن المقاومة جاهزة."))
    assert ty.get("حزب الله") == "ORG" and ty.get("نبيل قاووق") == "PER"
    ty = _types(_ms(tagger, "وقال الأمين العام لحزب الله حسن نصر الله إن الحزب سيرد."))
    assert ty.get("حزب الله") == "ORG" and ty.get("حسن نصر الله") == "PER"
    ty = _types(_ms(tagger, "وكان سعيد بخروج الفريق من البطولة."))
    assert "سعيد بخروج" not in ty


def test_praise_to_god_is_no_name(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "وتمكن الفريق بحمد الله عبور المرحلة الأولى بنجاح.")
    assert not any(y == "PER" for _t, y, _c in ms)


def test_a_feminine_adjective_is_no_family_name(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "فاز بجائزة الملك فيصل العالمية عدد من العلماء.")
    assert not any("العالمية" in t and y == "PER" for t, y, _c in ms)
    assert not any(t.startswith("بجائزة") for t, _y, _c in ms)  # the proclitic stays out


def test_nationality_with_a_direction(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "وأدانت وزارة الخارجية الكورية الشمالية العقوبات التي فرضها الوفد الكوري "
                     "الجنوبي.")
    assert ("وزارة الخارجية الكورية الشمالية", "ORG", "KP") in ms
    assert ("الكوري الجنوبي", "NORP", "KR") in ms
    keys = {s.value for s in tagger.spans("قالت وكالة الأنباء الكورية الشمالية إن التجربة نجحت.")}
    assert "org:وكاله انباء كوريه شماليه" in keys  # the head is وكالة, not و + كالة


def test_organisation_ends_before_a_place_after_a_definite_word(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "وقال ترامب. طالبت محكمة العدل الدولية الولايات المتحدة الأمريكية بتخفيف العقوبات.")
    assert ("محكمة العدل الدولية", "ORG", "") in ms
    assert ("الولايات المتحدة الأمريكية", "GPE", "US") in ms


def test_organisation_ends_at_an_indefinite_word_after_its_nationality(tagger) -> None:  # type: ignore[no-untyped-def]
    ty = _types(_ms(tagger, "وأوقف الاتحاد البيروفي غيريرو لمدة شهر."))
    assert ty.get("الاتحاد البيروفي") == "ORG"
    assert not any("غيريرو" in t and y == "ORG" for t, y in ty.items())


def test_descriptions_are_no_organisations(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("أصدرت محكمة عليا في ألمانيا حكما في دعاوى أقامتها جماعة مدافعة عن البيئة. وصرح رئيس "
            "مكتب للصرافة في طهران. وقال متحدث باسم الشركة المالكة للحافلة إن المجموعة المتخصصة "
            "بالتطوير العقاري ستعمل.")
    assert not any(y == "ORG" for _t, y, _c in _ms(tagger, text))


def test_two_bodies_and_a_name_that_goes_on_after_lam(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وتوصلت الهيئة العامة للاستثمار إلى اتفاق مع الهيئة العامة للجمارك والمؤسسة العامة "
            "للموانئ. وقال إن اتحاد الغرف التجارية لكافة التكاليف اللوجيستية يدرس.")
    orgs = [t for t, y, _c in _ms(tagger, text) if y == "ORG"]
    assert orgs == ["الهيئة العامة للاستثمار", "الهيئة العامة للجمارك", "المؤسسة العامة للموانئ",
                    "اتحاد الغرف التجارية"]


def test_proclitics_before_a_hamza_and_names_that_only_look_so(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وتنافست فرق تشلسي وإنترناسيونالي الإيطالي، وكان لامبرت مدربا لأستون فيلا، وأعلن نادي "
            "بوروسيا دورتموند فوزه على فالنسيا.")
    names = [t for t, _y, _c in _ms(tagger, text)]
    assert "إنترناسيونالي" in names and "أستون فيلا" in names
    assert not any(t.startswith(("وروسيا", "النسيا")) for t in names)
    assert any(t.endswith("بوروسيا دورتموند") for t in names) and "فالنسيا" in names


def test_a_weak_title_needs_a_full_name(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "وأكد المتحدث أن الشهيد نال شهادة العز. ودعا الله أن يتقبل الشهيد برحمته.")
    assert not any(y == "PER" and t in ("نال", "برحمته") for t, y, _c in ms)
    ms = _ms(tagger, "وقاد قوات الطوارئ اللواء الركن خالد بن قرار الحربي.")
    assert not any(t == "الركن" for t, _y, _c in ms)


def test_a_conjunction_after_a_place_head_is_no_place(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "اقتحمت المقاومة مبنى الأمن في المدينة وأفرجت عن عدد من الأسرى.")
    assert not any(y == "GPE" for _t, y, _c in ms)


def test_people_named_alike_to_places_and_proclitics(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "أعلنت كل من السعودية والقاهرة وأبو ظبي والمنامة قطع العلاقات. ودعا المدرب "
                     "ومكرم بن رمضان وعمر الموحلي إلى التربص. وقال فؤاد حسين إن الحزب باق.")
    assert ("أبو ظبي", "GPE", "AE") in ms
    names = [t for t, y, _c in ms if y == "PER"]
    assert "مكرم بن رمضان" in names and "فؤاد حسين" in names


def test_a_nisba_after_first_names_is_the_family_name(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "يصر المبعوث على لقاء زعيم المتمردين، عبدالملك الحوثي، لمناقشة المقترحات. "
                     "وقال الرئيس المصري إن الحكومة ترحب.")
    assert ("عبدالملك الحوثي", "PER", "") in ms
    assert ("المصري", "NORP", "EG") in ms


def test_bodies_of_any_organisation_and_lists_of_bodies(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("تسعى الإدارة لموافقة أعضاء مجلس الإدارة، وقال عضو المكتب السياسي إن اللجنة التنفيذية "
            "للمهرجان اجتمعت مع الهيئة العامة للاستثمار. وأعلنت شركة مايكروسوفت وشركة إنتل وحركة "
            "حماس عن خطط. وكشفت صحيفة بريطانية الجمعة عن صفقة. ونالت حركة نالت إعجاب الجمهور.")
    ms = _ms(tagger, text)
    orgs = [t for t, y, _c in ms if y == "ORG"]
    assert orgs == ["الهيئة العامة للاستثمار", "شركة مايكروسوفت", "شركة إنتل", "حركة حماس"]
    assert ("بريطانية", "NORP", "GB") in ms
    assert ("حزب القوات اللبنانية", "ORG", "LB") in _ms(tagger, "وقال رئيس حزب القوات اللبنانية إن الوضع صعب.")


def test_descriptions_after_media_heads_and_verbs_after_titles(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وأكدت الصحيفة الإيطالية الرياضية أن المدرب اتصل. وقال النادي في بيان: اللاعب سيعود إلى "
            "الملاعب قريبا. وأصدرت الجمعيات بيانا تدعو فيه إلى الحماية. وتصدرت بلجيكا المجموعة "
            "السابعة. وأجرى محادثات مع المدرب البوسني وحيد خليلودزيتش.")
    ms = _ms(tagger, text)
    assert not any(y == "ORG" for _t, y, _c in ms)
    assert not any(t in ("سيعود", "فيه", "البوسني") and y == "PER" for t, y, _c in ms)
    assert ("البوسني", "NORP", "BA") in ms


def test_a_homonym_in_a_list_of_countries_and_in_a_dateline(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _ms(tagger, "تشارك منتخبات الإمارات والسعودية والبحرين وعمان وقطر والأردن في البطولة.")
    assert ("عمان", "GPE", "OM") in ms
    ms = _ms(tagger, "عمان، الأردن (CNN) -- قال رئيس مجلس النواب إن البلاد ترحب بالقرار.")
    assert ("عمان", "GPE", "JO") in ms


def _keyed(tagger, text: str) -> dict[str, tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {text[s.start:s.end]: (s.label, s.value, s.attrs.get("role", "")) for s in tagger.spans(text)}


def test_a_country_adjective_after_a_definite_word_closes_the_name(tagger) -> None:  # type: ignore[no-untyped-def]
    # السعودية after a definite word is the adjective of the body, not the country (a place
    # after a definite word still is no part of the name: العدل الدولية | الولايات المتحدة)
    text = "شكر العداء اللجنة الأولمبية السعودية على دعمها، وأثنى على الهيئة العامة للرياضة السعودية."
    ty = _types(_ms(tagger, text))
    assert ty.get("اللجنة الأولمبية السعودية") == "ORG"
    assert ty.get("الهيئة العامة للرياضة السعودية") == "ORG"
    assert "السعودية" not in ty


def test_an_organisation_key_has_no_conjunction_or_preposition(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وقدمت شركة أرامكو وشركة سابك عروضها، وانضم شباب جدد لتنظيم القاعدة في المنطقة."
    keys = _keyed(tagger, text)
    assert keys["شركة سابك"][1] == "org:شركه سابك"
    assert keys["تنظيم القاعدة"][1] == "org:تنظيم قاعده"


def test_a_title_before_a_comma_and_wa_is_the_previous_persons(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وحضر اللقاء الأمين العام المؤسس للحزب، وأحمد سعيد عضو المكتب، ووزير الخارجية الصيني وانغ يي."
    keys = _keyed(tagger, text)
    assert keys["أحمد سعيد"][2] == ""
    wang = next(v for t, v in keys.items() if "انغ" in t)
    assert "وزير الخارجية" in wang[2]  # (no comma: the title is his)


def test_no_person_from_a_common_noun_after_a_title_or_an_ambiguous_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وبعد أن تلقى الفريق لستة أهداف في مباراتين، تحدث المدرب عن حسن حظه وعن علاقات حسن "
            "جوار مع الأندية، وأصدر الرئيس مرسومين مختلفين.")
    ms = _ms(tagger, text)
    assert not any(t in ("لستة", "حسن حظه", "حسن جوار") or "مختلفين" in t for t, _y, _c in ms)


def test_a_surname_that_takes_the_article_still_follows_a_first_name(tagger) -> None:  # type: ignore[no-untyped-def]
    ty = _types(_ms(tagger, "ويقول صالح الصماد إن المفاوضات متوقفة، وأكد حميد حبيبي ذلك. وعين "
                            "والي قابس ـ منير حامدي، ووالي توزر ـ أكرم السبري."))
    assert ty.get("صالح الصماد") == "PER"
    assert ty.get("حميد حبيبي") == "PER"
    assert ty.get("منير حامدي") == "PER"  # (a nisba the corpus writes with ال as often)


def test_lahij_is_a_place_only_where_a_place_is_named(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وأكمل المسؤولون الاستعدادات لحج هذا العام، وقال محافظ لحج إن الأمن مستتب في لحج وعدن."
    ms = _ms(tagger, text)
    places = [(s, c) for s, y, c in ms if y == "GPE" and s == "لحج"]
    assert len(places) == 2 and all(c == "YE" for _s, c in places)
    starts = [s.start for s in tagger.spans(text) if text[s.start:s.end] == "لحج"]
    assert text.index("لحج") not in starts  # (لحج هذا العام: for the hajj)


def test_a_participle_before_an_ordinal_names_a_league(tagger) -> None:  # type: ignore[no-untyped-def]
    ty = _types(_ms(tagger, "تنطلق غدا الجولة الخامسة من بطولة الرابطة المحترفة الثانية بملعب المدينة."))
    assert ty.get("الرابطة المحترفة الثانية") == "ORG"


@pytest.mark.parametrize("text", ["قالت الوزارة", "وأعلنت الشركة", "أكد ذلك مسؤول في الجامعة"])
def test_a_definite_head_at_the_end_of_a_text_is_read(tagger, text: str) -> None:  # type: ignore[no-untyped-def]
    # the head's next word was read past the end of the text (an IndexError)
    assert all(t for t, _y, _c in _ms(tagger, text))


def test_a_definite_noun_after_a_demonstrative_is_no_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال الخبير إن هذه القاعدة تطبق على الجميع، وخرج النظام عن تلك القاعدة مرارا، "
            "بينما أعلن تنظيم القاعدة مسؤوليته عن الهجوم.")
    ms = _ms(tagger, text)
    assert [(t, y) for t, y, _c in ms if "القاعدة" in t] == [("تنظيم القاعدة", "ORG")]


def test_a_plural_in_construct_is_no_person(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وعزا باحثو الجامعة الزحام إلى السفر، وقال مسؤولو المطار إن عمرو خالد وصل."
    ty = _types(_ms(tagger, text))
    assert "باحثو" not in ty and "مسؤولو" not in ty
    assert ty.get("عمرو خالد") == "PER"


@pytest.mark.parametrize("text,name", [
    ("وحكمت المحكمة بالسجن عشرين عاما لناصر الزفزافي وثلاثة من رفاقه.", "ناصر الزفزافي"),
    ("وطالبت المرجعية العليا ممثلة بعلي السيستاني بإلغاء المناصب.", "علي السيستاني"),
])
def test_a_preposition_before_a_first_name_is_left_out(tagger, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert (name, "PER") in [(t, y) for t, y, _c in _ms(tagger, text)]


def test_a_common_word_is_not_read_as_proclitic_and_place(tagger) -> None:  # type: ignore[no-untyped-def]
    # كبيرا is no ك + بيرا (Beira), وجيزة no و + جيزة; بتونس and وموسكو are a proclitic and a place
    text = ("شهدت الأسعار ارتفاعا كبيرا بعد فترة وجيزة من القرار، ووصل الوفد بتونس ثم توجه إلى "
            "بغداد ولبنان وموسكو.")
    places = [t for t, y, _c in _ms(tagger, text) if y in ("GPE", "LOC")]
    assert places == ["تونس", "بغداد", "لبنان", "موسكو"]


def test_a_place_name_that_is_an_everyday_word_needs_a_place_cue(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("لا أحد يعرف كيف حدث ذلك، إذ نشر الجيش صور الدمار وكشف عن فساد مالي كبير. "
            "وقصفت الطائرات مدينة صور في جنوب لبنان، وقاتلت القوات في مالي، "
            "وتوزعت الآبار على غانا ومالي وتوغو.")
    places = [t for t, y, _c in _ms(tagger, text) if y in ("GPE", "LOC")]
    assert places == ["صور", "لبنان", "مالي", "غانا", "مالي", "توغو"]


def test_fatah_is_named_only_where_its_world_is(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("تعتزم المفوضية فتح تحقيق في الصفقة، وأعيد فتح الميناء أمس. وقالت حركة فتح إن "
            "الاجتماع فشل، وتبادلت فتح وحماس الاتهامات.")
    orgs = [t for t, y, _c in _ms(tagger, text) if y == "ORG"]
    assert orgs == ["حركة فتح", "فتح", "حماس"]


def test_peninsulas_and_titles_of_the_king(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وفي المربع الشمالي لشبه جزيرة سيناء وسط غياب شبه منعدم للخدمات، أعطاه الطبيب مسكنات "
            "شبه الأفيونية، وقال مستشار خادم الحرمين الشريفين أمير منطقة مكة.")
    ms = _ms(tagger, text)
    assert [(t, y) for t, y, _c in ms if y in ("LOC", "GPE", "PER")] == [("شبه جزيرة سيناء", "LOC"), ("مكة", "GPE")]


def test_an_adjective_after_a_place_head_and_his_crown_prince(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("سقط صاروخ على حي شعبي في مدينة حلب، ومن ناحية أخرى قصفت الطائرات حي جوبر. "
            "وقدم العزاء لخادم الحرمين الشريفين وولي عهده.")
    ms = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert ms == [("حلب", "GPE"), ("جوبر", "LOC")]


def test_ali_opens_a_name_the_preposition_does_not(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال السفير علي عواض عسيري إن الزيارة مهمة، وأكد الدكتور علي عبد العال ذلك. "
            "وحصل على الجائزة محمد صلاح.")
    pers = [t for t, y, _c in _ms(tagger, text) if y == "PER"]
    assert pers == ["علي عواض عسيري", "علي عبد العال", "محمد صلاح"]


def test_turki_al_sheikh_and_an_adjective_after_a_title(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال تركي الخضير إن الفريق جاهز للمباراة وإن المدرب متمكن، ووجه المستشار تركي آل "
            "الشيخ رسالة، واستقبل الملك سلمان بن عبدالعزيز آل سعود الوفد. وقال الرئيس جمال "
            "عبد الناصر إن الوقت حان.")
    pers = [t for t, y, _c in _ms(tagger, text) if y == "PER"]
    assert pers == ["تركي الخضير", "تركي آل الشيخ", "سلمان بن عبدالعزيز آل سعود", "جمال عبد الناصر"]


def test_a_lone_person_from_a_cluster_without_names_is_dropped(tagger) -> None:  # type: ignore[no-untyped-def]
    from marsad.enrich.entities.mention import Mention
    from marsad.enrich.entities.words import _nameless_clusters
    from marsad.text.normalize import normalize

    # the rule: a cluster with (next to) no known names among its words is nameless
    vocab = {"سمير": ("0", "1", "1", "1", "f9", "a0"), "كتب": ("0", "2", "2", "2", "f9", "a0"),
             "قرا": ("0", "2", "2", "3", "f9", "a0")}
    nameless = _nameless_clusters(vocab, {"سمير": "PERS-B"})
    assert (1, "2") in nameless and (1, "1") not in nameless and (3, "3") in nameless
    # on the shipped clusters: verbs and adverbs are no people, names and و + a name are
    f = tagger.finder.ordinary
    for w in ("أعطت", "بهدوء", "تخدم", "معسكر"):
        assert f._no_name(normalize(w), [], []), w
    for w in ("بوتين", "وبوتين", "كارتر", "خوسيه"):
        assert not f._no_name(normalize(w), [], []), w
    # … unless the word ends a longer name of the article
    norms = [normalize(w) for w in "قال محمد الكبير ثم عاد الكبير".split()]
    assert f._no_name("الكبير", [], norms)
    assert not f._no_name("الكبير", [Mention(1, 3, "PER")], norms)


def test_a_definite_head_takes_no_genitive_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال رئيس النادي أحمد النجار إن الهيئة بفتح المطار ستقوم بالعمل، وأكد ديون النادي "
            "والحصول على الدعم. وقال الاتحاد الأوروبي والبنك المركزي ووزارة الخارجية "
            "والنادي الأهلي والحرس الثوري إنهم مستعدون.")
    ms = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert ms == [("أحمد النجار", "PER"), ("الاتحاد الأوروبي", "ORG"), ("البنك المركزي", "ORG"),
                  ("وزارة الخارجية", "ORG"), ("النادي الأهلي", "ORG"), ("الحرس الثوري", "ORG")]


def test_latin_words_of_an_address_are_no_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("للتواصل مع الكاتب Asalgrni@gmail.com أو عبر Twitter:@abd أو www.Kfsc.edu.sa، "
            "بينما قالت CNN إن شركة Apple جاهزة.")
    assert [t for t, y, _c in _ms(tagger, text) if y == "ORG"] == ["CNN", "شركة Apple"]


def test_first_names_surnames_and_a_word_of_its_own(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وواصل المهاجم حمزة يونس تألقه في البطولة، ودافع المدرب عن كريم بنزيمة، وأكد ولي "
            "العهد الأمير محمد بن سلمان تكفل الدولة بالمشروع، وقال وانغ يي إن الصين مستعدة.")
    pers = [t for t, y, _c in _ms(tagger, text) if y == "PER"]
    assert pers == ["حمزة يونس", "كريم بنزيمة", "محمد بن سلمان", "وانغ يي"]


def test_a_first_name_and_a_family_name_nobody_tagged(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وكان تعيين الرئيس بيل كلنتون لمارتن انديك في المنصب مفاجئا. ووصل الوفد صباح الأحد، "
            "وقال أنا سعيد بالزيارة.")
    pers = [t for t, y, _c in _ms(tagger, text) if y == "PER"]
    assert pers == ["بيل كلنتون", "مارتن انديك"]


def test_movement_and_organising_are_verbal_nouns_before_a_common_word(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وتعطلت حركة المرور وحركة الملاحة، وساعدت الحكومة في تنظيم السوق، بينما أعلن تنظيم "
            "الدولة الإسلامية وحركة المقاومة الإسلامية وحركة النهضة وتنظيم داعش مواقفها.")
    orgs = [t for t, y, _c in _ms(tagger, text) if y == "ORG"]
    assert orgs == ["تنظيم الدولة الإسلامية", "حركة المقاومة الإسلامية", "حركة النهضة", "تنظيم داعش"]


def test_a_head_after_a_head_and_places_joined_by_waw(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("أقامت بلدية محافظة أبوعريش حفلا، فيما أعلنت الأردن وجيبوتي خفض التمثيل، ويعيش مليار "
            "شخص في آسيا وأفريقيا، وزار الوفد البوسنة والهرسك.")
    places = [t for t, y, _c in _ms(tagger, text) if y in ("GPE", "LOC")]
    assert places == ["أبوعريش", "الأردن", "جيبوتي", "آسيا", "أفريقيا", "البوسنة والهرسك"]


def test_place_names_that_are_everyday_words_need_a_cue_or_a_list(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وتحدث السكان عن الحصار وكيف صمدوا، ونشر الموقع قصصا وصورا وصور الأطفال، ثم زار "
            "الوفد بيروت وصور وصيدا، ووصل المبعوث إلى صور أمس.")
    places = [t for t, y, _c in _ms(tagger, text) if y in ("GPE", "LOC")]
    assert places == ["بيروت", "صور", "صيدا", "صور"]


def test_course_of_events_and_the_right_foot_are_no_nationalities(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وسيطر الفريق على مجريات اللعب وغير مجرى المباراة بعد إصابة المهاجم في قدمه اليمنى "
            "وسقوطه على الجهة اليمنى، وتعاقد النادي مع لاعب مجري الجنسية، وقال الرئيس اليمنى إن "
            "الحوار مستمر.")
    nats = [(t, c) for t, y, c in _ms(tagger, text) if y == "NORP"]
    assert nats == [("مجري", "HU"), ("اليمنى", "YE")]


def test_a_bare_form_of_a_place_named_with_the_article_is_a_word(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("كان أقصر الطرق إلى البيت، وكانت السماء زرقاء، وأصيب اللاعب في رباط الكاحل، فأمسك "
            "المدرب رأسه، ثم سافر الفريق إلى الرباط ومنها إلى الأقصر والزرقاء.")
    places = [(t, c) for t, y, c in _ms(tagger, text) if y in ("GPE", "LOC")]
    assert places == [("الرباط", "MA"), ("الأقصر", "EG"), ("الزرقاء", "JO")]


def test_places_the_tagger_cut_in_two_are_one_and_an_adjective_gives_the_country(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قتل شاب شرقي مدينة خان يونس، وأقيمت القرعة في سان بطرسبرغ، وفاز الفريق في مدينة "
            "تشنغدو الصينية، ووقع انفجار في طرابلس اللبنانية.")
    places = [(t, c) for t, y, c in _ms(tagger, text) if y in ("GPE", "LOC")]
    assert places == [("خان يونس", "PS"), ("سان بطرسبرغ", "RU"), ("تشنغدو", "CN"), ("طرابلس", "LB")]


def test_clubs_named_after_their_cities_are_organisations(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("انتقل نجم باريس سان جرمان إلى إشبيلية، وفاز ميلان على توتنهام هوتسبير، ثم سافر "
            "المدرب إلى ميلانو.")
    ms = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert ms == [("باريس سان جرمان", "ORG"), ("إشبيلية", "ORG"), ("ميلان", "ORG"),
                  ("توتنهام هوتسبير", "ORG"), ("ميلانو", "GPE")]


def test_religious_and_ethnic_groups_are_nationality_words(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال المسؤولون إن الأيزيديين والتركمان يعانون، واتهمت القيادات الشيعية القوى السنية، "
            "ودعا الزعيم الدرزي وليد جنبلاط إلى الحوار، وقال حزب الاتحاد الديمقراطي المسيحي إن "
            "سني الدراسة طويلة.")
    ms = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert ms == [("الأيزيديين", "NORP"), ("التركمان", "NORP"), ("الشيعية", "NORP"), ("السنية", "NORP"),
                  ("الدرزي", "NORP"), ("وليد جنبلاط", "PER"), ("حزب الاتحاد الديمقراطي المسيحي", "ORG")]


def test_a_name_found_once_is_found_again_where_the_tagger_left_it(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قال مسؤول إن القوات دخلت مدينة الرمادي، وإن معركة استعادة الرمادي تقترب من الحسم. "
            "والتقى الوزير مسؤولي مفوضية الاتحاد الأفريقي، ثم وزراء خارجية دول الاتحاد الأفريقي. "
            "وتبنى القاعدة الهجوم، وقال الضابط إن هذه القاعدة العسكرية قديمة.")
    ms = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert ms.count(("الرمادي", "GPE")) == 2
    assert ms.count(("الاتحاد الأفريقي", "ORG")) == 2
    assert ms.count(("القاعدة", "ORG")) == 1  # هذه القاعدة: the base


def test_maghrebi_first_names_with_the_article(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("أكد رئيس الحكومة الحبيب الصيد اليوم أن التعيينات مسؤوليته، وأوضح الحبيب الصيد أنه لن "
            "يستقيل، وقال المنجي الرحوي إن الوعد الصادق تحقق في مسجد الإمام الصادق ألقت فيه "
            "القوات القبض على مشتبه به، وإن المحيط الهادي الاستوائي دافئ.")
    pers = [t for t, y, _c in _ms(tagger, text) if y == "PER"]
    assert pers == ["الحبيب الصيد", "الحبيب الصيد", "المنجي الرحوي"]


def test_the_name_word_of_a_company_alone_later_is_the_company(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("حققت شركة سامسونغ للإلكترونيات زيادة نسبتها 5.7 في المئة في أرباح الربع الثاني، حسبما "
            "أعلنته، الثلاثاء. وقالت سامسونغ، في إفصاح تنظيمي، إن أرباحها التشغيلية ارتفعت، "
            "وقالت مؤسسة محمد بن راشد إن محمد سيحضر.")
    ms = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert ("سامسونغ", "ORG") in ms and ("سامسونغ", "PER") not in ms
    assert ("محمد", "PER") in ms


def test_well_off_is_no_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("بل من ذهب هم من ميسوري الحال وذوي القيمة الاجتماعية، وقال محمد مرسي الرئيس السابق "
            "إن الأنصاري حضر.")
    assert [t for t, y, _c in _ms(tagger, text) if y == "PER"] == ["محمد مرسي"]


def test_a_news_agency_keeps_its_head_and_its_tail(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال الوزير في تصريح لوكالة تونس افريقيا للأنباء إن الوضع مستقر، وفي مكالمة مع وكالة "
            "يونهاب للأنباء الكورية الجنوبية، بينما قالت صحيفة الوئام إن.")
    orgs = [t for t, y, _c in _ms(tagger, text) if y == "ORG"]
    assert orgs == ["وكالة تونس افريقيا للأنباء", "وكالة يونهاب للأنباء الكورية الجنوبية", "الوئام"]


def test_a_region_after_mintaqa_stays_a_region(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وقال إن الحروب تمزق منطقة الشرق الأوسط، وإن منطقة الخليج تشهد توترا، وغرق تلاميذ بولاية نهر النيل."
    places = [(t, y) for t, y, _c in _ms(tagger, text) if y in ("GPE", "LOC")]
    assert places == [("الشرق الأوسط", "LOC"), ("الخليج", "LOC"), ("نهر النيل", "GPE")]


def test_a_quoted_name_after_an_organisation_head_is_the_organisation(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ('وقالت حركة «النهضة» إن حزب "نداء تونس" يرفض، وأعلنت شركة «أرامكو السعودية» وشركة "كريم" '
            "وصحيفة «الشرق الأوسط» أن الأرباح ارتفعت خلال العام الماضي بنسبة كبيرة.")
    orgs = [t for t, y, _c in _ms(tagger, text) if y == "ORG"]
    assert orgs == ["النهضة", "نداء تونس", "أرامكو السعودية", "كريم", "الشرق الأوسط"]


def test_radio_station_before_fm_is_one_organisation(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وأفاد مصدر أمني لمراسل جوهرة أف أم في القيروان أن الحادث وقع صباحا، وقال الوالي "
            "لإذاعة موزاييك FM إن الطريق فتحت.")
    ms = _ms(tagger, text)
    ty = _types(ms)
    assert ty.get("جوهرة أف أم") == "ORG"
    assert ty.get("موزاييك FM") == "ORG"
    assert ty.get("القيروان") == "GPE"  # the place the tagger's span ran on to stays a place
    assert not any("لمراسل" in t or "في القيروان" in t for t in ty)
    quoted = _types(_ms(tagger, 'وفق ما أكده مصدر أمني لمراسل الجوهرة "اف ام" بالجهة.'))
    assert quoted.get('الجوهرة "اف ام"') == "ORG" and "اف ام" not in quoted  # the quotes inside the name


def test_presidency_as_an_office_and_a_town_centre_are_no_bodies(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("فاز المرشح في انتخابات الرئاسة الأميركية، وقالت الرئاسة المصرية إنها ترحب بالنتيجة. "
            "وتقدمت القوات نحو مركز مدينة عفرين.")
    ty = _types(_ms(tagger, text))
    assert ty.get("الأميركية") == "NORP"
    assert "الرئاسة الأميركية" not in ty
    assert ty.get("الرئاسة المصرية") == "ORG"
    assert ty.get("عفرين") == "GPE"
    assert not any(t.startswith("مركز") for t in ty)


def test_praise_after_god_is_a_formula_and_followers_are_not_the_name(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("إننا لنسأل الله جل في علاه أن يحفظ البلاد، سائلين الله لسموه التوفيق. وطالب الرئيس "
            "الميليشيات الحوثية وقوات صالح باحترام الهدنة.")
    ty = _types(_ms(tagger, text))
    assert not any("الله" in t for t in ty)
    assert not any(t.startswith(("قوات", "وقوات", "أنصار", "وأنصار")) for t in ty)


def test_first_name_before_a_nisba_is_a_person_and_the_nisba_his_surname(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال المدير العام للهيئة، مجدي المصري، إن الرحلة عادت. وأضاف المصري أن الجانب المصري "
            "أبلغ الركاب، وفاز المنتخب على اليوناني.")
    ms = _ms(tagger, text)
    assert ("مجدي المصري", "PER") in {(t, y) for t, y, _c in ms}
    kinds = [(y, text.find(t)) for t, y, _c in ms if t == "المصري"]
    assert sorted(y for y, _ in kinds) == ["NORP", "PER"]  # وأضاف المصري a person, الجانب المصري not
    assert not any(t.startswith(("على", "علي")) for t, _y, _c in ms)


def test_ali_inside_a_name_country_after_a_title_and_his_country(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وعزى المحافظ الجندي محمد علي العمري في محافظة القنفذة، وكان على رأس المعزين رئيس "
            "وزراء مقدونيا الذي قال إن أي اسم جديد لبلده يتفق مع اليونان سيطرح.")
    ms = _ms(tagger, text)
    got = {(t, y, c) for t, y, c in ms}
    assert ("محمد علي العمري", "PER", "") in {(t, y, "") for t, y, _c in ms}
    assert ("القنفذة", "GPE", "SA") in got
    assert ("مقدونيا", "GPE", "MK") in got
    assert not any(t in ("يتفق", "لبلده") for t, _y, _c in ms)


def test_quoted_paper_named_like_a_place_and_a_sidi_place_after_a_head(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقال مصدر لـ«الشرق الأوسط» إن الوفد وصل إلى الرياض، وأفاد مراسل \"العربية\" أن الطريق "
            "في معتمدية سيدي بوعلي مغلقة، وهي المنطقة التي تشهد نموا في الشرق الأوسط.")
    ms = _ms(tagger, text)
    got = [(t, y) for t, y, _c in ms]
    assert ("الشرق الأوسط", "ORG") in got and ("الشرق الأوسط", "LOC") in got  # the paper, the region
    assert ("العربية", "ORG") in got
    assert ("الرياض", "GPE") in got
    assert ("سيدي بوعلي", "GPE") in got
    credit = _pairs(tagger, "باعة داخل سوق الخضار في المدينة. “الفرنسية” وقالت الخارجية الفرنسية إن الأسعار ارتفعت.")
    assert ("الفرنسية", "ORG") in credit and ("الخارجية الفرنسية", "ORG") in credit  # AFP's credit


def test_particles_conjunctions_companies_and_nasab_family_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("ووفقا للصحيفة فإن هازارد يريد الرحيل عن تشلسي وفنربخشه، وقال وليد جنبلاط إن شنايدر "
            "إلكتريك ستورد الأجهزة. وحضر وزير الخارجية عادل بن أحمد الجبير حفل جائزة الأمير نايف "
            "بن عبدالعزيز الدولية.")
    got = _pairs(tagger, text)
    assert ("هازارد", "PER") in got and not any(t.startswith("فإن") for t, _y in got)
    assert ("وليد جنبلاط", "PER") in got  # a first name that begins with و keeps it
    assert ("شنايدر إلكتريك", "ORG") in got
    assert ("عادل بن أحمد الجبير", "PER") in got
    # the prize named after him is the prize, with its adjective, not a mention of him (entities.v10)
    assert ("جائزة الأمير نايف بن عبدالعزيز الدولية", "ORG") in got
    assert not any(t.startswith("نايف") for t, _y in got)
    assert not any(t.startswith("وفنربخش") for t, _y in got)


def test_accusative_nationalities_and_the_currency_adjective(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قتل 15 مصريًا و45 جنديا إماراتيا، ووصل وفدا أميركيا إلى روسيا وسوريا، وتراجعت الليرة "
            "أمام الدولار الأمريكي. وحلت الكويت في المركز الثامن عربيا والأولى عالميا، محليا وعربيا.")
    ms = _ms(tagger, text)
    got = {(t, y, c) for t, y, c in ms}
    for t, c in (("مصريًا", "EG"), ("إماراتيا", "AE"), ("أميركيا", "US"), ("الأمريكي", "US")):
        assert (t, "NORP", c) in got
    assert ("روسيا", "GPE", "RU") in got and ("سوريا", "GPE", "SY") in got
    assert not any(t in ("عربيا", "وعربيا", "الدولار الأمريكي") for t, _y, _c in ms)  # adverbs; the currency


def test_a_federation_named_by_its_nationality_is_an_organisation(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقرر الاتحاد الإسباني استخدام التقنية، وقالت هيومن رايتس ووتش إن الحكومة السعودية "
            "ترحب، وشكلت الدول اتحادا عربيا جديدا.")
    got = _pairs(tagger, text)
    assert ("الاتحاد الإسباني", "ORG") in got
    assert ("هيومن رايتس ووتش", "ORG") in got
    assert ("السعودية", "NORP") in got  # a government is no name
    assert not any(t.startswith(("اتحادا", "الحكومة")) for t, _y in got)


def test_family_after_abd_or_kunya_region_direction_and_clubs(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("ودعا زعيم الجماعة عبد الملك الحوثي إلى التهدئة، وتمنى المستشار أبو حميد التوفيق للفريق. "
            "وتقدمت القوات في الساحل الغربي لليمن، وفاز كريستال بالاس على ستوك سيتي، وقرر اختيار "
            "إدارة النادي للأربعة الأعوام المقبلة.")
    got = _pairs(tagger, text)
    assert ("عبد الملك الحوثي", "PER") in got
    assert not any("التوفيق" in t for t, _y in got)
    assert ("الساحل الغربي", "LOC") in got
    # الوسطى and الأوسط go on a region too (آسيا | الوسطى is Central Asia, not Asia)
    middle = _pairs(tagger, "وتشهد أفريقيا الوسطى أزمة إنسانية، فيما يمتد الجفاف على الساحل الأوسط.")
    assert ("أفريقيا الوسطى", "LOC") in middle and ("الساحل الأوسط", "LOC") in middle
    assert ("كريستال بالاس", "ORG") in got and ("ستوك سيتي", "ORG") in got
    assert not any("للأربعة" in t for t, _y in got)


def test_group_nouns_are_nationalities_not_organisations(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وقتل عرب وأكراد في القصف، واجتمع علماء السنة والشيعة في بغداد مع المهاجرين الأفارقة، "
            "وقال في مقابلة مع \"العربية\" إن المسلمين يحتفلون بالسنة الهجرية.")
    got = _pairs(tagger, text)
    for t in ("أكراد", "السنة", "الشيعة", "الأفارقة"):
        assert (t, "NORP") in got
    assert ("العربية", "ORG") in got  # the channel stays the channel
    assert not any(t == "بالسنة" or t == "السنة الهجرية" for t, _y in got)


def test_city_name_wins_the_piece_the_tagger_found_and_other_fixes(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("لتطهير آخر الجيوب بمحافظة دير الزور من الإرهابيين، في محاولة لإضعاف الدولة والنيل منها. "
            "وأعار الجزيرة الإماراتي لاعبه إلى نادٍ آخر.")
    ms = _ms(tagger, text)
    got = {(t, y, c) for t, y, c in ms}
    assert ("دير الزور", "GPE", "SY") in got
    assert not any(t == "النيل" for t, _y, _c in ms)  # harming it, not the river
    assert ("الجزيرة", "ORG", "AE") in got  # the nationality after a club gives its country


def test_country_opening_a_name_parliament_and_the_din_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قال السفير التركي بتونس عمر فاروق دوغان إنه التقى زياد العذاري ونور الدين الطبوبي، "
            "وأكد رئيس كتلة حركة النهضة بمجلس نواب الشعب أن الاتحاد العام التونسي للشغل شريك.")
    got = _pairs(tagger, text)
    assert ("تونس", "GPE") in got and ("عمر فاروق دوغان", "PER") in got
    assert ("نور الدين الطبوبي", "PER") in got
    assert ("مجلس نواب الشعب", "ORG") in got and ("حركة النهضة", "ORG") in got
    assert ("الاتحاد العام التونسي للشغل", "ORG") in got
    parties = _pairs(tagger, "وقالت القيادية بحزب آفاق تونس إن حزب المؤتمر من أجل الجمهورية وحزب الدستوري الحر "
                             "رفضا القرار.")
    assert {("حزب آفاق تونس", "ORG"), ("حزب المؤتمر من أجل الجمهورية", "ORG"),
            ("حزب الدستوري الحر", "ORG")} <= parties


def test_satisfaction_and_a_pronoun_suffixed_noun_are_no_people(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("تحسن رضا المستهلك عن الأسعار، ولم تكن الإصابة السبب لإبعاده عن المعسكر، وهو الناطق "
            "بأقواله.")
    got = _pairs(tagger, text)
    assert not any(t in ("رضا", "إبعاده", "لإبعاده", "أقواله", "بأقواله") for t, _y in got)
    assert ("رضا الجدي", "PER") in _pairs(tagger, "وقال المدرب رضا الجدي إن الفريق جاهز.")


def test_an_adjective_after_a_village_head_and_provinces(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "غمرت الفيضانات مئة قرية خاصة في إقليم خيبر بختونخواه، ووصل الوفد إلى ولاية أوهايو."
    got = {(t, y, c) for t, y, c in _ms(tagger, text)}
    assert not any(t == "خاصة" for t, _y, _c in got)
    assert ("خيبر بختونخواه", "GPE", "PK") in got and ("أوهايو", "GPE", "US") in got


def test_a_verb_spelled_like_a_foreign_town_and_a_rural_area(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("أكد المصدر أن انفجارا وقع صباح اليوم دون أن يبين طبيعة هذا الانفجار، وجرى اجتماع "
            "في مدينة بصرى الشام، في منطقة ريفية وأخرى نائية.")
    got = _pairs(tagger, text)
    assert not any(t in ("يبين", "ريفية", "نائية") for t, _y in got)
    assert ("بصرى", "GPE") in got
    assert ("سبليت", "GPE") in _pairs(tagger, 'وجرى التصوير في بلدة "سبليت" الساحلية في كرواتيا.')


def test_web_addresses_and_dotted_acronyms(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("ودعت الكلية المقبولين إلى موقع الوزارة WWW.MOI.GOV.SA قبل الموعد، وبثت قناة "
            '"تي.بي.إس" الصور، ونشر موقع (تي.إم.زد) التسجيل، وأطلقت وكالة ناسا بعثة OSIRIS-Rex.')
    got = _pairs(tagger, text)
    assert not any(t in ("WWW", "MOI", "GOV", "SA") or "GOV" in t for t, _y in got)
    assert ("تي.بي.إس", "ORG") in got and ("تي.إم.زد", "ORG") in got
    assert any(t == "OSIRIS-Rex" for t, _y in got)
    banks = _pairs(tagger, 'نقلت شبكة "سي.إن.بي.سي" الخبر، ووقعت صفقة مع شركة جي.ام.ار للبنية التحتية، '
                           'ويتولى بنك "إتش.إس.بي.سي" وبي.إن.بي باريبا الإصدار.')
    assert ("سي.إن.بي.سي", "ORG") in banks and ("إتش.إس.بي.سي", "ORG") in banks
    assert ("بي.إن.بي", "ORG") in banks
    assert any(t.endswith("جي.ام.ار") and y == "ORG" for t, y in banks)
    routes = _pairs(tagger, "وتم تحويل رحلات ليون-الجزائر، وتزوجت من مهاجر سوري-أمريكي.")
    assert ("الجزائر", "GPE") in routes and ("سوري", "NORP") in routes
    assert not any("-" in t for t, _y in routes)


def test_an_indefinite_nationality_takes_its_direction(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وصل جنرال كوري شمالي إلى سيول، والتقى مسؤولين كوريين جنوبيين ووفدا سودانيا جنوبيا."
    got = {(t, c) for t, _y, c in _ms(tagger, text)}
    assert ("كوري شمالي", "KP") in got and ("كوريين جنوبيين", "KR") in got


def test_blessings_first_names_and_two_princes(tagger) -> None:  # type: ignore[no-untyped-def]
    from marsad.api import analyze_text

    text = ("استقبل الملك سلمان بن عبدالعزيز حفظه الله الأمير سلطان بن عبدالعزيز، وتذكر الحضور الملك "
            "عبدالله رحمه الله. وقال الرئيس باراك أوباما إن الزيارة مهمة، وأشاد أوباما بالمملكة.")
    got = {(t, y) for t, y, _c in _ms(tagger, text)}
    assert ("سلمان بن عبدالعزيز", "PER") in got and ("عبدالله", "PER") in got
    assert not any("حفظه" in t or "رحمه" in t for t, _y in got)
    keys = {text[s.start:s.end]: s.value for s in analyze_text(text).spans if s.layer == "mention"}
    assert keys["سلمان بن عبدالعزيز"] != keys["سلطان بن عبدالعزيز"]  # one letter apart, two men
    assert keys["باراك أوباما"] == keys["أوباما"] == "per:باراك اوباما"  # not ب + اراك


def test_a_degree_subject_is_no_organisation(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وحصل المدير الجديد على درجة الماجستير في إدارة الأعمال من جامعة الملك سعود، ثم الدكتوراه "
            "في جامعة أريزونا، وهو متخصص في إدارة المخاطر. وعقدت إدارة الأعمال بالشركة اجتماعها أمس.")
    got = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert ("جامعة الملك سعود", "ORG") in got and ("جامعة أريزونا", "ORG") in got  # where, not what
    assert not any(t.startswith("إدارة المخاطر") for t, _y in got)
    # the subject stays out even where the article names a department of that name
    assert got.count(("إدارة الأعمال", "ORG")) <= 1


def test_birthplace_idiom_and_a_family_name_after_al(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("انطلقت المسيرة من المدينة مسقط رأس الشاعر نحو العاصمة، ثم زار الوزير مسقط أمس. "
            "وصدر الأمر بتعيين الأمير سلطان بن فهد بن ناصر آل سعود أميرًا للمنطقة خلفًا لوالده.")
    got = _ms(tagger, text)
    assert [t for t, _y, _c in got].count("مسقط") == 1  # the capital the minister visited, not the idiom
    assert ("سلطان بن فهد بن ناصر آل سعود", "PER") in {(t, y) for t, y, _c in got}
    assert not any("أميرًا" in t for t, _y, _c in got)


def test_diameter_mortar_and_a_kind_of_body_are_no_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("ويساوي متوسط قطر الكويكب 500 متر، وأطلق المسلحون قذائف الهاون، ووصف البيان الحزب "
            "بالمنظمة الإرهابية، فيما زار أمير قطر الدوحة.")
    got = _pairs(tagger, text)
    assert not any(t in ("هاون", "الهاون", "المنظمة الإرهابية") for t, _y in got)
    assert sum(1 for t, _y, _c in _ms(tagger, text) if t == "قطر") == 1  # the emir's, not the diameter


def test_quoted_works_nicknames_and_a_first_name_behind_a_preposition(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ('ظهر الجبل في فيلم الجاسوسية "يو أونلي ليف توايس"، وعرضت القناة مسلسل «كلنا سلمان»، '
            'وألقت الشرطة القبض على "خالص بايانجوك" الملقب بـ"أبو حنظلة"، وأشاد الوزير بحسن '
            "نصرالله وبسعد الحريري.")
    got = _pairs(tagger, text)
    assert ("يو أونلي ليف توايس", "MISC") in got and ("كلنا سلمان", "MISC") in got
    assert ("سلمان", "PER") not in got and not any(t == "الجاسوسية" for t, _y in got)
    assert ("خالص بايانجوك", "PER") in got
    assert ("لوجنيكي", "PER") not in _pairs(tagger, 'فاز المنتخب باستاد "لوجنيكي" الشهير بالعاصمة موسكو.')
    assert ("حسن نصرالله", "PER") in got and ("سعد الحريري", "PER") in got
    obama = _pairs(tagger, "هاجم الديمقراطي بيل كلينتون وباراك أوباما القرار.")
    assert ("باراك أوباما", "PER") in obama



def test_overlapping_mentions_keep_the_first_and_longest() -> None:
    """Of mentions sharing characters (a rule's organisation and the tagger's piece inside it,
    or a propagated name running into the next), the one starting first, the longest of those
    starting together, stays; disjoint ones all stay, in text order."""
    from marsad.enrich.entities.mention import Mention, no_overlaps

    def m(a: int, b: int, t: str) -> Mention:
        return Mention(0, 1, t, start=a, end=b)

    org, piece, tail, other, same_start = m(0, 30, "ORG"), m(10, 18, "MISC"), m(25, 40, "ORG"), m(41, 50, "GPE"), m(0, 12, "PER")
    got = no_overlaps([tail, other, piece, same_start, org])
    assert got == [org, other]
    assert no_overlaps([other, m(0, 5, "PER")])[1] is other


def test_hasan_as_good_a_dual_noun_and_where_a_club_s_name_ends(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("شكر الملك ضيفه على حسن الضيافة، ودعا إلى حسن الجوار، ولحسن الحظ لم يصب أحد. وقسم المدرب "
            "الفريق لمجموعتين، ولا توجد شكوى من نادي الاتحاد ضده، وقدم النادي شكوى للجنة الاحتراف لعدم "
            "التزام اللاعب، وتعرض الخط مساء لكسر من قبل أحد المقاولين. واتفقت شركة ديليك الإسرائيلية "
            "وشركة دولفينيوس المصرية على الصفقة.")
    got = _pairs(tagger, text)
    assert not any(t.startswith("حسن") or t.endswith("حسن") for t, _y in got)
    assert not any(t in ("لمجموعتين", "مجموعتين", "لكسر") for t, _y in got)
    assert ("نادي الاتحاد", "ORG") in got and ("لجنة الاحتراف", "ORG") in got
    assert ("شركة دولفينيوس المصرية", "ORG") in got and ("دولفينيوس", "MISC") not in got
    people = _pairs(tagger, "وقال حسن الراهب إن الرئيس بوتين سيحضر.")
    assert ("حسن الراهب", "PER") in people and ("بوتين", "PER") in people


def test_models_glosses_datelines_and_definite_only_place_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("أتلانتا، الولايات المتحدة الأمريكية – ضبط الجيش قاذفا من نوع RPG-2 ورشاشا من نوع ديكتاريوف "
            "(DIKTARIOV) قرب إسرائيل، وحلقت مقاتلات من طراز إف-16 فوق منطقة الدلاهمية، وزار الوفد "
            "مدينة الملاهي.")
    got = {(t, y, c) for t, y, c in _ms(tagger, text)}
    assert ("أتلانتا", "GPE", "US") in got
    assert ("RPG-2", "MISC", "") in got and ("إف-16", "MISC", "") in got
    assert ("DIKTARIOV", "MISC", "") in got and ("ديكتاريوف", "MISC", "") in got
    assert any(t == "الدلاهمية" and y == "GPE" for t, y, _c in got)
    more = _pairs(tagger, 'وسقطت مركبة من طراز "داتسون نيسان بيك أب" في بئر، وأوضحت المديرة القطرية '
                          "للبرنامج في العراق جين بيرس أن السفير القطري وصل.")
    assert ("داتسون نيسان بيك أب", "MISC") in more and ("جين بيرس", "PER") in more
    assert sum(1 for t, y in more if y == "NORP") == 1  # the ambassador's Qatar, not the country director
    assert not any(t == "الملاهي" for t, _y, _c in got)


def test_a_feminine_head_before_its_verb_s_object_and_long_dotted_names(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وأصدرت اللجنة الجدول السابق، وخلال الحركة الخضراء الإيرانية تواجه شركة بي.دي.في.إس.إيه "
            "الحكومية الديون قرب بوابة يافا، ولعلي أشعل القنديل.")
    got = _pairs(tagger, text)
    assert not any(t.startswith("اللجنة") for t, _y in got)
    council = _pairs(tagger, "واستعرض المجلس الوضع العام بالبلاد، وقال الحزب الحاكم إن المجلس الأعلى للقضاء اجتمع.")
    assert not any("الوضع" in t for t, _y in council)
    assert ("المجلس الأعلى للقضاء", "ORG") in council or ("المجلس الأعلى", "ORG") in council
    assert ("الحركة الخضراء الإيرانية", "ORG") in got
    assert ("شركة بي.دي.في.إس.إيه", "ORG") in got
    assert ("يافا", "GPE") in got and not any(t in ("علي", "لعلي") for t, _y in got)
    assert ("العربية.نت", "ORG") in _pairs(tagger, 'وقال المدير لـ"العربية.نت" إن الموسم انتهى.')
    referee = _pairs(tagger, "وتم تعيين الحكم نضال اللطيف لإدارة المقابلة التي تجمع الفريقين بقابس.")
    assert not any("المقابلة" in t for t, _y in referee) and ("قابس", "GPE") in referee


def test_a_movement_named_after_a_person_and_two_people_joined_by_a_hyphen(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وتتهم أنقرة الداعية فتح الله غولن، المقيم في الولايات المتحدة منذ 1999، بتدبير المحاولة. "
            "واعتقلت السلطات آلاف الأشخاص تقول إن لهم علاقة بحركة غولن. وقال الرئيس دونالد ترامب إن الرئيس فلاديمير بوتين "
            "سيحضر قمة ترامب-بوتين، ونفى جان-كلود أرنو ذلك.")
    got = _pairs(tagger, text)
    assert ("فتح الله غولن", "PER") in got and ("حركة غولن", "ORG") in got
    assert ("ترامب-بوتين", "PER") not in got and ("جان-كلود أرنو", "PER") in got


def test_facility_names_are_no_people_and_keep_the_place_after_them(tagger) -> None:  # type: ignore[no-untyped-def]
    """Facilities are not annotated (the gold's rule): the person or word a stadium, hotel,
    airport or street is named after is no mention; the town after them is."""
    text = ("تقام المباراة على ملعب “لوفتس رود” بالعاصمة البريطانية لندن، وينزل الوفد في فندق لي رويال "
            "بعمّان قرب شارع الملك فهد، ويقام الحفل في ملعب مدينة الملك عبدالله بجدة. وقال الملك "
            "عبدالله إن الرئيس عباس وصل إلى مطار هيثرو.")
    got = _pairs(tagger, text)
    assert not any(t in ("لوفتس رود", "لي رويال", "فهد", "هيثرو") or "رويال" in t for t, _y in got)
    assert ("جدة", "GPE") in got and ("لندن", "GPE") in got
    assert ("عبدالله", "PER") in got and ("عباس", "PER") in got  # the king who speaks, not the stadium
    assert sum(1 for t, _y, _c in _ms(tagger, text) if t == "عبدالله") == 1


def test_a_role_begins_at_its_conjunction_and_keeps_its_direction(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وجه الرئيس الروسي دعوة للزعيم الكوري الشمالي، كيم جونغ أون، وقال إنه يرحب بالقمة التي جمعت "
            "الزعيم الكوري الشمالي والرئيس الأميركي دونالد ترامب في سنغافورة.")
    got = {(t, y, c) for t, y, c in _ms(tagger, text)}
    assert ("كيم جونغ أون", "PER", "KP") in got
    assert ("دونالد ترامب", "PER", "US") in got
    roles = {text[s.start:s.end]: s.attrs.get("role", "") for s in tagger.spans(text) if s.label == "PER"}
    assert roles["دونالد ترامب"] == "الرئيس الأميركي"


def test_a_town_opening_a_player_s_name_and_an_adjective_nisba_after_a_noun(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("وتعرض لاعب مستقبل قابس حسام الزرلي لإصابة على مستوى القفص الصدري، ووصل الجناح الأرجنتيني "
            "أنخل دي ماريا إلى الدوحة، ورُمّم مسجد أبو جبل الأثري.")
    got = _pairs(tagger, text)
    assert ("حسام الزرلي", "PER") in got and ("قابس", "GPE") in got
    assert ("أنخل دي ماريا", "PER") in got  # a small town's name is a first name here
    assert not any(t in ("الصدري", "أبو جبل", "أبو جبل الأثري") for t, _y in got)
    pair = _pairs(tagger, "وأسفرت القرعة عن مواجهات برشلونة-روما ومانشستر سيتي-ليفربول.")
    assert ("مانشستر سيتي", "ORG") in pair and ("ليفربول", "ORG") in pair


def test_a_colour_and_a_participle_that_name_towns_elsewhere(tagger) -> None:  # type: ignore[no-untyped-def]
    got = _pairs(tagger, "ونفذ سائقو سيارات الأجرة ذات الشارة الزرقاء وقفة احتجاجية، وانفجرت عبوة في منطقة "
                         "مأهولة بالسكان.")
    assert not any(t in ("الزرقاء", "مأهولة") for t, _y in got)
    assert ("الزرقاء", "GPE") in _pairs(tagger, "وزار الوفد مدينة الزرقاء الأردنية.")


def test_nasa_and_congress_are_bodies(tagger) -> None:  # type: ignore[no-untyped-def]
    got = {(t, y, c) for t, y, c in _ms(tagger, "وأوضح رئيس ناسا بولدن أن ناسا كانت تأمل، وأن رسالة بولدن "
                                                   "أرسلت إلى لجان بالكونجرس، وصوت الكونغرس على القرار.")}
    assert ("ناسا", "ORG", "US") in got and not any(t.startswith("ناسا ") for t, _y, _c in got)
    assert ("الكونجرس", "ORG", "US") in got and ("الكونغرس", "ORG", "US") in got


def test_levantine_months_the_mosque_a_persian_spelled_alias_and_said_to_me(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("ففي ظهر 21 أبريل (نيسان) 2004 هاجمت سيارة مفخخة المبنى، وحافظ القطاع خلال شهري نيسان (أبريل) "
            "وأيار (مايو) على نموه، وقالت «نيسان» إن مبيعاتها ارتفعت. وأوضح إمام وخطيب المسجد الحرام أن "
            "التغافل قيمة، وقال لي أحد الأقارب إن الرهينة إيزابيل بريم بخير.")
    got = _ms(tagger, text)
    assert sum(1 for t, y, _c in got if t == "نيسان") == 1  # the company, not the month twice
    assert not any(t in ("الحرام", "لي", "ريم", "بريم") and y != "PER" or t == "لي" for t, y, _c in got)


def test_propagation_asks_the_drop_step_about_what_it_adds(tagger) -> None:  # type: ignore[no-untyped-def]
    """A hospital named after a man the article names is no mention of him, where the drop step
    said so and propagation would have put the name back (nor is his surname alone)."""
    text = "زار الوزير قبر الزعيم فرحات حشاد في تونس، ثم افتتح وحدة جديدة بمستشفى فرحات حشاد بسوسة."
    got = [(t, y) for t, y, _c in _ms(tagger, text)]
    assert got.count(("فرحات حشاد", "PER")) == 1 and ("حشاد", "PER") not in got
    assert ("سوسة", "GPE") in got


def test_propagation_keeps_what_the_keep_test_allows() -> None:
    from marsad.enrich.entities.features import token_list
    from marsad.enrich.entities.mention import Mention
    from marsad.enrich.entities.resolve import propagate_entities

    text = "التقى الوفد مفوضية الاتحاد الأفريقي ثم وزراء دول الاتحاد الأفريقي"
    toks = token_list(text)
    norms = toks.norms
    first = Mention(3, 5, "ORG", words=(norms[3], norms[4]), canon=" ".join(norms[3:5]))
    added = propagate_entities([first], toks, norms)
    assert [(m.a, m.b) for m in added[1:]] == [(8, 10)]
    asked: list[tuple[int, int]] = []

    def refuse(m: Mention, seen) -> bool:  # type: ignore[no-untyped-def]
        asked.append((m.a, m.b))
        assert first in seen
        return False

    first = Mention(3, 5, "ORG", words=(norms[3], norms[4]), canon=" ".join(norms[3:5]))
    assert propagate_entities([first], toks, norms, keep=refuse) == [first] and asked == [(8, 10)]


def test_adverbs_of_that_and_the_nile_before_min(tagger) -> None:  # type: ignore[no-untyped-def]
    """كذلك and لذلك are no demonstratives (هذه القاعدة is the base, وكذلك البحرين the country),
    and بمياه النيل من شأنه is the river (والنيل منها: harming it)."""
    got = _pairs(tagger, "تراجعت أسعار النفط في السعودية، وكذلك البحرين التي خفضت إنتاجها.")
    assert ("البحرين", "GPE") in got
    got = _pairs(tagger, "ورفضت مصر أي مشروع يتعلق بمياه النيل من شأنه أن يضر بحصتها، ورفضت النيل منها.")
    assert [t for t, _y in got].count("النيل") == 1


def test_khomeini_and_khamenei_are_two_men_in_the_article_and_across_the_archive(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """الخميني and خامنئي share a consonant skeleton (the registry joined per:الخميني to Khamenei's
    entity by it): a lone surname of a well-known man is keyed by his full name."""
    import marsad
    from marsad.enrich.entities import lexicon as lx
    from marsad.store.entities import EntityStore

    assert lx.two_names(normalize("الخميني"), normalize("خامنئي"))
    assert not lx.two_names(normalize("الخميني"), normalize("خميني"))  # one man, with and without ال
    texts = {"a.txt": "أحيت إيران ذكرى وفاة الخميني أمس، وقال خامنئي إن الخميني ترك إرثا كبيرا.",
             "b.txt": "وأحيا الإيرانيون في طهران ذكرى رحيل الخميني، مؤسس الجمهورية الإسلامية.",
             "c.txt": "وقال خامنئي في خطاب في طهران إن بلاده لن تتراجع أمام الضغوط."}
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    arch = marsad.open(tmp_path / "a.db")
    try:
        arch.ingest([str(folder / n) for n in texts], options=None)
        keys = {s.value for doc in arch.articles() for s in doc.spans if s.layer == "mention" and s.label == "PER"}
        assert keys == {"per:روح الله الخميني", "per:علي خامنيي"}
        store = EntityStore(arch.con)
        assert store.entity_of("per:روح الله الخميني") != store.entity_of("per:علي خامنيي")
    finally:
        arch.close()


def test_two_word_and_g_spellings_of_foreign_places(tagger) -> None:  # type: ignore[no-untyped-def]
    """ج for غ (بيونج يانج، بنجلاديش) and a one-word name written in two after its prefix (نيو يورك،
    كوالا لمبور) read as the gazetteer's place, with its key and country; not a person."""
    text = ("وصل الوفد إلى بيونج يانج ثم إلى نيو يورك ولوس أنجلوس وسان فرانسيسكو وكوالا لمبور وأبو ظبي "
            "وبيونغ يانغ ونيو دلهي، ووقعت المملكة اتفاقا مع بنجلاديش.")
    got = {text[s.start:s.end]: (s.label, s.value, s.attrs.get("country", "")) for s in tagger.spans(text)}
    assert got["بيونج يانج"] == got["بيونغ يانغ"] == ("GPE", "gpe:بيونغ يانغ", "KP")
    assert got["نيو يورك"][::2] == ("GPE", "US") and got["كوالا لمبور"][::2] == ("GPE", "MY")
    assert got["نيو دلهي"][::2] == ("GPE", "IN") and got["بنجلاديش"][::2] == ("GPE", "BD")
    assert got["لوس أنجلوس"][::2] == got["سان فرانسيسكو"][::2] == ("GPE", "US")
    assert got["أبو ظبي"][::2] == ("GPE", "AE")


def test_a_list_of_countries_gives_its_unknown_item_no_country(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "ووقعت المملكة اتفاقيات مع الفلبين ، الهند ، سيرلانكا ، بنجلاديش. ووصل الوفد إلى أتلانتا، الولايات المتحدة."
    got = {t: c for t, _y, c in _ms(tagger, text)}
    assert got["سيرلانكا"] == "" and got["أتلانتا"] == "US"  # (a dateline-style place takes the country)


def test_england_is_not_the_united_kingdom(tagger) -> None:  # type: ignore[no-untyped-def]
    """إنجلترا was a short name of the country GB, so its key was the kingdom's and the registry
    held England's teams and Britain's government as one place; it is England, in GB."""
    text = ("فاز منتخب إنجلترا على ضيفه، وقالت الحكومة في بريطانيا إن الوزير سيزور انكلترا "
            "وأنحاء المملكة المتحدة.")
    got = {text[s.start:s.end]: (s.value, s.attrs.get("country"), s.attrs.get("english")) for s in tagger.spans(text)}
    assert got["إنجلترا"] == got["انكلترا"] == ("gpe:انجلترا", "GB", "England")
    assert got["بريطانيا"][0] == got["المملكة المتحدة"][0] != "gpe:انجلترا"
    assert got["بريطانيا"][1] == "GB"


def test_maghrebi_qaf_places_are_the_gazetteers(tagger) -> None:  # type: ignore[no-untyped-def]
    """ڨفصة, الڨصرين and ڨابس (ق written ڨ, as Tunisian radio writes it) are قفصة, القصرين and
    قابس in TN; before, ڨفصة was a place of no country with a key of its own, the others nothing."""
    text = "أصيب ثلاثة أشخاص في حادث مرور بولاية \u06a8فصة، ونقلوا إلى مستشفى ال\u06a8صرين ثم إلى \u06a8ابس."
    got = {text[s.start:s.end]: (s.value, s.attrs.get("country")) for s in tagger.spans(text)}
    assert got == {"\u06a8فصة": ("gpe:قفصه", "TN"), "ال\u06a8صرين": ("gpe:قصرين", "TN"),
                   "\u06a8ابس": ("gpe:قابس", "TN")}


def test_a_second_rank_title_further_back_is_anothers(tagger) -> None:  # type: ignore[no-untyped-def]
    # a list of tags after an article: the French president's title is no part of the king's
    text = ("هاتف الملك سلمان بن عبدالعزيز آل سعود نظيره أمس. "
            "كلمات دالة الرئيس الفرنسي الرئيس المصري الملك سلمان بن عبدالعزيز آل سعود")
    kings = [(t, c) for t, y, c in _ms(tagger, text) if y == "PER" and t.startswith("سلمان")]
    assert kings and all(c != "FR" for _t, c in kings)
    roles = [s.attrs.get("role", "") for s in tagger.spans(text) if s.label == "PER"]
    assert "الملك" in roles and not any("الفرنسي" in r for r in roles)
    # one rank with its description before it keeps the country
    ms = _ms(tagger, "استقبل ولي العهد السعودي الأمير محمد بن سلمان الوفد.")
    assert any(t.startswith("محمد بن سلمان") and c == "SA" for t, y, c in ms if y == "PER")


def test_a_well_known_surname_alone_is_not_another_full_names(tagger) -> None:  # type: ignore[no-untyped-def]
    def names(text: str) -> list[tuple[str, str]]:
        return [(text[s.start:s.end], s.attrs.get("name", "")) for s in tagger.spans(text) if s.label == "PER"]

    alone = names("وصلت ميلانيا ترامب إلى باريس أمس. وقال ترامب في تغريدة إن الزيارة ناجحة، وأضاف ترامب أنه سيعود.")
    assert ("ميلانيا ترامب", "ميلانيا ترامب") in alone
    assert [n for t, n in alone if t == "ترامب"] == ["دونالد ترامب", "دونالد ترامب"]  # not hers: his
    both = names("قال الرئيس الأمريكي دونالد ترامب إن زوجته ميلانيا ترامب ستزور باريس، وأضاف ترامب أنها سعيدة.")
    assert [n for t, n in both if t == "ترامب"] == ["دونالد ترامب"]
    # a surname the lexicon does not know still joins the article's full name
    other = names("وصل الوزير خالد العلوي إلى باريس أمس. وقال العلوي إن الزيارة ناجحة.")
    assert [n for t, n in other if t == "العلوي"] == ["خالد العلوي"]


def test_the_lexicon_s_surnames_are_one_list_and_its_word_lists_a_public_helper() -> None:
    """A surname the lexicon knows as a well-known man's short name is keyed by his full name,
    whether it was one of the two that looked alike (الخميني) or of the four whose families are
    in the news (ترامب); ``word_set`` is how every list is written."""
    from marsad.enrich.entities import lexicon as lx

    assert lx.known_surname(normalize("ترامب")) == normalize("دونالد ترامب")
    assert lx.known_surname(normalize("الخميني")) == normalize("روح الله الخميني")
    assert lx.known_surname(normalize("كوهين")) == ""
    assert not hasattr(lx, "PROMINENT_SURNAMES")
    assert lx.word_set("الأمير وزير") == {normalize("الأمير"), normalize("وزير")}


def test_a_common_noun_before_a_surname_and_a_time_of_day_are_no_names(tagger) -> None:  # type: ignore[no-untyped-def]
    def names(text: str) -> list[tuple[str, str]]:
        return [(text[s.start:s.end], s.attrs.get("name", "")) for s in tagger.spans(text) if s.label == "PER"]

    # تفاني (devotion) in construct before the lawyer's name: no first name, and no second person
    ps = names("ويبدو أن تفاني كوهين في خدمة رئيسه معروف. وقال المحامي مايكل كوهين إنه سيتعاون، "
               "وأضاف كوهين أنه بريء.")
    assert not any(t.startswith("تفاني") for t, _n in ps)
    assert {n for _t, n in ps} == {"مايكل كوهين"}
    # صباح before يوم is the morning, after a title too; صباح الأحمد is a man
    ps = names("سيصل المدرب صباح يوم الأربعاء المقبل إلى المعسكر. واستقبل الشيخ صباح الأحمد الوفد مساء أمس.")
    assert [t for t, _n in ps] == ["صباح الأحمد"]


def test_a_province_after_its_head_and_a_district_of_two_words(tagger) -> None:  # type: ignore[no-untyped-def]
    # ولاية is no و + ل + آية (a title): the province after it is a place, not a person titled ولاية
    ms = tagger.spans("قتل عشرة جنود في ولاية لوغار جنوب كابل، وأفاد حاكم ولاية لوغار بأن الهجوم وقع فجرا.")
    text = "قتل عشرة جنود في ولاية لوغار جنوب كابل، وأفاد حاكم ولاية لوغار بأن الهجوم وقع فجرا."
    assert [s.label for s in ms if text[s.start:s.end] == "لوغار"] == ["GPE", "GPE"]
    assert not any(s.attrs.get("role") == "ولاية" for s in ms)
    # two words after منطقة, the first no given name, name the district
    text = "وقالت الشرطة إن شخصين قتلا في منطقة ميري هيل، حيث يعتقد أن رجلا هاجم امرأتين."
    assert [(text[s.start:s.end], s.label) for s in tagger.spans(text)] == [("ميري هيل", "GPE")]
    # … but a term of office (ولاية) of a man with his first name stays his
    text = "وشهدت ولاية باراك أوباما الأولى أزمة مالية."
    assert [(text[s.start:s.end], s.label) for s in tagger.spans(text)] == [("باراك أوباما", "PER")]


def test_two_names_run_together_are_two_mentions(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قال الرئيس عبد الفتاح السيسي إن نظيره فرانسوا هولاند سيزور القاهرة. والتقى السيسي وهولاند "
            "في باريس، وحضر القمة: ميركل، السيسي هولاند، وماي.")
    ps = [(text[s.start:s.end], s.attrs.get("name", "")) for s in tagger.spans(text) if s.label == "PER"]
    assert ("السيسي", "عبدالفتاح السيسي") in ps and ("هولاند", "فرانسوا هولاند") in ps
    assert not any(" " in t and "هولاند" in t and "السيسي" in t for t, _n in ps)
    assert sum(1 for t, _n in ps if t == "هولاند") == 2  # the one after و starts after it
    # a surname the lexicon knows, then a company the article names: two names
    text = "واتهم ترامب غوغل، في تغريدة سابقة، بإخفاء النتائج. وقالت غوغل إنها محايدة."
    got = [(text[s.start:s.end], s.label) for s in tagger.spans(text)]
    assert ("ترامب", "PER") in got and got.count(("غوغل", "ORG")) == 2
    # a name with ولد, or a first name in و, is one name
    text = "وقال المبعوث إسماعيل ولد الشيخ أحمد إن المحادثات مستمرة."
    assert any(s.label == "PER" and text[s.start:s.end].startswith("إسماعيل ولد الشيخ") for s in tagger.spans(text))


def test_the_island_is_no_channel(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("نشرت الإمارات قوات في جزيرة سقطرى اليمنية، ووصل رئيس الوزراء إلى الجزيرة أمس، وقالت قناة "
            "الجزيرة إن الوضع هادئ.")
    orgs = [text[s.start:s.end] for s in tagger.spans(text) if s.label == "ORG"]
    assert orgs == ["الجزيرة"] and text.index("قناة") < [s for s in tagger.spans(text) if s.label == "ORG"][0].start
    # the channel named alone, in an article without the island, stays the channel
    assert [(s.label, s.attrs.get("country")) for s in tagger.spans("وقالت الجزيرة إن الوضع هادئ.")] == [("ORG", "QA")]
    # شبه الجزيرة alone is the peninsula the article spoke of
    text = "تصاعد التوتر في شبه الجزيرة الكورية أمس، وقال المبعوث إن شبه الجزيرة تحتاج إلى السلام."
    assert not any(s.label == "ORG" for s in tagger.spans(text))
