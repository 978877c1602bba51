"""Datelines, bylines, trailing source credits and the title line of flattened text.

* dateline: ``موسكو- سبوتنيك.``, ``الرياض - واس``, ``بيروت (رويترز) -``,
  ``دبي، الإمارات العربية المتحدة (CNN) --``, ``الرياض/ واس`` at the start of one of the first
  paragraphs; the place and the agency become fields, the span stays an annotation;
* byline: ``كتب: …``, ``بقلم …``, ``إعداد: …`` on a line of its own or opening the body;
* credit: a short last line naming an outlet or agency (``العربية نت``, ``المصدر: وكالات``);
* title: the first short content line of a text without a title of its own; a wire desk's
  tag before a title (``عام / …``) is taken off;
* the input's author field, often a dateline (``واس - جدة``, ``لندن: فلان``, ``عكاظ (جدة)``):
  its place, agency and person (:func:`read_author`).
"""

from __future__ import annotations

import gzip
import html
from dataclasses import dataclass
from functools import lru_cache

import regex

from marsad.clean.debris import iter_lines
from marsad.enrich.entities.org_words import ORG_HEADS
from marsad.model import Span
from marsad.text.normalize import normalize

#: wire agencies and broadcasters that sign copy, as written in Arabic news; the events coder's
#: list of who carries the news starts from these (:data:`marsad.enrich.events.lexicon.MEDIA`)
WIRE_AGENCIES = (
    "سبوتنيك", "واس", "وام", "قنا", "كونا", "بنا", "سانا", "أ ف ب", "ا ف ب", "فرانس برس", "فرانس بريس",
    "رويترز", "الأناضول", "د ب أ", "شينخوا", "إرنا", "ارنا", "وفا", "بترا", "تاس", "نوفوستي", "ريا نوفوستي",
    "أسوشيتد برس", "الأسوشيتد برس", "يونهاب", "كيودو", "CNN", "AFP", "Reuters", "AP", "BBC", "موزاييك",
    "جوهرة اف ام",
)
#: wire agencies as papers sign their copy besides :data:`WIRE_AGENCIES`: abbreviations written
#: with dots or in Latin letters, agencies whose names are also a person's or a word (فارس،
#: تسنيم، معا), and وكالات، الوكالات، الفرنسية (the French agency) as Saudi papers write them. The
#: events coder counts them as wires, not an outlet's house line (:data:`marsad.enrich.events.lexicon.WIRES`)
WIRE_SIGNS = (
    "أ ش أ", "أ.ش.أ", "أ.ف.ب", "د.ب.أ", "يو بي آي", "فارس", "تسنيم", "معا", "العمانية", "أ ب", "DPA", "SPA",
    "WAM", "QNA", "KUNA", "وكالات", "وات", "ومع", "واج", "الوكالات", "الفرنسية", "الألمانية",
)
#: other spellings of the agencies above (أسوشييتد برس، إ ب أ for EPA), read as theirs by the dateline
#: reader; the events coder's lists do not hold them
#: agencies and outlets that sign wire copy (as written in Arabic news); folded forms match too:
#: :data:`WIRE_AGENCIES`, :data:`WIRE_SIGNS`, and papers, channels and sites, some of them places
#: too (الرياض، المدينة), which the events coder does not count as media, two sports papers among them
AGENCIES = WIRE_AGENCIES + WIRE_SIGNS + (
    "الجزيرة", "العربية", "العربية نت", "العربية.نت", "سكاي نيوز عربية",
    "الشرق الأوسط", "اليوم السابع", "المصري اليوم", "الأهرام", "مصراوي", "النشرة", "الحياة", "عكاظ", "سبق",
    "المدينة", "الرياض", "الوطن", "اليوم", "الشرق", "الخليج", "البيان", "الاتحاد", "رؤيا", "هسبريس", "الشروق",
    "الأنباء", "عين اليوم", "الوئام", "الاقتصادية", "الجزيرة نت", "روسيا اليوم", "الحرة", "الرياضي", "الرياضية",
) + ("أسوشييتد برس", "الأسوشييتد برس", "إ ب أ")


def _agency_key(name: str) -> str:
    """``name`` folded (:func:`normalize`, lower case) without its spaces and dots: an abbreviation
    is one key however it is spaced or dotted (أ ف ب، أ.ف.ب، أ. ف. ب، ا ف ب)."""
    return regex.sub(r"[\s.]+", "", normalize(name).lower())


