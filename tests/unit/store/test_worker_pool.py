"""Worker processes end with the ingest that started them (a killed ingest left its workers
blocked for ever, holding their memory)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[3] / "src")

PARENT = """
import sys, time
from marsad.runners.pools import worker_pool

pool = worker_pool(2)
futures = [pool.submit(time.sleep, 60) for _ in range(2)]
time.sleep(1.0)
print(" ".join(str(p) for p in pool._processes), flush=True)
time.sleep(60)
"""

#: the forked pool of the corpus stages (``marsad update``): the same promise
FORK_PARENT = """
import sys, time
from marsad.runners.pools import fork_pool

pool = fork_pool(2)
pending = [pool.apply_async(time.sleep, (60,)) for _ in range(2)]
time.sleep(1.0)
print(" ".join(str(p.pid) for p in pool._pool), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("script", [PARENT, FORK_PARENT], ids=["executor", "fork_pool"])
def test_workers_end_when_the_parent_is_killed(script):
    env = {**os.environ, "PYTHONPATH": SRC}
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    try:
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [p for p in pids if _alive(p)]
        for p in left:  # do not leave them behind when the test fails
            os.kill(p, signal.SIGKILL)
        assert left == []
    finally:
        if parent.poll() is None:
            parent.kill()


_SEEN: list[int] = []


def _note(n: int) -> tuple[int, list[int]]:
    _SEEN.append(n)  # changes the state the task inherited
    return n * n, list(_SEEN)


def _fail(n: int) -> int:
    raise ValueError(f"task {n} went wrong")


def test_fork_each_runs_every_task_in_a_fresh_fork_and_returns_results_in_order() -> None:
    from marsad.runners.pools import fork_each

    _SEEN[:] = [0]
    got = fork_each(_note, [3, 1, 2])
    assert [r for r, _ in got] == [9, 1, 4]
    assert [seen for _, seen in got] == [[0, 3], [0, 1], [0, 2]], "a task saw what another left"
    assert _SEEN == [0], "the caller's state changed"
    big = fork_each(bytes, [3_000_000, 10])  # results larger than a pipe's buffer
    assert [len(b) for b in big] == [3_000_000, 10]


def test_fork_each_raises_a_tasks_error_with_its_traceback() -> None:
    from marsad.runners.pools import fork_each

    with pytest.raises(RuntimeError, match="task 2 went wrong"):
        fork_each(_fail, [2])
