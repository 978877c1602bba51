"""ms/article of the per-article pipeline with and without the ``events`` stage on real articles.

    PYTHONPATH=src python benchmarks/bench_events.py [N]   (default 2000; needs ../shared/data)

Reads the first N articles of each corpus in turn (ANT multisource, Jawhara FM, SaudiNewsNet)
until N, runs the default pipeline and the same spec without the ``events`` stage over the same records
(a warm-up pass first: the resources load once per process; then two alternating rounds, the
best of each kept), and prints ms/article of both, the events stage's own time (measured around
its ``run``) and how many events of each type were found.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

from marsad.model import RawRecord
from marsad.pipeline.registry import DEFAULT_SPEC, build, current

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora"
FILES = ["ant_v2.1_multisource.jsonl.gz", "ant_v1.1_jawharafm.jsonl.gz", "saudinewsnet.jsonl.gz"]


def records(n: int) -> list[RawRecord]:
    out: list[RawRecord] = []
    per = n // len(FILES) + 1
    for name in FILES:
        with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
            for k, line in enumerate(f):
                if k >= per or len(out) >= n:
                    break
                r = json.loads(line)
                out.append(RawRecord(text=r.get("text") or "", id=r.get("id", ""), title=r.get("title") or "",
                                     date=(r.get("date") or "")[:10], date_kind="metadata"))
    return out


class _Clock:
    """Wraps a stage and adds up the seconds its ``run`` takes."""

    def __init__(self, stage: object) -> None:
        self.stage, self.seconds = stage, 0.0
        self.name, self.requires, self.provides = stage.name, stage.requires, stage.provides  # type: ignore[attr-defined]

    def run(self, doc: object) -> None:
        t = time.perf_counter()
        self.stage.run(doc)  # type: ignore[attr-defined]
        self.seconds += time.perf_counter() - t


def timed(spec: list[str], recs: list[RawRecord]) -> tuple[float, float, Counter[str]]:
    """ms/article of the whole pipeline and of its events stage alone, and the events found."""
    pipe = build(spec)
    clock = None
    for k, st in enumerate(pipe.stages):
        if st.name == "events":
            clock = _Clock(st)
            pipe.stages[k] = clock  # type: ignore[call-overload]
    found: Counter[str] = Counter()
    t = time.perf_counter()
    for r in recs:
        art = pipe.run(r)
        found.update(s.label for s in art.spans if s.layer == "event")
    per = 1000 / len(recs)
    return (time.perf_counter() - t) * per, (clock.seconds * per if clock else 0.0), found


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    recs = records(n)
    events = current("events")
    without = [s for s in DEFAULT_SPEC if s != events]
    timed(list(DEFAULT_SPEC), recs[:200])  # warm-up: resources and word caches load once a process
    rounds = [(timed(without, recs)[0], timed(list(DEFAULT_SPEC), recs)) for _ in range(2)]
    ms_without = min(r[0] for r in rounds)
    ms_with = min(r[1][0] for r in rounds)
    ms_stage = min(r[1][1] for r in rounds)
    found = rounds[-1][1][2]
    chars = sum(len(r.text) for r in recs) / len(recs)
    print(f"{len(recs)} articles ({chars:.0f} characters on average); best of two alternating rounds")
    print(f"without {events}: {ms_without:.2f} ms/article")
    print(f"with {events}:    {ms_with:.2f} ms/article; the events stage itself {ms_stage:.2f} ms/article")
    print("events found:", dict(found.most_common()), f"({sum(found.values()) / len(recs):.2f} an article)")


if __name__ == "__main__":
    main()
