"""events.v13 and v14: faults read on unseen articles (docs/events.md), on sentences written for these tests.

Each case pairs the fault with a sentence that must keep its event, so that a guard that drops
everything fails too.
"""

from __future__ import annotations

import pytest

import marsad

DATE = "2024-03-05"  # a Tuesday


def events(text: str, typ: str) -> list[tuple[str, dict]]:
    art = marsad.analyze_text(text, published_at=DATE, title="خبر")
    return [(text[s.start:s.end], s.attrs) for s in art.spans if s.layer == "event" and s.label == typ]


def triggers(text: str, typ: str) -> list[str]:
    return [t for t, _ in events(text, typ)]


#: fault → (sentence, event type, the triggers of that type it must give): each fault's sentences
#: give none, beside sentences that must keep their event
CODED: dict[str, list[tuple[str, str, list[str]]]] = {
    # events.v13: a habit is no event; a meeting of today, and a past one in a sentence that says
    # how often something else is, are
    "habit": [
        ("ويلتقي الرئيس بوزرائه كل أسبوع في القصر الجمهوري.", "CONSULT", []),
        ("واعتاد الملك أن يزور المدينة في الصيف.", "CONSULT", []),
        ("وكان الوزير كعادته يلتقي الصحفيين في مكتبه.", "CONSULT", []),
        ("ويزور الأمير المستشفى أسبوعيا للاطمئنان على المرضى.", "CONSULT", []),
        ("ويتظاهر السكان كل يوم جمعة أمام مبنى البلدية.", "PROTEST", []),
        ("يلتقي الرئيس اليوم نظيره الفرنسي في باريس.", "CONSULT", ["يلتقي"]),
        ("التقى الوزير نظيره الأردني أمس في لقاء يعقد كل عام.", "CONSULT", ["التقى"]),
    ],
    # events.v13: يهدد that endangers is no threat; a threat made by someone stays one
    "endangers": [
        ("وقال الخبير إن التلوث يهدد حياة آلاف السكان في المدينة.", "THREATEN", []),
        ("وأكد أن الضرر الذي لحق بالسد يهدد القرى المجاورة.", "THREATEN", []),
        ("وقال إن استمرار القتال يهدد أمن المنطقة واستقرارها.", "THREATEN", []),
        ("وقال الوزير إن الإرهاب يشكل تهديدا للأمن الإقليمي.", "THREATEN", []),
        ('وحذر من أن رفض الاتفاق من شأنه أن يهدد "مصداقية" البلاد.', "THREATEN", []),
        ("وهدد الرئيس الشركة بفرض عقوبات عليها أمس.", "THREATEN", ["وهدد"]),
        ("وهددت الجماعة الحكومة بالانسحاب من المفاوضات.", "THREATEN", ["وهددت"]),
    ],
    # events.v13: a cumulative toll is no new attack; the day's killing beside the toll of another
    # clause is one, and so is an attack on a named target
    "toll": [
        ("وارتفعت حصيلة قتلى الهجوم إلى ثلاثين شخصا.", "ASSAULT", []),
        ("وارتفع عدد قتلى الاحتجاجات في البلاد إلى 11 قتيلا.", "ASSAULT", []),
        ("وقتل 35 شخصا وأصيب أكثر من 400 آخرين بجروح منذ بداية المواجهات.", "ASSAULT", []),
        ("وتتحدث التقديرات عن مقتل أكثر من ألف شخص وإصابة المئات منذ اندلاع الحرب.", "ASSAULT", []),
        ("وجاءت الحصيلة غداة مقتل 21 مدنيا جراء الغارات، فيما ارتفعت حصيلة القتلى منذ بدء التصعيد إلى 93.",
         "ASSAULT", ["مقتل"]),
        ("وقتل مسلحون خمسة جنود في هجوم على حاجز أمس.", "ASSAULT", ["وقتل"]),
    ],
    # events.v14: a standing policy, a denial or a decree about any such act (events.v13 coded
    # each); a threat names what it threatens, «أي» stays in it (and the attack on a named
    # target above stays an event)
    "any": [
        ("وترفض السعودية أي هجوم على المدنيين وتدينه.", "ASSAULT", []),
        ("ونفت سوريا شن القوات الحكومية أي هجوم كيماوي.", "ASSAULT", []),
        ("وأصدر الحاكم قرارًا بالقبض على أي مصري يحتفل.", "COERCE", []),
        ("وتستقبل الأمانة أي ملاحظات من المواطنين.", "CONSULT", []),
        ("وتوعدت السعودية بالرد على أي عقوبة.", "THREATEN", ["وتوعدت"]),
    ],
    # events.v14: an act under a condition is no event; «ما إذا» asks whether (the attack told
    # after it is one), a threat states its condition and stays one, and لو of a name, حالة before
    # a noun (a state) and a condition in a quote after أن are none
    "condition": [
        ("وقالت إسرائيل إنها لن تتردد في شن هجوم على أهداف إيرانية إذا قررت طهران ذلك.", "ASSAULT", []),
        ("وإذا أراد مسؤول ما أن يقيس نبض القطاع الصحي، قام بزيارة مفاجئة للمستشفى.", "CONSULT", []),
        ("وقال الخبير إنه لو هاجمت الميليشيات المدينة لسقط مئات الضحايا.", "ASSAULT", []),
        ("ولم يعرف بعد ما إذا كان هناك رابط بين الحادثين، وذلك بعد يومين على هجوم انتحاري أوقع 32 قتيلا.",
         "ASSAULT", ["هجوم"]),
        ("وهدد الرئيس بالرد إذا تعرضت بلاده لهجوم.", "THREATEN", ["وهدد"]),
        ("وفي رسالة وجهها فريق الدفاع إلى الصحافة، اتهم ثلاثة محامين لو دريان بتجاوز خطير.", "ACCUSE", ["اتهم"]),
        ("وتم تنفيذ خطط الطوارئ في حالة الأزمات، وفي نهاية جولته التقى الوزير بعدد من المواطنين.",
         "CONSULT", ["التقى"]),
        ("والتقى الوزير نظيره الصيني أمس وقال إنه إذا فرضت واشنطن رسوما فإن بكين سترد.", "CONSULT", ["والتقى"]),
    ],
    # events.v14, read on an unseen SPA item (49 دورة تدريبية تستهدف أكثر من 1470 متدرباً was an
    # ASSAULT): a programme aimed at its audience is no attack; an attack on students or on a camp
    # stays one
    "audience": [
        ("وأوضح أن الجامعة ستقدم 49 دورة تدريبية تستهدف أكثر من 1470 متدرباً في عدد من المجالات.", "ASSAULT", []),
        ("وأضاف أن البرنامج يستهدف حوالي 6 آلاف منتفع من الأسر.", "ASSAULT", []),
        ("وقال إن المسلحين استهدفوا الطلاب في المدرسة أمس.", "ASSAULT", ["استهدفوا"]),
        ("واستهدفت غارة جوية مقرا للجماعة في المدينة أمس.", "ASSAULT", ["واستهدفت"]),
    ],
}


