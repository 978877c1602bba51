"""Thread linking of the stories ``marsad update`` closes, beside the clustering.

A story is linked to a thread once (:class:`marsad.corpus.threads.ThreadLinker`), in the order
the clusterer closes stories, and nothing the clusterer decides depends on the thread a story
joins: the clustering hands the closed stories over (days, centroid, label words) and goes on.
:class:`ThreadLinking` links them in this process, or — when ``marsad update`` has more than
one core and more than one batch to do — in a forked process of its own, fed through a queue,
which sends back every link and the rows of the threads changed when the run ends. The
threads, their ids and the links are the same either way: the linker sees the same stories in
the same order with the same floats.

In a process of its own, the links of the stories closed during the run are written at its
end (with the threads, in the last transaction) rather than batch by batch.
"""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

import orjson

from marsad.corpus.stories import Story
from marsad.corpus.threads import ThreadLinker

#: what the linker needs of a story: ``(story id, first day, last day, centroid, label words)``
StoryItem = tuple[int, int, int, dict[str, float], dict[str, str]]


def _item(s: Story) -> StoryItem:
    return s.id, s.first_day, s.last_day, s.centroid, s.words


def _link_all(linker: ThreadLinker, items: list[StoryItem]) -> list[tuple[int, int]]:
    """Link stories in order; returns their ``(thread, story)`` links."""
    return [(linker.add(first, last, centroid, words), sid) for sid, first, last, centroid, words in items]


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
        state = {"c": th.centroid, "f": th.first_day, "l": th.last_day, "z": th.stories, "w": th.words}
        rows.append((th.id, iso_day(th.first_day), iso_day(th.last_day), th.stories, 1 if act else 0,
                     orjson.dumps(label).decode(), orjson.dumps(state).decode() if act else ""))
    linker.closed.clear()
    linker.touched.clear()
    return rows


def _serve(linker: ThreadLinker, inbox: Any, outbox: Any, iso_day: Any) -> None:
    """The forked linker's loop: lists of stories to link, until ``None``; then the links,
    the changed threads' rows and the next thread id go back."""
    links: list[tuple[int, int]] = []
    try:
        while (items := inbox.get()) is not None:
            links.extend(_link_all(linker, items))
        outbox.send(("ok", links, thread_rows(linker, iso_day), linker.state.next_id))
    except BaseException as e:  # sent back, raised again by the caller
        outbox.send(("error", repr(e), [], 0))


class ThreadLinking:
    """Closed stories linked to threads, here or in a forked process (see the module docstring).

    :meth:`add` hands stories over in order; :meth:`links` returns the links made here since
    the last call (none while a process links); :meth:`finish` links the last stories (the
    open ones at the end of a run), sets their ``thread``, and returns every link not returned
    yet, the changed threads' rows and the next thread id."""

    def __init__(self, linker: ThreadLinker, *, iso_day: Any, in_process: bool) -> None:
        self.linker, self.iso_day = linker, iso_day
        self._links: list[tuple[int, int]] = []
        self.proc: Any = None
        if not in_process and "fork" in mp.get_all_start_methods():
            ctx = mp.get_context("fork")
            self.inbox = ctx.Queue()  # a feeder thread pickles: add() does not wait for the linker
            self.outbox, child = ctx.Pipe(duplex=False)
            self.proc = ctx.Process(target=_serve, args=(linker, self.inbox, child, iso_day), daemon=True)
            self.proc.start()
            child.close()

    def add(self, stories: list[Story]) -> None:
        if not stories:
            return
        items = [_item(s) for s in stories]
        if self.proc is None:
            for s, (tid, _sid) in zip(stories, _link_all(self.linker, items), strict=True):
                s.thread = tid
                self._links.append((tid, s.id))
        else:
            self.inbox.put(items)

    def links(self) -> list[tuple[int, int]]:
        out, self._links = self._links, []
        return out

    def finish(self, stories: list[Story]) -> tuple[list[tuple[int, int]], list[tuple[Any, ...]], int]:
        if self.proc is None:
            self.add(stories)
            return self.links(), thread_rows(self.linker, self.iso_day), self.linker.state.next_id
        if stories:
            self.inbox.put([_item(s) for s in stories])
        self.inbox.put(None)
        try:
            status, links, rows, next_id = self.outbox.recv()
        except EOFError:
            raise RuntimeError("the thread linking process ended without sending its links") from None
        finally:
            self.close()
        if status != "ok":
            raise RuntimeError(f"thread linking failed: {links}")
        mine = {s.id: s for s in stories}
        for tid, sid in links[len(links) - len(stories):]:
            mine[sid].thread = tid
        return links, rows, next_id

    def close(self) -> None:
        if self.proc is not None:
            self.proc.join(timeout=5)
            if self.proc.is_alive():  # stopped half-way (an error in this process)
                self.proc.terminate()
                self.proc.join()
            self.inbox.cancel_join_thread()
            self.inbox.close()
            self.outbox.close()
            self.proc = None
