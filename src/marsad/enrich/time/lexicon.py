"""The words of Arabic time expressions, as data: months, weekdays, number words, units.

Every table is keyed by the *normalized* form (``marsad.text.normalize``: alef forms أ إ آ
U+0623/U+0625/U+0622 → ا U+0627, ة U+0629 → ه U+0647, ى U+0649 → ي U+064A, ئ U+0626 → ي,
tashkeel and tatweel U+0640 dropped), because the tagger matches on the normalized view.

Gregorian month names are taken from babel's CLDR tables for every Arabic-speaking region
(ar_EG/ar_SA: يناير…; ar_SY/ar_LB/ar_JO/ar_IQ/ar_PS: كانون الثاني…; ar_MA: يناير، ماي، يوليوز،
غشت، شتنبر، نونبر، دجنبر; ar_DZ/ar_TN: جانفي، فيفري، أفريل، جوان، جويلية، أوت; ar_MR:
إبريل، أغشت، شتمبر، دجمبر) plus the spelling variants news uses (يونيه، يوليه، مايس، كانون ثاني).
Hijri month names come from hijridate plus their variants (ربيع الآخر، جمادى الثانية، ذي الحجة).
"""

from __future__ import annotations

from marsad.text.normalize import normalize

#: the locales whose CLDR month names are read from babel
BABEL_LOCALES = ("ar_EG", "ar_SA", "ar_SY", "ar_LB", "ar_JO", "ar_IQ", "ar_PS", "ar_MA",
                 "ar_DZ", "ar_TN", "ar_MR", "ar_LY")

# variants news writes that CLDR does not list (and the CLDR names, in case babel is absent)
_GREGORIAN_EXTRA: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "ينار"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "إبريل", "نيسان", "أفريل", "ابريل"),
    5: ("مايو", "أيار", "ماي", "مايس"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "جويليه"),
    8: ("أغسطس", "آب", "أوت", "غشت", "أغشت", "اغسطس"),
    9: ("سبتمبر", "أيلول", "شتنبر", "شتمبر"),
    10: ("أكتوبر", "تشرين الأول", "تشرين أول"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر", "دجمبر"),
}

#: month names that are also ordinary words (مارس "he practised", آب/أب "father", غشت
#: "deceit", نيسان the car, جوان a given name …): alone they need a cue (a day, a year, شهر,
#: الماضي/المقبل, a preposition) before they count as a month
AMBIGUOUS_MONTHS = frozenset(normalize(w) for w in (
    "مارس", "آب", "غشت", "ماي", "تموز", "جوان", "نيسان", "أوت", "أيار", "ينار", "مايس",
))
#: of those, the ones a preposition alone is not enough for (في أب = "in a father")
STRICT_MONTHS = frozenset(normalize(w) for w in ("آب", "غشت", "ماي", "أوت", "ينار"))

_HIJRI: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الثاني", "ربيع الآخر", "ربيع ثاني"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادي الأولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادي الآخرة"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذو القعده", "ذوالقعدة", "ذيالقعدة", "ذوي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذوالحجة", "ذيالحجة", "ذوي الحجة", "ذا الحجة"),
}
#: Hijri months that are also names or words (صفر "zero", رجب/شعبان/رمضان given names)
AMBIGUOUS_HIJRI = frozenset(normalize(w) for w in ("محرم", "المحرم", "صفر", "رجب", "شعبان", "رمضان"))

#: ISO weekday numbers (Monday = 1 … Sunday = 7)
WEEKDAYS: dict[str, int] = {normalize(k): v for k, v in {
    "الاثنين": 1, "الإثنين": 1, "الأثنين": 1, "الاتنين": 1, "الثلاثاء": 2, "الثلاثا": 2,
    "الأربعاء": 3, "الاربعاء": 3, "الخميس": 4, "الجمعة": 5, "السبت": 6, "الأحد": 7,
}.items()}