@pytest.mark.parametrize(
    "text, typ, kept",
    [case for cases in CODED.values() for case in cases],
    ids=[f"{fault}-{k}" for fault, cases in CODED.items() for k in range(len(cases))],
)
def test_a_fault_gives_no_event_and_its_pair_keeps_its_own(text, typ, kept):
    assert triggers(text, typ) == kept


def test_a_phone_call_is_consult_phone():
    trig, a = events("وتلقى الرئيس اتصالا هاتفيا من العاهل الأردني أمس.", "CONSULT")[0]
    assert (trig, a["mode"]) == ("اتصالا هاتفيا", "phone")
    trig, a = events("وبحث الوزير في مكالمة هاتفية مع نظيره الفرنسي الأوضاع في سوريا.", "CONSULT")[0]
    assert (trig, a["mode"]) == ("مكالمة هاتفية", "phone")
    trig, a = events("وقال الديوان إن الأمير اتصل هاتفيا بالرئيس اللبناني أمس.", "CONSULT")[0]
    assert (trig, a["mode"]) == ("اتصل هاتفيا", "phone")
    # the call told before (الاتصال الهاتفي) and one that is not made
    assert events("وخلال الاتصال الهاتفي أكد الجانبان أهمية التعاون.", "CONSULT") == []
    assert events("ولم يجر الرئيس اتصالا هاتفيا بنظيره منذ شهور.", "CONSULT") == []
    assert events("وأكد الوزير أنه سيجري اتصالا هاتفيا بنظيره اليمني.", "CONSULT") == []
    # an interview by phone, an anonymous call and an intercepted one are no consultation
    assert events("وقالت الناشطة في اتصال هاتفي مع الصحيفة إن الوضع صعب.", "CONSULT") == []
    assert events("وأوضح في اتصال هاتفي أجرته معه الصحيفة أن الوضع صعب.", "CONSULT") == []
    assert events("بدوره، أعلن المحافظ، في اتصال هاتفي لـ«النهار»، أن الوزراء عادوا.", "CONSULT") == []
    assert events("وتلقت الشركة اتصالا هاتفيا من شخص مجهول أمس.", "CONSULT") == []
    assert events("وأعلنت الوزارة رصد اتصال هاتفي بين قادة التنظيم.", "CONSULT") == []


