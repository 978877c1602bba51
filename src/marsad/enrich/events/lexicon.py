"""The trigger lexicon of the ``events`` stage: PLOVER event types, their Arabic verbs and verbal nouns.

Everything here is data on the *normalized* view (:func:`marsad.text.normalize.normalize`:
أ/إ/آ → ا, ة → ه, ى → ي, ئ → ي, ؤ → و, no tashkeel): word lists go through :func:`words` and
trigger forms through ``normalize`` when built, so a word written with ئ (مئات) still matches. A verb is written as its past stem and its imperfect stem
(``("تظاهر", "تظاهر")``: تظاهر, يتظاهر); :func:`verb_forms` conjugates it (past and imperfect
persons, the subjunctive/jussive ``…وا``, object pronouns). Weak verbs whose forms the pattern
cannot make (اعتدى → يعتدي، اعتدوا) list their forms whole. A noun is written with its plurals;
:func:`noun_forms` adds the construct and pronoun forms (مظاهرة → مظاهرتهم).

Each trigger carries a PLOVER ``mode`` where the word itself says it (اضراب → ``strike``,
اغتيال → ``assassinate``); the mode names follow the PLOVER codebook where it has one, and are
left empty otherwise.

PLOVER has no ARREST type: an arrest is ``COERCE`` with mode ``arrest``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.clean import dateline
from marsad.text.normalize import normalize


def words(written: Iterable[str]) -> frozenset[str]:
    """A word list as the coder sees it: each word through :func:`normalize`, so a list may be
    written in plain Arabic. Before, مئات and مئة (normalized ميات، ميه: ئ U+0626 → ي U+064A)
    and the other words with ئ never matched."""
    return frozenset(normalize(w) for w in written)


#: proclitic groups a noun takes, longest first (وبالمدينة، للجيش، والشرطة، بالرياض)
PROCLITICS = ("وبال", "ولل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
#: the future's سـ, alone or after و or ف (وسيتظاهر، فسيهاجم): a verb's only
FUTURE_PROCLITICS = ("وس", "فس", "س")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One form of a trigger word: its event type, lemma, part of speech and mode."""

    type: str
    lemma: str
    pos: str  # "v" verb, "vi" its imperfect (يقتلون: often habitual), "n" verbal noun, "p" participle
    mode: str = ""
    weak: bool = False  # counts only with a second sign of the event in the sentence


_PAST = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و")
_PRES_PREFIX = ("ي", "ت", "ن", "ا")
_PRES_SUFFIX = ("", "ون", "ان", "ين", "ن", "وا", "ا")
_OBJ = ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")


def _with_objects(base: set[str], transitive: bool) -> set[str]:
    """``base`` and, for a transitive verb, each form with an object pronoun (قتلوه، يقتلهم)."""
    out = set(base)
    if transitive:
        for f in base:
            stem = f[:-1] if f.endswith("وا") else f
            out |= {stem + o for o in _OBJ}
    return out


def imperfect_forms(present: str, *, transitive: bool = False) -> set[str]:
    """The imperfect persons of a verb (يقتل، تقتلون …), with object pronouns when transitive."""
    return _with_objects({p + present + s for p in _PRES_PREFIX for s in _PRES_SUFFIX}, transitive)


def verb_forms(past: str, present: str, *, transitive: bool = False) -> set[str]:
    """The conjugated forms of a sound verb: past persons (قتل، قتلت، قتلوا، قتلا …), imperfect
    persons (يقتل، تقتل، يقتلون …) and, for a transitive verb, object pronouns (قتلوه، يقتلهم)."""
    return _with_objects({past + s for s in _PAST} | {p + present + s for p in _PRES_PREFIX for s in _PRES_SUFFIX},
                         transitive)


def noun_forms(*nouns: str) -> set[str]:
    """Each noun, its construct before a pronoun (مظاهره → مظاهرتهم), duals and pronoun forms."""
    out: set[str] = set()
    for n in nouns:
        out.add(n)
        stem = n[:-1] + "ت" if n.endswith("ه") else n
        for s in ("ه", "ها", "هم", "هما", "ان", "ين", "ي") if not n.endswith("ه") else ("ه", "ها", "هم", "ان", "ين", "ي"):
            out.add(stem + s)
        if n.endswith("ات"):
            out |= {n + s for s in ("ه", "ها", "هم")}
    return out


