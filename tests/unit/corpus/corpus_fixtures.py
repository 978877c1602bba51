"""Articles written for these tests (not taken from any corpus): a wire story with edited
reprints, a paper's article that prints the whole wire text inside its own, an independent
report of the same event, daily weather bulletins and market closes
(templates), and unrelated items; and the helpers the tests share: the story features of such
records (:func:`features_of`), an archive ingested from them (:func:`archive_of`) and its copy
groups (:func:`copy_groups`), and the scores the copy rules read of a pair of texts (:func:`scored`)."""

from __future__ import annotations

import numpy as np
import orjson

import marsad
from marsad.corpus.copy_rules import DedupParams, PairScore, head_of, lead_of, score_sets
from marsad.corpus.features import ArticleFeatures, article_terms, day_number, title_key
from marsad.corpus.minhash import shingle_hashes
from marsad.runners.local import IngestOptions

P = [
    "افتتح وزير الطاقة اليوم محطة الطاقة الشمسية الجديدة في منطقة تبوك بطاقة إنتاجية تبلغ 400 ميغاواط، بحضور أمير المنطقة وعدد من المسؤولين.",
    "وأوضح الوزير في كلمة خلال حفل الافتتاح أن المحطة تعد الأكبر من نوعها في شمال المملكة، وأنها ستغذي أكثر من 75 ألف منزل بالكهرباء النظيفة.",
    "وأشار إلى أن تكلفة المشروع بلغت 1.2 مليار ريال، وأن أعمال الإنشاء استغرقت 18 شهرا بمشاركة شركات محلية ودولية متخصصة في الطاقة المتجددة.",
    "من جهته، أكد أمير منطقة تبوك أن المشروع يمثل إضافة نوعية لاقتصاد المنطقة ويوفر مئات الوظائف للشباب من أبناء المنطقة والمحافظات التابعة لها.",
    "ومن المقرر أن تبدأ المرحلة الثانية من المشروع مطلع العام المقبل لرفع القدرة الإنتاجية للمحطة إلى 800 ميغاواط وربطها بالشبكة الوطنية.",
    "يذكر أن الوزارة تعمل على تنفيذ عدد من مشاريع الطاقة المتجددة في مناطق مختلفة ضمن خطة طويلة المدى لتنويع مصادر الطاقة وخفض الانبعاثات.",
]

#: the agency's original, with its dateline
WIRE = "تبوك 10 أغسطس 2015 واس\n" + "\n".join(P)
#: a paper's reprint: new headline elsewhere, dateline dropped, last paragraph cut, credit added
REPRINT_TRIMMED = "\n".join(P[:5]) + "\n(واس)"
#: another paper: two paragraphs swapped, a paragraph of its own added
REPRINT_REORDERED = "\n".join([P[0], P[2], P[1], P[3], P[4], P[5],
                               "وقال مواطنون من أهالي تبوك إن المحطة ستسهم في خفض انقطاع التيار خلال أشهر الصيف."])
#: a third paper copied the first reprint and touched a few words
REPRINT_OF_REPRINT = REPRINT_TRIMMED.replace("اليوم", "أمس").replace("وأوضح الوزير", "وبيّن الوزير").replace("(واس)", "")
#: the same event written by a reporter of its own
INDEPENDENT = (
    "دشّن وزير الطاقة أمس في تبوك أكبر محطة للطاقة الشمسية في شمال المملكة، وتصل قدرتها إلى 400 ميغاواط "
    "وتكفي لتزويد نحو 75 ألف منزل بالكهرباء.\n"
    "وحضر التدشين أمير منطقة تبوك الذي وصف المحطة الشمسية بأنها نقلة لاقتصاد تبوك، فيما قال مهندسون في الموقع "
    "إن الألواح صممت لتحمل العواصف الرملية.\n"
    "وتخطط الوزارة لتوسعة المحطة إلى 800 ميغاواط في مرحلة ثانية."
)
UNRELATED = (
    "تأهل فريق النصر إلى نهائي كأس الأبطال بعد فوزه على الاتحاد بثلاثة أهداف مقابل هدف في المباراة التي أقيمت "
    "مساء أمس على ملعب الملك فهد الدولي.\n"
    "وسجل أهداف النصر لاعب الوسط في الدقيقة العاشرة ثم أضاف المهاجم هدفين في الشوط الثاني، فيما قلص الاتحاد "
    "الفارق من ركلة جزاء.\n"
    "ويلتقي النصر في النهائي الفائز من مباراة الشباب والأهلي المقررة الأسبوع المقبل."
)

