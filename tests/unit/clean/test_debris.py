from marsad.clean.debris import DebrisCleaner, clean_text
from marsad.model import RawRecord, Span
from marsad.pipeline.registry import build

ARTICLE = (
    "Ru En\n"
    "عنوان: وزير يزور المعرض الدولي للكتاب\n"
    "\u00a0\n"
    "افتتح وزير الثقافة صباح اليوم معرض الكتاب الدولي بمشاركة مئات الناشرين.\n"
    "شارك\n"
    "فيسبوك تويتر واتساب\n"
    "اقرأ أيضا:\n"
    "وزير الثقافة يلتقي الناشرين\n"
    "انطلاق فعاليات مهرجان المسرح\n"
    "\n"
    "وأضاف الوزير أن المعرض يستمر عشرة أيام ويستقبل الزوار يوميا.\n"
    "جميع الحقوق محفوظة © 2024 الموقع\n"
    "Exit mobile version"
)


def test_debris_lines_are_typed_and_kept_as_spans():
    spans = DebrisCleaner().spans(ARTICLE)
    kinds = {ARTICLE[s.start:s.end]: s.label for s in spans}
    assert kinds["Ru En"] == "language_switcher"
    assert kinds["\u00a0"] == "layout"
    assert kinds["شارك"] == "share_widget"
    assert kinds["فيسبوك تويتر واتساب"] == "share_widget"
    assert kinds["اقرأ أيضا:"] == "related_links"
    assert kinds["وزير الثقافة يلتقي الناشرين"] == "related_links"
    assert kinds["جميع الحقوق محفوظة © 2024 الموقع"] == "copyright"
    assert kinds["Exit mobile version"] == "site_chrome"
    body = clean_text(ARTICLE, spans)
    assert "افتتح وزير الثقافة" in body and "ويستقبل الزوار يوميا" in body
    assert "فيسبوك" not in body and "Exit" not in body


def test_content_lines_are_not_debris():
    for line in ("قال الوزير إن المشاركة في المعرض كبيرة.", "الرياض", "وزارة الخارجية"):
        assert DebrisCleaner.kind_of(line) is None


def test_clean_text_cuts_only_removed_layers():
    text = "أ ب ج\nد ه و"
    spans = [Span("debris", 0, 5, "x"), Span("timex", 6, 7, "DATE")]
    assert clean_text(text, spans) == "د ه و"


def test_breadcrumbs_are_site_chrome():
    assert DebrisCleaner.kind_of("الرئيسية | أخبار | محليات") == "breadcrumb"
    assert DebrisCleaner.kind_of("الرئيسية › محليات") == "breadcrumb"
    assert DebrisCleaner.kind_of("قال الوزير إن الاقتصاد ينمو بنسبة 3% هذا العام.") is None


def test_a_source_link_trailer_at_the_end_is_debris():
    text = ("أعلنت إدارة التعليم في المحافظة انتهاء استعداداتها لاستقبال المرشحين، وتجرى المقابلات خلال "
            "ثلاثة أيام في مقر الإدارة. /* */ رابط الخبر بصحيفة الوادي: تعليم المحافظة يستعد للمقابلات ")
    spans = DebrisCleaner().spans(text)
    assert [(s.label, text[s.start:s.end].split(":")[0]) for s in spans] == [
        ("source_link", "/* */ رابط الخبر بصحيفة الوادي")]
    assert clean_text(text, spans).endswith("في مقر الإدارة.")
    # the words inside the story are content; so is a trailer that is not at the end
    quoted = "وقال المصدر: إن الخبر صحيح. رابط الخبر بصحيفة الوادي: عنوان آخر\nوأضاف أن التحقيق مستمر في القضية."
    assert DebrisCleaner().spans(quoted) == []
    # a text that is nothing but the trailer keeps it: there is no other text to keep
    bare = "رابط الخبر بصحيفة الوادي: تعليم المحافظة يستعد للمقابلات"
    assert DebrisCleaner().spans(bare) == []


