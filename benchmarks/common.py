"""Shared helpers for the benchmarks: where the real data is, peak memory, JSON output."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
CORPORA = sorted((SHARED_DATA / "corpora").glob("*.jsonl.gz")) if SHARED_DATA.is_dir() else []


def need_shared() -> None:
    if not CORPORA:
        print(json.dumps({"skipped": "../shared/data/corpora is absent"}))
        sys.exit(0)


def peak_rss_mb(*, children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def emit(result: dict) -> None:
    print(json.dumps(result, ensure_ascii=False, indent=2))


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    k = min(len(v) - 1, max(0, int(round(p / 100 * (len(v) - 1)))))
    return v[k]
