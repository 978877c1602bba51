"""Actors and their roles in the events of the ``events`` stage (:mod:`marsad.enrich.events.coder` finds
the triggers, sentence by sentence, and asks this module who did what to whom).

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

Who tells the event is no actor of it (:func:`reporters`): the speaker of the clause or the verbal
noun it is in (أعلنت الأمم المتحدة أن غارات استهدفت …، أعلن المرصد مقتل صحفية) and whom the report
is attributed to (على ما أعلنت البعثة، حسبما ذكرت الصحافة).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from marsad.enrich.entities.features import _norm  # the cached normalize the tagger uses
from marsad.enrich.events import lexicon as L
from marsad.model import Span

if TYPE_CHECKING:
    from marsad.enrich.events.coder import Found, Tok

#: proclitic groups tried off a word, longest first (the coder lets a verb take only some of them)
PREFIXES = (*sorted(L.PROCLITICS + L.FUTURE_PROCLITICS, key=len, reverse=True), "")


@lru_cache(maxsize=200_000)
def strip_proclitic(n: str) -> str:
    """``n`` without a proclitic group (for list look-ups: والشرطة → شرطه)."""
    for p in PREFIXES[:-1]:
        if n.startswith(p) and len(n) - len(p) >= 3:
            return n[len(p):]
    return n


_PREPOSITION = re.compile("[بلك]")  # in a proclitic group: a noun after it starts a phrase of its own
_ACTOR_LABELS = {"PER", "ORG", "GPE", "NORP", "MISC"}
_PLACE_LABELS = {"GPE", "LOC"}
_PLACE_BEFORE = L.words({"في", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي",
                           "شرقي", "غربي", "مدينه", "بمدينه", "بلده", "ببلده", "محافظه", "بمحافظه", "ولايه",
                           "بولايه", "منطقه", "بمنطقه", "امام", "داخل", "عاصمه", "قريه", "بقريه", "اقليم",
                           "باقليم", "من", "الي", "حي", "بحي", "شوارع", "ساحات", "مخيم", "بمخيم",
                           "وفي", "ففي"})  # وفي الموصل، أفادت الشرطة …: a place, no actor
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
PARTICIPLES = frozenset(w for ws in L.PARTICIPLES for w in ws)


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
    off (و ف ب ك ل and their pairs: ``len(t.norm) - len(strip_proclitic(t.norm))``), the article kept:
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


def places_and_actors(text: str, toks: Sequence[Tok], ends: Sequence[int], ms: Sequence[Span], *,
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
        st = strip_proclitic(t.norm)
        as_written = t.norm in VICTIM_NOUNS or t.norm in ACTOR_NOUNS or t.norm in PARTICIPLES
        victim = st in VICTIM_NOUNS or t.norm in VICTIM_NOUNS
        if as_written or victim or st in ACTOR_NOUNS or st in PARTICIPLES:
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
        if not (w.isdigit() or w in _COUNTED_BY or strip_proclitic(w) in _COUNTED_BY):
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
        if any(toks[j].norm in _AGENT_BEFORE or strip_proclitic(toks[j].norm) in _AGENT_BEFORE for j in range(max(0, k - 2), k)):
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


#: verbs of saying (و/ف taken off): whoever says a clause tells the event, he is no actor of it
SAY = L.words({"قال", "قالت", "قالوا", "اعلن", "اعلنت", "اعلنوا", "ذكر", "ذكرت", "افاد", "افادت", "اكد", "اكدت",
               "اوضح", "اوضحت", "اضاف", "اضافت", "نقل", "نقلت", "كشف", "كشفت", "صرح", "صرحت", "اورد", "اوردت",
               "زعم", "زعمت", "تناقلت", "اشار", "اشارت", "يقول", "تقول", "مشيرا", "مضيفا", "موضحا", "مؤكدا",
               "مشيره", "مضيفه", "موضحه", "مؤكده"})
#: a bare complementizer (أن، إن، بأن): a clause told by the speaker before it begins here; أنه،
#: أنها carry its subject, often the speaker himself (أكد الوزير أنه التقى …), and are left alone
_THAT = L.words({"ان", "بان"})
#: what brings in whom a report is attributed to (حسبما ذكرت، على ما أعلنت، وفقا لـ، نقلا عن)
#: (كما alone is "also": كما اختطف مسلحون …)
_AS_SAID = L.words({"حسب", "بحسب", "حسبما", "وحسب", "وبحسب", "وفق", "وفقا", "طبقا", "نقلا"})


def _said(w: str) -> bool:
    return w in SAY or (w[:1] in ("و", "ف") and w[1:] in SAY)


def reporters(toks: Sequence[Tok], ends: Sequence[int], f: Found,
              actors: Sequence[dict[str, Any]]) -> tuple[set[int], int | None]:
    """Who tells the event of ``f`` rather than takes part in it (``id``s of ``actors``), and the
    token where the told clause begins (None when no speaker stands before it):

    * the speaker of a clause the trigger is in: an actor before a bare أن/إن that a verb of
      saying leads to (أعلنت الأمم المتحدة الأحد أن غارات جوية استهدفت الحديدة);
    * the speaker of a verbal noun it announces (أعلن المرصد مقتل صحفية): a noun trigger, the
      actor after a verb of saying with no أن between;
    * whom a report is attributed to (على ما أعلنت بعثة الأمم المتحدة، حسبما تناقلت الصحافة،
      وقالت الشرطة after the trigger): an actor right after such words.
    """
    out: set[int] = set()
    clause: int | None = None
    for c in range(f.i - 1, 0, -1):
        if toks[c].norm in _THAT and toks[c - 1].norm not in ("بعد", "قبل", "منذ", "وبعد") and any(
                _said(toks[j].norm) for j in range(max(0, c - 7), c)):
            clause = c
            break
    for a in actors:
        k = _tok_index(ends, a["start"])
        near = [toks[j].norm for j in range(max(0, k - 3), k)]
        if clause is not None and k < clause:
            out.add(id(a))
        elif any(w in _AS_SAID for w in near):
            out.add(id(a))
        elif any(_said(toks[j].norm) for j in range(max(0, k - 2), k)) and (
                k > f.i or (f.trigger.pos == "n" and not any(toks[j].norm in _THAT for j in range(k, f.i)))):
            out.add(id(a))
        elif "ما" in near[:-1] and near[near.index("ما") - 1:near.index("ما")] in (["علي"], ["وفق"]):
            out.add(id(a))  # على ما أعلنت بعثة الأمم المتحدة، وفق ما ذكرت الشرطة
    return out, clause


def dyad(toks: Sequence[Tok], ends: Sequence[int], f: Found, actors: list[dict[str, Any]],
          text: str = "") -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    start = toks[f.i].start
    told, _ = reporters(toks, ends, f, actors)
    told_actors = [a for a in actors if id(a) in told]
    actors = [a for a in actors if id(a) not in told]
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
        if any(w in _TARGET_BEFORE or strip_proclitic(w) in _TARGET_BEFORE for w in near):
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
        if any(a["end"] <= start for a in told_actors):  # with its teller before it set aside, a name further on is an object or an adjective of one
            # (أعلنت الأمم المتحدة أن غارات استهدفت محافظة الحديدة اليمنية), an actor noun may be the doer
            rest = [a for a in rest if a["type"] == "NOUN" or _tok_index(ends, a["start"]) <= f.i + 1]
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


#: a phone call received: the caller comes after من (تلقى اتصالا هاتفيا من نظيره، اتصال هاتفي تلقاه من …)
_RECEIVED = L.words({"تلقي", "تلقت", "تلقوا", "يتلقي", "تتلقي", "وتلقي", "وتلقت", "تلقاه", "تلقته", "تلقاها",
                     "تلقيا", "تلقينا", "تلقيت"})


def phone_dyad(toks: Sequence[Tok], ends: Sequence[int], f: Found,
               actors: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Caller and callee of a phone call (``f``, two words). Received (تلقى … اتصالا هاتفيا من X،
    اتصال هاتفي تلقاه من X): the caller is the first actor after من, the callee the subject before
    it. Made (أجرى X اتصالا هاتفيا بـY، بحث X في اتصال هاتفي مع Y): the caller is the nearest actor
    before it (up to ten words), the callee the first actor after it led by ب or مع. Whoever
    reports the call (قالت الرئاسة إن …) is neither."""
    told, _ = reporters(toks, ends, f, actors)
    i = f.i
    cut = _clause_start(toks, i)
    # a teller is no party (قالت الرئاسة إن الملك تلقى …), but the subject of a verb of saying in
    # the call's own clause is its caller (أكد الملك للرئيس في اتصال هاتفي أهمية …: events.v14)
    actors = [a for a in actors if not a.get("victim") and (
        id(a) not in told or cut <= a["start"] < toks[i].start)]
    end_i = _tok_index(ends, f.end - 1)
    near = [toks[k].norm for k in range(max(0, i - 8), min(len(toks), end_i + 2))]
    received = any(w in _RECEIVED for w in near)
    before = [a for a in actors if a["end"] <= toks[i].start and i - _tok_index(ends, a["end"] - 1) <= 10]
    after = [a for a in actors if a["start"] >= f.end and _tok_index(ends, a["start"]) - end_i <= 8]

    def led_by(a: dict[str, Any], words: tuple[str, ...]) -> bool:
        """Whether a word of ``words`` (or a word with ب on it, when ب is one) stands between the
        call and the actor, or on the actor's first word (بنظيره، بالرئيس عبدالفتاح السيسي)."""
        k = _tok_index(ends, a["start"])
        between = [toks[j].norm for j in range(end_i + 1, min(k + 1, len(toks)))]
        return any(w in words or ("ب" in words and w[:1] == "ب" and not w.startswith("بعد")) for w in between)

    def first(cands: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The first of ``cands``, a name before a nationality adjective (العاهل الأردني الملك
        عبدالله: the king, not الأردني)."""
        return next((a for a in cands if a.get("type") != "NORP"), cands[0] if cands else None)

    subject = first(before[::-1])
    if received:
        return _public(first([a for a in after if led_by(a, ("من",))])), _public(subject)
    callee = first([a for a in after if led_by(a, ("ب", "مع", "الي"))])
    # events.v14: a call told after a verb, its subject and its object (أبلغ بوتين الأسد خلال
    # اتصال هاتفي، أكد الملك للرئيس في اتصال هاتفي، هنأ الأمير الرئيس في اتصال هاتفي): the subject
    # is the first person of the clause, not the nearest actor (the object)
    clause = [a for a in before if a["start"] >= cut and a.get("type") != "NORP"]
    people = [a for a in clause if a.get("type") == "PER"]
    if len(clause) >= 2 and people and people[0] is not clause[-1]:
        subject = people[0]
        rest = [a for a in clause if a["start"] > subject["start"]]
        if callee is None and rest:
            callee = next((a for a in rest if a.get("type") == "PER"), rest[0])
    if subject is None and toks[end_i + 1:end_i + 2] and toks[end_i + 1].norm == "بين" and len(after) >= 2:
        return _public(after[0]), _public(after[1])  # جرى اتصال هاتفي بين ماكرون وروحاني
    return _public(subject), _public(callee)


def _clause_start(toks: Sequence[Tok], i: int) -> int:
    """Where the clause of the word ``i`` begins, as a character offset: after the nearest أن
    before it (قال الكرملين إن بوتين أبلغ …), at most twelve words back."""
    for k in range(i - 1, max(-1, i - 13), -1):
        if toks[k].norm in ("ان", "بان", "وان", "انه", "انها", "بانه", "بانها"):
            return toks[k].end
    return toks[max(0, i - 12)].start if toks else 0


def _public(a: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if a is None else {k: v for k, v in a.items() if k != "victim"}
