"""What the story clusterer compares: weighted terms of an article, plus numbers and days.

Features of one article (:func:`article_terms`):

* **content words** of the title (counted twice) and of the lead (the first ``lead_words``
  words of the clean body), :func:`marsad.text.normalize.normalize`-d and light-stemmed by
  :func:`marsad.text.tokens.stem`, without the function words of :data:`STOPWORDS` and
  without bare numbers;
* **entity mentions** ``e:<key>`` — the ``value`` of every span of layer ``mention`` (the
  entity key the entity tagger assigns) when the archive has them; a mention weighs more than
  a word (``entity_weight``) because names are what make two reports one event;
* **dates mentioned** ``t:<value>`` — TIMEX3 values of layer ``timex`` spans that name a
  day or a month (``2015-08-10``, ``2015-08``), not durations or vague references;
* **dateline place** ``p:<place>``;
* **places of the title** ``g:<city>`` and ``c:<country code>`` (:func:`title_places`), which
  the clusterer also compares apart (:func:`places_apart`).

Numbers of the lead are kept apart (:attr:`ArticleFeatures.numbers`): the template guard of
the clusterer compares them (two market closes or weather bulletins of different days share
their words, not their figures).

Term weights are TF-IDF: ``(1 + log tf) · idf`` with ``idf = log((N + 1) / (df + 1)) + 1``
from document frequencies kept by the caller (:class:`DocFreq`), so they can be updated batch
by batch.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, filterfalse, repeat
from operator import add, itemgetter, mul, sub, truediv

from marsad.text.normalize import normalize, to_western_digits
from marsad.text.tokens import TOKEN_RE, stem

#: Arabic function words and news boilerplate verbs, written as printed and kept in their
#: normalized spellings (ا for أإآ, ي for ى, ه for ة)
FUNCTION_WORDS = frozenset(map(normalize, """
في من على الي الى عن مع ان او ام ما لا لم لن قد كل بعد قبل بين حتي حتى عند اذا اذ ثم كما
هذا هذه ذلك تلك هو هي هم هما نحن انا انت التي الذي الذين اللذين اللتين اللواتي
كان كانت يكون تكون كانوا ليس ليست وقد فقد لقد وكان وكانت وهو وهي وهذا وهذه وذلك
قال قالت وقال وقالت يقول اكد اكدت واكد واكدت اشار اشارت واشار واضاف اضاف اضافت واضافت
اوضح اوضحت واوضح اعلن اعلنت واعلن واعلنت ذكر ذكرت وذكر وذكرت بين وبين ايضا كذلك حيث
خلال امس اليوم غدا الان حاليا منذ نحو اكثر اقل عدد عدة جميع بعض غير اي عام العام
الذي والتي وفي ومن وعلى والى وان الا اما لها له لهم منه منها فيه فيها عليه عليها به بها
يتم تم وتم ولا ولم وما فيما بينما عبر ضمن دون لدي لدى الي اليه اليها عنه عنها مثل سوي
سبق عين واس عاجل متابعات تصوير الخبر رابط صحيفه بصحيفه الموافق هـ م
""".split()))
#: the function words dropped before stemming. على، وعلى، والى and عدة are not: normalized
#: they are علي (also the name Ali), والي (a governor) and عده, and the stories were tuned with
#: them in (each entry had been written unnormalized, so it never matched). Dropping them was
#: measured (3 Dec, eighth session, all 72,716 articles): dev same-story F1 0.931 → 0.920,
#: dev2 0.835 → 0.841; عدة alone 0.931 → 0.928.
STOPWORDS = FUNCTION_WORDS - {"علي", "وعلي", "والي", "عده"}

_DAY_OR_MONTH = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """The clusterer's view of one article."""

    key: int  # archive rowid (or batch index)
    day: int  # days since 1970-01-01 of the publication (or crawl) date; -1 when unknown
    source: str
    terms: Mapping[str, float]  # raw counts before weighting (title counted twice)
    numbers: frozenset[str] = frozenset()
    copy_group: int | None = None
    #: ``(stem, surface word)`` of the title's content words, for labels people read
    words: tuple[tuple[str, str], ...] = ()
    #: the title's content words without the day it names (:func:`title_key`): a source that
    #: prints one title key on many days runs a series (the weather, a market close)
    title_key: str = ""
    #: counts of the content words of the clean text after the lead (:func:`rest_terms`): with
    #: the title's and the lead's, the article's thread vector (:func:`body_vector`)
    rest: Mapping[str, int] = field(default_factory=dict)


