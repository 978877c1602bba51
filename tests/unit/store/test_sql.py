"""Chunked ``IN`` look-ups and writes (store/sql.py) on a real SQLite table."""

from __future__ import annotations

import sqlite3

from marsad.store.sql import CHUNK, chunks, execute_in, placeholders, select_in


def test_select_in_asks_every_distinct_value_once_across_chunks() -> None:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    n = 3 * CHUNK + 7
    con.executemany("INSERT INTO t VALUES (?, ?)", [(k, "even" if k % 2 == 0 else "odd") for k in range(n)])
    wanted = [*range(n - 1, -1, -1), 5, 5, 17]  # unsorted, with repeats, more than three chunks
    rows = list(select_in(con, "SELECT k FROM t WHERE k IN", wanted))
    assert [r[0] for r in rows] == list(range(n))  # each once, in sorted order
    odd = [r[0] for r in select_in(con, "SELECT k FROM t WHERE k IN", wanted, after=" AND v = ?", args=["odd"],
                                   chunk=100)]
    assert odd == list(range(1, n, 2))
    assert list(select_in(con, "SELECT k FROM t WHERE k IN", [])) == []


def test_chunks_and_placeholders() -> None:
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert placeholders(3) == "?,?,?"


def test_execute_in_writes_for_every_value_across_chunks() -> None:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (k INTEGER PRIMARY KEY)")
    n = 2 * CHUNK + 3
    con.executemany("INSERT INTO t VALUES (?)", [(k,) for k in range(n)])
    execute_in(con, "DELETE FROM t WHERE k IN", [*range(n - 2, 0, -2), 1, 1])  # the odd ones, unsorted, repeated
    assert [r[0] for r in con.execute("SELECT k FROM t ORDER BY k")] == list(range(0, n, 2))
    execute_in(con, "DELETE FROM t WHERE k IN", [])
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == CHUNK + 2
