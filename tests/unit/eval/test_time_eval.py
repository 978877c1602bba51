"""Scoring of time expressions, and the evaluation gate on marsad's own gold (pinned floors).

The floors are what the tagger scored when they were set; a change that lowers a score fails
here unless the floor is lowered on purpose (with the reason in the commit).
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from marsad.eval.time import Report, match_spans, score_doc, wojood_sentences

FLOORS = {
    "dev": {"strict_f1": 0.98, "lenient_f1": 0.985, "value_accuracy": 0.98, "published_at_accuracy": 0.97},
    "heldout": {"strict_f1": 0.97, "lenient_f1": 0.97, "value_accuracy": 0.89, "published_at_accuracy": 0.95},
    "wojood_test": {"lenient_f1": 0.83},
}


def test_match_spans_strict_and_lenient():
    gold = [(0, 5, "a"), (10, 20, "b")]
    pred = [(0, 5, "a"), (12, 18, "x"), (30, 32, "c")]
    pairs, fn, fp = match_spans(gold, pred, lenient=False)
    assert (pairs, fn, fp) == ([(0, 0)], [1], [1, 2])
    pairs, fn, fp = match_spans(gold, pred, lenient=True)
    assert (pairs, fn, fp) == ([(0, 0), (1, 1)], [], [2])
    rep = Report()
    score_doc(rep, "x" * 40, gold, pred)
    assert (rep.strict.tp, rep.strict.fp, rep.strict.fn, rep.strict.value_ok) == (1, 2, 1, 1)
    assert rep.lenient.f1 == pytest.approx(0.8)


def test_wojood_reader_joins_tokens_and_keeps_date_spans(tmp_path):
    p = tmp_path / "x_test.flat.conll"
    p.write_text("ولد O\nفي O\n12 B-DATE\nأيار I-DATE\n1922 I-DATE\n. O\n\nالآن B-TIME\n", encoding="utf-8")
    (s1, g1), (s2, g2) = wojood_sentences(p)
    assert s1[g1[0][0]:g1[0][1]] == "12 أيار 1922" and g1[0][2] == "DATE"
    assert s2 == "الآن" and g2 == [(0, 4, "TIME")]


def test_gold_files_hold_offsets_not_text():
    for split in ("dev", "heldout"):
        p = resources.files("marsad") / "data" / "gold" / f"time_{split}.jsonl"
        rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
        assert rows and all(set(r) == {"id", "corpus", "source", "split", "text_sha1", "published", "timexes"}
                            for r in rows)
        for r in rows:
            for t in r["timexes"]:
                assert set(t) <= {"start", "end", "type", "value", "mod"}
                assert t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["end"] > t["start"]


@pytest.mark.shared
def test_time_scores_stay_above_their_floors(shared_data):
    from marsad.eval.time import evaluate

    r = evaluate(shared_data)
    for name, floors in FLOORS.items():
        got = r[name]
        scores = {"strict_f1": got["strict"]["f1"], "lenient_f1": got["lenient"]["f1"],
                  "value_accuracy": got["strict"].get("value_accuracy"),
                  "published_at_accuracy": got.get("published_at_accuracy")}
        for k, floor in floors.items():
            assert scores[k] >= floor, f"{name} {k} = {scores[k]} fell below its floor {floor}"