#: PROTEST: demonstrations, sit-ins, marches, strikes, hunger strikes, riots
_PROTEST_VERBS = {
    ("تظاهر", "تظاهر"): "demo",
    ("احتج", "حتج"): "demo",
    ("اعتصم", "عتصم"): "demo",
    ("احتشد", "حتشد"): "demo",
    ("تجمهر", "تجمهر"): "demo",
    ("نزل", "نزل"): "demo",  # only with الشارع/الشوارع after it (see coder)
    ("تجمع", "تجمع"): "demo",  # weak: تجمع is also an organisation's name (see _WEAK_VERBS)
    ("اضرب", "ضرب"): "strike",  # only with عن العمل/عن الطعام (see coder: the imperfect is يضرب "hit")
}
_PROTEST_NOUNS = {
    ("مظاهره", "مظاهرات", "تظاهره", "تظاهرات", "تظاهر"): "demo",
    ("احتجاج", "احتجاجات", "احتجاجا", "احتجاجيه", "احتجاجي"): "demo",
    ("اعتصام", "اعتصامات", "اعتصاما"): "demo",
    ("مسيره", "مسيرات"): "demo",
    ("اضراب", "اضرابات", "اضرابا"): "strike",
    ("عصيان",): "demo",
    ("شغب", "اعمال شغب"): "riot",
    ("وقفه", "وقفات"): "demo",  # only وقفة احتجاجية/تضامنية (see coder)
}
#: the doers (المتظاهرون): a trigger only as a subject (…ون) or counted (آلاف المتظاهرين); else an actor
PARTICIPLES = {
    ("متظاهر", "متظاهرون", "متظاهرين", "متظاهرات"): "demo",
    ("محتج", "محتجون", "محتجين", "محتجات"): "demo",
    ("معتصم", "معتصمون", "معتصمين"): "demo",
    ("مضرب", "مضربون", "مضربين"): "strike",
}

#: ASSAULT: attacks on people: killing, bombing, assassination, abduction, torture, shelling
_ASSAULT_VERBS = {
    ("هاجم", "هاجم"): "",
    ("قتل", "قتل"): "kill",
    ("اغتال", "غتال"): "assassinate",
    ("فجر", "فجر"): "bombing",
    ("قصف", "قصف"): "",
    ("خطف", "خطف"): "abduct",
    ("اختطف", "ختطف"): "abduct",
    ("ذبح", "ذبح"): "kill",
    ("طعن", "طعن"): "",
    ("عذب", "عذب"): "torture",
    ("استهدف", "ستهدف"): "",
}
_ASSAULT_WHOLE = {  # weak verbs and passives, written out
    "اعتدي": "", "اعتدت": "", "اعتدوا": "", "يعتدي": "", "يعتدون": "", "تعتدي": "",
    "اعتدي علي": "",
    "اغتيل": "assassinate", "اغتيلت": "assassinate", "اغتيلوا": "assassinate",
    "فجرت": "bombing",
}
_ASSAULT_NOUNS = {
    ("هجوم", "هجمات", "هجوما", "هجمه"): "",
    ("اعتداء", "اعتداءات", "اعتداءا"): "",
    ("مقتل",): "kill",
    ("قتل",): "kill",
    ("اغتيال", "اغتيالات"): "assassinate",
    ("تفجير", "تفجيرات", "تفجيرا"): "bombing",
    ("انفجار", "انفجارات"): "bombing",  # weak: needs a bomb word (an explosion may be an accident)
    ("قصف",): "",
    ("خطف", "اختطاف", "اختطافه"): "abduct",
    ("تعذيب",): "torture",
    ("ذبح",): "kill",
    ("مجزره", "مجازر"): "kill",
    ("اطلاق النار", "اطلاق نار"): "firearms",
}

#: the few clear dyadic types beside the two with gold
_OTHER_VERBS = {
    ("اتهم", "تهم"): ("ACCUSE", ""),
    ("هدد", "هدد"): ("THREATEN", ""),
    ("توعد", "توعد"): ("THREATEN", ""),
    ("التقي", "لتقي"): ("CONSULT", "meet"),
    ("اجتمع", "جتمع"): ("CONSULT", "meet"),
    ("استقبل", "ستقبل"): ("CONSULT", "meet"),
    ("زار", "زور"): ("CONSULT", "visit"),
    ("اعتقل", "عتقل"): ("COERCE", "arrest"),
    ("احتجز", "حتجز"): ("COERCE", "arrest"),
    ("وقع", "وقع"): ("AGREE", "sign"),  # only with اتفاق/اتفاقيه/مذكره/معاهده after it (see coder)
}
_OTHER_WHOLE = {
    "التقت": ("CONSULT", "meet"), "التقوا": ("CONSULT", "meet"), "يلتقي": ("CONSULT", "meet"),
    "تلتقي": ("CONSULT", "meet"), "زارت": ("CONSULT", "visit"), "زاروا": ("CONSULT", "visit"),
    "يزور": ("CONSULT", "visit"), "تزور": ("CONSULT", "visit"),
}
_OTHER_NOUNS = {
    ("اتهام", "اتهامات"): ("ACCUSE", ""),
    ("تهديد", "تهديدات"): ("THREATEN", ""),
    ("اجتماع", "لقاء", "محادثات", "مباحثات"): ("CONSULT", "meet"),
    ("زياره",): ("CONSULT", "visit"),
    ("اعتقال", "اعتقالات"): ("COERCE", "arrest"),
    ("احتجاز",): ("COERCE", "arrest"),
    ("توقيع",): ("AGREE", "sign"),  # only with an agreement word after it
}