# a tag list at the very end of the text (debris.v4)
_BODY = ("أعلنت جامعة الشمال قبول ألفي طالب وطالبة في كلياتها للعام المقبل، وقالت إن نتائج القبول "
         "تنشر على موقعها خلال أسبوع.")


def _tags_of(text: str) -> list[str]:
    return [text[s.start:s.end] for s in DebrisCleaner().spans(text) if s.label == "tags"]


def test_a_trailing_samat_tag_run_on_the_last_line_is_debris():
    text = "الرياض\n" + _BODY + " سمات جامعة الشمال القبول الطلاب \u00a0"
    assert _tags_of(text) == ["سمات جامعة الشمال القبول الطلاب"]
    assert clean_text(text, DebrisCleaner().spans(text)).endswith("خلال أسبوع.")


def test_a_samat_run_after_a_no_break_space_or_an_unpunctuated_last_line_is_debris():
    assert _tags_of(_BODY + "\u00a0 سمات القبول جامعة") == ["سمات القبول جامعة"]
    text = "قال مدير الجامعة إن القبول يبدأ الأحد المقبل في كل الكليات سمات القبول جامعة الشمال"
    assert _tags_of(text) == ["سمات القبول جامعة الشمال"]


def test_labelled_tag_lists_and_a_label_line_over_tag_lines_are_debris():
    assert _tags_of(_BODY + "\nالكلمات الدالة: جامعة الشمال، القبول، الطلاب") == [
        "الكلمات الدالة: جامعة الشمال، القبول، الطلاب"]
    assert _tags_of(_BODY + " Tags: university admission") == ["Tags: university admission"]
    text = _BODY + "\nكلمات مفتاحية\nجامعة الشمال\nالقبول\nالطلاب\n"
    assert _tags_of(text) == ["كلمات مفتاحية\nجامعة الشمال\nالقبول\nالطلاب"]


def test_a_sentence_that_holds_the_word_samat_stays():
    for end in (" ومن سمات المرحلة المقبلة التوسع في القبول.",
                " وقال المدير إن من سمات المرحلة المقبلة التوسع في القبول",
                "\nسمات المرحلة المقبلة واضحة للجميع.",
                " وكان هناك 3 سمات للقبول؛ وهي: المعدل والمقابلة والاختبار",
                "\nوقال: وسوم المشاركة تنتشر في كل مكان."):
        assert _tags_of(_BODY + end) == [], end


def test_a_tag_run_must_leave_an_article_before_it_and_stay_short():
    assert _tags_of("خبر قصير. سمات القبول") == []
    long_run = " ".join(["كلمة"] * 30)
    assert _tags_of(_BODY + " سمات " + long_run) == []


def test_the_debris_stage_leaves_the_tags_out_of_the_clean_text():
    art = build(["language.v1", "debris.v6", "dateline.v8"]).run(
        RawRecord(text=_BODY + " سمات جامعة الشمال القبول", title="جامعة الشمال تقبل ألفي طالب"))
    assert [s.label for s in art.layer("debris")] == ["tags"]
    assert art.clean_text.endswith("خلال أسبوع.") and "سمات" not in art.clean_text


def test_one_label_list_serves_the_tag_line_inside_a_text_and_the_tail():
    # a labelled tag line between two paragraphs (a page that prints its keywords under the lead)
    for label in ("الكلمات الدالة", "كلمات البحث", "وسوم", "Keywords"):
        text = _BODY + f"\n{label}: جامعة الشمال، القبول\nوأضاف المدير أن التسجيل يبدأ الأحد المقبل في كل الكليات."
        assert _tags_of(text) == [f"{label}: جامعة الشمال، القبول"], label
    # and «مواضيع:» closing the text, which the one-line rule knew and the tail rule did not
    assert _tags_of(_BODY + " مواضيع: جامعة الشمال القبول") == ["مواضيع: جامعة الشمال القبول"]
