"""One ingest or several: the corpus stages over a slice of ../shared/data/corpora, run once
over all its articles or after each of its batches.

    python -m benchmarks.bench_batches --corpus saudinewsnet --sources alriyadh,okaz,was \\
        --from 2015-07-31 --to 2015-08-06 --date-is-crawl-time [--split date|random] \\
        [--batches 2] [--seed 7]

The slice (in date order) is cut into ``--batches`` batches, by date (the days in equal runs) or
at random (each batch in date order), and ingested batch after batch with the corpus stages
deferred (``marsad ingest --defer-corpus``): the per-article analysis is the one each way. Then,
on copies of that archive:

* **one**: the corpus stages once (``marsad update`` after one ingest of everything);
* **many**: the stages after each batch, one run per batch — their readers stop at the batch's
  last article, as they would had the next batch not been ingested yet (``marsad ingest`` of
  each batch);
* **aligned**: the stages once, their own batches cut where the ingests' end (the stories
  stage weighs a batch's articles with that batch's document frequencies and template counts
  included: many and one differ by that alone when no state is lost between runs).

Reported: copy groups, stories, threads (as sets of articles) and entities (as sets of keys)
of each, and how many of those many shares with one and with aligned. Prints JSON.
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

from benchmarks.common import SHARED_DATA, emit, need_shared


def _slice(args: argparse.Namespace) -> list[dict[str, Any]]:
    sources = set(args.sources.split(",")) if args.sources else None
    rows = []
    with gzip.open(SHARED_DATA / "corpora" / f"{args.corpus}.jsonl.gz") as f:
        for line in f:
            d = orjson.loads(line)
            if (sources is None or d.get("source") in sources) and args.date_from <= (d.get("date") or "")[:10] <= args.date_to:
                rows.append(d)
    rows.sort(key=lambda d: (d["date"], d["id"]))
    return rows


def _batches(rows: list[dict[str, Any]], n: int, split: str, seed: int) -> list[list[dict[str, Any]]]:
    if split == "random":
        rnd = random.Random(seed)
        which = [int(rnd.random() * n) for _ in rows]
        return [[r for r, w in zip(rows, which, strict=True) if w == i] for i in range(n)]
    days = sorted({r["date"][:10] for r in rows})
    cuts = [days[len(days) * i // n] for i in range(1, n)]
    return [[r for r in rows if (i == 0 or r["date"][:10] >= cuts[i - 1]) and (i == n - 1 or r["date"][:10] < cuts[i])]
            for i in range(n)]


def _run(base: Path, out: Path, cuts: list[int], mode: str) -> None:
    """The corpus stages over a copy of ``base`` (see the module docstring for ``mode``)."""
    import marsad
    from marsad.corpus import hooks
    from marsad.store.corpus_store import CorpusStore
    from marsad.store.entities import EntityStore

    shutil.copy(base, out)
    story_inputs, fingerprints, mentions = (CorpusStore.story_inputs_after, CorpusStore.fingerprints_after,
                                            EntityStore.mention_rows)

    def capped(limit_of: Any) -> None:
        CorpusStore.story_inputs_after = lambda self, rowid, *, limit, prefix: [  # type: ignore[method-assign]
            r for r in story_inputs(self, rowid, limit=limit, prefix=prefix) if r[0] <= limit_of(rowid)]
        CorpusStore.fingerprints_after = lambda self, rowid, *, limit: [  # type: ignore[method-assign]
            r for r in fingerprints(self, rowid, limit=limit) if r[0] <= limit_of(rowid)]

        def mention_rows(self: EntityStore, after: int, *, batch: int = 2000) -> Any:
            while True:  # up to the cut after ``after``; on to the next one, if any
                lim = limit_of(after)
                for rows in mentions(self, after, batch=batch):
                    kept = [r for r in rows if r["article"] <= lim]
                    if kept:
                        yield kept
                    if len(kept) < len(rows) or (rows and rows[-1]["article"] >= lim):
                        self.set_last_rowid(lim)
                        break
                else:
                    return
                if limit_of(lim) <= lim:
                    return
                after = lim
        EntityStore.mention_rows = mention_rows  # type: ignore[method-assign]

    def stages() -> None:
        a = marsad.open(out)
        try:
            for hook in hooks.AFTER_INGEST:
                hook(a)
        finally:
            a.close()

    end = 1 << 62
    try:
        if mode == "one":
            stages()
        elif mode == "aligned":
            capped(lambda r: next((c for c in cuts if c > r), end))
            stages()
        else:  # one run per batch, the last one up to the end (``cuts`` holds the others' ends)
            for cut in [*cuts, end]:
                capped(lambda _r, cut=cut: cut)
                stages()
    finally:
        CorpusStore.story_inputs_after, CorpusStore.fingerprints_after = story_inputs, fingerprints  # type: ignore[method-assign]
        EntityStore.mention_rows = mentions  # type: ignore[method-assign]


def _sets(db: Path) -> dict[str, set[frozenset[str]]]:
    con = sqlite3.connect(db)
    try:
        out: dict[str, set[frozenset[str]]] = {}
        for name, sql in (("copy_groups", "SELECT copy_group, id FROM articles WHERE copy_group IS NOT NULL"),
                          ("stories", "SELECT story, id FROM articles WHERE story IS NOT NULL"),
                          ("threads", "SELECT s.thread, a.id FROM articles a JOIN stories s ON s.story = a.story"),
                          ("entities", "SELECT entity, key FROM entity_aliases")):
            by: dict[int, set[str]] = defaultdict(set)
            for k, v in con.execute(sql):
                by[k].add(v)
            out[name] = {frozenset(s) for s in by.values() if len(s) > 1 or name != "copy_groups"}
        return out
    finally:
        con.close()


def main() -> None:
    need_shared()
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="saudinewsnet")
    ap.add_argument("--sources", default="")
    ap.add_argument("--from", dest="date_from", required=True)
    ap.add_argument("--to", dest="date_to", required=True)
    ap.add_argument("--split", choices=["date", "random"], default="date")
    ap.add_argument("--batches", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--date-is-crawl-time", action="store_true", help="the date field is a crawl time (SaudiNewsNet)")
    args = ap.parse_args()
    import marsad
    from marsad.ingest.readers import FieldMap
    from marsad.runners.local import IngestOptions

    rows = _slice(args)
    batches = _batches(rows, args.batches, args.split, args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="bench-batches-"))
    try:
        base = tmp / "base.db"
        a = marsad.open(base)
        cuts = []
        try:
            for i, b in enumerate(batches):
                f = tmp / f"batch{i}.jsonl"
                f.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in b))
                a.ingest([str(f)], fields=FieldMap(date_kind="crawl" if args.date_is_crawl_time else "metadata"),
                         options=IngestOptions(workers=1, corpus=False))
                cuts.append(a.max_rowid())
        finally:
            a.close()
        got = {}
        for mode in ("one", "aligned", "many"):
            _run(base, tmp / f"{mode}.db", cuts[:-1], mode)
            got[mode] = _sets(tmp / f"{mode}.db")
        result: dict[str, Any] = {"articles": [len(b) for b in batches], "stored": cuts, "split": args.split}
        for what in got["one"]:
            one, aligned, many = got["one"][what], got["aligned"][what], got["many"][what]
            result[what] = {"one": len(one), "aligned": len(aligned), "many": len(many),
                            "many_as_one": len(many & one), "many_as_aligned": len(many & aligned)}
        emit(result)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