#: two-word triggers, written whole (a phrase's first word is looked up as written or without its
#: proclitic group: باتصال هاتفي، والقبض على). A phone call between leaders is CONSULT, mode phone
#: (PLOVER's CONSULT modes: phone, visit, host, third-party); القبض على (ألقى/إلقاء/تم القبض على،
#: قبضت … على) is an arrest. The definite الاتصال الهاتفي is not listed: it refers back to a call told
_OTHER_PHRASES = {
    ("اتصال هاتفي", "اتصالا هاتفيا", "اتصالات هاتفيه", "اتصالين هاتفيين", "مكالمه هاتفيه",
     "مكالمات هاتفيه", "مكالمتين هاتفيتين", "اتصل هاتفيا", "اتصلت هاتفيا", "يتصل هاتفيا", "تتصل هاتفيا",
     "بحث هاتفيا", "بحثا هاتفيا", "تباحث هاتفيا", "تباحثا هاتفيا"): ("CONSULT", "phone", "n"),
    ("القبض علي", "قبض علي", "قبضت علي", "يقبض علي", "تقبض علي"): ("COERCE", "arrest", "v"),
}

#: verbs whose bare imperfect or past form is too often another word, checked by the coder
STRIKE_VERB = "اضرب"
SIGN_VERB = "وقع"
AGREEMENT_WORDS = words({"اتفاق", "اتفاقيه", "اتفاقا", "اتفاقيات", "مذكره", "معاهده", "بروتوكول",
                             "الاتفاق", "الاتفاقيه", "المذكره", "المعاهده", "البروتوكول", "اعلان", "عقد",
                             "عقدا", "العقد", "ميثاق", "الميثاق"})


def _build() -> dict[str, tuple[Trigger, ...]]:
    lex: dict[str, tuple[Trigger, ...]] = {}

    def put(form: str, t: Trigger) -> None:
        form = normalize(form)
        have = lex.get(form, ())
        if not any(h.type == t.type and h.pos == t.pos for h in have):
            lex[form] = (*have, t)

    for (past, pres), mode in _PROTEST_VERBS.items():
        for f in verb_forms(past, pres):
            put(f, Trigger("PROTEST", past, "v", mode, weak=past == "تجمع"))
    for nouns, mode in _PROTEST_NOUNS.items():
        for f in noun_forms(*nouns):
            put(f, Trigger("PROTEST", nouns[0], "n", mode, weak=nouns[0] in ("مسيره", "وقفه", "احتجاج")))
    for parts, mode in PARTICIPLES.items():
        for f in parts:
            put(f, Trigger("PROTEST", parts[0], "p", mode))
    for (past, pres), mode in _ASSAULT_VERBS.items():
        imperfect = imperfect_forms(pres, transitive=True)
        for f in verb_forms(past, pres, transitive=True):
            put(f, Trigger("ASSAULT", past, "vi" if f in imperfect else "v", mode))
    for form, mode in _ASSAULT_WHOLE.items():
        put(form, Trigger("ASSAULT", form, "v", mode))
    for nouns, mode in _ASSAULT_NOUNS.items():
        for f in noun_forms(*nouns):
            put(f, Trigger("ASSAULT", nouns[0], "n", mode, weak=nouns[0] == "انفجار"))
    for (past, pres), (typ, mode) in _OTHER_VERBS.items():
        for f in verb_forms(past, pres, transitive=True):
            put(f, Trigger(typ, past, "v", mode))
    for form, (typ, mode) in _OTHER_WHOLE.items():
        put(form, Trigger(typ, form, "v", mode))
    for nouns, (typ, mode) in _OTHER_NOUNS.items():
        for f in noun_forms(*nouns):
            put(f, Trigger(typ, nouns[0], "n", mode))
    for forms, (typ, mode, pos) in _OTHER_PHRASES.items():
        for f in forms:
            put(f, Trigger(typ, forms[0], pos, mode))
    return lex


def _imperfect() -> frozenset[str]:
    """The imperfect forms, less those that are past forms too: the first person's ا (احتج،
    التقي) spells the past of a verb of form VIII, and ت (تظاهر) of form VI."""
    out: set[str] = set()
    past: set[str] = set()
    for verbs in (_PROTEST_VERBS, _ASSAULT_VERBS, _OTHER_VERBS):
        for p, pres in verbs:
            out |= imperfect_forms(pres, transitive=True)
            past |= _with_objects({p + s for s in _PAST}, True)
    out |= {f for f in (*_ASSAULT_WHOLE, *_OTHER_WHOLE) if f[:1] in "يتن" and " " not in f}
    return frozenset(normalize(f) for f in out - past)


#: the imperfect forms of the trigger verbs (يلتقي، يزورون، يتظاهرون): a habit when the sentence
#: says how often (كل أسبوع، يوميا)
IMPERFECT: frozenset[str] = _imperfect()


#: normalized form → its triggers (a verb and a noun may share a spelling: قتل، خطف)
TRIGGERS: dict[str, tuple[Trigger, ...]] = _build()
#: the PLOVER types the lexicon codes, the two with gold first
EVENT_TYPES = ("PROTEST", "ASSAULT", "ACCUSE", "THREATEN", "CONSULT", "AGREE", "COERCE")

