"""The event coder of the ``events`` stage: per sentence, PLOVER event mentions found by trigger words.

For each sentence (split at . ! ? ؟ and line breaks) every token is normalized, a proclitic
group is tried off (و، ف، ب، ل، ك، ال and their combinations; a verb takes only و، ف، ل and the
future س), and the rest is looked up in :data:`lexicon.TRIGGERS`. A trigger is dropped when

* a negator stands one or two words before it (لم، لن، لا، ما، عدم، دون …);
* it is future, planned, called for, threatened, feared or foiled: the future prefix س or ل
  (purpose) on the verb, or one of :data:`lexicon.IRREALIS` up to three words before it
  (سوف، قد، دعا إلى، يعتزم، هدد ب، أحبط …);
* its word has another sense here: هجوم، هاجم، قتل، قصف in a sentence about football (two
  sport words), هجوم لاذع (verbal), قصف جبهات, مسيرة as a career or a drone (مسيرته المهنية،
  طائرة مسيرة), فجر as the dawn, طعن في (an appeal), يضرب without عن (to hit, not to strike),
  وقّع without an agreement after it, انفجار without a bomb word (an accident);
* it is a weak sign (احتجاج، مسيرة، وقفة، المتظاهرون، انفجار) with no second sign of the event in
  the sentence.

At most one event of each type is kept per sentence (the first trigger that passes).

Who the actors of an event are, and which is its source or its target, is read in
:mod:`marsad.enrich.events.roles`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from marsad.enrich.entities.features import _norm  # the cached normalize the tagger uses
from marsad.enrich.events import lexicon as L
from marsad.enrich.events.roles import (
    PARTICIPLES,
    PREFIXES,
    dyad,
    phone_dyad,
    places_and_actors,
    strip_proclitic,
)
from marsad.enrich.events.setting import (
    confirmed_dateline,
    event_date,
    event_place,
    long_before,
    since,
)
from marsad.model import Span
from marsad.text.tokens import TOKEN_RE

_SENT_END = re.compile(r"[.!?؟](?!\d)|\n")

#: verbs take only these of the proclitic groups tried off a word (roles.PREFIXES)
_VERB_PREFIX = {"", "و", "ف", "ل", "ول", "فل", "س", "وس", "فس"}

_BARE_DAWN_NEXT = L.words({"نفسه", "نفسها", "عبوه", "عبوات", "سياره", "قنبله", "حزاما", "حزامه", "مبني",
                             "منزل", "جسر", "انبوب", "خط"})
_DRONE_BEFORE = L.words({"طائره", "طائرات", "الطائره", "الطائرات", "بطائره", "بطائرات", "طيارات",
                           "وطائرات", "الطيارات", "لطائرات"})
_DRONE_SIGNS = tuple(L.words({"طائر", "اسقاط", "درون", "صاروخ", "صواريخ"}))  # matched within one token


def introduced(norms: Sequence[str], i: int) -> bool:
    """Whether the definite noun at ``i`` is brought in by an occurrence verb right before it
    (ووقع الهجوم، شنوا الهجوم، نفذت عملية الاغتيال): VSO, the report of the event itself."""
    prev = norms[i - 1] if i else ""
    if prev in ("عمليه", "وعمليه") and i > 1:
        prev = norms[i - 2]
    return prev in L.OCCUR_VERBS or strip_proclitic(prev) in L.OCCUR_VERBS


def _crime_noun(w: str) -> bool:
    """A noun of a violent act (a trigger noun, or اغتصاب، نهب … of :data:`lexicon.CRIMES`)."""
    if not w:
        return False
    if w.startswith("و") and len(w) > 3:
        w = w[1:]
    if w in L.CRIMES or strip_proclitic(w) in L.CRIMES:
        return True
    hit = lookup(w)
    return hit is not None and hit[0].type == "ASSAULT" and hit[0].pos in ("n", "vn")


def _in_list(norms: Sequence[str], i: int) -> bool:
    """Whether the noun at ``i`` stands in a row of such nouns joined by و (خطف وقتل، القتل والتفجير)."""
    nxt = norms[i + 1] if i + 1 < len(norms) else ""
    prev = norms[i - 1] if i else ""
    return (nxt.startswith("و") and _crime_noun(nxt)) or (norms[i].startswith("و") and _crime_noun(prev))


def _future_occur(w: str) -> bool:
    """An occurrence verb in the future (سينفذ هجوما، ستنظم مظاهرة): the event is yet to come."""
    return w.startswith(("س", "وس", "فس")) and w[1 if w[0] == "س" else 2:] in L.OCCUR


_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_YEAR_WORDS = L.words({"عام", "العام", "سنه", "عامي", "لعام", "منذ", "بعام"})


def past_year(norms: Sequence[str], year: int | None) -> bool:
    """Whether the sentence names a year (عام 1995، سنة 2003) before ``year`` (any, when None)."""
    for k in range(1, len(norms)):
        if _YEAR.match(norms[k]) and norms[k - 1] in _YEAR_WORDS and (year is None or int(norms[k]) < year):
            return True
    return False


#: a negator of the verb before a noun trigger's subject (لم يجر الرئيس اتصالا): ما is left out,
#: as it is also "what" (ما أدى إلى مقتل خمسة)
_NEGATED_VERB = L.words({"لم", "ولم", "فلم", "لن", "ولن", "فلن"})


def _in(w: str, words: frozenset[str]) -> bool:
    return w in words or strip_proclitic(w) in words


def _habit(norms: Sequence[str], i: int, word: str) -> bool:
    """Whether the trigger at ``i`` tells a habit: اعتاد، كعادته، عادة ما up to four words before
    it, or an imperfect verb (``word`` without its proclitic) with a word up to eight away that says how often
    (كل أسبوع، كل يوم جمعة، أسبوعيا، دائما)."""
    if any(_in(w, L.HABIT_LEADS) for w in norms[max(0, i - 4):i]):
        return True
    if word not in L.IMPERFECT:
        return False
    for k in range(max(0, i - 8), min(len(norms), i + 9)):  # in its clause, not the sentence's far end
        w = norms[k]
        if w in L.HABIT_ADVERBS:
            return True
        if w in ("كل", "وكل", "لكل") and k + 1 < len(norms) and _in(norms[k + 1], L.HABIT_EVERY):
            return True
    return False


#: "any": a trigger right after it, or one whose object it opens, names no one event (ترفض أي
#: هجوم، نفت شن أي هجوم، قرار بالقبض على أي شخص، تستقبل الأمانة أي ملاحظات)
_ANY = L.words({"اي", "ايه", "ايا", "لاي", "باي", "لايه", "بايه", "واي", "وايه"})
#: a condition: the act is a case that may come, no event (إذا هاجمت …، في حال قصفت …، لو اعتقلت …)
_IF = L.words({"اذا", "واذا", "فاذا", "كلما", "وكلما", "طالما"})
#: لو only before a verb (لو هاجمت، لو كان): it also writes names (لو دريان، لو بان)
_IF_VERB = L.words({"لو", "ولو"})
_IN_CASE = L.words({"حال", "حاله"})
#: after the trigger, a condition told after one of these is another clause's (زيارة روس بأنه
#: "إذا ما فرضت …")
_CLAUSE_AFTER = L.words({"ان", "بان", "بانه", "بانها", "انه", "انها", "وان", "قال", "وقال", "مضيفا", "واضاف"})
#: before إذا: "whether", no condition (عما إذا كان، لم يعرف ما إذا)
_WHETHER = L.words({"ما", "عما", "فيما"})
#: how far before a trigger a condition governs it (its clause: إذا قامت إيران … بمهاجمة …), and after
IF_BEFORE = 10
IF_AFTER = 6


def _general(norms: Sequence[str], i: int, lemma: str) -> bool:
    """Whether the trigger at ``i`` (its lemma ``lemma``: two words for القبض على) names a kind of
    act or a case, not one event (``events.v14``): "any" (:data:`_ANY`) right before it or among
    the three words after it (its object: نفت شن أي هجوم), or a condition up to
    :data:`IF_BEFORE` words before it or :data:`IF_AFTER` after it in its clause (إذا، كلما،
    طالما; في حال/حالة not before a definite noun; لو before a verb; not «ما إذا», whether).
    A threat names its condition and is left to the caller."""
    last = i + lemma.count(" ")
    if i and strip_proclitic(norms[i - 1]) in _ANY:
        return True
    if any(w in _ANY for w in norms[last + 1:last + 4]):
        return True
    after = []
    for k in range(last + 1, min(len(norms), last + 1 + IF_AFTER)):
        if norms[k] in _CLAUSE_AFTER:
            break
        after.append(k)
    for k in list(range(max(0, i - IF_BEFORE), i)) + after:
        w = norms[k]
        nxt = norms[k + 1] if k + 1 < len(norms) else ""
        if w in _IF and not (w in ("اذا", "واذا") and k and norms[k - 1] in _WHETHER):
            return True
        if w in _IF_VERB and k < i and (nxt.endswith(("ت", "وا")) or nxt[:1] in "يت" or nxt in ("كان", "ان")):
            return True
        # في حال قصفت، في حالة تعرض: a case; في حالة الأزمات (a noun after it) is a state
        if w in _IN_CASE and k and norms[k - 1] in ("في", "وفي") and not nxt.startswith("ال"):
            return True
    return False


def _audience(norms: Sequence[str], i: int) -> bool:
    """Whether استهدف at ``i`` aims a programme at its audience, no attack (``events.v14``): a
    programme, a course, a contest … up to three words before it (البرنامج يستهدف، دورات
    تستهدف), or trainees, beneficiaries, a target group … up to five words after it (تستهدف أكثر
    من 1470 متدربا). Students, children, visitors and citizens are left out: attacks aim at them
    too."""
    if any(_in(w, L.PROGRAMMES) for w in norms[max(0, i - 3):i]):
        return True
    return any(strip_proclitic(w).startswith(L.AUDIENCE) or w.startswith(L.AUDIENCE) for w in norms[i + 1:i + 6])


#: what follows a phone call given to the press (في اتصال هاتفي مع «الوطن»، لـ«الشرق الأوسط»، مع "الوطن"):
#: an interview, no consultation between actors
_TO_THE_PRESS = re.compile(r"\s*[،,]?\s*(?:مع|ل|لـ|ب)\s*[«\"“]")


def _not_a_call(norms: Sequence[str], i: int) -> bool:
    """Whether the phone call at ``i`` (two words) is no consultation: an interview (a verb of
    saying up to five words before في اتصال هاتفي، or أجرته معه after it), an
    anonymous call or a tip-off, an intercepted call or one yet to be made."""
    before = norms[max(0, i - 5):i]
    after = norms[i + 2:i + 8]
    if any(_in(w, L.PHONE_NOT_BEFORE) for w in norms[max(0, i - 3):i]):
        return True
    if any(w in L.PHONE_NOT_AFTER for w in after):
        return True
    if before and before[-1] in ("في", "وفي", "خلال", "وخلال", "عبر") and any(_in(w, L.SAYING) for w in before):
        return True
    return False


def _endangers(norms: Sequence[str], i: int, t: L.Trigger) -> bool:
    """Whether هدد/تهديد at ``i`` is a danger and no threat made: the verb with a state or a good
    right after it (يهدد حياة، يهدد أمن المنطقة) or a harm up to four words before it (الجفاف
    يهدد، الضرر الذي لحق بالسد يهدد); the noun after يشكل، تمثل، بات (يشكل تهديدا للأمن)."""
    nxt = norms[i + 1] if i + 1 < len(norms) else ""
    if t.pos == "n":
        return any(_in(w, L.POSES) for w in norms[max(0, i - 2):i])
    return t.lemma == "هدد" and (_in(nxt, L.ENDANGERED) or any(_in(w, L.HARMS) for w in norms[max(0, i - 4):i]))


def _toll(norms: Sequence[str], i: int) -> bool:
    """Whether the assault trigger at ``i`` counts a toll rather than reports one event: the toll's
    head and verb before it (ارتفعت حصيلة قتلى الهجوم), or منذ بداية/بدء/اندلاع … after it in its
    clause (قتل 35 فلسطينيا … منذ بداية الموجة الحالية; a clause after فيما، بينما … is another's)."""
    if any(_in(w, L.TOLL_HEADS) for w in norms[max(0, i - 3):i]) and any(
            _in(w, L.TOLL_VERBS) for w in norms[max(0, i - 5):i]):
        return True
    for j in range(i + 1, min(len(norms) - 1, i + 15)):
        w = norms[j]
        if w in L.CLAUSE_BREAKS:
            return False
        if w in ("منذ", "ومنذ") and _in(norms[j + 1], L.SINCE_START):
            return True
    return False


class Tok(NamedTuple):
    start: int
    end: int
    norm: str


@dataclass(frozen=True, slots=True)
class Found:
    """A trigger found in a sentence: the token index, the trigger and the prefix taken off."""

    i: int
    trigger: L.Trigger
    prefix: str
    end: int  # character end (a phrase trigger spans two words)


def street_action(norms: Sequence[str], i: int) -> int | None:
    """The index of a street action (خرج، أحرق، أغلق …) right before ``i``, or before a count
    that comes before it (خرج آلاف، توجه عشرات الآلاف من المتظاهرين)."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if norms[j] in L.STREET_ACTIONS or strip_proclitic(norms[j]) in L.STREET_ACTIONS:
            return j
        if j < i - 1 and not (norms[j] in L.QUANTITY or norms[j] == "من" or norms[j].isdigit()):
            return None  # only a count may stand between (خرج عشرات الآلاف من المتظاهرين)
    return None


#: the nouns وزارة، وزارات، وزاري، وزير (and their forms) begin so once their proclitic group is off;
#: they look like و + a form of زار (وزاره: "and he visited him") and are not
_MINISTRY = ("وزاره", "وزارات", "وزاري", "وزير")


def _ministry(norm: str) -> bool:
    """Whether a normalized word is a form of وزارة or وزير (الوزارة، ووزير، بوزارتها), not و + زار
    (وزار، وزارت، وزاروا: "and he, she, they visited"). وزارت with a suffix after it is the
    ministry's construct form (وزارته، وزارتها)."""
    for p in PREFIXES:
        if norm.startswith(p):
            rest = norm[len(p):]
            if rest.startswith(_MINISTRY) or (rest.startswith("وزارت") and len(rest) > len("وزارت")):
                return True
    return False


@lru_cache(maxsize=200_000)
def lookup(norm: str) -> tuple[L.Trigger, str] | None:
    """The trigger a normalized word is a form of, and the proclitic group taken off."""
    if _ministry(norm):
        return None
    for p in PREFIXES:
        if p and not norm.startswith(p):
            continue
        rest = norm[len(p):]
        if len(rest) < 3:
            continue
        for t in L.TRIGGERS.get(rest, ()):
            verb = t.pos in ("v", "vi")
            if (verb and p not in _VERB_PREFIX) or (not verb and "س" in p):
                continue
            if verb and t.type == "ASSAULT" and any(o.pos == "n" for o in L.TRIGGERS[rest]):
                t = replace(t, pos="vn")  # قتل، خطف: a verb or its noun, unvowelled
            return t, p
    return None


def tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(*m.span(), _norm(m.group())) for m in TOKEN_RE.finditer(text, start, end)]


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    a = 0
    for m in _SENT_END.finditer(text):
        if m.end() > a:
            out.append((a, m.end()))
        a = m.end()
    if a < len(text):
        out.append((a, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def visited(text: str, toks: Sequence[Tok], f: Found, ms: Sequence[Span]) -> dict[str, Any] | None:
    """Where a visit goes: the place named right after its word, with ل or إلى (زيارته لإسرائيل،
    زار إلى العراق), which the nearest place of the sentence need not be (خلال زيارته لإسرائيل من
    طموح إيران في الشرق الأوسط)."""
    k = f.i + 1
    if k < len(toks) and toks[k].norm in ("الي", "له"):
        k += 1
    if k >= len(toks) or not (toks[k - 1].norm == "الي" or toks[k].norm.startswith("ل")):
        return None
    for m in ms:
        if m.label in ("GPE", "LOC") and toks[k].start <= m.start < toks[k].end:
            return {"text": text[m.start:m.end], "start": m.start, "end": m.end, "entity": m.value,
                    "type": m.label, "source": "sentence"}
    return None


class EventCoder:
    """Finds event mentions in a text, given its mention and timex spans."""

    def triggers(self, toks: Sequence[Tok], *, question: bool = False, year: int | None = None) -> list[Found]:
        """The triggers of one sentence that pass the guards, one per type. None in a question
        (هل يجوز تبرير القتل؟ asks, it reports nothing) or in a sentence that names an earlier
        year (في عام 1995: history; before ``year``, the publication's, when it is known)."""
        norms = [t.norm for t in toks]
        if question or past_year(norms, year) or not any(lookup(n) is not None or n in L.PHRASES or strip_proclitic(n) in L.PHRASES for n in norms):
            return []
        stripped = [strip_proclitic(n) for n in norms]
        sport = sum(1 for n in stripped if n in L.SPORT_WORDS or ("ال" + n) in L.SPORT_WORDS) >= 2
        sentence_words = set(norms) | set(stripped)
        out: list[Found] = []
        seen: set[str] = set()
        nominal: dict[str, Found] = {}  # the first noun of a type, kept until a verb of it turns up
        for i, tok in enumerate(toks):
            hit = lookup(tok.norm)
            end = tok.end
            if hit is None:
                rest = L.PHRASES.get(stripped[i]) or L.PHRASES.get(tok.norm)
                if rest and i + 1 < len(toks) and norms[i + 1] in rest:
                    hit = rest[norms[i + 1]], ""
                    end = toks[i + 1].end
            if hit is None:
                continue
            t, prefix = hit
            if t.type in seen and t.type not in nominal:
                continue
            if t.type in nominal and t.pos not in ("v", "vn"):
                continue
            j = street_action(norms, i) if t.pos == "p" else None
            if not self._passes(t, prefix, i, j, norms, stripped, sentence_words, sport=sport):
                continue
            seen.add(t.type)
            if j is not None:  # أحرق المتظاهرون: the action is the trigger, its doers the source
                found = Found(j, t, "", toks[j].end)
            else:
                found = Found(i, t, prefix, end)
            if t.type in nominal:  # a verb after a noun of its type: the verb is the trigger
                out[out.index(nominal.pop(t.type))] = found
            elif t.pos in ("n", "p", "vi"):
                nominal[t.type] = found
                out.append(found)
            else:
                out.append(found)
        return out

    def _passes(self, t: L.Trigger, prefix: str, i: int, action: int | None, norms: Sequence[str],
                stripped: Sequence[str], words: set[str], *, sport: bool) -> bool:
        """Whether the trigger ``t`` at ``i`` passes the guards; ``action`` is the street action
        before the doers a participle trigger names (:func:`street_action`, None for other triggers)."""
        before = norms[max(0, i - 3):i]
        if any(w in L.NEGATORS for w in norms[max(0, i - 2):i]):
            return False
        if t.pos == "n" and i >= 3 and norms[i - 3] in _NEGATED_VERB:
            return False  # لم يجر الرئيس اتصالا، لم تشهد المدينة مظاهرات: the verb that brings the noun in is negated
        if any(w in L.HALTED or strip_proclitic(w) in L.HALTED for w in norms[max(0, i - 2):i]):
            return False  # تعليق هجومها، وقف الاعتقالات: halted, not done
        k = i if action is None else action
        if any(w in L.RELATIVES for w in norms[max(0, k - 2):k]):
            return False  # المتظاهرين الذين تجمعوا، الانتحاري الذي فجر نفسه: a description, not the report
        if any(w in L.WHEN for w in norms[max(0, k - 2):k]):
            return False  # عندما اغتيل …، حين هاجم …: a clause that dates something else
        if any(w in L.PLUPERFECT for w in norms[max(0, k - 3):k]):
            return False  # وكان مسلحون قد خطفوا …: told as background to the news
        if t.pos in ("v", "vi", "vn") and ("س" in prefix or prefix.endswith("ل")):
            return False
        irrealis = [w for w in before if w in L.IRREALIS or strip_proclitic(w) in L.IRREALIS or _future_occur(w)]
        if irrealis and not (irrealis == ["قد"] and t.pos in ("v", "vn")):  # كان قد فجر: pluperfect
            return False
        nxt = norms[i + 1] if i + 1 < len(norms) else ""
        nxt2 = norms[i + 2] if i + 2 < len(norms) else ""
        word = norms[i][len(prefix):]
        lemma = t.lemma
        if _habit(norms, i, word):
            return False  # اعتاد أن يزور، يلتقي … كل أسبوع: a habit, no one event
        if t.type != "THREATEN" and _general(norms, i, lemma):
            return False  # ترفض أي هجوم، القبض على أي شخص، إذا هاجمت …: a policy or a case, no event
        if lemma == "استهدف" and _audience(norms, i):
            return False  # دورات تستهدف أكثر من 1470 متدربا، البرنامج يستهدف 6 آلاف منتفع: an audience
        if t.type == "THREATEN" and _endangers(norms, i, t):
            return False  # يهدد حياة الآلاف، الجفاف يهدد، يشكل تهديدا: a danger, no threat made
        if t.type == "ASSAULT" and _toll(norms, i):
            return False  # ارتفعت حصيلة قتلى …، قتل 35 … منذ بداية الموجة: a count, no one event
        if t.mode == "arrest" and " " in lemma and (any(_in(w, L.ARREST_NOT) for w in norms[max(0, i - 2):i]) or any(
                strip_proclitic(w).startswith(("رهين", "رهاين")) for w in norms[i + 2:i + 6])):
            return False  # أمر بالقبض على، بهدف القبض على: no arrest made; ألقوا القبض على رهائن: hostages taken
        if t.mode == "phone" and _not_a_call(norms, i):
            return False
        if t.type == "ASSAULT" and sport and lemma in ("هاجم", "هجوم", "قتل", "قصف", "استهدف", "مقتل"):
            return False
        if lemma == "هجوم" and strip_proclitic(nxt) in L.VERBAL_ATTACK | {"ال" + w for w in L.VERBAL_ATTACK}:
            return False
        if lemma == "هجوم" and nxt in L.VERBAL_ATTACK:
            return False
        if lemma == "قصف" and strip_proclitic(nxt) in ("جبهات", "الجبهات"):
            return False
        if lemma == "فجر" and word == "فجر" and strip_proclitic(nxt) not in _BARE_DAWN_NEXT and nxt not in _BARE_DAWN_NEXT:
            return False
        if lemma == "طعن" and (nxt in ("في", "بالحكم", "بقرار", "امام") or strip_proclitic(nxt).startswith("حكم")):
            return False
        if lemma == "قتل" and strip_proclitic(nxt) in ("وقت", "الوقت", "المباراه"):
            return False
        if lemma in ("احتجز", "احتجاز") and (word.startswith(("يحتجز", "تحتجز")) or any(
                strip_proclitic(w).startswith(("رهين", "رهاين")) for w in norms[i + 1:i + 5])):
            return False  # يحتجز: held (a state); احتجز رهائن: hostages taken, no arrest
        if lemma == L.STRIKE_VERB and "عن" not in (nxt, nxt2):
            return False
        if lemma in (L.SIGN_VERB, "توقيع") and not any(
                w in L.AGREEMENT_WORDS or strip_proclitic(w) in L.AGREEMENT_WORDS for w in norms[i + 1:i + 5]):
            return False
        if lemma == "مسيره":
            if word != "مسيرات" and word not in ("مسيره", "مسيرتين", "مسيرتان") and not word.startswith("مسيرات"):
                return False  # مسيرته، مسيرتها: a career
            if strip_proclitic(nxt) in L.MARCH_NOT or nxt in L.MARCH_NOT:
                return False
            if i and (norms[i - 1] in _DRONE_BEFORE):
                return False
            if any(s in w for w in words for s in _DRONE_SIGNS):
                return False
        if t.type == "PROTEST" and word.startswith("تظاهر") and t.pos == "n" and words & L.CULTURE_WORDS:
            return False
        if lemma == "تجمع" and not (word.endswith(("وا", "ون")) or strip_proclitic(nxt) in L.CROWD or nxt in L.CROWD
                                    or strip_proclitic(nxt) in PARTICIPLES or nxt[:1].isdigit()):
            return False  # تجمع الأم أبناءها: brings together
        if lemma == "وقفه" and nxt not in L.VIGIL:
            return False
        if t.pos == "p" and action is None:
            return False  # آلاف المتظاهرين alone: a crowd someone spoke to or dispersed, not its protest
        if lemma == "نزل" and not any(w in L.STREETS or strip_proclitic(w) in L.STREETS for w in norms[i + 1:i + 10]):
            return False
        if t.pos == "n" and ("ال" in prefix or prefix.endswith("لل")) and not introduced(norms, i):
            return False  # الهجوم، المظاهرات: an event already told (or known), not its report
        if (t.type == "PROTEST" and t.pos == "n" and i and norms[i - 1] in L.SETTING
                and street_action(norms, i - 1) is None and not any(w in L.STREET_ACTIONS or strip_proclitic(w) in L.STREET_ACTIONS for w in norms[max(0, i - 4):i - 1])):
            return False  # اعتقلت الشرطة عشرة خلال مظاهرات: the protest is the setting of another event
        if t.type == "PROTEST" and t.pos == "n" and lemma != "وقفه" and not any(
                w in L.OCCUR_VERBS or strip_proclitic(w) in L.OCCUR_VERBS or w in L.STREET_ACTIONS or strip_proclitic(w) in L.STREET_ACTIONS
                for w in list(norms[max(0, i - 3):i]) + list(norms[i + 1:i + 3])):
            return False  # a protest noun is reported by a verb that brings it in (اندلعت مظاهرات، نظموا اعتصاما);
            # وقفة احتجاجية names its own occasion (and stands only with احتجاجية، تضامنية … after it)
        if t.pos in ("n", "vn") and t.type == "ASSAULT" and _in_list(norms, i):
            return False  # قتل واغتصاب وتعذيب: kinds of crime named in a row, no one occurrence
        if t.pos in ("n", "vi", "vn"):
            if any(w in L.BACKGROUND or strip_proclitic(w) in L.BACKGROUND for w in before):
                return False
            near = list(norms[max(0, i - 6):i]) + list(norms[i + 1:i + 7])
            if t.mode != "phone" and not any(w in L.OCCUR or strip_proclitic(w) in L.OCCUR for w in near):
                return False  # (a phone call, اتصالا هاتفيا, is one whatever brings it in: تلقى، أجرى، في)
        if t.weak:
            signs = L.BOMB_WORDS if t.type == "ASSAULT" else L.PROTEST_SIGNS
            others = [w for j, w in enumerate(norms) if j != i] + [w for j, w in enumerate(stripped) if j != i]
            if not any(w in signs for w in others):
                return False
        return True

    def code(self, text: str, *, mentions: Sequence[Span] = (), timexes: Sequence[Span] = (),
             published_at: str | None = None, dateline_place: str = "",
             dateline_named_only: bool = False) -> list[Span]:
        """The ``event`` spans of ``text`` (a masked text: removed debris blanked). With
        ``dateline_named_only`` the dateline's place is an event's only where the text names it
        (:func:`~marsad.enrich.events.setting.confirmed_dateline`)."""
        out: list[Span] = []
        year = int(published_at[:4]) if published_at and published_at[:4].isdigit() else None
        place_of_dateline: str | None = None  # what the dateline gives as a place, found once
        for s, e in sentences(text):
            toks = tokens(text, s, e)
            found = self.triggers(toks, question=text[s:e].rstrip().endswith(("?", "؟")), year=year)
            found = [f for f in found if not (f.trigger.mode == "phone" and _TO_THE_PRESS.match(text, f.end, e))]
            if not found:
                continue
            # a mention or date in removed text (a dateline's «(CNN)», blanked) is no actor or date;
            # a date long before after منذ (since) begins a period, it dates no event of the sentence
            ts = [t for t in timexes if s <= t.start and t.end <= e and text[t.start:t.end].strip()
                  and not (long_before(event_date([t], None), published_at) and since(text, s, t.start))]
            date = event_date(ts, published_at)
            if long_before(date, published_at):
                continue  # «قتلوا في الجزائر بين 1994 و1996»: history told as background
            ms = [m for m in mentions if s <= m.start and m.end <= e and text[m.start:m.end].strip()]
            if place_of_dateline is None:
                place_of_dateline = confirmed_dateline(text, mentions, dateline_place,
                                                       named_only=dateline_named_only)
            for f in found:
                out.append(self._span(text, toks, f, ms, date, (s, e), place_of_dateline))
        return out

    def _span(self, text: str, toks: Sequence[Tok], f: Found, ms: Sequence[Span], date: dict[str, Any] | None,
              sent: tuple[int, int], dateline_place: str) -> Span:
        trig = toks[f.i]
        start = trig.start
        ends = [t.end for t in toks]
        places, actors = places_and_actors(text, toks, ends, ms, exclude=(start, f.end))
        if f.trigger.mode == "phone":
            source, target = phone_dyad(toks, ends, f, actors)
        else:
            source, target = dyad(toks, ends, f, actors, text)
        for a in (source, target):
            if a is not None and not a["text"]:
                a["text"] = text[a["start"]:a["end"]]
        place = visited(text, toks, f, ms) if f.trigger.mode == "visit" else None
        attrs: dict[str, Any] = {"type": f.trigger.type, "mode": f.trigger.mode, "trigger": f.trigger.lemma,
                                 "source": source, "target": target,
                                 "date": date, "place": place or event_place(places, start, dateline_place),
                                 "sentence": [sent[0], sent[1]]}
        return Span("event", start, f.end, f.trigger.type, f.trigger.lemma, attrs)