_UNITS_1_10 = {
    1: ("واحد", "واحدة"), 2: ("اثنان", "اثنين", "اثنتين", "اثنتان", "إثنين"),
    3: ("ثلاث", "ثلاثة"), 4: ("أربع", "أربعة"), 5: ("خمس", "خمسة"), 6: ("ست", "ستة"),
    7: ("سبع", "سبعة"), 8: ("ثمان", "ثماني", "ثمانية"), 9: ("تسع", "تسعة"), 10: ("عشر", "عشرة"),
}
_TENS = {
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"), 60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
}
_BIG = {100: ("مئة", "مائة", "مئات"), 200: ("مئتي", "مائتي", "مئتين", "مائتين", "مئتا"),
        1000: ("ألف",), 2000: ("ألفي", "ألفين")}

#: number words → value (units, tens, hundreds; teens and compounds are parsed by the tagger)
NUMBER_WORDS: dict[str, int] = {}
for _v, _ws in (_UNITS_1_10 | _TENS | _BIG).items():
    for _w in _ws:
        NUMBER_WORDS[normalize(_w)] = _v
NUMBER_WORDS[normalize("أحد")] = 1
NUMBER_WORDS[normalize("إحدى")] = 1
NUMBER_WORDS[normalize("اثنا")] = 2
NUMBER_WORDS[normalize("اثني")] = 2
NUMBER_WORDS[normalize("اثنتا")] = 2
NUMBER_WORDS[normalize("اثنتي")] = 2

#: ordinal hour words after الساعة (الساعة العاشرة = 10 o'clock)
HOUR_WORDS: dict[str, int] = {normalize(k): v for k, v in {
    "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6,
    "السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11,
    "الحادية عشر": 11, "الثانية عشرة": 12, "الثانية عشر": 12,
}.items()}

_ORD_UNITS = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
#: ordinal day words (الثاني من مايو = 2 May), with the لل form's ل-initial spelling too
#: (للثامن من مارس: the span starts at the second ل)
ORDINAL_DAYS: dict[str, int] = {}
for _i, _w in enumerate(("الأول",) + _ORD_UNITS[1:] + ("العاشر",), start=1):
    ORDINAL_DAYS[normalize(_w)] = _i
for _i, _w in enumerate(_ORD_UNITS, start=11):
    ORDINAL_DAYS[normalize(_w + " عشر")] = _i
ORDINAL_DAYS["العشرين"] = 20
for _i, _w in enumerate(_ORD_UNITS, start=21):
    ORDINAL_DAYS[normalize(_w + " والعشرين")] = _i
ORDINAL_DAYS["الثلاثين"] = 30
ORDINAL_DAYS[normalize("الحادي والثلاثين")] = 31
for _k, _v in list(ORDINAL_DAYS.items()):
    ORDINAL_DAYS[_k[1:]] = _v

#: unit words → (TIMEX3 unit letter, count the word itself carries: 1 singular, 2 dual, 0 plural)
UNITS: dict[str, tuple[str, int]] = {normalize(k): v for k, v in {
    "يوم": ("D", 1), "يوما": ("D", 1), "أيام": ("D", 0), "يومين": ("D", 2), "يومان": ("D", 2),
    "أسبوع": ("W", 1), "أسبوعا": ("W", 1), "أسابيع": ("W", 0), "أسبوعين": ("W", 2), "أسبوعان": ("W", 2),
    "شهر": ("M", 1), "شهرا": ("M", 1), "أشهر": ("M", 0), "شهور": ("M", 0), "شهرين": ("M", 2), "شهران": ("M", 2),
    "عام": ("Y", 1), "عاما": ("Y", 1), "أعوام": ("Y", 0), "عامين": ("Y", 2), "عامان": ("Y", 2),
    "سنة": ("Y", 1), "سنوات": ("Y", 0), "سنين": ("Y", 0), "سنتين": ("Y", 2), "سنتان": ("Y", 2),
    "ساعة": ("H", 1), "ساعات": ("H", 0), "ساعتين": ("H", 2), "ساعتان": ("H", 2),
    "دقيقة": ("MIN", 1), "دقائق": ("MIN", 0), "دقيقتين": ("MIN", 2), "دقيقتان": ("MIN", 2),
    "ثانية": ("S", 1), "ثوان": ("S", 0), "ثواني": ("S", 0),
    "عقد": ("DE", 1), "عقود": ("DE", 0), "عقدين": ("DE", 2), "عقدا": ("DE", 1),
    "قرن": ("CE", 1), "قرون": ("CE", 0), "قرنين": ("CE", 2), "قرنا": ("CE", 1),
}.items()}