#: the longest phrase trigger, in words (اطلاق النار)
PHRASES: dict[str, dict[str, Trigger]] = {}
for _form, _ts in list(TRIGGERS.items()):
    if " " in _form:
        _w1, _rest = _form.split(" ", 1)
        PHRASES.setdefault(_w1, {})[_rest] = _ts[0]
        del TRIGGERS[_form]

# --- guards -----------------------------------------------------------------------------------

#: up to four words before a trigger: a habit, no one event (اعتاد أن يزور، كعادته يلتقي، عادة ما)
HABIT_LEADS = words({"اعتاد", "اعتادت", "اعتادوا", "يعتاد", "تعتاد", "يعتادون", "اعتدنا", "نعتاد", "معتاد",
                     "كعادته", "كعادتها", "كعادتهم", "عاده", "وعاده", "درج", "درجت", "دأب", "دأبت", "يواظب",
                     "تواظب", "اعتيادي", "الاعتيادي", "الاعتياديه"})
#: before استهدف: a programme that aims at an audience, no attack (events.v14)
PROGRAMMES = words({"دورة", "دورات", "برنامج", "برامج", "مبادرة", "مبادرات", "مشروع", "مشاريع", "خطة",
                    "ورشة", "ورش", "مسابقة", "مسابقات", "تحذيرات", "منحة", "منح", "الدورة", "الدورات",
                    "البرنامج", "البرامج", "المبادرة", "المشروع", "الخطة", "الورشة", "المسابقة"})
#: after استهدف: its audience (the starts of the words: متدربا، المستفيدين، طلاب …)
AUDIENCE = tuple(sorted(words({"متدرب", "المتدرب", "مستفيد", "المستفيد", "منتفع", "المنتفع", "توطين", "الوصول",
                               "فئة", "الفئة", "فئات", "الفئات", "شريحة", "الشريحة", "شرائح", "الشرائح", "مشترك",
                               "المشترك"})))
#: in the sentence of an imperfect trigger verb: how often it happens (يلتقي … كل أسبوع، يزور المدينة سنويا)
HABIT_ADVERBS = words({"اسبوعيا", "يوميا", "شهريا", "سنويا", "دوريا", "دائما", "غالبا", "احيانا", "باستمرار",
                       "بانتظام", "عاده"})
#: after كل, a unit or a day: how often (كل أسبوع، كل يوم جمعة، كل صيف)
HABIT_EVERY = words({"يوم", "اسبوع", "شهر", "عام", "سنه", "جمعه", "سبت", "احد", "اثنين", "ثلاثاء", "اربعاء",
                     "خميس", "صباح", "مساء", "ليله", "صيف", "شتاء", "ربيع", "خريف", "موسم", "مره", "عامين",
                     "اسبوعين", "شهرين", "فتره", "حين", "ساعه"})
#: what هدد endangers when it is no threat made (يهدد حياة الآلاف، يهدد أمن المنطقة): a state or a
#: good, right after the verb (each with its construct and pronoun forms, with or without ال)
ENDANGERED = words({f for stem in ("حياه", "ارواح", "مستقبل", "امن", "استقرار", "سلامه", "صحه", "وجود", "مصير",
                                   "بقاء", "سلم", "سلام", "اقتصاد", "بيئه", "تعايش", "وحده", "نسيج", "محاصيل",
                                   "ثروه", "سبل", "مصالح", "انجازات", "جهود", "عمليه", "مسار", "استمرار",
                                   "اتفاق", "هدنه", "سلاسل", "امدادات", "مياه", "مصداقيه", "سمعه", "شرعيه",
                                   "هيبه", "مكانه", "سياده", "استقلال")
                    for f in (*noun_forms(stem), *("ال" + x for x in noun_forms(stem)),
                              *("ب" + x for x in noun_forms(stem)), *("بال" + x for x in noun_forms(stem)))})
#: a thing or a harm as the subject of هدد, up to four words before it: it endangers, no one threatens
#: (الضرر الذي لحق بالسد يهدد …، الجفاف يهدد، الأزمة تهدد)
HARMS = words({"الضرر", "ضرر", "اضرار", "الاضرار", "ازمه", "الازمه", "الجفاف", "جفاف", "الفيضانات", "فيضانات",
               "التلوث", "تلوث", "المرض", "مرض", "الوباء", "وباء", "فيروس", "الفيروس", "الحرائق", "حرائق",
               "الجوع", "جوع", "المجاعه", "مجاعه", "التصحر", "الانهيار", "انهيار", "الديون", "ديون", "العجز",
               "التضخم", "الفقر", "البطاله", "الاحتباس", "التغير", "تغير", "المناخ", "الانقراض", "الزلزال",
               "الاوبئه", "اوبئه", "الكوليرا", "الملاريا", "الايبولا", "السيول", "سيول", "العواصف", "الاعصار",
               "اعصار", "الالغام", "الغام", "التصدعات", "تصدعات", "التشققات", "الانزلاقات", "النقص", "نقص",
               "الشح", "شح", "الجراد", "التدهور", "تدهور", "الركود", "ركود", "الارتفاع", "ارتفاع", "الانخفاض"})
