import pytest

from marsad import analyze_text


@pytest.mark.parametrize(
    "opening, place, agency",
    [
        ("موسكو- سبوتنيك. وجاء في البيان", "موسكو", "سبوتنيك"),
        ("الرياض - واس\nأعلنت الوزارة", "الرياض", "واس"),
        ("بيروت (رويترز) - قال مسؤول", "بيروت", "رويترز"),
        ("دبي، الإمارات العربية المتحدة (CNN) -- أعلنت الشركة", "دبي، الإمارات العربية المتحدة", "CNN"),
        ("القاهرة/ أ ش أ: أكد الوزير", "القاهرة", "أ ش أ"),
        ("الرياض ـ واس\nأعلنت الوزارة", "الرياض", "واس"),
        ("موسكو - طهران (الضاد) - أعلنت الوزارة", "موسكو - طهران", "الضاد"),
    ],
)
def test_dateline_place_and_agency(opening, place, agency):
    art = analyze_text("خبر عن اجتماع الوزراء\n" + opening + " أمورا كثيرة في الاجتماع.\nفقرة أخرى.")
    assert art.dateline_place == place
    assert art.dateline_agency == agency
    span = art.layer("dateline")[0]
    assert art.text[span.start:span.end].strip().startswith(place.split("،")[0])
    assert place not in art.clean_text.split("\n")[0][:len(place)]


def test_credit_and_byline():
    art = analyze_text("عنوان الخبر\nكتب: أحمد علي\nنص الخبر الطويل هنا وفيه تفاصيل كثيرة.\n\nالعربية نت")
    assert art.credit == "العربية نت"
    assert art.byline == "أحمد علي"
    assert "العربية نت" not in art.clean_text
    assert "أحمد علي" not in art.clean_text


def test_no_dateline_in_ordinary_opening():
    art = analyze_text("عنوان\nقال الوزير اليوم إن الحكومة ستعلن خطة جديدة.\nفقرة.")
    assert art.dateline_place == "" and art.dateline_agency == ""


