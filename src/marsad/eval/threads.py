"""Threads scored on labelled pairs (the ``threads`` section of ``marsad eval stories``).

The gold (``threads_dev.jsonl`` / ``threads_test.jsonl``, and a second and a third dev split
each drawn and labelled blind apart, ``threads_dev2.jsonl`` and ``threads_dev3.jsonl``; see the
gold README) pairs two
articles of different stories weeks or months apart, labelled ``same_thread`` (one
development: the same conflict front, crisis, case, negotiation, process or tournament run)
or ``not``. The system's decision on a pair is whether the two articles' stories end up in one
thread when every story of the corpora is linked in the order ``marsad update`` hands them
over (:func:`link_threads`); the baseline is the plain TF-IDF cosine of the two articles
(title + body) with its threshold chosen on dev and applied to dev2, dev3 and held-out. Pair
precision/recall/F1 per split, the labels and strata of each split, and the threads' sizes
over the whole corpora (how many threads of two stories or more, how many stories they hold,
the biggest) are reported, with the seconds the linking took.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from marsad.corpus.features import DocFreq
from marsad.corpus.story_record import Story
from marsad.corpus.threads import ThreadLinker, ThreadParams

#: split → gold file: dev (the baseline's threshold is chosen on it), ``dev2`` and ``dev3`` (a
#: second and a third dev split, each drawn and labelled blind apart; the baseline at dev's
#: threshold), held-out last (read it once, to report)
THREAD_SPLITS = {"dev": "threads_dev.jsonl", "dev2": "threads_dev2.jsonl", "dev3": "threads_dev3.jsonl",
                 "test": "threads_test.jsonl"}
POSITIVE = "same_thread"
#: thread sizes (stories) reported as a distribution: label → (smallest, largest)
SIZE_BINS = {"2": (2, 2), "3-4": (3, 4), "5-9": (5, 9), "10-19": (10, 19), "20-49": (20, 49), "50+": (50, 1 << 30)}


def link_threads(stories: Iterable[Story], *, df: DocFreq | None = None,
                 params: ThreadParams | None = None) -> tuple[dict[int, int], float]:
    """The thread of every story (story id → thread id), linked in the given order, and the
    seconds the linking took."""
    linker = ThreadLinker(params or ThreadParams(), df=df)
    t0 = time.perf_counter()
    out = {s.id: linker.add(s.first_day, s.last_day, s.centroid, s.words, story=s.id, body=s.body) for s in stories}
    return out, round(time.perf_counter() - t0, 2)


def size_stats(thread_of: dict[int, int]) -> dict[str, Any]:
    """How the stories fall into threads: threads of two stories or more, the stories they
    hold, the biggest thread, and the number of threads per size bin (:data:`SIZE_BINS`)."""
    sizes = Counter(thread_of.values()).values()
    multi = [n for n in sizes if n >= 2]
    return {"stories": len(thread_of), "threads": len(sizes), "threads_2plus": len(multi),
            "stories_in_2plus": sum(multi), "biggest": max(sizes, default=0),
            "sizes": {k: sum(1 for n in multi if lo <= n <= hi) for k, (lo, hi) in SIZE_BINS.items()}}


def pair_scores(gold: Sequence[dict[str, Any]], same: dict[tuple[str, str], bool]) -> dict[str, Any]:
    """P/R/F1 of the decisions ``same[(a, b)]`` against the ``same_thread`` label."""
    from marsad.eval.stories import prf

    tp = fp = fn = 0
    for g in gold:
        pred, truth = same[(g["a"], g["b"])], g["label"] == POSITIVE
        tp += pred and truth
        fp += pred and not truth
        fn += truth and not pred
    return prf(tp, fp, fn)


def thread_block(gold: Sequence[dict[str, Any]], same: dict[tuple[str, str], bool],
                 cosine: dict[tuple[str, str], float], thresholds: dict[str, float]) -> dict[str, Any]:
    """The scores of one split: the system, the labels and strata, and the TF-IDF baseline —
    its threshold chosen on this split when ``thresholds`` is empty (dev, written into it),
    else applied, with the best F1 this split would allow beside it."""
    from marsad.eval.stories import baseline_scores

    block: dict[str, Any] = {"threads": pair_scores(gold, same)}
    block["labels"] = dict(sorted(Counter(g["label"] for g in gold).items()))
    block["strata"] = {f"{s} {lab}": n for (s, lab), n in sorted(Counter((g.get("stratum", ""), g["label"])
                                                                           for g in gold).items())}
    scored = [(cosine[(g["a"], g["b"])], g["label"] == POSITIVE) for g in gold]
    block["tfidf_baseline"] = baseline_scores(scored, thresholds, "tfidf", choose=not thresholds)
    return block
