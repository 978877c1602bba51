"""Process pools whose workers end with the process that started them.

A ``ProcessPoolExecutor`` worker outlives a parent that is killed (``kill``, the OOM killer, a
closed terminal): it blocks for ever writing a result nobody reads, holding its memory. Workers
made here ask Linux to send them SIGTERM when their parent dies (``prctl(PR_SET_PDEATHSIG)``)
and exit at once if the parent is already gone; elsewhere the pool is a plain one.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
import multiprocessing.process
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool of ``workers`` processes that end when this process ends."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),))


def fork_pool(processes: int) -> multiprocessing.pool.Pool:
    """A ``multiprocessing`` pool of ``processes`` forked workers (they inherit the caller's
    module state) that end when this process ends: the corpus stages' batch workers."""
    return mp.get_context("fork").Pool(processes, initializer=_end_with_parent, initargs=(os.getpid(),))


def _run_forked(fn: Callable[[T], R], task: T, conn: Connection, parent: int) -> None:
    _end_with_parent(parent)
    try:
        out: tuple[bool, object] = (True, fn(task))
    except BaseException:  # noqa: BLE001 - sent to the parent, which raises it
        out = (False, traceback.format_exc())
    conn.send(out)
    conn.close()


def fork_each(fn: Callable[[T], R], tasks: Sequence[T]) -> list[R]:
    """``[fn(t) for t in tasks]``, each task in a process forked for it alone (it inherits the
    caller's module state, and no task sees the state another left), all at once; the results
    in order. For tasks that change the state they inherit. (A ``Pool`` with
    ``maxtasksperchild=1`` did this and hung: its workers exited, its handler threads were
    gone, and the caller waited for ever.) A task's error is raised here with its traceback."""
    ctx = mp.get_context("fork")
    parent = os.getpid()
    running: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
    try:
        for t in tasks:
            recv, send = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_run_forked, args=(fn, t, send, parent), daemon=True)
            p.start()
            send.close()
            running.append((p, recv))
        out: list[R] = []
        for p, recv in running:  # a child blocks on a full pipe until it is read: read in order
            try:
                ok, value = recv.recv()
            except EOFError:
                p.join()
                raise RuntimeError(f"a forked worker (pid {p.pid}) died without a result "
                                   f"(exit code {p.exitcode})") from None
            if not ok:
                raise RuntimeError(f"a forked worker failed:\n{value}")
            out.append(value)  # type: ignore[arg-type]
        return out
    finally:
        for _p, recv in running:
            recv.close()
        for p, _ in running:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()
                p.join()