_AGENCY_KEYS = frozenset(_agency_key(a) for a in AGENCIES)
_ALEF = "[أاإآ]"


def _agency_pattern(name: str) -> str:
    """The pattern of ``name`` in a dateline: an abbreviation of single letters (أ ف ب، د.ب.أ) with
    or without dots and spaces between its letters (د. ب. أ، ا ش ا، دب أ) and any alef for an alef;
    any other name as written."""
    letters = regex.split(r"[\s.]+", name.strip(". "))
    if len(letters) >= 2 and all(len(w) == 1 and regex.match(r"\p{Arabic}", w) for w in letters):
        return r"(?:[ \t]*\.[ \t]*|[ \t]+)".join(_ALEF if w in "أاإآ" else regex.escape(w) for w in letters)
    return regex.escape(name)


_AGENCY_ALT = "|".join(dict.fromkeys(_agency_pattern(a) for a in sorted(AGENCIES, key=len, reverse=True)))

_PLACE = r"[\p{Arabic}][\p{Arabic}\s]{1,40}?"
_SEP = r"\s*[-–—/:\u0640]+\s*"  # U+0640 (tatweel) serves as a dash in some newsrooms
#: a date in a dateline: day, month name, year, with the Hijri date and its Gregorian
#: equivalent (الموافق) as the Saudi Press Agency writes them (25 شوال 1436 هـ الموافق 10 أغسطس 2015 م)
_DAY_MONTH_YEAR = r"[0-9٠-٩]{1,2}\s*[/ ]?\s*\p{Arabic}+\s*[/ ]?\s*[0-9٠-٩]{4}\s*(?:هـ|ه|م)?"
_DATE = rf"(?:في\s+)?{_DAY_MONTH_YEAR}(?:\s*[،,]?\s*(?:الموافق|الموافق\s+ل|وفق)\s*{_DAY_MONTH_YEAR})?"

#: دبي، الإمارات العربية المتحدة (CNN) --   |   بيروت (رويترز) -
_PLACE_BRACKETED_AGENCY = regex.compile(
    rf"\s*(?P<place>{_PLACE}(?:\s*[،,\-–—]\s*{_PLACE})?)\s*\((?P<agency>[^()\n]{{2,30}})\)\s*(?:[-–—:\u0640]+|\.)\s*"
)
#: موسكو- سبوتنيك.   |   الرياض - واس   |   الرياض/ واس   |   بيروت ـ (رويترز)   |   الرياض :الألمانية
#: (the agency in brackets after a dash, not after a tatweel that stretches a word: أوضح لـ(عكاظ))
_PLACE_DASH_AGENCY = regex.compile(
    rf"\s*(?P<place>{_PLACE}){_SEP}(?:(?<!\p{{Arabic}}\u0640+)\()?(?P<agency>(?:{_AGENCY_ALT})(?:[ \t]+\p{{Arabic}}+(?=[ \t]*$))?)(?![\p{{Arabic}}])\)?"
    r"\s*[.:\-–—]*\s*"
)
#: سبق- القنفذة:   |   واس – جدة:   |   عبدالله البرقاوي- سبق- الرياض:  (an outlet or agency, then its
#: reporter's city, closed by a colon; a reporter's name may open it). Taken only when the
#: place is a known one (:func:`_is_place`), else the forms after it are tried
_WORD = r"[\p{Arabic}\u064B-\u065F\u0670]+"  # with its tashkeel (script Inherited, not Arabic)
_AGENCY_DASH_PLACE = regex.compile(
    rf"\s*(?:(?P<author>{_WORD}(?:(?:[ \t]+|\s*[،,\-–—]\s*){_WORD}){{0,7}}){_SEP})?(?P<agency>{_AGENCY_ALT})"
    rf"\s*[-–—/\u0640]+\s*(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,2}})(?:\s*:\s*|[ \t\u00a0]*$)"
)
#: غالب السهلي – بريدة  |  حامد القرشي- مكة المكرمة  |  أحمد البراهيم- جازان:  (a reporter and the city
#: filed from, a line of their own or closed by a colon). Taken only when the place is a known one
#: and the name holds none
_AUTHOR_DASH_PLACE = regex.compile(
    rf"\s*(?P<author>{_WORD}(?:[ \t]+{_WORD}){{1,3}})\s*[-–—\u0640]+\s*(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
    rf"(?:\s*:\s*|[ \t\u00a0]*$)"
)
#: مكة المكرمة – حامد القرشي  |  جدة ـ نجيب الجداوي:  (the city filed from and the reporter, a line
#: of their own or closed by a colon). Taken only when the place is a known one and the name is a
#: person's (:func:`_is_name`), no agency
_PLACE_DASH_AUTHOR = regex.compile(
    rf"\s*(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,2}})\s*[-–—\u0640]+\s*(?P<author>{_WORD}(?:[ \t]+{_WORD}){{1,3}})"
    rf"(?:\s*:\s*|[ \t\u00a0]*$)"
)
#: (أ ف ب) -  agency alone
_BRACKETED_AGENCY = regex.compile(rf"\s*\((?P<agency>{_AGENCY_ALT})\)\s*[-–—:]+\s*")
#: الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس   |   القاهرة في 5 مايو 2020 (أ ش أ) -
_PLACE_DATE_AGENCY = regex.compile(
    rf"\s*(?P<place>[\p{{Arabic}}][\p{{Arabic}}\u0640\s]{{1,40}}?)\s+{_DATE}\s*(?:\((?P<agency>[^()\n]{{2,30}})\)\s*(?:[-–—:\u0640]+|\.)?"
    rf"|(?:[-–—/:\u0640]+\s*)?(?P<agency>{_AGENCY_ALT})(?![\p{{Arabic}}]))\s*[.:\-–—]*\s*"
)
#: the dateline forms, tried in this order
_DATELINE_RES = (_PLACE_BRACKETED_AGENCY, _AGENCY_DASH_PLACE, _PLACE_DASH_AGENCY, _BRACKETED_AGENCY,
                 _PLACE_DATE_AGENCY, _AUTHOR_DASH_PLACE, _PLACE_DASH_AUTHOR)
