"""Interface strings in Arabic and English, and the digits the user prefers.

Only the interface is translated and re-digited: article text, titles and snippets are shown
exactly as stored. Eastern Arabic digits are U+0660..U+0669; Western are ASCII 0-9.
"""

from __future__ import annotations

import re
from typing import Any

_DATE_LIKE = re.compile(r"^\d{4}-\d")
LANGS = ("ar", "en")
DIGITS = ("eastern", "western")

_EASTERN = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")

STRINGS: dict[str, tuple[str, str]] = {
    "app": ("مرصد", "marsad"),
    "tagline": ("مرصد الأخبار العربية", "Arabic news observatory"),
    "search": ("بحث", "Search"),
    "search_placeholder": ("ابحث في الأرشيف… مثل: روسيا إيران", "Search the archive… e.g. روسيا إيران"),
    "entities": ("الكيانات", "Entities"),
    "stories": ("القصص", "Stories"),
    "attention": ("الاهتمام عبر الزمن", "Attention over time"),
    "results": ("نتيجة", "results"),
    "articles": ("مقالات", "articles"),
    "article": ("مقال", "Article"),
    "mentions": ("إشارات", "mentions"),
    "no_results": ("لا نتائج.", "No results."),
    "source": ("المصدر", "Source"),
    "sources": ("المصادر", "Sources"),
    "date": ("التاريخ", "Date"),
    "month": ("الشهر", "Month"),
    "from": ("من", "From"),
    "to": ("إلى", "To"),
    "entity": ("كيان", "Entity"),
    "story": ("قصة", "Story"),
    "thread": ("سلسلة", "Thread"),
    "threads": ("السلاسل الإخبارية", "Threads"),
    "no_threads": ("لا سلاسل بهذا العدد من القصص بعد.", "No threads of this many stories yet."),
    "min_stories": ("أصغر سلسلة (قصص)", "Smallest thread (stories)"),
    "biggest_story": ("أكبر قصصها", "Biggest story"),
    "copies": ("نسخ", "copies"),
    "copies_title": ("النسخ المكررة", "Copies"),
    "first_publisher": ("الناشر الأول", "first publisher"),
    "crawl_time": ("وقت الجلب: كان المقال منشورا عندئذ، ولا يُعرف متى نُشر",
                   "a crawl time: the article was out by then, when is not known"),
    "copied_from": ("منقول عن", "Copied from"),
    "terms": ("كلمات مفتاحية", "Key terms"),
    "filters": ("تصفية", "Filters"),
    "clear_filters": ("إزالة التصفية", "Clear filters"),
    "published": ("تاريخ النشر", "Published"),
    "published_from": ("مصدر التاريخ", "date from"),
    "confidence": ("الثقة", "confidence"),
    "unknown": ("غير معروف", "unknown"),
    "dateline": ("سطر المكان", "Dateline"),
    "place": ("المكان", "place"),
    "author_field": ("حقل الكاتب", "Author field"),
    "author_field_note": ("(كما ورد في المدخل؛ منه سطر المكان والكاتب حيث لم يذكرهما النص)",
                          "(as the input gave it; the dateline and byline where the text gives none)"),
    "place_dateline": ("(من سطر المكان)", "(dateline)"),
    "place_dateline_title": ("لم تذكر الجملة مكانا: هذا مكان سطر المكان في المقال",
                             "the sentence names no place: this is the article's dateline place"),
    "agency": ("الوكالة", "agency"),
    "byline": ("الكاتب", "Byline"),
    "credit": ("المصدر المذكور", "Credit"),
    "url": ("الرابط", "URL"),
    "show_debris": ("إظهار الحشو المحذوف", "Show removed debris"),
    "legend": ("مفتاح الألوان", "Legend"),
    "people": ("أشخاص", "people"),
    "orgs": ("منظمات", "organisations"),
    "places": ("أماكن", "places"),
    "timexes": ("التعابير الزمنية", "Time expressions"),
    "events": ("الأحداث", "Events"),
    "value": ("القيمة", "value"),
    "names": ("الأسماء والصيغ", "Names and variants"),
    "variants": ("صيغ الكتابة", "spellings"),
    "timeline": ("الخط الزمني", "Timeline"),
    "co_mentions": ("كيانات مذكورة معه", "Co-mentioned entities"),
    "network": ("شبكة الإشارات المشتركة", "Co-mention network"),
    "members": ("المقالات", "Members"),
    "copy_group": ("مجموعة نسخ", "copy group"),
    "type": ("النوع", "type"),
    "country": ("البلد", "country"),
    "role": ("الصفة", "role"),
    "first_seen": ("أول ظهور", "first seen"),
    "last_seen": ("آخر ظهور", "last seen"),
    "prev": ("السابق", "Previous"),
    "next": ("التالي", "Next"),
    "page": ("صفحة", "page"),
    "export": ("تصدير", "Export"),
    "chart": ("رسم بياني", "Chart"),
    "series": ("السلاسل", "Series"),
    "add_series": ("أضف سلسلة", "Add series"),
    "by_month": ("شهريا", "by month"),
    "by_day": ("يوميا", "by day"),
    "show": ("اعرض", "Show"),
    "error": ("خطأ", "Error"),
    "digits": ("الأرقام", "Digits"),
    "eastern": ("٠١٢٣", "٠١٢٣"),
    "western": ("0123", "0123"),
    "lang_toggle": ("English", "العربية"),
    "archive": ("الأرشيف", "Archive"),
    "overview": ("نظرة عامة", "Overview"),
    "annotations": ("الوسوم في النصوص", "Annotations"),
    "copies_folded": ("نسخ كل نص في نتيجة واحدة", "each text's copies in one result"),
    "with_dateline": ("بسطر مكان", "with a dateline"),
    "dateline_from_author_field": ("منها من حقل الكاتب في المدخل وحده", "from the input's author field alone"),
    "no_entities": ("لم تُستخرج كيانات بعد.", "No entities extracted yet."),
    "no_stories": ("لم تُجمَّع قصص بعد.", "No stories grouped yet."),
    "min_size": ("أصغر قصة (مقالات)", "Smallest story (articles)"),
    "no_stories_filtered": ("لا قصص بهذه التصفية.", "No stories with these filters."),
    "story_of": ("القصة التي ينتمي إليها", "Its story"),
    "in_thread": ("ضمن السلسلة", "In thread"),
    "sample_note": ("محسوبة على عينة من", "computed on a sample of"),
    "attention_of": ("الاهتمام بـ", "Attention to"),
    "aliases": ("معرّفات مكررة", "duplicate ids"),
    "removed": ("محذوف", "removed"),
    "debris_kinds": ("حشو", "debris"),
    "total": ("المجموع", "total"),
    "api": ("واجهة JSON", "JSON API"),
    "event": ("حدث", "Event"),
    "event_type": ("نوع الحدث", "Event type"),
    "all_types": ("كل الأنواع", "all types"),
    "actor": ("الفاعل أو المفعول به", "Actor"),
    "actor_source": ("الفاعل", "Source"),
    "actor_target": ("المستهدف", "Target"),
    "reports": ("التقارير", "Reports"),
    "actor_in": ("في", "in"),
    "more_sources": ("مصادر أخرى", "more sources"),
    "of_its": ("من", "of"),
    "first_report": ("أول تقرير", "First report"),
    "no_events": ("لا أحداث بهذه التصفية.", "No events match."),
    "events_note": ("كل حدث يُعدّ مرة واحدة مهما تعددت التقارير عنه؛ * لم تذكر جمله يوما: تاريخ أول تقرير.",
                    "Each event is counted once however many reports it has; * no day stated: the day of the first report."),
    "event_group": ("مجموعة الحدث", "Event group"),
    "sentence": ("الجملة", "Sentence"),
    "key_moved": ("هذا المفتاح يدل على الحدث نفسه؛ مفتاحه الآن", "This key names the same event; its key is now"),
    "thread_moved": ("انضمت إليها السلسلة", "Now part of this thread: thread"),
    "PROTEST": ("احتجاج", "protest"),
    "ASSAULT": ("اعتداء", "assault"),
    "ACCUSE": ("اتهام", "accusation"),
    "THREATEN": ("تهديد", "threat"),
    "CONSULT": ("لقاء أو زيارة", "meeting or visit"),
    "AGREE": ("اتفاق", "agreement"),
    "COERCE": ("إكراه أو اعتقال", "coercion or arrest"),
}


