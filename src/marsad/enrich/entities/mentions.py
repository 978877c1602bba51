"""Mention detection for news: the CRF's spans plus gazetteers and rules, in the news tagset.

The CRF speaks ANERcorp (PERS, LOC, ORG, MISC). This module and its steps turn its output into
marsad's news tagset and fix what a statistical tagger gets wrong in news:

* **types**: PERS → PER; LOC → GPE when the gazetteer knows a country or city (or the name is
  unknown), LOC for seas, mountains, regions (``place_words.LOC_HEADS``/``REGIONS``); nationality
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

:class:`MentionFinder` is the driver: :meth:`MentionFinder.find` runs the steps in order, and
itself reads the spans' words and types and where a span starts after its proclitic. The steps
live by concern: :mod:`.places` (gazetteer places, nationalities, countries), :mod:`.people`
(a person's span, role, evidence), :mod:`.organisations`, :mod:`.rules` (the head-word rules),
:mod:`.joins` (names across dots, hyphens and brackets) and :mod:`.ordinary_words` (everyday
words that are no names); :mod:`.mention` holds the record and :mod:`.words` the word tests
they share.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from itertools import compress, count

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.features import (
    Token,
    TokenList,
    _orig_prefix_len,
    proclitic_splits,
    split_proclitic,
    strip_article,
)
from marsad.enrich.entities.gazetteer import Entry, Gazetteer
from marsad.enrich.entities.joins import address_tail, joined_pieces, models_and_glosses
from marsad.enrich.entities.mention import Mention, _columns
from marsad.enrich.entities.ordinary_words import OrdinaryWords
from marsad.enrich.entities.organisations import (
    joint_bodies,
    named_after,
    org_adjective_chain,
    org_by_nationality,
    org_country_after,
    radio_names,
    short_bodies,
)
from marsad.enrich.entities.people import (
    PersonReader,
    club_and_player,
    first_name_nationality,
    run_together,
)
from marsad.enrich.entities.places import (
    PlaceReader,
    add_nationalities,
    adjective_country,
    comma_country,
    homonyms,
    join_place_prefixes,
    org_country,
    region_directions,
    role_country,
)
from marsad.enrich.entities.rules import HeadRules
from marsad.enrich.entities.words import (
    _WHOLE_HEADS,
    _core,
    _in,
    _nameless_clusters,
    hamza_clitic,
)
from marsad.text.normalize import normalize

#: X الدين given names (نور الدين، صلاح الدين): after و, the و is the conjunction
_DIN = normalize("الدين")
_DIN_FIRSTS = frozenset(normalize(w) for w in (
    "نور صلاح عز بدر سيف علاء خير نصر شمس جمال محيي محي تقي زين كمال فخر نجم عماد شهاب حسام ضياء "
    "بهاء سعد شرف عصام نظام معز").split())


class MentionFinder:
    """Turns CRF tags + gazetteer matches into news-tagset mentions for one article."""

    def __init__(self, gaz: Gazetteer, *, names: dict[str, str] | None = None,
                 vocab: Container[str] = frozenset()) -> None:
        """``vocab``: the corpus's frequent words (the word clusters' keys): a name that is rare
        with its first letter and frequent without it carries a proclitic (وإنترناسيونالي)."""
        self.gaz = gaz
        self.names = names or {}
        self.vocab = vocab
        self._nameless = _nameless_clusters(vocab, self.names)
        self.rules = HeadRules(gaz, self.names, vocab, self._nameless)
        self.places = PlaceReader(gaz, vocab)
        self.people = PersonReader(gaz, self.names, vocab, self.places, nameless=self._nameless)
        self.ordinary = OrdinaryWords(gaz, self.names, vocab, self._nameless, self.rules.common)
        first_words = gaz.phrases_first_words()  # a set built over every gazetteer phrase: once
        self.known_names = first_words | lx.FIRST_NAMES
        self.known_heads = self.known_names | ow.ORG_HEADS | pw.LOC_HEADS | lx.TITLE_WORDS
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
        ms = [m for m in (self.people.trim(m, norms, toks.texts) for m in ms) if m is not None]
        texts = toks.texts
        ms = self.people.extend(ms, norms, texts, text)
        ms = self.places.merge_gazetteer(ms, norms, matches)
        ms = self.places.split_place_lists(ms, norms)
        ms = join_place_prefixes(ms, norms)
        ms = radio_names(ms, norms, self.gaz)
        ms = add_nationalities(ms, norms, nats)
        ms = self._type_and_country(ms, norms, toks.texts)
        ms = region_directions(ms, norms)
        ms = self.people.ambiguity(ms, norms, toks)
        ms = org_by_nationality(ms, norms)
        ms = org_adjective_chain(ms, norms)
        org_country_after(ms)
        ms = self.rules.apply(ms, norms, [t.text for t in toks] if surfaces is None else surfaces, heads,
                              hashtags)
        ms = joint_bodies(ms, norms, self.gaz)
        ms = club_and_player(ms, norms, self.gaz, self.names)
        ms = first_name_nationality(ms, norms)
        ms = self.rules.people.given_and_family(ms, norms)
        ms = joined_pieces([m for m in ms if not (norms[m.b - 1][:1].isascii() and address_tail(m, text, toks))],
                           text, toks, self.names)
        models_and_glosses(ms, toks)
        ms = self.ordinary.drop(ms, norms, texts)
        ms = named_after(ms, norms)
        if self.gaz.alternatives:
            homonyms(self.gaz, ms, norms)
        adjective_country(self.gaz, ms)
        comma_country(ms, norms)
        ms = run_together(ms, norms, self.names)
        ms = self.people.cut_tails(ms, norms)
        ms = short_bodies(ms, norms)
        inside: dict[int, Mention] = {}
        for o in ms:
            if o.type in ("GPE", "ORG", "NORP", "LOC"):
                for k in range(o.a, o.b):
                    inside[k] = o
        for m in ms:
            self._chars(m, toks)
            if m.type == "PER" and m.entry is not None:  # (الأمير نايف: not the Dubai quarter, AE)
                m.entry, m.country, m.english = None, "", ""  # a person's country is his title's
            m.role = self.people.role(text, m, toks, norms, ms, inside) if m.type == "PER" else ""
            if m.role and not m.country:
                m.country = role_country(self.gaz, m.role)
        for m in ms:  # مايك بنس، | نائب الرئيس الأمريكي دونالد ترامب: the whole title is Pence's
            if "apposition_of" in m.extra:
                end = int(m.extra.pop("apposition_of"))
                phrase = m.extra.pop("apposition_role")
                for o in ms:
                    if o.type == "PER" and o.b == end and not o.role:
                        o.role = phrase
                        o.country = o.country or role_country(self.gaz, phrase)
        ms.sort(key=lambda m: m.a)
        return ms

    def _type_and_country(self, ms: list[Mention], norms: Sequence[str],
                          surfaces: Sequence[str] = ()) -> list[Mention]:
        """Each span's words (its proclitic off), entry, type, country, English name and key: a
        place is a GPE or a LOC by the gazetteer's kind or a location head before or in it, and an
        organisation the gazetteer does not know takes the country its words name."""
        for m in ms:
            words = list(norms[m.a : m.b])
            w0 = words[0]
            splits = proclitic_splits(w0)
            if len(splits) == 1:
                pass
            elif surfaces and (k := hamza_clitic(surfaces[m.a])) and w0 not in self.known_names:
                words[0] = w0[k:]  # وإنترناسيونالي → انترناسيونالي
            elif not (w0 in _WHOLE_HEADS or self._no_article(w0)
                      or (m.type == "PER" and (self._own_name(w0) or w0 in lx.FIRST_NAMES))):
                # (باراك أوباما: a first name as it stands, not ب + اراك)
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
                elif strip_article(_core(words[0])) in pw.LOC_HEADS or words[0] in pw.LOC_HEADS or (
                        m.a and _in(norms[m.a - 1], pw.LOC_HEADS)):
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
                m.country = org_country(self.gaz, words)
        return ms

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

    def _commoner_whole(self, w: str) -> bool:
        """Whether the corpus writes the word more often than any reading of it without a
        proclitic (كريم against ريم, وانغ against انغ; not وبوتين against بوتين): a word of its own."""
        return self.gaz.freq_class(w) > 0 and not any(self.gaz.reads_as(w, c) for _p, c in proclitic_splits(w)[1:])

    def _chars(self, m: Mention, toks: Sequence[Token]) -> None:
        if not isinstance(toks, TokenList):
            toks = _columns(toks)
        starts, ends, texts, norms = toks.starts, toks.ends, toks.texts, toks.norms  # no Token built
        text0 = texts[m.a]
        if m.extra.get("keep_clitic"):
            cut = 0
        elif "proclitic" in m.extra:
            cut = _orig_prefix_len(text0, int(m.extra["proclitic"]))  # (its step read it: لكلية → كلية)
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
