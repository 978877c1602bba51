"""Threads: stories linked over a longer time by shared actors and topic.

A story is a specific event (Putin and Raisi speak by phone on 2021-09-14); a thread is the
development that such events belong to (Russia–Iran cooperation), months or years long. The
linker works like the story clusterer one level up: stories arrive in the order they close
(:meth:`ThreadLinker.add`) and join a thread or open a new one. A thread keeps its *member
stories* (:class:`Member`: each story's named terms and its 40 heaviest content words, two
unit vectors) while their last day is within ``window_days`` (two years); a story is compared
with the members, not with one centroid summing months of stories. A member's named terms are
its centroid's; its content words are its *thread vector*'s
(:attr:`marsad.corpus.story_record.Story.body`: the sum of its articles' TF-IDF vectors of
the content words of the title, the lead and the rest of the whole clean text,
:func:`marsad.corpus.features.body_vector`), or its centroid's for a story without one. A
member *fits* the story when both hold:

* the actors they share weigh ``min_shared_idf`` (12) in IDF over the archive's articles
  (actors: the entity keys ``e:``; for a story without them its ``actor_terms`` heaviest
  content words): two actors held by at most some 500 of the 72,716
  articles of the corpora (IDF 6 each), or three held by 3,600 (IDF 4); actors held by more
  than ``max_postings`` (800) active members (a country in the news every day) are not looked
  up, and
* their score — 0.3 × the cosine of the named terms + 0.7 × the cosine of the content words
  (dates mentioned and title places left out) — reaches ``threshold`` (0.25).

Dateline places (``p:``) are neither named terms nor actors: the place a dateline or an author
field gives is often the newsroom, not the event's (a Mosul story filed from عرعر, Sky News
Arabia's أبوظبي on 13,708 articles), and two reports of one development filed from two places
part (docs/stories.md § Threads, "Dateline places").

A member that shares no such actors fits by a second route, its words: when one of its
``word_actors`` (five) heaviest content words is one of the story's and their score reaches
``word_threshold`` (0.55) — two reports of one development whose people are keyed apart
(two spellings of one name) or not named alike (a club's squad, not the club), at a score that
stories sharing only a topic seldom reach (:meth:`ThreadLinker._word_candidates`; the words
are posted as ``w:`` + word beside the actors).

Of the threads with a member that fits, the story joins the one whose ``join_members`` (two)
closest members sharing its actors score best on average (a thread with one such member: its
score), :meth:`ThreadLinker._best_thread`; none fits: it opens a thread. A front covered by
parallel threads (the Yemen front in five), or two overlapping developments, offer a story
several threads: the one where its closest member stands alone, beside members far from it,
gives way to one where two members agree.

The members sharing actors are found through postings of the actors, and their shared IDF summed,
in numpy arrays (:meth:`ThreadLinker._candidates`, :mod:`marsad.corpus.thread_index`).
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
* members, IDF 20, score 0.15 (the default before thread vectors): 0.682 / 0.577 / **0.625**; 135, 330, 17,838
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

Thread vectors (the members' content words from their articles' whole clean text; in these
runs computed apart from each article's whole clean text and each story's sum pruned once, at
the end), on the stories of the analysis of 3 Dec (the linker above gives 0.667 / 0.538 /
0.596 on them; 134, 325, 17,948):

* the rule above with thread vectors: 0.652 / 0.577 / 0.612 (150, 343, 18,861); IDF 15 0.667
  (206, 410, 25,986); weighed with the full texts' own document frequencies instead of the
  story features' 0.612 and 0.643. Deciding each dev pair alone, the thread vectors' words
  give 0.759 at their best threshold (the centroids' words 0.636, the named terms 0.645),
  0.3 × named + 0.7 × words 0.767 — but only 0.565 among the pairs whose actors share IDF 20
  (recall 0.5): the actor condition, not the score, held recall down; IDF 10: 0.741.
* the 20 heaviest words of the thread vector as actors too (named weight 0.3, score 0.25):
  IDF 15 0.717 (234 threads of 20+), 20 0.706 (218), 30 0.667 (181), 40 0.591 (122); score
  0.3 at IDF 20 0.565; with four rare actors at score 0.1 0.692 — and 4.3 times the linking
  CPU (the words' postings bring many more candidates): dropped.
* **thread vectors, named weight 0.3, IDF 12, score 0.25, or 0.1 at IDF 40 (default)**:
  0.760 in these runs (146, 330, 20,449); without the IDF-40 rule the same dev pairs (139,
  329, 19,994): it is there for the seed thread (``test_seeds_are_two_stories_of_one_thread``:
  a two-article archive has no IDF to tell words apart; the seeds share five actors, 45.6,
  and score 0.114). Neighbours: IDF 10 0.745 (149, 338, 21,752); score 0.2 0.745 (197, 430,
  23,866), 0.3 0.622 (84, 281, 15,912); named weight 0.2 0.735 (139, 341), 0.4 0.694 (166,
  340). Score 0.25 and named weight 0.3 came from the runs with word actors and IDF 12 from 10
  against 12; the other neighbours were tried after the choice, and it was kept.
  ``marsad eval stories`` on the stories of the analysis of main ``40aea52`` (46,960): dev
  0.783 / 0.692 / **0.735** (the TF-IDF baseline 0.735), held-out 0.846 / 0.579 / **0.688**
  (baseline 0.745); 144 threads of 20+, the biggest 344, 20,414 stories in 3,939 threads. Its
  thread vectors keep the source's template words, as the runs above did: left out, as the
  clusterer's vectors leave them, dev fell to 0.591 (held-out 0.462, 120, 203, 18,101).

The biggest threads of the default are developments named by their actors: the Korean
summits (330 stories), Gaza (230), Afrin and Idlib (165), the Houthis (128; their missiles at
the kingdom 104, Hodeidah 90), the Skripal poisoning (122), Eastern Ghouta (97), Iran and
Israel (90), the Iran deal (88); Argentina's World Cup (132) and Liverpool and Salah's season
(107) are the nearest to topic buckets.

Folding the threads a story fits into one (as the clusterer folds stories), tried on dev on the
stories of main ``6da9cb8`` (0.735): every thread it scores 0.25 with 0.727 (biggest thread
14,476 stories), 0.35 0.755 (biggest 6,570): topic buckets; with the two threads' centroids at
cosine 0.3–0.5 as a guard no dev pair is gained (0.735, biggest 356–375). Dropped; the unlinked
dev pairs are classified in docs/stories.md.

Chosen on dev and the second dev split ``threads_dev2.jsonl`` together (3 Dec, threads8): the
figures, the joins tried and dropped, and the held-out reading are in ``docs/stories.md``
(§ Threads, "A story that fits several threads …"). The words' route was chosen on dev, dev2
and a third dev split ``threads_dev3.jsonl`` together (3 Dec, threads9; § Threads, "A second
route, by the words").

Threads with a single story are not shown as threads (:func:`marsad.store.corpus_store`
lists threads of two stories or more).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress, filterfalse, islice, repeat
from operator import add, methodcaller, mul, truediv

import numpy as np

from marsad.corpus.features import DocFreq
from marsad.corpus.story_record import (
    display_word,
    heaviest,
    iter_label_words,
    label_words,
    shorter_spelling,
)
from marsad.corpus.thread_index import MemberIndex
from marsad.text.normalize import normalize


@dataclass(frozen=True, slots=True)
class ThreadParams:
    """What links a story to a thread (the figures each was chosen on: module docstring)."""

    #: the score with the closest member story a story needs to join its thread
    threshold: float = 0.25
    #: … and the IDF its actors share with that member must sum to this (about two actors
    #: a few hundred articles hold, or three held by a few thousand)
    min_shared_idf: float = 12.0
    #: the score is this × the cosine over the named terms + the rest × the cosine over the
    #: content words (a story without named terms: the content cosine alone)
    named_weight: float = 0.3
    #: … or ``strong_threshold`` when the actors they share weigh this much (four rare
    #: actors; 0: never): stories naming the same people, bodies and places, whatever words
    #: their texts use (in an archive too young for its IDF to tell words apart, the words
    #: of two reports of one development agree little)
    strong_idf: float = 40.0
    strong_threshold: float = 0.1
    #: … or, for a member that shares no such actors with the story, ``word_threshold`` when
    #: one of its ``word_actors`` heaviest content words is one of the story's (0: never): a
    #: second route, by the words, for two reports of one development whose actors do not
    #: meet — names spelt or keyed apart (سكريبال), a club's squad named without the club —
    #: at a score few stories of one topic reach
    word_actors: int = 5
    word_threshold: float = 0.55
    #: a member story is compared until this many days after its last day
    window_days: int = 730
    #: a story without named terms has its this many heaviest content words as actors
    actor_terms: int = 10
    #: the content words of a member story kept for the comparison (its heaviest)
    member_terms: int = 40
    #: actors held by more active member stories than this are not looked up (a country in
    #: the news every day: its IDF is small, and its postings are long)
    max_postings: int = 800
    #: a story that fits several threads (parallel threads of one front, overlapping
    #: developments) joins the one whose this many closest candidate members score best on
    #: average, of the threads with a member reaching the threshold (1: the thread of the
    #: closest member)
    join_members: int = 2
    #: IDF is computed as if the archive held at least this many articles: in a young
    #: archive every actor is rare (two articles: an actor both hold has IDF 1 otherwise)
    min_docs: int = 10_000
    #: the terms a thread's centroid keeps (its label)
    centroid_terms: int = 40


#: the named terms a member compares and its actors: entity keys (not dateline places, ``p:``)
_NAMED = ("e:",)
#: the key a member's heaviest content word is posted under (no content word holds a colon)
WORD = "w:"
_has_colon = methodcaller("__contains__", ":")
_IDF_DESC = lambda a: (-a[0], a[1])  # noqa: E731  (IDF, term, postings): rarest first, ties by term
_NO_SLOTS, _NO_SUMS = np.zeros(0, dtype=np.int64), np.zeros(0)


def _unit(vec: Mapping[str, float]) -> dict[str, float]:
    vals = list(vec.values())
    norm = math.sqrt(sum(map(mul, vals, vals))) or 1.0
    return dict(zip(vec, map(truediv, vals, repeat(norm)), strict=True))


@dataclass(slots=True)
class Member:
    """A story as its thread keeps it for comparison: its named terms (``e:``) and its
    ``member_terms`` heaviest content words, each part a unit vector, and its actors."""

    id: int
    thread: int
    last_day: int
    named: dict[str, float]
    other: dict[str, float]
    actors: tuple[str, ...] = ()
    #: its ``word_actors`` heaviest content words (the second route, :meth:`ThreadLinker._word_candidates`)
    words: tuple[str, ...] = ()

    @classmethod
    def of(cls, sid: int, thread: int, last_day: int, centroid: Mapping[str, float], p: ThreadParams, *,
           body: Mapping[str, float] | None = None) -> Member:
        """A story's member record: its named terms from its centroid, its content words from
        its thread vector ``body`` (:attr:`marsad.corpus.story_record.Story.body`: the
        members' whole clean text) when it has one, else from the centroid. Dates mentioned
        (``t:``) and title places (``g:``/``c:``) are left out: stories of one development are
        weeks apart and name other dates; so are dateline places (``p:``, the module docstring)."""
        keys = list(centroid)
        named = {t: centroid[t] for t in compress(keys, map(str.startswith, keys, repeat(_NAMED)))}
        words = body or centroid
        other = {t: words[t] for t in filterfalse(_has_colon, words)}
        if len(other) > p.member_terms:
            other = heaviest(other, p.member_terms)
        return cls.restore(sid, thread, last_day, _unit(named), _unit(other), p)

    @classmethod
    def restore(cls, sid: int, thread: int, last_day: int, named: dict[str, float], other: dict[str, float],
                p: ThreadParams) -> Member:
        """A member from its stored unit vectors (the actors and words are derived from them).
        Named terms stored when dateline places were among them are left out, and the rest
        made a unit vector again, as :meth:`of` would make it now."""
        if named and not all(map(str.startswith, named, repeat(_NAMED))):
            named = _unit({t: w for t, w in named.items() if t.startswith(_NAMED)})
        if named:
            actors = tuple(named)
        else:
            actors = tuple(heaviest(other, p.actor_terms))
        words = tuple(heaviest(other, p.word_actors)) if p.word_actors else ()
        return cls(sid, thread, last_day, named, other, actors, words)

    def keys(self) -> tuple[str, ...]:
        """What the member is posted under: its actors, and its words as ``w:`` + word."""
        return self.actors + tuple(map(WORD.__add__, self.words))

    def to_state(self) -> list[object]:
        return [self.id, self.last_day, self.named, self.other]


@dataclass
class Thread:
    id: int
    first_day: int
    last_day: int
    stories: int = 0
    centroid: dict[str, float] = field(default_factory=dict)
    #: stem → the word as titles write it, without a proclitic when one title writes it so
    #: (:func:`_better_spelling`): for labels
    words: dict[str, str] = field(default_factory=dict)
    #: its member stories still compared (last day within the window), by story id
    members: dict[int, Member] = field(default_factory=dict, repr=False)

    def label(self, k: int = 8) -> list[str]:
        """The ``k`` heaviest content words of the centroid that titles write, as a story's label
        takes them (:func:`~marsad.corpus.story_record.label_words`: no stem no title wrote, no
        figure, no function word or particle of a name), each without its proclitics
        (:func:`~marsad.corpus.story_record.display_word`; the names it knows are the words of
        the centroid's entity keys), and read as titles (:func:`readable`: ولي العهد whole, where
        its two words are both among the centroid's)."""
        names = {w for t in self.centroid if t.startswith("e:") for w in t.partition(":")[2].partition(":")[2].split()}
        more = iter_label_words(self.centroid, self.words, shown=lambda w: display_word(w, names))
        taken = list(islice(more, k))
        out = readable(taken)
        while len(out) < k:  # a title took two words, or ولي stood alone: the next word's place
            nxt = next(more, None)
            if nxt is None:
                break
            taken.append(nxt)
            out = readable(taken)
        return out[:k] or label_words(self.centroid, self.words, k)


def _better_spelling(word: str, held: str | None) -> bool:
    """Whether a thread labels a stem by ``word`` rather than ``held``: ``held`` is ``word`` after
    a proclitic (:func:`~marsad.corpus.story_record.shorter_spelling`: ومرسيليا، لأميركا،
    بمستشفى give way to مرسيليا، أميركا، مستشفى), but not after the article, which the label
    keeps (الحكومة، الوفد, though a story's title writes حكومة، وفد)."""
    return shorter_spelling(word, held) and (held is None or not display_word(held).startswith("ال"))


#: two-word titles a label shows whole: (first word, the second's spellings) → the title
TITLES = {("ولي", ("عهد", "العهد")): "ولي العهد"}


def readable(words: list[str]) -> list[str]:
    """Label words as a reader recognises them: a two-word title (:data:`TITLES`, ولي العهد)
    whole, in the place of its first word, when both words are among them (its first word
    alone is left out: ولي is no word of the thread by itself). Words are compared
    :func:`~marsad.text.normalize.normalize`-d."""
    norm = [normalize(w) for w in words]
    shown = list(words)
    drop: set[int] = set()
    for (first, seconds), title in TITLES.items():
        firsts = [i for i, n in enumerate(norm) if n == first]
        if not firsts:
            continue
        drop.update(firsts)
        pair = [i for i, n in enumerate(norm) if n in seconds]
        if pair:
            drop.update(pair)
            at = min(firsts[0], pair[0])
            shown[at] = title
            drop.discard(at)
    return list(dict.fromkeys(w for i, w in enumerate(shown) if i not in drop))


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
        self.df = df if df is not None else DocFreq()
        self.state = state or ThreadState()
        #: the active members' slots, postings and term arrays (:mod:`marsad.corpus.thread_index`)
        self.index = MemberIndex()
        self.members: dict[int, Member] = {}
        self.closed: list[Thread] = []
        self.touched: set[int] = set()
        self._expired_through = -1
        #: ``(last day, story id)`` of the active members, a heap: the ones to drop come first
        self._by_last: list[tuple[int, int]] = []
        #: ids given to the members of stories added without one (below every stored id)
        self._anonymous = 0
        #: story id → the id of the thread it was shown in, one opened by the stories still
        #: open at the end of the run before (:func:`marsad.corpus.story_stage._link_open`):
        #: the thread such a story opens takes that id, so a link to the thread shown stays good
        self.reserved: dict[int, int] = {}
        #: term → its column in the arrays the members are scored by (:meth:`_scores`)
        self._column: dict[str, int] = {}
        #: the story being linked, its weights scattered by column (zero elsewhere)
        self._dense = np.zeros(1 << 16)
        for th in self.state.threads.values():
            for m in th.members.values():
                m.thread = th.id
                self._anonymous = min(self._anonymous, m.id)
                self._enter(m)

    def _columns(self, terms: list[str]) -> np.ndarray:
        """The terms' columns; a term not seen before takes the next one."""
        col = self._column
        ids = list(map(col.get, terms))  # in C; the few new terms below
        if None in ids:
            for i in [i for i, c in enumerate(ids) if c is None]:
                ids[i] = col.setdefault(terms[i], len(col))
        return np.array(ids, dtype=np.int64)

    def _arrays_of(self, m: Member) -> tuple[np.ndarray, np.ndarray]:
        """A member's terms' columns and weights, named terms first."""
        return (self._columns([*m.named, *m.other]),
                np.fromiter([*m.named.values(), *m.other.values()], dtype=np.float64))

    @property
    def postings(self) -> dict[str, set[int]]:
        """Actor (or ``w:`` + one of the heaviest words, :meth:`Member.keys`) → the ids of the
        active member stories that hold it."""
        return self.index.postings()

    def _enter(self, m: Member, arrays: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.members[m.id] = m
        self.index.enter(m.id, m.thread, m.keys(), *(arrays or self._arrays_of(m)))
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
            self.index.leave(sid, m.keys())
            th = threads[m.thread]
            del th.members[sid]
            if not th.members:
                del threads[th.id]
                self.closed.append(th)

    def idf(self, term: str) -> float:
        """IDF of a term in the archive, as if it held ``min_docs`` articles at least."""
        return self.df.idf(term, min_n=self.p.min_docs)

    def _candidates(self, me: Member) -> tuple[np.ndarray, np.ndarray]:
        """The active members whose actors shared with ``me`` weigh ``min_shared_idf`` in IDF
        (actors held by more than ``max_postings`` members left out), and those IDF sums:
        ``(slots, sums)`` (:class:`~marsad.corpus.thread_index.MemberIndex`), in the order of
        the slots.

        The postings of the actors are read into one array, rarest actor first, and each
        member's shared IDF summed over it in that order (``np.bincount`` adds a member's
        weights in the order they come): the same floats whichever actors the story names
        first, and the same as adding them member by member in a dict (the linker before).
        When all the actors together cannot reach the threshold, no member can."""
        p, index = self.p, self.index
        acts = sorted([(self.idf(t), t, post) for t in me.actors
                       if (post := index.posting(t)) is not None and len(post) <= p.max_postings], key=_IDF_DESC)
        need = p.min_shared_idf
        if not acts or sum(w for w, _t, _post in acts) < need - 1e-9:  # the bound, less a float's rounding
            return _NO_SLOTS, _NO_SUMS
        slots, at = np.unique(np.concatenate([post for _w, _t, post in acts]), return_inverse=True)
        weights = np.repeat([w for w, _t, _post in acts], [len(post) for _w, _t, post in acts])
        sums = np.bincount(at, weights=weights, minlength=len(slots))
        keep = sums >= need
        return slots[keep], sums[keep]

    def _word_candidates(self, me: Member, slots: np.ndarray) -> np.ndarray:
        """The active members, not in ``slots`` (the ones sharing actors), one of whose
        ``word_actors`` heaviest content words is one of ``me``'s (words held by more than
        ``max_postings`` members left out), in the order of their slots."""
        p, index = self.p, self.index
        posts = [post for w in me.words
                 if (post := index.posting(WORD + w)) is not None and len(post) <= p.max_postings]
        if not posts:
            return _NO_SLOTS
        found = np.unique(np.concatenate(posts)) if len(posts) > 1 else np.sort(posts[0])
        return found[~np.isin(found, slots)] if len(slots) else found

    def score(self, m: Member, other: Member) -> float:
        """The score of two members: the weighted cosines over named terms and content words.
        Each cosine sums the products of the terms both hold only (the intersection of the
        two dicts' keys, walked in C), exactly (``math.fsum``: the same float in whatever order
        the set gives them); a member's 40 words share a handful with another's, so this is a
        third of the cost of looking each of them up."""
        a, b = m.other, other.other
        both = a.keys() & b.keys()
        co = math.fsum(map(mul, map(a.__getitem__, both), map(b.__getitem__, both)))
        if not m.named:
            return co
        a, b = m.named, other.named
        both = a.keys() & b.keys()
        cn = math.fsum(map(mul, map(a.__getitem__, both), map(b.__getitem__, both)))
        w = self.p.named_weight
        return w * cn + (1.0 - w) * co

    def _scores(self, me: Member, slots: np.ndarray, arrays: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
        """:meth:`score` of ``me`` with each of the members in ``slots``, all at once: ``me``'s
        weights (the named terms' times ``named_weight``, the content words' times the rest;
        the words' alone when it names none) are scattered into a dense row by column, each
        member's terms gather from it, and the products are summed member by member, in the
        order of its terms (``np.bincount``). The same scores as :meth:`score` but for the
        last bits of their floats (``test_the_linker_scores_members_as_score_does``)."""
        if not len(slots):
            return np.zeros(0)
        w = self.p.named_weight if me.named else 0.0
        cols, vals = arrays or self._arrays_of(me)
        dense = self._dense
        if len(self._column) > len(dense):
            self._dense = dense = np.zeros(2 * len(self._column))
        named = len(me.named)
        dense[cols[:named]] = vals[:named] * w
        dense[cols[named:]] = vals[named:] * (1.0 - w)
        index = self.index
        at, lens = index.runs(slots)
        seg = np.repeat(np.arange(len(slots)), lens)
        out = np.bincount(seg, weights=dense[index.cols[at]] * index.vals[at], minlength=len(slots))
        dense[cols] = 0.0
        return out

    def add(self, first_day: int, last_day: int, centroid: Mapping[str, float],
            words: Mapping[str, str] | None = None, *, story: int | None = None,
            body: Mapping[str, float] | None = None) -> int:
        """Assign one story (its days, centroid and label words; ``story``: its id, for the
        members kept; ``body``: its thread vector, whose words it is compared by when given)
        to a thread; returns the thread id."""
        self._expire(first_day)
        p, threads = self.p, self.state.threads
        if story is None or story in self.members:  # no id, or one given twice: one of its own
            story = self._anonymous = self._anonymous - 1
        me = Member.of(story, 0, last_day, centroid, p, body=body)
        best_tid = None
        slots, shared = self._candidates(me)
        by_words = self._word_candidates(me, slots)
        arrays = self._arrays_of(me)
        if len(slots) or len(by_words):
            # the members that reach their threshold (``strong_threshold`` when the actors
            # shared weigh ``strong_idf``; ``word_threshold`` for the ones reached by words)
            every = np.concatenate((slots, by_words))
            sc = self._scores(me, every, arrays)
            need = np.concatenate((np.where(shared < (p.strong_idf or math.inf), p.threshold, p.strong_threshold),
                                   np.full(len(by_words), p.word_threshold)))
            ok = (sc > 0.0) & (sc >= need)
            if ok.any():
                best_tid = self._best_thread(self.index.thread[every], sc, ok)
        if best_tid is None:
            best_tid = self._new_id(story)
            threads[best_tid] = Thread(id=best_tid, first_day=first_day, last_day=last_day)
        th = threads[best_tid]
        me.thread = best_tid
        th.members[me.id] = me
        self._enter(me, arrays)
        self._absorb(th, centroid, words)
        if first_day >= 0:
            th.first_day = first_day if th.first_day < 0 else min(th.first_day, first_day)
        th.last_day = max(th.last_day, last_day)
        return best_tid

    def _best_thread(self, thread: np.ndarray, sc: np.ndarray, ok: np.ndarray) -> int:
        """The thread a story joins, given its candidate members' threads ``thread``, scores
        ``sc`` and which of them reach their threshold ``ok``: of the threads with a member in
        ``ok``, the one whose ``join_members`` closest candidates score best on average (a thread
        with fewer candidates: the mean of its own), the lowest thread id among equals. With
        ``join_members`` 1, the thread of the closest member.

        The members of each thread are sorted by thread, then by score, highest first
        (``np.lexsort``); the first ``join_members`` of each run are summed (``np.bincount``,
        in that order) and divided by their number."""
        k = self.p.join_members
        fits = thread[ok]
        if k <= 1 or (fits == fits[0]).all():  # one thread fits (most stories): no choice to make
            best = sc[ok].max()
            return int(thread[ok & (sc == best)].min())
        keep = np.isin(thread, fits)
        th, s = thread[keep], sc[keep]
        order = np.lexsort((-s, th))
        th, s = th[order], s[order]
        starts = np.flatnonzero(np.r_[True, th[1:] != th[:-1]])
        counts = np.diff(np.r_[starts, len(th)])
        run = np.repeat(np.arange(len(starts)), counts)
        top = np.arange(len(th)) - starts[run] < k
        mean = np.bincount(run[top], weights=s[top], minlength=len(starts)) / np.minimum(counts, k)
        return int(th[starts][mean == mean.max()].min())

    def _new_id(self, story: int) -> int:
        """The id of the thread ``story`` opens: the one reserved for it (:attr:`reserved`) when
        no thread holds it, which the other stories it was reserved for then lose; else the
        next one."""
        tid = self.reserved.pop(story, None)
        if tid is not None and tid not in self.state.threads:
            self.reserved = {s: t for s, t in self.reserved.items() if t != tid}
            return tid
        tid = self.state.next_id
        self.state.next_id += 1
        return tid

    def _absorb(self, th: Thread, centroid: Mapping[str, float], words: Mapping[str, str] | None) -> None:
        """Add a story's unit centroid to the thread's (its label), pruned to the heaviest terms."""
        vec = _unit(centroid)
        c = th.centroid
        added = list(map(add, map(c.get, vec, repeat(0.0)), vec.values()))
        c.update(zip(vec, added, strict=True))  # new terms after the old ones, in the story's order
        if len(c) > 2 * self.p.centroid_terms:  # prune to the heaviest terms, as stories do
            kept = heaviest(c, self.p.centroid_terms)
            for t in c.keys() - kept.keys():
                th.words.pop(t, None)
            th.centroid = c = kept
        for t, w in (words or {}).items():
            if t in c and _better_spelling(w, th.words.get(t)):
                th.words[t] = w
        th.stories += 1
        self.touched.add(th.id)
