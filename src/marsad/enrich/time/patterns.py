"""The one compiled ``regex`` alternation that finds Arabic time expressions.

It runs on the *normalized* text (see :mod:`marsad.enrich.time.lexicon`), so the literals here
are written in folded form: ة U+0629 is written ه U+0647, أ/إ/آ are written ا U+0627, ى U+0649
is written ي U+064A, and Eastern Arabic/Persian digits are already 0–9. Every top-level
alternative is a named group ``K_<kind>``; the tagger reads which one matched and its
sub-groups. At one position the alternatives are tried in order, so the more specific come
first (a clock time before a date, a date before a bare weekday). The ``regex`` module allows
the same group name in several alternatives, which keeps the handlers simple.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import Any

import regex

from marsad.enrich.time.lexicon import (
    AMPM,
    CENTURIES,
    DECADES,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    HOUR_WORDS,
    NUMBER_WORDS,
    ORDINAL_DAYS,
    PARTS_OF_DAY,
    UNITS,
    WEEKDAYS,
)


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of literal words, factored as a trie, spaces as ``\\s+``.

    A trie (``ال(?:يوم|عام)``) instead of a flat list keeps the engine to one character test
    per branch level, which is what makes the scan fast on long word lists.
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in " ".join(w.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_re(trie)


def _trie_re(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        lit = r"\s+" if ch == " " else regex.escape(ch)
        branches.append(lit + _trie_re(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


L = r"[\p{L}\p{M}]"
#: start of a word, allowing one or two proclitic letters before it (و ف ب ل ك، لل)
B = ""  # the word start is checked once, before the alternatives (see PATTERN)
#: start of a word with no proclitic
B0 = r"(?<![\p{L}\p{M}\p{N}])"
#: end of a word
E = r"(?![\p{L}\p{M}\p{N}])"
#: a number may follow letters (ال24، ب17) but not digits or a decimal/time/date separator
BN = r"(?<![\p{N}]|[\p{N}][.,/:])"
EN = r"(?![\p{N}]|[.,:/][\p{N}])"

MG = alt(GREGORIAN_MONTHS)
MH = alt(HIJRI_MONTHS)
WD = alt(WEEKDAYS)
NW = alt(NUMBER_WORDS)
NUMW = rf"{NW}(?:\s+(?:عشر|عشره){E}|\s+و\s*{NW})*"
HOURW = alt(HOUR_WORDS)
POD = alt(PARTS_OF_DAY)
AMPMW = alt(AMPM)
UNIT = alt(UNITS)
UNIT_PL = alt(k for k, (_, n) in UNITS.items() if n == 0)
UNIT_SG = alt(k for k, (_, n) in UNITS.items() if n == 1)
UNIT_DU = alt(k for k, (_, n) in UNITS.items() if n == 2)
DEC = alt(DECADES)
CENT = alt(CENTURIES)

ORD = alt(ORDINAL_DAYS)
DAY = rf"{BN}(?:3[01]|[12][0-9]|0?[1-9]){EN}"
YEAR = rf"{BN}(?:1[3-9][0-9]{{2}}|20[0-9]{{2}}){EN}"
ERA = rf"(?:ميلاديه|ميلادي|هجريه|هجري|ه|م){E}"
YEARP = rf"(?:\(\s*(?P<year>{YEAR})\s*\)|(?P<year>{YEAR}))(?:\s*(?P<era>{ERA}))?"
YK = r"(?:عامي|عام|العام|سنه|السنه|سنتي)"
MONTH = (rf"(?:(?P<mg>{MG}){E}(?:(?:(?P<mp>\s*\(\s*)|\s*[/\\\-–]\s*|\s+)(?P<mg2>{MG}){E}(?(mp)\s*\)))?"
         rf"|(?P<mh>{MH}){E}(?:\s+(?P<hkw>المبارك|الكريم|المعظم|الفضيل){E})?)")
REL = (r"(?:الجاري|الجاريه|الحالي|الحاليه|الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفايته|"
       r"السابق|المقبل|المقبله|القادم|القادمه|المنقضي|الراهن)")
MOD = (r"(?:مطلع|اوايل|بدايه|بدايات|مستهل|اول|منتصف|اواسط|وسط|اواخر|نهايه|اخر|ختام|موفي|"
       r"اخر\s+ايام|اول\s+ايام|نهايات|اواخر\s+ايام)")
QMOD = (r"(?:اكثر\s+من|اقل\s+من|نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقرب\s+من|ما\s+يزيد\s+عن|"
        r"ما\s+يزيد\s+علي|ما\s+لا\s+يقل\s+عن|ازيد\s+من|اقل\s+من|قرابه|ما\s+يناهز|اكثر\s+من)")
RD = r"(?:اول\s+من\s+امس|اول\s+امس|امس\s+الاول|قبل\s+امس|امس|البارحه|اليوم|غدا|بعد\s+غد|بعد\s+الغد|الغد|غد)"
#: words after اليوم that make it "the day" (اليوم الوطني) rather than "today"
NOT_TODAY = (r"(?:الوطني|العالمي|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|"
             r"التاسع|العاشر|الاخير|التالي|السابق|الذي|المفتوح|الدولي|العربي|المشهود|"
             r"الموعود|الكبير|الاسود|الموالي|نفسه|ذاته|الختامي|الافتتاحي|الدراسي|"
             r"الاولمبي|الرياضي|الثقافي|العلمي|التضامني|الطبي)")
#: a date whose day follows one of these heads is a name (جامعة 6 أكتوبر، ثورة 25 يناير)
NAME_HEADS = frozenset((
    "جامعه", "مدينه", "شارع", "حركه", "قوي", "تحالف", "ثوره", "ميدان", "جسر", "كوبري", "نادي", "فريق",
    "مستشفي", "محطه", "مطار", "قناه", "ملعب", "مسجد", "مدرسه", "كليه", "تيار", "ايتلاف", "مجموعه",
    "حي", "جمعيه", "انتفاضه", "احداث", "مجزره", "معاهده", "اتفاقيه", "بيان", "قرار", "ذكري", "كتله",
    "مشروع", "لجامعه", "بجامعه", "وجامعه", "لثوره", "بثوره", "وثوره", "لحركه", "وحركه", "بمدينه",
    "لمدينه", "ومدينه", "بشارع", "وشارع", "بميدان", "لقوي", "وقوي", "بحي"))

_DATE_TAIL = (rf"(?:\s*[،,]?\s*(?:من\s+)?(?:{YK}\s*)?{YEARP}|\s+(?:من\s+)?(?:العام|السنه){E}\s+"
              rf"(?P<yrel>{REL}|قبل\s+الماضي){E})?(?:\s+(?P<rel>{REL}){E})?")

#: what may stand before a weekday that its date follows (timex.v6): a part of the day, يوم, a
#: deictic day — صباح اليوم الجمعة 2 ديسمبر، مساء يوم أمس السبت 8 أغسطس، ضحى الإثنين 2 ربيع الأول
_WD_LEAD = (rf"(?:(?P<pod>{POD}){E}\s+)?(?:يوم\s+)?(?:(?P<rd>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|امس|البارحه|"
            rf"اليوم|غدا|بعد\s+غد|الغد|غد){E}\s+)?(?:يوم\s+)?")
#: what may link a weekday to its date: الثلاثاء الموافق 14/8/2018، الخميس بتاريخ 30-07-2015
_WD_LINK = r"(?:الموافق\s+ل|الموافقه|الموافق|بتاريخ)(?![^\W\d_])"

#: the date after a clock time's weekday (timex.v6): الساعة السابعة من صباح الجمعة 12 جوان 2015
_TDATE = (rf"(?:\s*[،,]?\s*(?:{_WD_LINK}\s*)?(?P<tpo>\(\s*)?(?:(?P<day>{DAY})\s*(?:من\s+)?(?:شهر\s+)?{MONTH}{_DATE_TAIL}"
          rf"|(?P<tnd>{BN}(?:3[01]|[12][0-9]|0?[1-9]))\s*(?P<tsep>[/.\-])\s*(?P<tnm>1[0-2]|0?[1-9])\s*(?P=tsep)\s*"
          rf"(?P<tny>[0-9]{{4}}){EN}(?:\s*(?P<tera>{ERA}))?)(?(tpo)\s*\)))?")

#: what follows a bare hour word (في تمام السادسة مساءً، نحو الخامسة صباحا: timex.v6): an adverb of the
#: part of the day (:data:`_HOUR_ADVERBS`, which the hour words' GATES hold too), or من before one (الرابعة من عصر اليوم)
_HOUR_ADVERBS = ("صباحا", "مساء", "مساءا", "عصرا", "ظهرا", "ليلا", "فجرا")
_HOUR_AFTER = "|".join(_HOUR_ADVERBS) + r"|من\s+(?:صباح|مساء|ظهر|عصر|فجر|ليل)"

#: the weekday after a clock time's deictic day, and its date (الثامنة مساء اليوم الثلاثاء 4 أغسطس)
_TRDWD = rf"(?:\s*[،,]?\s*(?:\(\s*(?P<rwd>{WD}){E}\s*\)|(?P<rwd>{WD}){E}{_TDATE}))?"
#: what places a clock time's weekday (الساعة التاسعة من مساء الأربعاء المقبل)
_TWREL = rf"(?:\s+(?P<wrel>{REL}|قبل\s+الماضي|بعد\s+(?:القادم|المقبل)){E})?"

_DURNUM = (rf"(?:(?P<num>{BN}[0-9]+(?:[.,][0-9]+)?{EN})\s*|(?P<numw>{NUMW})\s+)(?P<unit>{UNIT}){E}"
           rf"|(?P<unit>{UNIT_DU}){E}"
           rf"|(?P<half>نصف|ربع){E}\s+(?P<unit>{UNIT_SG}){E}")
#: a second count joined to a duration (عامين وستة شهور، خمس سنوات ونصف السنة)
_DURTAIL = (rf"(?:\s+و\s*(?:(?:(?P<num2>{BN}[0-9]+{EN})\s*|(?P<numw2>{NUMW})\s+)(?P<unit2>{UNIT}){E}"
            rf"|(?P<unit2>{UNIT_DU}){E}|(?P<half2>نصف|ربع){E}(?:\s+(?:ال)?{UNIT_SG}{E})?))?")
#: a third count (45 عاما وخمسة أشهر و12 يوما)
_DURTAIL3 = rf"(?:\s+و\s*(?:(?P<num3>{BN}[0-9]+{EN})\s*|(?P<numw3>{NUMW})\s+)(?P<unit3>{UNIT}){E})?"
_FEW = (rf"(?P<few>عده|بضعه|بضع|عشرات|مئات|الاف|بعض){E}\s+(?:ال)?(?P<unit>{UNIT_PL}){E}"
        rf"|(?P<unit>ايام|اسابيع|اشهر|شهور|سنوات|ساعات){E}\s+(?P<few>اخري|اضافيه|قليله|عديده|معدوده|عده|قلايل|قلائل){E}")

#: what makes الأيام، الأشهر … a relative period (الأيام المقبلة، السنوات القليلة الماضية)
_PLREL = (r"(?:القليله\s+)?(?:الماضيه|الاخيره|المقبله|القادمه|الفايته|المنصرمه|السابقه|المنقضيه|الماضيين|"
          r"الاخيرين|المقبلين|القادمين|الفايتين|المنصرمين|السابقين)(?:\s+القليله)?")

PAST_REF = (r"في\s+وقت\s+سابق|سابقا|موخرا|في\s+الماضي|في\s+السابق|منذ\s+فتره|قبل\s+فتره|"
            r"منذ\s+مده|منذ\s+زمن(?:\s+طويل|\s+بعيد)?|منذ\s+وقت\s+طويل")
PRESENT_REF = (r"هذه\s+الايام|حاليا|الان|(?:في\s+)?الوقت\s+(?:الحالي|الراهن|الحاضر)|راهنا"
               # the present as a period (timex.v6): الفترة الراهنة، اللحظة الراهنة، الزمن الحاضر، العصر الحالي
               r"|الفتره\s+(?:الحاليه|الراهنه|الجاريه)|اللحظه\s+(?:الراهنه|الحاليه)"
               r"|(?:الزمن|العصر)\s+(?:الحالي|الراهن|الحاضر)")
FUTURE_REF = (r"في\s+اقرب\s+فرصه|في\s+اقرب\s+وقت(?:\s+ممكن)?|قريبا(?!\s+(?:من|ل[\p{L}]*|جدا)(?![\p{L}]))|في\s+المستقبل(?:\s+القريب)?|"
              r"مستقبلا|لاحقا|يوما\s+ما|في\s+وقت\s+لاحق|عما\s+قريب|في\s+القريب\s+العاجل|في\s+وقت\s+قريب")

_ALTS = [
    # الساعة العاشرة صباحا ، الساعة 10:30 مساء أمس ، 10:30 صباحا
    rf"""(?P<K_time>{B}(?:(?P<qmod>حوالي|حوالى|نحو|قرابه){E}\s+)?(?:الساعه\s+(?:(?P<hh>{BN}(?:[01][0-9]|2[0-3]))(?P<mm>[0-5][0-9])(?![0-9])|(?P<hh>{BN}(?:[01]?[0-9]|2[0-4]))(?:[:.,](?P<mm>[0-5][0-9]))?(?![0-9])|(?P<hw>{HOURW}){E})
         |(?P<hh>{BN}(?:[01]?[0-9]|2[0-4]))[:.](?P<mm>[0-5][0-9]){EN}(?=\s*(?:{AMPMW}{E}|ت\s*[مغ]{E}|بتوقيت{E}))
         |(?P<bhw>{HOURW}){E}(?=(?:\s+و\s*(?:النصف|الربع|الثلث|[0-9]{{1,2}}\s+دقيقه){E}|\s+الا\s+(?:ربعا|ربع|ثلثا|ثلث){E})?\s+(?:{_HOUR_AFTER}){E}))
        (?:\s+و\s*(?P<frac>النصف|نصف|الربع|ربع|الثلث|ثلث){E}|\s+و\s*(?P<fm>[0-9]{{1,2}}|{NW})\s+دقيقه{E})?
        (?:\s+الا\s+(?P<minus>ربعا|ربع|ثلثا|ثلث){E})?
        (?:\s*\([^()\n]{{1,25}}\))?
        (?:\s+(?:من\s+)?(?P<pod>{POD}){E}\s+(?:يوم\s+)?(?:(?P<rd>{RD}){E}{_TRDWD}|(?P<wd>{WD}){E}{_TWREL}{_TDATE}){E}
         |\s*(?P<ampm>{AMPMW}){E}(?:\s+(?:من\s+)?(?:يوم\s+)?(?:(?P<rd>اليوم|امس|غدا|الغد|غد|بعد\s+غد|بعد\s+الغد){E}{_TRDWD}|(?P<wd>{WD}){E}{_TWREL}{_TDATE}){E})?
         |\s+(?:من\s+)?(?:يوم\s+)?(?:(?P<rd>اليوم|امس|غدا|الغد|بعد\s+غد|بعد\s+الغد){E}{_TRDWD}|(?P<wd>{WD}){E}{_TWREL}{_TDATE}){E})?)""",
    # من 1 إلى 5 مايو ، بين 10 و12 أيار 2019 ، 1-3 يونيو
    rf"""(?P<K_drange>{B}(?P<d1>{DAY})\s*(?:-|–|الي|حتي|و)\s*(?P<day>{DAY})\s*(?:من\s+)?(?:شهر\s+)?{MONTH}
        (?:\s*[،,]?\s*(?:من\s+)?(?:{YK}\s*)?{YEARP})?(?:\s+(?P<rel>{REL}){E})?)""",
    # 21/05/2020 ، 2020-05-21 ، ١٤٤٣/٠٢/٠٧ هـ ، (26/4/1947)
    rf"""(?P<K_num>{B}(?:{_WD_LEAD}(?P<wd>{WD}){E}\s*[،,]?\s*(?:{_WD_LINK}\s*)?(?P<opn>\(\s*)?)?
        (?:(?P<nd>{BN}(?:3[01]|[12][0-9]|0?[1-9]))\s*(?P<sep>[/.\-])\s*(?P<nm>1[0-2]|0?[1-9]|1[3-9]|2[0-9]|3[01])\s*(?P=sep)\s*(?P<ny>[0-9]{{4}}|[0-9]{{2}}){EN}
         |(?P<ny>{BN}[0-9]{{4}})\s*(?P<sep>[/.\-])\s*(?P<nm>1[0-2]|0?[1-9])\s*(?P=sep)\s*(?P<nd>3[01]|[12][0-9]|0?[1-9]){EN})
        (?(opn)\s*\))(?:\s*(?P<era>{ERA}))?)""",
    # [اليوم|يوم] الثلاثاء، 14 سبتمبر 2021 ، 17 أيلول/ سبتمبر الجاري ، مطلع آب 2018 ، 5 شوال 1436هـ
    # (the same date, split by what it opens with so that each trigger tries only its own form)
    rf"""(?P<K_datew>{_WD_LEAD}(?P<wd>{WD}){E}\s*[،,]?\s*(?:{_WD_LINK}\s*)?(?P<opn>\(\s*)?
        (?:يوم\s+)?(?:(?P<day>{DAY})\s*(?:من\s+)?|(?P<oday>{ORD}){E}\s+من\s+)(?P<shahr>شهر\s+)?{MONTH}{_DATE_TAIL}(?(opn)\s*\)))""",
    rf"""(?P<K_dated>(?:(?P<pod>{POD}){E}\s+)?(?:يوم\s+)?(?:(?P<day>{DAY})\s*(?:من\s+)?|(?P<oday>{ORD}){E}\s+من\s+)(?P<shahr>شهر\s+)?{MONTH}{_DATE_TAIL})""",
    rf"""(?P<K_datem>(?:(?P<mod>{MOD}){E}\s+)?(?P<shahr>شهر\s+)?{MONTH}{_DATE_TAIL})""",
    # يوم 30 من الشهر الحالي ، 30 الجاري
    rf"""(?P<K_dom>{B}(?:يوم\s+)?(?:(?P<day>{DAY})|(?P<oday>{ORD}){E})\s+(?:من\s+(?:الشهر|شهر)\s+(?P<rel>{REL})|(?P<rel>الجاري|الحالي)){E})""",
    # عام 2020 ، العام 1996 ، 1989م ، ١٤٣٦هـ ، مطلع 2018 ، عامي 2017 و2018
    rf"""(?P<K_year>{B}(?:(?P<mod>{MOD}){E}\s+(?:(?P<yk>{YK})\s*)?{YEARP}|(?P<yk>{YK})\s*(?:المالي\s+)?{YEARP}
         |(?P<season>صيف|شتاء|ربيع|خريف){E}\s+(?:{YK}\s*)?{YEARP}
         |(?P<year>{YEAR})\s*(?P<era>{ERA}))
        (?:\s*(?:-|–|/|و|الي|حتي)\s*(?P<year2>{YEAR})(?:\s*(?P<era2>{ERA}))?)?)""",
    # في 2018 (a bare year after a preposition)
    # (the preposition before it is checked by the handler: a lookbehind of varying width would
    # keep the pattern off ``re``)
    rf"""(?P<K_byear>(?P<year>(?:1[89]|20)[0-9]{{2}})(?![0-9])(?!\s*[%٪])(?:\s*(?:-|–|/|و|الي|حتي)\s*(?P<year2>(?:1[89]|20)[0-9]{{2}}){EN})?)""",
    # منذ ثلاثة أيام ، قبل أسبوعين ، بعد يومين (not followed by من/على: "بعد يومين من …")
    rf"""(?P<K_ago>{B}(?P<ago>منذ|قبل|بعد){E}\s+(?:(?P<qmod>{QMOD}){E}\s+)?(?:(?:{_DURNUM}){_DURTAIL}|{_FEW}|(?P<bare>{UNIT_PL}){E}|(?P<one>{UNIT_SG}){E}(?:\s+واحد(?:ه)?{E})?(?!\s+ال(?!ي{E})))
        (?!\s+(?:من|علي|عن|{MG}|{MH}|{WD}){E}|\s*\(?\s*[0-9]))""",
    # أكثر من 20 عاما ، ثلاثة أيام ، يومين ، نصف ساعة ، عدة أشهر
    rf"""(?P<K_dur>{B}(?:(?P<qmod>{QMOD}){E}\s+)?(?:(?:{_DURNUM}){_DURTAIL}{_DURTAIL3}|{_FEW}
        |(?P<bare>ايام|اياما|اسابيع|اشهر|شهور|شهورا|سنوات|سنينا|اعوام|اعواما|ساعات|دقايق){E}(?!\s+(?:ال|(?:شهر|عيد){E}))
        |(?P<one>عام|عاما|سنه|شهر|شهرا|اسبوع|اسبوعا|يوم|يوما|ساعه|دقيقه){E}(?P<wahid>\s+(?:واحد|واحده|واحدا){E})?(?!\s+ال)))""",
    # من 5 إلى 10 سنوات ، 20 إلى 30 ساعة (a range of counts: two durations)
    rf"""(?P<K_durrange>{B}(?P<r1>{BN}[0-9]+{EN})\s*(?:-|–|الي|حتي)\s*(?P<num>{BN}[0-9]+{EN})\s*(?P<unit>{UNIT}){E})""",
    # صباح اليوم ، مساء أمس ، اليوم الثلاثاء ، أمس (الاثنين) ، يوم غد ، قبل أمس الخميس (the day before yesterday)
    rf"""(?P<K_day>{B}(?:(?P<pod>{POD}){E}\s+(?:هذا\s+(?=اليوم))?)?(?:يوم\s+)?(?P<rd>{RD}){E}(?!\s+{NOT_TODAY}{E})
        (?:\s*[،,]?\s*(?:\(\s*)?(?P<wd>{WD}){E}(?:\s*\))?)?)""",
    # الليلة ، هذه الليلة ، الليلة الماضية
    rf"""(?P<K_night>{B}(?:هذا\s+(?P<tpod>الصباح|المساء){E}|(?:هذه\s+)?الليله{E}(?:\s+(?P<nrel>الماضيه|المقبله|القادمه|الفايته){E})?|(?P<dawn>فجرا){E}))""",
    # الثلاثاء الماضي ، يوم الخميس ، مساء الجمعة
    rf"""(?P<K_wd>{B}(?:(?P<pod>{POD}){E}\s+)?(?:يوم\s+)?(?P<wd>{WD}){E}(?:\s+(?P<wrel>{REL}|قبل\s+الماضي|بعد\s+(?:القادم|المقبل)){E})?)""",
    # الربع الأول من العام الجاري ، الثلاثي الثالث من 2015 ، الربع الماضي
    rf"""(?P<K_quarter>(?:(?P<mod>{MOD}){E}\s+)?(?:(?P<qw>ا?لنصف){E}\s+(?P<qord>الاول|الثاني){E}(?=\s+(?:من|ل)\s*(?:العام|السنه|عام|[0-9]))|(?P<qw>ا?ل(?:ربع|ثلاثي)){E}\s+(?P<qord>الاول|الثاني|الثالث|الثلاث|الرابع|الاخير){E})
        (?:\s+(?:من|ل)\s*(?:(?:{YK}\s*)?{YEARP}|(?:العام|السنه){E}(?!\s+(?:الدراسي|المالي|الهجري))(?:\s+(?P<yrel>{REL}){E})?))?
        |(?P<qw>ا?ل(?:ربع|ثلاثي)){E}\s+(?P<qrel>{REL}|السابق){E})""",
    # الأسبوع الماضي ، الشهر الجاري ، منتصف الشهر الجاري ، العام المقبل ، هذا العام ، نهاية العام
    rf"""(?P<K_per>{B}(?:(?P<mod>{MOD}){E}\s+)?(?P<this>(?:هذا|هذه)\s+)?(?P<pu>ا?ل(?:اسبوع|شهر|عام|سنه|صيف|شتاء|ربيع|خريف|قرن|عقد)){E}
        (?:\s+(?P<prel>{REL}|قبل\s+الماضي|الماضي\s+القريب){E})?)""",
    # الأيام المقبلة ، السنوات الأخيرة ، الأشهر الستة الماضية ، الساعات الـ24 الماضية
    rf"""(?P<K_pl>{B}(?P<plu>ا?ل(?:ايام|اسابيع|اشهر|شهور|اعوام|سنوات|سنين|ساعات|عقود|فتره|مده|اونه|اسبوعين|شهرين|عامين|سنتين|يومين)){E}
        (?:\s+(?P<plnum>(?:ال)?[0-9]+|(?:ال)?{NUMW}){E}(?:\s+(?P<plrel>{_PLREL}|الاولي){E})?|\s+(?P<plrel>{_PLREL}){E}))""",
    rf"""(?P<K_ref>{B}(?:(?P<past>{PAST_REF})|(?P<present>{PRESENT_REF})|(?P<future>{FUTURE_REF})){E})""",
    # سنويا ، كل أسبوع ، كل عامين ، كل يوم جمعة
    rf"""(?P<K_set>{B}(?:(?P<freq>مره|مرتين|(?:{NW}|[0-9]+)\s+مرات){E}\s+(?:في|كل)\s+(?:ال)?(?P<unit>يوم|اسبوع|شهر|عام|سنه|ساعه){E}(?!\s*\(?\s*[0-9])(?:\s+الواحد(?:ه)?{E})?
        |(?P<adv>يوميا|اسبوعيا|شهريا|سنويا|ساعيا){E}
        |كل\s+(?:(?:يوم\s+)?(?P<wd>{WD}|جمعه|سبت|احد|خميس|اربعاء|ثلاثاء|اثنين){E}|(?:(?P<num>[0-9]+)\s*|(?P<numw>{NUMW})\s+)?(?P<unit>{UNIT_SG}|{UNIT_DU}|{UNIT_PL}){E})))""",
    # التسعينيات ، أواخر الثمانينات من القرن الماضي ، القرن العشرين
    rf"""(?P<K_dec>{B}(?:(?P<mod>{MOD}){E}\s+)?(?:(?P<dec>{DEC}){E}(?:\s+(?:من\s+)?القرن\s+(?P<cent>الماضي|المنصرم|{CENT}){E})?
        |ا?لقرن\s+(?P<cent>الماضي|المنصرم|الحالي|الجاري|{CENT}){E}))""",
]

#: the kinds, in pattern order (the first group that took part names the match)
KINDS = tuple(regex.findall(r"\(\?P<(K_[a-z]+)>", "|".join(_ALTS)))
_BY_KIND = dict(zip(KINDS, _ALTS, strict=True))


def _first(words: str) -> list[str]:
    return [w.split()[0] for w in words.split("|") if w.strip()]


_MODW = set(_first(MOD.strip("(?:)").replace(r"\s+", " ")))
_PODW = {k.split()[0] for k in PARTS_OF_DAY}
_MGW = {k.split()[0] for k in GREGORIAN_MONTHS}
_MHW = {k.split()[0] for k in HIJRI_MONTHS}
_WDW = set(WEEKDAYS)
_HOURW = {k.split()[0] for k in HOUR_WORDS}
_NWW = set(NUMBER_WORDS)
_DUW = {k for k, (_, n) in UNITS.items() if n == 2}
_ORDW = {k.split()[0] for k in ORDINAL_DAYS}
D = "#"  # a run of digits
#: the nouns of the present as a period and the adjectives that make them so (timex.v6)
_PRESENT_GATES = {"الوقت": frozenset({"الحالي", "الراهن", "الحاضر"}),
                  "الفتره": frozenset({"الحاليه", "الراهنه", "الجاريه"}),
                  "اللحظه": frozenset({"الراهنه", "الحاليه"}),
                  "الزمن": frozenset({"الحالي", "الراهن", "الحاضر"}),
                  "العصر": frozenset({"الحالي", "الراهن", "الحاضر"})}
#: the first words of the deictic days (أول أمس، أمس، اليوم، غدا، بعد غد): K_day opens with them, and they
#: may stand before a weekday and its date
_WD_RD = {"اول", "امس", "البارحه", "اليوم", "غدا", "بعد", "الغد", "غد"}

#: which alternatives can open with which word: a trigger tries only those
KIND_FIRST: dict[str, set[str]] = {
    "K_time": {"الساعه", D, "حوالي", "حوالى", "نحو", "قرابه"} | _HOURW,
    "K_drange": {D},
    "K_num": {D, "يوم"} | _WDW | _PODW | _WD_RD,
    "K_datew": {"يوم"} | _WDW | _PODW | _WD_RD,
    "K_dated": {D, "يوم"} | _ORDW | _PODW,
    "K_datem": {"شهر"} | _MODW | _MGW | _MHW,
    "K_dom": {D, "يوم"} | _ORDW,
    "K_year": {D, "عامي", "عام", "العام", "سنه", "السنه", "سنتي", "صيف", "شتاء", "ربيع", "خريف"} | _MODW,
    "K_byear": {D},
    "K_ago": {"منذ", "قبل", "بعد"},
    "K_dur": {D, "ايام", "اسابيع", "اشهر", "شهور", "سنوات", "ساعات", "اكثر", "اقل", "نحو", "حوالي", "حوالى", "قرابه", "زهاء", "ازيد", "نصف", "ربع",
              "عده", "بضعه", "بضع", "عشرات", "مئات", "الاف", "بعض", "اياما", "شهورا", "سنينا", "اعوام", "اعواما",
              "دقايق", "عام", "سنه", "شهر", "اسبوع", "يوم", "ساعه", "دقيقه", "عاما", "شهرا", "اسبوعا",
              "يوما"} | _NWW | _DUW,
    "K_durrange": {D},
    "K_day": {"يوم", "قبل"} | _WD_RD | _PODW,
    "K_night": {"هذا", "هذه", "الليله", "فجرا"},
    "K_wd": {"يوم"} | _PODW | _WDW,
    "K_per": {"هذا", "هذه", "الاسبوع", "الشهر", "العام", "السنه", "الصيف", "الشتاء", "الربيع",
              "الخريف", "القرن", "العقد", "لاسبوع", "لشهر", "لعام", "لسنه", "لقرن", "لعقد"} | _MODW,
    "K_quarter": {"الربع", "الثلاثي", "لربع", "لثلاثي", "النصف", "لنصف"} | _MODW,
    "K_pl": {p + w for p in ("ال", "ل") for w in (
        "ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "ساعات", "عقود", "فتره", "مده", "اونه",
        "اسبوعين", "شهرين", "عامين", "سنتين", "يومين")},
    "K_ref": {"هذه", "يوما", "سابقا", "موخرا", "منذ", "قبل", "الاونه", "حاليا", "الان", "راهنا",
              "قريبا", "مستقبلا", "لاحقا"} | set(_PRESENT_GATES),
    "K_set": {D, "يوميا", "اسبوعيا", "شهريا", "سنويا", "ساعيا", "كل", "مره", "مرتين"} | _NWW,
    "K_dec": {"القرن", "لقرن"} | _MODW | set(DECADES),
}

#: the words an expression can open with (في، ما، عما are found through LOOKBACK instead)
FIRST_WORDS = frozenset(w for ws in KIND_FIRST.values() for w in ws if w != D)

#: frequent words (في، ما، عما) open an expression only before a rarer one: the rarer one is the
#: trigger, and the expression starts at the frequent one when it stands right before it
LOOKBACK: dict[str, tuple[str, ...]] = {
    w: ("في ",) for w in ("وقت", "الوقت", "اقرب", "المستقبل", "الماضي", "السابق", "القريب")}
LOOKBACK.update({"قريب": ("عما ",), "يقرب": ("ما ",), "يزيد": ("ما ",), "يناهز": ("ما ",), "يقل": ("ما لا ",)})

#: every written form of an opening word with its proclitics (وفي، بالعام، لعام …) → the
#: offsets where an expression may start in it, the longest proclitic first (لعام: after ل,
#: then at ل itself for لعام الماضي); لل forms (للقرن) start at the second ل
TRIGGERS: dict[str, tuple[int, ...]] = {}


def _add_trigger(form: str, off: int) -> None:
    cur = TRIGGERS.get(form, ())
    if off not in cur:
        TRIGGERS[form] = tuple(sorted((*cur, off), reverse=True))


for _w in FIRST_WORDS | set(LOOKBACK):
    for _p in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
        _add_trigger(_p + _w, len(_p))
    if _w.startswith("ال"):
        for _p in ("لل", "ولل", "فلل"):
            _add_trigger(_p + _w[2:], len(_p) - 1)

_UNITW = set(UNITS)
_ERAW = {"م", "ه", "هجري", "هجريه", "ميلادي", "ميلاديه"}
_PERIODW = {"الاسبوع", "الشهر", "العام", "السنه", "الصيف", "الشتاء", "الربيع", "الخريف", "القرن",
            "العقد"}
_UNIT_PLW = {k for k, (_, n) in UNITS.items() if n == 0}
#: what may follow a bare number for it to open an expression (a separator is checked apart)
DIGIT_CUES = frozenset(_MGW | _MHW | _UNITW | _ERAW | {k.split()[0] for k in AMPM}
                       | {"من", "شهر", "الي", "حتي", "و", "عاما", "سنه", "ص", "الجاري", "الحالي"})
#: what may follow a modifier word (مطلع، منتصف، أواخر …) for it to open an expression
MOD_CUES = frozenset(_MGW | _MHW | set(DECADES) | _PERIODW | {"شهر", "عام", "سنه", "هذا", "هذه", "الربع", "الثلاثي", "النصف",
                                                              "ايام", "عامي", "الالفيه", "من", "امس"})
_NUM_CUES = _NWW | {"و" + w for w in _NWW} | _UNITW | {"عشر", "عشره", "مرات"}
_AGO_CUES = (_NWW | _UNITW | _DUW | {"الساعه", "نصف", "ربع", "عده", "بضعه", "بضع", "عشرات", "مئات", "الاف", "بعض",
                                     "اكثر", "اقل", "نحو", "حوالي", "حوالى", "قرابه", "زهاء", "ما", "ازيد",
                                     "غد", "الغد", "فتره", "مده", "زمن", "وقت"})

#: common words that open an expression only before certain words: the next word is looked up
#: before the full pattern is tried (a set lookup instead of a failed regex match)
GATES: dict[str, frozenset[str]] = {
    "هذا": frozenset(_PERIODW | {"الصباح", "المساء"}),
    "هذه": frozenset({"السنه", "الليله", "الايام"}),
    "كل": frozenset(_UNITW | _WDW | _NWW | {w[2:] for w in _WDW}),
    "يوم": frozenset(_WDW | _ORDW | {"امس", "غد", "الغد", "من"}),
}
for _w in ("قبل", "بعد", "منذ"):
    GATES[_w] = frozenset(_AGO_CUES)
GATES["قبل"] |= {"امس"}  # قبل أمس: the day before yesterday
for _w in ("بعض", "عده", "بضعه", "بضع", "عشرات", "مئات", "الاف"):
    GATES[_w] = frozenset(_UNIT_PLW | {"ال" + w for w in _UNIT_PLW})
for _w in ("اكثر", "اقل", "ازيد"):
    GATES[_w] = frozenset({"من"})
for _w in ("نحو", "حوالي", "حوالى", "قرابه", "زهاء"):
    GATES[_w] = frozenset(_AGO_CUES | _HOURW)
for _w in _NWW:
    GATES.setdefault(_w, frozenset(_NUM_CUES))
for _w in _ORDW:
    for _f in (_w, _w[1:]):
        GATES.setdefault(_f, frozenset({"من", "عشر", "عشره", "والعشرين", "والثلاثين"}))
for _w in _MODW:
    GATES[_w] = MOD_CUES
# مرة/مرتين open only "مرة في العام"، "مرتين كل أسبوع"; نصف/ربع only before a unit (نصف ساعة)
for _w in ("مره", "مرتين"):
    GATES[_w] = frozenset({"في", "كل"})
for _w in ("نصف", "ربع"):
    GATES[_w] = frozenset(k for k, (_, n) in UNITS.items() if n == 1)
#: a part of the day (ظهر is also "appeared") opens an expression only before a day word
POD_CUES = frozenset(_WDW | _ORDW | {"اليوم", "امس", "غدا", "الغد", "غد", "يوم", "هذا", "البارحه", "اول"})
for _w in _PODW:
    GATES[_w] = GATES.get(_w, frozenset()) | POD_CUES | ({"ليل", "ليله"} if _w == "منتصف" else frozenset())
#: الأيام/الفترة … open an expression only before their relative word or a count
PL_CUES = frozenset({"الماضيه", "الاخيره", "المقبله", "القادمه", "الفايته", "المنصرمه", "السابقه", "المنقضيه",
                     "الماضيين", "الاخيرين", "المقبلين", "القادمين", "الفايتين", "المنصرمين", "السابقين",
                     "القليله"} | _NWW | {"ال" + w for w in _NWW})
for _w in KIND_FIRST["K_pl"]:
    GATES[_w] = PL_CUES
#: a bare hour word opens a time only before a part of the day, a fraction or عشرة (الحادية عشرة ليلا)
for _w in _HOURW:
    GATES[_w] = GATES.get(_w, frozenset()) | {*_HOUR_ADVERBS, "من", "والنصف", "والربع", "والثلث", "و", "الا", "عشر",
                                              "عشره"}
GATES["يوم"] = GATES["يوم"] | {"واحد"}
for _w, _g in _PRESENT_GATES.items():
    GATES[_w] = GATES.get(_w, frozenset()) | _g
_DIGIT_CLASSES: list[tuple[frozenset[str], tuple[str, ...]]] = [
    (frozenset(_MGW | _MHW | {"من", "شهر"}), ("K_dated", "K_dom", "K_dur")),
    (frozenset({"الجاري", "الحالي"}), ("K_dom",)),
    (frozenset(_UNITW | {"عاما", "سنه"}), ("K_dur",)),
    (frozenset({k.split()[0] for k in AMPM}), ("K_time",)),
    (frozenset(_ERAW), ("K_year",)),
    (frozenset({"الي", "حتي", "و"}), ("K_drange", "K_byear", "K_durrange")),
    (frozenset({"مرات"}), ("K_set",)),
]
#: the kinds a number may open, by the word after it (a month: a date; a unit: a duration …)
DIGIT_NEXT: dict[str, tuple[str, ...]] = {}
for _ws, _ks in _DIGIT_CLASSES:
    for _w in _ws:
        DIGIT_NEXT[_w] = tuple(k for k in KINDS if k in set(DIGIT_NEXT.get(_w, ())) | set(_ks))
#: the kinds a number may open by the separator after it
DIGIT_SEP = {":": ("K_time",), ".": ("K_time", "K_num"), "/": ("K_num",), "-": ("K_num", "K_drange", "K_durrange"),
             "–": ("K_num", "K_drange", "K_durrange")}
#: a four-digit number with nothing telling after it: a year (عام 2018 is triggered by عام)
DIGIT_YEAR = ("K_year", "K_byear")

#: words that open a date only when a date follows (الثلاثاء 14 سبتمبر، اليوم الثلاثاء 14 …);
#: otherwise only their short kinds are tried
DATE_NEXT = frozenset(_MGW | _MHW | _WDW | _ORDW | {"يوم", "شهر", "الموافق", "الموافقه", "بتاريخ"})
SHORT_KINDS: dict[str, tuple[str, ...]] = {w: ("K_wd",) for w in _WDW}
SHORT_KINDS.update({w: ("K_day",) for w in ("اليوم", "امس", "غدا")})

#: words whose gate lets a number through too (قبل 3 أيام، كل 4 سنوات، مطلع 2018)
DIGIT_OK = frozenset({"قبل", "بعد", "منذ", "كل", "يوم", "نحو", "حوالي", "حوالى", "قرابه", "زهاء"} | _MODW | _PODW
                     | KIND_FIRST["K_pl"])


#: the full alternation (every kind), for reference and for tools that scan without triggers
PATTERN = regex.compile("(?:" + "|".join(_ALTS) + ")", regex.VERBOSE | regex.V0)
#: how far past its start an expression may reach: ``match`` gets this end bound, so the
#: engine's required-literal search stays inside the window
WINDOW = 160

_CLASS_PATTERNS: dict[tuple[str, ...], regex.Pattern[str]] = {}


_LEAD_KINDS = {"في": ("K_ref",), "عما": ("K_ref",), "ما": ("K_dur",)}


def kinds_for(word: str) -> tuple[str, ...]:
    """The kinds that can open with ``word`` (``""`` = digits), in pattern order."""
    if word in _LEAD_KINDS:
        return _LEAD_KINDS[word]
    key = word or D
    return tuple(k for k in KINDS if key in KIND_FIRST[k])



def pattern_for_kinds(kinds: tuple[str, ...]) -> Any:
    if not kinds:
        return None
    p = _CLASS_PATTERNS.get(kinds)
    if p is None:
        p = _CLASS_PATTERNS[kinds] = compile_fast("(?:" + "|".join(_BY_KIND[k] for k in kinds) + ")")
    return p


#: ``regex`` property classes → their ``re`` equivalents on folded text (tashkeel is gone, digits
#: are ASCII: letters are ``[^\W\d_]``, letters-or-digits ``[^\W_]``); BN's two-width lookbehind
#: becomes two fixed-width ones
_RE_CLASSES = (
    (r"(?<![\p{N}]|[\p{N}][.,/:])", r"(?<!\d)(?<!\d[.,/:])"),
    (r"[^\p{L}\p{N}]", r"[\W_]"),
    (r"[\p{L}\p{M}\p{N}]", r"[^\W_]"),
    (r"[\p{L}\p{M}]", r"[^\W\d_]"),
    (r"[\p{L}]", r"[^\W\d_]"),
    (r"[\p{N}]", r"\d"),
    (r"\p{L}", r"[^\W\d_]"),
)
_NAMED = re.compile(r"\(\?P<(\w+)>|\(\?P=(\w+)\)|\(\?\((\w+)\)")
#: how a repeated group name is spelled for ``re`` (which wants names unique): unit, unit__2 …
ALIAS = "__"


def _re_source(src: str) -> str:
    """The pattern for ``re``: property classes rewritten, repeated group names made unique."""
    for a, b in _RE_CLASSES:
        src = src.replace(a, b)
    seen: dict[str, int] = {}

    def name(m: re.Match[str]) -> str:
        if m.group(1):
            k = seen[m.group(1)] = seen.get(m.group(1), 0) + 1
            return f"(?P<{m.group(1)}{ALIAS}{k}>" if k > 1 else m.group(0)
        ref = m.group(2) or m.group(3)
        k = seen.get(ref, 1)
        alias = ref if k == 1 else f"{ref}{ALIAS}{k}"
        return f"(?P={alias})" if m.group(2) else f"(?({alias})"

    return _NAMED.sub(name, src)


def compile_fast(src: str, *, verbose: bool = True) -> Any:
    """``src`` compiled with ``re`` where it can be (2–4× less per match than ``regex`` on short
    anchored matches), else with ``regex`` (variable-width lookbehinds). Both give the same
    matches on folded text; repeated names appear in ``re`` as ``name__2`` (see
    :func:`group_index`)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return re.compile(_re_source(src), re.VERBOSE if verbose else 0)
    except (re.error, FutureWarning):
        return regex.compile(src, (regex.VERBOSE if verbose else 0) | regex.V0)


def group_index(pat: Any) -> dict[str, int | tuple[int, ...]]:
    """Group name → its index, or the indices of its spellings (``unit``, ``unit__2`` …)."""
    out: dict[str, Any] = {}
    for nm, i in sorted(pat.groupindex.items(), key=lambda kv: kv[1]):
        base = nm.split(ALIAS)[0]
        if base in out:
            prev = out[base]
            out[base] = (*prev, i) if isinstance(prev, tuple) else (prev, i)
        else:
            out[base] = i
    return out


class Groups:
    """A match whose absent groups read as ``None`` (each kind's pattern has its own groups).

    A name may stand for several groups (``re`` wants names unique, so a repeated ``unit`` is
    compiled as ``unit``, ``unit__2`` …: see :func:`marsad.enrich.time.patterns.group_index`);
    it reads as the one that took part.
    """

    __slots__ = ("_base", "_gi", "_m", "_v")

    def __init__(self, m: Any, gi: dict[str, Any], base: int = 0) -> None:
        self._m = m
        self._gi = gi
        self._v = m.groups()
        self._base = base  # where the matched window starts in the folded text

    def _index(self, name: str) -> int | None:
        i = self._gi.get(name)
        if i is None or i.__class__ is int:
            return i
        for j in i:
            if self._v[j - 1] is not None:
                return j  # type: ignore[no-any-return]
        return None

    def group(self, name: str) -> str | None:
        i = self._gi.get(name)
        if i is None:
            return None
        if i.__class__ is int:
            return self._v[i - 1]  # type: ignore[no-any-return]
        for j in i:
            v = self._v[j - 1]
            if v is not None:
                return v  # type: ignore[no-any-return]
        return None

    def start(self, name: str | int = 0) -> int:
        return self._at(name, self._m.start)

    def end(self, name: str | int = 0) -> int:
        return self._at(name, self._m.end)

    def _at(self, name: str | int, pos: Any) -> int:
        """Where the whole match (``0``) or the group ``name`` starts or ends (``pos``: the
        match's ``start`` or ``end``) in the folded text; -1 when the group took no part."""
        if name == 0:
            return pos() + self._base  # type: ignore[no-any-return]
        i = self._index(name)  # type: ignore[arg-type]
        if i is None or self._v[i - 1] is None:
            return -1
        return pos(i) + self._base  # type: ignore[no-any-return]
