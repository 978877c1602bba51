"""Stories: articles about the same specific event, clustered online and incrementally.

Articles arrive in publication order (:meth:`StoryClusterer.add`); each joins the most similar
*active* story — one that had an article within ``window_days`` — or opens a new one. Nothing
is recomputed: the state is the active stories' centroids, the document frequencies and the
per-source template vocabulary (:class:`ClusterState`), which the corpus stage stores and
reloads between batches (:mod:`marsad.store.corpus_store`).

Similarity is the cosine of the article's TF-IDF vector (:mod:`marsad.corpus.features`:
content words of title and lead, entity mentions, dates mentioned, dateline place) with the
story's centroid (the sum of its members' vectors), found through an inverted index over the
active stories, so only stories sharing a term are scored. Copies join their copy group's
story without scoring (a reprint is the same story by definition).

Templates — the daily weather bulletin, the market close, the congratulation cable, the
press roundup — look alike every day. Three guards keep them apart:

1. **per-source template vocabulary** (:class:`TemplateTerms`): a term that a source uses on
   at least ``template_share`` of the days it publishes (over at least ``template_min_days``
   days) — and, when ``template_lift`` is set, in that many times the share of articles the
   whole collection uses it in — says nothing about *which* event; it is left out of that
   source's vectors;
2. **numbers**: when the article and the story both carry ``numbers_min`` figures in their
   leads and the story holds less than ``numbers_overlap`` of the article's, the score is
   multiplied by ``numbers_penalty`` (another day's index, temperatures, tonnage); an
   article made mostly of its source's template vocabulary (``template_like``) joins only a
   story of the same or an adjacent day that holds half its figures;
3. **days apart**: the score decays with the days between the article and the story's last
   article (``day_decay`` per day), and stories close after ``window_days``.

Once two stories of one event exist (a visit's report and its joint statement, two papers'
own reports of one attack), each article joins the closer one and both keep growing. Two
checks fold the younger into the older (:meth:`StoryClusterer._merge`; ``merge_*`` of
:class:`StoryParams`): an article that joins one story and scores ``merge_threshold`` with a
second, and a story that has just doubled whose centroid is close to another's of the same or
the next day naming the same rare actors — looked up through the inverted index like an
article, never all pairs. The guards hold between the two stories too (title places apart,
figures apart; a template-like article triggers no merge). The older id stays; the clusterer
lists the merges (:attr:`StoryClusterer.merges`) so the corpus stage moves the stored members
and keeps the folded id as an alias (``story_merges``).

The batch form (:func:`cluster`) runs the same clusterer over an iterable of
:class:`~marsad.corpus.features.ArticleFeatures` and returns the ids after the merges. With
several workers it clusters runs of time blocks (:func:`time_blocks`) in forked processes:
blocks are cut where no article appears for more than ``window_days``, so every story (and
every merge) of a block ends before the next begins and nothing is merged across block edges —
the stories are the ones one pass gives.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter, methodcaller
from typing import NamedTuple

from marsad.corpus.features import (
    ArticleFeatures,
    DocFreq,
    count_into,
    places_apart,
    scale_terms,
    weigh,
)

#: whether a term is a place of the title (``g:``/``c:``, :func:`marsad.corpus.features.title_places`)
_is_place = methodcaller("startswith", ("g:", "c:"))

#: the row of the stored template counts that counts a source's days and articles (not a term)
DAYS = "#days"

#: the entity keys of people and organisations (:attr:`StoryParams.actor_bonus`)
_ACTORS = ("e:per:", "e:org:")


@dataclass(frozen=True, slots=True)
class StoryParams:
    """What makes two articles one story (defaults tuned on the dev day of the gold)."""

    threshold: float = 0.25
    window_days: int = 3
    day_decay: float = 0.15
    top_terms: int = 40
    centroid_terms: int = 80
    numbers_min: int = 3
    numbers_penalty: float = 0.5
    #: an article whose title names places none of which the story's titles name
    #: (:func:`marsad.corpus.features.places_apart`) scores this much of its cosine
    places_penalty: float = 0.5
    #: share of the figures of the article found in the story below which the penalty applies
    numbers_overlap: float = 0.25
    #: an article whose terms are at least this share template vocabulary is template-like:
    #: it joins only a story of the same or the next day whose figures it shares
    template_like: float = 0.7
    template_share: float = 0.6
    template_min_days: int = 5
    #: … and holds it in this many times the share of all articles that do (the source's own
    #: daily items, not its everyday words: :class:`TemplateTerms`); 0 turns the condition off.
    #: Off by default for its cost: everyday words stay in the vectors and the clustering
    #: looks up more postings. Dev same-story pair F1 / day B³ with today's analysers: off
    #: 0.847 / 0.936 (80 postings looked up an article); lift 2 0.862 / 0.945 (210 postings);
    #: lift 2 with ``max_postings`` 50 and ``lookup_terms`` 25 0.869 / 0.953 (91 postings,
    #: but about a fifth more clustering CPU and half as much again for thread linking: the
    #: everyday words weigh in every article and sit in every centroid). Earlier analysers:
    #: lift 1.5 0.821 / 0.945, 2 0.874 / 0.945, 3 0.864 / 0.945, 6 0.860 / 0.944; 25 vector
    #: terms, 60 centroid terms and 50 postings 0.889 / 0.955 but fewer thread links
    template_lift: float = 0.0
    #: entity mentions (``e:`` terms) scaled by this in an article's unit vector before it is
    #: renormalised: entity keys are rare, so their IDF made a few of them most of the vector
    #: and two reports naming their actors differently fell apart (dev same-story pair F1
    #: 0.778 at 1.0, 0.847 at 0.15, 0.849 without them; day B³ 0.928 / 0.936 / 0.930); kept
    #: small rather than dropped, so centroids still name their actors (threads read them)
    entity_scale: float = 0.15
    #: terms held by more active stories than this are not looked up (too common to tell
    #: stories apart; their share of the cosine is small and is left out of the score); with
    #: lift 2 (dev pair F1 / day B³, postings looked up an article): 100 0.862 / 0.945, 210;
    #: 50 0.862 / 0.951, 154; 30 0.854 / 0.962, 118; 20 0.827 / 0.968, 92
    max_postings: int = 100
    #: only the article's this many heaviest terms are looked up in the index and scored (0:
    #: all ``top_terms``, the default); the others still go into the story's centroid, which
    #: the thread linker compares (25 vector terms made threads miss shared actors). With
    #: lift 2 and 50 postings, dev pair F1 / day B³: all 0.862 / 0.951 at 154 postings an
    #: article, 30 0.861 / 0.951 at 109, 25 0.869 / 0.953 at 91 (70 postings: 0.864 / 0.951)
    lookup_terms: int = 0
    #: added to the score of a story of the same or the next day (``actor_days``) whose members
    #: named at least ``actor_min`` of the article's rare actors — people and organisations
    #: (``e:per:``/``e:org:`` keys among its weighed terms) in at most ``actor_share`` of all
    #: articles — unless a guard (figures, title places) already lowered it; 0 turns it off.
    #: Independent reports of one visit, attack or statement name the same people the same day
    #: in other words. Dev same-story pair F1 / day B³: off 0.873 / 0.934 (P 0.890 R 0.856);
    #: 0.10 0.884 / 0.933; 0.12 0.885 / 0.935; **0.15 0.888 / 0.940** (P 0.905 R 0.871); 0.18
    #: 0.886 / 0.936; 0.20 0.886 / 0.934. At 0.15: one actor in common 0.876 / 0.925, three
    #: 0.881 / 0.936; actors in 1% of articles 0.881 / 0.938, in 0.1% 0.873 / 0.934; the same
    #: day only 0.881 / 0.940; kept from template-like articles (a paper's everyday words are
    #: most of theirs) 0.879 / 0.940. About 2% more clustering CPU (the actors are read from
    #: the article's 40 weighed terms, not all of them: the same scores, a third of the cost)
    actor_bonus: float = 0.15
    actor_min: int = 2
    actor_share: float = 0.003
    actor_days: int = 1
    #: two stories of one event growing side by side (a visit's report and its joint statement,
    #: independent reports of one attack: each article joins the story it is closest to, and
    #: both keep growing) are folded into one, the younger into the older (:meth:`Story.fold`),
    #: when the guards between them hold (no title places apart, figures not apart), in two
    #: ways: an article (not template-like) that joins its best story and scores at least
    #: ``merge_threshold`` with the second-best too (0: never); or a story that has just
    #: doubled (2, 4, 8 … articles) whose centroid — its ``merge_terms`` heaviest terms,
    #: looked up like an article's — reaches a cosine of ``merge_cosine`` (0: never) with a
    #: story of the same or the next day whose members named ``merge_actors`` rare actors
    #: (:attr:`actor_share`) of its own (0: no actor needed). Dev same-story pair F1 / day B³
    #: (with the actor bonus; P R of the pairs): none 0.885 / 0.936 (P 0.898 R 0.871);
    #: article 0.35 0.891 / 0.934, 0.30 0.886 / 0.934, **0.25** 0.894 / 0.935 (P 0.894 R
    #: 0.894), 0.22 (with the centroids) 0.906 / 0.924, 0.20 0.898 / 0.921; with the centroids
    #: at cosine 0.4 and no actor rule 0.894 / 0.935 (0.35: 0.896 / 0.937); at cosine **0.25**
    #: and **3** rare actors 0.902 / 0.935 (P 0.895 R 0.909), the same at 0.2, 0.3 and 4
    #: actors; the centroids alone (cosine 0.4) 0.889 / 0.936. The pairs still split are
    #: mostly stories apart by their centroids (cosine below 0.2: a report and its text in
    #: full, a claim of an attack and the attack) or by title places (the city and the country
    #: of one attack). Held-out, read once after the choice: 0.836 → 0.869 (R 0.788 → 0.850),
    #: day B³ 0.939 → 0.947. About 2% more clustering CPU (docs/stories.md).
    merge_threshold: float = 0.25
    merge_cosine: float = 0.25
    merge_actors: int = 3
    merge_terms: int = 40
    #: ... and only stories that began within ``merge_days`` days of each other (-1: any): two
    #: stories of one event begin together. Without it, an article of a weeks-long development
    #: fitting another chained them (Afrin and Eastern Ghouta, 364 articles; stories of 100+
    #: articles held 1,677 articles against 868 without merges). Dev same story 0.902 → 0.906 (0:
    #: 0.889, 1: 0.902, 2: 0.906, 3: 0.906), day B³ 0.935 → 0.938; 100+-article stories 976
    merge_days: int = 2
    #: the guard of title places between two stories to be merged compares countries only
    #: while the evidence is weaker than this (0: always compared): an article scoring at least this
    #: with its second-best story, or two stories' centroids at least this close, are folded
    #: though their titles name other countries (a bombing in a town "on Syria's border" and
    #: Turkey's president about it; Morocco's bid and the joint bid that beat it) — unless both name
    #: cities and none in common (items of one template: an execution in Jazan, one in
    #: Jeddah). Dev same-story pair F1 / day B³ (P R of the pairs), replayed with
    #: ``merge_days``: off 0.906 / 0.938 (P 0.902 R 0.909), **0.4** 0.914 / 0.938 (P 0.904 R
    #: 0.924); before ``merge_days``: off 0.902 / 0.935, for the centroids only 0.4 0.906 /
    #: 0.935; for both 0.3 0.907 / 0.932, 0.35 0.907 / 0.934, 0.4 0.910 / 0.935, 0.45 the
    #: same, 0.5 as off (the two pairs gained: a bombing and its condemnation, the bid vote).
    #: Looser title places (a country named on its own near every city of it) joined related
    #: items instead (three false joins, no pair gained). The pairs still split are stories
    #: far apart by centroid (a report and the full text it reports, cosine below 0.2) and
    #: single articles naming the event in other words.
    merge_countries_cosine: float = 0.4


def _names_cities(places: Iterable[str]) -> bool:
    """Whether title places (``g:``/``c:`` terms) name a city or region (a ``g:`` term)."""
    return any(t.startswith("g:") for t in places)


def label_words(centroid: Mapping[str, float], words: Mapping[str, str], k: int = 8) -> list[str]:
    """The ``k`` heaviest content words of a centroid, each as a title writes it when one does
    (the light stems the clusterer compares, such as ``ورونا`` for كورونا, are not words)."""
    # what heapq.nlargest gives, sorted in C
    ranked = sorted([(v, t) for t, v in centroid.items() if ":" not in t], reverse=True)[:k]
    out: list[str] = []
    for _v, t in ranked:
        w = words.get(t, t)
        if w not in out:
            out.append(w)
    return out


@dataclass
class Story:
    id: int
    first_day: int
    last_day: int
    size: int = 0
    centroid: dict[str, float] = field(default_factory=dict)
    numbers: set[str] = field(default_factory=set)
    sources: Counter[str] = field(default_factory=Counter)
    norm: float = 0.0
    first_key: int = -1  # the first article that opened it
    thread: int | None = None
    #: stem → the word as its titles write it (for labels), for the centroid's terms
    words: dict[str, str] = field(default_factory=dict)
    #: places its titles name (``g:``/``c:`` terms, :func:`marsad.corpus.features.title_places`)
    places: set[str] = field(default_factory=set)
    #: people and organisations its members named (``e:per:``/``e:org:`` keys, at most 256)
    actors: set[str] = field(default_factory=set)

    def to_state(self) -> dict[str, object]:
        return {"c": self.centroid, "n": sorted(self.numbers), "s": dict(self.sources),
                "f": self.first_day, "l": self.last_day, "z": self.size, "k": self.first_key,
                "t": self.thread, "w": self.words, "g": sorted(self.places),
                "a": sorted(self.actors)}

    @classmethod
    def from_state(cls, sid: int, d: dict) -> Story:  # type: ignore[type-arg]
        s = cls(id=sid, first_day=int(d["f"]), last_day=int(d["l"]), size=int(d["z"]),
                centroid={str(k): float(v) for k, v in d["c"].items()}, numbers=set(d["n"]),
                sources=Counter(d["s"]), first_key=int(d.get("k", -1)), thread=d.get("t"),
                words={str(k): str(v) for k, v in d.get("w", {}).items()},
                places={str(x) for x in d.get("g", ())}, actors={str(x) for x in d.get("a", ())})
        s.norm = math.sqrt(sum(v * v for v in s.centroid.values()))
        return s

    def label(self, k: int = 8) -> list[str]:
        """The heaviest content words of the centroid, as the titles write them (for people)."""
        return label_words(self.centroid, self.words, k)

    def absorb(self, vec: dict[str, float], numbers: frozenset[str], source: str, day: int,
               *, keep: int, key: int = -1, words: Iterable[tuple[str, str]] = (),
               places: Iterable[str] = (), actors: Iterable[str] = ()) -> set[str]:
        """Add a member; returns the terms pruned from the centroid."""
        if self.size == 0 and self.first_key < 0:
            self.first_key = key
        for stem, word in words:
            if stem in vec and stem not in self.words:
                self.words[stem] = word
        centroid = self.centroid
        get = centroid.get
        for t, w in vec.items():
            centroid[t] = get(t, 0.0) + w
        pruned: set[str] = set()
        if len(self.centroid) > 2 * keep:
            kept = dict(sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
            pruned = set(self.centroid) - set(kept)
            self.centroid = kept
            for t in pruned:
                self.words.pop(t, None)
        self.norm = math.sqrt(sum([v * v for v in self.centroid.values()]))
        if len(self.numbers) < 64:
            self.numbers.update(numbers)
        if len(self.places) < 64:
            self.places.update(places)
        if len(self.actors) < 256:
            self.actors.update(actors)
        self.size += 1
        if source:
            self.sources[source] += 1
        if day >= 0:
            self.first_day = day if self.first_day < 0 else min(self.first_day, day)
            self.last_day = max(self.last_day, day)
        return pruned

    def fold(self, other: Story, *, keep: int) -> None:
        """Take in the members of ``other`` (:attr:`StoryParams.merge_threshold`): the centroids
        are sums of their members' vectors, so they add up; ids, first article and thread of
        this story are kept (``other``'s thread when this one has none yet)."""
        centroid = self.centroid
        get = centroid.get
        for t, w in other.centroid.items():
            centroid[t] = get(t, 0.0) + w
        for stem, word in other.words.items():
            self.words.setdefault(stem, word)
        if len(centroid) > 2 * keep:
            self.centroid = dict(sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
            for t in set(centroid) - set(self.centroid):
                self.words.pop(t, None)
        self.norm = math.sqrt(sum([v * v for v in self.centroid.values()]))
        for mine, theirs, cap in ((self.numbers, other.numbers, 64), (self.places, other.places, 64),
                                  (self.actors, other.actors, 256)):
            if len(mine) < cap:
                mine.update(theirs)
        self.size += other.size
        self.sources.update(other.sources)
        if self.first_key < 0:
            self.first_key = other.first_key
        if self.thread is None:
            self.thread = other.thread
        for d in (other.first_day, other.last_day):
            if d >= 0:
                self.first_day = d if self.first_day < 0 else min(self.first_day, d)
                self.last_day = max(self.last_day, d)


class TemplateTerms:
    """Per-source template vocabulary: terms a source uses on most of its days, in a larger
    share of its articles than the whole collection does.

    A term is template vocabulary of a source when it is in the source's articles on at least
    ``share`` of the days it publishes (over at least ``min_days`` days) *and* the share of the
    source's articles holding it is at least ``lift`` times the share of all articles holding
    it (document frequencies, :class:`~marsad.corpus.features.DocFreq`). The first condition
    alone flagged most of a busy paper's everyday words (a paper with 120 articles a day uses
    any word of 1% of its articles on most days: 1,700–4,000 terms per Saudi paper), and two
    reports of one event by two papers were left with nothing in common; the lift keeps the
    words of the source's own daily items (``كاريكاتير``, ``يعايد منسوبيه``, ``أفراح``, its
    regions' cities, its masthead) and lets everyday news words speak.
    """

    def __init__(self, *, share: float, min_days: int, lift: float = 0.0) -> None:
        self.share = share
        self.min_days = min_days
        self.lift = lift
        self.days: Counter[str] = Counter()  # source → days seen
        self.articles: Counter[str] = Counter()  # source → articles counted
        self.term_days: dict[str, Counter[str]] = defaultdict(Counter)
        self.term_articles: dict[str, Counter[str]] = defaultdict(Counter)
        self._pending: dict[tuple[str, int], set[str]] = defaultdict(set)
        self._pending_articles: dict[str, list[Collection[str]]] = defaultdict(list)
        #: per source, the terms on at least ``share`` of its days when last looked at, and
        #: the terms counted since: only those can have joined (the counts and the cut only
        #: grow), so the days rule never walks a source's whole vocabulary again
        self._above: dict[str, set[str]] = {}
        self._touched: dict[str, set[str]] = defaultdict(set)
        self._cache: dict[str, frozenset[str]] = {}

    def observe(self, source: str, day: int, terms: Collection[str]) -> None:
        """Note the distinct terms of one article (read again at :meth:`flush`, which counts
        its days once per source and day)."""
        if source and day >= 0:
            self._pending[(source, day)].update(terms)
            self._pending_articles[source].append(terms)

    def flush(self) -> dict[str, tuple[Counter[str], Counter[str]]]:
        """Count the observed terms; returns the increments to store, per source: ``(days,
        articles)`` counters of the same terms, with the source's own counts on the term
        :data:`DAYS`."""
        by_source: dict[str, list[set[str]]] = defaultdict(list)
        for (source, _day), terms in self._pending.items():
            by_source[source].append(terms)
        inc: dict[str, tuple[Counter[str], Counter[str]]] = {}
        for source, docs in self._pending_articles.items():
            day_sets = by_source[source]
            days = Counter(chain.from_iterable(day_sets))  # counted in C
            arts = Counter(chain.from_iterable(docs))
            count_into(self.term_days[source], days)  # the batch's distinct terms, not every mention
            count_into(self.term_articles[source], arts)
            self._touched[source].update(days)
            self.days[source] += len(day_sets)
            self.articles[source] += len(docs)
            days[DAYS] = len(day_sets)
            arts[DAYS] = len(docs)
            inc[source] = (days, arts)
        self._pending.clear()
        self._pending_articles.clear()
        self._cache.clear()
        return inc

    def apply(self, inc: Mapping[str, tuple[Mapping[str, int], Mapping[str, int]]]) -> None:
        """Count what :meth:`flush` returned in another process (a copy of this one that observed
        the same articles): the counts :meth:`flush` leaves, without counting the terms again."""
        for source, (days, arts) in inc.items():
            d, a = dict(days), dict(arts)
            n_days, n_arts = d.pop(DAYS), a.pop(DAYS)
            count_into(self.term_days[source], d)
            count_into(self.term_articles[source], a)
            self._touched[source].update(d)
            self.days[source] += n_days
            self.articles[source] += n_arts
        self._cache.clear()

    def load(self, source: str, days: int, term_days: dict[str, int], articles: int = 0,
             term_articles: Mapping[str, int] | None = None) -> None:
        """Restore stored counts."""
        self.days[source] += days
        self.term_days[source].update(term_days)
        self._touched[source].update(term_days)
        self.articles[source] += articles
        if term_articles:
            self.term_articles[source].update(term_articles)
        self._cache.pop(source, None)

    def of(self, source: str, df: DocFreq | None = None) -> frozenset[str]:
        """The template vocabulary of ``source`` given the collection's document frequencies
        ``df`` (kept until the next :meth:`flush`); without ``df``, the days rule alone."""
        got = self._cache.get(source)
        if got is None:
            n = self.days.get(source, 0)
            if n < self.min_days:
                got = frozenset()
            else:
                cut = self.share * n
                td = self.term_days[source]
                above = self._above.get(source, set()) | self._touched.pop(source, set())
                above = self._above[source] = {t for t in above if td[t] >= cut}
                got = frozenset(above)
                if df is not None and df.n and self.lift > 0:
                    # the source's article share of a term against the collection's
                    ta = self.term_articles[source]
                    dfs = df.df
                    scale = self.lift * self.articles.get(source, 0) / df.n
                    got = frozenset(t for t in above if ta.get(t, 0) >= max(1e-9, scale * dfs.get(t, 0)))
            self._cache[source] = got
        return got


class ArticleVector(NamedTuple):
    """What :meth:`StoryClusterer.add` compares of an article (:func:`article_vector`)."""

    vec: dict[str, float]  # TF-IDF weights of its top terms, unit length (entities scaled)
    places: list[str] | None  # places of the title (``g:``/``c:`` terms), None when none
    actors: list[str]  # people and organisations among the weighed terms
    rare_actors: frozenset[str]  # those in at most ``actor_share`` of the articles counted
    template_like: bool  # mostly its source's template vocabulary


def article_vector(f: ArticleFeatures, df: DocFreq, templates: TemplateTerms, p: StoryParams) -> ArticleVector:
    """The vector of an article and what the guards read of it, given the document frequencies
    and template vocabulary of its batch: a pure function of those (nothing the clustering
    decides), so a process holding a copy of them computes the same."""
    drop = templates.of(f.source, df)
    vec = scale_terms(weigh(f.terms, df, top=p.top_terms, drop=drop), "e:", p.entity_scale)
    actors = [t for t in vec if t.startswith(_ACTORS)] if p.actor_bonus or p.merge_actors else []
    template_like = bool(drop) and len(drop.intersection(f.terms)) >= p.template_like * max(1, len(f.terms))
    return ArticleVector(vec, list(filter(_is_place, f.terms)) or None, actors,
                         rare_actors(actors, df, p), template_like)


def rare_actors(actors: list[str], df: DocFreq, p: StoryParams) -> frozenset[str]:
    """The actors of an article found in at most ``actor_share`` of the articles counted."""
    if not actors:
        return frozenset()
    cap = max(2.0, p.actor_share * df.n)  # the article and one other: rare at any size
    get = df.df.get
    return frozenset(t for t in actors if get(t, 0) <= cap)


@dataclass
class ClusterState:
    """Everything the clusterer carries from one batch to the next."""

    df: DocFreq = field(default_factory=DocFreq)
    stories: dict[int, Story] = field(default_factory=dict)  # active stories
    copy_story: dict[int, int] = field(default_factory=dict)  # copy group → story
    next_id: int = 1
    #: story folded into another → that story (:meth:`StoryClusterer.resolve`)
    merged: dict[int, int] = field(default_factory=dict)


class StoryClusterer:
    """Online story clustering (see the module docstring)."""

    def __init__(self, params: StoryParams | None = None, state: ClusterState | None = None,
                 templates: TemplateTerms | None = None) -> None:
        self.p = params or StoryParams()
        self.state = state or ClusterState()
        self.templates = templates or TemplateTerms(share=self.p.template_share, min_days=self.p.template_min_days,
                                                    lift=self.p.template_lift)
        #: term → {story id: the term's weight in that story's unit-length centroid}: the
        #: inverted index, whose sums are cosines directly
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        for s in self.state.stories.values():
            inv = 1.0 / (s.norm or 1.0)
            for t, w in s.centroid.items():
                self.postings[t][s.id] = w * inv
        self.closed: list[Story] = []
        #: ``(folded story, story it went into)`` of the merges since the caller last cleared it
        self.merges: list[tuple[int, int]] = []
        self._today = -1
        self._by_last: list[tuple[int, int]] = [(s.last_day, s.id) for s in self.state.stories.values()
                                                if s.last_day >= 0]
        heapq.heapify(self._by_last)

    def _expire(self, day: int) -> None:
        if day < 0 or day == self._today:
            return
        self._today = day
        cutoff = day - self.p.window_days
        heap = self._by_last
        stories = self.state.stories
        while heap and heap[0][0] < cutoff:
            last, sid = heapq.heappop(heap)
            s = stories.get(sid)
            if s is None or s.last_day != last:
                continue  # stale entry: the story has had a later article, or is gone
            del stories[sid]
            for t in s.centroid:
                self.postings[t].pop(sid, None)
            self.closed.append(s)

    def score(self, vec: dict[str, float], numbers: frozenset[str], day: int, *,
              template_like: bool = False, places: list[str] | None = None,
              actors: frozenset[str] = frozenset()) -> tuple[float, int | None]:
        """The best active story for a vector: ``(score, story id)`` (``(0.0, None)`` if none)."""
        return self.ranked(vec, numbers, day, template_like=template_like, places=places, actors=actors)[0]

    def ranked(self, vec: dict[str, float], numbers: frozenset[str], day: int, *,
               template_like: bool = False, places: list[str] | None = None,
               actors: frozenset[str] = frozenset()) -> tuple[tuple[float, int | None], tuple[float, int | None]]:
        """The best and the second-best active story for a vector, each ``(score, story id)``
        (``(0.0, None)`` when there is none)."""
        stories = self.state.stories
        items = vec.items()
        if 0 < self.p.lookup_terms < len(vec):  # the heaviest, ties in order, sorted in C
            items = sorted(items, key=itemgetter(1), reverse=True)[: self.p.lookup_terms]
        acc = self._dot(items)
        if not acc:
            return (0.0, None), (0.0, None)
        best, best_sid = 0.0, None
        second, second_sid = 0.0, None
        # the guards only lower a score: look at the few best raw scores
        for sid, sc in sorted(acc.items(), key=itemgetter(1), reverse=True)[:8]:  # heapq.nlargest's, in C
            s = stories[sid]
            shared = (len(numbers & s.numbers) / len(numbers)
                      if len(numbers) >= self.p.numbers_min and len(s.numbers) >= self.p.numbers_min else None)
            if template_like and (abs(s.last_day - day) > 1 or (shared is not None and shared < 0.5)):
                continue
            if shared is not None and shared < self.p.numbers_overlap:
                if day >= 0 and s.last_day >= 0 and day != s.last_day:
                    continue  # another day's figures: another day's bulletin, not this story
                sc *= self.p.numbers_penalty
            guarded = shared is not None and shared < self.p.numbers_overlap
            if places is not None and places_apart(places, s.places):
                # titles naming other places: another item of a kind (another day's: never)
                if day >= 0 and s.last_day >= 0 and day != s.last_day:
                    continue
                sc *= self.p.places_penalty
                guarded = True
            if day >= 0 and s.last_day >= 0:
                sc *= 1.0 / (1.0 + self.p.day_decay * abs(day - s.last_day))
            if (actors and not guarded and day >= 0
                    and 0 <= day - s.last_day <= self.p.actor_days
                    and len(actors & s.actors) >= self.p.actor_min):
                sc += self.p.actor_bonus  # the same people or bodies, the same days: one event
            if sc > best or (sc == best and best_sid is not None and sid < best_sid):
                second, second_sid = best, best_sid
                best, best_sid = sc, sid
            elif sc > second or (sc == second and second_sid is not None and sid < second_sid):
                second, second_sid = sc, sid
        return (best, best_sid), (second, second_sid)

    def add(self, f: ArticleFeatures, v: ArticleVector | None = None) -> int:
        """Assign one article to a story; returns the story id. ``v``: its :func:`article_vector`
        under this state's document frequencies and templates, when computed already."""
        st = self.state
        self._expire(f.day)
        if v is None:
            v = article_vector(f, st.df, self.templates, self.p)
        vec, places, actors, template_like = v.vec, v.places, v.actors, v.template_like
        sid = st.copy_story.get(f.copy_group) if f.copy_group is not None else None
        if sid is not None and st.merged:
            sid = self.resolve(sid)
        if sid is not None and sid not in st.stories:
            sid = None  # the copy group's story has closed; the copy opens or joins anew
        other = None
        if sid is None:
            (best, best_sid), (second, second_sid) = self.ranked(
                vec, f.numbers, f.day, template_like=template_like, places=places, actors=v.rare_actors)
            if best_sid is not None and best >= self.p.threshold:
                sid = best_sid
                if (self.p.merge_threshold and second_sid is not None and second >= self.p.merge_threshold
                        and not template_like):
                    other = second_sid
        if sid is None:
            sid = st.next_id
            st.next_id += 1
            st.stories[sid] = Story(id=sid, first_day=f.day, last_day=f.day)
        story = st.stories[sid]
        last = story.last_day
        pruned = story.absorb(vec, f.numbers, f.source, f.day, keep=self.p.centroid_terms, key=f.key,
                                     words=f.words, places=places or (), actors=actors)
        if story.last_day != last or story.size == 1:
            heapq.heappush(self._by_last, (story.last_day, sid))
        inv = 1.0 / (story.norm or 1.0)
        postings = self.postings
        for t, w in story.centroid.items():  # the norm changed: every term's share did
            postings[t][sid] = w * inv
        for t in pruned:
            postings[t].pop(sid, None)
        if other is not None and self._mergeable(story, st.stories[other],
                                                 countries=self._by_countries(second)):
            sid = self._merge(sid, other)
        elif self.p.merge_cosine and story.size >= 2 and not story.size & (story.size - 1):
            other = self._closest(story)
            if other is not None:
                sid = self._merge(sid, other)
        if f.copy_group is not None:
            st.copy_story.setdefault(f.copy_group, sid)
        return sid

    def _dot(self, items: Iterable[tuple[str, float]]) -> dict[int, float]:
        """Story id → the dot product of the weighted terms ``items`` with the story's normalised
        centroid, through the inverted index (terms in more than ``max_postings`` stories skipped)."""
        acc: dict[int, float] = defaultdict(float)
        cap = self.p.max_postings
        postings = self.postings
        for t, w in items:
            post = postings.get(t)
            if not post or len(post) > cap:
                continue
            for sid, cw in post.items():
                acc[sid] += w * cw
        return acc

    def _closest(self, story: Story) -> int | None:
        """The active story of the same or the next day whose centroid is closest to ``story``'s,
        when the cosine reaches ``merge_cosine`` and the guards let them merge."""
        sid = story.id
        items = sorted(story.centroid.items(), key=itemgetter(1), reverse=True)[: self.p.merge_terms]
        inv = 1.0 / (story.norm or 1.0)
        acc = self._dot(items)
        acc.pop(sid, None)
        stories = self.state.stories
        for other, sc in sorted(acc.items(), key=itemgetter(1), reverse=True)[:4]:
            if sc * inv < self.p.merge_cosine:
                break
            o = stories[other]
            if abs(o.last_day - story.last_day) > 1:
                continue
            if self.p.merge_actors and len(self._rare_actors(list(story.actors & o.actors))) < self.p.merge_actors:
                continue
            if self._mergeable(story, o, countries=self._by_countries(sc * inv)):
                return other
        return None

    def _by_countries(self, evidence: float) -> bool:
        """Whether titles naming other countries keep two stories apart when a score or a
        centroid cosine of ``evidence`` says they are one (``merge_countries_cosine``)."""
        return not self.p.merge_countries_cosine or evidence < self.p.merge_countries_cosine

    def _mergeable(self, a: Story, b: Story, *, countries: bool = True) -> bool:
        """The guards between two stories an article fits both of: titles naming other places,
        both carrying figures and few of them in common (two days' bulletins), or begun more
        than ``merge_days`` apart (another development of a long-running topic). With
        ``countries`` false, titles naming other countries (and no cities on one side) do not
        keep them apart: only other cities on both sides do."""
        if places_apart(a.places, b.places) and (countries or _names_cities(a.places) and _names_cities(b.places)):
            return False
        if self.p.merge_days >= 0 and abs(a.first_day - b.first_day) > self.p.merge_days:
            return False
        n = self.p.numbers_min
        if len(a.numbers) >= n and len(b.numbers) >= n:
            small, big = (a.numbers, b.numbers) if len(a.numbers) <= len(b.numbers) else (b.numbers, a.numbers)
            if len(small & big) < self.p.numbers_overlap * len(small):
                return False
        return True

    def _merge(self, a: int, b: int) -> int:
        """Fold the younger of two active stories into the older (the lower id); returns it."""
        keep_id, gone_id = min(a, b), max(a, b)
        stories = self.state.stories
        keep, gone = stories[keep_id], stories.pop(gone_id)
        postings = self.postings
        for t in gone.centroid:
            postings[t].pop(gone_id, None)
        for t in keep.centroid:
            postings[t].pop(keep_id, None)
        last = keep.last_day
        keep.fold(gone, keep=self.p.centroid_terms)
        inv = 1.0 / (keep.norm or 1.0)
        for t, w in keep.centroid.items():
            postings[t][keep_id] = w * inv
        if keep.last_day != last:
            heapq.heappush(self._by_last, (keep.last_day, keep_id))
        self.state.merged[gone_id] = keep_id
        self.merges.append((gone_id, keep_id))
        return keep_id

    def resolve(self, sid: int) -> int:
        """The story a story id stands for now: itself, or the story it was folded into."""
        merged = self.state.merged
        while sid in merged:
            sid = merged[sid]
        return sid

    def _rare_actors(self, actors: list[str]) -> frozenset[str]:
        return rare_actors(actors, self.state.df, self.p)

    def all_stories(self) -> Iterator[Story]:
        yield from self.closed
        yield from self.state.stories.values()


def prepare(features: list[ArticleFeatures], clusterer: StoryClusterer) -> list[ArticleFeatures]:
    """Update document frequencies and template vocabulary with a batch; return it in order."""
    clusterer.state.df.add(f.terms for f in features)
    for f in features:
        clusterer.templates.observe(f.source, f.day, f.terms.keys())
    clusterer.templates.flush()
    return sorted(features, key=lambda f: (f.day if f.day >= 0 else 1 << 30, f.key))


def time_blocks(batch: list[ArticleFeatures], window_days: int) -> list[tuple[int, int]]:
    """``(start, end)`` slices of a day-sorted batch cut where no article appears for more than
    ``window_days`` days: every story of one block has closed before the next block begins,
    so the blocks can be clustered apart and give the stories one pass would."""
    cuts = [0]
    for i in range(1, len(batch)):
        a, b = batch[i - 1].day, batch[i].day
        if a >= 0 and (b < 0 or b - a > window_days):
            cuts.append(i)
    cuts.append(len(batch))
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


_FORKED: tuple[StoryClusterer, list[ArticleFeatures]] | None = None


def _cluster_part(bounds: tuple[int, int, int]) -> tuple[list[int], int]:
    """Cluster one run of blocks in a forked worker: ``(story ids, ids used)``."""
    assert _FORKED is not None
    cl, batch = _FORKED
    lo, hi, seen_until = bounds
    # copy groups met in earlier blocks: their story has closed (what one pass would see)
    for f in batch[:seen_until]:
        if f.copy_group is not None:
            cl.state.copy_story.setdefault(f.copy_group, 0)
    ids = [cl.add(f) for f in batch[lo:hi]]
    return [cl.resolve(sid) for sid in ids], cl.state.next_id - 1


def cluster(features: Iterable[ArticleFeatures], params: StoryParams | None = None,
            clusterer: StoryClusterer | None = None, *, workers: int = 1) -> dict[int, int]:
    """Batch form: story id of every article key (the clusterer may carry earlier state).

    With ``workers`` > 1 and a fresh clusterer, runs of time blocks (:func:`time_blocks`) are
    clustered in forked processes and their story ids renumbered in order: the same stories
    and ids as one pass, in less time when the collection has gaps (several corpora, years).
    """
    cl = clusterer or StoryClusterer(params)
    batch = prepare(list(features), cl)
    parts = _balanced(time_blocks(batch, cl.p.window_days), workers) if clusterer is None else []
    if len(parts) < 2:
        got = {f.key: cl.add(f) for f in batch}
        return {k: cl.resolve(sid) for k, sid in got.items()} if cl.state.merged else got
    import multiprocessing as mp

    global _FORKED
    _FORKED = (cl, batch)
    try:
        with mp.get_context("fork").Pool(len(parts)) as pool:
            results = pool.map(_cluster_part, [(lo, hi, lo) for lo, hi in parts])
    finally:
        _FORKED = None
    out: dict[int, int] = {}
    offset = 0
    for (lo, hi), (ids, used) in zip(parts, results, strict=True):
        for f, sid in zip(batch[lo:hi], ids, strict=True):
            out[f.key] = sid + offset
        offset += used
    return out


def _balanced(blocks: list[tuple[int, int]], workers: int) -> list[tuple[int, int]]:
    """Join consecutive blocks into at most ``workers`` runs of similar size (few forks)."""
    import multiprocessing as mp

    if workers < 2 or len(blocks) < 2 or "fork" not in mp.get_all_start_methods():
        return []
    total = blocks[-1][1]
    runs: list[tuple[int, int]] = []
    start = 0
    for i, (_lo, hi) in enumerate(blocks):
        left = workers - len(runs)
        if left > 1 and hi - start >= (total - start) / left and i < len(blocks) - 1:
            runs.append((start, hi))
            start = hi
    runs.append((start, total))
    return [r for r in runs if r[1] > r[0]]
