"""Analytics over a query's matches: facets (source, month, entity, story) and attention series.

A query and its filters select a set of articles (through the FTS index when there is a query,
through ``articles`` alone when there is none); facets count that set by one column each. The
entity facet counts ``mention`` spans (layer ``mention``, value = entity key) and reads at most
:data:`ENTITY_FACET_SAMPLE` matching articles, so a query matching half the archive stays fast:
the counts it shows are then over that sample, and the result says so.
"""

from __future__ import annotations

import heapq
import sqlite3
from dataclasses import dataclass
from typing import Any

import numpy as np

from marsad.errors import QueryError
from marsad.search import postings
from marsad.search.fts import Filters, Searcher, _filter_sql, parse_query
from marsad.store.schema import SPANS_BY_ARTICLE
from marsad.store.sql import select_in

ENTITY_FACET_SAMPLE = 1000
MAX_SERIES = 8


@dataclass(frozen=True)
class Selection:
    """The SQL that selects a query's matching articles as ``a`` (with ``fts`` when searching)."""

    from_sql: str
    where_sql: str
    args: tuple[Any, ...]


def selection(q: str | None, filters: Filters | None) -> Selection:
    fsql, fargs = _filter_sql(filters or Filters())
    if q and q.strip():
        pq = parse_query(q)
        return Selection("fts JOIN articles a ON a.rowid = fts.rowid", f"fts MATCH ?{fsql}", (pq.fts, *fargs))
    return Selection("articles a", f"1{fsql}", tuple(fargs))


def _run(con: sqlite3.Connection, sql: str, args: Any) -> list[sqlite3.Row]:
    try:
        return con.execute(sql, list(args)).fetchall()
    except sqlite3.OperationalError as e:
        raise QueryError(f"the query could not be run ({e})") from e


def facets(con: sqlite3.Connection, q: str | None, *, filters: Filters | None = None,
           top: int = 12) -> dict[str, Any]:
    """Counts of the matching articles by source, month, story and mentioned entity.

    One pass reads (source, month, story) of every match; the entity facet reads the mention
    spans of the first :data:`ENTITY_FACET_SAMPLE` matches.
    """
    if q and q.strip() and postings.ready(con):
        total, sources, months, stories, sample = _facets_from_postings(con, q, filters or Filters())
    else:
        sel = selection(q, filters)
        rows = _run(con, f"SELECT a.rowid, a.source, substr(a.published_day, 1, 7), a.story"
                         f" FROM {sel.from_sql} WHERE {sel.where_sql}", sel.args)
        sources, months, stories = {}, {}, {}
        for _rowid, src, month, story in rows:
            sources[src] = sources.get(src, 0) + 1
            m = month or "unknown"
            months[m] = months.get(m, 0) + 1
            if story is not None:
                stories[story] = stories.get(story, 0) + 1
        total, sample = len(rows), [r[0] for r in rows[:ENTITY_FACET_SAMPLE]]
    ents: dict[str, int] = {}
    for v, n in select_in(con, f"SELECT value, count(DISTINCT article) FROM {SPANS_BY_ARTICLE}"
                               " WHERE layer = 'mention' AND value != '' AND article IN", sample, after=" GROUP BY value"):
        ents[v] = ents.get(v, 0) + int(n)
    return {
        "total": total,
        "source": sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))[:top * 2],
        "month": sorted(months.items()),
        "story": heapq.nsmallest(top, stories.items(), key=lambda kv: (-kv[1], kv[0])),
        "entity": heapq.nsmallest(top, ents.items(), key=lambda kv: (-kv[1], kv[0])),
        "entity_sample": len(sample),
    }


def _facets_from_postings(con: sqlite3.Connection, q: str, filters: Filters
                          ) -> tuple[int, dict[str, int], dict[str, int], dict[int, int], list[int]]:
    """The same counts from the postings index and its cached columns (see search/postings.py)."""
    try:
        rows, cols = Searcher(con).match_rows(q, filters)
    except sqlite3.OperationalError as e:
        raise QueryError(f"the query could not be run ({e})") from e
    sources = {str(k): n for k, n in cols.count_by(rows, "source").items()}
    months = {("unknown" if k is None else k): n for k, n in cols.count_by(rows, "month").items()}
    st = cols.story[rows]
    ids, counts = np.unique(st[st >= 0], return_counts=True)
    stories = dict(zip(ids.tolist(), counts.tolist(), strict=True))
    return int(rows.size), sources, months, stories, rows[:ENTITY_FACET_SAMPLE].tolist()


def series(con: sqlite3.Connection, specs: list[dict[str, Any]], *, by: str = "month",
           filters: Filters | None = None) -> list[dict[str, Any]]:
    """Attention over time: one series per spec (``{"q": ...}`` or ``{"entity": ..., "keys": [...]}``).

    Each series counts matching articles per ``by`` bucket (``month`` or ``day``). An entity
    series counts articles with a mention whose value is any of ``keys`` (the entity's alias
    keys; default: the entity key alone).
    """
    if by not in ("month", "day"):
        raise QueryError(f"cannot count by {by!r}; use month or day")
    if len(specs) > MAX_SERIES:
        raise QueryError(f"at most {MAX_SERIES} series side by side")
    base = filters or Filters()
    searcher = Searcher(con)
    out = []
    for spec in specs:
        if spec.get("entity"):
            pts = _entity_counts(con, list(spec.get("keys") or [spec["entity"]]), by=by, filters=base)
        else:
            pts = searcher.counts(spec.get("q") or None, by=by, filters=base)
        out.append({**spec, "points": [{"key": k, "count": n} for k, n in pts],
                    "total": sum(n for _k, n in pts)})
    return out


def _entity_counts(con: sqlite3.Connection, keys: list[str], *, by: str, filters: Filters) -> list[tuple[str, int]]:
    width = 7 if by == "month" else 10
    fsql, fargs = _filter_sql(filters)
    keys = keys[:500]
    rows = _run(con, f"SELECT substr(a.published_day, 1, {width}) AS k, count(*) FROM articles a"
                     " WHERE a.rowid IN (SELECT article FROM spans WHERE layer = 'mention'"
                     f" AND value IN ({','.join('?' * len(keys))})){fsql} GROUP BY k ORDER BY k",
                [*keys, *fargs])
    return [(r[0] if r[0] is not None else "unknown", int(r[1])) for r in rows]
