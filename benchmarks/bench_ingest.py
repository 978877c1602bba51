"""Ingest throughput and peak memory on all of ../shared/data/corpora (72,716 real articles).

    python -m benchmarks.bench_ingest [--archive /tmp/bench.db] [--workers 0]
        [--stages default|foundation|a,b,c] [--defer-corpus] [--scheduler local:2|tcp://host:8786]

Runs `marsad ingest` in a child process (as a user would) and reports wall time, articles per
second, the peak RSS of the largest process, and the archive size, as JSON. ``foundation`` is
the foundation's per-article stages (language, debris, dateline, metadata date, index terms);
``default`` adds entities, the time tagger and fingerprints. With ``--defer-corpus`` the corpus
stages (registry, copies, stories) are left out of the ingest and then timed on their own with
`marsad update`. With ``--scheduler`` the per-article stages run on that Dask cluster
(docs/cluster.md); the peak RSS is then this machine's processes' only.
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
from marsad.pipeline.registry import current

# the default spec's versions (registry.current: a version bump is one line there), and the
# metadata date stage, which is no part of the default spec
FOUNDATION = ",".join([*(current(n) for n in ("language", "debris", "dateline")), "metadate.v1",
                       current("index_terms")])


def main() -> None:
    need_shared()
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", default="")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--stages", default="default")
    ap.add_argument("--defer-corpus", action="store_true")
    ap.add_argument("--scheduler", default="")
    args = ap.parse_args()
    stages = {"default": "", "foundation": FOUNDATION}.get(args.stages, args.stages)
    tmp = tempfile.mkdtemp(prefix="marsad-bench-")
    db = Path(args.archive or os.path.join(tmp, "bench.db"))
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "marsad.cli.main", "ingest", "--archive", str(db), "--json",
           "--no-progress", "--workers", str(args.workers), *map(str, CORPORA)]
    if stages:
        cmd += ["--stages", stages]
    if args.defer_corpus:
        cmd.append("--defer-corpus")
    if args.scheduler:
        cmd += ["--scheduler", args.scheduler]
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
    update = None
    if args.defer_corpus and proc.returncode == 0:
        t = time.perf_counter()
        up = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "marsad.cli.main", "update",
                             "--archive", str(db), "--json"], capture_output=True, text=True)
        update = {"wall_seconds": round(time.perf_counter() - t, 1),
                  "stages": json.loads(up.stdout)["seconds"] if up.returncode == 0 else up.stderr[-1000:],
                  "peak_rss_mb": next((round(int(x.split(":")[-1]) / 1024, 1) for x in up.stderr.splitlines()
                                       if "Maximum resident set size" in x), None)}
    emit({
        "benchmark": "ingest",
        "inputs": [p.name for p in CORPORA],
        "stages": args.stages, "corpus_stages": "deferred" if args.defer_corpus else "in the ingest",
        "scheduler": args.scheduler or "local process pool",
        "returncode": proc.returncode,
        "read": summary.get("read"), "stored": summary.get("stored"),
        "duplicates": summary.get("duplicates"), "failed": summary.get("failed"),
        "wall_seconds": round(wall, 1),
        "articles_per_second": round((summary.get("read") or 0) / wall, 1),
        "peak_rss_mb_largest_process": round((peak_kb or children_peak) / 1024, 1),
        "archive_mb": round(db.stat().st_size / 1e6, 1) if db.exists() else None,
        "archive": str(db),
        "update": update,
    })


if __name__ == "__main__":
    main()