@dataclass
class DocFreq:
    """Document frequencies of terms, updated batch by batch (what IDF is computed from)."""

    n: int = 0
    df: Counter[str] = field(default_factory=Counter)
    _idf: dict[str, float] = field(default_factory=dict, repr=False)

    def add(self, docs: Iterable[Mapping[str, float]]) -> None:
        for d in docs:
            self.n += 1
            self.df.update(d.keys())
        self._idf.clear()

    def add_counts(self, n: int, counts: Mapping[str, int]) -> None:
        """Add ``n`` documents whose terms occur in ``counts[term]`` of them (what :meth:`add`
        adds, counted by the caller once for a batch)."""
        self.n += n
        count_into(self.df, counts)
        self._idf.clear()

    def idf(self, term: str, *, min_n: int = 0) -> float:
        """``log((N + 1) / (df + 1)) + 1`` of a term, ``N`` at least ``min_n``: in a young
        archive every term is rare (two articles: a term both hold has IDF 1 otherwise)."""
        return math.log((max(self.n, min_n) + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def idf_table(self) -> dict[str, float]:
        """IDF of every known term (computed once per batch, after :meth:`add`)."""
        if not self._idf and self.df:
            # ``top - log(c + 1) + 1.0`` of every count, the same floats, computed in C
            top = math.log(self.n + 1)
            logs = map(math.log, map(add, self.df.values(), repeat(1)))
            self._idf = dict(zip(self.df, map(add, map(sub, repeat(top), logs), repeat(1.0)), strict=True))
        return self._idf


def count_into(total: dict[str, int], inc: Mapping[str, int]) -> None:
    """Add the counts of ``inc`` to ``total``: what ``Counter.update(inc)`` does (new keys after
    the others, in the order of ``inc``), the sums made in C rather than in a Python loop."""
    if not total:
        dict.update(total, inc)
        return
    dict.update(total, zip(inc, map(add, map(total.get, inc, repeat(0)), inc.values()), strict=True))


def day_number(date: str | None) -> int:
    """Days since 1970-01-01 of an ISO date (``YYYY-MM-DD…``); -1 when unknown or partial."""
    if not date or len(date) < 10 or not date[:4].isdigit():
        return -1
    from datetime import date as _d

    try:
        return (_d(int(date[:4]), int(date[5:7]), int(date[8:10])) - _d(1970, 1, 1)).days
    except ValueError:
        return -1


def _content_stem(tok: str) -> str:
    if len(tok) < 2 or tok in STOPWORDS or tok[0].isdigit():
        return ""
    s = stem(tok)
    return "" if len(s) < 2 or s in STOPWORDS else s


_STEMS: dict[str, str] = {}


def content_stem(tok: str) -> str:
    """The stem of a normalized token when it is a content word, else ``""``.

    A pure function of the token, memoised in a bounded table (news repeats its words, and
    stemming was most of the feature cost); the table never changes a result.
    """
    got = _STEMS.get(tok)
    if got is None:
        if len(_STEMS) > 1 << 19:
            _STEMS.clear()
        got = _STEMS[tok] = _content_stem(tok)
    return got


def content_stems(toks: list[str]) -> list[str]:
    """:func:`content_stem` of each token (``""`` for a word that is no content word): each
    distinct new token stemmed once, the others looked up in C."""
    stems = _STEMS
    for tok in set(toks).difference(stems):
        content_stem(tok)
    try:
        return list(map(stems.__getitem__, toks))
    except KeyError:  # the table was cleared meanwhile: look up one by one
        return list(map(content_stem, toks))


def content_words(text: str, *, limit: int | None = None, normalized: bool = False) -> list[str]:
    """Stemmed content words of a text, in order (see the module docstring); ``normalized``
    says the text is already :func:`normalize`-d."""
    toks = TOKEN_RE.findall(text if normalized else normalize(text))
    out = [s for s in content_stems(toks) if s]
    return out if limit is None else out[:limit]


@lru_cache(maxsize=1)
def _time_stems() -> frozenset[str]:
    """Stems of the words that name a day, a month or a part of one (what a daily item's title
    changes from one day to the next)."""
    from marsad.enrich.time import lexicon as lx

    words = [*lx.WEEKDAYS, *lx.GREGORIAN_MONTHS, *lx.HIJRI_MONTHS, *lx.PARTS_OF_DAY,
             *"اليوم يوم ليوم لليوم الأيام ايام غدا الغد أمس الليلة ليلة هذا هذه القادمة المقبل".split()]
    return frozenset(content_words(" ".join(words)))


def title_key(title: str, *, normalized: bool = False) -> str:
    """The content words of a title without its days, months and figures, sorted: what the
    titles of one series share from day to day (``طقس اليوم الجمعة`` and ``طقس الخميس`` both
    give ``طقس``), and independent reports of one event rarely do word for word."""
    return title_key_of(content_words(title, normalized=normalized))


def title_key_of(words: Iterable[str]) -> str:
    """:func:`title_key` of a title's :func:`content_words`, when the caller has them."""
    drop = _time_stems()
    return " ".join(sorted({w for w in words if w not in drop and not w.isdigit()}))


#: the prefix of a title key among the terms a source's template counts hold (never a term of a
#: vector: :func:`observed_terms`)
SERIES = "#t:"


def observed_terms(f: ArticleFeatures) -> Collection[str]:
    """What the per-source template counts observe of an article: its terms and its title key."""
    return (*f.terms.keys(), SERIES + f.title_key) if f.title_key else f.terms.keys()


_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def surface_words(title: str, lead: str = "", *, repeated: int = 2) -> tuple[tuple[str, str], ...]:
    """``(stem, word)`` of the content words of an original (unnormalized) title, and of the
    words of the original ``lead`` found there at least ``repeated`` times: each word as written
    (without tashkeel and tatweel), the shortest when several share a stem (the one without a
    proclitic ``و``/``ب``/``ل``), title words first. For the labels of stories and threads."""
    return surface_words_many([(title, lead)], repeated=repeated)[0]


def surface_words_many(items: Sequence[tuple[str, str]], *,
                       repeated: int = 2) -> list[tuple[tuple[str, str], ...]]:
    """:func:`surface_words` of many ``(title, lead)`` pairs, their words folded in one
    vectorised pass (:func:`marsad.corpus.minhash.fold_many`)."""
    from marsad.corpus.minhash import fold_many

    parts: list[tuple[int, int, list[str]]] = []  # (item, min count, words as written)
    for i, (title, lead) in enumerate(items):
        for part, min_count in ((title, 1), (lead, repeated)):
            if part:
                parts.append((i, min_count, TOKEN_RE.findall(_TASHKEEL.sub("", part))))
    joined = fold_many(["\n".join(toks) for _i, _m, toks in parts])
    best: list[dict[str, str]] = [{} for _ in items]
    for (i, min_count, toks), fold in zip(parts, joined, strict=True):
        folded = fold.split("\n")
        if len(folded) != len(toks):
            folded = [normalize(t) for t in toks]
        stems = content_stems(folded)
        pairs: Iterable[tuple[str, str]] = zip(toks, stems, strict=True)
        if min_count > 1:  # only the words of a repeated stem are looked at, picked in C
            seen = Counter(stems)
            pairs = compress(pairs, map(min_count.__le__, map(seen.__getitem__, stems)))
        found: dict[str, str] = {}
        for tok, st in pairs:
            if st and (st not in found or len(tok) < len(found[st])):
                found[st] = tok
        b = best[i]
        for st, tok in found.items():
            b.setdefault(st, tok)
    return [tuple(b.items()) for b in best]


def article_terms(
    *,
    title: str,
    body: str,
    mentions: Iterable[str] = (),
    timexes: Iterable[str] = (),
    place: str = "",
    lead_words: int = 120,
    entity_weight: float = 2.0,
    normalized: bool = False,
    title_words: Sequence[str] | None = None,
) -> tuple[dict[str, float], frozenset[str]]:
    """Raw term counts and lead numbers of one article (see the module docstring).

    ``normalized`` says ``title`` and ``body`` are already :func:`normalize`-d (the batch
    form folds many texts at once with :func:`marsad.corpus.minhash.fold_many`);
    ``title_words``: the title's :func:`content_words`, when the caller has them (the story
    feed reads them for :func:`title_key` too).
    """
    lead = body[: lead_words * 8]
    counts: Counter[str] = Counter(content_words(lead, limit=lead_words, normalized=normalized))
    for w in content_words(title, normalized=normalized) if title_words is None else title_words:
        counts[w] += 2
    terms: dict[str, float] = dict(counts)
    places: set[str] | None = None
    for m in mentions:
        if m:
            terms["e:" + m] = terms.get("e:" + m, 0.0) + entity_weight
            if places is None:
                places = set()
            if m.startswith(_PLACE_KEYS):
                places.add(m.partition(":")[2])
    for t in timexes:
        if t and _DAY_OR_MONTH.match(t):
            terms["t:" + t] = 1.0
    if place:
        terms["p:" + " ".join(normalize(place).split())] = 1.0
    for t in title_places(title if normalized else normalize(title), confirmed=places):
        terms[t] = 1.0
    numbers = frozenset(_NUMBER.findall(lead if normalized else to_western_digits(lead)))
    return terms, numbers


def rest_terms(rest: str, *, normalized: bool = False) -> dict[str, int]:
    """Counts of the content words of ``rest``, the clean text after the lead (the story
    features read its first ``lead_words * 8`` characters), in order of first use."""
    return dict(Counter(content_words(rest, normalized=normalized)))


def body_vector(f: ArticleFeatures, df: DocFreq, *, top: int = 40) -> dict[str, float]:
    """An article's thread vector: the TF-IDF weights (:func:`weigh`) of the content words of
    its title (counted twice), its lead and the rest of its clean text (:attr:`ArticleFeatures.rest`),
    the ``top`` heaviest, unit length. Stories of one development weeks apart share the words
    of the development, which a lead often leaves to later paragraphs; named terms, dates and
    places are left out (the thread linker reads the named terms of the story's centroid).
    IDF is the story features' (titles and leads): a word no lead holds weighs as a rare one."""
    words = dict(filterfalse(_named_item, f.terms.items()))
    rest = f.rest
    if rest:  # added in C, new words after the lead's (what count_into does)
        words.update(zip(rest, map(add, map(words.get, rest, repeat(0.0)), rest.values()), strict=True))
    return weigh(words, df, top=top)


def _named_item(item: tuple[str, float]) -> bool:
    return ":" in item[0]


def title_places(title: str, *, confirmed: Collection[str] | None = None) -> list[str]:
    """Places a (normalized) title names, from the shipped gazetteer: ``g:<city>`` for a city
    or region, ``c:<ISO code>`` for the country of a city, region or country. Two reports of
    one event may name the city and the country; two items of one template (an execution in
    Jazan and one in Jeddah, one hospital's Eid greeting and another's) name other cities.

    A title is too short for the entity tagger's context rules, and a bare gazetteer scan
    reads كيف ("how") as Kyiv, صور ("pictures") as Tyre, ينقل ("carries") as Yanqul and the
    ريم of كريم as Rome. With ``confirmed`` — the names (entity keys without their type, as
    :func:`marsad.enrich.entities.resolve.resolve` makes them: normalized, without the article)
    of the places the tagger found in the article — a city or region counts only when the
    article names it too (غزه in قطاع غزه) or names a place of its country (واشنطن standing
    for the United States in the title, الولايات المتحدة in the text). Countries, and regions
    of no country (أوروبا، الخليج), count as before: they are seldom homographs and the text
    often names them only by nationality. A name that other countries' places share (عمان:
    Oman, and Amman) is the place of the country the article's other places are in.
    ``None`` (an article with no entity mentions at all) keeps every match."""
    from marsad.enrich.entities.gazetteer import load_default
    from marsad.enrich.entities.resolve import base_name

    out: list[str] = []
    toks = TOKEN_RE.findall(title)
    gaz = load_default()
    country_of: dict[str, str] | None = None
    for a, b, e in gaz.match(toks):
        if confirmed is not None:
            if country_of is None:  # once per title, and only for a title that names a place
                country_of = {name: c for name in confirmed if (c := place_country(name))}
            own = {base_name(e.canon), base_name(" ".join(toks[a:b]))}
            # the countries of the article's other places (a place's own name says nothing of
            # which of its homonyms it is)
            others = {c for name, c in country_of.items() if name not in own}
            alt = next((x for x in gaz.alternatives.get(e.phrase, ()) if x.country in others), None)
            if alt is not None and e.country not in others:
                e = alt  # عمان beside الأردن is Amman, not Oman
            elif e.kind != "country" and e.country and not (
                    e.country in others or any(_named_in(n, confirmed) for n in own)):
                continue
        if e.kind in ("city", "region"):
            out.append("g:" + e.canon)
        if e.kind in ("city", "region", "country") and e.country:
            out.append("c:" + e.country)
    return out


def places_apart(a: Iterable[str], b: Iterable[str]) -> bool:
    """Both name places and none in common: cities when both name cities, else countries."""
    ga = {t for t in a if t.startswith("g:")}
    gb = {t for t in b if t.startswith("g:")}
    if ga and gb:
        return not (ga & gb) and not _nested(ga, gb)
    ca = {t for t in a if t.startswith("c:")}
    cb = {t for t in b if t.startswith("c:")}
    return bool(ca) and bool(cb) and not (ca & cb)


def _nested(ga: set[str], gb: set[str]) -> bool:
    """Whether a city or region of ``ga`` is a run of whole words of one of ``gb``, or the other
    way round: ``g:قطاع غزه`` (the Gaza Strip) and ``g:غزه`` (Gaza) are one place to two reports
    of one strike."""
    return any(_named_in(x[2:], (y[2:],)) or _named_in(y[2:], (x[2:],)) for x in ga for y in gb)


#: entity keys of places (:func:`title_places`)
_PLACE_KEYS = ("gpe:", "loc:")


def _named_in(name: str, places: Collection[str]) -> bool:
    """Whether ``name`` is one of ``places`` or a run of whole words of one (غزه in قطاع غزه)."""
    if name in places:
        return True
    padded = f" {name} "
    return any(padded in f" {p} " for p in places if len(p) > len(name))


@lru_cache(maxsize=20_000)
def place_country(name: str) -> str:
    """The country code of a place entity's name (its key without the type: normalized words
    without their article), from the shipped gazetteer; ``""`` when it is not there. The key
    has lost each word's article, so every word is tried with and without it."""
    from itertools import product

    from marsad.enrich.entities.gazetteer import load_default

    words = name.split()
    if not words or len(words) > 4:
        return ""
    gaz = load_default()
    for form in product(*(((w, "ال" + w) if len(w) >= 3 else (w,)) for w in words)):
        e = gaz.lookup(form)
        if e is not None and e.country:
            return e.country
    return ""


class _TfFactors(dict[float, float]):
    """``1 + log tf`` of a term count (1 for a count of 1 or less), computed once per count."""

    def __missing__(self, c: float) -> float:
        if len(self) > 4096:
            self.clear()
        got = self[c] = 1.0 + math.log(c) if c > 1 else 1.0
        return got


_TF = _TfFactors()


def weigh(terms: Mapping[str, float], df: DocFreq, *, top: int = 40,
          drop: frozenset[str] | set[str] = frozenset()) -> dict[str, float]:
    """TF-IDF weights of the ``top`` heaviest terms, L2-normalised; ``drop`` terms are left out.

    Every term of an article is weighed, so the passes run in C (``map``, ``zip``): the same
    products in the same order as ``(1 + log tf) · idf`` term by term, the same floats."""
    known = df.idf_table()
    unseen = math.log(df.n + 1) + 1.0
    keys = list(filterfalse(drop.__contains__, terms)) if drop else list(terms)
    counts = list(map(terms.__getitem__, keys))
    if counts and min(counts) <= 0:  # no count is, from article_terms; kept out all the same
        keys = [t for t, c in zip(keys, counts, strict=True) if c > 0]
        counts = [c for c in counts if c > 0]
    w = dict(zip(keys, map(mul, map(_TF.__getitem__, counts), map(known.get, keys, repeat(unseen))), strict=True))
    if len(w) > top:  # the ``top`` heaviest, ties in order (what heapq.nlargest gives), sorted in C
        w = dict(sorted(w.items(), key=itemgetter(1), reverse=True)[:top])
    vals = list(w.values())
    norm = math.sqrt(sum(map(mul, vals, vals))) or 1.0
    return dict(zip(w, map(truediv, vals, repeat(norm)), strict=True))


def scale_terms(vec: dict[str, float], prefix: str, factor: float) -> dict[str, float]:
    """A unit vector with the terms starting with ``prefix`` multiplied by ``factor``, L2-normalised
    again (the same vector when ``factor`` is 1 or no term has the prefix)."""
    if factor == 1.0:
        return vec
    hits = list(map(str.startswith, vec, repeat(prefix)))
    if not any(hits):
        return vec
    # ``v · 1.0`` is ``v``: the products are the ones of scaling the hits alone
    out = list(map(mul, vec.values(), map((1.0, factor).__getitem__, hits)))
    norm = math.sqrt(sum(map(mul, out, out))) or 1.0
    return dict(zip(vec, map(truediv, out, repeat(norm)), strict=True))