#: decades: التسعينيات → 199 (the 1990s)
DECADES: dict[str, int] = {}
for _stem, _d in (("عشرين", 2), ("ثلاثين", 3), ("أربعين", 4), ("خمسين", 5), ("ستين", 6),
                  ("سبعين", 7), ("ثمانين", 8), ("تسعين", 9)):
    for _suf in ("يات", "ات"):
        DECADES[normalize("ال" + _stem + _suf)] = _d
        DECADES[normalize(_stem + _suf)] = _d

#: ordinal centuries (القرن العشرين → 19, the TIMEX3 value of the 1900s)
CENTURIES: dict[str, int] = {normalize(k): v for k, v in {
    "التاسع عشر": 18, "العشرين": 19, "العشرون": 19, "الحادي والعشرين": 20,
    "الحادي والعشرون": 20, "الثامن عشر": 17, "السابع عشر": 16,
}.items()}

#: parts of the day → TIMEX3 part-of-day codes
PARTS_OF_DAY: dict[str, str] = {normalize(k): v for k, v in {
    "صباح": "MO", "فجر": "MO", "ضحى": "MO", "ظهر": "MI", "ظهيرة": "MI", "عصر": "AF",
    "مساء": "EV", "عشية": "EV", "ليل": "NI", "ليلة": "NI", "منتصف ليل": "NI", "منتصف ليلة": "NI",
}.items()}

#: "صباحا" after a clock time: the part of the day that moves the hour (+12 for PM)
AMPM: dict[str, str] = {normalize(k): v for k, v in {
    "صباحا": "am", "صباح": "am", "ص": "am", "فجرا": "am", "ظهرا": "pm", "الظهر": "pm",
    "عصرا": "pm", "العصر": "pm", "مساء": "pm", "مساءا": "pm", "م": "pm", "ليلا": "night",
    "بعد الظهر": "pm", "بعد الظهيرة": "pm", "من صباح": "am", "من مساء": "pm",
    "بعد الزوال": "pm", "قبل الزوال": "am",  # Tunisia: الساعة الواحدة بعد الزوال = 13:00
}.items()}


def _gregorian_table() -> dict[str, int]:
    table: dict[str, int] = {}
    try:
        from babel.dates import get_month_names

        for loc in BABEL_LOCALES:
            for ctx in ("format", "stand-alone"):
                for m, name in get_month_names("wide", context=ctx, locale=loc).items():
                    table[normalize(name)] = int(m)
    except Exception:  # babel missing or a locale unknown: the built-in list covers them
        pass
    for m, names in _GREGORIAN_EXTRA.items():
        for n in names:
            table[normalize(n)] = m
    return table


def _hijri_table() -> dict[str, int]:
    table: dict[str, int] = {}
    try:
        from hijridate import Hijri

        for m in range(1, 13):
            table[normalize(Hijri(1440, m, 1).month_name("ar"))] = m
    except Exception:
        pass
    for m, names in _HIJRI.items():
        for n in names:
            table[normalize(n)] = m
    return table


#: Gregorian month names of every region → month number
GREGORIAN_MONTHS: dict[str, int] = _gregorian_table()
#: Hijri month names → month number
HIJRI_MONTHS: dict[str, int] = _hijri_table()
