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
press roundup — look alike every day. Five guards keep them apart:

1. **per-source template vocabulary** (:class:`~marsad.corpus.template_terms.TemplateTerms`):
   a term that a source uses on at least ``template_share`` of the days it publishes (over at
   least ``template_min_days`` days) — and, when ``template_lift`` is set, in that many times
   the share of articles the whole collection uses it in — says nothing about *which* event;
   it is left out of that source's vectors. A source with fewer days (from
   ``template_young_days``: a small archive) takes the days rule with the lift
   ``template_young_lift``, so its own daily items' words are left out from its second day;
2. **numbers**: when the article and the story both carry ``numbers_min`` figures in their
   leads and the story holds less than ``numbers_overlap`` of the article's, they never join
   across days (another day's index, temperatures, tonnage) and the same day the score is
   multiplied by ``numbers_penalty`` (1 by default: no penalty); an
   article made mostly of its source's template vocabulary (``template_like``) joins only a
   story of the same or an adjacent day that holds half its figures;
3. **days apart**: the score decays with the days between the article and the story's last
   article (``day_decay`` per day), and stories close after ``window_days``;
4. **series**: a source that prints one title key (:func:`~marsad.corpus.features.title_key`,
   the title without the day it names: ``طقس اليوم الجمعة``, ``طقس الخميس``) about once a day on
   ``series_days`` days runs a series; its items are template-like and join no story of another
   day that the source printed in, nor one begun before yesterday. A radio that prints many
   other things has its weather words on too few of its days to be template vocabulary, and
   its bulletins, whose figures a mild week shares, chained into one story: 68 bulletins over
   64 days on the corpora of ``../shared/data``, and a "story" of 24 over 29 days. 464 articles
   of 72,716 are items of 66 series (the weather, cartoons, market closes, columns, a daily
   "main news"); the dev and dev2 pairs and the dev day score the same; stories spanning two
   weeks or more 20 → 17;
5. **one outlet's items of a kind**: a story all of whose members are the article's own
   outlet's, naming people or bodies none of which are the article's rare ones, scores
   ``own_actors_penalty`` of its cosine — a paper's wedding or condolence notices, each of
   another family, share their formula (زواج، الأهل والأصدقاء، العزاء، الفقيد) and nothing else.

A story is one event: an article joins no story that began more than ``max_span_days`` (7)
days before it, so a development reported daily for weeks (a siege, an inquiry) is a story a
week at most, and the threads link them (it chained into 43-day stories of 170 articles).

An outlet rarely reports one event twice on two days: an article needs ``own_threshold``
(0.27, against 0.25) to join a story its own outlet printed in on an earlier day, which is
most often the story's previous development (the expulsions, then Moscow's answer; one round
of a league, then the next). Other outlets' reports of the event join at the plain threshold.

Once two stories of one event exist (a visit's report and its joint statement, two papers'
own reports of one attack), each article joins the closer one and both keep growing. Two
checks fold the younger into the older (:meth:`StoryClusterer._merge`; ``merge_*`` of
:class:`~marsad.corpus.story_record.StoryParams`): an article that joins one story and scores
``merge_threshold`` with another too (the best-scoring one the guards let merge: the third
when the second began days before), and a story that has just doubled whose centroid is close
to another's of the same or the next day naming the same rare actors — looked up through the
inverted index like an article, never all pairs. The guards hold between the two stories too
(title places apart, figures apart; a template-like article triggers no merge). The older id
stays; the clusterer lists the merges (:attr:`StoryClusterer.merges`) so the corpus stage moves
the stored members and keeps the folded id as an alias (``story_merges``).

The topic of the days is not the event. A name in the news all week (Khashoggi, Skripal, Salah)
is in many of the active stories, and each development of its topic — a Turkish official's
statement, Pompeo's thanks, a parliament's session — scored 0.45–0.75 with whichever story of
the topic came first, through that name: one story of 20–86 articles held a day's developments.
A term held by more than ``burst_share`` of the active stories (the inverted index's postings:
a document frequency over the last ``window_days``, kept between batches with the stories) weighs
less in the article (:meth:`StoryClusterer.damped`), so what the development says decides.