#: the forms with the agency in brackets alone, which a line deep in a text may open with
_BRACKETED_RES = (_PLACE_BRACKETED_AGENCY, _BRACKETED_AGENCY)

#: a paragraph opening on a reporting verb (وقال نائب رئيس مجلس (الاتحاد): …, وتابع المدرب (68 عاما): …)
#: is a quote, never a dateline, whatever stands in its brackets
_SPEECH = regex.compile(
    r"\s*و?(?:قال|أضاف|اضاف|تابع|أكد|اكد|أوضح|اوضح|أشار|اشار|ذكر|صرح|أعلن|اعلن|اعتبر|رأى|راى|شدد|لفت|"
    r"كشف|أفاد|افاد|أردف|اردف|استطرد|ختم|زاد|أكمل|اكمل|واصل|نقل|قالت|أضافت|تابعت|أكدت|أوضحت|أشارت|ذكرت|"
    r"صرحت|أعلنت|اعتبرت|رأت|شددت|لفتت|كشفت|أفادت)(?![\p{Arabic}])"
)


def _dateline_match(text: str, start: int, end: int, *, bracketed: bool = False) -> regex.Match[str] | None:
    """The dateline ``text[start:end]`` opens with, of the first form that matches with a place of
    five words or fewer; ``None`` for a line opening on a reporting verb (a quote whose brackets
    only look like a dateline's) or with no dateline. ``bracketed`` tries only the forms with the
    agency in brackets (:data:`_BRACKETED_RES`)."""
    if _SPEECH.match(text, start, end):
        return None
    for rx in _BRACKETED_RES if bracketed else _DATELINE_RES:
        m = rx.match(text, start, end)
        if m is None or len((m.groupdict().get("place") or "").split()) > 5:
            continue
        if rx is _AGENCY_DASH_PLACE and not _is_place(m.group("place")):
            continue  # الرياض - واس: a place first, read by the next form
        if rx is _AUTHOR_DASH_PLACE and (not _is_place(m.group("place")) or _names_place(m.group("author"))):
            continue
        if rx is _PLACE_DASH_AUTHOR and not (_is_place(m.group("place")) and _is_name(m.group("author"))
                                             and not _is_agency(m.group("author"))):
            continue
        return m
    return None


