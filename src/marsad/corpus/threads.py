"""Threads: stories linked over a longer time by shared actors and topic.

A story is a specific event (Putin and Raisi speak by phone on 2021-09-14); a thread is the
development that such events belong to (Russia–Iran cooperation), months or years long. The
linker works like the story clusterer one level up: stories arrive in the order they close
(:meth:`ThreadLinker.add`) and join a thread or open a new one. A thread keeps its *member
stories* (:class:`Member`: each story's named terms and its 40 heaviest content words, two
unit vectors) while their last day is within ``window_days`` (two years); a story is compared
with the members, not with one centroid summing months of stories. It joins the thread of its
closest member when both hold:

* the actors they share weigh ``min_shared_idf`` (20) in IDF over the archive's articles
  (actors: the entity keys ``e:`` and dateline places ``p:``; for a story without them its
  ``actor_terms`` heaviest content words): two actors a few hundred articles hold, three held
  by a few thousand; three countries in a quarter of the news weigh about 12 — a second
  condition weighed by rarity rather than a count of actors of any kind, and
* their score — 0.6 × the cosine of the named terms + 0.4 × the cosine of the content words
  (dates mentioned and title places left out) — reaches ``threshold`` (0.15).

The members sharing actors are found through postings of the actors (actors held by more
than ``max_postings`` active members are not looked up); the shared IDF is summed in C and,
once the actors left cannot reach the threshold, only for the members met (:meth:`ThreadLinker._candidates`).
The thread's centroid (the sum of its stories' unit vectors, pruned) is kept for its label.

Measured on the labelled pairs of ``threads_dev.jsonl`` (72 pairs, 26 same_thread) with
``marsad eval stories`` (the 46,904 stories of ``eb6ba1f``; a pair is linked when both
stories end up in one thread). Dev P / R / F1; threads of 20+ stories, the biggest, stories
in threads of two or more:

* the linker before (one centroid per thread, cosine 0.15 and three shared named actors of
  any kind): 0.625 / 0.385 / 0.476; 9, 84, 18,148 (held-out 0.583 / 0.368 / 0.452). Its
  settings: threshold 0.1 0.537 (20+: 8); two actors 0.410 (46); one actor 0.500–0.553
  (250–320 threads of 20+); one actor held by ≤ 0.3% of articles 0.651 on dev but 0.400 on
  held-out, with 214 topic buckets of 20+ (NASA, Apple, a Tunisian governorate).
* **members, IDF 20, score 0.15 (default)**: 0.682 / 0.577 / **0.625**; 135, 330, 17,838
  (held-out, read once after the choice: 0.615 / 0.421 / 0.500).
  Neighbours: IDF 15 0.630 (190 threads of 20+, biggest 428, 24,647 stories); 17.5 0.667
  (155, 373, 20,985); 19 0.612; 21 0.578; 22.5 0.400 (115, 292, 15,230); 25 0.389. Score
  0.1 0.612; 0.2 0.596; 0.25 0.533. Named weight 0.5 / 0.7, 800 postings, a window of 365
  or 180 days: 0.596–0.625 with the same sizes; 200 postings 0.558; 80 content words a
  member 0.640 (IDF 17.5: 0.692). One setting moves one or two of the 26 positive pairs:
  the linking is greedy, and a big thread forming or not (a World Cup, a war front) moves
  several pairs at once; the default was chosen before its neighbours were tried and kept.
* members without the IDF condition (the mean score of the 1–3 closest members of a thread,
  found by cosine alone): 0.58–0.70, but 170–300 threads of 20+ and the biggest 400–1,300:
  topic buckets; the mean of the 2–3 closest with the IDF condition 0.53; an exponential
  decay of the score with the days between the stories (a month: × 0.74) lowered recall
  (0.48–0.51).

The biggest threads of the default are developments named by their actors: the Korean
summits (330 stories), Eastern Ghouta (233), Gaza (225), the Houthis and Saada (189, 137),
the Iran deal (169), Afrin and the PKK (150), Liverpool and Salah's season (145), the Qatar
boycott (123), Morocco's World Cup bid (121); club seasons (Real Madrid, Bayern) are the
nearest to topic buckets.

What the linker lacks against the plain TF-IDF cosine of the two *articles* (title + full
body, each pair decided alone, threshold 0.11 chosen on dev: F1 0.735, P 0.595 R 0.962) is
mostly representation, not the partition: the same cosine over the stories' centroids (40
terms of a 960-character lead an article) gives 0.64–0.70 deciding each pair alone at its
best threshold, the articles' leads alone 0.714, their top-40 lead words 0.658, their full
text stemmed to 40 terms 0.732. The baseline's F1 comes from recall: its threshold passes
25 of the 26 positive pairs and 17 of 46 negatives; a partition that links that many pairs
of one topic puts most stories in threads of hundreds. A thread vector from the articles'
full text (the story record's, computed where the story features are) is the next step.

Threads with a single story are not shown as threads (:func:`marsad.store.corpus_store`
lists threads of two stories or more).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from itertools import compress, filterfalse, repeat
from operator import add, itemgetter, methodcaller, mul, truediv
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.corpus.features import DocFreq


@dataclass(frozen=True, slots=True)
class ThreadParams:
    """What links a story to a thread (the figures each was chosen on: module docstring)."""

    #: the score with the closest member story a story needs to join its thread
    threshold: float = 0.15
    #: … and the IDF its actors share with that member must sum to this (about two actors
    #: a few hundred articles hold, or three common ones)
    min_shared_idf: float = 20.0
    #: the score is this × the cosine over the named terms + the rest × the cosine over the
    #: content words (a story without named terms: the content cosine alone)
    named_weight: float = 0.6
    #: a member story is compared until this many days after its last day
    window_days: int = 730
    #: a story without named terms has its this many heaviest content words as actors
    actor_terms: int = 10
    #: the content words of a member story kept for the comparison (its heaviest)
    member_terms: int = 40
    #: actors held by more active member stories than this are not looked up (a country in
    #: the news every day: its IDF is small, and its postings are long)
    max_postings: int = 400
    #: IDF is computed as if the archive held at least this many articles: in a young
    #: archive every actor is rare (two articles: an actor both hold has IDF 1 otherwise)
    min_docs: int = 10_000
    #: the terms a thread's centroid keeps (its label)
    centroid_terms: int = 40


#: a conjunction (و، ف) and/or a preposition (ب، ك) before the article ال, longest first
_BEFORE_AL = ("وب", "وك", "فب", "فك", "و", "ف", "ب", "ك")
#: proclitics a known name may carry: conjunction, preposition, or both
_BEFORE_NAME = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


def display_word(word: str, names: Collection[str] = ()) -> str:
    """A word as a title writes it, without the proclitics the light stemmer strips, for
    people to read: و/ف/ب/ك (and two of them) before the article ال (والصين، بالعراق →
    الصين، العراق), ل before the article, whose alef it drops (للرئيس، وللرئيس → الرئيس), and
    any of و/ف/ب/ل/ك before a word of ``names`` (normalized name words, ``وماكرون`` →
    ماكرون when ``ماكرون`` is one). At least three letters stay after the article, so that
    والد، بالغ، والي keep their first letters. Letters are matched on the
    :func:`marsad.text.normalize.normalize`-d word (U+0622/U+0623/U+0625 → U+0627 …) and cut from
    the word as written; a word whose normalized form has another length comes back whole."""
    from marsad.text.normalize import normalize

    n = normalize(word)
    if len(n) != len(word):
        return word
    for p in _BEFORE_AL:
        if n.startswith(p + "ال") and len(n) - len(p) - 2 >= 3:
            return word[len(p) :]
    for p in ("ول", "فل", "ل"):
        if n.startswith(p + "ل") and len(n) - len(p) - 1 >= 3:
            return "ال" + word[len(p) + 1 :]
    if names:
        for p in _BEFORE_NAME:
            if n.startswith(p) and len(n) - len(p) >= 3 and n[len(p) :] in names:
                return word[len(p) :]
    return word


_NAMED = ("e:", "p:")
_WEIGHT_TERM = itemgetter(1, 0)
_has_colon = methodcaller("__contains__", ":")
_IDF_DESC = lambda a: (-a[0], a[1])  # noqa: E731  (IDF, term, postings): rarest first, ties by term


def _unit(vec: Mapping[str, float]) -> dict[str, float]:
    vals = list(vec.values())
    norm = math.sqrt(sum(map(mul, vals, vals))) or 1.0
    return dict(zip(vec, map(truediv, vals, repeat(norm)), strict=True))


@dataclass(slots=True)
class Member:
    """A story as its thread keeps it for comparison: its named terms (``e:``/``p:``) and its
    ``member_terms`` heaviest content words, each part a unit vector, and its actors."""

    id: int
    thread: int
    last_day: int
    named: dict[str, float]
    other: dict[str, float]
    actors: tuple[str, ...] = ()

    @classmethod
    def of(cls, sid: int, thread: int, last_day: int, centroid: Mapping[str, float], p: ThreadParams) -> Member:
        """A story's member record: dates mentioned (``t:``) and title places (``g:``/``c:``)
        are left out: stories of one development are weeks apart and name other dates."""
        keys = list(centroid)
        named = {t: centroid[t] for t in compress(keys, map(str.startswith, keys, repeat(_NAMED)))}
        other = {t: centroid[t] for t in filterfalse(_has_colon, keys)}
        if len(other) > p.member_terms:
            other = dict(sorted(other.items(), key=_WEIGHT_TERM, reverse=True)[: p.member_terms])
        return cls.restore(sid, thread, last_day, _unit(named), _unit(other), p)

    @classmethod
    def restore(cls, sid: int, thread: int, last_day: int, named: dict[str, float], other: dict[str, float],
                p: ThreadParams) -> Member:
        """A member from its stored unit vectors (the actors are derived from them)."""
        if named:
            actors = tuple(named)
        else:
            actors = tuple(t for t, _ in sorted(other.items(), key=_WEIGHT_TERM, reverse=True)[: p.actor_terms])
        return cls(sid, thread, last_day, named, other, actors)

    def to_state(self) -> list[object]:
        return [self.id, self.last_day, self.named, self.other]


@dataclass
class Thread:
    id: int
    first_day: int
    last_day: int
    stories: int = 0
    centroid: dict[str, float] = field(default_factory=dict)
    #: stem → the word as titles write it (for labels)
    words: dict[str, str] = field(default_factory=dict)
    #: its member stories still compared (last day within the window), by story id
    members: dict[int, Member] = field(default_factory=dict, repr=False)

    def label(self, k: int = 8) -> list[str]:
        """The ``k`` heaviest content words of the centroid that titles write, each without
        its proclitics (:func:`display_word`; the names it knows are the words of the
        centroid's entity keys). A stem no title wrote (``ورونا`` for كورونا) is no word and
        is left out."""
        names = {w for t in self.centroid if t.startswith("e:") for w in t.partition(":")[2].partition(":")[2].split()}
        ranked = sorted([(v, t) for t, v in self.centroid.items() if ":" not in t and t in self.words], reverse=True)
        out: list[str] = []
        for _v, t in ranked:
            w = display_word(self.words[t], names)
            if w not in out:
                out.append(w)
                if len(out) == k:
                    break
        return out


@dataclass
class ThreadState:
    threads: dict[int, Thread] = field(default_factory=dict)  # active threads
    next_id: int = 1


class ThreadLinker:
    def __init__(self, params: ThreadParams | None = None, state: ThreadState | None = None, *,
                 df: DocFreq | None = None) -> None:
        """``df``: the archive's document frequencies (the story clusterer's, updated batch by
        batch), which weigh the actors a story shares with a member; without them every
        actor weighs as one no other article holds."""
        self.p = params or ThreadParams()
        self.df = df
        self.state = state or ThreadState()
        #: actor → the active member stories that hold it
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.members: dict[int, Member] = {}
        self.closed: list[Thread] = []
        self.touched: set[int] = set()
        self._expired_through = -1
        #: ``(last day, story id)`` of the active members, a heap: the ones to drop come first
        self._by_last: list[tuple[int, int]] = []
        #: ids given to the members of stories added without one (below every stored id)
        self._anonymous = 0
        for th in self.state.threads.values():
            for m in th.members.values():
                m.thread = th.id
                self._anonymous = min(self._anonymous, m.id)
                self._enter(m)

    def _enter(self, m: Member) -> None:
        self.members[m.id] = m
        for t in m.actors:
            self.postings[t].add(m.id)
        if m.last_day >= 0:
            heapq.heappush(self._by_last, (m.last_day, m.id))

    def _expire(self, day: int) -> None:
        """Drop the members whose last day is more than ``window_days`` before ``day``; a
        thread with no member left is closed."""
        # stories arrive in date order: the members need looking at once per new day only
        if day < 0 or day <= self._expired_through:
            return
        self._expired_through = day
        cutoff = day - self.p.window_days
        heap, threads = self._by_last, self.state.threads
        while heap and heap[0][0] < cutoff:
            _last, sid = heapq.heappop(heap)
            m = self.members.pop(sid, None)
            if m is None:
                continue
            for t in m.actors:
                post = self.postings[t]
                post.discard(sid)
                if not post:
                    del self.postings[t]
            th = threads[m.thread]
            del th.members[sid]
            if not th.members:
                del threads[th.id]
                self.closed.append(th)

    def idf(self, term: str) -> float:
        """IDF of a term in the archive, as if it held ``min_docs`` articles at least."""
        df = self.df
        n, c = (df.n, df.df.get(term, 0)) if df is not None else (0, 0)
        return math.log((max(n, self.p.min_docs) + 1) / (c + 1)) + 1.0

    def _candidates(self, me: Member) -> list[int]:
        """The active members whose actors shared with ``me`` weigh ``min_shared_idf`` in IDF
        (actors held by more than ``max_postings`` members left out), in no set order.

        Each member's shared IDF is summed actor by actor, rarest first (the same floats
        whichever actors the story names first), in C: ``dict.update`` over a postings set,
        which two loops walk in the same order. The IDF of the actors not yet walked bounds
        what a member not met yet can share: once below the threshold, only the members met
        are looked up in the remaining (longer) postings."""
        p, postings = self.p, self.postings
        acts = sorted([(self.idf(t), t, post) for t in me.actors
                       if (post := postings.get(t)) and len(post) <= p.max_postings], key=_IDF_DESC)
        need = p.min_shared_idf
        left = sum(w for w, _t, _post in acts)
        mass: dict[int, float] = {}
        get = mass.get
        for w, _t, post in acts:
            if left < need - 1e-9:  # the bound, less a float's rounding
                post = mass.keys() & post
            left -= w
            mass.update(zip(post, map(add, map(get, post, repeat(0.0)), repeat(w)), strict=True))
        return [m for m, x in mass.items() if x >= need]

    def score(self, m: Member, other: Member) -> float:
        """The score of two members: the weighted cosines over named terms and content words,
        summed in the order of ``m``'s terms."""
        get = other.other.get
        co = sum(map(mul, m.other.values(), map(get, m.other, repeat(0.0))))
        if not m.named:
            return co
        get = other.named.get
        cn = sum(map(mul, m.named.values(), map(get, m.named, repeat(0.0))))
        w = self.p.named_weight
        return w * cn + (1.0 - w) * co

    def add(self, first_day: int, last_day: int, centroid: Mapping[str, float],
            words: Mapping[str, str] | None = None, *, story: int | None = None) -> int:
        """Assign one story (its days, centroid and label words; ``story``: its id, for the
        members kept) to a thread; returns the thread id."""
        self._expire(first_day)
        p, threads = self.p, self.state.threads
        if story is None or story in self.members:  # no id, or one given twice: one of its own
            story = self._anonymous = self._anonymous - 1
        me = Member.of(story, 0, last_day, centroid, p)
        best, best_tid = 0.0, None
        for other in self._candidates(me):
            m = self.members[other]
            sc = self.score(me, m)
            if sc > best or (sc == best and best_tid is not None and m.thread < best_tid):
                best, best_tid = sc, m.thread
        if best_tid is None or best < p.threshold:
            best_tid = self.state.next_id
            self.state.next_id += 1
            threads[best_tid] = Thread(id=best_tid, first_day=first_day, last_day=last_day)
        th = threads[best_tid]
        me.thread = best_tid
        th.members[me.id] = me
        self._enter(me)
        self._absorb(th, centroid, words)
        if first_day >= 0:
            th.first_day = first_day if th.first_day < 0 else min(th.first_day, first_day)
        th.last_day = max(th.last_day, last_day)
        return best_tid

    def _absorb(self, th: Thread, centroid: Mapping[str, float], words: Mapping[str, str] | None) -> None:
        """Add a story's unit centroid to the thread's (its label), pruned to the heaviest terms."""
        vec = _unit(centroid)
        c = th.centroid
        added = list(map(add, map(c.get, vec, repeat(0.0)), vec.values()))
        c.update(zip(vec, added, strict=True))  # new terms after the old ones, in the story's order
        if len(c) > 2 * self.p.centroid_terms:  # prune to the heaviest terms, ties by term
            kept = dict(sorted(c.items(), key=_WEIGHT_TERM, reverse=True)[: self.p.centroid_terms])
            for t in c.keys() - kept.keys():
                th.words.pop(t, None)
            th.centroid = c = kept
        for t, w in (words or {}).items():
            if t in c and t not in th.words:
                th.words[t] = w
        th.stories += 1
        self.touched.add(th.id)