The batch form (:func:`marsad.corpus.story_batch.cluster`) runs the same clusterer over a
collection, in forked processes per run of time blocks. The story record and the parameters
are in :mod:`marsad.corpus.story_record`.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter, methodcaller
from types import MappingProxyType
from typing import NamedTuple

from marsad.corpus.features import (
    ArticleFeatures,
    DocFreq,
    body_vector,
    places_apart,
    scale_terms,
    weigh,
)
from marsad.corpus.story_record import Story, StoryParams
from marsad.corpus.template_terms import TemplateTerms

#: whether a term is a place of the title (``g:``/``c:``, :func:`marsad.corpus.features.title_places`)
_is_place = methodcaller("startswith", ("g:", "c:"))

#: the entity keys of people and organisations (:attr:`StoryParams.actor_bonus`)
_ACTORS = ("e:per:", "e:org:")


def _names_cities(places: Iterable[str]) -> bool:
    """Whether title places (``g:``/``c:`` terms) name a city or region (a ``g:`` term)."""
    return any(t.startswith("g:") for t in places)


class ArticleVector(NamedTuple):
    """What :meth:`StoryClusterer.add` compares of an article (:func:`article_vector`)."""

    vec: dict[str, float]  # TF-IDF weights of its top terms, unit length (entities scaled)
    places: list[str] | None  # places of the title (``g:``/``c:`` terms), None when none
    actors: list[str]  # people and organisations among the weighed terms
    rare_actors: frozenset[str]  # those in at most ``actor_share`` of the articles counted
    template_like: bool  # mostly its source's template vocabulary, or an item of its series
    series: bool = False  # an item of one of its source's series (another day's is another story)
    body: Mapping[str, float] = MappingProxyType({})  # its thread vector (:func:`marsad.corpus.features.body_vector`)


def article_vector(f: ArticleFeatures, df: DocFreq, templates: TemplateTerms, p: StoryParams) -> ArticleVector:
    """The vector of an article and what the guards read of it, given the document frequencies
    and template vocabulary of its batch: a pure function of those (nothing the clustering
    decides), so a process holding a copy of them computes the same."""
    drop = templates.of(f.source, df)
    vec = scale_terms(weigh(f.terms, df, top=p.top_terms, drop=drop), "e:", p.entity_scale)
    actors = [t for t in vec if t.startswith(_ACTORS)] if p.actor_bonus or p.merge_actors else []
    series = templates.series(f.source, f.title_key, p.series_days)
    # the thread vector keeps the source's everyday words: they are left out of what tells one
    # day's events apart, not of what tells one development from another
    body = body_vector(f, df, top=p.body_terms) if p.body_terms else {}
    return ArticleVector(vec, list(filter(_is_place, f.terms)) or None, actors,
                         rare_actors(actors, df, p), series or is_template_like(f, drop, p), series, body)


def is_template_like(f: ArticleFeatures, drop: frozenset[str], p: StoryParams) -> bool:
    """Whether at least ``template_like`` of an article's terms are its source's template
    vocabulary ``drop``."""
    return bool(drop) and len(drop.intersection(f.terms)) >= p.template_like * max(1, len(f.terms))


def template_like_of(f: ArticleFeatures, templates: TemplateTerms, df: DocFreq, p: StoryParams) -> bool:
    """Whether an article is an item of one of its source's series or mostly its source's
    template vocabulary (:attr:`ArticleVector.template_like`, without weighing the terms)."""
    return templates.series(f.source, f.title_key, p.series_days) or is_template_like(f, templates.of(f.source, df), p)


def template_like_flags(features: Sequence[ArticleFeatures], clusterer: StoryClusterer) -> list[bool]:
    """:func:`template_like_of` each article under the clusterer's document frequencies and
    template vocabulary (what :func:`article_vector` says, without weighing the terms)."""
    p, df, tt = clusterer.p, clusterer.state.df, clusterer.templates
    return [template_like_of(f, tt, df, p) for f in features]