#: a threat noun after these is a danger, no threat made (يشكل تهديدا للأمن، تمثل تهديدا)
POSES = words({"يشكل", "تشكل", "شكل", "شكلت", "يشكلون", "يمثل", "تمثل", "مثل", "مثلت", "تشكيل", "بات", "باتت",
               "اصبح", "اصبحت", "اكبر", "مصدر", "مصدرا"})
#: a cumulative toll, not one event: منذ and one of these after an assault trigger (قتل 35 فلسطينيا
#: … منذ بداية الموجة، مقتل أكثر من تسعة آلاف شخص … منذ بدء الصراع)
SINCE_START = words({"بدايه", "بدء", "اندلاع", "مطلع", "انطلاق", "بدايات", "انطلاقه", "نشوب", "تفجر"})
#: the head and the verb of a toll before an assault trigger (ارتفعت حصيلة قتلى الهجوم، ارتفع عدد
#: قتلى الاحتجاجات إلى …): its count, not the event
TOLL_HEADS = words({"حصيله", "عدد", "اجمالي", "مجموع"})
TOLL_VERBS = words({"ارتفع", "ارتفعت", "يرتفع", "ترتفع", "ليرتفع", "لترتفع", "بلغ", "بلغت", "يبلغ", "تبلغ",
                    "وصل", "وصلت", "ليصل", "لتصل", "تجاوز", "تجاوزت", "يتجاوز", "تخطي", "تخطت", "قفز",
                    "قفزت", "زاد", "زادت"})
#: where a clause ends inside a sentence, for the toll's منذ (مقتل 21 مدنيا جراء الغارات، فيما ارتفعت
#: الحصيلة منذ بدء التصعيد: the killing is its own event)
CLAUSE_BREAKS = words({"فيما", "بينما", "حين", "حيث", "كما", "وفيما", "وبينما", "وحيث", "وكما", "بعدما"})
#: before القبض على: a warrant, an order, an aim, a hope, an attempt or the power to, no arrest made
#: (أمر بالقبض على، مذكرة القبض، بهدف، نأمل في، عدم قدرتها على القبض على)
ARREST_NOT = words({"امر", "امرا", "بامر", "اوامر", "مذكره", "مذكرات", "مذكرتي", "طلب", "طلبا", "طالب",
                    "طالبت", "يطالب", "تطالب", "مطالبه", "محاوله", "محاولات", "لمحاوله", "حاول", "حاولت",
                    "يحاول", "تحاول", "مطلوب", "مطلوبا", "مطلوبين", "اصدار", "اصدر", "اصدرت", "تصدر",
                    "بهدف", "هدفها", "هدفه", "بغيه", "بقصد", "سعيا", "لمحاولات", "يريد", "تريد", "يسعي", "تسعي",
                    "الغرض", "غرض", "منها", "نامل", "يامل", "تامل", "امل", "توجيها", "توجيه", "بسرعه", "ضروره",
                    "بضروره", "قدره", "قدرته", "قدرتها", "قدرتهم", "عجز", "عجزت", "فشل", "فشلت", "فشلوا"})
#: a phone call that is no consultation between actors: an interview (وقالت في اتصال هاتفي مع
#: «الشرق الأوسط»، في اتصال هاتفي أجرته معه الصحيفة), an anonymous call or a tip-off (اتصالا هاتفيا من
#: شخص مجهول، يفيد بأن …), a call intercepted (رصد اتصال هاتفي) or yet to be made (سيجري اتصالا)
SAYING = words({"قال", "قالت", "وقال", "وقالت", "يقول", "تقول", "اكد", "اكدت", "واكد", "واكدت", "اوضح", "اوضحت",
                "واوضح", "واوضحت", "اضاف", "اضافت", "واضاف", "واضافت", "صرح", "صرحت", "ذكر", "ذكرت", "افاد",
                "افادت", "اشار", "اشارت", "واشار", "واشارت", "يعلق", "علق", "علقت", "كشف", "كشفت", "اعتبر",
                "اعتبرت", "رجح", "رجحت", "نفي", "نفت", "شدد", "شددت", "لفت", "لفتت", "اعرب", "اعربت", "ردا",
                "حديث", "اعلن", "اعلنت", "مضيفا", "مضيفه", "مؤكدا", "مؤكده", "مشيرا", "مشيره", "موضحا",
                "موضحه", "قالوا", "اكدوا", "اكدن", "اضافوا", "اوضحوا", "قائلا", "قائله"})
PHONE_NOT_AFTER = words({"اجرته", "اجراه", "اجرتها", "اجرتهما", "اجرتهم", "اجريناه", "اجريناها", "معه", "معها",
                         "معهم", "مجهول", "مجهوله", "مجهولين", "متصل", "يفيد", "تفيد", "يبلغ", "يحذر", "تحذر",
                         "للصحيفه", "للجريده", "للوكاله", "للقناه", "بوكاله", "لوكاله", "وكاله", "لصحيفه", "بصحيفه",
                         "صحيفه", "لقناه", "بقناه", "لجريده", "بجريده", "لموقع", "شخص", "يبلغه", "يبلغها"})
