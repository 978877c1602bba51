"""Places and countries in news mentions: gazetteer matches merged with the tagger's spans (the
longer official name wins; small towns only confirm), place names that are also everyday words
(لحج، صور، كيف), foreign towns whose word the corpus uses otherwise (يبين، كورونا), places the
tagger ran together or cut apart, a region's direction word, nationality adjectives, and a
place's country from its neighbours: the adjective after it, the dateline's country, the
article's other places (الجوف: SA, YE or LY); the country of a role or an organisation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Mapping, Sequence

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.features import proclitic_splits, strip_article
from marsad.enrich.entities.gazetteer import Entry, Gazetteer
from marsad.enrich.entities.mention import _KIND_TYPE, Mention
from marsad.enrich.entities.words import _QUOTES, _in, nat_direction, with_direction
from marsad.text.normalize import normalize

#: prepositions before a place name (في لحج)
_PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "بين"})
#: a coarse word cluster (64 clusters, level 0) is a cluster of places when at least this share of
#: its words are one-word places of the gazetteer (two of 64 are, with 15% and 37%; the next holds 2%)
PLACE_SHARE = 0.05

#: a foreign town this populous is a place even where its word reads otherwise (طهران، بيونغيانغ
#: stand for their governments, in the clusters of actors)
_PLACE_WORD_POPULATION = 1_000_000

#: countries whose towns have Arabic names of their own: the Arab League, and Israel (يافا، حيفا، عكا)
_ARABIC_NAMED = pw.ARAB_LEAGUE | {"IL"}

#: letters of Persian and Urdu spelling: a gazetteer name written with them came from those languages
_PERSIAN_LETTERS = re.compile("[یکگپچژہ]")

#: ى inside a word: an Urdu-style spelling, an alias no Arabic text writes (رىم for Rome)
_MEDIAL_YA = re.compile("ى(?=\\w)")


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


def _word_place(w: str) -> bool:
    """Whether a reading of ``w`` (a proclitic off or not; no article stripped: الرياض is not
    رياض) is a place name that is also an everyday word (:data:`.place_words.WORD_PLACES`)."""
    return any(c in pw.WORD_PLACES for _p, c in proclitic_splits(w))


def place_cue(norms: Sequence[str], k: int) -> bool:
    """Whether the word before ``k`` says a place follows (محافظة لحج، محافظ لحج، في لحج,
    وعدن ولحج), so that a place name that reads as a proclitic + a common word is the place
    (:data:`.place_words.WORD_PLACES`; not لحج هذا العام: for the hajj)."""
    if k == 0:
        return False
    prev = norms[k - 1]
    return prev in _PLACE_PREPOSITIONS or any(_in(prev, ws) for ws in (pw.PLACE_TITLES, pw.GPE_HEADS, pw.LOC_HEADS))


def bare_word_place(m: Mention, ms: Sequence[Mention], norms: Sequence[str]) -> bool:
    """A one-word place whose name is also an everyday word (:data:`.place_words.WORD_PLACES`;
    وكيف انتصرت، قصص وصور) with no place cue before it and no other place beside it in a
    list (بيروت وصور وصيدا): a word, not the place."""
    w = norms[m.a]
    if not _word_place(w) or place_cue(norms, m.a):
        return False
    for o in ms:
        if o is not m and o.type in ("GPE", "LOC") and (o.b == m.a and w[:1] == "و"
                                                         or o.a == m.b and norms[o.a][:1] == "و") \
                and not (o.b - o.a == 1 and _word_place(norms[o.a])):
            return False
    return True


def join_place_prefixes(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """A place-name prefix the tagger made a place of its own joins the place after it
    (سان | بيترسبورغ، خان | يونس، سيدي | بوزيد → one place)."""
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: m.a):
        p = out[-1] if out else None
        if p is not None and p.b == m.a and p.b - p.a == 1 and p.type in ("GPE", "LOC") \
                and m.type in ("GPE", "LOC") and norms[p.a] in pw.PLACE_PREFIXES:
            out[-1] = Mention(p.a, m.b, m.type, source=m.source, entry=None if m.source == "gaz" else m.entry)
            continue
        out.append(m)
    return out


def region_directions(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """A region the tagger found without the direction adjective after it takes it (الساحل |
    الغربي، أوروبا | الشرقية، آسيا | الوسطى): one region, no longer the bare one's entry (the
    Sahel is not the west coast)."""
    n = len(norms)
    for m in ms:
        if m.type == "LOC" and m.b < n and norms[m.b] in pw.REGION_DIRECTIONS \
                and not any(o.a == m.b for o in ms):
            m.b += 1
            m.entry = None
            m.words = (*(m.words or norms[m.a : m.b - 1]), norms[m.b - 1])
            m.canon = " ".join(m.words)
    return ms


class PlaceReader:
    """The gazetteer's places beside the tagger's spans, read with the corpus's word clusters."""

    def __init__(self, gaz: Gazetteer, vocab: Container[str]) -> None:
        self.gaz = gaz
        self.vocab = vocab
        self._place_clusters = _place_clusters(vocab, gaz)

    def merge_gazetteer(self, ms: list[Mention], norms: Sequence[str],
                        matches: Sequence[tuple[int, int, Entry]] | None = None) -> list[Mention]:
        """The gazetteer's names beside the tagger's spans (``matches``: :meth:`.Gazetteer.match`):
        a country's, a region's or an organisation's longer name wins the words of the spans it
        overlaps, a name that covers spans replaces them, one that matches a span gives it its
        entry; a small town only confirms a span, and a place that is a word needs a cue."""
        taken = [None] * len(norms)  # type: list[Mention | None]
        for m in ms:
            for k in range(m.a, m.b):
                taken[k] = m
        for a, b, e in (matches if matches is not None else self.gaz.match(norms)):
            if norms[a] in pw.WORD_PLACES and b - a == 1 and not place_cue(norms, a):
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
                if e.kind == "city" and _looks_common(norms, a, b):
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

    def split_place_lists(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
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
        if self.place_word(e) is not False:
            return False  # (a word the corpus uses as a place, or one it does not know)
        for j in (k - 1, k + 1):  # بغداد وبخارى وسمرقند: a place among places
            if 0 <= j < len(norms) and (o := self.gaz.lookup([norms[j]])) is not None \
                    and o.kind in ("city", "country") and o.phrase != e.phrase and not self._foreign_entry(o):
                return False
        return not place_cue(norms, k - 1 if k > 1 and norms[k - 1] in _QUOTES else k)  # بلدة "سبليت"

    def place_word(self, e: Entry) -> bool | None:
        """Whether the corpus uses the word of a one-word place in its place clusters (قابس، تونس;
        not أنخل، ريم: names); ``None`` for a word it does not cluster."""
        st = self.vocab.get(e.phrase) if isinstance(self.vocab, Mapping) else None
        return None if st is None or len(st) < 4 else st[0] in self._place_clusters

    def _foreign_entry(self, e: Entry) -> bool:
        """Whether ``e`` is itself a foreign town whose word the corpus uses otherwise (no cue)."""
        return e.kind == "city" and e.population < _PLACE_WORD_POPULATION and e.country not in _ARABIC_NAMED \
            and self.place_word(e) is False


def _looks_common(norms: Sequence[str], a: int, b: int) -> bool:
    w = norms[a]
    return b - a == 1 and (w in lx.STOPWORDS or w in lx.AMBIGUOUS or len(strip_article(w)) < 3)


def comma_country(ms: Sequence[Mention], norms: Sequence[str]) -> None:
    """A place the gazetteer does not know, followed by a comma and a country (أتلانتا، الولايات
    المتحدة الأمريكية — a dateline; بلدة X، نيجيريا), is in that country; not an item of a list of
    countries (الهند، سيرلانكا، بنجلاديش: a country before it and its comma too)."""
    at = {m.a: m for m in ms if m.entry is not None and m.entry.kind == "country" and m.country}
    if not at:
        return
    ends = {m.b for m in at.values()}
    for m in ms:
        if m.type in ("GPE", "LOC") and not m.country and m.entry is None and m.b < len(norms) \
                and norms[m.b] in ("،", ",") and (c := at.get(m.b + 1)) is not None \
                and not (m.a >= 2 and norms[m.a - 1] in ("،", ",") and m.a - 1 in ends):
            m.country = c.country


def add_nationalities(ms: list[Mention], norms: Sequence[str], nats: dict[int, Entry]) -> list[Mention]:
    """A nationality adjective no span covers is a NORP mention of its country (``nats``:
    :meth:`.Gazetteer.nationalities`), with the direction word after it (الكورية الشمالية: KP)."""
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


def homonyms(gaz: Gazetteer, ms: Sequence[Mention], norms: Sequence[str] = ()) -> None:
    """A place name several countries share (الجوف: SA, YE, LY) takes the country the
    article's other places and nationality words name most (the dateline's place among
    them); with no such evidence, the gazetteer's usual reading stays."""
    alts = gaz.alternatives
    amb = [m for m in ms if m.entry is not None and m.entry.phrase in alts and m.type in ("GPE", "LOC")]
    if not amb:
        return
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


def adjective_country(gaz: Gazetteer, ms: Sequence[Mention]) -> None:
    """A place right before a nationality adjective is in the adjective's country (بمدينة
    شنغهاي الصينية، طرابلس اللبنانية): a place the gazetteer does not know takes it, and a
    name several countries share takes that country's reading."""
    nat_at = {o.a: o for o in ms if o.type == "NORP" and o.country}
    if not nat_at:
        return
    alts = gaz.alternatives
    for m in ms:
        if m.type not in ("GPE", "LOC") or (n := nat_at.get(m.b)) is None or m.country == n.country:
            continue
        if not m.country:
            m.country = n.country
        elif m.entry is not None and m.entry.phrase in alts:
            best = next((c for c in alts[m.entry.phrase] if c.country == n.country), None)
            if best is not None:
                m.entry, m.country, m.english = best, best.country, best.english


def role_country(gaz: Gazetteer, role: str) -> str:
    """الرئيس الروسي → RU; السفير الإيراني لدى روسيا → IR (the first country word wins);
    الزعيم الكوري الشمالي → KP."""
    words = normalize(role).split()
    for k, w in enumerate(words):
        c = word_country(gaz, w)
        if c:  # (الزعيم الكوري الشمالي → KP: the direction is the adjective's)
            return nat_direction(c, words[k + 1]) if k + 1 < len(words) else c
    return ""


def org_country(gaz: Gazetteer, words: Sequence[str]) -> str:
    """وزارة الخارجية الروسية → RU (the last country word wins; الكورية الشمالية → KP)."""
    for k in range(len(words) - 1, -1, -1):
        c = word_country(gaz, words[k])
        if c:
            return nat_direction(c, words[k + 1]) if k + 1 < len(words) else c
    return ""


def word_country(gaz: Gazetteer, w: str) -> str:
    """The country of a nationality adjective or a country name, else ``""``."""
    e = gaz.nationality(w)
    if e is not None and e.country:
        return e.country
    g = gaz.lookup([w])
    return g.country if g is not None and g.kind == "country" else ""