_WX = ("توقعت الرئاسة العامة للأرصاد وحماية البيئة أن تكون الفرصة مهيأة لهطول أمطار رعدية على مرتفعات {a} "
       "ومنطقة {b}، مع نشاط في الرياح السطحية المثيرة للأتربة على أجزاء من المنطقة الشرقية، "
       "وأن تصل درجة الحرارة العظمى في الرياض إلى {t} درجة مئوية والصغرى إلى {m} درجة، "
       "فيما تكون الرياح السطحية على البحر الأحمر شمالية غربية بسرعة {w} كم/ساعة وارتفاع الموج من {h} إلى {h2} متر.")
_REGIONS = [("جازان", "عسير"), ("الباحة", "نجران"), ("عسير", "مكة المكرمة"), ("جازان", "الباحة"),
            ("نجران", "عسير"), ("مكة المكرمة", "جازان")]


def weather(day: int) -> str:
    """The daily bulletin of one source: same words every day, other figures and regions."""
    a, b = _REGIONS[day % len(_REGIONS)]
    return _WX.format(a=a, b=b, t=41 + day, m=27 + day, w=20 + 3 * day, h=1 + day % 2, h2=2 + day)


def market_close(day: int) -> str:
    pts = [35.4, 12.9, 61.2, 8.3, 44.7, 19.8][day % 6]
    lvl = [9381.0, 9368.1, 9429.3, 9421.0, 9465.7, 9445.9][day % 6]
    val = [4.1, 3.6, 5.2, 4.8, 3.9, 4.4][day % 6]
    return (f"أغلق مؤشر سوق الأسهم السعودية اليوم مرتفعا {pts} نقطة عند مستوى {lvl} نقطة، بتداولات بلغت قيمتها "
            f"{val} مليار ريال، وشهدت تداولات اليوم ارتفاع أسهم {20 + day} شركة وتراجع أسهم {130 - day} شركة.")


def items() -> list[dict]:
    """The whole fixture corpus as records (``id, source, date, text, title``)."""
    out = [
        {"id": "wire", "source": "was", "date": "2015-08-10T08:00:00", "title": "عام / وزير الطاقة يفتتح محطة شمسية في تبوك", "text": WIRE},
        {"id": "reprint-trimmed", "source": "paper1", "date": "2015-08-10T12:00:00", "title": "أكبر محطة شمسية في الشمال", "text": REPRINT_TRIMMED},
        {"id": "reprint-reordered", "source": "paper2", "date": "2015-08-10T15:00:00", "title": "تبوك تستقبل محطة الطاقة الشمسية", "text": REPRINT_REORDERED},
        {"id": "reprint-of-reprint", "source": "paper3", "date": "2015-08-11T06:00:00", "title": "محطة شمسية بـ400 ميغاواط", "text": REPRINT_OF_REPRINT},
        {"id": "independent", "source": "paper4", "date": "2015-08-11T09:00:00", "title": "وزير الطاقة يدشن محطة تبوك الشمسية", "text": INDEPENDENT},
        {"id": "unrelated", "source": "paper1", "date": "2015-08-10T20:00:00", "title": "النصر إلى النهائي", "text": UNRELATED},
    ]
    for d in range(6):
        out.append({"id": f"weather-{d}", "source": "wx", "date": f"2015-08-{5 + d:02d}T06:00:00",
                    "title": "حالة الطقس المتوقعة اليوم", "text": weather(d)})
        out.append({"id": f"market-{d}", "source": "mkt", "date": f"2015-08-{5 + d:02d}T16:00:00",
                    "title": "الأسهم السعودية تغلق مرتفعة", "text": market_close(d)})
    return out


#: two agency items of one formula (the same opening words, other bodies)
_OPENING = ("استقبل صاحب السمو الملكي أمير المنطقة في مكتبه بمقر الإمارة صباح اليوم رئيس المجلس "
            "البلدي وأعضاء المجلس واستمع سموه إلى شرح عن خطط المجلس ومشروعاته للعام المقبل ")