@pytest.mark.parametrize(
    "opening, place, agency, byline",
    [
        ("سبق- الرياض: أعلنت الأمانة", "الرياض", "سبق", ""),
        ("فهد العتيبي- سبق: أعلنت الأمانة", "", "سبق", "فهد العتيبي"),
        ("جدة - واس\nأعلنت الأمانة", "جدة", "واس", ""),
        # an outlet's copy of wire news: no place (سبق was the place of a plane crash in Tokyo)
        ("سبق- وكالات: أعلنت الأمانة", "", "وكالات", ""),
        # a reporter and his city: الرياض the city, not the paper of that name
        ("عبدالرحمن الشهري – الرياض\nأعلنت الأمانة", "الرياض", "", "عبدالرحمن الشهري"),
        # a city whose name opens with an outlet's (المدينة): the whole line is the place
        ("عين اليوم – المدينة المنورة\nأعلنت الأمانة", "المدينة المنورة", "عين اليوم", ""),
        ("سلوى المدني – عين اليوم\nأعلنت الأمانة", "", "عين اليوم", "سلوى المدني"),
        # the outlet or agency, then its reporter's city, closed by a colon; reporters may open it
        ("سبق- تبوك: أعلنت الأمانة", "تبوك", "سبق", ""),
        ("واس – المنامة: أعلنت الأمانة", "المنامة", "واس", ""),
        ("فهد العتيبي- سبق- أبها: أعلنت الأمانة", "أبها", "سبق", "فهد العتيبي"),
        ("فهد العتيبي، سعد الحربي- سبق- عمّان: أعلنت الأمانة", "عمّان", "سبق", "فهد العتيبي، سعد الحربي"),
        # not a place after the outlet: no place taken from it
        ("سبق- متابعة: أعلنت الأمانة", "", "", ""),
        # the outlet and its reporter's city on a line of their own, no colon
        ("عين اليوم – جدة\nأعلنت الأمانة", "جدة", "عين اليوم", ""),
        ("عين اليوم- سان فرانسيسكو\nأعلنت الأمانة", "سان فرانسيسكو", "عين اليوم", ""),
        ("عين اليوم – متابعات\nأعلنت الأمانة", "", "", ""),
        # a reporter and the city filed from, a line of their own
        ("غالب السهلي – بريدة\nأعلنت الأمانة", "بريدة", "", "غالب السهلي"),
        ("حامد القرشي- مكة المكرمة\nأعلنت الأمانة", "مكة المكرمة", "", "حامد القرشي"),
        ("أحمد البراهيم- جازان: أعلنت الأمانة", "جازان", "", "أحمد البراهيم"),
        # … but a body or a place before the dash is no reporter
        ("وزارة الصحة – جدة\nأعلنت الأمانة", "", "", ""),
        ("أمانة جدة – جدة\nأعلنت الأمانة", "", "", ""),
        # dateline.v8's forms:
        # an agency after a colon with a space on one side only, in brackets after a dash
        ("الرياض :الألمانية\nأعلنت الأمانة", "الرياض", "الألمانية", ""),
        ("القاهرة : أ ش أ\nأعلنت الأمانة", "القاهرة", "أ ش أ", ""),
        ("بيروت ـ (رويترز)\nأعلنت الأمانة", "بيروت", "رويترز", ""),
        ("بيروت - (رويترز) - أعلنت الأمانة", "بيروت", "رويترز", ""),
        # an abbreviation with spaced dots, without its dots, with a bare alef
        ("القاهرة - د. ب. أ\nأعلنت الأمانة", "القاهرة", "د. ب. أ", ""),
        ("القاهرة - أ. ف. ب.\nأعلنت الأمانة", "القاهرة", "أ. ف. ب", ""),
        ("القاهرة - ا ش ا\nأعلنت الأمانة", "القاهرة", "ا ش ا", ""),
        # a city the gazetteer drops as a frequent word, a Saudi governorate, another spelling
        ("عين اليوم – الخبر\nأعلنت الأمانة", "الخبر", "عين اليوم", ""),
        ("سبق- وادي الدواسر: أعلنت الأمانة", "وادي الدواسر", "سبق", ""),
        ("عين اليوم – زيوريخ\nأعلنت الأمانة", "زيوريخ", "عين اليوم", ""),
        # the city filed from and the reporter, a line of their own
        ("مكة المكرمة – سامي الكاتب\nأعلنت الأمانة", "مكة المكرمة", "", "سامي الكاتب"),
        ("جدة ـ ليلى المحررة:\nأعلنت الأمانة", "جدة", "", "ليلى المحررة"),
        # … not a city and a body, nor a tatweel stretching a word before an outlet in brackets
        ("جدة – وزارة الصحة\nأعلنت الأمانة", "", "", ""),
        ("وأوضح لـ(عكاظ) مدير الأمانة", "", "", ""),
        # a month's two names are no dateline (أغسطس/آب is no agency آب)
        ("منذ أغسطس/آب أعلنت الأمانة", "", "", ""),
    ],
)
def test_dateline_halves_are_sorted_into_place_agency_author(opening, place, agency, byline):
    art = analyze_text("خبر عن الأمانة\n" + opening + " خططا جديدة للطرق.\nفقرة أخرى.")
    assert (art.dateline_place, art.dateline_agency, art.byline) == (place, agency, byline)


@pytest.mark.parametrize("quote", [
    'وقال نائب رئيس مجلس (الاتحاد): "نحن نتفق مع الجهود المبذولة"',
    "وتابع المدرب (68 عاما): إن الفريق قدم مباراة كبيرة",
    "وأضافت المتحدثة (رويترز) - إن الاجتماع سيعقد غدا",
])
def test_a_paragraph_opening_on_a_reporting_verb_is_no_dateline(quote):
    """A quoted speaker with a bracket (a council's name, an age) was read as a dateline whose
    'author' was وقال نائب رئيس مجلس, and that phrase became the article's byline."""
    art = analyze_text("عنوان الخبر عن الاجتماع\nالتقى الوزير نظيره في العاصمة أمس.\n" + quote + " في المرحلة المقبلة.\nفقرة أخيرة.")
    assert (art.dateline_place, art.dateline_agency, art.byline) == ("", "", "")
    assert not art.layer("dateline")


def test_reprint_credit_line():
    art = analyze_text("عنوان مقال الرأي\nنص المقال الطويل وفيه آراء الكاتب في الأحداث.\n*نقلاً عن الشروق المصرية")
    assert art.credit == "الشروق المصرية"


@pytest.mark.parametrize(
    "opening, place, agency, day",
    [
        ("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n", "بريدة", "واس", "2015-08-10"),
        ("مكة المكرمة 3 رمضان 1436 هـ الموافق 20 يونيو 2015 م واس\n", "مكة المكرمة", "واس", "2015-06-20"),
        ("أبه\u0640\u0640ا 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n", "أبها", "واس", "2015-08-10"),  # tatweel in the place
        ("القاهرة في 5 مايو 2020 (أ ش أ) - ", "القاهرة", "أ ش أ", "2020-05-05"),
        ("القدس المحتلة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n", "القدس المحتلة", "واس", "2015-08-10"),
    ],
)
def test_a_dated_dateline_gives_place_agency_and_day(opening, place, agency, day):
    """The Saudi Press Agency opens every item with its place, the Hijri date, its Gregorian
    equivalent and «واس»; none of it was read as a dateline, and the day was lost."""
    art = analyze_text("خبر عن المهرجان\n" + opening + "افتتح الأمير مهرجان التمور في المدينة.\nفقرة أخرى.")
    assert (art.dateline_place, art.dateline_agency) == (place, agency)
    assert art.published_at == day and art.published_at_source == "dateline"
    assert not art.clean_text.startswith(place)


