"""Teaser tails: the leads of other articles left at the end of a flattened text (texts written
for these tests)."""

import pytest

from marsad.clean.dateline import opens_with_dateline
from marsad.clean.debris import DebrisCleaner, clean_text
from marsad.clean.teasers import KIND, teaser_spans
from marsad.errors import ConfigError
from marsad.model import RawRecord
from marsad.pipeline.registry import build

TITLE = "الوحدة يفوز على النجوم ويتصدر الدوري"
REPORT = [
    "عمان (رويترز) -- فاز فريق الوحدة على ضيفه النجوم بهدفين مقابل هدف في المباراة التي أقيمت "
    "مساء الجمعة على ملعب المدينة ضمن الجولة العاشرة من الدوري الممتاز.",
    "وافتتح مهاجم الوحدة سامر العلي التسجيل في الدقيقة العشرين بتسديدة قوية من خارج منطقة الجزاء "
    "سكنت الزاوية البعيدة للمرمى.",
    "وأدرك النجوم التعادل قبل نهاية الشوط الأول عن طريق لاعبه كريم الهادي من ركلة جزاء احتسبها الحكم.",
    "وفي الشوط الثاني عاد سامر العلي ليسجل هدف الفوز للوحدة برأسية متقنة إثر ركلة ركنية في الدقيقة "
    "الثمانين.",
    "وبهذا الفوز رفع الوحدة رصيده إلى اثنتين وعشرين نقطة في صدارة الترتيب، بينما تجمد رصيد النجوم "
    "عند خمس عشرة نقطة.",
]
TEASERS = [
    "أعلن الاتحاد الآسيوي لكرة السلة، الخميس، اختيار مدينة الدوحة لاستضافة البطولة القارية المقبلة "
    "للسيدات بمشاركة اثني عشر منتخبا",
    "قالت إدارة مهرجان السينما الدولي، السبت، إن دورته الجديدة ستعرض أكثر من مئة فيلم من ثلاثين "
    "دولة على مدى أسبوعين في الفترة المقب",
    "القاهرة، مصر (وكالات) -- كشفت وزارة الزراعة المصرية عن خطة لزيادة المساحات المزروعة بالقمح "
    "خلال الموسم الشتوي بنسبة عشرة في المئة.",
    "نفى المتحدث باسم شركة الطيران الوطنية، الأربعاء، ما تداولته مواقع التواصل عن إلغاء رحلاتها "
    "إلى العواصم الأوروبية خلال الصيف",
    "حذرت هيئة الأرصاد الجوية، الثلاثاء، من موجة حر شديدة تضرب المناطق الساحلية نهاية الأسبوع مع "
    "ارتفاع نسبة الرطوبة",
]


def _kinds(text: str, spans) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {text[s.start:s.end]: s.label for s in spans}


def test_a_tail_of_other_articles_leads_is_marked_and_the_report_is_not() -> None:
    text = "\n".join(REPORT + TEASERS)
    spans = teaser_spans(text, title=TITLE)
    assert [text[s.start:s.end] for s in spans] == TEASERS
    assert {s.label for s in spans} == {KIND} and {s.layer for s in spans} == {"debris"}
    body = clean_text(text, spans)
    assert body.endswith("عند خمس عشرة نقطة.")
    assert "الأرصاد" not in body and "مهرجان السينما" not in body and "القاهرة" not in body


def test_other_debris_between_the_teasers_is_stepped_over() -> None:
    text = "\n".join([*REPORT, *TEASERS[:2], "شارك", "", *TEASERS[2:], "جميع الحقوق محفوظة © 2018"])
    found = DebrisCleaner().spans(text)
    spans = teaser_spans(text, removed=found, title=TITLE)
    assert [text[s.start:s.end] for s in spans] == TEASERS
    assert set(_kinds(text, found).values()) == {"share_widget", "copyright"}