ITEM_ONE = _OPENING + (
    "وتناول الشرح مشروعات تصريف مياه الأمطار في الأحياء الشرقية وتأهيل الطرق الداخلية وإنارة "
    "الشوارع الفرعية وزراعة الأشجار على جانبي الطريق الدائري وإنشاء حدائق جديدة للأسر في "
    "الأحياء المكتظة بالسكان ووجه سموه بسرعة إنجاز المشروعات المتعثرة ومحاسبة المقاولين "
    "المتأخرين عن تسليم أعمالهم في مواعيدها المحددة بالعقود الموقعة مع الأمانة")
ITEM_TWO = _OPENING + (
    "وتحدث رئيس المجلس عن برنامج اللقاءات المفتوحة مع سكان القرى والهجر لسماع مطالبهم "
    "ورفعها إلى الجهات المختصة وعن لجنة جديدة لمتابعة شكاوى المواطنين من تأخر إيصال الخدمات "
    "إلى المخططات السكنية الحديثة وأثنى سموه على جهود المجلس في خدمة الأهالي وحثهم على "
    "مواصلة العمل الميداني والتواصل الدائم مع المواطنين في مجالسهم وأسواقهم ومساجدهم")


def digest_items() -> list[dict]:
    """Two items of one formula and a paper's digest that prints both (a copy of each, while
    the items are not copies of each other)."""
    return [{"id": i, "source": s, "date": d, "title": t, "text": x} for i, s, d, t, x in (
        ("item-one", "was", "2015-08-10T08:00:00", "أمير المنطقة يستقبل رئيس المجلس البلدي", ITEM_ONE),
        ("item-two", "was", "2015-08-10T09:00:00", "أمير المنطقة يستقبل أعضاء المجلس البلدي", ITEM_TWO),
        ("digest", "paper", "2015-08-10T12:00:00", "أمير المنطقة والمجلس البلدي", ITEM_ONE + " " + ITEM_TWO))]


#: more paragraphs of the wire story of ``corpus_fixtures.P``
MORE = [
    "وبيّن الوزير أن المحطة تضم أكثر من مليون لوح شمسي موزعة على مساحة تتجاوز عشرة كيلومترات مربعة شمال مدينة تبوك.",
    "وأضاف أن الوزارة وقعت مع الشركة المشغلة عقدا لمدة خمسة وعشرين عاما يتضمن تدريب الكوادر الوطنية على أعمال الصيانة والتشغيل.",
    "ولفت إلى أن نسبة المحتوى المحلي في مكونات المشروع تجاوزت الثلث، وأن مصنعا للهياكل المعدنية أنشئ في المنطقة لخدمة المشاريع المقبلة.",
    "وتجول الوزير والحضور بعد الحفل في غرفة التحكم الرئيسة واستمعوا إلى شرح عن أنظمة مراقبة الإنتاج وتتبع حركة الشمس.",
]


#: the whole wire story (:data:`P` and :data:`MORE`)
WIRE_WHOLE = "\n".join(P + MORE)
#: a paper's own intro (four sentences of background, none of the wire's) and its own closing
#: paragraph around the whole wire text
PAPER_INTRO = [
    "تواصل المملكة توسيع مشاريع الطاقة المتجددة ضمن مستهدفاتها لتنويع مصادر الدخل وتقليل الاعتماد على النفط في توليد الكهرباء خلال العقد المقبل.",
    "وتتجه أنظار المستثمرين إلى المناطق الشمالية التي تتمتع بساعات سطوع طويلة طوال العام وبمساحات واسعة من الأراضي المستوية البعيدة عن المدن.",
    "ويرى خبراء في قطاع الكهرباء أن المشاريع الكبيرة من هذا النوع تحتاج إلى شبكات نقل حديثة ومخازن للطاقة تحفظ فائض الإنتاج لساعات الليل.",
    "وفي هذا الإطار نقلت وكالة الأنباء الرسمية تفاصيل الحفل الذي أقيم في الموقع بحضور عدد كبير من المسؤولين ورجال الأعمال.",
]
PAPER_CLOSING = "وكانت الصحيفة قد نشرت الشهر الماضي تقريرا عن استعدادات الأهالي لتشغيل المحطة وآمالهم في تحسن الخدمة خلال الصيف."
PAPER = "\n".join(PAPER_INTRO + P + MORE + [PAPER_CLOSING])