def _whole_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a dateline and nothing more (الرياض - واس)."""
    m = _dateline_match(text, start, end)
    return m is not None and not text[m.end():end].strip()


def opens_with_dateline(text: str, start: int, end: int, *, bracketed: bool = False) -> bool:
    """Whether ``text[start:end]`` opens with a dateline (``بيروت (رويترز) -``, ``الرياض - واس``)
    and not with a quote whose brackets only look like one. ``bracketed`` asks for the forms
    with the agency in brackets alone (``… (CNN)--``, ``(أ ف ب) -``): deep in a text, ``PLACE -
    AGENCY`` is too easily a phrase with a dash or a tatweel in it (من جانبه أكد لـعين اليوم)."""
    return _dateline_match(text, start, end, bracketed=bracketed) is not None


#: the words that open a byline (كتب: …, بقلم …, متابعة - …)
_BYLINE_LABELS = r"كتب|كتبت|بقلم|إعداد|اعداد|تقرير|متابعة|متابعات|تحرير|حوار|ترجمة|by"
_BYLINE = regex.compile(
    rf"\s*(?P<label>{_BYLINE_LABELS})\s*[:：\-–]?\s*"
    r"(?P<name>[\p{Arabic}\p{Latin}.\s]{3,50}?)\s*(?:$|[-–—]\s*|\n)",
    regex.I,
)

_CREDIT = regex.compile(
    rf"^\s*[(\[]?\s*(?:(?:المصدر|المصادر|مصدر|source)\s*[:：]\s*)?(?P<outlet>{_AGENCY_ALT}"
    r"|[\p{Arabic}\p{Latin}]{2,20}(?:\s*[.]?\s*(?:نت|net|com|كوم))|وكالات|مواقع)\s*[)\]]?\s*[.]?\s*$",
    regex.I,
)
_SOURCE_LINE = regex.compile(
    r"^\s*[*(\[]?\s*(?:(?:المصدر|المصادر|source)\s*[:：]|(?:نقلا|نقلاً|نقلًا)\s+عن)\s*"
    r"(?P<outlet>[^\n]{2,40}?)\s*[)\]]?\s*$",
    regex.I,
)
_TERMINAL = regex.compile(r"[.!?؟:؛،,]\s*$")


#: a wire desk's tag opening a title: the Saudi Press Agency files every item under one
#: (عام / …, اقتصادي / …, سياسي / …)
_DESK_TAG = regex.compile(r"^\s*(?:عام|سياسي|اقتصادي|رياضي|ثقافي|اجتماعي|محلي|دولي|تقرير)\s*/\s*(?=\S)")


def title_without_desk_tag(title: str) -> str:
    """``title`` without a wire desk's tag before it (``عام / الأمير يفتتح المعرض`` → ``الأمير
    يفتتح المعرض``); a title that is nothing else stays as it is."""
    m = _DESK_TAG.match(title)
    return title[m.end():] if m else title


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str
    start: int
    end: int


def _content_lines(text: str, removed: list[Span]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The bounds of the non-blank lines of ``text`` that no ``removed`` span covers, and of those
    that none but the source's learned boilerplate covers (a line learned as boilerplate may be
    the dateline a wire repeats on every item of a day). One pass over the lines for both."""
    cut = [(s.start, s.end, s.label == "boilerplate") for s in removed]
    content: list[tuple[int, int]] = []
    readable: list[tuple[int, int]] = []
    for s, e in iter_lines(text):
        # a line that a removed span opens (a slider's «Next Previous» before the dateline)
        # begins where the span ends
        s = max([s, *(re_ for rs, re_, boilerplate in cut
                      if not boilerplate and rs < e and s < re_ < e and not text[s:rs].strip())])
        if not text[s:e].strip():
            continue
        covers = {boilerplate for rs, re_, boilerplate in cut if rs <= s and e <= re_}
        if False in covers:  # removed as something other than boilerplate
            continue
        readable.append((s, e))
        if not covers:
            content.append((s, e))
    return content, readable