def test_a_dateline_learned_as_boilerplate_is_still_the_dateline():
    """A wire's dateline is the same on every item of a day, so the source's boilerplate
    learns the line; it is the dateline all the same (its place and agency are kept)."""
    from marsad.clean.dateline import DatelineSplitter
    from marsad.model import Span

    text = "جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nافتتح الأمير معرضا للكتاب.\n// انتهى //"
    line_end = text.index("\n")
    learned = [Span("debris", 0, line_end, "boilerplate"), Span("debris", text.rindex("//") - 9, len(text), "boilerplate")]
    spans = DatelineSplitter().spans(text, removed=learned, has_title=True)
    dl = [s for s in spans if s.layer == "dateline"]
    assert [(s.attrs["place"], s.attrs["agency"]) for s in dl] == [("جدة", "واس")]
    assert dl[0].start == 0 and dl[0].end >= line_end - 1
    # a line cut as other debris (not learned boilerplate) is still passed over
    other = [Span("debris", 0, line_end, "share")]
    assert not [s for s in DatelineSplitter().spans(text, removed=other, has_title=True) if s.layer == "dateline"]


def test_a_date_alone_opening_a_sentence_is_no_dateline():
    art = analyze_text("خبر عن الاجتماع\nالحكومة في 5 مايو 2020 أعلنت خطة جديدة للطرق.\nفقرة أخرى.")
    assert (art.dateline_place, art.dateline_agency) == ("", "")


@pytest.mark.parametrize("title, shown", [
    ("عام / أمانة المنطقة تنفذ جولات رقابية على المخابز", "أمانة المنطقة تنفذ جولات رقابية على المخابز"),
    ("اقتصادي/ارتفاع أسعار النفط في الأسواق", "ارتفاع أسعار النفط في الأسواق"),
    ("عام / ", "عام / "),  # nothing after the tag: kept
    ("العام / الخاص: شراكة جديدة", "العام / الخاص: شراكة جديدة"),  # not a desk's tag
    ("رياضيون / مدربون يجتمعون", "رياضيون / مدربون يجتمعون"),
])
def test_a_wire_desks_tag_is_taken_off_the_title(title, shown):
    """The Saudi Press Agency titles every item under its desk (عام / …): 200 of its 201
    titles in three days of SaudiNewsNet, in every listing where it is the first publisher."""
    art = analyze_text("افتتح الأمير مهرجان التمور في المدينة اليوم.\nفقرة أخرى.", title=title)
    assert art.title == shown


def test_dateline_v3_is_retired():
    from marsad.errors import ConfigError
    from marsad.pipeline.registry import build

    with pytest.raises(ConfigError, match="replaced by 'dateline.v8'"):
        build(["language.v1", "debris.v6", "dateline.v3"])


@pytest.mark.parametrize("opening", ["Next Previous \u00a0\n", " Next Previous ", "السابق التالي\n"])
def test_a_sliders_buttons_before_the_dateline_are_site_chrome(opening):
    text = opening + "حامد القرشي – عين اليوم\nأبدع المغردون في نشر صور المسجد الحرام الليلة.\nفقرة أخرى."
    art = analyze_text(text, title="صور المسجد الحرام")
    assert [(s.label, art.text[s.start:s.end]) for s in art.layer("debris")] == [
        ("site_chrome", opening.strip(" \n\u00a0"))]
    assert (art.dateline_agency, art.byline) == ("عين اليوم", "حامد القرشي")
    assert art.clean_text.startswith("أبدع المغردون")
    assert not any(m.text.lower().startswith(("next", "previous")) for m in art.layer("mentions"))
    # the words of a sentence are not a slider's
    assert analyze_text("السابق التالي للرئيس أعلن استقالته.\nفقرة.", title="خبر").layer("debris") == []


