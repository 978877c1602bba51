"""The event coder of ``events.v10``: per sentence, PLOVER event mentions found by trigger words.

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

Actors are the sentence's entity mentions (from ``entities``) and a short list of common actor
nouns (مسلحون، الشرطة، المتظاهرون …) where no name is given. A place (a GPE/LOC after في، ب،
قرب، مدينة …) is not an actor. The source is the nearest actor before the trigger (subject first,
SVO), else the first after it (VSO: هاجم مسلحون القرية); the target is the actor after على،
ضد، بحق or استهدف, else for a verb the next actor after the source.

Victims are never the source of an assault. An actor is a victim when it is a victim noun
(مدنيين، أشخاص), when it follows a word of harm suffered (مقتل أربعة من عناصر الشرطة، أصيب
جنديان, :data:`SUFFER`), or a harm verb with a count between (قتل 13 عراقيا: the unvowelled
passive قُتل). A harm verb with no object after it, a preposition or time word instead (14 جنديا
قتلوا في هجوم، قتلا بانفجار عبوة), is an unmarked passive (:func:`passive`): the actor right before
it is the target (one further off, وأعلنت الوزارة أن 30 شخصا قتلوا, is the speaker, no actor of
it), and the source is only a doer brought in by شنه، على يد، برصاص … On the GSR dev half this
moved the ASSAULT target match from 35 to 68 of 122 sentences (source 29 → 30 of 68).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from marsad.enrich.entities.features import _norm  # the cached normalize the tagger uses
from marsad.enrich.events import lexicon as L
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

#: proclitic groups tried off a word, longest first; verbs take only those in _VERB_PREFIX
_PREFIXES = (*sorted(L.PROCLITICS + L.FUTURE_PROCLITICS, key=len, reverse=True), "")
_VERB_PREFIX = {"", "و", "ف", "ل", "ول", "فل", "س", "وس", "فس"}
_PREPOSITION = re.compile("[بلك]")  # in a proclitic group: a noun after it starts a phrase of its own
_ACTOR_LABELS = {"PER", "ORG", "GPE", "NORP", "MISC"}
_PLACE_LABELS = {"GPE", "LOC"}
_PLACE_BEFORE = L.words({"في", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي",
                           "شرقي", "غربي", "مدينه", "بمدينه", "بلده", "ببلده", "محافظه", "بمحافظه", "ولايه",
                           "بولايه", "منطقه", "بمنطقه", "امام", "داخل", "عاصمه", "قريه", "بقريه", "اقليم",
                           "باقليم", "من", "الي", "حي", "بحي", "شوارع", "ساحات", "مخيم", "بمخيم"})
_TARGET_BEFORE = L.words({"علي", "ضد", "بحق", "استهدف", "استهدفت", "استهدفوا", "يستهدف", "تستهدف",
                            "لاستهداف", "استهداف", "باستهداف", "ضحيته", "طالت", "طال"})
#: common actor nouns, used when the sentence names no one in that place (their forms with
#: suffixes listed: the proclitic group is taken off before the look-up)
ACTOR_NOUNS = L.words({
    "متظاهرون", "متظاهرين", "محتجون", "محتجين", "معتصمون", "معتصمين", "مسلحون", "مسلحين", "مسلح", "مسلحا",
    "مسلحان", "مجهولون", "مجهولين", "انتحاري", "انتحاريون", "انتحاريين", "انتحاريه", "انتحاريان",
    "انتحاريا", "مهاجمون", "مهاجمين", "مهاجم", "مهاجما", "شرطه", "قوات", "جيش", "جنود", "جندي", "طلاب",
    "طلبه", "عمال", "اهالي", "معارضه", "مستوطنون", "مستوطنين", "مستوطني", "جنديا", "جنديان", "جنديين", "شرطيا", "شرطيان", "شرطيين", "متمردون", "متمردين",
    "مقاتلون", "مقاتلين", "عناصر", "مواطنون", "ناشطون", "ناشطين", "موظفون", "اطباء", "معلمون", "محامون",
    "مفجرون", "مفجر", "مفجرين", "ميليشيات", "مليشيات", "ميليشيا", "جماعه", "مجموعه", "حشود", "قراصنه",
    "خاطفون", "خاطفين", "الخاطفون", "ارهابيون", "ارهابيين", "متشددون", "متشددين", "سلطات",
})
#: people an attack falls on: a target, never a source
VICTIM_NOUNS = L.words({
    "شخص", "شخصا", "اشخاص", "رجل", "رجال", "امراه", "نساء", "اطفال", "مدنيين", "مدنيون", "مدنيا",
    "مواطنين", "ضحايا", "سكان", "مدنيان", "صحفيين", "صحفيون", "موظفين", "معلمين", "محامين", "شبان",
    "شباب", "طفل", "طفلا", "سياح", "سياحا", "زوار", "مصلين", "حجاج",
})
_PARTICIPLES = frozenset(w for ws in L.PARTICIPLES for w in ws)
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
    return prev in L.OCCUR_VERBS or _strip(prev) in L.OCCUR_VERBS


def _crime_noun(w: str) -> bool:
    """A noun of a violent act (a trigger noun, or اغتصاب، نهب … of :data:`lexicon.CRIMES`)."""
    if not w:
        return False
    if w.startswith("و") and len(w) > 3:
        w = w[1:]
    if w in L.CRIMES or _strip(w) in L.CRIMES:
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
        if norms[j] in L.STREET_ACTIONS or _strip(norms[j]) in L.STREET_ACTIONS:
            return j
        if j < i - 1 and not (norms[j] in L.QUANTITY or norms[j] == "من" or norms[j].isdigit()):
            return None  # only a count may stand between (خرج عشرات الآلاف من المتظاهرين)
    return None


@lru_cache(maxsize=200_000)
def _strip(n: str) -> str:
    """``n`` without a proclitic group (for list look-ups: والشرطة → شرطه)."""
    for p in _PREFIXES[:-1]:
        if n.startswith(p) and len(n) - len(p) >= 3:
            return n[len(p):]
    return n


#: the nouns وزارة، وزارات، وزاري، وزير (and their forms) begin so once their proclitic group is off;
#: they look like و + a form of زار (وزاره: "and he visited him") and are not
_MINISTRY = ("وزاره", "وزارات", "وزاري", "وزير")


def _ministry(norm: str) -> bool:
    """Whether a normalized word is a form of وزارة or وزير (الوزارة، ووزير، بوزارتها), not و + زار
    (وزار، وزارت، وزاروا: "and he, she, they visited"). وزارت with a suffix after it is the
    ministry's construct form (وزارته، وزارتها)."""
    for p in _PREFIXES:
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
    for p in _PREFIXES:
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


