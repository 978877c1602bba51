"""Threads: stories linked over a longer time by shared actors and topic.

A story is a specific event (Putin and Raisi speak by phone on 2021-09-14); a thread is the
development that such events belong to (Russia–Iran cooperation), months or years long. The
linker works like the story clusterer one level up: stories arrive in order of their first
day (:meth:`ThreadLinker.add`) and join the most similar thread active within
``window_days`` (two years by default), or open a new one.

A story joins a thread when both hold:

* the similarity of the story's centroid with the thread's centroid reaches ``threshold``:
  the cosine over all terms, or — when entity mentions are there — 0.6 × the cosine over
  the named terms (who) + 0.4 × the cosine over the content words (what), and
* they share at least ``min_actors`` *actors*: entity mentions (``e:`` terms) and dateline
  places (``p:``) when the archive has them; otherwise the story's ``actor_terms`` heaviest
  content words stand in for actors (names are what TF-IDF weighs most in a news lead).
  Given the archive's document frequencies, the linker can count as actors only the named
  terms few articles hold (``actor_share``, :func:`rare_named`); that is off by default,
  for what the thread gold showed:

Measured on the labelled pairs of ``threads_dev.jsonl`` / ``threads_test.jsonl``
(:mod:`marsad.eval.threads`, ``marsad eval stories``): three named actors of any kind (the
default) dev P 0.625 R 0.577 F1 0.600, held-out P 0.529 R 0.474 F1 0.500; one actor held by
at most 0.3% of the articles, chosen on dev as the best of the settings tried (dev P 0.824 R
0.538 F1 0.651), held-out P 0.381 R 0.421 F1 0.400 — and on the corpora it put twice as many
stories in threads (32,912 of 45,228 against 16,797), in topic buckets around one rare name
(NASA, Apple, a Tunisian governorate: 214 threads of 20 stories or more against 9). Other
settings on dev: two rare actors P 0.636 R 0.269; 0.1% of articles P 0.684 R 0.500; 1% P
0.667 R 0.615 but threads of 200 stories; two named actors of any kind P 0.667 R 0.385;
folding two threads a story fits both F1 0.47–0.58. The linking is greedy and a pair's fate
depends on the threads formed before it, so a change of one or two pairs on 72 is noise; the
plain TF-IDF cosine of the two articles, deciding each pair alone (no partition; its
threshold chosen on dev, 0.11, passes most pairs of one topic), scores F1 0.735 dev / 0.745
held-out, above every linker setting: what the linker lacks is not a parameter.

Threads with a single story are not shown as threads (:func:`marsad.store.corpus_store`
lists threads of two stories or more).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, itemgetter, mul, truediv
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.corpus.features import DocFreq


@dataclass(frozen=True, slots=True)
class ThreadParams:
    threshold: float = 0.15
    min_actors: int = 3
    window_days: int = 730
    actor_terms: int = 10
    centroid_terms: int = 40
    #: with the archive's document frequencies, a named term is an actor only when at most
    #: this share of the articles hold it … (1: every named term; 0.003 was tried, see above)
    actor_share: float = 1.0
    #: … or at most this many (an archive too small for shares to mean anything)
    actor_min_df: int = 5


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


def rare_named(terms: list[str], df: DocFreq, *, share: float, min_df: int) -> list[str]:
    """The terms (in order) held by at most ``max(share · N, min_df)`` of the ``N`` documents
    ``df`` has counted: the named terms that can tell one development from another."""
    most, counts = max(share * df.n, float(min_df)), df.df
    return [t for t in terms if counts.get(t, 0) <= most]


def actors_of(vec: Mapping[str, float], *, k: int) -> set[str]:
    """Entity and place terms of a vector, or its ``k`` heaviest terms when it has none."""
    named = {t for t in vec if t.startswith(("e:", "p:"))}
    if named:
        return named
    return {t for t, _ in heapq.nlargest(k, vec.items(), key=lambda kv: (kv[1], kv[0]))}


_NAMED = ("e:", "p:")
_WEIGHT_TERM = itemgetter(1, 0)


def split_norms(vec: Mapping[str, float]) -> tuple[float, float, float]:
    """Euclidean norms of a vector over its named terms (``e:``/``p:``), over the rest, and
    over all its terms."""
    n = o = 0.0
    for t, v in vec.items():
        if t.startswith(_NAMED):
            n += v * v
        else:
            o += v * v
    return math.sqrt(n), math.sqrt(o), math.sqrt(sum(v * v for v in vec.values()))


def split_cosines(a: Mapping[str, float], b: Mapping[str, float], na: tuple[float, float, float],
                  nb: tuple[float, float, float], order: Mapping[str, int] | None = None,
                  ) -> tuple[float, float, float]:
    """Cosines of ``a`` and ``b`` over named terms, over the rest and over all terms (``na``,
    ``nb``: their :func:`split_norms`; ``order``: each term of ``a`` → its place in ``a``, when
    the caller has it).

    The products of the shared terms (found in C) are summed in the order of ``a``, so the
    cosines are the same to the last bit whichever vector is the longer."""
    common = a.keys() & b.keys()
    if len(common) > 2:  # two floats add the same either way round
        common = sorted(common, key=(order if order is not None else {t: i for i, t in enumerate(a)}).__getitem__)
    dn = do = da = 0.0
    for t in common:
        p = a[t] * b[t]
        if t.startswith(_NAMED):
            dn += p
        else:
            do += p
        da += p
    out = []
    for dot, x, y in ((dn, na[0], nb[0]), (do, na[1], nb[1]), (da, na[2], nb[2])):
        out.append(dot / (x * y) if dot > 0 and x and y else 0.0)
    return out[0], out[1], out[2]


@dataclass
class Thread:
    id: int
    first_day: int
    last_day: int
    stories: int = 0
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    #: stem → the word as titles write it (for labels)
    words: dict[str, str] = field(default_factory=dict)
    #: :func:`split_norms` of the centroid (``None``: to compute again after a change)
    norms: tuple[float, float, float] | None = field(default=None, repr=False)

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
        batch), which tell rare named terms from common ones; without them every named term
        is an actor."""
        self.p = params or ThreadParams()
        self.df = df
        self.state = state or ThreadState()
        self.postings: dict[str, set[int]] = defaultdict(set)
        for th in self.state.threads.values():
            for t in th.centroid:
                self.postings[t].add(th.id)
        self.closed: list[Thread] = []
        self.touched: set[int] = set()
        self._expired_through = -1
        #: ``(last day, thread id)`` of the active threads, a heap: the ones to close come
        #: first (an entry whose thread has had a later story since is stale and skipped)
        self._by_last: list[tuple[int, int]] = [(th.last_day, th.id) for th in self.state.threads.values()
                                                if th.last_day >= 0]
        heapq.heapify(self._by_last)

    def _expire(self, day: int) -> None:
        # stories arrive in date order: the open threads need looking at once per new day only
        if day < 0 or day <= self._expired_through:
            return
        self._expired_through = day
        cutoff = day - self.p.window_days
        heap, threads = self._by_last, self.state.threads
        while heap and heap[0][0] < cutoff:
            last, tid = heapq.heappop(heap)
            th = threads.get(tid)
            if th is None or th.last_day != last:
                continue
            del threads[tid]
            for t in th.centroid:
                self.postings[t].discard(tid)
            self.closed.append(th)

    def add(self, first_day: int, last_day: int, centroid: Mapping[str, float],
            words: Mapping[str, str] | None = None) -> int:
        """Assign one story (its days, centroid and label words) to a thread; returns the thread id."""
        # a story's centroid has about 40 terms and each is touched a few times here: the
        # passes run in C (map, zip, set operations) where they can, with the same floats
        vals = list(centroid.values())
        norm = math.sqrt(sum(map(mul, vals, vals))) or 1.0
        vec = dict(zip(centroid, map(truediv, vals, repeat(norm)), strict=False))
        self._expire(first_day)
        named_terms = [t for t in vec if t.startswith(_NAMED)]
        named = bool(named_terms)  # actors and topic weigh separately: who, then what
        if not named:
            actors: Collection[str] = actors_of(vec, k=self.p.actor_terms)
        elif self.df is None or self.p.actor_share >= 1.0:
            actors = named_terms
        else:
            actors = rare_named(named_terms, self.df, share=self.p.actor_share, min_df=self.p.actor_min_df)
        threads = self.state.threads
        postings = self.postings
        # a thread sharing ``need`` actors is in one of the ``len(posts) - need + 1`` shortest
        # postings at least: count those (in C), and look the others up for their threads only
        need = max(1, self.p.min_actors)
        posts = sorted((p for t in actors if (p := postings.get(t))), key=len)
        cut = max(0, len(posts) - need + 1)
        cand: Counter[int] = Counter()
        for post in posts[:cut]:
            cand.update(post)
        for post in posts[cut:]:
            cand.update(post & cand.keys())
        best, best_tid = 0.0, None
        vn = order = None
        for tid in [tid for tid, shared in cand.items() if shared >= need]:
            th = threads[tid]
            if th.norms is None:
                th.norms = split_norms(th.centroid)
            if vn is None:
                vn = split_norms(vec)
                order = dict(zip(vec, range(len(vec)), strict=True))
            c_named, c_other, c_all = split_cosines(vec, th.centroid, vn, th.norms, order)
            sc = 0.6 * c_named + 0.4 * c_other if named else c_all
            if sc > best or (sc == best and best_tid is not None and tid < best_tid):
                best, best_tid = sc, tid
        if best_tid is None or best < self.p.threshold:
            best_tid = self.state.next_id
            self.state.next_id += 1
            threads[best_tid] = Thread(id=best_tid, first_day=first_day, last_day=last_day)
        th = threads[best_tid]
        last_before = th.last_day if th.stories else None
        c = th.centroid
        fresh = vec.keys() - c.keys()
        added = list(map(add, map(c.get, vec, repeat(0.0)), vec.values()))
        c.update(zip(vec, added, strict=True))  # new terms after the old ones, in the story's order
        if len(c) > 2 * self.p.centroid_terms:  # prune to the heaviest terms
            # the heaviest terms, ties by term (what heapq.nlargest gives, sorted in C)
            kept = dict(sorted(c.items(), key=_WEIGHT_TERM, reverse=True)[: self.p.centroid_terms])
            gone = c.keys() - kept.keys()
            for t in gone - fresh:
                postings[t].discard(best_tid)
            for t in gone:
                th.words.pop(t, None)
            fresh &= kept.keys()
            th.centroid = c = kept
        for t in fresh:
            postings[t].add(best_tid)
        for t, w in (words or {}).items():
            if t in c and t not in th.words:
                th.words[t] = w
        cv = list(c.values())
        th.norm = math.sqrt(sum(map(mul, cv, cv)))
        th.norms = None
        th.stories += 1
        self.touched.add(best_tid)
        if first_day >= 0:
            th.first_day = first_day if th.first_day < 0 else min(th.first_day, first_day)
        th.last_day = max(th.last_day, last_day)
        if th.last_day >= 0 and th.last_day != last_before:
            heapq.heappush(self._by_last, (th.last_day, best_tid))
        return best_tid