@pytest.mark.parametrize(
    "field, place, agency, person",
    [
        # an agency or the paper and the city filed from, either way round
        ("واس - جدة", "جدة", "واس", ""),
        ("الرياض - واس", "الرياض", "واس", ""),
        ("الرياض : واس", "الرياض", "واس", ""),
        ("المدينة ـ الطائف", "الطائف", "المدينة", ""),
        ("أبها: الوطن", "أبها", "الوطن", ""),
        ("\u00a0عكاظ (جدة)", "جدة", "عكاظ", ""),
        ("«الاقتصادية» من الرياض", "الرياض", "الاقتصادية", ""),
        ('"الاقتصادية" من الرياض', "الرياض", "الاقتصادية", ""),
        ("لندن: «الشرق الأوسط أونلاين»", "لندن", "الشرق الأوسط", ""),
        ("الرياض-الوئام:", "الرياض", "الوئام", ""),
        ("الرياض - جدة", "جدة", "الرياض", ""),  # the paper الرياض, in Jeddah
        # a city and its reporter, either way round, or in brackets, or after من
        ("لندن: سامي الكاتب", "لندن", "", "سامي الكاتب"),
        ("الرياض - ليلى المحررة", "الرياض", "", "ليلى المحررة"),
        ("سامي الكاتب - بريدة", "بريدة", "", "سامي الكاتب"),
        ("&nbsp;سامي الكاتب (صنعاء)", "صنعاء", "", "سامي الكاتب"),
        ("سامي الكاتب من جدة", "جدة", "", "سامي الكاتب"),
        # a reporter, the paper and the city; the paper's office
        ("سامي الكاتب- سبق- الرياض:", "الرياض", "سبق", "سامي الكاتب"),
        ("القاهرة - مكتب الجزيرة - سامي الكاتب:", "القاهرة", "الجزيرة", "سامي الكاتب"),
        # the paper's copy of the wire: the wire is the agency
        ("الوئام - رويترز:", "", "رويترز", ""),
        ("سبق- وكالات:", "", "وكالات", ""),
        # a desk, a label, a time stamp, «خاص» are no person
        ("الجزيرة - المحليات:", "", "الجزيرة", ""),
        ("متابعة - الرياض الإلكتروني", "", "الرياض", ""),
        ("كتب - سامي الكاتب:", "", "", "سامي الكاتب"),
        ("صنعاء - خاص بالرياض", "صنعاء", "", ""),
        ("لندن - الرياضية | Tuesday, 11 August 2015 - 16:10 pm", "لندن", "الرياضية", ""),
        ("كلمة اليوم", "", "اليوم", ""),
        # two reporters, each with a city
        ("سامي الكاتب (جدة)، ليلى المحررة (الرياض)", "جدة", "", "سامي الكاتب، ليلى المحررة"),
        # an outlet's name alone is no byline; a person's name alone is
        ("عكاظ", "", "عكاظ", ""),
        ("الرياض", "", "الرياض", ""),
        ("رويترز", "", "رويترز", ""),
        ("سامي عبدالله الكاتب", "", "", "سامي عبدالله الكاتب"),
        ("د. ليلى المحررة", "", "", "د. ليلى المحررة"),
        ("Jane Writer", "", "", "Jane Writer"),
        ("", "", "", ""),
        # the photographer's credit after the reporters is cut off
        ("سامي الكاتب - ليلى المحررة  - جدة\tتصوير - حسن المصور", "جدة", "", "سامي الكاتب، ليلى المحررة"),
        ("الرياض - سامي الكاتب    عدسة - حسن المصور", "الرياض", "", "سامي الكاتب"),
        # an outlet's channel or site is its name; a site's section and a name with a digit are no person
        ("دبي - قناة العربية", "دبي", "العربية", ""),
        ("دبي - العربية نت", "دبي", "العربية نت", ""),
        ("دبي - البوابة العربية للأخبار التقنية", "دبي", "", ""),
        ("فرانس 24", "", "", ""),
        # dateline.v8: separators, abbreviations however dotted, the wider place list, author fields
        ("الرياض :الألمانية", "الرياض", "الألمانية", ""),
        ("نانتير - أ. ف. ب", "نانتير", "أ. ف. ب", ""),
        ("برشلونة - د. ب. أ", "برشلونة", "د. ب. أ", ""),
        ("القاهرة - و ا س", "القاهرة", "و ا س", ""),
        ("لندن – أسوشييتد برس", "لندن", "أسوشييتد برس", ""),
        ("دبي - العربية. نت", "دبي", "العربية. نت", ""),
        # places of the wider list: a frequent word, a town, a governorate, a city with its epithet,
        # a name written without its space, a transliteration with a long vowel more
        ("الخبر: سامي الكاتب", "الخبر", "", "سامي الكاتب"),
        ("سول - وكالات", "سول", "وكالات", ""),
        ("رجال ألمع: سامي الكاتب", "رجال ألمع", "", "سامي الكاتب"),
        ("الجبيل الصناعية - سامي الكاتب", "الجبيل الصناعية", "", "سامي الكاتب"),
        ("سامي الكاتب - حفرالباطن", "حفرالباطن", "", "سامي الكاتب"),
        ("جاكرتا - رويترز", "جاكرتا", "رويترز", ""),
        ("سامي الكاتب من ليفربول", "ليفربول", "", "سامي الكاتب"),
        # an agency that is also a town's name stays the agency; a paper's name stays the paper
        ("الوئام - كونا:", "", "كونا", ""),
        ("المدينة - الرياض", "الرياض", "المدينة", ""),
        # a semicolon parts as a colon does; a name in quotes after a city is a part of its own; a
        # time stamp's weekday is no person
        ("سان بطرسبرج; رويترز", "سان بطرسبرج", "رويترز", ""),
        ("لندن «الشرق الأوسط أونلاين»", "لندن", "الشرق الأوسط", ""),
        ("| Tuesday, 11 August 2015 - 00:00 am", "", "", ""),
        # a body is no person; two agencies joined by و are the second; a page's kind is no name
        ("الأمم المتحدة – وكالات", "", "وكالات", ""),
        ("العربية.نت ووكالات", "", "وكالات", ""),
        ("استطلاع وتصوير: سامي الكاتب", "", "", "سامي الكاتب"),
        ("واس (وادي الدواسر)", "وادي الدواسر", "واس", ""),
        # a label is no place (حاوره, تأليف: one long vowel from a city's name)
        ("حاوره: سامي الكاتب", "", "", "سامي الكاتب"),
        ("تأليف: سامي الكاتب", "", "", "سامي الكاتب"),
    ],
)
def test_author_field_read_as_dateline(field, place, agency, person):
    from marsad.clean.dateline import AuthorField, read_author

    assert read_author(field) == AuthorField(place=place, agency=agency, person=person)