def clustering_order(features: Sequence[ArticleFeatures], template_like: Sequence[bool]) -> list[int]:
    """The order in which a batch's articles are clustered (indices into ``features``): by day,
    and within a day the template-like articles after the others, then by key.

    A template-like article is mostly its source's everyday words, and what is left of its
    vector is a few rare words of its own: clustered first, it opens a story the day's other
    reports of its event do not find (a busy paper's report of a rights group's findings on
    the war, most of whose words that paper prints every day), or a story that a later
    article folds into an unrelated one. Clustered after the day's distinctive reports, it
    finds their story by the words it shares with them. Dev same-story pair F1 0.914 → 0.918
    (R 0.924 → 0.939, P 0.904 → 0.899), day B³ 0.940 → 0.939.
    """
    return sorted(range(len(features)),
                  key=lambda i: (features[i].day if features[i].day >= 0 else 1 << 30, template_like[i], features[i].key))


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
        self.templates = templates or TemplateTerms.of_params(self.p)
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
        got = self.candidates(vec, numbers, day, template_like=template_like, places=places, actors=actors)
        return got[0] if got else (0.0, None)

    def candidates(self, vec: dict[str, float], numbers: frozenset[str], day: int, *,
                   template_like: bool = False, places: list[str] | None = None,
                   actors: frozenset[str] = frozenset(), series: bool = False,
                   source: str = "") -> list[tuple[float, int]]:
        """The active stories a vector may join, ``(score, story id)``, best first (then by id):
        the guarded scores of the 8 stories of the best cosines. ``series``: whether the article
        is an item of one of its ``source``'s series (it joins no story of another day that the
        source printed in, nor one begun before yesterday)."""
        stories = self.state.stories
        items = vec.items()
        if 0 < self.p.lookup_terms < len(vec):  # the heaviest, ties in order, sorted in C
            items = sorted(items, key=itemgetter(1), reverse=True)[: self.p.lookup_terms]
        acc = self._dot(items)
        if not acc:
            return []
        scored: list[tuple[float, int]] = []
        apart: set[int] = set()  # stories of the same day whose figures are apart
        holds = False  # a story the article may join holds its figures
        # the guards only lower a score: look at the few best raw scores
        for sid, sc in sorted(acc.items(), key=itemgetter(1), reverse=True)[:8]:  # heapq.nlargest's, in C
            s = stories[sid]
            shared = (len(numbers & s.numbers) / len(numbers)
                      if len(numbers) >= self.p.numbers_min and len(s.numbers) >= self.p.numbers_min else None)
            if template_like and (abs(s.last_day - day) > 1 or (shared is not None and shared < 0.5)):
                continue
            if 0 < self.p.max_span_days < day - s.first_day and s.first_day >= 0:
                continue  # a story is one event: a week on, it is the next one (threads link them)
            if series and day >= 0 and s.first_day >= 0 and day != s.first_day and (
                    day - s.first_day > 1 or s.sources.get(source)):
                continue  # another day's issue of a series: another story, however alike
            guarded = shared is not None and shared < self.p.numbers_overlap
            if guarded:
                if day >= 0 and s.last_day >= 0 and day != s.last_day:
                    continue  # another day's figures: another day's bulletin, not this story
                sc *= self.p.numbers_penalty
                apart.add(sid)
            if places is not None and places_apart(places, s.places):
                # titles naming other places: another item of a kind (another day's: never)
                if day >= 0 and s.last_day >= 0 and day != s.last_day:
                    continue
                sc *= self.p.places_penalty
                guarded = True
            if day >= 0 and s.last_day >= 0:
                sc *= 1.0 / (1.0 + self.p.day_decay * abs(day - s.last_day))
            if (sc < self.p.own_threshold and source and day > s.first_day >= 0
                    and s.sources.get(source)):
                continue  # its outlet covered the story on an earlier day: a new development?
            if (self.p.own_actors_penalty < 1.0 and actors and s.actors and source
                    and len(s.sources) == 1 and s.sources.get(source) and not actors & s.actors):
                sc *= self.p.own_actors_penalty  # one outlet's items naming other people
                guarded = True
            if (actors and not guarded and day >= 0
                    and 0 <= day - s.last_day <= self.p.actor_days
                    and len(actors & s.actors) >= self.p.actor_min):
                sc += self.p.actor_bonus  # the same people or bodies, the same days: one event
            if sc > 0.0:
                scored.append((sc, sid))
                holds = holds or (shared is not None and shared >= self.p.numbers_held and not guarded)
        if holds and apart and self.p.numbers_elsewhere < 1.0:
            # its figures are another story's: the ones apart are another day's item of a kind
            f = self.p.numbers_elsewhere
            scored = [(sc * f if sid in apart else sc, sid) for sc, sid in scored]
        scored.sort(key=lambda x: (-x[0], x[1]))
        return scored

    def add(self, f: ArticleFeatures, v: ArticleVector | None = None) -> int:
        """Assign one article to a story; returns the story id. ``v``: its :func:`article_vector`
        under this state's document frequencies and templates, when computed already."""
        st = self.state
        self._expire(f.day)
        if v is None:
            v = article_vector(f, st.df, self.templates, self.p)
        vec, places, actors, template_like = v.vec, v.places, v.actors, v.template_like
        if self.p.burst_share:
            vec = self.damped(vec)
        sid = st.copy_story.get(f.copy_group) if f.copy_group is not None else None
        if sid is not None and st.merged:
            sid = self.resolve(sid)
        if sid is not None and sid not in st.stories:
            sid = None  # the copy group's story has closed; the copy opens or joins anew
        others: list[tuple[float, int]] = []
        if sid is None:
            got = self.candidates(vec, f.numbers, f.day, template_like=template_like, places=places,
                                  actors=v.rare_actors, series=v.series, source=f.source)
            if got and got[0][0] >= self.p.threshold:
                sid = got[0][1]
                if self.p.merge_threshold and not template_like:
                    # the other stories it fits as well: one of them (the best the guards let
                    # merge) is the same event's other story
                    others = [c for c in got[1:] if c[0] >= self.p.merge_threshold]
        if sid is None:
            sid = st.next_id
            st.next_id += 1
            st.stories[sid] = Story(id=sid, first_day=f.day, last_day=f.day)
        story = st.stories[sid]
        last = story.last_day
        pruned = story.absorb(vec, f.numbers, f.source, f.day, keep=self.p.centroid_terms, key=f.key,
                                     words=f.words, places=places or (), actors=actors, body=v.body)
        if story.last_day != last or story.size == 1:
            heapq.heappush(self._by_last, (story.last_day, sid))
        inv = 1.0 / (story.norm or 1.0)
        postings = self.postings
        for t, w in story.centroid.items():  # the norm changed: every term's share did
            postings[t][sid] = w * inv
        for t in pruned:
            postings[t].pop(sid, None)
        other = next((o for sc, o in others
                      if self._mergeable(story, st.stories[o], countries=self._by_countries(sc))), None)
        if other is not None:
            sid = self._merge(sid, other)
        elif self.p.merge_cosine and story.size >= 2 and not story.size & (story.size - 1):
            other = self._closest(story)
            if other is not None:
                sid = self._merge(sid, other)
        if f.copy_group is not None:
            st.copy_story.setdefault(f.copy_group, sid)
        return sid

    def damped(self, vec: dict[str, float]) -> dict[str, float]:
        """``vec`` with the terms that more than ``burst_share`` of the active stories hold (and at
        least ``burst_min``) weighed by ``(cap / stories holding it) ** burst_power``, unit length
        again; ``vec`` itself when no term is that common."""
        p = self.p
        cap = max(float(p.burst_min), p.burst_share * len(self.state.stories))
        get = self.postings.get
        damp = {t: (cap / n) ** p.burst_power for t in vec if (n := len(get(t, ()))) > cap}
        if not damp:
            return vec
        out = {t: w * damp.get(t, 1.0) for t, w in vec.items()}
        norm = math.sqrt(sum(w * w for w in out.values())) or 1.0
        return {t: w / norm for t, w in out.items()}

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
