"""The thread scores: pair decisions against ``same_thread``, the TF-IDF baseline's threshold
chosen on dev and applied to held-out, the size distribution, and the shipped gold files'
shape (ids and labels only, one split per pair by the hash of its ids)."""

from __future__ import annotations

import hashlib
import time

import pytest

from marsad.eval.stories import load_gold
from marsad.eval.threads import THREAD_SPLITS, link_threads, pair_scores, size_stats, thread_block


def _gold(*rows: tuple[str, str, str]) -> list[dict]:
    return [{"a": a, "b": b, "label": lab, "why": "written for the test", "stratum": "s"} for a, b, lab in rows]


def test_pair_scores_count_one_thread_against_the_same_thread_label() -> None:
    gold = _gold(("a", "b", "same_thread"), ("c", "d", "same_thread"), ("e", "f", "not"), ("g", "h", "not"))
    same = {("a", "b"): True, ("c", "d"): False, ("e", "f"): True, ("g", "h"): False}
    m = pair_scores(gold, same)
    assert (m["tp"], m["fp"], m["fn"]) == (1, 1, 1) and m["f1"] == 0.5


def test_the_baseline_threshold_is_chosen_on_dev_and_applied_to_held_out() -> None:
    dev = _gold(("a", "b", "same_thread"), ("c", "d", "not"))
    test = _gold(("e", "f", "same_thread"), ("g", "h", "same_thread"))
    cosine = {("a", "b"): 0.6, ("c", "d"): 0.2, ("e", "f"): 0.5, ("g", "h"): 0.7}
    same = dict.fromkeys(cosine, True)
    thresholds: dict[str, float] = {}
    d = thread_block(dev, same, cosine, thresholds)
    assert thresholds == {"tfidf": 0.6} and d["tfidf_baseline"]["f1"] == 1.0
    t = thread_block(test, same, cosine, thresholds)
    base = t["tfidf_baseline"]
    assert (base["tp"], base["fn"], base["threshold"]) == (1, 1, 0.6) and base["best_on_this_split"] == 1.0
    assert t["labels"] == {"same_thread": 2} and t["threads"]["recall"] == 1.0


def test_size_stats_count_threads_of_two_stories_or_more() -> None:
    thread_of = {1: 10, 2: 10, 3: 11, 4: 12, 5: 12, 6: 12}
    s = size_stats(thread_of)
    assert (s["threads"], s["threads_2plus"], s["stories_in_2plus"], s["biggest"]) == (3, 2, 5, 3)
    assert s["sizes"]["2"] == 1 and s["sizes"]["3-4"] == 1


def test_link_threads_links_every_story_in_order() -> None:
    from marsad.corpus.story_record import Story

    same = {"e:per:زيد عمرو": 1.0, "e:org:لجنة وساطة": 1.0, "e:gpe:جزيرة": 1.0, "مفاوض": 1.0, "سلام": 1.0}
    stories = [Story(id=7, first_day=100, last_day=101, centroid=dict(same)),
               Story(id=9, first_day=160, last_day=160, centroid=dict(same, جول=0.5)),
               Story(id=8, first_day=170, last_day=170, centroid={"مهرجان": 1.0, "فيلم": 1.0})]
    t0 = time.perf_counter()
    thread_of, secs = link_threads(stories)
    wall = time.perf_counter() - t0
    assert list(thread_of) == [7, 9, 8]  # every story, in the order given
    assert thread_of[7] == thread_of[9] != thread_of[8]
    assert isinstance(secs, float) and secs == round(secs, 2) and 0 <= secs <= round(wall, 2) + 0.01  # the call's own time


def test_the_thread_gold_is_ids_and_labels_split_by_the_hash_of_the_ids() -> None:
    """dev and held-out are one draw split by the hash of the ids; dev2 and dev3 are draws of their own."""
    seen: set[tuple[str, str]] = set()
    assert list(THREAD_SPLITS) == ["dev", "dev2", "dev3", "test"]  # the baseline's threshold is chosen on dev, first
    for split, fname in THREAD_SPLITS.items():
        rows = load_gold(fname)
        assert rows, fname
        for r in rows:
            assert set(r) == {"a", "b", "label", "why", "stratum"} and r["label"] in {"same_thread", "not"}
            assert r["why"] and len(r["why"]) < 240 and r["a"] != r["b"]
            if split in ("dev", "test"):
                h = int(hashlib.blake2b((r["a"] + "\x00" + r["b"]).encode(), digest_size=8).hexdigest(), 16)
                assert ("dev" if h % 5 < 3 else "test") == split
            assert (r["a"], r["b"]) not in seen
            seen.add((r["a"], r["b"]))
    assert len(seen) >= 280


@pytest.mark.parametrize("split", ["dev2", "dev3"])
def test_the_second_and_third_thread_dev_splits_are_fresh(split: str) -> None:
    """threads_dev2.jsonl and threads_dev3.jsonl: about 80 pairs each, 25 or more same_thread,
    each article once, the earlier first, every stratum of the draw, and no article of any
    other gold file (dev3's of dev2's neither)."""
    from marsad.corpus.features import day_number
    from marsad.eval.stories import gold_path

    rows = load_gold(THREAD_SPLITS[split])
    assert len(rows) == 80 and sum(r["label"] == "same_thread" for r in rows) >= 25
    assert {r["stratum"] for r in rows} == {"linked", "s_high", "s_mid", "s_low", "s_topic", "random"}
    ids = [x for r in rows for x in (r["a"], r["b"])]
    assert len(ids) == len(set(ids))
    for r in rows:  # the earlier article first, 2 to 270 days apart (ids carry their day)
        assert 2 <= day_number(_day_of(r["b"])) - day_number(_day_of(r["a"])) <= 270, r
    others: set[str] = set()
    for f in sorted(gold_path(".").glob("*.jsonl")):
        if f.name != THREAD_SPLITS[split]:
            for g in load_gold(f.name):
                others.update(x for x in (g.get("a"), g.get("b"), g.get("id")) if x)
    assert others and not others & set(ids)


def _day_of(article: str) -> str:
    """The day an id of the corpora carries: ``…-20180416`` (ANT) or ``snn-2015-07-22-…``."""
    if article.startswith("snn-"):
        return article[4:14]
    d = article.rsplit("-", 1)[1]
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}"