def rewritten_pair() -> tuple[str, str]:
    """The longer wire story and an edited reprint of it that rewrote its lead."""
    wire = "\n".join(P + MORE)
    # the paper's own first sentence (same facts, its own words), the wire from its second
    # paragraph on, the last paragraph cut
    lead = ("دشنت منطقة تبوك أمس أكبر مشروع للطاقة النظيفة في شمال البلاد، إذ رعى الوزير "
            "تشغيل محطة شمسية عملاقة وسط حضور رسمي كبير.")
    return wire, "\n".join([lead] + (P + MORE)[1:-1])


#: an editor's version of :data:`P`: every sentence reworded (a verb or a linking phrase
#: changed), the governor's paragraph moved up — the leads share half their words, the
#: shingles two thirds
REWORDED = [
    "دشن وزير الطاقة اليوم في منطقة تبوك محطة الطاقة الشمسية الجديدة بطاقة إنتاجية تصل إلى 400 ميغاواط، وسط حضور أمير المنطقة وعدد من المسؤولين.",
    "من ناحيته، أكد أمير منطقة تبوك أن المشروع يمثل إضافة نوعية لاقتصاد المنطقة ويوفر مئات فرص العمل للشباب من أبناء المنطقة والمحافظات التابعة لها.",
    "ومن المنتظر أن تنطلق المرحلة الثانية من المشروع مطلع العام المقبل لرفع القدرة الإنتاجية للمحطة إلى 800 ميغاواط وربطها بالشبكة الوطنية.",
    "وبين الوزير في كلمة خلال حفل التدشين أن المحطة تعد الأكبر من نوعها في شمال المملكة، وأنها ستزود أكثر من 75 ألف منزل بالكهرباء النظيفة.",
    "ولفت إلى أن تكلفة المشروع بلغت 1.2 مليار ريال، وأن أعمال البناء استغرقت 18 شهرا بمشاركة شركات محلية ودولية متخصصة في الطاقة المتجددة.",
    "يشار إلى أن الوزارة تعمل على تنفيذ عدد من مشاريع الطاقة المتجددة في مناطق مختلفة ضمن خطة طويلة المدى لتنويع مصادر الطاقة وخفض الانبعاثات.",
]


def features_of(recs: list[dict], groups: dict[int, int] | None = None) -> list[ArticleFeatures]:
    """The story features of records (title and text only), keyed by position; ``groups``: the
    copy group of each position."""
    out = []
    for i, r in enumerate(recs):
        terms, nums = article_terms(title=r["title"], body=r["text"])
        out.append(ArticleFeatures(key=i, day=day_number(r["date"]), source=r["source"], terms=terms,
                                   numbers=nums, copy_group=None if groups is None else groups[i],
                                   title_key=title_key(r["title"])))
    return out


def archive_of(tmp_path, name: str, *, defer: bool = True, recs: list[dict] | None = None):
    """An archive in ``tmp_path`` holding ``recs`` (:func:`items` by default), ingested by one
    worker; ``defer``: the corpus stages are left for the test to run."""
    recs = items() if recs is None else recs
    path = tmp_path / f"{name}.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in recs))
    a = marsad.open(tmp_path / f"{name}.db")
    a.ingest([str(path)], options=IngestOptions(workers=1, corpus=not defer))
    return a


def copy_groups(a) -> set[frozenset[str]]:
    """The copy groups of an archive, as sets of article ids."""
    by: dict[int, set[str]] = {}
    for r in a.iter_rows(columns=["id", "copy_group"]):
        by.setdefault(r["copy_group"], set()).add(r["id"])
    return {frozenset(v) for v in by.values()}


def scored(a: str, b: str, params: DedupParams) -> tuple[PairScore, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What the copy rules read of texts ``a`` and ``b``: their score (:func:`score_sets`, with
    their leads), their sorted unique shingle sets and their openings (:func:`head_of`)."""
    h, off = shingle_hashes([a, b])
    ha, hb = h[off[0] : off[1]], h[off[1] : off[2]]
    sa, sb = np.unique(ha), np.unique(hb)
    s = score_sets(0, 1, sa, sb, lead_a=lead_of(a, params), lead_b=lead_of(b, params))
    return s, sa, sb, head_of(ha, params), head_of(hb, params)
