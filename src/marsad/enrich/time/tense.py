"""What the sentence says about a weekday, a month or اليوم: an act to come, or "nowadays".

All three read the folded text (:func:`marsad.enrich.time.fold.fold_with_map`: ة U+0629 written ه
U+0647, أ/إ/آ written ا U+0627, ى U+0649 written ي U+064A, tashkeel dropped), so every word
here is written folded.

* :func:`future_before` — a future verb or cue (:data:`FUTURE`) within :data:`FUTURE_CHARS`
  characters before, in the sentence: a month with no year lies ahead (ستعقد القمة في
  ديسمبر), and «بعد» + a count (سيعود بعد يومين) counts from the anchor.
* :func:`weekday_ahead` (``timex.v5``) — a bare weekday (no الماضي، المقبل after it) lies ahead
  of the anchor when its clause tells of an act to come: a future cue (سوف، المقرر، المرتقبة)
  or a future verb of a scheduled act (سيزور، ستعقد) up to :data:`FUTURE_WORDS` words before
  it, or an imperfect verb of a scheduled act (يعقد، تقام، يلتقي، تستأنف,
  :data:`IMPERFECT_ACTS`) up to :data:`IMPERFECT_WORDS` words before it.
  News tells what happened in the perfect (أعلن الوزير الأحد), what is to come in the
  imperfect (يلتقي الوزير نظيره الأربعاء). The walk back stops where another clause opens (أن،
  الذي، التي، حيث، بعد …: «يأتي ذلك بعد أن أعلنت الحكومة الأحد» is past) and at the sentence's
  start; لم، لما or كان before the verb make it past (لم يحضر الأحد، كان يقود سيارته الجمعة).
  The list is closed on purpose: without diacritics an imperfect looks like many nouns and
  names (تقرير، تونس، يونايتد، يوليا) and like the perfect of other verbs (تفقد، تعرض، توقع، تلقى
  are perfects of forms V and VI as often as imperfects), so only verbs of acts that are
  scheduled are listed, and their ت forms only where no common perfect is spelt the same.
* :func:`nowadays` (``timex.v5``) — اليوم means "nowadays" (PRESENT_REF, ``docs/time-guidelines.md`` §3)
  after a noun of an age or a people it qualifies (عالم اليوم، شباب اليوم، في عالم اليوم، جيل
  اليوم; definite at the head of its clause: «الشباب اليوم يحملون»). «مباراة اليوم», «يحتفل العالم
  اليوم» stay today, and so does «حتى اليوم», «إلى اليوم» of a state that lasts to this day («منذ
  عام 1948 حتى اليوم», «ما زالت … إلى اليوم»): the period ends on the day of writing, and the
  expression names that end (the gold set marks it so; PRESENT_REF is for an age, not an end).
"""

from __future__ import annotations

import re

#: how many words before a bare weekday a future verb or cue may stand
FUTURE_WORDS = 16
#: how many words before a bare weekday an imperfect verb of a scheduled act may stand
IMPERFECT_WORDS = 7

#: imperfect verbs of acts that are scheduled, third person masculine (folded); the feminine
#: ت form counts too unless it is in :data:`_NOT_T` (spelt like a common perfect)
_ACTS = (
    "يعقد ينعقد يقام يبدا يبتدي ينطلق يلتقي يجتمع يزور يصل يتوجه يستضيف يواجه يلعب يخوض يصوت "
    "يدلي يختار ينتخب يشارك يستانف يعود يغادر يفتتح يختتم يلقي يستقبل يبحث يناقش ينظر يجري يجرى "
    "ينظم يحتفل يشهد يستهل يوقع يعلن يترأس يتراس يحضر يحل يلتحق يسافر يتسلم يدشن "
    "يستكمل يستمر يتواصل يصدر يبث يحاكم ينتهي يرفع ينتظر يتوقع يترقب يقص يلتقيان يمثل"
)
#: ت forms left out: the perfect of form V or VI is spelt the same (تعرض لإصابة، توقع أن، تلقى
#: اتصالا، تصدر الترتيب، تمثل، ترقب), or the verb means "represents" as often
_NOT_T = frozenset("تعرض توقع تلقي تصدر تمثل ترقب تقص تحل تبحث".split())
_NOT_Y = frozenset("يمثل".split())  # يمثل: "represents" as often as "appears before a court"


def _acts() -> frozenset[str]:
    out: set[str] = set()
    for v in _ACTS.split():
        forms = set()
        if v not in _NOT_Y:
            forms.add(v)
        t = "ت" + v[1:]
        if t not in _NOT_T and v not in _NOT_Y:
            forms.add(t)
        for f in list(forms):
            if f.endswith("ي"):  # يلتقي → يلتقون (plural), يلتقيان (dual)
                forms.update({f[:-1] + "ون", f + "ان"})
            else:
                forms.update({f + "ون", f + "ان"})
        out |= forms
    return frozenset(out)