class DatelineSplitter:
    """Finds the dateline, byline, credit and title of a flattened article. Pure, stateless."""

    def spans(self, text: str, *, removed: list[Span], has_title: bool) -> list[Span]:
        lines, readable = _content_lines(text, removed)
        out: list[Span] = []
        if not lines:
            return out
        first = 0
        if not has_title and len(lines) > 1:
            s, e = lines[0]
            line = text[s:e].strip()
            # a dateline alone on the first line (الرياض - واس) is the dateline, not a title (read
            # only for a line that may be a title: the dateline forms are the costly test)
            if 3 <= len(line) <= 200 and not regex.search(r"[.!?؟]\s*$", line) and not _whole_dateline(text, s, e):
                ls = s + (len(text[s:e]) - len(text[s:e].lstrip()))
                out.append(Span("title", ls, ls + len(line), "title"))
                first = 1
        # byline: its own line among the first ones, or opening the body
        for s, e in lines[first : first + 3]:
            m = _BYLINE.match(text, s, e)
            if m and (e - s) < 80:
                out.append(Span("byline", m.start(), m.end(), "byline", m.group("name").strip()))
                break
        # dateline: the start of one of the first content lines. A line learned as the source's
        # boilerplate may be its dateline (a wire's «الرياض 25 شوال 1436 هـ … واس», the same on
        # every item of a day): it is read as one all the same
        after_title = out[0].end if first else 0
        body = [ln for ln in readable if ln[0] >= after_title]
        for s, e in body[:4]:
            m = _dateline_match(text, s, e)
            if m is None:
                continue
            place = (m.groupdict().get("place") or "").strip()
            agency = (m.groupdict().get("agency") or "").strip()
            if m.re in (_AGENCY_DASH_PLACE, _AUTHOR_DASH_PLACE, _PLACE_DASH_AUTHOR):
                author = (m.group("author") or "").strip()
            else:
                place, agency, author = _roles(place.replace("\u0640", ""), agency)
            attrs = {"place": place, "agency": agency}
            if author:
                attrs["author"] = author
            out.append(Span("dateline", m.start(), m.end(), "dateline", "", attrs))
            break
        # credit: a short last content line naming an outlet
        s, e = lines[-1]
        last = text[s:e].strip()
        if len(lines) > 1 and len(last) <= 50 and len(last.split()) <= 5 and not _TERMINAL.search(last.rstrip(")]")):
            m = _SOURCE_LINE.match(last) or _CREDIT.match(last)
            if m:
                ls = s + (len(text[s:e]) - len(text[s:e].lstrip()))
                out.append(Span("credit", ls, ls + len(last), "credit", m.group("outlet").strip()))
        return out


def _is_agency(name: str) -> bool:
    return _agency_key(name) in _AGENCY_KEYS


#: what may follow a city's name in a dateline (القدس المحتلة، القاهرة الجديدة، الجبيل الصناعية)
_EPITHETS = frozenset(normalize(w) for w in ("المحتلة", "المكرمة", "المنورة", "الشريف", "القديمة", "الجديدة",
                                            "الصناعية"))


def _one_vowel_less(name: str) -> set[str]:
    """``name`` (without its spaces) less one of its long vowels after its first letter (ا و ي ى):
    two transliterations of one foreign name often differ by one (زيوريخ and زيورخ, جاكرتا and
    جاكارتا, داكار and دكار)."""
    return {name[:i] + name[i + 1:] for i in range(1, len(name)) if name[i] in "اويى"}


