"""Gold gate with pinned floors (needs ../shared/data; skipped without it).

A change that lowers a score below its floor fails here; lowering a floor is an explicit act
in this file. The full evaluation (every article of the corpora) is ``marsad eval stories``;
this gate keeps to what runs in seconds: the copy decision on every gold pair on the clean text
the copy stage reads (it needs only the two articles, analysed), and stories and copy groups of the two hand-clustered days computed on the
five SaudiNewsNet days around them.
"""

from __future__ import annotations

import gzip

import numpy as np
import orjson
import pytest

from marsad.corpus.copy_rules import DedupParams
from marsad.corpus.features import day_number
from marsad.corpus.minhash import signatures
from marsad.eval.stories import analyse, bcubed, clean_text, decide_pair, load_gold, prf, run_system

#: floors, pinned a little under the scores measured when they were set (see the report of
#: the commit that set them); raise them when the system gets better
FLOORS = {
    # measured 0.881 on 188 pairs with the rewritten-lead rule on (0.621 without it: the 49
    # pairs of the rewritten_lead stratum are edited reprints the lead rule alone misses);
    # 0.904 with the reworded-lead allowance (``DedupParams.rewrite_lead``); 0.913 on the clean
    # text with the reworded-copy rule (``DedupParams.reworded``, which reads the days); 0.920
    # with a dropped date line left out of the template guard (``DedupParams.numbers_undated``)
    "copy_pairs_dev": 0.91,
    # … and the first 139 alone (the pairs without a ``stratum``): 0.949 (0.935 without the
    # rule, after four of them were relabelled copy on review); 0.937 on the clean text
    "copy_pairs_dev_first": 0.93,
    # 0.825 with the rewritten-lead rule (0.848 without it: of the four held-out pairs the rule
    # joins, one is labelled copy and three same_story; the blind second annotation of the
    # held-out pairs, pairs_test_second.jsonl, labels all four copy and scores the rule
    # 0.701 → 0.765 with no false copy — the floor was lowered 0.83 → 0.80 for that)
    "copy_pairs_test": 0.80,
    "stories_b3_dev": 0.90,  # 0.925 (five-day run)
    "stories_b3_test": 0.92,  # 0.936
    "copy_groups_b3_dev": 0.95,  # 0.967
    "copy_groups_b3_test": 0.96,  # 0.978
}


def _read(path, keep) -> list[dict]:
    out = []
    with gzip.open(path) as fh:
        for line in fh:
            d = orjson.loads(line)
            if keep(d):
                out.append({"id": d["id"], "source": d.get("source") or "", "date": d.get("date") or "",
                            "title": d.get("title") or "", "text": d.get("text") or ""})
    return out


@pytest.mark.shared
def test_copy_pairs_floor(shared_data) -> None:
    ids = {x for s in ("dev", "test") for g in load_gold(f"pairs_{s}.jsonl") for x in (g["a"], g["b"])}
    docs = {d["id"]: d for f in sorted((shared_data / "corpora").glob("*.jsonl.gz"))
            for d in _read(f, lambda d: d["id"] in ids)}
    # the copy stage reads the clean text (debris, dateline, byline and credit blanked)
    analysis = analyse(list(docs.values()))
    text = {k: clean_text(d, analysis) for k, d in docs.items()}
    params = DedupParams()
    order = sorted(docs)
    sig, _ = signatures([text[k] for k in order], params.minhash)
    row = {k: i for i, k in enumerate(order)}
    # (name, gold split, whether only the pairs of the first labelling count: no ``stratum``)
    for name, split, first_only in (("dev", "dev", False), ("dev_first", "dev", True), ("test", "test", False)):
        tp = fp = fn = 0
        for g in load_gold(f"pairs_{split}.jsonl"):
            if first_only and g.get("stratum"):
                continue
            a, b = g["a"], g["b"]
            pred = decide_pair(text[a], text[b], sig[row[a]], sig[row[b]], params,
                               sources=(docs[a]["source"], docs[b]["source"]),
                               days=(day_number(docs[a]["date"]), day_number(docs[b]["date"])))
            gold = g["label"] == "copy"
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
        assert prf(tp, fp, fn)["f1"] >= FLOORS[f"copy_pairs_{name}"], (name, prf(tp, fp, fn))


@pytest.mark.shared
def test_hand_clustered_days_floor(shared_data) -> None:
    days = {"2015-08-07", "2015-08-08", "2015-08-09", "2015-08-10", "2015-08-11"}
    docs = _read(shared_data / "corpora" / "saudinewsnet.jsonl.gz", lambda d: (d.get("date") or "")[:10] in days)
    run = run_system(docs)
    key = {d["id"]: i for i, d in enumerate(docs)}
    for split in ("dev", "test"):
        rows = load_gold(f"story_day_{split}.jsonl")
        stories = bcubed({r["id"]: r["story"] for r in rows}, {r["id"]: run["story_of"][key[r["id"]]] for r in rows})
        groups = bcubed({r["id"]: r["copy"] for r in rows},
                        {r["id"]: run["dedup"].group_of[key[r["id"]]] for r in rows})
        assert stories["f1"] >= FLOORS[f"stories_b3_{split}"], (split, stories)
        assert groups["f1"] >= FLOORS[f"copy_groups_b3_{split}"], (split, groups)
    assert np.isfinite(run["seconds"]["total"])