IMPERFECT_ACTS = _acts()
#: what opens another clause: the weekday is told by that clause's verb, not one before it
_CLAUSE_OPENERS = frozenset(
    "ان لان بان وان فان الذي التي الذين اللذين اللتين اللاتي اللواتي حيث عندما حين حينما بعدما "
    "لما كما فيما بينما اذ".split())
_SINCE = frozenset(("منذ", "ومنذ"))
#: before an imperfect: a past act (لم يحضر، كان يقود)
_PAST_BEFORE = frozenset("لم ولم فلم لما كان وكان فكان كانت وكانت فكانت كانوا وكانوا ظل وظل ظلت "
                          "زال زالت زالوا يزال تزال يزالون".split())
#: a future verb (سيزور، ستعقد، سنلعب) or a future cue; nouns that begin like one are excluded
#: (سياسة، سيارة …; whole words: سيتي، لا سيما، سيبيريا …). Names are many (سيغمار، سيلفا), so
#: :func:`weekday_ahead` trusts it only within :data:`FUTURE_CHARS` characters
FUTURE = re.compile(r"(?<!\S)[وف]?(?:سوف|المقرره?|يعتزم|تعتزم|يرتقب|المرتقبه?|المنتظره?|"
                    r"(?!سياس|سيار|سيطر|سيد|سين|سيول|سيف|سير|سياد|سياق|سياح|سيبر|سيي|ستار|"
                    r"ستين|سته|ستو|ستر|سنه|سنو|سنغ|سند|سنت|سنين|سنا|سيبير|ستيف|سيغما|سيلف|سيمون|سياتل|"
                    r"(?:سيتي|سياف|سيلا|سيما)(?=\s))س[يتن][^\W\d_]{2,})(?=\s)")
#: how far before a weekday or a month any future verb of :data:`FUTURE` counts
FUTURE_CHARS = 80


def future_before(n: str, i: int) -> bool:
    """Whether a future verb or cue (:data:`FUTURE`) stands earlier in the sentence of folded
    offset ``i`` (after its last ``. ! ? ؟`` or line break), within :data:`FUTURE_CHARS`
    characters."""
    lo = max(0, i - FUTURE_CHARS)
    cut = max(n.rfind(".", lo, i), n.rfind("!", lo, i), n.rfind("?", lo, i), n.rfind("؟", lo, i),
              n.rfind("\n", lo, i)) + 1
    start = max(lo, cut)
    # the word must follow a space inside the window (or open the text): searching from one
    # past the start keeps the lookbehind inside the window
    return bool(FUTURE.search(n, start + 1 if start > 0 else 0, i))
#: a future cue (سوف، المقرر، المرتقبة، يعتزم); a future verb is س before an imperfect of
#: :data:`IMPERFECT_ACTS` (سيزور، ستعقد): names that begin like one (سياتل، سيلفا، سيغمار) are
#: many, so a future verb of another kind counts only within :data:`FUTURE_CHARS` characters
_FUTURE_CUES = frozenset("سوف المقرر المقرره يعتزم تعتزم يرتقب".split())
#: adjectives of an awaited event: a cue only right before the weekday (القمة المرتقبة الجمعة;
#: «دفعة قوية للحدث المرتقب، أعلن ريال مدريد الأحد» is past)
_AWAITED = frozenset("المرتقب المرتقبه المنتظر المنتظره".split())
#: how many words before a bare weekday an adjective of :data:`_AWAITED` may stand
AWAITED_WORDS = 3


def _future_word(w: str) -> bool:
    if w[:1] in "وف" and len(w) > 4 and (w[1:] in _FUTURE_CUES or w[1] == "س"):
        w = w[1:]
    return w in _FUTURE_CUES or (w[:1] == "س" and w[1:] in IMPERFECT_ACTS)


#: before أن: what is to come (من المقرر أن، من المتوقع أن، قرر أن)
_CUES_BEFORE_AN = frozenset("المقرر المقرره المتوقع المفترض المنتظر المرتقب يتوقع ويتوقع يفترض ويفترض "
                            "ينتظر وينتظر يرتقب قرر وقرر تقرر وتقرر يعتزم تعتزم".split())
#: قبل أن، بعد أن before an imperfect: a story told in the past
_BEFORE_AFTER = frozenset("قبل وقبل بعد وبعد".split())
_WORD = re.compile(r"[\u0621-\u064a]+")
_SENTENCE_END = re.compile(r"[.!?؟\n؛]")