def test_the_articles_own_ending_is_not_marked() -> None:
    # the report alone: its later paragraphs go on from the lead (و…) and stay
    assert teaser_spans("\n".join(REPORT), title=TITLE) == []
    # closing paragraphs that do not open with a conjunction but are about the match
    closing = REPORT + [
        "أكد مدرب الوحدة، الجمعة، أن فوز فريقه على النجوم جاء بعد مباراة صعبة وأن سامر العلي كان "
        "نجم المباراة بهدفيه في الشوطين.",
        "قال مدرب النجوم إن فريقه قدم مباراة جيدة أمام الوحدة لكن ركلة الجزاء والركنية الأخيرة حسمتا "
        "النتيجة لصالح صاحب الأرض.",
        "يلتقي الوحدة في الجولة المقبلة مع فريق الشباب على الملعب نفسه، فيما يستضيف النجوم فريق "
        "الجزيرة في مباراة الدوري الممتاز.",
    ]
    assert teaser_spans("\n".join(closing), title=TITLE) == []


def test_two_unconnected_lines_are_too_few_without_a_second_dateline() -> None:
    two = "\n".join(REPORT + [TEASERS[0], TEASERS[3]])
    assert teaser_spans(two, title=TITLE) == []
    # a second dateline opens another item: two lines are then enough
    dated = "\n".join(REPORT + [TEASERS[2], TEASERS[3]])
    assert [dated[s.start:s.end] for s in teaser_spans(dated, title=TITLE)] == [TEASERS[2], TEASERS[3]]


def test_the_articles_own_lists_and_narrative_stay() -> None:
    lead = "أعلنت وزارة التعليم، الأحد، مواعيد العام الدراسي الجديد في المدارس الحكومية والخاصة."
    intro = "وأوضحت الوزارة أن المواعيد تشمل المدارس كلها، وجاءت على النحو التالي:"
    items = [
        "- يبدأ دوام المعلمين في الأسبوع الأخير من شهر أغسطس استعدادا لاستقبال الطلاب في المدارس.",
        "- تنطلق الدراسة للطلاب في الأول من سبتمبر في جميع المراحل الدراسية الحكومية والخاصة.",
        "- تبدأ إجازة منتصف العام في الأسبوع الثالث من شهر يناير وتستمر أسبوعين كاملين.",
    ]
    numbered = [line.replace("- ", f"{k}. ", 1) for k, line in enumerate(items, 1)]
    unmarked = [line[2:] for line in items]  # the same lines, announced by the colon alone
    for lines in (items, numbered, unmarked):
        text = "\n".join([lead, intro, *lines])
        assert teaser_spans(text, title="مواعيد العام الدراسي") == []
    # without the bullets and the colon, three such lines would read as a tail of leads
    text = "\n".join([lead, intro.replace("، وجاءت على النحو التالي:", "."), *unmarked])
    assert len(teaser_spans(text, title="مواعيد العام الدراسي")) == 3


def test_a_short_article_keeps_everything() -> None:
    text = "\n".join([TEASERS[0], TEASERS[1], TEASERS[3]])  # nothing before them but one lead
    assert teaser_spans(text) == []
    assert teaser_spans("") == [] and teaser_spans(TEASERS[0]) == []


def test_a_bracketed_dateline_opens_a_new_item_deep_in_a_text() -> None:
    line = TEASERS[2]
    assert opens_with_dateline(line, 0, len(line), bracketed=True)
    # «من جانبه أكد لـعين اليوم …»: a tatweel between words is no dateline this deep in a text
    phrase = "من جانبه أكد لـعين اليوم مدير المستشفى أن القسم استعد لاستقبال المصابين."
    assert opens_with_dateline(phrase, 0, len(phrase))  # the lenient form takes it
    assert not opens_with_dateline(phrase, 0, len(phrase), bracketed=True)


def test_the_debris_stage_marks_the_tail_and_the_clean_text_drops_it() -> None:
    text = "\n".join(REPORT + TEASERS)
    art = build(["language.v1", "debris.v6", "dateline.v8"]).run(RawRecord(text=text, title=TITLE))
    teasers = [s for s in art.spans if s.layer == "debris" and s.label == KIND]
    assert [text[s.start:s.end] for s in teasers] == TEASERS
    assert art.clean_text.endswith("عند خمس عشرة نقطة.")
    assert [s.attrs["agency"] for s in art.spans if s.layer == "dateline"] == ["رويترز"]


def test_debris_v2_is_retired_for_v3() -> None:
    with pytest.raises(ConfigError, match="debris.v6"):
        build(["language.v1", "debris.v2"])