PHONE_NOT_BEFORE = words({"رصد", "رصدت", "تسجيل", "تسجيلات", "تنصت", "التنصت", "اعتراض", "سيجري", "ستجري",
                          "سنجري", "سيجريان", "سيتلقي", "ستتلقي", "سيتصل", "ستتصل", "يعتزم", "تعتزم"})

#: a word right before the trigger (or two before) that negates it
NEGATORS = words({"لم", "لن", "لا", "ما", "ليس", "ليست", "عدم", "دون", "بدون", "بلا", "غير", "لما",
                      "ولم", "ولن", "ولا", "وما", "فلم", "فلن", "فلا", "وعدم", "بعدم", "لعدم", "ينفي", "نفي",
                      "نفت", "تنفي", "نفوا"})
#: a word right before the trigger (or two before) that halts or ends it: a suspended offensive
#: (أعلنت الإمارات تعليق هجومها على الحديدة) is no attack made
HALTED = words({"تعليق", "بتعليق", "وتعليق", "وقف", "بوقف", "ووقف", "ايقاف", "بايقاف", "انهاء", "بانهاء",
                "تجميد", "بتجميد", "علق", "علقت", "اوقف", "اوقفت", "انهي", "انهت", "جمد", "جمدت"})
#: words before the trigger (up to three) that make it future, hypothetical, planned or foiled
IRREALIS = words({
    "سوف", "قد", "ربما", "لو", "اذا", "حال", "حاله", "يعتزم", "تعتزم", "يعتزمون", "اعتزام",
    "يخطط", "تخطط", "يخططون", "خطه", "مخطط", "ينوي", "تنوي", "ينوون", "نيه", "يمكن", "يمكنه", "قرر",
    "قررت", "قرروا", "تقرر", "دعا", "دعت", "دعوا", "يدعو", "تدعو", "دعوه", "دعوات", "دعوتها",
    "هدد", "هددت", "يهدد", "تهدد", "هددوا", "يهددون", "تهديد",
    "توعد", "حذر", "حذرت", "يحذر", "تحذر", "تحذير", "احباط", "احبط", "احبطت", "افشال", "منع", "لمنع",
    "تفادي", "لتفادي", "تجنب", "لتجنب", "خشيه", "مخاوف", "مخاطر", "خطر", "خطوره", "يخشي", "تخشي", "محتمل", "محتمله", "احتمال",
    "استعداد", "استعدادا", "يستعد", "تستعد", "يستعدون", "لتنظيم", "ستشهد", "سيشهد", "موعد",
    "يجب", "ينبغي", "لشن", "بشن", "لتنفيذ", "بتنفيذ", "لارتكاب",
})
#: a verbal noun is an event mention only near one of these (وقع الهجوم، اندلعت مظاهرات، شن هجوما)
#: or a time expression: alone it is most often background (التحقيق في اغتيال …)
OCCUR = words({
    # أعادت اعتقال: a second arrest (events.v13)
    "اعاد", "اعادت", "اعادوا",
    "وقع", "وقعت", "شن", "شنت", "شنوا", "يشن", "تشن", "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ", "اندلع",
    "اندلعت", "خرج", "خرجت", "خرجوا", "يخرج", "جرت", "جري", "نظم", "نظمت", "نظموا", "ينظم", "تنظم",
    "شهد", "شهدت", "تشهد", "يشهد", "استهدف", "استهدفت", "اسفر", "اسفرت", "ادي", "تعرض", "تعرضت", "تعرضوا",
    "سقط", "سقطت", "اصيب", "اصيبت", "اصيبوا", "لقي", "لقيت", "لقوا", "مصرع", "حتفهم", "حتفه", "تبني",
    "تبنت", "اعلن", "اعلنت", "جراء", "اثر", "اثناء", "خلال", "شارك", "شاركت", "شاركوا", "قام", "قامت",
    "قاموا", "انطلقت", "جابت", "عمت", "تواصلت", "استمرت", "تجددت", "بدا", "بدات", "بداوا", "واصل",
    "واصلت", "يواصل", "يواصلون", "فرقت", "تفريق", "مقتل", "قتل", "قتلوا", "قتلت", "جرح", "جرحي", "ضحايا",
    "بجروح", "اصابه", "اصابات", "مفخخه", "ناسف", "ناسفه", "انتحاري", "انتحاريه", "مسلحون", "مسلحين",
    "مجهولون", "مجهولين", "الاف", "مئات", "عشرات", "حاشده", "امام", "هتافات", "لافتات", "شعارات",
})
#: the verbs among OCCUR that bring in a definite event noun as its report (ووقع الهجوم فجر أمس);
#: a definite noun without one (أدى الهجوم إلى …، الاعتداء وقع في …) refers back to an event
OCCUR_VERBS = words({
    "وقع", "وقعت", "شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "اندلع", "اندلعت", "جرت", "جري", "نظم", "نظمت", "نظموا",
    "اسفر", "اسفرت", "انطلقت", "خرجت", "خرج", "بدا", "بدات", "تعرض", "تعرضت", "تعرضوا",
})
#: words up to three before a verbal noun that make it background, not this event
BACKGROUND = words({
    "التحقيق", "تحقيق", "التحقيقات", "محاكمه", "المحاكمه", "جريمه", "الجريمه", "جرائم", "جريمتي",
    "قصد", "بقصد", "بهدف", "هدفها", "لحمايه", "حمايه", "الوقايه", "ذكري", "الذكري",
    "خلفيه", "اعقاب", "عقب", "منذ", "المتهمين", "المتهم", "متهم", "المتورطين", "ضلوع", "بضلوعهم",
    "محاولات", "محاوله", "مسلسل", "موجه", "ظاهره", "عمليات", "ادانه", "بادانه", "مكافحه", "لمكافحه",
    "ضد", "وقف", "بوقف", "لوقف", "انهاء", "ممارسه", "اساليب", "تهمه", "بتهمه", "قضيه", "ملف",
})
#: a count before a noun, which joins it as one actor (عشرات العاملين) and is never an actor alone
COUNTS = words({"الاف", "الف", "مئات", "عشرات", "الالاف", "المئات", "العشرات", "نحو", "حوالي", "اكثر"})
#: counts before a participle (آلاف المتظاهرين) and words after نزل that make it a protest
QUANTITY = COUNTS | words({"مليون", "ملايين", "مئه", "الفا", "الوف"})
#: who gathers when تجمع is a protest (تجمع عدد من أنصار …), beside counts and the doers
CROWD = QUANTITY | words({"عدد", "حشد", "حشود", "جموع", "انصار", "مناصرو", "مناصري", "اهالي", "سكان", "طلاب",
                    "عمال", "ناشطون", "ناشطين", "معارضون", "معارضين", "مواطنون", "مواطنين"})
