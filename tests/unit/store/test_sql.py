"""Chunked ``IN`` look-ups (store/sql.py) on a real SQLite table."""

from __future__ import annotations

import sqlite3

from marsad.store.sql import CHUNK, chunks, placeholders, select_in


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
