"""Copies and stories over every article of ../shared/data/corpora, against datasketch.

    python -m benchmarks.bench_dedup [--limit N] [--archive DEFERRED.db]

Each engine runs in a process of its own (so peak memory is its own) on the same raw bodies:

* **marsad**: vectorised shingling (word 3-grams of the normalized text) and MinHash
  (128 permutations), LSH 64 bands × 2 rows, containment/lead verification, union-find copy
  groups with provenance — while worker processes compute the story features — then online
  story clustering (:func:`marsad.eval.stories.run_system`);
* **datasketch**: the same word 3-gram shingles built in Python, ``MinHash(num_perm=128)``
  ``.update_batch``, ``MinHashLSH(num_perm=128, params=(64, 2))`` insert and query, pairs
  kept when the estimated Jaccard reaches 0.5, union-find groups.

* **marsad update** (the path users run, with ``--archive``): a copy of an archive ingested
  with ``marsad ingest --defer-corpus`` (nothing computed by the corpus stages yet) gets
  ``marsad update``'s stages one after the other — entity registry, copies, stories —
  each timed (wall and CPU seconds) in one child process, with its peak RSS; as ``marsad
  update`` does, the copies' seconds include starting the stories' first batch of features
  on the other core, and the stories' CPU seconds the processes they forked. The archive
  given is never changed. ``python -m benchmarks.bench_ingest --defer-corpus`` makes one.
  The copies use both cores themselves (the span-key pass's forked worker, the thread that
  writes the keys) beside that first batch, so their wall seconds depend on what else runs:
  on a shared machine compare code by ``cpu_seconds``, old and new alternately, and take the
  ratio to datasketch from a run on an idle machine.

Reported: seconds per step, peak RSS, candidate pairs, and pairwise precision/recall/F1 of the
copy decision on the gold pairs (``marsad/data/gold/pairs_*.jsonl``) and copy-group B³ on
the hand-clustered days, for both engines. marsad's pair decision is
:func:`marsad.eval.stories.decide_pair` given the two articles' outlets and publication days,
as the copies stage gives them (the reworded-copy rule reads both; before 3 Dec it was given
neither). Prints JSON.

Figures and their history: ``docs/stories.md``, "Speed".
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from benchmarks.common import CORPORA, emit, need_shared, peak_rss_mb


def _load(limit: int | None) -> list[dict]:
    from benchmarks.common import SHARED_DATA
    from marsad.eval.stories import load_corpora

    docs = load_corpora(SHARED_DATA)
    if limit:
        keep = _gold_ids()
        docs = [d for i, d in enumerate(docs) if i < limit or d["id"] in keep]
    return docs


def _gold_ids() -> set[str]:
    from marsad.eval.stories import load_gold

    ids = set()
    for split in ("dev", "test"):
        for g in load_gold(f"pairs_{split}.jsonl"):
            ids.update((g["a"], g["b"]))
        ids.update(r["id"] for r in load_gold(f"story_day_{split}.jsonl"))
    return ids


def _gold_answers(docs: list[dict], decide, group_of: dict[int, int]) -> dict:
    from marsad.eval.stories import load_gold

    key = {d["id"]: i for i, d in enumerate(docs)}
    pairs = {}
    for split in ("dev", "test"):
        pairs[split] = [[g["a"], g["b"], bool(decide(key[g["a"]], key[g["b"]]))]
                        for g in load_gold(f"pairs_{split}.jsonl")]
    gold_ids = _gold_ids()
    groups = {d["id"]: int(group_of[i]) for i, d in enumerate(docs) if d["id"] in gold_ids}
    return {"pairs": pairs, "groups": groups}


def run_marsad(limit: int | None) -> dict:
    from marsad.corpus.copy_rules import DedupParams
    from marsad.corpus.features import day_number
    from marsad.eval.stories import decide_pair, run_system

    docs = _load(limit)
    rss0 = peak_rss_mb()
    params = DedupParams()
    marks: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    c0 = time.process_time()
    run = run_system(docs, dedup=params, progress=lambda s: marks.append((s, time.perf_counter())))
    cpu_main = time.process_time() - c0
    res, stories = run["dedup"], run["story_of"]
    steps, prev = {}, t0
    for name, t in marks:
        label = name.split(" ", 1)[-1] if name[0].isdigit() else name
        steps[label.replace(" ", "_")] = round(t - prev, 2)
        prev = t
    sig = res.signatures
    pos = res.position

    def decide(a: int, b: int) -> bool:
        # the outlets and days as the copies stage gives them (the reworded-copy rule reads both)
        return decide_pair(docs[a]["text"], docs[b]["text"], sig[pos[a]], sig[pos[b]], params,
                           sources=(docs[a]["source"], docs[b]["source"]),
                           days=(day_number(docs[a]["date"]), day_number(docs[b]["date"])))

    sec = run["seconds"]
    return {
        "articles": len(docs),
        "seconds": {"copies_total": sec["copies"], "copies_steps": steps,
                    "story_features_wait": sec["story_features_wait"], "stories": sec["stories"],
                    "copies_and_stories": sec["total"], "cpu_main_process": round(cpu_main, 2)},
        "peak_rss_mb": peak_rss_mb(), "peak_rss_worker_mb": peak_rss_mb(children=True),
        "rss_after_loading_mb": rss0,
        "candidate_pairs": res.candidates, "copy_pairs": len(res.scores),
        "copy_groups": len(res.groups), "stories": len(set(stories.values())),
        "gold": _gold_answers(docs, decide, res.group_of),
    }


def run_datasketch(limit: int | None) -> dict:
    import re

    from datasketch import MinHash, MinHashLSH

    from marsad.corpus.dedup import UnionFind
    from marsad.text.normalize import normalize

    docs = _load(limit)
    rss0 = peak_rss_mb()
    word = re.compile(r"[^\W_]+")
    t0 = time.perf_counter()
    shingles = []
    for d in docs:
        w = word.findall(normalize(d["text"]))
        n = 3 if len(w) >= 3 else len(w)
        shingles.append({" ".join(w[i : i + n]).encode() for i in range(len(w) - n + 1)} if w else set())
    t1 = time.perf_counter()
    mhs = []
    for s in shingles:
        m = MinHash(num_perm=128, seed=1)
        if s:
            m.update_batch(list(s))
        mhs.append(m)
    t2 = time.perf_counter()
    lsh = MinHashLSH(num_perm=128, params=(64, 2))
    for i, m in enumerate(mhs):
        if shingles[i]:
            lsh.insert(i, m)
    t3 = time.perf_counter()
    cand = set()
    for i, m in enumerate(mhs):
        if shingles[i]:
            for j in lsh.query(m):
                if j != i:
                    cand.add((min(i, j), max(i, j)))
    t4 = time.perf_counter()
    uf = UnionFind()
    kept = set()
    for a, b in cand:
        if mhs[a].jaccard(mhs[b]) >= 0.5:
            kept.add((a, b))
            uf.union(a, b)
    group_of = {i: uf.find(i) for i in range(len(docs))}
    t5 = time.perf_counter()

    def decide(a: int, b: int) -> bool:
        return (min(a, b), max(a, b)) in kept

    return {
        "articles": len(docs),
        "seconds": {"shingles": round(t1 - t0, 2), "minhash": round(t2 - t1, 2), "lsh_insert": round(t3 - t2, 2),
                    "lsh_query": round(t4 - t3, 2), "verify_and_groups": round(t5 - t4, 2),
                    "copies_total": round(t5 - t0, 2)},
        "peak_rss_mb": peak_rss_mb(), "rss_after_loading_mb": rss0,
        "candidate_pairs": len(cand), "copy_pairs": len(kept),
        "gold": _gold_answers(docs, decide, group_of),
    }


def run_update(archive: str) -> dict:
    """``marsad update``'s stages on a copy of a deferred archive (see the module docstring)."""
    import resource
    import shutil
    import tempfile

    import marsad
    from marsad.corpus.copy_stage import update_copies
    from marsad.corpus.registry import update_registry
    from marsad.corpus.story_feed import story_features_ahead
    from marsad.corpus.story_stage import update_stories

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        c = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime

    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        db = os.path.join(tmp, "archive.db")
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(archive + ext):
                shutil.copyfile(archive + ext, db + ext)
        a = marsad.open(db)
        n = a.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        out: dict = {"articles": n, "seconds": {}, "cpu_seconds": {}, "peak_rss_mb_after": {}, "counts": {}}
        t_all = time.perf_counter()
        ahead: list = []

        def copies(a: marsad.MarsadArchive) -> dict[str, int]:
            # as marsad.corpus.hooks runs them: the stories' first batch of features meanwhile
            ahead.append(story_features_ahead(a))
            return update_copies(a)

        def stories(a: marsad.MarsadArchive) -> dict[str, int]:
            return update_stories(a, ahead=ahead.pop() if ahead else None)

        for name, fn in (("registry", update_registry), ("copies", copies), ("stories", stories)):
            t, c = time.perf_counter(), cpu()
            got = fn(a)
            out["seconds"][name] = round(time.perf_counter() - t, 2)
            out["cpu_seconds"][name] = round(cpu() - c, 2)
            out["peak_rss_mb_after"][name] = peak_rss_mb()
            out["counts"][name] = got
        out["seconds"]["copies_and_stories"] = round(out["seconds"]["copies"] + out["seconds"]["stories"], 2)
        out["seconds"]["total"] = round(time.perf_counter() - t_all, 2)
        out["copy_groups"] = a.con.execute("SELECT count(*) FROM copy_groups").fetchone()[0]
        out["stories"] = a.con.execute("SELECT count(*) FROM stories").fetchone()[0]
        a.close()
    return out


