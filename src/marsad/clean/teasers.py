"""Teaser tails: the leads of other articles that a page's «more from this section» block leaves
at the end of a flattened text.

After the article, many news pages list the section's other items, each as its lead sentence
(often cut: «… في الفترة المقب»). A scraper flattens the list into lines of the text, and two
unrelated articles of one site then share them. :func:`teaser_spans` marks such a trailing
run as ``debris`` spans of kind ``related_teaser``, from signals of one text alone:

* **no continuation** — an article's later paragraphs go on from what came before: they open
  with a conjunction or a linking word (وقال، وأضاف، كما، يذكر أن، من جهته، أما، إن …) or
  with a verb whose subject is in the paragraph before (أشار إلى أن …). A lead opens on its
  own. A line opening with و is taken for a conjunction unless its first word is one of the
  news words whose root begins with و (وجه، وصف، وافق …). A list item (a bullet, a number, a
  short label and a colon) is the article's own too;
* **a news lead** — a teaser opens the way Arabic news leads open: on a perfect verb of a
  small lexicon (قال، أعلنت، كشف، نفى …, ``_LEAD_VERBS``), or names the weekday in its first
  words (… ، الثلاثاء، …). A column's or a feature's paragraphs seldom do;
* **no cohesion** — a teaser is about another story: fewer than ``COHESION`` of its content
  stems (normalized, light-stemmed words of three letters or more, function words left out)
  occur in the title and the lines before it; an article's own closing paragraph names the
  people, places and things the article named;
* **a second dateline** — a line that opens with a bracketed dateline (``دبي، الإمارات العربية
  المتحدة (CNN)--``, ``(أ ف ب) -``) starts another item: it counts as a teaser whatever its
  words.

The candidate run is the longest trailing run of lead-sized lines (``MIN_CHARS``) that do not
link back, after at least ``MIN_BODY`` lines of the article (lines already marked as other
debris are stepped over); the tail starts at its first line without cohesion. The tail is
marked when it holds ``MIN_RUN`` lines (one fewer with a second dateline among them), the
line before it does not announce a list (``…التالي:``), at least ``SHARE_LEADS`` of its lines
read as news leads and at least ``SHARE_APART`` are without cohesion with the article before
it. One stray unconnected paragraph is never enough, and the article's first lines always stay.

Measured on the corpora of ``../shared`` (``docs/debris.md``): CNN Arabic carries such tails
(772 of 3,507 ANT v2.1 articles marked); elsewhere 7 articles of 68,000 are marked, each an
article's own narrative or list, the known false positives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from marsad.clean.dateline import opens_with_dateline
from marsad.clean.debris import iter_lines
from marsad.model import Span
from marsad.text.normalize import normalize
from marsad.text.tokens import TOKEN_RE, stem

KIND = "related_teaser"
#: a run of teasers shorter than this is left alone (one short of it with a second dateline)
MIN_RUN = 3
#: a teaser shares fewer than this share of its content stems with the lines before it
COHESION = 0.5
#: this share of a tail's lines, at least, are about something else than the lines before it
SHARE_APART = 0.6
#: this share of a tail's lines, at least, read as news leads (a lead verb, a weekday, a dateline)
SHARE_LEADS = 0.5
#: content lines of the article itself, at least, before a tail
MIN_BODY = 2
#: lines shorter than this are no lead (credits, link titles, captions are other kinds)
MIN_CHARS = 60

#: first words that link a paragraph to what came before (normalized: ا for أإآ, ه for ة, ي for ى)
_LINKING = frozenset("""
يذكر يشار اما كما بدوره بدورها لكن لكنه لكنها بالمقابل المقابل فيما بينما حيث ياتي تاتي
فقد فان ففي فبعد فعلي فمن كان كانت قد الا غير ايضا كذلك اذ ثم ان انه انها
""".split())
#: a verb followed straight by one of these has its subject in the paragraph before
#: (أشار إلى أن …، توقع أن …): it goes on from there
_NO_SUBJECT = frozenset("الي ان انه انها بان بانه علي".split())
#: two-word openers that link (من جهته، في المقابل، جاء ذلك …)
_LINKING_PAIRS = frozenset({
    ("من", "جهته"), ("من", "جهتها"), ("من", "جانبه"), ("من", "جانبها"), ("في", "المقابل"),
    ("في", "حين"), ("جاء", "ذلك"), ("ياتي", "ذلك"), ("الي", "ذلك"), ("في", "غضون"),
    ("في", "سياق"), ("علي", "صعيد"), ("في", "هذا"), ("في", "ذلك"), ("بحسب", "ما"),
})
#: news words whose root begins with و (a lead may open with them: وجه الرئيس، وافقت اللجنة)
_WAW_ROOTS = frozenset("""
وجه وجهت وجد وجدت وصف وصفت وصل وصلت وافق وافقت وقع وقعت وسط وبخ وبخت وضع وضعت
وعد وعدت وقف وقفت وزير وزيره وزاره وزراء وفد وفاه وكاله وكالات ولي وثيقه وسائل وزع وزعت
ولد ولدت وفر وفرت وثق وثقت واشنطن
""".split())
#: verbs a news lead opens with (the masculine perfect; the feminine in ـت is made from it):
#: قال الوزير …، أعلنت الشرطة …، كشف تقرير …
_LEAD_VERBS = """
قال أعلن أكد كشف نفى قرر دعا أصدر اعتبر نشر أعرب انتقد طالب أظهر رأى اتهم تحدث توقع شكر تلقى
استقبل علق رحب أجرى شهد ألقى هدد فاز رفض أشاد أثار بدأ تعهد قضى أوضح دافع اقترح رد بعث أدان
لقي احتفل تمكن أفاد حذر وافق وقع وجه وصف وصل ذكر ارتفع انخفض تراجع سجل حقق أطلق نقل شن قتل
اعتقل أقال عين أصيب توفي أمر أنهى اختتم افتتح عقد التقى بحث ناقش استعرض شارك تسلم منح فرض أقر
صادق ألغى أوقف نجح فشل خسر تأهل تعادل هزم تغلب انتهى اندلع انطلق بلغ أبدى أبلغ نفذ تظاهر هاجم
أحبط ضبط داهم أسقط استهدف قصف أعاد أبرم تبنى زار غادر أطاح أجبر اختار أشار
عرض عبّر روى زعم قدم اقترب تعرض أيد طرح رفع خطف دعم قفز لامس شرع اتخذ حث خفض اتفق حدد اعتمد
تصدر باع هبط تحرك عارض توصل أدى تم ارتبط استأنف أنشأ أودى حصل حضر خاض تسبب
تسعى يسعى تستعد يستعد يواجه تواجه يتوقع تتوقع يشهد تشهد يبدو تبدأ يبدأ
""".split()


def _lead_forms(verbs: Iterable[str]) -> frozenset[str]:
    out = set()
    for v in verbs:
        v = normalize(v)
        out.add(v)
        if v.endswith(("ي", "ا")):
            out.add(v[:-1] + "ت")  # نفى → نفت، دعا → دعت
        if not v.startswith(("ي", "ت")):
            out.add(v + "ت")
    return frozenset(out)


_LEAD_OPENERS = _lead_forms(_LEAD_VERBS)
_WEEKDAY = regex.compile(r"(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)")
#: a list item: a bullet or a number opens it (- …، · …، 1. …، (2) …), or a short label
#: and a colon (الموقع: …)
_LIST_ITEM = regex.compile(r"\s*(?:[-–—·•*▪●○■]|\d{1,2}\s*[-.)]|\(\d{1,2}\)|[^:.،\n]{2,30}:\s)")
#: function words and reporting verbs left out of the cohesion count (normalized)
_STOP = frozenset("""
في من علي الي عن مع ان او ما لا لم لن قد كل بعد قبل بين حتي عند اذا ثم كما هذا هذه ذلك تلك
هو هي هم التي الذي الذين كان كانت يكون تكون ليس قال قالت اكد اكدت اشار اشارت اضاف اضافت
اوضح اعلن اعلنت ذكر ذكرت ايضا حيث خلال امس اليوم الان منذ نحو اكثر عدد عام العام الا اما
له لها لهم منه منها فيه فيها عليه عليها به بها تم وفق وفقا الاحد الاثنين الثلاثاء الاربعاء
الخميس الجمعه السبت
""".split())


def _words(line: str) -> list[str]:
    return TOKEN_RE.findall(normalize(line))


def _stems(words: Iterable[str]) -> set[str]:
    return {stem(w) for w in words if len(w) >= 3 and w not in _STOP and not w[0].isdigit()}


def _links_back(words: Sequence[str]) -> bool:
    """Whether a paragraph opening on ``words`` continues what came before it."""
    if not words:
        return False
    first = words[0]
    if first in _LINKING or tuple(words[:2]) in _LINKING_PAIRS:
        return True
    if len(words) > 1 and words[1] in _NO_SUBJECT and first in _LEAD_OPENERS and first != "يبدو":
        return True  # (يبدو أن … has no subject to look back for)
    # و written apart (و أضاف) or joined (وأضاف); not a word whose root begins with و
    return first == "و" or first.startswith("و") and len(first) >= 3 and first not in _WAW_ROOTS


def _reads_as_lead(line: str, words: Sequence[str]) -> bool:
    """Whether a line opens as a news lead: on a lead verb, or naming the weekday early on."""
    return bool(words) and words[0] in _LEAD_OPENERS or bool(_WEEKDAY.search(line, 0, 100))


def _cohesion(stems: set[str], context: set[str]) -> float:
    """The share of ``stems`` found in ``context`` (1.0 for a line without content stems)."""
    return len(stems & context) / len(stems) if stems else 1.0


def teaser_spans(text: str, *, removed: Sequence[Span] = (), title: str = "") -> list[Span]:
    """``debris`` spans (kind ``related_teaser``) of the trailing teaser run of ``text``.

    ``removed`` are spans already cut (other debris): their lines are stepped over; ``title``
    is the article's own title, part of what a paragraph of the article coheres with.
    """
    cut = sorted((s.start, s.end) for s in removed)
    lines = [(s, e) for s, e in iter_lines(text)
             if text[s:e].strip() and not any(rs <= s and e <= re_ for rs, re_ in cut)]
    if len(lines) < MIN_BODY + MIN_RUN - 1:
        return []
    # the trailing run of lead-sized lines that do not link back (a dateline opens a new item);
    # most texts end on a line that links back, and cost no more than that line
    words: dict[int, list[str]] = {}
    run: list[int] = []
    dated: set[int] = set()
    for k in range(len(lines) - 1, MIN_BODY - 1, -1):  # never into the article's first lines
        s, e = lines[k]
        if len(text[s:e].strip()) < MIN_CHARS:
            break
        words[k] = _words(text[s:e])
        if opens_with_dateline(text, s, e, bracketed=True):
            dated.add(k)
        elif _links_back(words[k]) or _LIST_ITEM.match(text, s, e):
            break
        run.append(k)
    if len(run) < MIN_RUN - 1:
        return []
    run.reverse()
    stems = [_stems(words[k] if k in words else _words(text[s:e])) for k, (s, e) in enumerate(lines)]
    before: list[set[str]] = []  # title and every line before line k
    seen = _stems(_words(title)) if title else set()
    for st in stems:
        before.append(seen)
        seen = seen | st
    # the tail starts at the first line of the run that is about something else
    start = next((j for j, k in enumerate(run) if k in dated or _cohesion(stems[k], before[k]) < COHESION), None)
    if start is None:
        return []
    tail = run[start:]
    if len(tail) < MIN_RUN - bool(dated.intersection(tail)):
        return []
    s, e = lines[tail[0] - 1]
    if text[s:e].rstrip().endswith((":", "：")):
        return []  # the article's own list, announced by the line before it
    leads = sum(1 for k in tail if k in dated or _reads_as_lead(text[lines[k][0]:lines[k][1]], words[k]))
    if leads < SHARE_LEADS * len(tail):
        return []
    body = before[tail[0]]
    apart = sum(1 for k in tail if k in dated or _cohesion(stems[k], body) < COHESION)
    if apart < SHARE_APART * len(tail):
        return []
    out = []
    for k in tail:
        s, e = lines[k]
        out.append(Span("debris", s, e, KIND))
    return out