BODY = "أعلنت الأمانة خططا جديدة للطرق في المدينة.\nفقرة أخرى عن الخطط."


@pytest.mark.parametrize(
    "text, author, place, agency, byline",
    [
        # the field fills what the text does not give
        (BODY, "واس - جدة", "جدة", "واس", ""),
        (BODY, "لندن: سامي الكاتب", "لندن", "", "سامي الكاتب"),
        (BODY, "أبها: الوطن", "أبها", "الوطن", ""),
        (BODY, "سامي الكاتب", "", "", "سامي الكاتب"),
        (BODY, "عكاظ", "", "عكاظ", ""),
        # the text's own dateline wins; the field's person is the byline
        ("بيروت (رويترز) - " + BODY, "الرياض - سامي الكاتب", "بيروت", "رويترز", "سامي الكاتب"),
        # … and a field gives what the text's dateline lacks
        ("(أ ف ب) - " + BODY, "لندن - ليلى المحررة", "لندن", "أ ف ب", "ليلى المحررة"),
        # the text's byline wins over the field's person
        ("كتب: ليلى المحررة\n" + BODY, "جدة - سامي الكاتب", "جدة", "", "ليلى المحررة"),
    ],
)
def test_author_field_fills_the_dateline_the_text_lacks(text, author, place, agency, byline):
    art = analyze_text(text, title="خبر عن الأمانة", author=author)
    assert (art.dateline_place, art.dateline_agency, art.byline) == (place, agency, byline)
    # the field fills fields only: the text is cleaned as it is without it
    assert art.clean_text == analyze_text(text, title="خبر عن الأمانة").clean_text


def test_the_wider_place_list_is_for_datelines_only():
    """A town of the dateline reader's wider list is a place in a dateline's slot, not a word of a
    reporter's name (a name's word that names a town does not make it a body or a place)."""
    from marsad.clean.dateline import _is_place, _names_place

    assert _is_place("الخبر") and not _is_place("الخبر", wide=False)
    assert not _names_place("سامي الخبر")


def test_a_dateline_alone_on_the_first_line_is_no_title():
    art = analyze_text("الرياض - واس\nاستقبل أمير المنطقة اليوم وفدا رسميا في مكتبه.\nفقرة أخرى.")
    assert (art.title, art.dateline_place, art.dateline_agency) == ("", "الرياض", "واس")
    # a first line that goes on after its dateline is still the title
    art = analyze_text("الرياض - واس يستقبل وفدا\nاستقبل أمير المنطقة اليوم وفدا رسميا في مكتبه.\nفقرة أخرى.")
    assert art.title == "الرياض - واس يستقبل وفدا"
