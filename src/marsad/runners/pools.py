"""Process pools whose workers end with the process that started them.

A ``ProcessPoolExecutor`` worker outlives a parent that is killed (``kill``, the OOM killer, a
closed terminal): it blocks for ever writing a result nobody reads, holding its memory. Workers
made here ask Linux to send them SIGTERM when their parent dies (``prctl(PR_SET_PDEATHSIG)``)
and exit at once if the parent is already gone; elsewhere the pool is a plain one.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

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


def fork_pool(processes: int, *, tasks_per_worker: int | None = None) -> multiprocessing.pool.Pool:
    """A ``multiprocessing`` pool of ``processes`` forked workers (they inherit the caller's
    module state) that end when this process ends: the corpus stages' batch workers.

    ``tasks_per_worker`` 1 gives every task a worker forked for it alone: for tasks that change
    the state they inherit (a free worker otherwise takes the next task with the state the
    last one left)."""
    return mp.get_context("fork").Pool(processes, initializer=_end_with_parent, initargs=(os.getpid(),),
                                       maxtasksperchild=tasks_per_worker)