@lru_cache(maxsize=1)
def _wide_places() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The dateline reader's wider list of place names (folded; the file
    :func:`marsad.enrich.entities.gazetteer_build.build_dateline_places` writes); those and the
    gazetteer's cities, countries and regions without their spaces (حفرالباطن, ساوباولو); and the
    gazetteer's places outside the Arab League (a city of 100,000 people, a capital, a country)
    without their spaces, each also less one long vowel (:func:`_one_vowel_less`: an Arabic name is
    written one way, a foreign one several; the towns of the wider list are too many to match so
    loosely)."""
    from marsad.enrich.entities.gazetteer import dateline_places_path, load_default
    from marsad.enrich.entities.place_words import ARAB_LEAGUE

    with gzip.open(dateline_places_path(), "rt", encoding="utf-8") as fh:
        rows = [f.split("\t") for f in fh.read().split("\n") if f and f[0] != "#"]
    names = frozenset(r[0] for r in rows)
    known = [(" ".join(k), e.country) for k, e in load_default().phrases.items()
             if e.kind in ("city", "country", "region")]
    compact = frozenset(n.replace(" ", "") for n in [*names, *(n for n, _c in known)])
    foreign = {n.replace(" ", "") for n, c in known if c not in ARAB_LEAGUE and not n.startswith("ال")}
    return names, compact, frozenset(foreign | {v for n in foreign if len(n) >= 5 for v in _one_vowel_less(n)})


def _in_wide(words: list[str]) -> bool:
    names, compact, foreign = _wide_places()
    joined = "".join(words)
    # a foreign name with one long vowel less (in ``foreign``) or more than the gazetteer's (of
    # five letters or more)
    if " ".join(words) in names or joined in compact or joined in foreign:
        return True
    return not joined.startswith("ال") and len(joined) >= 5 and any(v in foreign for v in _one_vowel_less(joined))


def _is_place(name: str, *, wide: bool = True) -> bool:
    """Whether ``name`` (its part before a comma or a dash) is a known city, country or region
    (a city with its epithet, القدس المحتلة, too). ``wide``: or a name of the dateline reader's
    wider list (:func:`_wide_places`: a town GeoNames knows, a Saudi governorate, a city whose name
    is also a word, الخبر; spelled with a long vowel more or less, زيوريخ for زيورخ), for a word a
    dateline's slot already calls a place."""
    from marsad.enrich.entities.gazetteer import load_default

    head = regex.split(r"\s*[،,\-–—]\s*", name.strip())[0]
    words = normalize(head).split()
    if not words:
        return False
    gazetteer = load_default()
    entry = gazetteer.lookup(words)
    if entry is None and len(words) == 2 and words[1] in _EPITHETS:
        entry = gazetteer.lookup(words[:1])  # القدس المحتلة: a city and its epithet
    if entry is not None and entry.kind in ("city", "country", "region"):
        return True
    if not wide:
        return False
    return _in_wide(words) or (len(words) == 2 and words[1] in _EPITHETS and _in_wide(words[:1]))


def _names_place(words: str) -> bool:
    """Whether ``words`` are no reporter's name: a word (or two running words) of them is a
    known place («أمانة جدة – جدة»), or the first is an organisation's head word («وزارة الصحة –
    جدة», :data:`marsad.enrich.entities.org_words.ORG_HEADS`)."""
    w = words.split()
    return normalize(w[0]) in ORG_HEADS or any(
        _is_place(" ".join(w[i:i + k]), wide=False) for k in (1, 2) for i in range(len(w) - k + 1))


def _roles(first: str, second: str) -> tuple[str, str, str]:
    """Sort the two halves of ``X - Y`` into (place, agency, author).

    News writes ``PLACE - AGENCY`` (الرياض - واس), but also ``AGENCY - PLACE`` (سبق - الرياض),
    ``AUTHOR - OUTLET`` (فهد العتيبي - سبق), ``AUTHOR - PLACE`` (عبدالرحمن الشهري – الرياض: the
    city, not the paper of that name) and ``OUTLET - AGENCIES`` (سبق- وكالات: no place); a
    gazetteer of places tells them apart.
    """
    if not first:
        return "", second, ""
    if _is_place(first):
        return first, second, ""
    if _is_agency(first):
        if _is_agency(second) and not _is_place(second):
            return "", second, ""  # سبق- وكالات: the outlet's copy of wire news, filed from nowhere
        return second, first, ""  # سبق - الرياض, or anything but an agency after the outlet
    if len(first.split()) >= 2 and "،" not in first and "," not in first:
        return (second, "", first) if _is_place(second) else ("", second, first)
    return first, second, ""


@dataclass(frozen=True, slots=True)
class AuthorField:
    """What an input's ``author`` field says: the dateline's place and agency, and the person
    who wrote the article (each ``""`` when the field does not name one)."""

    place: str = ""
    agency: str = ""
    person: str = ""