class EventCoder:
    """Finds event mentions in a text, given its mention and timex spans."""

    def triggers(self, toks: Sequence[Tok], *, question: bool = False, year: int | None = None) -> list[Found]:
        """The triggers of one sentence that pass the guards, one per type. None in a question
        (هل يجوز تبرير القتل؟ asks, it reports nothing) or in a sentence that names an earlier
        year (في عام 1995: history; before ``year``, the publication's, when it is known)."""
        norms = [t.norm for t in toks]
        if question or past_year(norms, year) or not any(lookup(n) is not None or n in L.PHRASES or _strip(n) in L.PHRASES for n in norms):
            return []
        stripped = [_strip(n) for n in norms]
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
        k = i if action is None else action
        if any(w in L.RELATIVES for w in norms[max(0, k - 2):k]):
            return False  # المتظاهرين الذين تجمعوا، الانتحاري الذي فجر نفسه: a description, not the report
        if any(w in L.WHEN for w in norms[max(0, k - 2):k]):
            return False  # عندما اغتيل …، حين هاجم …: a clause that dates something else
        if any(w in L.PLUPERFECT for w in norms[max(0, k - 3):k]):
            return False  # وكان مسلحون قد خطفوا …: told as background to the news
        if t.pos in ("v", "vi", "vn") and ("س" in prefix or prefix.endswith("ل")):
            return False
        irrealis = [w for w in before if w in L.IRREALIS or _strip(w) in L.IRREALIS or _future_occur(w)]
        if irrealis and not (irrealis == ["قد"] and t.pos in ("v", "vn")):  # كان قد فجر: pluperfect
            return False
        nxt = norms[i + 1] if i + 1 < len(norms) else ""
        nxt2 = norms[i + 2] if i + 2 < len(norms) else ""
        word = norms[i][len(prefix):]
        lemma = t.lemma
        if t.type == "ASSAULT" and sport and lemma in ("هاجم", "هجوم", "قتل", "قصف", "استهدف", "مقتل"):
            return False
        if lemma == "هجوم" and _strip(nxt) in L.VERBAL_ATTACK | {"ال" + w for w in L.VERBAL_ATTACK}:
            return False
        if lemma == "هجوم" and nxt in L.VERBAL_ATTACK:
            return False
        if lemma == "قصف" and _strip(nxt) in ("جبهات", "الجبهات"):
            return False
        if lemma == "فجر" and word == "فجر" and _strip(nxt) not in _BARE_DAWN_NEXT and nxt not in _BARE_DAWN_NEXT:
            return False
        if lemma == "طعن" and (nxt in ("في", "بالحكم", "بقرار", "امام") or _strip(nxt).startswith("حكم")):
            return False
        if lemma == "قتل" and _strip(nxt) in ("وقت", "الوقت", "المباراه"):
            return False
        if lemma == L.STRIKE_VERB and "عن" not in (nxt, nxt2):
            return False
        if lemma in (L.SIGN_VERB, "توقيع") and not any(
                w in L.AGREEMENT_WORDS or _strip(w) in L.AGREEMENT_WORDS for w in norms[i + 1:i + 5]):
            return False
        if lemma == "مسيره":
            if word != "مسيرات" and word not in ("مسيره", "مسيرتين", "مسيرتان") and not word.startswith("مسيرات"):
                return False  # مسيرته، مسيرتها: a career
            if _strip(nxt) in L.MARCH_NOT or nxt in L.MARCH_NOT:
                return False
            if i and (norms[i - 1] in _DRONE_BEFORE):
                return False
            if any(s in w for w in words for s in _DRONE_SIGNS):
                return False
        if t.type == "PROTEST" and word.startswith("تظاهر") and t.pos == "n" and words & L.CULTURE_WORDS:
            return False
        if lemma == "تجمع" and not (word.endswith(("وا", "ون")) or _strip(nxt) in L.CROWD or nxt in L.CROWD
                                    or _strip(nxt) in _PARTICIPLES or nxt[:1].isdigit()):
            return False  # تجمع الأم أبناءها: brings together
        if lemma == "وقفه" and nxt not in L.VIGIL:
            return False
        if t.pos == "p" and action is None:
            return False  # آلاف المتظاهرين alone: a crowd someone spoke to or dispersed, not its protest
        if lemma == "نزل" and not any(w in L.STREETS or _strip(w) in L.STREETS for w in norms[i + 1:i + 10]):
            return False
        if t.pos == "n" and ("ال" in prefix or prefix.endswith("لل")) and not introduced(norms, i):
            return False  # الهجوم، المظاهرات: an event already told (or known), not its report
        if (t.type == "PROTEST" and t.pos == "n" and i and norms[i - 1] in L.SETTING
                and street_action(norms, i - 1) is None and not any(w in L.STREET_ACTIONS or _strip(w) in L.STREET_ACTIONS for w in norms[max(0, i - 4):i - 1])):
            return False  # اعتقلت الشرطة عشرة خلال مظاهرات: the protest is the setting of another event
        if t.type == "PROTEST" and t.pos == "n" and lemma != "وقفه" and not any(
                w in L.OCCUR_VERBS or _strip(w) in L.OCCUR_VERBS or w in L.STREET_ACTIONS or _strip(w) in L.STREET_ACTIONS
                for w in list(norms[max(0, i - 3):i]) + list(norms[i + 1:i + 3])):
            return False  # a protest noun is reported by a verb that brings it in (اندلعت مظاهرات، نظموا اعتصاما);
            # وقفة احتجاجية names its own occasion (and stands only with احتجاجية، تضامنية … after it)
        if t.pos in ("n", "vn") and t.type == "ASSAULT" and _in_list(norms, i):
            return False  # قتل واغتصاب وتعذيب: kinds of crime named in a row, no one occurrence
        if t.pos in ("n", "vi", "vn"):
            if any(w in L.BACKGROUND or _strip(w) in L.BACKGROUND for w in before):
                return False
            near = list(norms[max(0, i - 6):i]) + list(norms[i + 1:i + 7])
            if not any(w in L.OCCUR or _strip(w) in L.OCCUR for w in near):
                return False
        if t.weak:
            signs = L.BOMB_WORDS if t.type == "ASSAULT" else L.PROTEST_SIGNS
            others = [w for j, w in enumerate(norms) if j != i] + [w for j, w in enumerate(stripped) if j != i]
            if not any(w in signs for w in others):
                return False
        return True

    def code(self, text: str, *, mentions: Sequence[Span] = (), timexes: Sequence[Span] = (),
             published_at: str | None = None, dateline_place: str = "") -> list[Span]:
        """The ``event`` spans of ``text`` (a masked text: removed debris blanked)."""
        out: list[Span] = []
        year = int(published_at[:4]) if published_at and published_at[:4].isdigit() else None
        place_of_dateline: str | None = None  # what the dateline gives as a place, found once
        for s, e in sentences(text):
            toks = tokens(text, s, e)
            found = self.triggers(toks, question=text[s:e].rstrip().endswith(("?", "؟")), year=year)
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
                place_of_dateline = confirmed_dateline(text, mentions, dateline_place)
            for f in found:
                out.append(self._span(text, toks, f, ms, date, (s, e), place_of_dateline))
        return out

    def _span(self, text: str, toks: Sequence[Tok], f: Found, ms: Sequence[Span], date: dict[str, Any] | None,
              sent: tuple[int, int], dateline_place: str) -> Span:
        trig = toks[f.i]
        start = trig.start
        ends = [t.end for t in toks]
        places, actors = _places_and_actors(text, toks, ends, ms, exclude=(start, f.end))
        source, target = _dyad(toks, ends, f, actors, text)
        for a in (source, target):
            if a is not None and not a["text"]:
                a["text"] = text[a["start"]:a["end"]]
        attrs: dict[str, Any] = {"type": f.trigger.type, "mode": f.trigger.mode, "trigger": f.trigger.lemma,
                                 "source": source, "target": target,
                                 "date": date, "place": event_place(places, start, dateline_place),
                                 "sentence": [sent[0], sent[1]]}
        return Span("event", start, f.end, f.trigger.type, f.trigger.lemma, attrs)


