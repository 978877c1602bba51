"""Which of an entity registry's candidates a new name can score above zero with: a test of
many candidates at once that keeps every one :meth:`EntityRegistry._score
<marsad.corpus.registry.EntityRegistry._score>` might link, and drops most of the others.

A new key is scored against each entity of its blocks (the entities sharing a word's
skeleton, :func:`~marsad.corpus.registry.block_keys`): on the full corpora some 14 million
candidates for 140,000 keys, of which 52,000 pass the name part of the score — the rest end
at zero on the names alone. :func:`may_match` tests the names of a key's candidates with
rapidfuzz's ``cdist`` (the same scorers, in C, over the whole list) against conditions every
candidate that passes the name part meets:

* a place, an organisation, a group or another kind (not a person): the same skeleton, or a
  ``fuzz.ratio`` of the skeletons of at least 0.9 (tested at ``RATIO_FLOOR``, 89, below it);
* a person: the same skeleton, or the two names' words (``abd_joined``) near where
  :func:`~marsad.corpus.registry._person_similarity` compares them — every one of its
  non-zero answers needs one word of each within one edit (:func:`~marsad.corpus.registry._near`
  is never true beyond one): the first words; or a name of one word and the other's last
  word; and two full names of one length (neither cut before a father's name) their last
  words too.

The candidates kept are scored as before, in the same order: the same entity, score and
evidence for every key (a property test holds :func:`may_match` to the scorer).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from marsad.enrich.entities.lexicon import NASAB, abd_joined

#: below this many candidates a key's candidates are scored one by one (``cdist`` costs a few
#: microseconds to start)
FEW = 12

#: the ``fuzz.ratio`` (0–100) of two skeletons below which no name other than a person's links
#: (the score asks 90: one point below it, whatever the rounding)
RATIO_FLOOR = 89.0


class NameKeys:
    """What the test reads of each name, computed once a name (a dict kept by the registry for
    the life of one :class:`~marsad.corpus.registry.EntityRegistry`); ``skeletons`` gives a
    name's word skeletons (:func:`~marsad.corpus.registry.name_skeleton`)."""

    def __init__(self, skeletons: Callable[[str], tuple[str, ...]]) -> None:
        self.of: dict[str, tuple[str, str, str, int, bool]] = {}
        self.skeletons = skeletons

    def __call__(self, name: str) -> tuple[str, str, str, int, bool]:
        """``(skeletons joined by spaces, first word, last word, words, cut before a father's
        name)`` of a name (its words as the person score reads them: ``abd_joined``)."""
        got = self.of.get(name)
        if got is None:
            words = abd_joined(name.split())
            got = self.of[name] = (" ".join(self.skeletons(name)), words[0] if words else "",
                                   words[-1] if words else "", len(words), bool(words) and words[-1] in NASAB)
        return got

    def many(self, names: Sequence[str]) -> list[tuple[str, str, str, int, bool]]:
        of = self.of
        return [of[n] if n in of else self(n) for n in names]


class BlockNames:
    """One block of the registry's index (its entities of one type that share one skeleton) in
    the order they joined, and what :func:`may_match` reads of the name each is compared by
    (``match``, which does not change while the entity is in the index), read when the block is
    first tested and for the members that joined since: a key's candidates are tested block by
    block, without a Python object per candidate."""

    __slots__ = ("ids", "skel", "first", "last", "n", "cut")

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.skel: list[str] = []
        self.first: list[str] = []
        self.last: list[str] = []
        self.n: list[int] = []
        self.cut: list[bool] = []

    def __len__(self) -> int:
        return len(self.ids)

    def kept(self, typ: str, mine: tuple[str, str, str, int, bool],
             key_of: Callable[[int], tuple[str, str, str, int, bool]]) -> list[int]:
        """The ids of the members a name (``mine``, from :class:`NameKeys`) may score above zero
        with; ``key_of`` gives a member's :class:`NameKeys` tuple by its id."""
        for eid in self.ids[len(self.skel) :]:
            k = key_of(eid)
            self.skel.append(k[0])
            self.first.append(k[1])
            self.last.append(k[2])
            self.n.append(k[3])
            self.cut.append(k[4])
        keep = _mask(typ, mine, self.skel, self.first, self.last, np.array(self.n, dtype=np.int64),
                     np.array(self.cut, dtype=bool))
        return np.array(self.ids, dtype=np.int64)[keep].tolist()


def may_match(typ: str, name: str, theirs: Sequence[str], keys: NameKeys) -> np.ndarray:
    """For each of ``theirs`` (the names candidates are compared with), whether ``name`` of type
    ``typ`` may score above zero with it (``False``: the score is zero on the names alone)."""
    got = keys.many(theirs)
    return _mask(typ, keys(name), [g[0] for g in got], [g[1] for g in got], [g[2] for g in got],
                 np.array([g[3] for g in got], dtype=np.int64), np.array([g[4] for g in got], dtype=bool))


def _mask(typ: str, mine: tuple[str, str, str, int, bool], skel: Sequence[str], first: Sequence[str],
          last: Sequence[str], n: np.ndarray, cut: np.ndarray) -> np.ndarray:
    if typ != "PER":  # the same skeleton has a ratio of 100
        return process.cdist([mine[0]], skel, scorer=fuzz.ratio, score_cutoff=RATIO_FLOOR)[0] >= RATIO_FLOOR
    same = process.cdist([mine[0]], skel, scorer=Levenshtein.distance, score_cutoff=0)[0] == 0
    if not mine[3]:
        return same
    d_first = process.cdist([mine[1], mine[2]], first, scorer=Levenshtein.distance, score_cutoff=1)
    d_last = process.cdist([mine[1], mine[2]], last, scorer=Levenshtein.distance, score_cutoff=1)
    firsts = d_first[0] <= 1
    # two full names of one length, neither cut before a father's name: their last words too
    if not mine[4] and mine[3] >= 2:
        firsts &= (n != mine[3]) | cut | (d_last[1] <= 1)
    # a name of one word: the other's last word (mine alone, or theirs alone)
    alone = (d_last[0] <= 1) if mine[3] == 1 else np.zeros(len(n), dtype=bool)
    alone |= (n == 1) & (d_first[1] <= 1)
    return same | ((n > 0) & (firsts | alone))
