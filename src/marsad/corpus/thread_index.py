"""The thread linker's index of its active member stories, kept in numpy arrays.

:class:`marsad.corpus.threads.ThreadLinker` compares each story it links with the member
stories that share its actors, and scores them. Both steps read many members a story: a
story's actors hold 360 postings on average (2,200 at the 99th percentile) over the 49,826
stories of the full corpora. Kept as Python sets of member ids and dicts of arrays, the
linker spent most of its time reaching each member's Python objects (one int object a
posting, scattered in memory). Here each active member has a *slot*, a small integer reused
when a member leaves:

* the postings of an actor are the slots of the members holding it, in a numpy buffer of
  their own (appended at the end, a slot removed by moving the last one into its place: the
  order of a posting matters to no result);
* the members' terms (their columns in the linker's dense row) and weights sit in two pooled
  arrays, each member's run in the order of its terms, so the runs of any set of members are
  gathered by index arithmetic (:func:`ranges`), and the pool is compacted when the runs of
  members gone make up half of it;
* ``thread[slot]`` is the thread of the member in the slot.

What the linker decides from these is unchanged: see :meth:`ThreadLinker._candidates` and
:meth:`ThreadLinker._scores`, which read them.
"""

from __future__ import annotations

import numpy as np


def ranges(starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """The concatenated ``arange(start, start + len)`` of each pair, in order."""
    if not len(lens):
        return np.zeros(0, dtype=np.int64)
    before = np.cumsum(lens) - lens
    return np.repeat(starts - before, lens) + np.arange(int(before[-1] + lens[-1]), dtype=np.int64)


class MemberIndex:
    """Slots, postings and pooled term arrays of the active members (see the module docstring)."""

    def __init__(self) -> None:
        #: member id → its slot
        self.slot: dict[int, int] = {}
        self._free: list[int] = []
        self.ids = np.zeros(64, dtype=np.int64)  # slot → member id
        self.thread = np.zeros(64, dtype=np.int64)  # slot → the member's thread
        self._start = np.zeros(64, dtype=np.int64)  # slot → its run in the pool
        self._len = np.zeros(64, dtype=np.int64)
        self.cols = np.zeros(1 << 12, dtype=np.int64)
        self.vals = np.zeros(1 << 12)
        self._used = 0  # the pool's length in use, runs of members gone included
        self._gone = 0  # … of which the runs of members gone
        #: actor → ``[buffer of slots, how many are in use]``
        self._post: dict[str, list] = {}

    def __len__(self) -> int:
        return len(self.slot)

    def enter(self, member: int, thread: int, actors: tuple[str, ...], cols: np.ndarray, vals: np.ndarray) -> None:
        """A member joins: its slot, its run of ``cols``/``vals`` in the pool, its postings."""
        if self._free:
            s = self._free.pop()
        else:
            s = len(self.slot)
            if s == len(self.ids):
                self.ids, self.thread, self._start, self._len = (
                    np.concatenate((a, np.zeros_like(a))) for a in (self.ids, self.thread, self._start, self._len))
        self.slot[member] = s
        self.ids[s], self.thread[s] = member, thread
        k = len(cols)
        if self._used + k > len(self.cols):
            self._make_room(k)
        self.cols[self._used : self._used + k] = cols
        self.vals[self._used : self._used + k] = vals
        self._start[s], self._len[s] = self._used, k
        self._used += k
        post = self._post
        for t in actors:
            got = post.get(t)
            if got is None:
                post[t] = [np.full(4, s, dtype=np.int64), 1]
                continue
            buf, n = got
            if n == len(buf):
                buf = got[0] = np.concatenate((buf, np.empty(n, dtype=np.int64)))
            buf[n] = s
            got[1] = n + 1

    def leave(self, member: int, actors: tuple[str, ...]) -> None:
        """A member leaves: out of its actors' postings, its run left to the next compaction,
        its slot free."""
        s = self.slot.pop(member)
        post = self._post
        for t in actors:
            got = post[t]
            buf, n = got
            n -= 1
            if n == 0:
                del post[t]
                continue
            buf[int(np.flatnonzero(buf[: n + 1] == s)[0])] = buf[n]
            got[1] = n
        self._gone += int(self._len[s])
        self._len[s] = 0
        self._free.append(s)

    def posting(self, actor: str) -> np.ndarray | None:
        """The slots of the members holding ``actor`` (``None``: none)."""
        got = self._post.get(actor)
        return None if got is None else got[0][: got[1]]

    def runs(self, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The pool positions of the runs of ``slots``, concatenated in order, and their lengths."""
        lens = self._len[slots]
        return ranges(self._start[slots], lens), lens

    def postings(self) -> dict[str, set[int]]:
        """Actor → the ids of the active members holding it (for inspection)."""
        return {t: set(self.ids[buf[:n]].tolist()) for t, (buf, n) in self._post.items()}

    def _make_room(self, k: int) -> None:
        """Compact the pool when the runs of members gone are half of it or more; grow it when
        it is still short of ``k`` free places."""
        if self._gone * 2 >= self._used:
            live = np.array(sorted(self.slot.values()), dtype=np.int64)
            idx, lens = self.runs(live)
            self.cols[: len(idx)] = self.cols[idx]
            self.vals[: len(idx)] = self.vals[idx]
            self._start[live] = np.cumsum(lens) - lens
            self._used, self._gone = len(idx), 0
        if self._used + k > len(self.cols):
            size = max(2 * len(self.cols), self._used + k)
            self.cols = np.concatenate((self.cols[: self._used], np.zeros(size - self._used, dtype=np.int64)))
            self.vals = np.concatenate((self.vals[: self._used], np.zeros(size - self._used)))
