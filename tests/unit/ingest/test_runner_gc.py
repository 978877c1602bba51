"""The ingest workers collect cyclic garbage less often inside a batch, and only there."""

from __future__ import annotations

import gc

import orjson
import pytest

from marsad.runners.local import analyse_batch, fewer_collections


def test_thresholds_come_back_after_the_batch_even_on_error() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        inside = gc.get_threshold()
    assert inside[0] > before[0] and gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a stage failed")
    assert gc.get_threshold() == before


def test_a_batch_runs_under_fewer_collections_and_restores_them(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import marsad.runners.local as local

    seen: list[tuple[int, int, int]] = []
    before = gc.get_threshold()
    real = local._pipeline

    class Spy:
        def __init__(self, pipe) -> None:  # type: ignore[no-untyped-def]
            self.pipe = pipe

        def run(self, rec, extras=None):  # type: ignore[no-untyped-def]
            seen.append(gc.get_threshold())
            return self.pipe.run(rec, extras=extras)

    monkeypatch.setattr(local, "_pipeline", lambda spec: Spy(real(spec)))
    record = {"source": "t", "text": "قال الرئيس إن الاجتماع سيعقد غدا في القاهرة.", "title": "خبر"}
    payload = orjson.dumps([{"id": "a1", "doc_hash": "", "record": record}])
    out = orjson.loads(analyse_batch(["language.v1"], payload))
    assert out[0]["article"]["id"] == "a1"
    assert seen and seen[0][0] > before[0]
    assert gc.get_threshold() == before
