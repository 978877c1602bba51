"""The caches: single flight for page data, byte-exact replay of responses, invalidation."""

from __future__ import annotations

import threading
import time
from urllib.parse import quote

import pytest

from marsad.web.queries import Cache


def test_single_flight_computes_once_for_concurrent_misses():
    cache = Cache(size=10)
    calls = []
    gate = threading.Event()

    def make():
        calls.append(1)
        gate.wait(5)
        return {"v": len(calls)}

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or("k", make))) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join(5)
    assert len(calls) == 1 and results == [{"v": 1}] * 8
    assert cache.get_or("k", make) == {"v": 1} and len(calls) == 1


def test_a_failed_computation_is_not_cached():
    cache = Cache(size=10)

    def bad():
        raise ValueError("boom")

    with pytest.raises(ValueError):
        cache.get_or("k", bad)
    assert cache.get_or("k", lambda: 42) == 42


def test_lru_evicts_the_oldest():
    cache = Cache(size=2)
    for k in "abc":
        cache.get_or(k, lambda k=k: k)
    n = []
    cache.get_or("a", lambda: n.append(1) or "a")
    assert n == [1]  # "a" had been evicted


def test_response_cache_replays_exactly_and_skips_errors(client):
    rc = next(m for m in _middlewares(client.app) if type(m).__name__ == "ResponseCache")
    url = "/api/search?q=" + quote("النفط") + "&limit=7"
    first = client.get(url)
    hits0 = rc.hits
    second = client.get(url)
    assert rc.hits == hits0 + 1
    assert second.content == first.content and second.headers["content-type"] == "application/json"
    assert "content-security-policy" in second.headers
    bad = "/api/search?q=%22"
    client.get(bad)
    h = rc.hits
    assert client.get(bad).status_code == 400 and rc.hits == h  # errors are never replayed
    # HTML pages are keyed by the preference cookies too
    client.cookies.clear()
    ar = client.get("/search?q=" + quote("النفط"))
    client.cookies.set("marsad_lang", "en")
    try:
        en = client.get("/search?q=" + quote("النفط"))
    finally:
        client.cookies.clear()
    assert '<html lang="ar"' in ar.text and '<html lang="en"' in en.text


def test_response_cache_follows_the_archive(tmp_path):
    import orjson
    from fastapi.testclient import TestClient

    import marsad
    from conftest import PLAIN
    from marsad.api import IngestOptions
    from marsad.web.app import create_app

    src = tmp_path / "a.jsonl"
    src.write_bytes(orjson.dumps(PLAIN[0]) + b"\n")
    path = tmp_path / "live.db"
    with marsad.open(path) as arc:
        arc.ingest([src], options=IngestOptions(workers=1))
    with TestClient(create_app(path)) as c:
        assert c.get("/api/search", params={"q": "طقس"}).json()["articles"] == 1
        more = dict(PLAIN[0], id="weather-2", url="https://example.org/weather-2", text=PLAIN[0]["text"] + " طقس")
        src.write_bytes(orjson.dumps(more) + b"\n")
        with marsad.open(path) as arc:
            arc.ingest([src], options=IngestOptions(workers=1))
        assert c.get("/api/search", params={"q": "طقس"}).json()["articles"] == 2  # (a copy of the first: one hit, two articles)


def _middlewares(app):
    """The instantiated middleware objects of a started Starlette app, outermost first."""
    out = []
    m = app.middleware_stack
    while m is not None:
        out.append(m)
        m = getattr(m, "app", None)
    return out
