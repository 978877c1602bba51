"""Ingest throughput and peak memory on all of ../shared/data/corpora (72,716 real articles).

    python -m benchmarks.bench_ingest [--archive /tmp/bench.db] [--workers 0] [--spec default|foundation]

Runs `marsad ingest` in a child process (as a user would) and reports wall time, articles per
second, the peak RSS of the driver and of the largest worker, and the archive size, as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import CORPORA, emit, need_shared


def main() -> None:
    need_shared()
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", default="")
    ap.add_argument("--workers", type=int, default=0)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="marsad-bench-")
    db = Path(args.archive or os.path.join(tmp, "bench.db"))
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "marsad.cli.main", "ingest", "--archive", str(db), "--json",
           "--no-progress", "--workers", str(args.workers), *map(str, CORPORA)]
    t = time.perf_counter()
    # GNU time -v reports the peak RSS of the whole process tree's largest member
    timed = ["/usr/bin/time", "-v", *cmd] if Path("/usr/bin/time").exists() else cmd
    proc = subprocess.run(timed, capture_output=True, text=True)
    wall = time.perf_counter() - t
    summary = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else {"stdout": proc.stdout[-2000:]}
    peak_kb = None
    for line in proc.stderr.splitlines():
        if "Maximum resident set size" in line:
            peak_kb = int(line.split(":")[-1])
    import resource

    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    emit({
        "benchmark": "ingest",
        "inputs": [p.name for p in CORPORA],
        "returncode": proc.returncode,
        "read": summary.get("read"), "stored": summary.get("stored"),
        "duplicates": summary.get("duplicates"), "failed": summary.get("failed"),
        "wall_seconds": round(wall, 1),
        "articles_per_second": round((summary.get("read") or 0) / wall, 1),
        "peak_rss_mb_largest_process": round((peak_kb or children_peak) / 1024, 1),
        "archive_mb": round(db.stat().st_size / 1e6, 1) if db.exists() else None,
        "archive": str(db),
    })


if __name__ == "__main__":
    main()
