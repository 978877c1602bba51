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
