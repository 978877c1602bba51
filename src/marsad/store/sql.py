"""Generic SQL helpers of the store: ``IN`` lists asked (or written) a chunk at a time.

SQLite binds at most a fixed number of parameters per statement (32,766 since 3.32, 999
before), so a look-up of many keys is asked in chunks of :data:`CHUNK` values; each chunk is
one statement over the table's index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

#: values bound per statement: under every SQLite's limit, and few statements for a batch
CHUNK = 500


def chunks(seq: Sequence[Any], n: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``seq`` in consecutive slices of ``n`` items (the last one shorter)."""
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def placeholders(n: int) -> str:
    """``?,?,…`` for ``n`` bound values."""
    return ",".join("?" * n)


def select_in(con: sqlite3.Connection, sql: str, values: Sequence[Any], *, after: str = "",
              args: Sequence[Any] = (), chunk: int = CHUNK) -> Iterator[Any]:
    """The rows of ``sql`` (ending in ``IN``, then ``after`` with its ``args``) for the distinct
    ``values``, asked ``chunk`` values at a time, in sorted order (SQLite's limit on bound
    parameters)."""
    for part in chunks(sorted(set(values)), chunk):
        yield from con.execute(f"{sql} ({placeholders(len(part))}){after}", [*part, *args])


def execute_in(con: sqlite3.Connection, sql: str, values: Sequence[Any], *, chunk: int = CHUNK) -> None:
    """Run ``sql`` (a write ending in ``IN``, such as a ``DELETE``) for the distinct ``values``,
    ``chunk`` values at a time, in sorted order."""
    for part in chunks(sorted(set(values)), chunk):
        con.execute(f"{sql} ({placeholders(len(part))})", list(part))