#: a noun after a number: Arabic (one, two, 3–10, 11–99, the rest: 100, 101 …) and English forms
COUNTED: dict[str, tuple[tuple[str, str, str, str, str], tuple[str, str]]] = {
    "articles": (("مقال واحد", "مقالان", "مقالات", "مقالا", "مقال"), ("article", "articles")),
    "mentions": (("إشارة واحدة", "إشارتان", "إشارات", "إشارة", "إشارة"), ("mention", "mentions")),
    "results": (("نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة", "نتيجة"), ("result", "results")),
    "copies": (("نسخة واحدة", "نسختان", "نسخ", "نسخة", "نسخة"), ("copy", "copies")),
    "reports": (("تقرير واحد", "تقريران", "تقارير", "تقريرا", "تقرير"), ("report", "reports")),
}


def noun_for(n: int, noun: str, lang: str) -> str:
    """The form of ``noun`` to write after the number ``n`` (shown apart): 1 نتيجة, 2 نتيجتان,
    3 نتائج, 11 نتيجة, 100 نتيجة; result/results in English."""
    ar, en = COUNTED[noun]
    if lang == "en":
        return en[0] if n == 1 else en[1]
    if n == 1:
        return ar[0].split()[0]
    if n == 2:
        return ar[1]
    tail = n % 100
    return ar[2] if 3 <= tail <= 10 else ar[3] if 11 <= tail <= 99 else ar[4]


