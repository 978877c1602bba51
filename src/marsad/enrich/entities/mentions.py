"""Mention detection for news: the CRF's spans plus gazetteers and rules, in the news tagset.

The CRF speaks ANERcorp (PERS, LOC, ORG, MISC). This module turns its output into marsad's
news tagset and fixes what a statistical tagger gets wrong in news:

* **types**: PERS → PER; LOC → GPE when the gazetteer knows a country or city (or the name is
  unknown), LOC for seas, mountains, regions (``lexicon.LOC_HEADS``/``REGIONS``); nationality
  and group adjectives → NORP with their country (ANERcorp leaves them untagged);
* **gazetteer mentions**: countries, official long names (روسيا الاتحادية), capitals and large
  cities, regions, one-word organisations (الكرملين) and named agreements are added where the
  CRF missed them, and a gazetteer name that extends a CRF span wins (the longer official name);
* **titles are roles**: title words (الرئيس، وزير الخارجية، السفير) at the start of a person
  span are cut off; the title phrase before a person becomes the mention's ``role``;
* **clitics**: the span starts after an attached proclitic (و ف ب ل ك: وروسيا → روسيا);
* **ambiguity**: a one-word person/organisation name that is also a common word (رئيسي,
  سبوتنيك, أمل, نور, جمال) needs evidence — a title or first name before it, or the same name
  in a full name earlier in the article; سبوتنيك after لقاح is the vaccine (MISC).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities.clusters import freq_class
from marsad.enrich.entities.features import (
    Token,
    TokenList,
    _orig_prefix_len,
    proclitic_splits,
    split_proclitic,
    strip_article,
    strip_proclitic,
)
from marsad.enrich.entities.gazetteer import Entry, Gazetteer
from marsad.text.normalize import normalize

#: connectors a role may contain (السفير الإيراني لدى روسيا، المتحدث باسم الخارجية)
#: prepositions before a place name (في لحج)
_PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "بين"})
#: آل (family of), as written: normalized it is the article
_AL = frozenset({"آل", "وآل"})
#: the first name علي as written (with ي; the preposition is على)
_ALI = frozenset({"علي", "عليّ"})
_NILE = frozenset({normalize("النيل")})
#: قطر after these is a diameter (نصف قطر الدائرة، متوسط قطر الكويكب), not Qatar
_QATAR = normalize("قطر")
_DIAMETER_BEFORE = frozenset(normalize(w) for w in ("نصف", "متوسط", "ونصف"))


_HASAN = normalize("حسن")
#: feminine colours (فعلاء) that also name towns (الزرقاء، البيضاء): after a definite noun, its colour
_COLOURS = frozenset(normalize(w) for w in ("الزرقاء", "البيضاء", "الحمراء", "الخضراء", "السوداء", "الصفراء"))


def _comma_country(ms: Sequence[Mention], norms: Sequence[str]) -> None:
    """A place the gazetteer does not know, followed by a comma and a country (أتلانتا، الولايات
    المتحدة الأمريكية — a dateline; بلدة X، نيجيريا), is in that country."""
    at = {m.a: m for m in ms if m.entry is not None and m.entry.kind == "country" and m.country}
    if not at:
        return
    for m in ms:
        if m.type in ("GPE", "LOC") and not m.country and m.entry is None and m.b < len(norms) \
                and norms[m.b] in ("،", ",") and (c := at.get(m.b + 1)) is not None:
            m.country = c.country


def no_overlaps(ms: list[Mention]) -> list[Mention]:
    """The mentions in text order, none overlapping another: of two that share characters, the
    one that starts first (the longer, when both start together) stays (مركز الأمير فيصل بن بندر
    للأورام, not its piece لأورام بالقصيم); a mention is one span of the text, one name."""
    out: list[Mention] = []
    end = -1
    for m in sorted(ms, key=lambda m: (m.start, -m.end)):
        if m.start >= end:
            out.append(m)
            end = m.end
    return out


_FACILITY_BETWEEN = frozenset(normalize(w) for w in ("مدينة", "المدينة"))
_THE_MOSQUE = normalize("المسجد")
_LI = normalize("لي")
#: the Levantine names of the months (نيسان، أيار …): beside the other name, a number or شهر, a month
_LEVANT_MONTHS = frozenset(normalize(w) for w in (
    "كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين").split())
_MONTH_CUES = frozenset(normalize(w) for w in (
    "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر "
    "شهر شهري الشهر جانفي فيفري أفريل افريل ماي جوان جويلية أوت اوت").split())


def _month_name(norms: Sequence[str], m: Mention) -> bool:
    """A Levantine month name beside the other name of the month, a number or شهر (أبريل (نيسان)،
    شهري نيسان وأيار، 21 نيسان): not Nissan the company."""
    if m.b - m.a != 1 or _core(norms[m.a]) not in _LEVANT_MONTHS:
        return False
    near = [w for w in norms[max(0, m.a - 3) : m.a + 4] if w not in ("(", ")", "/", "،", ",")]
    return any(_core(w) in _MONTH_CUES or w[:1].isdigit() for w in near if w != norms[m.a])


def _facility_before(norms: Sequence[str], k: int) -> bool:
    """Whether a facility's head (:data:`.lexicon.FACILITY_HEADS`) stands right before ``k``, or
    before the quote that opens it: what follows names a stadium, an airport, a hotel, a street."""
    j = k - 2 if k > 1 and norms[k - 1] in _QUOTES else k - 1
    for _ in range(2):  # شارع | الملك فهد، ملعب | مدينة الملك عبدالله: a title or a city between
        if j > 0 and (norms[j] in _FACILITY_BETWEEN or _is_title(norms[j])):
            j -= 1
    # (an indefinite head only: المشرف على المستشفى | الدكتور فلان is the hospital's doctor; but
    # المسجد الحرام، للمسجد النبوي name the mosques)
    if j < 0 or not _in(norms[j], lx.FACILITY_HEADS):
        return False
    head = _definite(norms[j])
    return not head.startswith("ال") or head == _THE_MOSQUE and j == k - 1


def diameter(norms: Sequence[str], k: int) -> bool:
    """Whether the word at ``k`` is قطر meaning a diameter (نصف قطر، متوسط قطر), not Qatar."""
    return norms[k] == _QATAR and k > 0 and norms[k - 1] in _DIAMETER_BEFORE
#: X الدين given names (نور الدين، صلاح الدين): after و, the و is the conjunction
_DIN = normalize("الدين")
_DIN_FIRSTS = frozenset(normalize(w) for w in (
    "نور صلاح عز بدر سيف علاء خير نصر شمس جمال محيي محي تقي زين كمال فخر نجم عماد شهاب حسام ضياء "
    "بهاء سعد شرف عصام نظام معز").split())
#: particles with a hamza that normalized read as names (فإن → فان، بأن → بان)
_PARTICLES = frozenset({"فإن", "وإن", "بأن", "لأن", "فأن", "وأن", "إن", "أن", "كأن", "لإن", "بإن", "وبأن", "ولأن"})
_ROLE_GLUE = frozenset({"لدي", "في", "باسم", "(", ")", "-", "و"})
_QUOTES = frozenset('"“”«»\'')
#: every word of :data:`lexicon.DIVINE` ends with one of these (so does each proclitic form)
_DIVINE_ENDS = tuple(lx.DIVINE)
#: the words of a nasab chain (فيصل بن محمد، نورة بنت عبدالله)
_NASAB = frozenset({"بن", "ابن", "بنت"})


@dataclass(eq=False)
class Mention:
    """A mention in token coordinates (``a``..``b``) and character coordinates. Mentions
    compare by identity (a list's ``remove`` takes out that mention, not an equal one)."""

    a: int
    b: int
    type: str
    start: int = 0
    end: int = 0
    source: str = "crf"
    entry: Entry | None = None
    country: str = ""
    role: str = ""
    english: str = ""
    canon: str = ""  # normalized canonical name (gazetteer canon or the span's own words)
    words: tuple[str, ...] = ()  # normalized words of the span (proclitic removed)
    extra: dict[str, str] = field(default_factory=dict)


def _definite(norm: str) -> str:
    """The word as it would stand after its proclitic: لرئاسه/للرئاسه/بالرئاسه → الرئاسه
    (وزاره stays: a head, not و + زاره)."""
    if norm in _WHOLE_HEADS:
        return norm
    for _p, c in proclitic_splits(norm):
        if c.startswith("ال"):
            return c
    return strip_proclitic(norm)[1]


def _core(norm: str) -> str:
    return strip_proclitic(norm)[1]


@lru_cache(maxsize=300_000)
def _in(norm: str, words: frozenset[str]) -> bool:
    """Whether the word, or the word without a proclitic (any reading) or ال, is in ``words``."""
    return any(c in words or strip_article(c) in words for _p, c in proclitic_splits(norm))


def _word_nationality(k: int, norms: Sequence[str], texts: Sequence[str]) -> bool:
    """A nationality adjective that is an everyday word here: مجري/مجريات (Hungarian) in
    construct before a definite noun (مجرى التاريخ، مجريات الأحداث; not مجري الجنسية), and اليمنى
    written with alef maqsura after a feminine noun (قدمه اليمنى، الجهة اليمنى: the right one;
    not الرئيس اليمنى, Yemeni with ى for ي)."""
    w = _core(norms[k])
    if w in lx.WORD_NATIONALITIES:
        nxt = norms[k + 1] if k + 1 < len(norms) else ""
        return nxt.startswith("ال") and nxt not in lx.NATIONALITY_COMPLEMENTS
    if w in _QUTRI and k and _core(norms[k - 1]) in _COUNTRY_LEVEL:
        return True  # المديرة القطرية، المكتب القطري: the country office (قُطري), not Qatari
    if texts[k].endswith("ى") and w in _RIGHT_HAND and k:
        prev = _core(norms[k - 1])
        return prev.endswith("ه") or strip_article(prev) in lx.FEMININE_SIDES
    if w.endswith("يا") and not w.startswith("ال") and k:
        # the accusative (ضابطا عراقيا، 15 مصريا) after a number or an accusative noun; after
        # anything else it is an adverb (الأولى عربيا، محليا وعربيا، المحتلة إسرائيليا)
        prev = _core(norms[k - 1])
        return not (prev.lstrip("وف")[:1].isdigit() or prev in _NUMBER_NOUNS or (
            prev.endswith("ا") and not prev.startswith("ال") and len(prev) >= 3
            and (not prev.endswith("يا") or k >= 2 and norms[k - 2].lstrip("وف")[:1].isdigit())))  # (45 جنديا إماراتيا)
    return False


#: counted nouns that take an accusative nationality after them (عشرون | مصريا)
_NUMBER_NOUNS = frozenset(normalize(w) for w in (
    "عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين "
    "ثمانون ثمانين تسعون تسعين").split())


_RIGHT_HAND = frozenset({normalize("اليمنى"), normalize("يمنى")})
_QUTRI = frozenset(normalize(w) for w in ("القطري", "القطرية", "قطري", "قطرية"))
#: what قُطري (of a country, national) qualifies in an international body's words
_COUNTRY_LEVEL = frozenset(normalize(w) for w in (
    "مدير المدير مديرة المديرة ممثل الممثل ممثلة الممثلة مكتب المكتب مكاتب المكاتب مستوى المستوى "
    "برنامج البرنامج برامج البرامج الخطة خطة الاستراتيجية استراتيجية المنسق منسق المنسقة منسقة").split())


def _word_place(w: str) -> bool:
    """Whether a reading of ``w`` (a proclitic off or not; no article stripped: الرياض is not
    رياض) is a place name that is also an everyday word (:data:`.lexicon.WORD_PLACES`)."""
    return any(c in lx.WORD_PLACES for _p, c in proclitic_splits(w))


def _join_place_prefixes(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """A place-name prefix the tagger made a place of its own joins the place after it
    (سان | بيترسبورغ، خان | يونس، سيدي | بوزيد → one place)."""
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: m.a):
        p = out[-1] if out else None
        if p is not None and p.b == m.a and p.b - p.a == 1 and p.type in ("GPE", "LOC") \
                and m.type in ("GPE", "LOC") and norms[p.a] in lx.PLACE_PREFIXES:
            out[-1] = Mention(p.a, m.b, m.type, source=m.source, entry=None if m.source == "gaz" else m.entry)
            continue
        out.append(m)
    return out


def presidency_office(norms: Sequence[str], k: int) -> bool:
    """Whether الرئاسة at ``k`` is the office, not the presidency as a body (انتخابات الرئاسة،
    مرشح الرئاسة: :data:`lexicon.OFFICE_BEFORE`)."""
    return k >= 1 and strip_article(_core(norms[k])) in lx.PRESIDENCY and _core(norms[k - 1]) in lx.OFFICE_BEFORE


def _org_country_after(ms: list[Mention]) -> None:
    """An organisation followed by a nationality adjective takes its country (الجزيرة | الإماراتي:
    the Emirati club, not the Qatari channel; ريفر بلايت | الأرجنتيني)."""
    nat_at = {o.a: o for o in ms if o.type == "NORP" and o.country}
    for m in ms:
        if m.type == "ORG" and (n := nat_at.get(m.b)) is not None:
            m.country = n.country


def _region_directions(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """A region the tagger found without the direction adjective after it takes it (الساحل |
    الغربي، أوروبا | الشرقية، آسيا | الوسطى): one region, no longer the bare one's entry (the
    Sahel is not the west coast)."""
    n = len(norms)
    for m in ms:
        if m.type == "LOC" and m.b < n and norms[m.b] in lx.DIRECTION_ADJECTIVES \
                and not any(o.a == m.b for o in ms):
            m.b += 1
            m.entry = None
            m.words = (*(m.words or norms[m.a : m.b - 1]), norms[m.b - 1])
            m.canon = " ".join(m.words)
    return ms


#: أف | أم (normalized), and FM written as one word
_FM = (frozenset({"اف"}), frozenset({"ام"}), frozenset({"fm", "اف.ام"}))


def _radio_names(ms: list[Mention], norms: Sequence[str], gaz: Gazetteer) -> list[Mention]:
    """A word before أف أم / FM names a radio station (جوهرة أف أم، موزاييك اف ام): one
    organisation, whatever the tagger made of the pieces (اف ام بالجهة، جوهرة أف أم في …); a
    place the tagger's span ran on to stays a place (… في | القيروان)."""
    n = len(norms)
    ks = [k for k in range(1, n - 1) if norms[k] in _FM[0] and norms[k + 1] in _FM[1]]
    ks += [k for k in range(1, n) if norms[k] in _FM[2]]
    if not ks:
        return ms
    for k in sorted(ks):
        b = k + (1 if norms[k] in _FM[2] else 2)
        a = k - 1
        if k >= 2 and norms[a] in _QUOTES and b < n and norms[b] in _QUOTES:
            a, b = k - 2, b + 1  # الجوهرة "اف ام": the quotes are the name's
        w = _core(norms[a])
        if not w.isalpha() or len(w) < 3 or w in lx.STOPWORDS \
                or any(o.a < b and a < o.b and o.source == "fm" for o in ms):
            continue
        for o in [o for o in ms if o.a < b and a < o.b]:
            ms.remove(o)
            c = b + (b < o.b and norms[b] in lx.STOPWORDS)
            if c < o.b and (e := gaz.lookup(norms[c : o.b])) is not None and e.kind in ("country", "city", "region"):
                ms.append(Mention(c, o.b, _KIND_TYPE[e.kind], source="gaz", entry=e))
        m = Mention(a, b, "ORG", source="fm", words=(w, *(x for x in norms[k:b] if x not in _QUOTES)))
        m.canon = " ".join(m.words)
        ms.append(m)
    ms.sort(key=lambda m: m.a)
    return ms


def _org_adjective_chain(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """An organisation named by a chain of adjectives takes a group adjective that goes on
    the chain (حزب الاتحاد الديمقراطي | المسيحي → one name; not حزب الله | الشيعي)."""
    nat_at = {o.a: o for o in ms if o.type == "NORP" and not o.country and o.b - o.a == 1}
    if not nat_at:
        return ms
    gone = []
    for m in ms:
        last = norms[m.b - 1]
        if m.type == "ORG" and m.b - m.a >= 3 and (n := nat_at.get(m.b)) is not None \
                and last.startswith("ال") and last.endswith(("ي", "يه")) and norms[n.a].startswith("ال"):
            m.b = n.b
            if m.words:
                m.words = (*m.words, norms[n.a])
                m.canon = " ".join(m.words)
            gone.append(n)
    return [o for o in ms if not any(o is g for g in gone)] if gone else ms


def _first_name_nationality(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """An indefinite nationality that is also a first name, right before a person's family name
    (وتركي | الخضير), is that person's first name: an adjective before a definite word would be
    definite itself (التركي)."""
    if not ms:
        return ms
    by_start = {m.a: m for m in ms if m.type == "PER"}
    drop: list[Mention] = []
    added: list[Mention] = []
    for m in ms:
        if m.type != "NORP" or m.b - m.a != 1 or _core(norms[m.a]) not in lx.FIRST_NAMES:
            continue
        p = by_start.get(m.b)
        if p is None and m.b + 1 < len(norms) and norms[m.b] == "ال" and norms[m.b + 1][:1].isalpha() \
                and not any(o.a <= m.b + 1 < o.b for o in (*ms, *added)):
            p = Mention(m.b, m.b + 2, "PER", source="rule", words=tuple(norms[m.b : m.b + 2]))
            added.append(p)  # تركي | آل الشيخ: آل and the family, nobody tagged
        if p is not None and norms[p.a].startswith("ال"):
            p.a = m.a
            p.words = (_core(norms[m.a]), *(p.words or norms[p.a + 1 : p.b]))
            p.canon = " ".join(p.words)
            drop.append(m)
    if not drop and not added:
        return ms
    return [m for m in (*ms, *added) if not any(m is d for d in drop)]


#: a cluster where fewer than this share of the words are known names (the training name
#: lexicon, the first names) holds verbs, adverbs and common nouns (أعطت، بهدوء، معسكر)
NAMELESS_SHARE = 0.04
#: … judged only for words frequent enough (log2 of the corpus count) to be clustered reliably
NAMELESS_MIN_FREQ = 5


def _nameless_clusters(vocab: object, names: Mapping[str, str]) -> frozenset[tuple[int, str]]:
    """``(level, cluster)`` of the word clusters (256, 1,024 and 4,096 clusters: levels 1–3) in
    which fewer than :data:`NAMELESS_SHARE` of the words are known names."""
    if not isinstance(vocab, Mapping):
        return frozenset()
    rows = [st for st in vocab.values() if len(st) >= 4]
    known = [st for w, st in vocab.items() if len(st) >= 4
             and (names.get(w, "").startswith("PERS") or w in lx.FIRST_NAMES)]
    out = []
    for lvl in (1, 2, 3):
        total = Counter(map(itemgetter(lvl), rows))
        named = Counter(map(itemgetter(lvl), known))
        out += [(lvl, c) for c, n in total.items() if named[c] < NAMELESS_SHARE * n]
    return frozenset(out)


#: a coarse word cluster (64 clusters, level 0) is a cluster of places when at least this share of
#: its words are one-word places of the gazetteer (two of 64 are, with 15% and 37%; the next holds 2%)
PLACE_SHARE = 0.05
#: a foreign town this populous is a place even where its word reads otherwise (طهران، بيونغيانغ
#: stand for their governments, in the clusters of actors)
_PLACE_WORD_POPULATION = 1_000_000
#: countries whose towns have Arabic names of their own: the Arab League, and Israel (يافا، حيفا، عكا)
_ARABIC_NAMED = lx.ARAB_LEAGUE | {"IL"}
#: letters of Persian and Urdu spelling: a gazetteer name written with them came from those languages
_PERSIAN_LETTERS = re.compile("[یکگپچژہ]")
#: ى inside a word: an Urdu-style spelling, an alias no Arabic text writes (رىم for Rome)
_MEDIAL_YA = re.compile("ى(?=\\w)")
#: "said to me": لي after these is the pronoun, not the name Lee
_TO_ME_VERBS = frozenset(normalize(w) for w in (
    "قال قالت يقول تقول وقال وقالت ويقول وتقول فقال فقالت أعاد اعاد يبدو بدا وأضاف").split())


def _place_clusters(vocab: object, gaz: Gazetteer) -> frozenset[str]:
    """The coarse word clusters (level 0) in which at least :data:`PLACE_SHARE` of the words are
    one-word places of the gazetteer: where the corpus uses its place names."""
    if not isinstance(vocab, Mapping):
        return frozenset()
    total = Counter(st[0] for st in vocab.values() if len(st) >= 4)
    places = Counter(st[0] for k, e in gaz.phrases.items()
                     if len(k) == 1 and e.kind in ("city", "country", "region")
                     and (st := vocab.get(k[0])) is not None and len(st) >= 4)
    return frozenset(c for c, n in places.items() if n >= PLACE_SHARE * total[c])


_ADDRESS_NEXT = re.compile(r"[@.:_-]?[\w.-]*@|\.(?:com|org|net|gov|edu|sa|info)\b|:@", re.ASCII | re.IGNORECASE)


#: a web address spelled without its scheme: www.…, or dotted words ending in a top-level domain
_DOMAIN = re.compile(r"(?:www\.[\w-]+(?:\.[\w-]+)*|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|[a-z]{2}))",
                     re.ASCII | re.IGNORECASE)
_LATIN_RUN = re.compile(r"[A-Za-z0-9.-]+")


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether the Latin words at ``start``..``end`` are part of an e-mail address, a handle or a
    domain (Asalgrni@gmail.com، Twitter:@user، Internet.org، WWW.MOI.GOV.SA): no name of the text's."""
    if text[start - 1 : start] == "@" or _ADDRESS_NEXT.match(text, end):
        return True
    if text[end : end + 1] != "." and text[start - 1 : start] != ".":
        return False
    a = start
    while a and (text[a - 1].isascii() and (text[a - 1].isalnum() or text[a - 1] in ".-")):
        a -= 1
    run = _LATIN_RUN.match(text, a)
    return run is not None and _DOMAIN.fullmatch(run.group().strip(".-")) is not None


def _address_tail(m: Mention, text: str, toks: TokenList) -> bool:
    """Cut the Latin words of a web or e-mail address off the end of ``m`` (موقع الكلية
    MICONLINE.GOV.SA); whether nothing of it is left."""
    b = m.b
    while b > m.a and toks.norms[b - 1][:1].isascii() and (
            toks.texts[b - 1] in _JOINERS or _in_address(text, toks.starts[b - 1], toks.ends[b - 1])):
        b -= 1
    if b < m.b and b > m.a:
        m.b = b
        if m.words:
            m.words = m.words[: b - m.a]
            m.canon = " ".join(m.words) if m.entry is None else m.canon
    return b == m.a


#: the last piece of a site's name (العربية.نت)
_SITE_ENDS = frozenset(normalize(w) for w in ("نت", "كوم", "net", "com"))
#: what joins the pieces of one name without a space: تي.بي.إس، OSIRIS-REx
_JOINERS = frozenset(".-")


def _joined_pieces(ms: list[Mention], text: str, toks: TokenList, names: Mapping[str, str]) -> list[Mention]:
    """Mentions the tagger found piece by piece in one word written with dots or hyphens (تي.بي.إس،
    OSIRIS-Rex، تورنينغ-شميت) are one name: the first piece's type spans them all, and a dotted
    acronym takes the letters nobody tagged (تي.إم.زد). Places and nationalities joined by a
    hyphen stay apart (رحلات ليون-الجزائر، سوري-أمريكي), and so do two people named on their own
    elsewhere in the article or known to the training data (قمة ترامب-بوتين; but جان-كلود، يون
    يونغ-تشان are one)."""
    starts, ends, texts, norms = toks.starts, toks.ends, toks.texts, toks.norms
    n = len(texts)
    if not any(m.b < n and texts[m.b] in _JOINERS or m.a and texts[m.a - 1] in _JOINERS for m in ms):
        return ms  # (no name touches a dot or a hyphen: most articles)
    ms.sort(key=lambda m: m.a)

    def glued(k: int, sep: str) -> bool:  # token k is the joiner ``sep`` touching both neighbours
        return 0 < k < n - 1 and texts[k] in sep and ends[k - 1] == starts[k] and ends[k] == starts[k + 1]

    def two_known(p: Mention, m: Mention) -> bool:  # مانشستر سيتي-ليفربول: two bodies the gazetteer knows
        return p.entry is not None and m.entry is not None

    def two_people(p: Mention, m: Mention) -> bool:  # ترامب-بوتين: each a person of his own
        if not (p.type == m.type == "PER" and m.b - m.a == 1 and norms[p.b - 1] not in lx.FIRST_NAMES):
            return False
        alone = {norms[o.b - 1] for o in ms if o.type == "PER" and o is not p and o is not m}

        def person(w: str) -> bool:
            return w in alone or names.get(w, "").startswith("PERS")
        return person(norms[m.a]) and person(norms[p.b - 1])

    def letters(k: int) -> bool:  # a piece of a dotted acronym: a letter's name, or a short word
        return norms[k] in lx.LETTER_WORDS_LOOSE or (texts[k].isalpha() and len(texts[k]) <= 3)  # (بي.دي.في.إس.إيه)

    def extend(ms: list[Mention]) -> None:  # a dotted acronym takes its untagged letters
        taken = {k for m in ms for k in range(m.a, m.b)}
        for m in ms:
            if letters(m.a):
                while m.a >= 2 and glued(m.a - 1, ".") and letters(m.a - 2) and m.a - 2 not in taken:
                    m.a -= 2  # (تي).إم.زد
                    taken.add(m.a)
                    m.words = (norms[m.a], *m.words) if m.words else ()
            if letters(m.b - 1):
                while m.b + 1 < n and glued(m.b, ".") and letters(m.b + 1) and m.b + 1 not in taken:
                    m.b += 2  # بي.بي.(سي)
                    taken.add(m.b - 1)
                    m.words = (*m.words, norms[m.b - 1]) if m.words else ()
            if m.words and m.entry is None:
                m.canon = " ".join(m.words)

    extend(ms)
    out = [ms[0]]
    for m in ms[1:]:
        p = out[-1]
        if m.a == p.b + 1 and glued(p.b, _JOINERS) and m.extra == p.extra \
                and (letters(p.b - 1) or letters(m.a) if texts[p.b] == "."
                     else not {p.type, m.type} & {"GPE", "LOC", "NORP"} and not two_people(p, m)
                     and not two_known(p, m)):
            # (a dot joins the letters of an acronym; between words it is a stop with its space
            # missing: سعة الصدر.سويدي)
            p.b = m.b
            p.entry = None if p.entry is not None and p.entry.kind != "org" else p.entry
            p.words = (*(p.words or ()), *(m.words or ()))
            p.canon = " ".join(p.words) if p.entry is None else p.canon
            continue
        out.append(m)
    if len(out) < len(ms):
        extend(out)  # شركة جي.ام | .ار
    for m in out:  # العربية.نت، Internet.com: a news site, an organisation
        if m.b - m.a >= 3 and texts[m.b - 2] == "." and norms[m.b - 1] in _SITE_ENDS and glued(m.b - 2, "."):
            m.type, m.entry, m.country, m.source = "ORG", None, "", "site"
            m.words = tuple(norms[m.a : m.b])
            m.canon = " ".join(m.words)
    for m in out:
        if m.type in ("PER", "MISC") and m.b - m.a >= 3 and texts[m.a + 1] == "." \
                and all(letters(k) if (k - m.a) % 2 == 0 else glued(k, ".") for k in range(m.a + 2, m.b)):
            waw = norms[m.a][:1] == "و" and norms[m.a][1:] in lx.LETTER_WORDS_LOOSE
            if letters(m.a) or waw:
                m.type = "ORG"  # وبي.إن.بي: letters between dots spell an acronym, an organisation's
                if waw:
                    m.extra["strip_waw"] = "1"
    return out


_FROM = normalize("من")


def _models_and_glosses(ms: list[Mention], toks: TokenList) -> None:
    """Two readings a neighbour settles:

    * the name after من نوع / من طراز is a product (MISC), with the model number its hyphen
      joins to it (من نوع RPG-2، من طراز إف-16);
    * a Latin name in brackets right after a name spells that name (ديكتاريوف (DIKTARIOV)، كيم
      جونغ أون (Kim Jong Un)): it takes its type and country."""
    norms, texts, starts, ends = toks.norms, toks.texts, toks.starts, toks.ends
    n = len(norms)
    by_a = {m.a: m for m in ms}
    gone: list[Mention] = []
    for m in ms:
        q = 1 if m.a >= 3 and norms[m.a - 1] in _QUOTES else 0  # من طراز "داتسون نيسان"
        if m.a >= 2 + q and norms[m.a - 1 - q] in lx.MODEL_CUES and norms[m.a - 2 - q] == _FROM:
            m.type, m.entry, m.country, m.english = "MISC", None, "", ""
            while (nxt := by_a.get(m.b)) is not None and nxt not in gone:
                gone.append(nxt)  # "داتسون | نيسان بيك أب": one model, the tagger's pieces joined
                m.b = nxt.b
                m.words = tuple(norms[m.a : m.b])
                m.canon = " ".join(m.words)
            if m.b + 1 < n and texts[m.b] == "-" and ends[m.b - 1] == starts[m.b] == ends[m.b] - 1 \
                    and ends[m.b] == starts[m.b + 1] and texts[m.b + 1].isalnum() and m.b + 1 not in by_a:
                m.b += 2  # RPG | -2
                if m.words:
                    m.words = (*m.words, "-", norms[m.b - 1])
                    m.canon = " ".join(m.words)
        if m.b + 1 < n and texts[m.b] == "(" and (g := by_a.get(m.b + 1)) is not None and g.b < n \
                and texts[g.b] == ")" and texts[g.a][:1].isascii() and not texts[m.a][:1].isascii() \
                and m.type in ("PER", "MISC", "ORG"):  # (not a place's: دبي، الإمارات (CNN) is the source)
            if not (m.type == "PER" and texts[g.a].isupper()):  # (AKT، PEI: an acronym is no person's)
                g.type, g.country = m.type, m.country  # (a gloss's entry stays its own)
    for m in gone:
        ms.remove(m)


def nameless_word(w: str, vocab: object, nameless: Container[tuple[int, str]]) -> bool:
    """Whether ``w`` is frequent in the corpus and every one of its word clusters is nameless
    (:func:`_nameless_clusters`): a verb, an adverb, a common noun or adjective."""
    if not nameless or not isinstance(vocab, Mapping):
        return False
    st = vocab.get(w)
    if freq_class(st) < NAMELESS_MIN_FREQ:
        return False
    return all((lvl, st[lvl]) in nameless for lvl in (1, 2, 3))


def _org_word_cue(norms: Sequence[str], k: int) -> bool:
    """Whether the organisation named by an everyday word at ``k`` (:data:`.lexicon.ORG_WORDS`)
    has an organisation head before it or a word of its world within three words."""
    if k and _in(norms[k - 1], lx.ORG_RULE_HEADS) and not _definite(norms[k - 1]).startswith("ال"):
        return True  # حركة فتح (not الهيئة | بفتح المطار)
    return any(_in(w, lx.ORG_WORD_COMPANIONS) for w in norms[max(0, k - 3) : k + 4])


def _is_title(norm: str) -> bool:
    return _in(norm, lx.RULE_TITLES)


def _title_cut(surface: str, norm: str) -> tuple[int, str]:
    """How many leading characters of a role's first word are proclitics, and the letter to
    restore: للرئيس → (1, "ا") reads الرئيس, ولوزير → (2, "") reads وزير, والسفير → (1, "")."""
    for p, c in proclitic_splits(norm):
        if p and len(c) < 4 and not c.startswith("ال"):
            continue  # ولاية is no و + ل + آية
        if c in lx.RULE_TITLES or strip_article(c) in lx.RULE_TITLES:
            if not p:
                return 0, ""
            return _orig_prefix_len(surface, len(p)), ("" if norm[len(p) :] == c else "ا")
    return split_proclitic(surface, known=(), norm=norm), ""


class MentionFinder:
    """Turns CRF tags + gazetteer matches into news-tagset mentions for one article."""

    def __init__(self, gaz: Gazetteer, *, names: dict[str, str] | None = None,
                 vocab: Container[str] = frozenset()) -> None:
        """``vocab``: the corpus's frequent words (the word clusters' keys): a name that is rare
        with its first letter and frequent without it carries a proclitic (وإنترناسيونالي)."""
        from marsad.enrich.entities.rules import HeadRules

        self.gaz = gaz
        self.names = names or {}
        self.vocab = vocab
        self._nameless = _nameless_clusters(vocab, self.names)
        self.rules = HeadRules(gaz, self.names, vocab, self._nameless)
        self._place_clusters = _place_clusters(vocab, gaz)
        first_words = gaz.phrases_first_words()  # a set built over every gazetteer phrase: once
        self.known_names = first_words | lx.FIRST_NAMES
        self.known_heads = self.known_names | lx.ORG_HEADS | lx.LOC_HEADS | lx.TITLE_WORDS
        self._boring: set[str] = set()  # words scan() found nothing in (pure functions of the word)
        # every word some reading of which (proclitic_splits, with or without ال) must be in
        # for scan() to find anything: a new word none of whose readings is here is boring
        self._cues = frozenset(gaz.nat) | first_words | self.rules.head_words()
        self._info: dict[str, tuple[Entry | None, int, int]] = {}
        self._cuts: dict[str, int] = {}  # token → proclitic characters to leave out (pure, cached)
        self._clitics: dict[str, str] = {}  # word → :meth:`_clitic` (pure, cached)

    def scan(self, norms: Sequence[str]) -> tuple[dict[int, Entry], list[int], list[tuple[int, int]]]:
        """One pass over an article's words for what the later steps look for: nationality
        adjectives (``index → entry``), words that can start a gazetteer phrase (indices) and
        head words (``(index, flags)``). About nine words in ten are none of these; they are
        remembered as such (a bounded set) and cost one set look-up afterwards."""
        boring, info = self._boring, self._info
        nats: dict[int, Entry] = {}
        starts: list[int] = []
        heads: list[tuple[int, int]] = []
        cand = set(norms).difference(boring)
        for i in compress(count(), map(cand.__contains__, norms)):
            w = norms[i]
            x = info.get(w)
            if x is None:
                if not self._cue(w):
                    if len(boring) > 400_000:
                        boring.clear()
                    boring.add(w)
                    continue
                x = (self.gaz.nationality(w), self.gaz.longest(w), self.rules.flags(w))
                if not (x[0] or x[1] or x[2]):
                    if len(boring) > 400_000:
                        boring.clear()
                    boring.add(w)
                    continue
                if len(info) > 100_000:
                    info.clear()
                info[w] = x
            if x[0] is not None:
                nats[i] = x[0]
            if x[1]:
                starts.append(i)
            if x[2]:
                heads.append((i, x[2]))
        return nats, starts, heads

    def _cue(self, w: str) -> bool:
        """Whether :meth:`scan` can find anything in ``w`` (a necessary condition, cheap)."""
        cues = self._cues
        for _p, c in proclitic_splits(w):
            if c in cues or (c[2:] in cues and c.startswith("ال") and len(c) >= 5):
                return True
        return False

    # --- building blocks ----------------------------------------------------------------------

    def _from_tags(self, tags: Sequence[str], offset: int) -> list[Mention]:
        out = []
        n = len(tags)
        free = 0
        for i in compress(count(), map("O".__ne__, tags)):
            if i < free:
                continue
            typ = tags[i][2:]
            j = i + 1
            while j < n and tags[j] == "I-" + typ:
                j += 1
            out.append(Mention(offset + i, offset + j, {"PERS": "PER"}.get(typ, typ)))
            free = j
        return out

    def find(self, text: str, toks: Sequence[Token], tags: Sequence[str], *,
             matches: Sequence[tuple[int, int, Entry]] | None = None,
             norms: Sequence[str] | None = None, nats: dict[int, Entry] | None = None,
             surfaces: Sequence[str] | None = None,
             heads: Sequence[tuple[int, int]] | None = None,
             hashtags: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """Mentions of one article. What the caller already has (see :meth:`scan`) is not
        computed again: ``norms`` (the tokens' normalized forms), ``nats``
        (:meth:`Gazetteer.nationalities`), ``surfaces``, ``heads`` (:meth:`HeadRules.heads`)."""
        if not isinstance(toks, TokenList):
            toks = _columns(toks)
        if norms is None:
            norms = toks.norms
        if nats is None:
            nats = self.gaz.nationalities(norms)
        ms = self._from_tags(tags, 0)
        ms = [m for m in (self._trim(m, norms, toks.texts) for m in ms) if m is not None]
        texts = toks.texts
        families: list[Mention] = []
        alaa = "على" in text  # the article spells the preposition with ى: علي is the name
        for m in ms:
            if m.type == "PER" and m.a and m.b - m.a <= 2 and norms[m.a - 1] not in lx.FIRST_NAMES \
                    and norms[m.a][:1] != "و" \
                    and any(p in ("ب", "ل", "وب", "ول") and c in lx.FIRST_NAMES
                            for p, c in proclitic_splits(norms[m.a - 1])[1:]) \
                    and not (m.a > 1 and any(o.b == m.a - 1 for o in ms)):
                m.a -= 1  # بحسن | نصرالله: the first name, behind its preposition
            while m.type == "PER" and m.b < len(norms) and norms[m.b] in lx.NAME_TAILS:
                m.b += 1
            if m.type == "PER" and norms[m.b - 1] == "عبد" and m.b < len(norms) and norms[m.b][:1].isalpha():
                m.b += 1  # عبد | الملك: عبد never ends a name
            if alaa and m.type == "PER" and m.b + 1 < len(norms) and texts[m.b] in _ALI \
                    and (w := norms[m.b + 1]).startswith("ال") and w.endswith("ي") and len(w) >= 5:
                m.b += 2  # محمد | علي العمري: علي in the middle of a name, before the family's nisba
            if m.type == "PER" and m.b < len(norms) and texts[m.b - 1] in _AL and norms[m.b][:1].isalpha():
                m.b += 1  # تركي آل | الشيخ: the family's name, even when it reads as a title
                families.append(m)
        for m in list(ms):  # عبدالله | بجدة، لي رويال | بعمّان: where he is, or it stands, is a place of its own
            if m.type == "PER" and m.b - m.a >= 2 and norms[m.b - 1][:1] == "ب" \
                    and (e := self.gaz.lookup([norms[m.b - 1]])) is not None and e.kind in ("city", "country") \
                    and len(norms[m.b - 1]) > len(e.phrase):
                m.b -= 1
                ms.append(Mention(m.b, m.b + 1, "GPE", source="gaz", entry=e))
        if families:  # a mention on the family's name it took is gone (آل | سعود)
            ms = [o for o in ms if not any(o is not m and o.a < m.b and m.b - 1 < o.b for m in families)]
        ms = self._merge_gazetteer(ms, norms, matches)
        ms = self._split_place_lists(ms, norms)
        ms = _join_place_prefixes(ms, norms)
        ms = _radio_names(ms, norms, self.gaz)
        ms = self._add_nationalities(ms, norms, nats)
        ms = self._type_and_country(ms, norms, toks.texts)
        ms = _region_directions(ms, norms)
        ms = self._ambiguity(ms, norms, toks)
        ms = self._org_by_nationality(ms, norms)
        ms = _org_adjective_chain(ms, norms)
        _org_country_after(ms)
        ms = self.rules.apply(ms, norms, [t.text for t in toks] if surfaces is None else surfaces, heads,
                              hashtags)
        ms = _first_name_nationality(ms, norms)
        ms = self.rules.given_and_family(ms, norms)
        ms = _joined_pieces([m for m in ms if not (norms[m.b - 1][:1].isascii() and _address_tail(m, text, toks))],
                            text, toks, self.names)
        _models_and_glosses(ms, toks)
        ms = [m for m in ms if (m.b - m.a > 1 or len(norms[m.a]) > 1)  # a lone letter (و) is no name
              and (m.source == "site" or not any(_in(w, lx.NOT_NAMES) for w in norms[m.a : m.b]))
              and not (norms[m.b - 1].endswith(_DIVINE_ENDS)  # (a cheap test first: few are)
                       and all(_in(w, lx.DIVINE) or w in lx.DIVINE_FORMULAE for w in norms[m.a : m.b]))
              # (بسم الله، رحمه الله، الحمد لله: formulae, nobody's name)
              and not (m.type == "MISC" and _in(norms[m.a], lx.CURRENCIES))  # money is not a name
              and not (m.type == "PER" and m.b - m.a == 1 and texts[m.a][-1:] == "ه" and len(norms[m.a]) >= 6
                       and norms[m.a][0] in "بل" and any(p in ("ب", "ل") for p, _c in proclitic_splits(norms[m.a])))
              # (لإبعاده، بأقواله: a preposition, a noun and his pronoun — no name)
              and not (m.b - m.a == 1 and _core(norms[m.a]) in _NILE and m.b < len(norms)
                       and norms[m.b].startswith("من"))  # والنيل منها: harming it, not the Nile
              and not (m.type == "ORG" and m.b - m.a == 2 and m.entry is None and norms[m.b - 1] in lx.GENERIC_ORG_ADJECTIVES
                       and _in(norms[m.a], lx.ORG_HEADS))  # بالمنظمة الإرهابية: a kind of body, no name
              and not (m.a and (m.type == "PER" or m.entry is None and m.type in ("GPE", "LOC", "MISC", "ORG"))
                       and _facility_before(norms, m.a))
              and not (m.b - m.a == 1 and diameter(norms, m.a))
              and not (m.type in ("ORG", "PER", "MISC") and _month_name(norms, m))
              and not (m.b - m.a == 1 and m.a and norms[m.a] == _LI and norms[m.a - 1] in _TO_ME_VERBS)
              and not (m.type in ("GPE", "LOC") and m.b - m.a == 1 and m.a and norms[m.a] in _COLOURS
                       and norms[m.a - 1].startswith("ال") and not _in(norms[m.a - 1], lx.GPE_HEADS)
                       and self.gaz.lookup([norms[m.a - 1]]) is None)  # ذات الشارة الزرقاء: blue, not Zarqa
              and not (m.type == "PER" and m.b - m.a <= 2 and _core(norms[m.a]) == _HASAN and m.a + 1 < len(norms)
                       and norms[m.a + 1] in lx.HASAN_IDIOMS)  # على حسن الضيافة: good hospitality
              and not (m.type == "PER" and m.b - m.a == 1 and self._dual_noun(norms[m.a]))
              and not (m.type == "PER" and m.b - m.a == 1 and self._nisba_adjective(m, ms, norms))
              and not (m.b - m.a == 1 and self._bare_word_place(m, ms, norms))
              and not (m.type == "NORP" and m.b - m.a == 1 and _word_nationality(m.a, norms, texts))
              and not (m.a and norms[m.a].startswith("ال") and _in(norms[m.a - 1], lx.DEMONSTRATIVES))
              and not (m.type == "PER" and m.b - m.a == 1 and (self._construct_plural(norms[m.a])
                                                                or self._oblique_construct(norms, m.b)))
              and not (m.b - m.a == 1 and _in(norms[m.a], lx.ORG_WORDS) and not _org_word_cue(norms, m.a))
              and not (_core(norms[m.a]) in lx.NEVER_ALONE and (m.b - m.a == 1 or m.type in ("GPE", "LOC")
                                                                and not _in(norms[m.a + 1], lx.LOC_HEADS)))
              and not (m.type == "PER" and m.b - m.a == 1 and self._no_name(m.words[0] if m.words else norms[m.a],
                                                                            ms, norms))]
        if self.gaz.alternatives:
            self._homonyms(ms, norms)
        self._adjective_country(ms)
        _comma_country(ms, norms)
        inside: dict[int, Mention] = {}
        for o in ms:
            if o.type in ("GPE", "ORG", "NORP", "LOC"):
                for k in range(o.a, o.b):
                    inside[k] = o
        for m in ms:
            self._chars(m, toks)
            m.role = self._role(text, m, toks, norms, ms, inside) if m.type == "PER" else ""
            if m.role and not m.country:
                m.country = self._role_country(m.role)
        ms.sort(key=lambda m: m.a)
        return ms

    def _trim(self, m: Mention, norms: Sequence[str], surfaces: Sequence[str] = ()) -> Mention | None:
        """Cut titles off a person's span, and punctuation/stopwords off any span's edges (but
        not علي, written with ي, that opens a person's name: normalized it is the preposition
        على)."""
        a, b = m.a, m.b
        while a < b and (not norms[a][:1].isalnum() or norms[a] in lx.STOPWORDS
                         or (surfaces and surfaces[a] in _PARTICLES)) \
                and not (m.type == "PER" and b - a >= 2 and surfaces and surfaces[a] in _ALI):
            a += 1  # (فإن | هازارد: the particle, written with its hamza; فان دايك is a name)
        while b > a and (not norms[b - 1][:1].isalnum() or norms[b - 1] in lx.STOPWORDS
                         or norms[b - 1] in lx.EDGE_WORDS):
            b -= 1
        if m.type == "PER":
            while a < b - 1 and (_is_title(norms[a]) or self.gaz.nationality(norms[a])) \
                    and not (norms[a] in lx.FIRST_NAMES and (norms[a + 1] in _NASAB or norms[a + 1].startswith("ال"))):
                a += 1  # (but تركي بن محمد، سلطان بن سلمان، تركي الخضير: a first name before بن or
                # a family name, not التركي — an adjective before a definite word would be definite)
            while b - 1 > a and (_is_title(norms[b - 1]) or norms[b - 1] in lx.RULE_TITLES
                                 or norms[b - 1].startswith("لل") or self._future_verb(norms[b - 1])):
                b -= 1  # محمد بن سلمان | ولي (العهد): a title after the name; كيم | للمحققين;
                # الملك سلمان | ستعمل: a verb
            while a < b - 1 and norms[a] in lx.DIVINE:
                a += 1  # (آية) الله | علي خامنئي
            if b - a >= 3 and (e := self.gaz.lookup([norms[a]])) is not None and norms[a] not in lx.FIRST_NAMES \
                    and (e.kind == "country" or e.kind == "city" and e.population >= 100_000
                         and (e.country in _ARABIC_NAMED or self._place_word(e) is True)):  # (not أنخل دي ماريا)
                a += 1  # السفير التركي بتونس | عمر فاروق دوغان، لاعب مستقبل قابس | حسام الزرلي: the
                # country or town is a place of its own
            if a < b - 1 and _core(norms[a]) in lx.FOLLOWERS:
                a += 1  # قوات | صالح، أنصار | الصدر: the person's men, the name is his
            if b - a == 1 and _is_title(norms[a]):
                return None
        if a >= b:
            return None
        m.a, m.b = a, b
        return m

    def _construct_plural(self, w: str) -> bool:
        """A sound masculine plural in construct (باحثو، مسؤولو الوزارة), whose ``-ون``/``-ين``
        form the corpus writes: a noun, not a name ending in و (عمرو، إدواردو)."""
        if not w.endswith("و") or len(w) < 5:
            return False
        return any(len(c) >= 4 and c.endswith("و") and (c[:-1] + "ون" in self.vocab or c[:-1] + "ين" in self.vocab)
                   and c not in lx.FIRST_NAMES for _p, c in proclitic_splits(w))

    def _oblique_construct(self, norms: Sequence[str], b: int) -> bool:
        """The oblique of a sound masculine plural in construct before a definite noun (ميسوري
        الحال، مسؤولي الوزارة): a word in ـي before الحال, or one whose ـون and ـين forms the
        corpus both writes and that is no name of the training data or the list (not مرسي)."""
        w = norms[b - 1]
        if not w.endswith("ي") or len(w) < 5 or b >= len(norms) or not norms[b].startswith("ال"):
            return False
        if norms[b] == "الحال":
            return True  # ميسوري الحال، محدودي الحال: an idiom of means
        return any(len(c) >= 5 and c[:-1] + "ون" in self.vocab and c[:-1] + "ين" in self.vocab
                   and c not in lx.FIRST_NAMES and not self.names.get(c) for _p, c in proclitic_splits(w))

    def _split_place_lists(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """A place span the tagger ran over و + another place is two places (آسيا | وأفريقيا)."""
        out = []
        for m in ms:
            if m.type in ("GPE", "LOC") and m.b - m.a >= 2:
                lookup = self.gaz.lookup
                for k in range(m.a + 1, m.b):
                    w = norms[k]
                    if w[:1] == "و" and len(w) > 3 and (e2 := lookup([w[1:], *norms[k + 1 : m.b]])) is not None \
                            and e2.kind in ("country", "city", "region") and lookup(list(norms[m.a : k])) is not None:
                        out.append(Mention(m.a, k, m.type, source=m.source))
                        m = Mention(k, m.b, m.type, source=m.source, extra={"strip_waw": "1"})
                        break
            out.append(m)
        return out

    def _commoner_whole(self, w: str) -> bool:
        """Whether the corpus writes the word more often than any reading of it without a
        proclitic (كريم against ريم, وانغ against انغ; not وبوتين against بوتين): a word of its own."""
        return self.gaz.freq_class(w) > 0 and not any(self.gaz.reads_as(w, c) for _p, c in proclitic_splits(w)[1:])

    def _no_name(self, w: str, ms: Sequence[Mention], norms: Sequence[str]) -> bool:
        """A lone word the tagger called a person that is frequent in the corpus and whose
        word clusters at every level hold next to no names (a verb, an adverb, a common noun:
        أعطت، بهدوء، معسكر), unless it ends a longer name of the article (محمد الكبير | الكبير)."""
        if not nameless_word(w, self.vocab, self._nameless) or any(
                c in lx.FIRST_NAMES or self.names.get(c, "").startswith("PERS") for _p, c in proclitic_splits(w)):
            return False  # (وبوتين: و + a name)
        return not any(o.type == "PER" and o.b - o.a >= 2 and norms[o.b - 1] == w for o in ms)

    def _nisba_adjective(self, m: Mention, ms: Sequence[Mention], norms: Sequence[str]) -> bool:
        """A lone definite nisba right after a definite common noun is its adjective (القفص | الصدري،
        الموقف | المصري), not a family name, unless it ends a person's name of the article."""
        w = norms[m.a]
        if not (m.a and w.startswith("ال") and w.endswith("ي") and len(w) >= 5):
            return False
        prev = norms[m.a - 1]
        if not prev.startswith("ال") or _is_title(prev) or prev in lx.FIRST_NAMES or not self.rules.common(prev):
            return False
        return not any(o.type == "PER" and o.b - o.a >= 2 and norms[o.b - 1] == w for o in ms)

    def _dual_noun(self, w: str) -> bool:
        """A dual in ـتين of a frequent feminine noun (لمجموعتين ← مجموعة، دولتين ← دولة), with
        or without a proclitic: a noun, not a name (بوتين، كريستين: no such noun)."""
        return any(c.endswith("تين") and len(c) >= 6 and self.gaz.freq_class(c[:-3] + "ه") >= 8
                   for _p, c in proclitic_splits(w))

    def _future_verb(self, w: str) -> bool:
        return future_verb(w, self.gaz.common, self.names)

    def _merge_gazetteer(self, ms: list[Mention], norms: Sequence[str],
                         matches: Sequence[tuple[int, int, Entry]] | None = None) -> list[Mention]:
        taken = [None] * len(norms)  # type: list[Mention | None]
        for m in ms:
            for k in range(m.a, m.b):
                taken[k] = m
        for a, b, e in (matches if matches is not None else self.gaz.match(norms)):
            if norms[a] in lx.WORD_PLACES and b - a == 1 and not self._place_cue(norms, a):
                continue  # لحج هذا العام: for the hajj
            if b - a == 1 and self._foreign_word(e, norms, a):
                o = taken[a]
                if o is not None and o.a == a and o.b == b and o.type in ("GPE", "LOC"):
                    ms.remove(o)  # دون أن يبين: a verb, not Yibin
                    taken[a] = None
                continue
            if e.kind == "city" and e.population < 300_000:
                if not any(taken[k] for k in range(a, b)):
                    continue  # small towns only confirm the CRF, never add mentions
            over = {id(taken[k]): taken[k] for k in range(a, b) if taken[k] is not None}
            if not over:
                if e.kind == "city" and self._looks_common(norms, a, b):
                    continue
                m = Mention(a, b, _KIND_TYPE[e.kind], source="gaz", entry=e)
                ms.append(m)
                for k in range(a, b):
                    taken[k] = m
                continue
            olds = list(over.values())
            lo = min(o.a for o in olds)
            hi = max(o.b for o in olds)
            if (e.kind in ("country", "region") or e.kind == "org" and all(o.type == "PER" for o in olds)) \
                    and (lo < a or hi > b) and b - a >= 2:
                for o in olds:  # الولايات | المتحدة فتح الله: the country's name wins its words
                    # (and an organisation's: لحزب الله | حسن نصر الله)
                    if o.a < a:
                        o.b = a
                    elif o.b > b:
                        o.a = b
                    else:
                        o.b = o.a
                    if o.b <= o.a:
                        ms.remove(o)
                m = Mention(a, b, _KIND_TYPE[e.kind], source="gaz", entry=e)
                ms.append(m)
                for k in range(a, b):
                    taken[k] = m
                continue
            if lo >= a and hi <= b and ((b - a) > (hi - lo) or len(olds) > 1) \
                    and (e.kind in ("country", "org", "misc", "region")
                         or e.kind == "city" and all(o.type in ("GPE", "LOC") for o in olds)):
                # (and a city's name joins the places the tagger cut it into, or the one piece it
                # found: خان | يونس، دير | الزور)
                for o in olds:  # the gazetteer name covers the CRF spans (or joins them): it wins
                    ms.remove(o)
                m = Mention(a, b, _KIND_TYPE[e.kind], source="gaz", entry=e)
                ms.append(m)
                for k in range(a, b):
                    taken[k] = m
            elif len(olds) == 1 and olds[0].a == a and olds[0].b > b and e.kind == "org" and olds[0].type == "ORG" \
                    and any(p == "ب" for p, _c in proclitic_splits(norms[b])):
                olds[0].b, olds[0].entry = b, e  # مجلس نواب الشعب | بباردو: where it sits is no part of it
                for k in range(b, hi):
                    taken[k] = None
            elif len(olds) == 1 and olds[0].a == a and olds[0].b == b:
                olds[0].entry = e
                if olds[0].type == "PER" and b - a >= 2 and e.kind in ("country", "city", "region"):
                    olds[0].type = "GPE"  # أبو ظبي: a place of two words, not أبو + a name
                if e.kind in ("org", "misc") or olds[0].type in ("LOC", "MISC") and e.kind != "misc":
                    olds[0].type = _KIND_TYPE[e.kind]
                elif olds[0].type == "ORG" and (e.kind == "country" or e.kind == "city" and e.population >= 1_000_000):
                    olds[0].type = "GPE"  # سيول، طهران: a country or a large city stands for a government
        return ms

    def _foreign_word(self, e: Entry, norms: Sequence[str], k: int) -> bool:
        """Whether the one word at ``k`` that names a foreign town (not of the Arab League, fewer
        than :data:`_PLACE_WORD_POPULATION` people — unless its name came spelled in Persian
        letters, a transliteration whatever the town: رىم for Rome reads ريم) is used by the corpus as something else —
        its coarse word cluster is none of the place clusters (:func:`_place_clusters`) — and no
        place cue stands before it: a verb, a common noun or a person (دون أن يبين: not Yibin;
        كورونا the virus; بخاري، سانتوس), not the transliterated town."""
        if e.kind != "city" or not self._place_clusters or not _MEDIAL_YA.search(e.name) and (
                e.population >= _PLACE_WORD_POPULATION
                or e.country in _ARABIC_NAMED and not _PERSIAN_LETTERS.search(e.name)):
            return False  # (an Arab town's name spelled with Persian letters is a transliteration
            # too: لکسر for Luxor reads لكسر, "to break")
        if self._place_word(e) is not False:
            return False  # (a word the corpus uses as a place, or one it does not know)
        for j in (k - 1, k + 1):  # بغداد وبخارى وسمرقند: a place among places
            if 0 <= j < len(norms) and (o := self.gaz.lookup([norms[j]])) is not None \
                    and o.kind in ("city", "country") and o.phrase != e.phrase and not self._foreign_entry(o):
                return False
        return not self._place_cue(norms, k - 1 if k > 1 and norms[k - 1] in _QUOTES else k)  # بلدة "سبليت"

    def _place_word(self, e: Entry) -> bool | None:
        """Whether the corpus uses the word of a one-word place in its place clusters (قابس، تونس;
        not أنخل، ريم: names); ``None`` for a word it does not cluster."""
        st = self.vocab.get(e.phrase) if isinstance(self.vocab, Mapping) else None
        return None if st is None or len(st) < 4 else st[0] in self._place_clusters

    def _foreign_entry(self, e: Entry) -> bool:
        """Whether ``e`` is itself a foreign town whose word the corpus uses otherwise (no cue)."""
        return e.kind == "city" and e.population < _PLACE_WORD_POPULATION and e.country not in _ARABIC_NAMED \
            and self._place_word(e) is False

    def _looks_common(self, norms: Sequence[str], a: int, b: int) -> bool:
        w = norms[a]
        return b - a == 1 and (w in lx.STOPWORDS or w in lx.AMBIGUOUS or len(strip_article(w)) < 3)

    def _add_nationalities(self, ms: list[Mention], norms: Sequence[str],
                           nats: dict[int, Entry] | None = None) -> list[Mention]:
        if nats is None:
            nats = self.gaz.nationalities(norms)
        taken = set()
        for m in ms:
            taken.update(range(m.a, m.b))
        n = len(norms)
        for k, e in nats.items():
            if k in taken:
                continue
            if k + 1 < n and k + 1 not in taken and with_direction(e.country, norms[k + 1]):
                ms.append(Mention(k, k + 2, "NORP", source="gaz", entry=e,
                                  country=nat_direction(e.country, norms[k + 1])))
                continue  # الكورية الشمالية: KP
            ms.append(Mention(k, k + 1, "NORP", source="gaz", entry=e, country=e.country))
        return ms

    def _type_and_country(self, ms: list[Mention], norms: Sequence[str],
                          surfaces: Sequence[str] = ()) -> list[Mention]:
        for m in ms:
            words = list(norms[m.a : m.b])
            w0 = words[0]
            splits = proclitic_splits(w0)
            if len(splits) == 1:
                pass
            elif surfaces and (k := hamza_clitic(surfaces[m.a])) and w0 not in self.known_names:
                words[0] = w0[k:]  # وإنترناسيونالي → انترناسيونالي
            elif not (w0 in _WHOLE_HEADS or self._no_article(w0) or (m.type == "PER" and self._own_name(w0))):
                # (وزارة، وكالة are heads, not و + زارة، وك + الة)
                cp = self._clitic(w0)
                for p, core in splits[1:]:
                    if (core.startswith("ال") and len(core) >= 4 or p == cp or core in self.known_names
                            or self.gaz.lookup([core] + words[1:]) is not None):
                        words[0] = core
                        break
            m.words = tuple(words)
            e = m.entry or self.gaz.lookup(words)
            if e is not None and m.entry is None and e.kind in ("country", "city", "region") and m.type in ("LOC", "GPE", "ORG", "MISC"):
                if m.type in ("LOC", "GPE"):
                    m.entry = e
            if m.type in ("LOC", "GPE"):
                e = m.entry
                if e is not None and e.kind in ("country", "city"):
                    m.type = "GPE"
                elif e is not None and e.kind == "region":
                    m.type = "LOC"
                elif strip_article(_core(words[0])) in lx.LOC_HEADS or words[0] in lx.LOC_HEADS or (
                        m.a and _in(norms[m.a - 1], lx.LOC_HEADS)):
                    m.type = "LOC"
                else:
                    m.type = "GPE"
            e = m.entry
            if e is not None:
                m.country = m.country or e.country
                m.english = e.english
                m.canon = e.canon
                if e.kind == "nat" and m.b - m.a == 2:  # الكورية الشمالية: not the South's key
                    m.canon = e.canon + " " + norms[m.a + 1][2:].removesuffix("ه")
            else:
                m.canon = " ".join(words)
            if m.type == "ORG" and not m.country and m.entry is None:  # not for known bodies (EU, UN)
                m.country = self._org_country(words)
        return ms

    def _org_by_nationality(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """An institution head + nationality adjective is an organisation (السفارة الإيرانية،
        الخارجية الروسية، الرئاسة الإيرانية): the NORP mention grows into an ORG."""
        by_start = {m.a: m for m in ms}
        for m in list(ms):
            if m.type != "NORP" or m.a == 0 or m.a - 1 in by_start:
                continue
            head = norms[m.a - 1]
            if head.startswith("ل") and not head.startswith("لل") and "ا" + head in lx.ORG_NAT_HEADS:
                head = "ا" + head  # لرئاسة الإيرانية: the article's alef dropped by a typo
                m.extra["keep_clitic"] = "1"
            fem_head = _definite(head).endswith("ه")
            fem_adj = norms[m.a].endswith("ه")
            if presidency_office(norms, m.a - 1):
                continue  # انتخابات الرئاسة الأميركية: the office, and the adjective stays a NORP
            if _in(head, lx.ORG_NAT_HEADS) and fem_head == fem_adj and any(
                    c.startswith("ال") or head.startswith("لل") for _p, c in proclitic_splits(head)):
                m.a -= 1
                if m.a and _in(norms[m.a - 1], lx.ORG_HEADS) and m.a - 1 not in by_start:
                    m.a -= 1  # وزارة الخارجية الروسية: the ministry, not only its short name
                    head = norms[m.a] + " " + head
                m.type = "ORG"
                hw = tuple(_definite(h) if k == 0 else h for k, h in enumerate(head.split()))
                m.words = (*hw, *m.words) if m.words else hw
                m.canon = " ".join(m.words)
                m.entry = None
        return ms

    def _homonyms(self, ms: Sequence[Mention], norms: Sequence[str] = ()) -> None:
        """A place name several countries share (الجوف: SA, YE, LY) takes the country the
        article's other places and nationality words name most (the dateline's place among
        them); with no such evidence, the gazetteer's usual reading stays."""
        alts = self.gaz.alternatives
        amb = [m for m in ms if m.entry is not None and m.entry.phrase in alts and m.type in ("GPE", "LOC")]
        if not amb:
            return
        from collections import Counter

        votes = Counter(m.country for m in ms if m.country and m.type in ("GPE", "LOC", "NORP")
                        and (m.entry is None or m.entry.phrase not in alts))
        country_at = {o.a: o for o in ms if o.entry is not None and o.entry.kind == "country"
                      and o.entry.phrase not in alts}
        country_ends = {o.b for o in country_at.values()}
        for m in amb:
            e = m.entry
            assert e is not None
            after = country_at.get(m.b + 1) if m.b < len(norms) and norms[m.b] in ("،", ",") else None
            if after is not None:  # عمان، الأردن: a city, then its country (a dateline)
                best = next((c for c in alts[e.phrase] if c.country == after.country), None)
                if best is not None:
                    m.entry, m.country, m.english = best, best.country, best.english
                continue
            if e.kind == "country" and ({m.a, m.a - 1} & country_ends or {m.b, m.b + 1} & set(country_at)):
                continue  # الإمارات والسعودية وعمان وقطر: a country among countries
            best = max((e, *alts[e.phrase]), key=lambda c: votes[c.country])
            if best is not e and votes[best.country] > votes[e.country] and m.country == e.country:
                m.entry, m.country, m.english = best, best.country, best.english

    def _adjective_country(self, ms: Sequence[Mention]) -> None:
        """A place right before a nationality adjective is in the adjective's country (بمدينة
        شنغهاي الصينية، طرابلس اللبنانية): a place the gazetteer does not know takes it, and a
        name several countries share takes that country's reading."""
        nat_at = {o.a: o for o in ms if o.type == "NORP" and o.country}
        if not nat_at:
            return
        alts = self.gaz.alternatives
        for m in ms:
            if m.type not in ("GPE", "LOC") or (n := nat_at.get(m.b)) is None or m.country == n.country:
                continue
            if not m.country:
                m.country = n.country
            elif m.entry is not None and m.entry.phrase in alts:
                best = next((c for c in alts[m.entry.phrase] if c.country == n.country), None)
                if best is not None:
                    m.entry, m.country, m.english = best, best.country, best.english

    def _role_country(self, role: str) -> str:
        """الرئيس الروسي → RU; السفير الإيراني لدى روسيا → IR (the first country word wins);
        الزعيم الكوري الشمالي → KP."""
        from marsad.text.normalize import normalize

        words = normalize(role).split()
        for k, w in enumerate(words):
            c = self._word_country(w)
            if c:  # (الزعيم الكوري الشمالي → KP: the direction is the adjective's)
                return nat_direction(c, words[k + 1]) if k + 1 < len(words) else c
        return ""

    def _org_country(self, words: Sequence[str]) -> str:
        """وزارة الخارجية الروسية → RU (the last country word wins; الكورية الشمالية → KP)."""
        for k in range(len(words) - 1, -1, -1):
            c = self._word_country(words[k])
            if c:
                return nat_direction(c, words[k + 1]) if k + 1 < len(words) else c
        return ""

    def _word_country(self, w: str) -> str:
        """The country of a nationality adjective or a country name, else ``""``."""
        e = self.gaz.nationality(w)
        if e is not None and e.country:
            return e.country
        g = self.gaz.lookup([w])
        return g.country if g is not None and g.kind == "country" else ""

    def _ambiguity(self, ms: list[Mention], norms: Sequence[str], toks: Sequence[Token]) -> list[Mention]:
        """Drop one-word names that are common words unless evidence backs them."""
        full_names = {w for m in ms if m.type == "PER" and m.b - m.a >= 2 for w in m.words}
        out = []
        for m in ms:
            if m.type == "PER" and m.b - m.a >= 2 and _core(norms[m.a]) in lx.AMBIGUOUS:
                rest = norms[m.a + 1 : m.b]
                known = any(_in(w, lx.FIRST_NAMES) or self.names.get(w, "").startswith("PERS")
                            or self.names.get(_core(w), "").startswith("PERS") or w in lx.DIVINE
                            or self._rare(w) for w in rest)
                # (حسن نصر الله: a name with الله is a name; نبيل قاووق: a rare word, a surname)
                k = m.a - 1
                while k >= 0 and norms[k] in ("،", ","):
                    k -= 1
                cue = k >= 0 and (_is_title(norms[k]) or self.gaz.nationality(norms[k]) is not None)
                if not known and not cue:
                    continue  # سعيد بخروج: "happy to leave", not a person
            if m.b - m.a == 1 and m.words and m.words[0] in lx.AMBIGUOUS or (
                    m.b - m.a == 1 and _core(norms[m.a]) in lx.AMBIGUOUS and m.type in ("PER", "ORG")):
                w = m.words[0] if m.words else _core(norms[m.a])
                prev = norms[m.a - 1] if m.a else ""
                prev2 = norms[m.a - 2] if m.a > 1 else ""
                cue = prev if prev not in _QUOTES else prev2
                if _in(cue, lx.PRODUCT_CUES):
                    m.type, m.country, m.entry = "MISC", "", None
                    m.canon = w
                    out.append(m)
                    continue
                if m.type == "ORG" and m.entry is not None:
                    out.append(m)  # a known organisation (سبوتنيك the agency)
                    continue
                evidence = w in full_names or _is_title(prev) or _core(prev) in lx.FIRST_NAMES
                if m.type == "PER" and evidence:
                    out.append(m)
                continue
            out.append(m)
        return out

    @staticmethod
    def _place_cue(norms: Sequence[str], k: int) -> bool:
        """Whether the word before ``k`` says a place follows (محافظة لحج، محافظ لحج، في لحج,
        وعدن ولحج), so that a place name that reads as a proclitic + a common word is the place
        (:data:`.lexicon.WORD_PLACES`; not لحج هذا العام: for the hajj)."""
        if k == 0:
            return False
        prev = norms[k - 1]
        return prev in _PLACE_PREPOSITIONS or any(_in(prev, ws) for ws in (lx.PLACE_TITLES, lx.GPE_HEADS, lx.LOC_HEADS))

    def _bare_word_place(self, m: Mention, ms: Sequence[Mention], norms: Sequence[str]) -> bool:
        """A one-word place whose name is also an everyday word (:data:`.lexicon.WORD_PLACES`;
        وكيف انتصرت، قصص وصور) with no place cue before it and no other place beside it in a
        list (بيروت وصور وصيدا): a word, not the place."""
        w = norms[m.a]
        if not _word_place(w) or self._place_cue(norms, m.a):
            return False
        for o in ms:
            if o is not m and o.type in ("GPE", "LOC") and (o.b == m.a and w[:1] == "و"
                                                             or o.a == m.b and norms[o.a][:1] == "و") \
                    and not (o.b - o.a == 1 and _word_place(norms[o.a])):
                return False
        return True

    def _own_name(self, w: str) -> bool:
        """A word the training data knows as a person's name as it stands (فؤاد، وانغ)."""
        return self.names.get(w, "").startswith("PERS") and w not in lx.NAME_LINKS

    def _no_article(self, w: str) -> bool:
        """A frequent word that reads as proclitic + ال + a word the corpus does not use
        (فالنسيا: no ف + النسيا)."""
        return w[1:3] == "ال" and w in self.vocab and w[1:] not in self.vocab and w[1:] not in self.known_heads

    def _clitic(self, w: str) -> str:
        """The proclitic of a word whose rest (four letters or more) is a common word or a head
        (بجائزة، لمهرجان) and that is no known name or head itself (بغداد، وزارة): the span
        leaves it out; ``""`` when there is none (cached: a pure function of the word)."""
        cache = self._clitics
        p = cache.get(w)
        if p is None:
            if len(cache) > 100_000:
                cache.clear()
            p = cache[w] = self._clitic_of(w)
        return p

    def _clitic_of(self, w: str) -> str:
        common = self.gaz.common
        if w in _WHOLE_HEADS or w in self.known_names:
            return ""
        for p, c in proclitic_splits(w)[1:]:
            if len(c) >= 4 and (c in _WHOLE_HEADS or c in common and len(proclitic_splits(c)) == 1) \
                    and not c.startswith("ال"):
                return p  # (not بوروسيا: و + روسيا is common, but no word of its own)
        if w[:1] == "و" and len(w) >= 5 and (f := self.gaz.freq_class(w[1:])) >= 4 and f >= self.gaz.freq_class(w) + 3:
            return "و"  # وفنربخشه، وهازارد: the corpus writes the name far more often alone (not وليد، وائل)
        return ""

    def _rare(self, w: str) -> bool:
        """A word of three letters or more that no reading of is a common word, a place or a
        nationality (قاووق; not بخروج): what a surname looks like."""
        return len(w) >= 3 and w.isalpha() and w not in lx.STOPWORDS and not common_noun(w, self.vocab) and not any(
            c in self.gaz.common or strip_article(c) in self.gaz.common for _p, c in proclitic_splits(w)) \
            and self.gaz.lookup([w]) is None and self.gaz.nationality(w) is None

    def _chars(self, m: Mention, toks: Sequence[Token]) -> None:
        if not isinstance(toks, TokenList):
            toks = _columns(toks)
        starts, ends, texts, norms = toks.starts, toks.ends, toks.texts, toks.norms  # no Token built
        text0 = texts[m.a]
        if m.extra.get("keep_clitic"):
            cut = 0
        elif m.extra.get("strip_waw"):
            cut = _orig_prefix_len(text0, 1)
            if norms[m.a][1:2] in ("ب", "ل") and (more := split_proclitic(text0[cut:], known=self.known_heads,
                                                                           norm=norms[m.a][1:])):
                cut += more  # وبسعد الحريري → سعد الحريري (but وباراك أوباما → باراك أوباما)
        else:
            cut = self._cuts.get(text0, -1)
            if cut < 0:
                if len(self._cuts) > 100_000:
                    self._cuts.clear()
                w = norms[m.a]
                cut = split_proclitic(text0, known=self.known_heads, norm=w)
                if not cut and (p := self._clitic(w)):
                    cut = _orig_prefix_len(text0, len(p))  # بجائزة → جائزة
                elif not cut and (k := hamza_clitic(text0)):
                    cut = k  # وإنترناسيونالي، لأستون فيلا
                elif not cut and w not in self.gaz.nat and (
                        p := next((p for p, c in proclitic_splits(w)[1:] if c in self.gaz.nat), "")):
                    cut = _orig_prefix_len(text0, len(p))  # وعربيًا → عربيًا (a nationality's form)
                elif cut and self._no_article(w):
                    cut = 0  # فالنسيا is no ف + النسيا
                self._cuts[text0] = cut
            if cut and m.type == "PER" and (self._own_name(w := norms[m.a]) and w not in lx.FIRST_NAMES
                                            and not any(c in lx.FIRST_NAMES for _p, c in proclitic_splits(w)[1:])
                                            or self._commoner_whole(w)):
                cut = 0  # فؤاد، وانغ: names of their own (but لناصر is ل + ناصر); كريم is no ك + ريم
        if not cut and m.type == "PER" and m.b - m.a >= 2 and norms[m.a + 1] == _DIN \
                and norms[m.a][:1] == "و" and norms[m.a][1:] in _DIN_FIRSTS:
            cut = _orig_prefix_len(text0, 1)  # ونور الدين الطبوبي → نور الدين الطبوبي
        m.start = starts[m.a] + cut
        m.end = ends[m.b - 1]
        inner = texts[m.a : m.b]
        if "(" in inner and inner.count("(") > inner.count(")") and m.b < len(texts) and texts[m.b] == ")":
            m.b += 1  # مجلس (الاتحاد): keep the bracket the name opened
            m.end = toks[m.b - 1].end

    def _role(self, text: str, m: Mention, toks: Sequence[Token], norms: Sequence[str], ms: Sequence[Mention],
              inside: dict[int, Mention] | None = None) -> str:
        if inside is None:
            inside = {}
            for o in ms:
                if o is not m and o.type in ("GPE", "ORG", "NORP", "LOC"):
                    for k in range(o.a, o.b):
                        inside[k] = o
        k = m.a - 1
        if k >= 0 and norms[k] in ("،", ","):
            if m.start > toks.starts[m.a] and toks.texts[m.a][:1] == "و":
                return ""  # الأمين العام المؤسس للحزب، | وأحمد سعيد: the title before ، و is another's
            k -= 1
        first_title = -1
        steps = 0
        while k >= 0 and steps < 10:
            w = norms[k]
            c = _core(w)
            if _is_title(w):
                first_title = k
                if w[:1] == "و" and _is_title(w[1:]):
                    break  # الزعيم الكوري الشمالي | والرئيس الأميركي دونالد ترامب: his title begins at و
            elif not (c in lx.ROLE_CONTINUATION or w in lx.ROLE_CONTINUATION or k in inside
                      or w in _ROLE_GLUE or self.gaz.nationality(w) is not None
                      or c in lx.ORG_HEADS or w in lx.ORG_HEADS):
                break
            k -= 1
            steps += 1
        if first_title < 0:
            return ""
        t0 = toks[first_title]
        cut, article = _title_cut(t0.text, norms[first_title])
        last = m.a - 1
        while last > first_title and norms[last] in ("،", ","):
            last -= 1
        return article + " ".join(text[t0.start + cut : toks[last].end].split())


def future_verb(w: str, common: set[str] | frozenset[str], names: dict[str, str]) -> bool:
    """سـ + an imperfect verb the corpus uses often (ستعمل، سيزور، سنواصل): never a name's
    word (سيرغي، ستيفن: the word without سـ is no common word)."""
    return len(w) >= 5 and w[0] == "س" and w[1] in "يتنا" and w[1:] in common \
        and w not in lx.FIRST_NAMES and not names.get(w, "").startswith("PERS")


#: possessive suffixes (حظه، موقفهم): a noun they follow is no surname (not ي: حبيبي، حسني
#: are family names as often)
_POSSESSIVES = ("هما", "هم", "ها", "نا", "ه", "ك")


def common_noun(w: str, vocab: Container[str]) -> bool:
    """Whether the corpus writes ``w``, or ``w`` less a possessive suffix, with ال at least one
    time in seven (the word clusters' ``a2``/``a3``: جوار، ندرة، مختلفين; حظه → حظ): a common
    noun, not a surname (قاووق، بلماضي are never or seldom definite). Not for a word with ال
    (الصماد: the rate says nothing of it) nor for a nisba (حامدي: written الحامدي as often)."""
    get = getattr(vocab, "get", None)
    if get is None or w.startswith("ال") or w.endswith("ي"):
        return False
    for s in ("", *_POSSESSIVES):
        if s and not (w.endswith(s) and len(w) - len(s) >= 2):
            continue
        st = get(w[: len(w) - len(s)])
        if st and st[-1] in ("a2", "a3"):
            return True
    return False


def hamza_clitic(surface: str) -> int:
    """How many letters of a word are a proclitic before a hamza on alef (وإنترناسيونالي،
    لأستون، وبأوروبا): no Arabic word begins with one of و ف ب ل ك and then أ or إ, so the
    letters are proclitics; 0 when the word does not look so."""
    if len(surface) >= 5 and surface[0] in "وفبلك":
        if surface[1] in "أإ":
            return 1
        if surface[1] in "بلك" and surface[0] in "وف" and surface[2] in "أإ":
            return 2
    return 0


def nat_direction(country: str, nxt: str) -> str:
    """The country a nationality adjective names with the direction word after it
    (الكورية الشمالية → KP, السوداني الجنوبي → SS); else its own."""
    if nxt not in lx.DIRECTION_ADJECTIVES:
        return country
    return lx.NAT_DIRECTION.get((country, nxt[2:].removesuffix("ه")), country)


def with_direction(country: str, nxt: str) -> bool:
    """Whether a nationality adjective of ``country`` and the next word are one adjective
    (الكورية | الشمالية، الكوري | الجنوبي: a country that a direction splits)."""
    return nxt in lx.DIRECTION_ADJECTIVES and (country, nxt[2:].removesuffix("ه")) in lx.NAT_DIRECTION


#: head words that are whole words, not a proclitic + a word (وزارة، وكالة، ولاية)
_WHOLE_HEADS = lx.ORG_HEADS | lx.ORG_RULE_HEADS | lx.LOC_HEADS | lx.GPE_HEADS | lx.STATE_HEADS | lx.MEDIA_HEADS


def _columns(toks: Sequence[Token]) -> TokenList:
    return TokenList([t.start for t in toks], [t.end for t in toks], [t.text for t in toks], [t.norm for t in toks])


_KIND_TYPE = {"country": "GPE", "city": "GPE", "region": "LOC", "org": "ORG", "misc": "MISC", "nat": "NORP"}