#: a street action before its doers (خرج المتظاهرون، أغلق المحتجون الطريق) makes them a protest
STREET_ACTIONS = words({
    "خرج", "خرجوا", "نزل", "نزلوا", "تجمع", "تجمعوا", "احتشد", "احتشدوا", "سار", "ساروا", "اغلق", "اغلقوا",
    "قطع", "قطعوا", "احرق", "احرقوا", "اضرم", "اضرموا", "رشق", "رشقوا", "اقتحم", "اقتحموا", "توجه",
    "توجهوا", "حاصر", "حاصروا", "تدفق", "تدفقوا", "جاب", "جابوا", "اقدم", "اعتصم", "اعتصموا", "احتل",
    "احتلوا", "زحف", "شارك", "شاركوا",
})
#: كان before a verb (كان قد فجر، وكانت الشرطة قد اعتقلت): the pluperfect of an earlier event
PLUPERFECT = words({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"})
#: a preposition before a protest noun that makes it the setting of another event (في مظاهرة،
#: خلال احتجاجات), unless a street action comes before it (خرج الآلاف في مسيرة)
SETTING = words({"في", "خلال", "اثناء", "بعد", "قبل", "عقب", "منذ", "وفي", "وخلال", "واثناء", "وبعد"})
#: a temporal clause opener before a trigger: the event dates another one (عندما اغتيل فلان، أعلن …)
WHEN = words({"عندما", "وعندما", "حين", "وحين", "حينما", "بعدما", "عقبما", "كلما", "منذ", "ومنذ"})
#: violent acts that are no trigger but stand in a list of kinds with one (قتل واغتصاب وتعذيب)
CRIMES = words({"اغتصاب", "اضطهاد", "نهب", "سرقه", "اعدام", "اجتياح", "اجتياحات", "تهجير", "اخفاء",
                    "تنكيل", "ترويع", "تشريد", "حرق", "تدمير", "جرح"})
#: a trigger right after a relative pronoun describes someone or something (المتظاهرين الذين
#: تجمعوا، الانتحاري الذي فجر نفسه) rather than reporting the event
RELATIVES = words({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"})
STREETS = words({"الشارع", "الشوارع", "شوارع", "الساحات", "الميادين", "ساحه", "ميدان", "الميدان", "الساحه"})
#: a sentence with two of these is about sport: هجوم, هاجم … there are football moves
SPORT_WORDS = words({
    "مباراه", "المباراه", "مباريات", "الفريق", "فريق", "المنتخب", "منتخب", "الدوري", "دوري", "الكره",
    "كره", "المدرب", "مدرب", "لاعب", "اللاعب", "لاعبي", "لاعبين", "اللاعبين", "مهاجم", "المهاجم",
    "الشوط", "شوط", "الملعب", "ملعب", "النادي", "نادي", "بطوله", "البطوله", "تسديده", "ركله", "المرمي",
    "مرمي", "الحارس", "حارس", "هدف", "هدفا", "الهدف", "اهداف", "الاهداف", "التعادل", "تعادل", "الكاس",
    "كاس", "الجماهير", "دقيقه", "الدقيقه", "ضربه", "ركنيه", "هجمه", "هجمات", "مرتده",
})
#: after مسيرة: a career, a process, a drone (not a march)
MARCH_NOT = words({
    "المهنيه", "الفنيه", "الرياضيه", "الكرويه", "العلميه", "الادبيه", "السياسيه", "الحافله", "الطويله",
    "السلام", "التنميه", "الاصلاح", "العمل", "النهضه", "الحياه", "التعليم", "البناء", "التطوير",
    "التقدم", "الخير", "العطاء", "النجاح", "الديمقراطيه", "التحديث", "التعاون", "الانجازات", "مفخخه",
    "انتحاريه", "مسلحه", "حوثيه", "ايرانيه", "اسرائيليه", "روسيه", "اوكرانيه", "المفخخه",
})
#: words that make an explosion a bombing (انفجار سيارة مفخخة, not a gas-pipe blast)
BOMB_WORDS = words({
    "مفخخه", "ناسفه", "عبوه", "العبوه", "قنبله", "القنبله", "انتحاري", "الانتحاري", "انتحاريه",
    "حزام", "ارهابي", "الارهابي", "ارهابيه", "هجوم", "الهجوم", "تفجير", "التفجير", "استهدف",
})
#: after هجوم: a verbal attack
VERBAL_ATTACK = words({"لاذع", "لاذعا", "كلامي", "كلاميا", "اعلامي", "اعلاميا", "حاد", "حادا",
                           "سياسي", "سياسيا", "مضاد", "مضادا", "معاكس",
                           "الكتروني", "الكترونيه", "الكترونيا", "سيبراني", "سيبرانيه"})
#: a protest is a demonstration only when next to one of these (احتجاج alone is often an objection)
PROTEST_SIGNS = words({
    "الشارع", "الشوارع", "ساحه", "الساحه", "ميدان", "شعارات", "لافتات", "هتف", "هتافات", "رددوا",
    "رفعوا", "سلميه", "حاشده", "شعبيه", "تظاهره", "مظاهره", "مظاهرات", "تظاهرات", "اعتصام", "المحتجون",
    "المحتجين", "محتجون", "محتجين", "متظاهرون", "متظاهرين", "المتظاهرون", "المتظاهرين", "خرج", "خرجت",
    "خرجوا", "جابت", "شارك", "شاركوا", "الاف", "الالاف", "المئات", "مئات", "عشرات", "امام", "مقر",
    "الشرطه", "الامن", "تفريق", "الغاز", "المسيل", "للدموع", "قمع", "احتجاجات", "اعتصم", "تجمع",
    "تجمعوا", "احتشد", "احتشدوا", "مسيره", "مسيرات", "اضراب", "عصيان", "وقفه", "الطلاب", "العمال",
})
#: a تظاهرة among these is a festival or a cultural event (Maghreb usage), not a demonstration
CULTURE_WORDS = words({
    "ثقافيه", "الثقافيه", "الثقافه", "للثقافه", "فنيه", "الفنيه", "مهرجان", "المهرجان", "عروض", "العروض",
    "دوره", "الدوره", "فعاليات", "الفعاليات", "رياضيه", "الرياضيه", "سينمائيه", "مسابقه", "المسابقه",
    "الفنانين", "فنانين", "عاصمه", "تنشيطيه", "التنشيطيه", "الفقرات", "معرض", "المعرض", "الجمهور",
})
#: after وقفة: only a protest vigil
VIGIL = words({"احتجاجيه", "تضامنيه", "احتجاجا", "تضامنا", "صامته", "سلميه"})

#: who reports or carries the news, never a doer of it: wire agencies (the dateline reader's
#: :data:`marsad.clean.dateline.WIRE_AGENCIES`, and a few more) and the platforms a
#: statement is posted on (حسبما ذكر مسؤول لوكالة فرانس برس، كتب ترامب على تويتر). A mention
#: with one of these names (or one opening with وكالة, an agency named in full) is no actor
MEDIA = words({
    *dateline.WIRE_AGENCIES, "اسوشيتدبرس", "انترفاكس", "جوهرة أف أم", "جوهرة FM", "موزاييك أف أم", "موزاييك اف ام",
    "تويتر", "فيسبوك", "فيس بوك", "يوتيوب", "انستغرام", "انستجرام", "تلغرام", "تليغرام", "تيليغرام",
    "سناب شات", "واتساب", "يوتوب",
})
#: who files copy from where things happen: the wire agencies above and the others as newspapers
#: sign them in a byline field (:data:`marsad.clean.dateline.WIRE_SIGNS`: وكالات، الفرنسية، د.ب.أ،
#: أ ش أ …; and الألمانية). An author field naming another outlet with a place and no person is that
#: outlet's house line (:func:`setting.house_line`)
WIRES = MEDIA | words({*dateline.WIRE_SIGNS, "الألمانية"})
#: an agency named in full: وكالة then أنباء or الإعلام (وكالة أنباء دوجان، وكالة الإعلام الوطنية
#: اللبنانية); not وكالة الغوث, the UN's agency, which a protest may be against
MEDIA_HEADS = words({"وكاله", "لوكاله", "ووكاله", "بوكاله"})
MEDIA_KINDS = words({"انباء", "الانباء", "الاعلام", "اعلام"})
