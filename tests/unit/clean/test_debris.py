from marsad.clean.debris import DebrisCleaner, clean_text
from marsad.model import Span

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
