"""The NER scorer: conlleval-style exact matching and B³."""

from __future__ import annotations

from marsad.eval.ner import b_cubed, chunks, conll_f1, score_entities


def test_chunks_reads_bio_and_iob1() -> None:
    assert chunks(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-LOC"]) == [
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 6, "LOC")]


def test_exact_match_only() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]  # the person is cut short: wrong
    sc = conll_f1(gold, pred)
    assert (sc.micro.tp, sc.micro.fp, sc.micro.fn) == (1, 1, 1)
    assert sc.by_type["LOC"].f1 == 1.0
    assert sc.by_type["PERS"].f1 == 0.0


def test_b_cubed() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert b_cubed(gold, {"a": "x", "b": "x", "c": "y"})["f1"] == 1.0
    split = b_cubed(gold, {"a": "x", "b": "z", "c": "y"})
    assert split["precision"] == 1.0 and split["recall"] < 1.0


def test_score_entities_ignores_misc_zones_and_checks_countries() -> None:
    gold = [{"id": "a", "mentions": [
        {"start": 0, "end": 5, "type": "GPE", "entity": "ru", "country": "RU"},
        {"start": 10, "end": 20, "type": "MISC", "entity": "cup", "country": None},
        {"start": 30, "end": 35, "type": "NORP", "entity": "ir", "country": "IR"},
    ]}]
    pred = {"a": [
        {"start": 0, "end": 5, "type": "GPE", "entity": "gpe:x", "country": "RU"},
        {"start": 12, "end": 15, "type": "GPE", "entity": "gpe:y", "country": "FR"},  # inside MISC
        {"start": 30, "end": 35, "type": "NORP", "entity": "norp:z", "country": "IQ"},
    ]}
    out = score_entities(gold, pred)
    assert out["mentions"]["micro"]["f1"] == 1.0
    assert out["country"]["accuracy_found"] == 0.5
