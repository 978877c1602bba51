"""Thread linking of the stories ``marsad update`` closes, beside the clustering.

A story is linked to a thread once (:class:`marsad.corpus.threads.ThreadLinker`), in the order
the clusterer closes stories, and nothing the clusterer decides depends on the thread a story
joins: the clustering hands the closed stories over (days, centroid, label words, thread
vector) as it closes them, and their links are written with the batch that closed them.

A forked linking process was tried (fed through a queue, links written at the end of the run):
the same threads and links, but on two cores it made the stage slower, and links written only
at the end of a run are lost for the stories of the batches a stopped run had committed (closed
stories are not loaded again); it was taken out.
"""

from __future__ import annotations

from typing import Any

import orjson

from marsad.corpus.story_record import Story
from marsad.corpus.threads import Member, Thread, ThreadLinker, ThreadParams


def thread_rows(linker: ThreadLinker, iso_day: Any) -> list[tuple[Any, ...]]:
    """Rows of the threads changed since the last call (closed or touched), for
    :meth:`marsad.store.corpus_store.CorpusStore.save_threads`; clears what it reports."""
    rows = []
    closed_ids = {th.id for th in linker.closed}
    for th in list(linker.closed) + list(linker.state.threads.values()):
        if th.id not in linker.touched and th.id not in closed_ids:
            continue
        act = th.id in linker.state.threads
        label = th.label()
        state = {"c": th.centroid, "f": th.first_day, "l": th.last_day, "z": th.stories, "w": th.words,
                 "m": [m.to_state() for m in th.members.values()]}
        rows.append((th.id, iso_day(th.first_day), iso_day(th.last_day), th.stories, 1 if act else 0,
                     orjson.dumps(label).decode(), orjson.dumps(state).decode() if act else ""))
    linker.closed.clear()
    linker.touched.clear()
    return rows


def thread_of_state(tid: int, d: dict[str, Any], params: ThreadParams) -> Thread:
    """An active thread from the state :func:`thread_rows` stored: its centroid, days, story
    count, label words and the member stories it still compares. A state stored before threads
    kept their members gets its centroid as its one member (id ``-tid``)."""
    th = Thread(id=tid, first_day=int(d["f"]), last_day=int(d["l"]), stories=int(d["z"]),
                centroid={str(k): float(v) for k, v in d["c"].items()},
                words={str(k): str(v) for k, v in d.get("w", {}).items()})
    if "m" in d:
        for sid, last, named, other in d["m"]:
            th.members[int(sid)] = Member.restore(int(sid), tid, int(last), named, other, params)
    else:
        th.members[-tid] = Member.of(-tid, tid, th.last_day, th.centroid, params)
    return th


class ThreadLinking:
    """Closed stories linked to threads as they are handed over (see the module docstring).

    :meth:`add` links stories in order; :meth:`links` returns the links made since the last
    call, :meth:`rows` the threads they changed."""

    def __init__(self, linker: ThreadLinker, *, iso_day: Any) -> None:
        self.linker, self.iso_day = linker, iso_day
        self._links: list[tuple[int, int]] = []

    def add(self, stories: list[Story]) -> None:
        for s in stories:
            s.thread = self.linker.add(s.first_day, s.last_day, s.centroid, s.words, story=s.id, body=s.body)
            self._links.append((s.thread, s.id))

    def links(self) -> list[tuple[int, int]]:
        out, self._links = self._links, []
        return out

    def rows(self) -> tuple[list[tuple[Any, ...]], int]:
        """The rows of the threads changed since the last call, and the next thread id."""
        return thread_rows(self.linker, self.iso_day), self.linker.state.next_id
