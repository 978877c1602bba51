"""The article renderer: well-formed nesting for any spans, text preserved, everything escaped."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import Span
from marsad.web.render import render_snippet, render_text, safe_url

LAYERS = ["debris", "dateline", "mention", "timex", "event", "credit"]


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ok = True
        self.max_links = 0

    def handle_starttag(self, tag, attrs):
        if tag not in ("span", "a"):
            self.ok = False
        self.stack.append(tag)
        self.max_links = max(self.max_links, self.stack.count("a"))

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def _check(html: str) -> _Checker:
    c = _Checker()
    c.feed(html)
    c.close()
    return c


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("روسيا إيران<>&\"'\n")), min_size=1, max_size=60),
       st.lists(st.tuples(st.sampled_from(LAYERS), st.integers(0, 60), st.integers(1, 20),
                          st.text(alphabet='<>"&x', max_size=4)), max_size=12))
def test_any_spans_render_balanced_and_keep_the_text(text, raw):
    spans = [Span(layer, s, min(len(text), s + n), "PER" if layer == "mention" else "X", value)
             for layer, s, n, value in raw if s < len(text)]
    html = str(render_text(text, spans))
    c = _check(html)
    assert c.ok and not c.stack, html
    assert c.max_links <= 1  # never an <a> inside an <a>
    assert "".join(c.text) == text
    # every "<" opens or closes one of the renderer's own tags; text "<" is always escaped
    assert all(html.startswith(("<span ", "<a ", "</span>", "</a>"), i) for i in range(len(html)) if html[i] == "<")
    assert unescape(re.sub(r"<[^>]*>", "", html)) == text


def test_crossing_spans_reopen_instead_of_misnesting():
    text = "ألف باء جيم دال"
    spans = [Span("event", 0, 7, "CONSULT"), Span("mention", 4, 11, "PER", "k1"), Span("timex", 8, 15, "DATE", "2021")]
    html = str(render_text(text, spans))
    c = _check(html)
    assert c.ok and "".join(c.text) == text
    assert html.count('data-entity="k1"') == 2  # the mention is split where the event ends


def test_snippet_marks_and_escapes():
    out = str(render_snippet("<b>روسيا</b> وإيران", [(3, 8)]))
    assert out == "&lt;b&gt;<mark>روسيا</mark>&lt;/b&gt; وإيران"


def test_only_http_urls_are_links():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>",
                "vbscript:x", "//evil.example", "http://", "file:///etc/passwd"):
        assert safe_url(bad) is None, bad


def test_events_get_one_anchor_even_when_split():
    text = "قال الرئيس إن الاجتماع عقد أمس"
    spans = [Span("event", 0, 20, "CONSULT", "", {"mode": "meet"}), Span("mention", 4, 10, "PER", "per:x"),
             Span("debris", 15, 30, "share_widget")]  # removed debris is outermost: the event splits
    html = str(render_text(text, spans))
    assert html.count('id="event-0-20"') == 1 and html.count('data-type="CONSULT"') >= 2


def test_counted_nouns_agree_with_their_number_in_arabic():
    """The pages read "1 مقالات" and "579 إشارات": the Arabic plural is for 3 to 10 only."""
    from marsad.web.i18n import counted

    ar = [counted(n, "articles", "ar", "western") for n in (1, 2, 3, 10, 11, 99, 100, 102, 103, 111)]
    assert ar == ["مقال واحد", "مقالان", "3 مقالات", "10 مقالات", "11 مقالا", "99 مقالا", "100 مقال",
                  "102 مقال", "103 مقالات", "111 مقالا"]
    assert counted(579, "mentions", "ar", "eastern") == "٥٧٩ إشارة"
    assert counted(2, "mentions", "ar", "western") == "إشارتان"
    assert [counted(n, "articles", "en", "western") for n in (1, 2, 1200)] == ["1 article", "2 articles", "1,200 articles"]


def test_a_count_shown_apart_takes_the_noun_form_of_its_number():
    """The search page read "5 نتيجة" (the singular after 3 to 10) and "2 نسخ"."""
    from marsad.web.i18n import counted, noun_for

    assert [noun_for(n, "results", "ar") for n in (1, 2, 5, 30, 250)] == ["نتيجة", "نتيجتان", "نتائج", "نتيجة", "نتيجة"]
    assert [counted(n, "copies", "ar", "western") for n in (2, 4, 12)] == ["نسختان", "4 نسخ", "12 نسخة"]
    assert noun_for(1, "results", "en") == "result" and noun_for(7, "results", "en") == "results"
