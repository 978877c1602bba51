"""events.v13: faults read on unseen articles (docs/events.md), on sentences written for these tests.

Each case pairs the fault with a sentence that must keep its event, so that a guard that drops
everything fails too.
"""

from __future__ import annotations

import marsad

DATE = "2024-03-05"  # a Tuesday


def events(text: str, typ: str) -> list[tuple[str, dict]]:
    art = marsad.analyze_text(text, published_at=DATE, title="خبر")
    return [(text[s.start:s.end], s.attrs) for s in art.spans if s.layer == "event" and s.label == typ]


def test_a_habitual_meeting_or_visit_is_no_event():
    assert events("ويلتقي الرئيس بوزرائه كل أسبوع في القصر الجمهوري.", "CONSULT") == []
    assert events("واعتاد الملك أن يزور المدينة في الصيف.", "CONSULT") == []
    assert events("وكان الوزير كعادته يلتقي الصحفيين في مكتبه.", "CONSULT") == []
    assert events("ويزور الأمير المستشفى أسبوعيا للاطمئنان على المرضى.", "CONSULT") == []
    assert events("ويتظاهر السكان كل يوم جمعة أمام مبنى البلدية.", "PROTEST") == []
    # a meeting of today, and a past one in a sentence that says how often something else is
    assert [t for t, _ in events("يلتقي الرئيس اليوم نظيره الفرنسي في باريس.", "CONSULT")] == ["يلتقي"]
    assert [t for t, _ in events("التقى الوزير نظيره الأردني أمس في لقاء يعقد كل عام.", "CONSULT")] == ["التقى"]


def test_yuhaddid_that_endangers_is_no_threat():
    assert events("وقال الخبير إن التلوث يهدد حياة آلاف السكان في المدينة.", "THREATEN") == []
    assert events("وأكد أن الضرر الذي لحق بالسد يهدد القرى المجاورة.", "THREATEN") == []
    assert events("وقال إن استمرار القتال يهدد أمن المنطقة واستقرارها.", "THREATEN") == []
    assert events("وقال الوزير إن الإرهاب يشكل تهديدا للأمن الإقليمي.", "THREATEN") == []
    assert events('وحذر من أن رفض الاتفاق من شأنه أن يهدد "مصداقية" البلاد.', "THREATEN") == []
    # a threat made by someone stays one
    assert [t for t, _ in events("وهدد الرئيس الشركة بفرض عقوبات عليها أمس.", "THREATEN")] == ["وهدد"]
    assert [t for t, _ in events("وهددت الجماعة الحكومة بالانسحاب من المفاوضات.", "THREATEN")] == ["وهددت"]


def test_a_cumulative_toll_is_no_new_attack():
    assert events("وارتفعت حصيلة قتلى الهجوم إلى ثلاثين شخصا.", "ASSAULT") == []
    assert events("وارتفع عدد قتلى الاحتجاجات في البلاد إلى 11 قتيلا.", "ASSAULT") == []
    assert events("وقتل 35 شخصا وأصيب أكثر من 400 آخرين بجروح منذ بداية المواجهات.", "ASSAULT") == []
    assert events("وتتحدث التقديرات عن مقتل أكثر من ألف شخص وإصابة المئات منذ اندلاع الحرب.", "ASSAULT") == []
    # the day's killing beside the toll of another clause is an event
    text = "وجاءت الحصيلة غداة مقتل 21 مدنيا جراء الغارات، فيما ارتفعت حصيلة القتلى منذ بدء التصعيد إلى 93."
    assert [t for t, _ in events(text, "ASSAULT")] == ["مقتل"]
    assert [t for t, _ in events("وقتل مسلحون خمسة جنود في هجوم على حاجز أمس.", "ASSAULT")] == ["وقتل"]


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


def test_any_act_of_a_kind_is_no_event():
    # a standing policy, a denial or a decree about any such act (events.v13 coded each)
    assert events("وترفض السعودية أي هجوم على المدنيين وتدينه.", "ASSAULT") == []
    assert events("ونفت سوريا شن القوات الحكومية أي هجوم كيماوي.", "ASSAULT") == []
    assert events("وأصدر الحاكم قرارًا بالقبض على أي مصري يحتفل.", "COERCE") == []
    assert events("وتستقبل الأمانة أي ملاحظات من المواطنين.", "CONSULT") == []
    # a threat names what it threatens: «أي» stays in it
    assert [t for t, _ in events("وتوعدت السعودية بالرد على أي عقوبة.", "THREATEN")] == ["وتوعدت"]
    # and an attack on a named target stays an event
    assert [t for t, _ in events("وقتل مسلحون خمسة جنود في هجوم على حاجز أمس.", "ASSAULT")] == ["وقتل"]


def test_an_act_under_a_condition_is_no_event():
    assert events("وقالت إسرائيل إنها لن تتردد في شن هجوم على أهداف إيرانية إذا قررت طهران ذلك.",
                  "ASSAULT") == []
    assert events("وإذا أراد مسؤول ما أن يقيس نبض القطاع الصحي، قام بزيارة مفاجئة للمستشفى.", "CONSULT") == []
    assert events("وقال الخبير إنه لو هاجمت الميليشيات المدينة لسقط مئات الضحايا.", "ASSAULT") == []
    # «ما إذا» asks whether: the attack told after it is one
    text = "ولم يعرف بعد ما إذا كان هناك رابط بين الحادثين، وذلك بعد يومين على هجوم انتحاري أوقع 32 قتيلا."
    assert [t for t, _ in events(text, "ASSAULT")] == ["هجوم"]
    # a threat states its condition and stays one
    assert [t for t, _ in events("وهدد الرئيس بالرد إذا تعرضت بلاده لهجوم.", "THREATEN")] == ["وهدد"]
    # لو of a name, حالة before a noun (a state) and a condition in a quote after أن are none
    text = "وفي رسالة وجهها فريق الدفاع إلى الصحافة، اتهم ثلاثة محامين لو دريان بتجاوز خطير."
    assert [t for t, _ in events(text, "ACCUSE")] == ["اتهم"]
    text = "وتم تنفيذ خطط الطوارئ في حالة الأزمات، وفي نهاية جولته التقى الوزير بعدد من المواطنين."
    assert [t for t, _ in events(text, "CONSULT")] == ["التقى"]
    text = "والتقى الوزير نظيره الصيني أمس وقال إنه إذا فرضت واشنطن رسوما فإن بكين سترد."
    assert [t for t, _ in events(text, "CONSULT")] == ["والتقى"]


def test_a_programme_aimed_at_its_audience_is_no_attack():
    # read on an unseen SPA item: «49 دورة تدريبية تستهدف أكثر من 1470 متدرباً» was an ASSAULT
    text = "وأوضح أن الجامعة ستقدم 49 دورة تدريبية تستهدف أكثر من 1470 متدرباً في عدد من المجالات."
    assert events(text, "ASSAULT") == []
    assert events("وأضاف أن البرنامج يستهدف حوالي 6 آلاف منتفع من الأسر.", "ASSAULT") == []
    # an attack on students or on a camp stays one
    assert [t for t, _ in events("وقال إن المسلحين استهدفوا الطلاب في المدرسة أمس.", "ASSAULT")] == ["استهدفوا"]
    assert [t for t, _ in events("واستهدفت غارة جوية مقرا للجماعة في المدينة أمس.", "ASSAULT")] == ["واستهدفت"]