#: the field's parts: split at dashes, colons, semicolons, slashes, bars and commas, and at a tatweel
#: standing alone (المدينة ـ جدة; a tatweel inside a word, الجابـري, stretches the word)
_AUTHOR_SPLIT = regex.compile(r"\s*[-–—:：;؛/|،,]+\s*|\s+\u0640+\s*|\s*\u0640+\s+")
#: a name in quotes after a word with no mark between (لندن «الشرق الأوسط»): a part of its own
_QUOTED_AFTER = regex.compile(r"(?<=[\p{Arabic}\p{Latin}])\s+(?=[«\"“])")
#: a time stamp's weekday or month written in Latin letters (| Tuesday, 11 August 2015 - 00:00 am)
_LATIN_DATE_WORD = regex.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", regex.I)
#: عكاظ (جدة)  |  أحمد الشميري (صنعاء): a name and, in brackets, the city filed from (read as a part
#: of its own: خالد طاشكندي (جدة)، فارس القحطاني (الرياض) names two)
_AUTHOR_BRACKETS = regex.compile(r"\s*\(([^()]*)\)\s*")
#: «الاقتصادية» من الرياض  |  عادل الخنين من الرياض: a name and the city filed from, after من
_AUTHOR_FROM = regex.compile(r"^(?P<name>.+?)\s+من\s+(?P<place>\p{Arabic}+(?:\s+\p{Arabic}+)?)$")
#: a label alone in an author field: a byline's, or a page's kind and the photographs' credit
#: (استطلاع وتصوير، تحليل، قراءة، إضاءة)
_FIELD_LABELS = rf"{_BYLINE_LABELS}|استطلاع|تصوير|تحليل|قراءة|قراءه|إضاءة|اضاءة|حاوره|حاورته|حاورها|اختيار|عرض"
_LABEL_ONLY = regex.compile(rf"^(?:{_FIELD_LABELS})(?:\s+و(?:{_FIELD_LABELS}))*$", regex.I)
_LABEL_LEAD = regex.compile(rf"^(?:{_BYLINE_LABELS})\s+", regex.I)
#: words around an outlet's name in a byline: its office (مكتب الجزيرة), its kind (قناة العربية),
#: its website (الرياض الإلكتروني، الشرق الأوسط أونلاين) or its editorial (كلمة اليوم)
_OUTLET_AROUND = regex.compile(
    r"^(?:مكتب|كلمة|كلمه|قناة|قناه|صحيفة|صحيفه|جريدة|جريده|موقع|مجلة|مجله|إذاعة|اذاعة|تلفزيون)\s+|\s+(?:الإلكتروني|الالكتروني|الإلكترونية|الالكترونية|أونلاين|اونلاين|نت)$"
)


#: the photographer's credit after the reporter (… - جدة تصوير - فلان, … عدسة - فلان): cut off
_PHOTOS = regex.compile(r"(?:^|\s)(?:تصوير|عدسة)(?:\s|[-–—:：]|$).*$", regex.S)
#: خاص بالرياض، خاص: the paper's own report, no name
_EXCLUSIVE = regex.compile(r"^(?:خاص|حصري)(?:\s|$)")


def _is_name(part: str) -> bool:
    """Whether ``part`` may be a person's name: two to six words of letters, not a known place, not
    opening with an organisation's head word (وزارة الصحة, أمانة جدة) and with no word of a
    site's name (بوابة, للأخبار), nor a body the gazetteer knows (الأمم المتحدة). A word of a name
    may be a place's name too (صالح, رياض, نايف are villages in the gazetteer)."""
    words = part.split()
    if any(w.startswith(("لل", "بوابة", "البوابة")) for w in words):
        return False  # البوابة العربية للأخبار التقنية: a site's section
    if not (2 <= len(words) <= 6 and regex.fullmatch(r"[\p{Arabic}\p{Latin}\u064B-\u065F\u0670.' ]+", part) is not None
            and normalize(words[0]) not in ORG_HEADS and not _is_place(part)):
        return False
    from marsad.enrich.entities.gazetteer import load_default

    entry = load_default().lookup(normalize(part).split())
    return entry is None or entry.kind not in ("org", "misc")  # الأمم المتحدة: a body, no person