def _tok_index(ends: Sequence[int], pos: int) -> int:
    """The index of the first token ending after ``pos`` (``len(ends)`` when none does), by
    bisection over the tokens' ends, which rise through a sentence."""
    return bisect_right(ends, pos)


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open spans as disjoint spans sorted by start: their starts and ends."""
    starts: list[int] = []
    stops: list[int] = []
    for a, b in sorted(spans):
        if stops and a <= stops[-1]:
            stops[-1] = max(stops[-1], b)
        else:
            starts.append(a)
            stops.append(b)
    return starts, stops


def _inside(starts: Sequence[int], stops: Sequence[int], pos: int) -> bool:
    """Whether ``pos`` falls in one of the disjoint sorted spans (:func:`_merged`)."""
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < stops[k]


def _actor(text: str, start: int, end: int, *, entity: str = "", type: str = "NOUN") -> dict[str, Any]:  # noqa: A002
    return {"text": text[start:end], "start": start, "end": end, "entity": entity, "type": type}


def _noun_start(text: str, t: Tok, proclitics: int) -> int:
    """Where an actor noun begins in ``text``: after the ``proclitics`` letters the look-up took
    off (و ف ب ك ل and their pairs: ``len(t.norm) - len(_strip(t.norm))``), the article kept:
    بالمدنيين → المدنيين, للجيش → جيش (the article's alif is not written after ل), لقوات → قوات.
    Diacritics (U+064B–U+0652) and tatweel (U+0640) are stepped over. The caller keeps the
    first letters of a noun the lists hold as written."""
    skip = proclitics - 2 if t.norm[:proclitics].endswith("ال") else proclitics
    pos = t.start
    while skip > 0 and pos < t.end:
        if not ("\u064b" <= text[pos] <= "\u0652" or text[pos] == "\u0640"):
            skip -= 1
        pos += 1
    while pos < t.end and ("\u064b" <= text[pos] <= "\u0652" or text[pos] == "\u0640"):
        pos += 1
    return pos if pos < t.end else t.start


def media(name: str) -> bool:
    """Whether a mention names who carries the news, not who makes it: a wire agency or a
    platform (:data:`lexicon.MEDIA`; رويترز، فرانس برس، تويتر), or an agency named in full
    (وكالة الأنباء السعودية، وكالة الإعلام الوطنية اللبنانية), also after the preposition or
    conjunction ل، و، ب (صرّح لجوهرة أف أم، لـCNN). Such a letter is taken off an acronym of four
    Arabic letters or fewer (بنا، واس، سانا، ارنا) only when a tatweel sets it apart (لـواس): لبنا
    (a given name) is not ل + بنا (the Bahrain News Agency), nor وبنا ("and in us") و + بنا, nor
    وارنا (Varna) و + ارنا."""
    n = _norm(name)
    words = n.split()
    if n in L.MEDIA or (len(words) > 1 and words[0] in L.MEDIA_HEADS and words[1] in L.MEDIA_KINDS):
        return True
    rest = n[1:]
    if n[:1] not in ("ل", "و", "ب") or rest not in L.MEDIA:
        return False
    return not _ARABIC_LETTERS.fullmatch(rest.replace(" ", "")) or len(rest.replace(" ", "")) > 4 or \
        name.lstrip()[1:2] == "\u0640"


_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]+")


def _places_and_actors(text: str, toks: Sequence[Tok], ends: Sequence[int], ms: Sequence[Span], *,
                       exclude: tuple[int, int]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    places: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    covered: list[tuple[int, int]] = []
    for m in ms:
        k = _tok_index(ends, m.start)
        prev = toks[k - 1].norm if k > 0 else ""
        own = toks[k] if k < len(toks) else None
        prefixed = own is not None and own.start < m.start and _norm(text[own.start:m.start]) in ("ب", "وب", "فب")
        covered.append((m.start, m.end))
        if media(text[m.start:m.end]):
            continue  # the agency or platform that carries the news (لوكالة فرانس برس، على تويتر)
        if m.label in _PLACE_LABELS and (m.label == "LOC" or prev in _PLACE_BEFORE or prefixed):
            places.append(_actor(text, m.start, m.end, entity=m.value, type=m.label))
        elif m.label in _ACTOR_LABELS:
            actors.append(_actor(text, m.start, m.end, entity=m.value, type=m.label))
    starts, stops = _merged(covered)
    last = -2
    for k, t in enumerate(toks):
        if exclude[0] <= t.start < exclude[1] or _inside(starts, stops, t.start) or _inside(starts, stops, t.end - 1):
            continue  # a word with a mention in it (لميليشيات الحوثي: the mention is the actor)
        st = _strip(t.norm)
        as_written = t.norm in VICTIM_NOUNS or t.norm in ACTOR_NOUNS or t.norm in _PARTICIPLES
        victim = st in VICTIM_NOUNS or t.norm in VICTIM_NOUNS
        if as_written or victim or st in ACTOR_NOUNS or st in _PARTICIPLES:
            prev = actors[-1] if actors else None
            # a noun the lists hold as written keeps its first letters
            begins = t.start if as_written else _noun_start(text, t, len(t.norm) - len(st))
            # عشرات العاملين, مسلحون مجهولون, الأطفال والنساء are one actor; مسلحون بالمدنيين is two
            joins = not _PREPOSITION.search(_norm(text[t.start:begins]))
            if last == k - 1 and prev is not None and prev["type"] in ("NOUN", "COUNT") and joins:
                a = _actor(text, prev["start"], t.end)  # عشرات العاملين, مسلحون مجهولون
                a["victim"] = victim and (prev["type"] == "COUNT" or prev.get("victim", False))
                actors[-1] = a
            else:
                actors.append({**_actor(text, begins, t.end), "victim": victim})
            last = k
        elif st in L.COUNTS or t.norm in L.COUNTS or t.norm.isdigit():
            actors.append({**_actor(text, t.start, t.end, type="COUNT"), "victim": False})
            last = k
    actors = [a for a in actors if a["type"] != "COUNT"]
    actors.sort(key=lambda a: a["start"])
    return places, _join_nationalities(text, actors)


def _join_nationalities(text: str, actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A nationality right after a noun is its adjective (الشرطة التركية: one actor, keyed by the
    nationality); one right before a name is the name's (الرئيس الفرنسي إيمانويل ماكرون)."""
    out: list[dict[str, Any]] = []
    for a in actors:
        prev = out[-1] if out else None
        if prev is not None and not text[prev["end"]:a["start"]].strip():
            if a["type"] == "NORP" and prev["type"] == "NOUN":
                out[-1] = {**_actor(text, prev["start"], a["end"], entity=a["entity"], type="NOUN"),
                           "victim": prev.get("victim", False)}
                continue
            if prev["type"] == "NORP" and a["type"] in ("PER", "ORG"):
                out[-1] = a
                continue
        out.append(a)
    return out


#: harm suffered: the people right after one of these (a count or a time word may stand between)
#: are its victims (مقتل أربعة من عناصر الشرطة، أصيب جنديان، لقي 26 شخصا مصرعهم، اغتيال الصحفي)
SUFFER = L.words({"مقتل", "اصيب", "اصيبت", "اصابه", "لقي", "سقط", "استشهد", "استشهاد", "اغتيال", "اختطاف",
                  "ومقتل", "واصيب", "واصابه", "ولقي", "وسقط", "واستشهد", "اغتيل", "واغتيل"})
#: … and these, only with a count between (قتل 13 عراقيا: the unvowelled passive; قتل مسلحون
#: رجلا names the doers right after the verb)
HARM_COUNTED = L.words({"قتل", "وقتل", "ذبح", "جرح", "وجرح", "قتلوا", "قتلا", "قتلت", "خطف", "وخطف"})
#: what may stand between a word of harm and its victims: counts, من، and a time word
_COUNTED_BY = L.words({"احد", "اثنان", "اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه",
                       "عشره", "من", "اول", "امس", "اليوم", "صباح", "مساء", "ما", "لا", "يقل", "عن", "بين", "و"}) | L.QUANTITY
#: the word right after a harm verb that makes it an unmarked passive (14 جنديا قتلوا في هجوم …،
#: جنديين عراقيين قتلا بانفجار عبوة): a preposition or a time word where its object would stand
_DUALS = L.words({"جنديان", "جنديين", "شرطيان", "شرطيين", "شخصان", "شخصين", "مدنيان", "مدنيين"})
_PASSIVE_NEXT = L.words({"في", "جراء", "اثر", "خلال", "اثناء", "لدي", "عند", "امس", "اليوم", "صباح",
                         "مساء", "قرب", "بعد", "داخل", "وسط", "عندما", "حين", "واصيب", "وجرح", "واصيبوا"})
#: before the doer of a passive (في هجوم شنه مسلحون، على يد مسلحين، برصاص قناص)
_AGENT_BEFORE = L.words({"شنه", "شنها", "شنته", "شنتها", "نفذه", "نفذها", "نفذته", "نفذتها", "يد", "ايدي",
                         "برصاص", "بنيران", "اطلقها", "اطلقه"})
_HARM_LEMMAS = frozenset({"قتل", "ذبح", "اغتال", "اغتيل"})


def _counted_after_harm(toks: Sequence[Tok], k: int) -> bool:
    """Whether the actor starting at token ``k`` follows a word of harm (:data:`SUFFER`, or
    :data:`HARM_COUNTED` with a count between), only counts, numbers, من or a time word
    between (وقتل أول من أمس 4 جنود إثيوبيين)."""
    own = toks[k].norm if k < len(toks) else ""
    counted = own.isdigit() or own in L.QUANTITY or own in _DUALS  # 4 جنود، جنديان: the actor holds its count
    for j in range(k - 1, max(-1, k - 6), -1):
        w = toks[j].norm
        if w in SUFFER or (counted and w in HARM_COUNTED):
            return True
        if not (w.isdigit() or w in _COUNTED_BY or _strip(w) in _COUNTED_BY):
            return False
        counted = counted or w.isdigit() or w not in ("من", "اول", "امس", "اليوم", "صباح", "مساء", "و")
    return False


def passive(toks: Sequence[Tok], text: str, f: Found) -> bool:
    """Whether the harm verb of ``f`` is an unmarked passive (قُتل written قتل): no object after it,
    but a preposition or time word (14 جنديا قتلوا في هجوم، قتلا بانفجار عبوة) or the end of the
    clause. A verb with an object pronoun (قتلوه في منزله) is active."""
    t = f.trigger
    if t.type != "ASSAULT" or t.pos not in ("v", "vn") or t.lemma not in _HARM_LEMMAS:
        return False
    word = toks[f.i].norm[len(f.prefix):]
    if word.endswith(("ه", "ها", "هم", "هما")) and word not in ("قتله",):
        return False
    if f.i + 1 >= len(toks):
        return True
    gap = text[toks[f.i].end:toks[f.i + 1].start]
    nxt = toks[f.i + 1].norm
    return ("،" in gap or "," in gap or nxt in _PASSIVE_NEXT
            or (nxt.startswith("ب") and len(nxt) > 3 and not nxt.startswith("بين")))


def _agent(toks: Sequence[Tok], ends: Sequence[int], actors: Sequence[dict[str, Any]], after: int) -> dict[str, Any] | None:
    """The doer of a passive: the first actor after ``after`` brought in by شنه، على يد، برصاص …"""
    for a in actors:
        if a["start"] < after:
            continue
        k = _tok_index(ends, a["start"])
        if any(toks[j].norm in _AGENT_BEFORE or _strip(toks[j].norm) in _AGENT_BEFORE for j in range(max(0, k - 2), k)):
            return a
    return None


def _object_pronoun(toks: Sequence[Tok], f: Found) -> bool:
    """Whether the verb of ``f`` carries its object as a suffix after the feminine ت (اعتقلته،
    استهدفتها، هاجمته): its subject then follows it (اعتقلته السلطات، هاجمته عناصر مسلحة), and no
    actor after it is its object. A plural subject is in the verb itself (وقتلوه: the doers were
    named before)."""
    word = toks[f.i].norm[len(f.prefix):]
    lemma = _norm(f.trigger.lemma)
    return (word.startswith(lemma[:3]) and len(word) > len(lemma) + 1
            and word.endswith(("ته", "تها", "تهم")))


def _dyad(toks: Sequence[Tok], ends: Sequence[int], f: Found, actors: list[dict[str, Any]],
          text: str = "") -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    start = toks[f.i].start
    if f.trigger.type == "ASSAULT":
        for a in actors:
            if not a.get("victim") and _counted_after_harm(toks, _tok_index(ends, a["start"])):
                a["victim"] = True
        if passive(toks, text, f):
            # its subject stands right before it (a word such as قد between at most): whoever
            # is further off (وأعلنت الوزارة أن 30 شخصا قتلوا) is no actor of this event
            before = [a for a in actors if a["end"] <= start and f.i - _tok_index(ends, a["end"] - 1) <= 2]
            victim = before[-1] if before else next(  # قتل في الهجوم 13 شخصا: the victims after it
                (a for a in actors if a["start"] >= f.end and a.get("victim")), None)
            doer = _agent(toks, ends, actors, f.end)
            return _public(doer), _public(victim if victim is not doer else None)
    if f.trigger.pos == "v" and _object_pronoun(toks, f):
        # اعتقلته السلطات: its object is the pronoun (someone named before), its subject comes after
        doer = next((a for a in actors if a["start"] >= f.end and not a.get("victim")
                     and _tok_index(ends, a["start"]) == f.i + 1), None)
        if doer is not None:
            return _public(doer), None
    before = [a for a in actors if a["end"] <= start and not a.get("victim")]
    after = [a for a in actors if a["start"] >= f.end]
    target = None
    for a in after:
        k = _tok_index(ends, a["start"])
        near = [toks[j].norm for j in range(max(0, k - 2), k)]
        if any(w in _TARGET_BEFORE or _strip(w) in _TARGET_BEFORE for w in near):
            target = a
            break
        own = toks[k].norm if k < len(toks) else ""
        if own.startswith("ل") and not own.startswith("ال") and f.trigger.type in ("ASSAULT", "THREATEN"):
            target = a
            break
    source = None
    if before and _tok_index(ends, start) - _tok_index(ends, before[-1]["start"]) <= 10:
        source = before[-1]
    else:
        rest = [a for a in after if a is not target and not a.get("victim")]
        if rest and (target is None or rest[0]["start"] < target["start"]):
            source = rest[0]
    if target is None and f.trigger.pos in ("v", "vi", "vn"):
        rest = [a for a in after if a is not source and (source is None or a["start"] > source["start"])]
        if rest:
            target = rest[0]
    if target is None and f.trigger.type == "PROTEST":
        target = _against(toks, f)
    if target is None and f.trigger.pos == "vn" and after and after[0].get("victim"):
        target = after[0]  # قتل 18 شخصا: the unvowelled passive
    if target is None and f.trigger.type == "ASSAULT":
        victims = [a for a in actors if a.get("victim") and a is not source]
        if victims:  # أصيب جنديان في هجوم، مقتل أربعة من عناصر الشرطة في تفجير: the nearest victims
            target = min(victims, key=lambda a: abs(a["start"] - start))
    if source is not None and target is not None and source["entity"] and source["entity"] == target["entity"]:
        target = None
    return _public(source), _public(target)


def _against(toks: Sequence[Tok], f: Found) -> dict[str, Any] | None:
    """What a protest is against when no actor is named there: the words after ضد or
    (احتجاجا) على, a noun and its genitive (جدار الفصل، حملة اليمين)."""
    for k in range(f.i + 1, min(len(toks) - 1, f.i + 12)):
        if toks[k].norm in ("ضد", "علي", "وضد") or (toks[k].norm == "تندد" or toks[k].norm.startswith("بالتنديد")):
            a = toks[k + 1]
            b = toks[k + 2] if k + 2 < len(toks) and toks[k + 2].norm.startswith("ال") and not a.norm.startswith("ال") else a
            return {"text": "", "start": a.start, "end": b.end, "entity": "", "type": "NOUN"}
    return None


def _public(a: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if a is None else {k: v for k, v in a.items() if k != "victim"}
