"""Streamed exports for ``/api/export``: a whole table, or the best hits of a query.

Each export opens its own read-only archive handle, so the stream (which Starlette advances
from worker threads) never shares a connection with a request in flight.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

import marsad
from marsad.store.export import ARTICLE_FIELDS, flat, plover_rows, rows_for

_MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "plover": "application/x-ndjson"}


def _query_rows(arc: Any, q: str, limit: int) -> tuple[list[str], Iterator[dict[str, Any]]]:
    fields = [f for f in ARTICLE_FIELDS if f not in ("first_published",)] + ["score"]

    def rows() -> Iterator[dict[str, Any]]:
        done = 0
        while done < limit:
            hits, _total = arc.search(q, limit=min(500, limit - done), offset=done)
            if not hits:
                return
            for h in hits:
                art = arc.get(h.id)
                row = arc.get_row(h.id)
                out = {k: row.get(k) for k in fields if k in row}
                out["clean_text"] = art.clean_text
                out["score"] = h.score
                yield out
            done += len(hits)

    return fields, rows()


def export_stream(path: str | Path, *, table: str, fmt: str, q: str = "",
                  limit: int = 1000) -> tuple[Iterator[bytes], str, str]:
    """(byte chunks, media type, file name) for ``table`` in ``fmt`` (jsonl, csv; plover: the
    events table as PLOVER-style JSON lines)."""
    from marsad.errors import QueryError

    if fmt == "plover" and (table != "events" or q.strip()):
        raise QueryError("format=plover writes the events table; ask for table=events without q")
    if q.strip() and table != "articles":
        # it streamed the matching articles under the name of the table asked for
        raise QueryError(f"q= exports the matching articles (table=articles); table={table} is exported "
                         "whole: leave out q, or table")
    arc = marsad.open(path, readonly=True)
    if fmt == "plover":
        fields, rows = [], plover_rows(arc)
        name = "marsad-events.plover.jsonl"
    elif q.strip():
        from marsad.search.fts import parse_query

        parse_query(q)  # a bad query fails before the response starts
        fields, rows = _query_rows(arc, q, limit)
        name = f"marsad-search.{fmt}"
    else:
        fields, rows = rows_for(arc, table)
        name = f"marsad-{table}.{fmt}"

    def body() -> Iterator[bytes]:
        try:
            if fmt == "csv":
                buf = io.StringIO()
                w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
                w.writeheader()
                for i, r in enumerate(rows):
                    w.writerow(flat(r))
                    if i % 200 == 199:
                        yield buf.getvalue().encode()
                        buf.seek(0)
                        buf.truncate()
                yield buf.getvalue().encode()
            else:
                chunk: list[bytes] = []
                for r in rows:
                    chunk.append(orjson.dumps(r, default=str) + b"\n")
                    if len(chunk) >= 200:
                        yield b"".join(chunk)
                        chunk.clear()
                yield b"".join(chunk)
        finally:
            arc.close()

    return body(), _MEDIA[fmt], name
