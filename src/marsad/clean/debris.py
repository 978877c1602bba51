"""Site debris in already-flattened text: found, typed and kept as spans, never deleted.

A scraper flattens a page into lines; some of those lines are the site, not the article:
language switchers (``Ru En``), ``Exit mobile version``, share/print/follow widgets, «اقرأ
أيضا» link lists, copyright and subscription lines, blank lines made of no-break spaces.
:class:`DebrisCleaner` marks each such line as a ``debris`` span with its kind; the clean text
is the original with those spans (and the dateline, byline and credit spans) cut out. A site's
tag list at the very end («… سمات تبوك جامعة تبوك») is a ``tags`` span (:mod:`marsad.clean.tagtail`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from marsad.clean.tagtail import SITE_LABELS, tag_tail_span
from marsad.model import Span

#: span layers that are not part of the article body
REMOVED_LAYERS = frozenset({"debris", "dateline", "byline", "credit", "title"})

_LANG_CODES = (
    r"ru|en|ar|fr|de|es|tr|fa|ur|it|zh|pt|عربي|العربية|english|français|francais|русский|"
    r"türkçe|فارسی|español|deutsch|english version|النسخة العربية"
)
_LANG_SWITCH = regex.compile(rf"^\s*(?:(?:{_LANG_CODES})\s*[|/·•]?\s*){{1,8}}$", regex.I)

_SITE_CHROME = regex.compile(
    r"^\s*(?:exit mobile version|skip to (?:main )?content|toggle navigation|main menu|menu|"
    r"search|close|back to top|loading\.*|advertisement|sponsored|read more|"
    r"الصفحة الرئيسية|الرئيسية|القائمة|بحث|إغلاق|اغلاق|إعلان|اعلان|تخطى إلى المحتوى|"
    r"العودة إلى الأعلى|للأعلى|عاجل|المزيد|اقرأ المزيد|تابع القراءة|شاهد أيضا|شاهد أيضاً|"
    r"التعليقات|أضف تعليق|اضف تعليق|اترك تعليقا|اترك تعليقاً|لا توجد تعليقات|"
    r"\d+\s*(?:تعليق|تعليقات|مشاهدة|مشاهدات|views?|comments?))\s*[:.]?\s*$",
    regex.I,
)

#: a photo slider's buttons flattened before the article: «Next Previous» opening the text, on
#: its own line or before the dateline; «السابق التالي» on a line of its own
_SLIDER = regex.compile(
    r"^[\s\u00a0]*(?P<nav>(?:next|previous|prev)[\s\u00a0]+(?:next|previous|prev)(?=[\s\u00a0]|$)"
    r"|(?:السابق|التالي)[ \t\u00a0]+(?:السابق|التالي)(?=[ \t\u00a0]*(?:\n|$)))",
    regex.I,
)

_SHARE_WORDS = (
    r"شارك|شاركها|مشاركة|المشاركة|شارك الخبر|شارك المقال|انشر|طباعة|اطبع|إرسال|ارسال|أرسل|"
    r"البريد الإلكتروني|البريد الالكتروني|نسخ الرابط|الرابط المختصر|رابط مختصر|حفظ|"
    r"فيسبوك|فيس بوك|تويتر|إكس|واتساب|واتس اب|تلغرام|تيليجرام|لينكد إن|لينكدان|يوتيوب|"
    r"إنستغرام|انستغرام|انستجرام|تيك توك|"
    r"facebook|twitter|whatsapp|telegram|linkedin|youtube|instagram|tiktok|pinterest|"
    r"reddit|email|e-mail|print|share|tweet|copy link|messenger|x"
)
_SHARE = regex.compile(
    rf"^\s*(?:(?:{_SHARE_WORDS})(?:\s+(?:على|عبر|via|on))?\s*[|/·•:,،\-]*\s*){{1,12}}$", regex.I
)
_FOLLOW = regex.compile(
    r"^\s*(?:تابعونا|تابعنا|تابعوا|follow us|اشترك|اشتركوا|للاشتراك|اشترك في|سجل الآن|"
    r"subscribe|sign up|newsletter|النشرة البريدية|نشرتنا|حمل تطبيق|حمّل تطبيق|download our app)"
    r"[^\n]{0,120}$",
    regex.I,
)
_COPYRIGHT = regex.compile(
    r"^[^\n]{0,80}(?:©|\(c\)|جميع الحقوق محفوظة|كل الحقوق محفوظة|حقوق النشر|حقوق الطبع|"
    r"all rights reserved|copyright)[^\n]{0,120}$",
    regex.I,
)
_TAGS = regex.compile(rf"^\s*(?:{SITE_LABELS})\s*[:：][^\n]*$", regex.I)
_READ_ALSO = regex.compile(
    r"^\s*[«\"']?\s*(?:اقرأ|إقرأ|اقرا|إقرا)\s+(?:أيضا|أيضاً|ايضا|ايضاً|كذلك|المزيد)\s*[»\"']?\s*[:：]?"
    r"|^\s*(?:مواضيع|أخبار|اخبار|مقالات|روابط)\s+(?:ذات صلة|متعلقة|مشابهة)\s*[:：]?|"
    r"^\s*(?:related|read also|see also)\s*[:：]?",
    regex.I,
)
#: a scraper's trailer naming where the item was published, at the very end of the text and
#: often on its last line (… للمقابلة. /* */ رابط الخبر بصحيفة الوئام: <the title>), with the
#: empty script comment some pages leave before it
_SOURCE_LINK = regex.compile(
    r"(?:/\*\s*\*/\s*)?(?:رابط|الرابط|المصدر|مصدر) (?:الخبر|المقال|المقالة|المادة|الموضوع)"
    r"\s*(?:ب|في|على|من)?\s*(?:صحيفة|صحيفه|موقع|جريدة|جريده)?[^\n:：]{0,40}[:：][^\n]{0,300}\s*\Z"
)
_SENTENCE_END = regex.compile(r"[.!?؟。…:\"”»]\s*$")
# breadcrumbs and menus: short segments joined by | › » > / ·  (الرئيسية › محليات)
_BREADCRUMB = regex.compile(r"^\s*(?:[^|›»>/·•\n]{1,30}\s*[|›»>/·•]\s*){1,10}[^|›»>/·•\n]{0,30}$")
_HOME = regex.compile(r"^\s*(?:الرئيسية|الصفحة الرئيسية|home)\s*[|›»>/·•]", regex.I)


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every line of ``text``, without the newline."""
    pos = 0
    n = len(text)
    while pos <= n:
        j = text.find("\n", pos)
        if j < 0:
            yield pos, n
            return
        yield pos, j
        pos = j + 1