def _score(engine: dict) -> dict:
    from marsad.eval.stories import bcubed, load_gold, prf

    labels = {}
    for split in ("dev", "test"):
        for g in load_gold(f"pairs_{split}.jsonl"):
            labels[(g["a"], g["b"])] = g["label"] == "copy"
    out = {}
    for split, rows in engine["gold"]["pairs"].items():
        tp = sum(1 for a, b, p in rows if p and labels[(a, b)])
        fp = sum(1 for a, b, p in rows if p and not labels[(a, b)])
        fn = sum(1 for a, b, p in rows if not p and labels[(a, b)])
        out[f"copy_pairs_{split}"] = prf(tp, fp, fn)
    for split in ("dev", "test"):
        rows = load_gold(f"story_day_{split}.jsonl")
        gold = {r["id"]: r["copy"] for r in rows}
        out[f"copy_groups_b3_{split}"] = bcubed(gold, {r["id"]: engine["gold"]["groups"][r["id"]] for r in rows})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", choices=["marsad", "datasketch", "update"])
    ap.add_argument("--archive", default="", help="an archive ingested with --defer-corpus: also time "
                    "`marsad update` on a copy of it")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (plus the gold ones)")
    ap.add_argument("--engines", default="marsad,datasketch",
                    help="the in-memory engines to time beside `marsad update` (comma-separated)")
    args = ap.parse_args()
    need_shared()
    if args.engine == "update":
        print(json.dumps(run_update(args.archive)))
        return
    if args.engine:
        fn = run_marsad if args.engine == "marsad" else run_datasketch
        print(json.dumps(fn(args.limit or None)))
        return
    t = time.perf_counter()
    sum(range(10**7))  # a load gauge: compare timings taken under different loads
    result: dict = {"corpora": [p.name for p in CORPORA], "cores": os.cpu_count(),
                    "load_average_before": os.getloadavg(),
                    "calibration_sum_range_1e7_seconds": round(time.perf_counter() - t, 3)}
    for engine in [e for e in ("marsad", "datasketch") if e in args.engines.split(",")]:
        proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_dedup", "--engine", engine,
                               "--limit", str(args.limit)], capture_output=True, text=True)
        if proc.returncode != 0:
            result[engine] = {"error": proc.stderr[-2000:]}
            continue
        r = json.loads(proc.stdout)
        r["scores"] = _score(r)
        del r["gold"]
        result[engine] = r
    if args.archive:
        proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_dedup", "--engine", "update",
                               "--archive", args.archive], capture_output=True, text=True)
        result["marsad_update"] = json.loads(proc.stdout) if proc.returncode == 0 else {"error": proc.stderr[-2000:]}
    m, d = result.get("marsad", {}), result.get("datasketch", {})
    if "seconds" in m and "seconds" in d:
        result["speedup_copies"] = round(d["seconds"]["copies_total"] / m["seconds"]["copies_total"], 2)
        result["speedup_copies_and_stories"] = round(d["seconds"]["copies_total"] / m["seconds"]["copies_and_stories"], 2)
    u = result.get("marsad_update", {})
    if "seconds" in u and "seconds" in d:
        result["speedup_update_copies"] = round(d["seconds"]["copies_total"] / u["seconds"]["copies"], 2)
        result["speedup_update_copies_and_stories"] = round(
            d["seconds"]["copies_total"] / u["seconds"]["copies_and_stories"], 2)
    result["load_average_after"] = os.getloadavg()
    emit(result)


if __name__ == "__main__":
    main()