def counted(n: int, noun: str, lang: str, style: str) -> str:
    """``n`` and ``noun`` in agreement: ٣ مقالات, ١١ مقالا, مقالان, مقال واحد (Arabic counts one
    and two with the noun alone and the plural only from 3 to 10, as CLDR's plural classes say:
    n % 100 in 3..10 "few", in 11..99 "many", else "other")."""
    if lang != "en" and n in (1, 2):
        return COUNTED[noun][0][n - 1]  # مقال واحد, مقالان: the noun alone
    return f"{digits(n, style)} {noun_for(n, noun, lang)}"


def translator(lang: str) -> Any:
    i = 1 if lang == "en" else 0

    def t(key: str) -> str:
        pair = STRINGS.get(key)
        return pair[i] if pair else key

    return t


def digits(value: Any, style: str, *, grouped: bool = True) -> str:
    """``value`` as text with Eastern Arabic digits (U+0660..U+0669) when ``style`` is eastern; a
    count in groups of thousands, an identifier (``grouped=False``: a story, thread or copy group
    number, which the CLI prints and takes and the page's links carry whole) without."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        s = f"{value:,}" if grouped else str(value)
        if style == "eastern":
            s = s.replace(",", "\u066c")  # ARABIC THOUSANDS SEPARATOR
    else:
        s = str(value)
    if style != "eastern":
        return s
    if _DATE_LIKE.match(s):
        # Eastern digits are weak (bidi class AN): LEFT-TO-RIGHT MARKs (U+200E) around the
        # separators keep an ISO date in year-month-day order inside right-to-left text
        s = s.replace("-", "\u200e-\u200e").replace(":", "\u200e:\u200e").replace(" ", "\u200e \u200e")
    return s.translate(_EASTERN)