def _is_layout_blank(line: str) -> bool:
    # a blank line carrying invisible layout characters (U+00A0 no-break space, U+200B …)
    return bool(line) and not line.strip() and any(c not in " \t\r" for c in line)


class DebrisCleaner:
    """Marks debris lines of flattened text. Pure and stateless; one instance serves any text."""

    def spans(self, text: str, *, boilerplate: Iterable[str] = ()) -> list[Span]:
        """Debris spans of ``text``; ``boilerplate`` are lines learned for this source."""
        learned = frozenset(boilerplate)
        out: list[Span] = []
        m = _SLIDER.match(text)
        if m is not None and len(set(m.group("nav").lower().split())) == 2:  # two buttons, not «next next»
            out.append(Span("debris", m.start("nav"), m.end("nav"), "site_chrome"))
        lines = list(iter_lines(text))
        i = 0
        while i < len(lines):
            s, e = lines[i]
            line = text[s:e]
            kind = self.kind_of(line)
            if kind is None and learned and line.strip() in learned:
                kind = "boilerplate"
            if kind == "related_links":
                out.append(Span("debris", s, e, kind))
                # the link list that follows: short, unpunctuated lines (blank lines between)
                j = i + 1
                taken = 0
                while j < len(lines) and taken < 8:
                    ls, le = lines[j]
                    item = text[ls:le].strip()
                    if not item:
                        if taken:
                            break  # the list ends at the first blank line after an item
                        j += 1
                        continue
                    if len(item) > 110 or _SENTENCE_END.search(item) or self.kind_of(text[ls:le]):
                        break
                    out.append(Span("debris", ls, le, "related_links"))
                    taken += 1
                    j += 1
                i = j
                continue
            if kind is not None:
                out.append(Span("debris", s, e, kind))
            i += 1
        tail = max(0, len(text) - 420)
        m = _SOURCE_LINK.search(text, tail)
        if m is not None and len(text[: m.start()].strip()) >= 40 \
                and not any(sp.start <= m.start() < sp.end for sp in out):  # (a text that is all trailer stays)
            out.append(Span("debris", m.start(), m.end(), "source_link"))
        tags = tag_tail_span(text, removed=out)
        if tags is not None:
            trailer = [sp.start for sp in out if sp.label == "source_link" and sp.start > tags.start]
            end = min([tags.end, *trailer])  # the tags end where a source-link trailer begins
            if text[tags.start:end].strip():
                out.append(Span("debris", tags.start, len(text[:end].rstrip()), "tags"))
        return out

    @staticmethod
    def kind_of(line: str) -> str | None:
        """The debris kind of one line, or ``None`` when it is content."""
        if _is_layout_blank(line):
            return "layout"
        stripped = line.strip()
        if not stripped or len(stripped) > 250:
            return None
        if _LANG_SWITCH.match(stripped):
            return "language_switcher"
        if _SITE_CHROME.match(stripped):
            return "site_chrome"
        if _HOME.match(stripped) or (
            _BREADCRUMB.match(stripped) and len(regex.findall(r"[|›»>·•]", stripped)) >= 2
        ):
            return "breadcrumb"
        if len(stripped) < 120 and _SHARE.match(stripped):
            return "share_widget"
        if _COPYRIGHT.match(stripped):
            return "copyright"
        if _FOLLOW.match(stripped) and len(stripped) < 140:
            return "subscription"
        if _TAGS.match(stripped):
            return "tags"
        if _READ_ALSO.match(stripped) and len(stripped) < 60:
            return "related_links"
        return None


def clean_text(text: str, spans: Iterable[Span]) -> str:
    """The original text without the spans of :data:`REMOVED_LAYERS`, blank runs collapsed."""
    cut = sorted((s.start, s.end) for s in spans if s.layer in REMOVED_LAYERS)
    parts: list[str] = []
    pos = 0
    for s, e in cut:
        if s > pos:
            parts.append(text[pos:s])
        pos = max(pos, e)
    parts.append(text[pos:])
    joined = "".join(parts)
    paras = [p.strip() for p in regex.split(r"\n\s*\n|\n", joined)]
    return "\n\n".join(p for p in paras if p)


def mask(text: str, spans: Iterable[Span]) -> str:
    """``text`` with removed spans blanked by spaces (newlines kept): same length, same offsets.

    Stages that must not see debris run on the mask and report offsets of the original.
    """
    chars = None
    for s in spans:
        if s.layer in REMOVED_LAYERS and s.layer != "title":
            if chars is None:
                chars = list(text)
            for k in range(s.start, s.end):
                if chars[k] != "\n":
                    chars[k] = " "
    return text if chars is None else "".join(chars)
