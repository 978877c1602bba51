"""Read queries for event mentions (``event`` spans) and what groups them: the SQL behind
``marsad events``, the web's event pages and the events exports (:mod:`marsad.corpus.event_views`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from marsad.store.sql import select_in


def event_rows(con: sqlite3.Connection, *, date_from: str | None = None, date_to: str | None = None,
               types: Sequence[str] = (), sources: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
    """Every event mention of the articles published in a period (inclusive days, as
    :func:`marsad.search.fts.check_day` writes them; an upper month or year bound ends in
    U+FFFF), of ``types`` and ``sources`` when given, with its article's brief; oldest first."""
    where = ["s.layer = 'event'"]
    args: list[Any] = []
    if date_from:
        where.append("a.published_day >= ?")
        args.append(date_from)
    if date_to:
        where.append("a.published_day <= ?")
        args.append(date_to)
    if types:
        where.append(f"s.label IN ({','.join('?' * len(types))})")
        args += list(types)
    if sources:
        where.append(f"a.source IN ({','.join('?' * len(sources))})")
        args += list(sources)
    sql = ("SELECT a.rowid AS rowid, a.id AS id, a.source AS source, a.title AS title, "
           "a.published_at AS published_at, a.story AS story, s.start AS start, s.\"end\" AS \"end\", "
           "s.label AS label, s.attrs AS attrs FROM articles a JOIN spans s ON s.article = a.rowid "
           f"WHERE {' AND '.join(where)} ORDER BY a.published_day, a.rowid, s.start")
    for r in con.execute(sql, args):
        d = dict(r)
        d["attrs"] = orjson.loads(d["attrs"]) if d["attrs"] else {}
        yield d


def all_story_member_dates(con: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """``story, id, published_at`` of every article in a story (for a whole-table export)."""
    for r in con.execute("SELECT story, id, published_at FROM articles WHERE story IS NOT NULL"):
        yield dict(r)


def article_story(con: sqlite3.Connection, article_id: str) -> tuple[int, str, int | None] | None:
    """``(rowid, id, story)`` of the article with this id or alias, or None."""
    r = con.execute("SELECT rowid, id, story FROM articles WHERE id = ?", (article_id,)).fetchone()
    if r is None:
        r = con.execute("SELECT a.rowid, a.id, a.story FROM aliases x JOIN articles a ON a.rowid = x.article "
                        "WHERE x.id = ?", (article_id,)).fetchone()
    return None if r is None else (int(r[0]), str(r[1]), r[2])


def events_of_articles(con: sqlite3.Connection, rowids: Sequence[int], *, label: str | None = None) -> list[dict[str, Any]]:
    """The event mentions of some articles (of one type when ``label``), with each article's
    brief and text, oldest article first."""
    sql = ("SELECT a.rowid AS rowid, a.id AS id, a.source AS source, a.title AS title, "
           "a.published_at AS published_at, a.story AS story, a.text AS text, s.start AS start, "
           "s.\"end\" AS \"end\", s.label AS label, s.attrs AS attrs FROM articles a "
           "JOIN spans s ON s.article = a.rowid AND s.layer = 'event' WHERE a.rowid IN")
    out: list[dict[str, Any]] = []
    for r in select_in(con, sql, rowids, after=" AND s.label = ?" if label else "", args=[label] if label else []):
        d = dict(r)
        d["attrs"] = orjson.loads(d["attrs"]) if d["attrs"] else {}
        out.append(d)
    return out


def story_rowids(con: sqlite3.Connection, story: int) -> list[int]:
    return [int(r[0]) for r in con.execute("SELECT rowid FROM articles WHERE story = ?", (story,))]


def story_event_dates(con: sqlite3.Connection, stories: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """``story, id, label`` and ``attrs`` holding only the ``date`` of every event mention of the
    members of ``stories`` (of every story when None): the days a story's reports state, which
    :func:`marsad.enrich.events.group.stated_days` collects."""
    sql = ("SELECT a.story AS story, a.id AS id, s.label AS label, json_extract(s.attrs, '$.date.value') AS value, "
           "json_extract(s.attrs, '$.date.source') AS src FROM articles a JOIN spans s ON s.article = a.rowid "
           "AND s.layer = 'event' AND s.attrs != '' WHERE a.story")
    rows = con.execute(sql + " IS NOT NULL") if stories is None else select_in(con, sql + " IN", stories)
    return [{"story": r["story"], "id": r["id"], "label": r["label"],
             "attrs": {"date": {"value": r["value"], "source": r["src"]}}} for r in rows]


def article_published(con: sqlite3.Connection, article_id: str) -> str | None:
    """The publication time of the article with this id, or None."""
    r = con.execute("SELECT published_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if r is None else r[0]
