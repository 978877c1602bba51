"""Load test of the web API: N concurrent clients searching for S seconds, on loopback only.

    python -m benchmarks.bench_web_load --archive /tmp/full.db [--clients 200] [--seconds 30]
        [--workers 2] [--queries fixed|vocab] [--distinct 2000] [--think-ms 0]

Starts ``marsad serve`` (read-only) on 127.0.0.1 at a free port, then runs ``--clients``
closed-loop clients (HTTP/1.1 keep-alive, one connection each, no think time by default) that
send ``GET /api/search?q=…`` — the JSON twin of the search page, with facets and copies
collapsed, exactly what the UI asks for — until ``--seconds`` have passed. Queries come from a
fixed list of 50 analyst queries (``fixed``: popular searches, so most are answered from the
server's cache once warm) or from ``--distinct`` words drawn from the archive's titles with a
fixed seed (``vocab``: mostly cache misses, the cold case). Any status other than 200, any
broken connection and any request slower than ``--timeout`` counts as an error.

Bounded: loopback only, at most ``--seconds`` + 20 s of wall time, and the server is stopped at
the end. Prints JSON: requests, errors, requests/s, latency p50/p95/p99/max (ms), and the
same for the first 10 % of the run (the cold start).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from benchmarks.bench_search import QUERIES
from benchmarks.common import emit, percentile

FIXED = QUERIES  # the same 50 analyst queries as the search latency benchmark
HOST = "127.0.0.1"


def vocab_queries(archive: str, n: int, seed: int = 7) -> list[str]:
    """``n`` distinct words (3+ letters) from article titles, drawn with a fixed seed."""
    con = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    words: set[str] = set()
    for (title,) in con.execute("SELECT title FROM articles WHERE title != '' LIMIT 40000"):
        for w in title.split():
            w = w.strip("«»\"'.,:؛،()[]!؟?-")
            if len(w) >= 3 and not w.isdigit():
                words.add(w)
    con.close()
    pool = sorted(words)
    random.Random(seed).shuffle(pool)
    return pool[:n]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(archive: str, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "serve", "--archive", archive, "--host", HOST,
         "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError((proc.stderr.read() if proc.stderr else b"").decode()[-2000:]) from None
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    chunked = False
    for line in lines[1:]:
        k, _, v = line.partition(":")
        k = k.strip().lower()
        if k == "content-length":
            length = int(v)
        elif k == "transfer-encoding" and "chunked" in v:
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


async def client(i: int, port: int, paths: list[str], stop_at: float, timeout: float, think: float,
                 out: list[tuple[float, float, int]], errors: list[str]) -> None:
    rnd = random.Random(i)
    conn = None
    while time.monotonic() < stop_at:
        path = paths[rnd.randrange(len(paths))]
        t0 = time.monotonic()
        try:
            async with asyncio.timeout(timeout):  # no extra task per request, unlike wait_for
                if conn is None:
                    conn = await asyncio.open_connection(HOST, port)
                status = await _request(*conn, path)
            dt = time.monotonic() - t0
            out.append((t0, dt, status))
            if status != 200:
                errors.append(f"HTTP {status} for {path}")
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
            out.append((t0, time.monotonic() - t0, 0))
            errors.append(f"{type(e).__name__} for {path}")
            if conn is not None:
                conn[1].close()
            conn = None
        if think:
            await asyncio.sleep(rnd.uniform(0.5, 1.5) * think)
    if conn is not None:
        conn[1].close()


async def run_load(port: int, paths: list[str], clients: int, seconds: float, timeout: float,
                   think: float) -> tuple[list[tuple[float, float, int]], list[str], float, float]:
    out: list[tuple[float, float, int]] = []
    errors: list[str] = []
    start = time.monotonic()
    stop_at = start + seconds
    tasks = [asyncio.create_task(client(i, port, paths, stop_at, timeout, think, out, errors))
             for i in range(clients)]
    await asyncio.wait(tasks, timeout=seconds + timeout + 10)
    for t in tasks:
        t.cancel()
    return out, errors, start, time.monotonic()


def _stats(ms: list[float]) -> dict[str, float]:
    if not ms:
        return {}
    return {"p50": round(percentile(ms, 50), 1), "p95": round(percentile(ms, 95), 1),
            "p99": round(percentile(ms, 99), 1), "max": round(max(ms), 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", required=True)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=1, help="server processes (1 shares one cache)")
    ap.add_argument("--queries", choices=["fixed", "vocab"], default="fixed")
    ap.add_argument("--distinct", type=int, default=2000, help="distinct queries for --queries vocab")
    ap.add_argument("--think-ms", type=float, default=0, help="mean pause between a client's requests")
    ap.add_argument("--timeout", type=float, default=10, help="seconds before a request counts as failed")
    args = ap.parse_args()
    if not Path(args.archive).exists():
        emit({"benchmark": "web_load", "skipped": f"no archive at {args.archive}"})
        return
    if not 1 <= args.clients <= 1000 or not 0 < args.seconds <= 600:
        raise SystemExit("clients must be 1..1000 and seconds 0..600")
    queries = FIXED if args.queries == "fixed" else vocab_queries(args.archive, args.distinct)
    paths = []
    for q in queries:
        paths.append("/api/search?q=" + quote(q))
        if args.queries == "fixed":
            paths.append("/api/search?q=" + quote(q) + "&offset=20")
    con = sqlite3.connect(f"file:{args.archive}?mode=ro", uri=True)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    port = free_port()
    server = start_server(args.archive, port, args.workers)
    try:
        try:  # the client's own overhead is part of what is measured: keep it small
            import uvloop

            asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
        except ImportError:
            pass
        out, errors, start, end = asyncio.run(run_load(port, paths, args.clients, args.seconds,
                                                       args.timeout, args.think_ms / 1000))
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    ms = [dt * 1000 for _t0, dt, _s in out]
    cold_until = start + 0.1 * args.seconds
    emit({
        "benchmark": "web_load",
        "archive": args.archive, "articles": n_articles,
        "endpoint": "/api/search (facets, copies collapsed)",
        "clients": args.clients, "seconds": args.seconds, "server_workers": args.workers,
        "queries": args.queries, "distinct_requests": len(paths), "think_ms": args.think_ms,
        "cores": os.cpu_count(),
        "requests": len(out), "errors": len(errors),
        "error_kinds": sorted({e.split(" for ")[0] for e in errors})[:10],
        "requests_per_s": round(len(out) / max(1e-9, end - start), 1),
        "latency_ms": _stats(ms),
        "cold_first_10pct_ms": _stats([dt * 1000 for t0, dt, _s in out if t0 < cold_until]),
        "warm_last_90pct_ms": _stats([dt * 1000 for t0, dt, _s in out if t0 >= cold_until]),
    })


if __name__ == "__main__":
    main()
