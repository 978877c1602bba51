"""Run every benchmark (each prints JSON) and collect the results into one JSON document.

    python benchmarks/run.py [--only ingest,search,...] [--archive /tmp/full.db]

Benchmarks that need ../shared/data skip themselves when it is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name, module, extra args); the search and web load benchmarks use the ingest archive
BENCHES = [
    ("ingest", "benchmarks.bench_ingest", ["--archive", "{archive}"]),
    ("search", "benchmarks.bench_search", ["--archive", "{archive}"]),
    ("time", "benchmarks.bench_time", []),
    ("entities", "benchmarks.bench_entities", []),
    ("dedup", "benchmarks.bench_dedup", []),
    ("web_load", "benchmarks.bench_web_load", ["--archive", "{archive}"]),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--archive", default="/tmp/marsad-bench-full.db")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    results = {}
    for name, mod, extra in BENCHES:
        if only and name not in only:
            continue
        if not (ROOT / (mod.replace(".", "/") + ".py")).exists():
            results[name] = {"skipped": "not present"}
            continue
        cmd = [sys.executable, "-m", mod, *[a.format(archive=args.archive) for a in extra]]
        print(f"running {name} …", file=sys.stderr)
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        try:
            results[name] = json.loads(proc.stdout)
        except json.JSONDecodeError:
            results[name] = {"error": (proc.stderr or proc.stdout)[-2000:], "returncode": proc.returncode}
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