def _clause_words(n: str, i: int, limit: int) -> list[str]:
    """The words of the sentence before offset ``i``, nearest first (at most ``limit``)."""
    return [w for w, _ in _clause_word_starts(n, i, limit)]


def _clause_word_starts(n: str, i: int, limit: int) -> list[tuple[str, int]]:
    lo = max(0, i - 12 * limit)
    cut = lo
    for m in _SENTENCE_END.finditer(n, lo, i):
        cut = m.end()
    return [(m.group(), m.start()) for m in _WORD.finditer(n, cut, i)][::-1][:limit]


def _perfect_3fs(w: str) -> bool:
    """A word that reads as a perfect verb of the third person feminine (اعلنت، اوضحت، نشرت،
    دمرت): ت after a consonant, not definite (plurals in ات، nouns in وت، يت stay out:
    عمليات، بيروت، تصويت)."""
    return len(w) >= 4 and w[-1] == "ت" and w[-2] not in "اوي" and not w.startswith(("ال", "وال"))


def weekday_ahead(n: str, i: int) -> bool:
    """Whether a bare weekday at folded offset ``i`` names a day to come (see the module)."""
    found = _clause_word_starts(n, i, FUTURE_WORDS + 4)  # a few more: what stands before أن
    words = [w for w, _ in found]
    for k, (w, at) in enumerate(found[:FUTURE_WORDS]):
        if w == "ان" and k + 1 < len(words) and words[k + 1] in _CUES_BEFORE_AN and not (
                set(words[k + 2:k + 5]) & _PAST_BEFORE):
            return True  # ومن المقرر أن يعقد …, قرر أن يعقد … الخميس (not «وكان من المتوقع أن»)
        if w in _SINCE:
            if k == 0:
                return False  # منذ الأحد
            continue  # منذ ثمانية أشهر: a phrase, not a clause
        if w in _CLAUSE_OPENERS or _perfect_3fs(w):
            return False  # another clause, or a perfect verb nearer (نشرت مقتطفات منه الثلاثاء)
        if _future_word(w) or (k < AWAITED_WORDS and w in _AWAITED):
            return True
        if i - at <= FUTURE_CHARS:
            m = FUTURE.match(n, at)
            if m is not None and m.end() == at + len(w):
                return True
        if k < IMPERFECT_WORDS:
            v = w[1:] if w[:1] == "و" and w[1:] in IMPERFECT_ACTS else w  # not ف: فيصل
            if v in IMPERFECT_ACTS:
                before = words[k + 1:k + 3]
                if before[:1] == ["ان"] and ((before[1:] and before[1] in _BEFORE_AFTER)
                                             or set(words[k + 2:k + 5]) & _PAST_BEFORE):
                    # قبل أن تعلن القوات سيطرتها السبت، وكان من المتوقع أن يبدأ عمله الأحد: a
                    # story told in the past
                    return False
                # لم يحضر، كان يقود، كانت المكسيك تحتفل: a past act
                return not (set(before) & _PAST_BEFORE)
    return False


#: nouns of an age or a people that اليوم after them makes "of nowadays"
_ERA_NOUNS = frozenset(
    "عالم شباب جيل اجيال اطفال مجتمع مجتمعات انسان نساء مراه فتيات عرب عصر زمن شعوب".split())
#: what makes «عالم اليوم» a name (a newspaper, a programme)
_NAMES_BEFORE = frozenset("جريده صحيفه مجله قناه برنامج موقع لجريده لصحيفه بجريده بصحيفه".split())


def _strip_proclitics(w: str) -> str:
    if w[:1] in "وف" and len(w) > 3:
        w = w[1:]
    if w[:1] in "بلك" and len(w) > 3:
        w = w[1:]
    return w


def nowadays(n: str, i: int) -> bool:
    """Whether a bare اليوم at folded offset ``i`` means "nowadays" (see the module)."""
    words = _clause_words(n, i, 3)
    if not words:
        return False
    prev = words[0]
    head = _strip_proclitics(prev)
    if len(words) > 1 and words[1] in _NAMES_BEFORE:
        return False  # جريدة عالم اليوم: a newspaper
    if head in _ERA_NOUNS:
        return True  # عالم اليوم، لشباب اليوم
    if head.startswith("ال") and head[2:] in _ERA_NOUNS:
        # الشباب اليوم يحملون: the definite noun heads its clause (no verb before it)
        before = words[1] if len(words) > 1 else ""
        return before in ("", "ان", "لان", "فان", "وان", "بان")
    return False