def _author_parts(value: str) -> list[str]:
    """The parts of an author field, without quotes (a name in quotes after a word is a part of its
    own: لندن «الشرق الأوسط»), a time stamp (``| Tuesday, 11 August 2015 - 00:00 am``: a part with a
    digit, a weekday or month in Latin letters), a byline's label (متابعة - …, كتب: …) or the
    photographer's credit (تصوير - …)."""
    value = _QUOTED_AFTER.sub(" - ", html.unescape(value).replace("\u00a0", " "))
    value = regex.sub(r"[«»\"“”„{}*·\p{Cf}]", "", value)
    value = _PHOTOS.sub("", _AUTHOR_BRACKETS.sub(r" - \1 - ", value)).strip(" \t.:،,-–—")
    m = _AUTHOR_FROM.match(value)
    if m is not None and _is_place(m.group("place")):
        raw = [*_AUTHOR_SPLIT.split(m.group("name")), m.group("place")]
    else:
        raw = _AUTHOR_SPLIT.split(value)
    parts = []
    for p in raw:
        p = " ".join(p.replace("\u0640", "").split()).strip(".،,()")
        p = _LABEL_LEAD.sub("", p)
        if (p and not regex.search(r"\d", p) and not _LABEL_ONLY.match(p) and not _EXCLUSIVE.match(p)
                and not _LATIN_DATE_WORD.match(p)):
            pieces = regex.split(r"\s+و(?=\S)", p)  # العربية.نت ووكالات: two agencies joined by و
            parts.extend(pieces if len(pieces) > 1 and all(_is_agency(x) for x in pieces) else [p])
    return parts


def read_author(value: str) -> AuthorField:
    """Read an input's ``author`` field, which is often a dateline rather than a person.

    Scraped news gives the byline field as the paper prints it above the article: ``واس -
    جدة`` (an agency and its city), ``لندن: رنيم حنوش`` (a city and the reporter), ``عكاظ
    (جدة)``, ``«الاقتصادية» من الرياض``, ``أبها: الوطن`` (the paper itself), ``عبدالله البرقاوي-
    سبق- الرياض``, or a person's name alone. The field is cut into parts (:func:`_author_parts`:
    at dashes, colons, slashes, bars, commas; a name with its city in brackets or after من) and
    each part is given the role the dateline forms give it: a known city, country or region (the
    gazetteer, :func:`_is_place`) is the place; an agency or outlet (:data:`AGENCIES`, also as
    مكتب X, X الإلكتروني, X أونلاين, كلمة X) is the agency; two to six words that are no place
    and no body (:func:`_is_name`) are a person (several are joined by «، »). The first place is
    kept. A part that is both a place and an outlet (الرياض, الخليج) is the place when no other
    part is one (الرياض - واس), else the agency when no other part is one (الرياض - جدة: the
    paper, in Jeddah) and it does not follow a person (سامي (جدة)، ليلى (الرياض): her city), and
    the agency when it stands alone. Any other part (a desk, المحليات; a body, وزارة الصحة) is
    dropped, and so is a part with a digit (a time stamp), a byline's label (كتب، متابعة) or
    «خاص» (the paper's own report). Of two agencies the second is kept (الوئام - رويترز: the
    outlet's copy of the wire), as in the text's datelines (:func:`_roles`).

    A field of one part that is no place and no agency is the person, as written: a name the
    parts' rules cannot read stays the byline.
    """
    parts = _author_parts(value)
    if not parts:
        return AuthorField()
    roles = []
    for p in parts:
        bare = _OUTLET_AROUND.sub("", p)
        as_written = _is_agency(p)  # else without its office or kind (مكتب الجزيرة)
        is_agency = as_written or (bare != p and _is_agency(bare))
        # an agency or outlet is a place too only as the gazetteer knows it (الرياض), not as a town
        # of the dateline's wider list (كونا، المدينة)
        is_place = _is_place(p, wide=not is_agency)
        if is_place and is_agency:
            roles.append(("either", p))
        elif is_place:
            roles.append(("place", p))
        elif is_agency:
            roles.append(("agency", p if as_written else bare))
        elif len(parts) == 1:
            return AuthorField(person=p)
        elif _is_name(p):
            roles.append(("person", p))
    if len(roles) == 1 and roles[0][0] == "either":
        return AuthorField(agency=roles[0][1])  # the outlet's name alone (الرياض, الخليج)
    place = next((p for k, p in roles if k == "place"), "")
    agency = next((p for k, p in reversed(roles) if k == "agency"), "")
    for i, (kind, p) in enumerate(roles):
        if kind == "either" and not place:
            place = p
        elif kind == "either" and not agency and (i == 0 or roles[i - 1][0] != "person"):
            agency = p  # after a person it is the city that person filed from
    persons = [p for k, p in roles if k == "person"]
    return AuthorField(place=place, agency=agency, person="، ".join(persons))
