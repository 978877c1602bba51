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
    return lex


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
#: an agency named in full: وكالة then أنباء or الإعلام (وكالة أنباء دوجان، وكالة الإعلام الوطنية
#: اللبنانية); not وكالة الغوث, the UN's agency, which a protest may be against
MEDIA_HEADS = words({"وكاله", "لوكاله", "ووكاله", "بوكاله"})
MEDIA_KINDS = words({"انباء", "الانباء", "الاعلام", "اعلام"})