def test_al_qabd_ala_is_an_arrest():
    trig, a = events("وألقت الشرطة القبض على ثلاثة أشخاص في الرياض أمس.", "COERCE")[0]
    assert (trig, a["mode"]) == ("القبض على", "arrest")
    assert a["source"]["text"] == "الشرطة"
    trig, a = events("وتم القبض على المتهم في مدينة جدة.", "COERCE")[0]
    assert trig == "القبض على"
    # a second arrest: the verb أعاد brings in the noun
    trig, a = events("وأعادت السلطات اعتقال الشيخ مع عدد من تلاميذه.", "COERCE")[0]
    assert trig == "اعتقال" and a["source"]["text"] == "السلطات"
    # a warrant or an attempt is no arrest
    assert events("وأصدرت المحكمة أمرا بالقبض على الوزير السابق.", "COERCE") == []
    assert events("وفشلت محاولة القبض على زعيم العصابة.", "COERCE") == []
    assert events("وشن الجيش حملة بهدف القبض على قادة التنظيم.", "COERCE") == []
    assert events("وانتقد النائب الحكومة لعدم قدرتها على القبض على الجاني.", "COERCE") == []
    # hostages taken are no arrest
    assert events("وقال المسلحون إنهم ألقوا القبض على رهائن في الفندق.", "COERCE") == []


def test_a_phone_call_goes_from_its_caller_to_its_callee():
    # «تلقى اتصالا هاتفيا من نظيره الهولندي» gave the receiver as the caller
    _, a = events("وتلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من العاهل الأردني الملك عبدالله الثاني أمس.",
                  "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("عبدالله الثاني", "عبد الفتاح السيسي")
    _, a = events("وأجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا بنظيره الأمريكي دونالد ترامب.", "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("إيمانويل ماكرون", "دونالد ترامب")
    _, a = events("وبحث الرئيس التركي رجب طيب أردوغان في اتصال هاتفي مع نظيره الروسي فلاديمير بوتين الأوضاع.",
                  "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("رجب طيب أردوغان", "فلاديمير بوتين")


# --- events.v14 ---------------------------------------------------------------------------------

def test_a_call_told_after_a_verb_and_its_object_goes_from_the_subject():
    # events.v13 took the object, the nearest actor before the call, as the caller
    _, a = events("وأبلغ الرئيس الروسي فلاديمير بوتين الرئيس السوري بشار الأسد خلال اتصال هاتفي أن موسكو "
                  "ستواصل دعمها.", "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("فلاديمير بوتين", "بشار الأسد")
    _, a = events("وهنأ أمير قطر الشيخ تميم بن حمد الرئيس التركي رجب طيب أردوغان في اتصال هاتفي بفوزه.",
                  "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("تميم بن حمد", "رجب طيب أردوغان")
    # the subject of a verb of saying in the call's own clause is the caller, not a teller
    _, a = events("وأكد الملك سلمان للرئيس الأمريكي دونالد ترامب في اتصال هاتفي أهمية التعاون.", "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("سلمان", "دونالد ترامب")
    # a call between two: the first is the source, the second the target
    _, a = events("وجرى اتصال هاتفي بين الرئيس الفرنسي إيمانويل ماكرون والرئيس الإيراني حسن روحاني.", "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("إيمانويل ماكرون", "حسن روحاني")
    # unchanged: a call received goes from the one after من; a teller before أن is no party
    _, a = events("وتلقى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا من نظيره الهولندي ستيف بلوك.",
                  "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("ستيف بلوك", "سيرغي لافروف")
    _, a = events("وقال الكرملين إن بوتين أجرى اتصالا هاتفيا بالرئيس الفرنسي إيمانويل ماكرون.", "CONSULT")[0]
    assert (a["source"]["text"], a["target"]["text"]) == ("بوتين", "إيمانويل ماكرون")
