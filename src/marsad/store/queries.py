"""Read queries for the web UI and the HTTP API: articles, copies, stories, threads (entities
are in :mod:`marsad.store.entity_queries`).

Everything here reads; nothing writes. The corpus stages (entity registry, copy groups, stories,
threads) land in their own migrations, so each query first asks ``sqlite_master`` /
``PRAGMA table_info`` what exists and degrades to what the ``articles`` and ``spans`` tables
alone can tell: an entity without a registry row is the set of ``mention`` spans sharing one
value (the entity key); a story without a ``stories`` row is the set of articles sharing one
``articles.story`` number.

Surface forms are cut from the stored text with ``substr(text, start + 1, end - start)``:
SQLite counts characters (code points) for TEXT, exactly as Python offsets do.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import orjson

from marsad.corpus.provenance import publication_order
from marsad.search.fts import Filters, _filter_sql, hidden_spans, lead_end
from marsad.store.sql import select_in

ARTICLE_BRIEF = "a.rowid AS rowid, a.id, a.title, a.source, a.url, a.published_at, a.published_day"



# --- what exists ------------------------------------------------------------------------------


def has_table(con: sqlite3.Connection, name: str) -> bool:
    return con.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
    ).fetchone() is not None


def columns(con: sqlite3.Connection, table: str) -> list[str]:
    """The column names of ``table`` (empty when it does not exist)."""
    if not has_table(con, table):
        return []
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def _first(cols: list[str], wanted: tuple[str, ...]) -> str | None:
    return next((c for c in wanted if c in cols), None)


def _decode(v: Any) -> Any:
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return orjson.loads(v)
        except orjson.JSONDecodeError:
            return v
    return v


def _row(r: sqlite3.Row | None) -> dict[str, Any] | None:
    return None if r is None else {k: _decode(r[k]) for k in r.keys()}


def generation(con: sqlite3.Connection) -> tuple[int, int]:
    """Changes whenever articles or corpus state change: (max article rowid, schema version)."""
    top = con.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    ver = con.execute("PRAGMA schema_version").fetchone()[0]
    return int(top), int(ver)


# --- articles ---------------------------------------------------------------------------------


def browse(con: sqlite3.Connection, *, filters: Filters, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Articles matching ``filters`` without a text query, newest first."""
    fsql, fargs = _filter_sql(filters)
    total = con.execute(f"SELECT count(*) FROM articles a WHERE 1{fsql}", fargs).fetchone()[0]
    rows = con.execute(
        f"SELECT {ARTICLE_BRIEF}, a.published_at_source, a.copy_group, a.story,"
        " substr(a.text, 1, 1000) AS snippet"
        f" FROM articles a WHERE 1{fsql}"
        " ORDER BY a.published_day IS NULL, a.published_day DESC, a.rowid DESC LIMIT ? OFFSET ?",
        [*fargs, limit, offset],
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        # from the body: a text file or page holds its title on its first line, shown above
        start = lead_end(d["snippet"], hidden_spans(con, d["rowid"]))
        d["snippet"] = d["snippet"][start:start + 240]
        out.append(d)
    return out, int(total)


def article_links(con: sqlite3.Connection, rowid: int) -> dict[str, Any]:
    """The corpus facts about one article: its copy group (with the first publisher), story, thread."""
    acols = columns(con, "articles")
    row = con.execute("SELECT * FROM articles WHERE rowid = ?", (rowid,)).fetchone()
    out: dict[str, Any] = {"copy_group": None, "first_published": None, "copies": [], "group": None,
                           "copied_from": None, "story": None, "thread": None, "aliases": []}
    if row is None:
        return out
    out["aliases"] = [r[0] for r in con.execute("SELECT id FROM aliases WHERE article = ?", (rowid,))]
    group = row["copy_group"] if "copy_group" in acols else None
    out["copy_group"] = group
    out["first_published"] = _flag(row["first_published"]) if "first_published" in acols else None
    if group is not None:
        out["copies"] = copy_members(con, group)
        out["group"] = copy_group_row(con, group)
    out["copied_from"] = copied_from(con, rowid)
    if "story" in acols and row["story"] is not None:
        out["story"] = story_brief(con, int(row["story"]))
    thread = row["thread"] if "thread" in acols else None
    if thread is None and out["story"]:
        thread = out["story"].get("thread")
    out["thread"] = thread
    return out


def _flag(v: Any) -> bool | None:
    return None if v is None else bool(v)


def copy_members(con: sqlite3.Connection, group: int, *, limit: int = 200) -> list[dict[str, Any]]:
    """The articles of one copy group, earliest first (as UTC instants); ``first_published`` marks the first
    publisher (from ``articles.first_published``, else ``copy_groups.first``)."""
    rows = con.execute(f"SELECT {ARTICLE_BRIEF}, a.first_published FROM articles a WHERE a.copy_group = ?",
                       (group,)).fetchall()
    rows.sort(key=lambda r: publication_order(r["published_at"], r["rowid"]))
    out = [{**dict(r), "first_published": _flag(r["first_published"])} for r in rows[:limit]]
    if out and not any(m["first_published"] for m in out):
        first = (copy_group_row(con, group) or {}).get("first")
        for m in out:
            m["first_published"] = m["rowid"] == first if first is not None else None
    return out


def group_sizes(con: sqlite3.Connection, groups: list[int]) -> dict[int, int]:
    """How many stored articles each copy group has (``articles_copy_group`` index)."""
    if not groups:
        return {}
    return {int(g): int(n) for g, n in con.execute(
        f"SELECT copy_group, count(*) FROM articles WHERE copy_group IN ({','.join('?' * len(groups))})"
        " GROUP BY copy_group", groups)}


def copy_group_row(con: sqlite3.Connection, group: int) -> dict[str, Any] | None:
    """The ``copy_groups`` row (first article, original agency, size) when the table exists."""
    if "grp" not in columns(con, "copy_groups"):
        return None
    return _row(con.execute("SELECT * FROM copy_groups WHERE grp = ?", (group,)).fetchone())


def copied_from(con: sqlite3.Connection, rowid: int) -> dict[str, Any] | None:
    """The article this one was copied from (``copy_edges``: who republished whom), if known."""
    if not {"dst", "src"} <= set(columns(con, "copy_edges")):
        return None
    r = con.execute(f"SELECT {ARTICLE_BRIEF}, e.jaccard, e.added, e.removed FROM copy_edges e"
                    " JOIN articles a ON a.rowid = e.src WHERE e.dst = ?", (rowid,)).fetchone()
    return dict(r) if r else None


# --- stories and threads ----------------------------------------------------------------------


def _by_id(con: sqlite3.Connection, table: str, ident: int) -> dict[str, Any] | None:
    cols = columns(con, table)
    kcol = _first(cols, ("id", {"stories": "story", "threads": "thread"}.get(table, table)))
    if not cols or not kcol:
        return None
    return _row(con.execute(f'SELECT * FROM "{table}" WHERE "{kcol}" = ?', (ident,)).fetchone())


def _by_ids(con: sqlite3.Connection, table: str, idents: list[int]) -> dict[int, dict[str, Any]]:
    """:func:`_by_id` for several rows: one query a chunk."""
    cols = columns(con, table)
    kcol = _first(cols, ("id", {"stories": "story", "threads": "thread"}.get(table, table)))
    if not cols or not kcol:
        return {}
    return {int(r[kcol]): _row(r) or {} for r in select_in(con, f'SELECT * FROM "{table}" WHERE "{kcol}" IN', idents)}


def merged_into(con: sqlite3.Connection, story: int) -> int | None:
    """The story a story was folded into by the clusterer (``story_merges``), or ``None``."""
    if not columns(con, "story_merges"):
        return None
    r = con.execute("SELECT into_story FROM story_merges WHERE story = ?", (story,)).fetchone()
    return None if r is None else int(r[0])


def story_brief(con: sqlite3.Connection, story: int) -> dict[str, Any]:
    row = _by_id(con, "stories", story) or {}
    n = con.execute("SELECT count(*), min(published_day), max(published_day) FROM articles WHERE story = ?",
                    (story,)).fetchone()
    # the first publisher's title (the stored strings sort by local time across zones)
    rows = con.execute("SELECT title, published_at, rowid FROM articles WHERE story = ? AND title != ''",
                       (story,)).fetchall()
    title = min(rows, key=lambda r: publication_order(r[1], r[2]))[0] if rows else ""
    return {"id": story, "title": title, "articles": int(n[0]), "first": n[1], "last": n[2],
            "thread": row.get("thread"), "row": row or None}


def story_members(con: sqlite3.Connection, story: int, *, limit: int = 500) -> list[dict[str, Any]]:
    """A story's members in publication order (:func:`~marsad.corpus.provenance.publication_order`),
    the first ``limit``."""
    rows = con.execute(
        f"SELECT {ARTICLE_BRIEF}, a.published_at_source, a.copy_group, a.first_published FROM articles a "
        "WHERE a.story = ?", (story,),
    ).fetchall()
    rows.sort(key=lambda r: publication_order(r["published_at"], r["rowid"]))
    return [{**dict(r), "first_published": _flag(r["first_published"])} for r in rows[:limit]]


def moved_thread(con: sqlite3.Connection, thread: int) -> int | None:
    """The thread a thread id now leads to when the thread is gone (a thread shown for stories
    still open, which joined another when they closed: ``corpus_state`` ``threads_moved``), or
    ``None``."""
    if not columns(con, "corpus_state"):
        return None
    r = con.execute("SELECT value FROM corpus_state WHERE name='threads_moved'").fetchone()
    moves = orjson.loads(r[0]) if r else {}
    seen = {thread}
    while (nxt := moves.get(str(thread))) is not None and nxt not in seen:
        thread = int(nxt)
        seen.add(thread)
    return thread if len(seen) > 1 else None


def thread_info(con: sqlite3.Connection, thread: int) -> dict[str, Any] | None:
    """A thread: its row (if a ``threads`` table exists) and its stories as :func:`story_brief`
    gives them, earliest first, but with an empty ``title`` (the caller titles them all in one
    scan: :func:`marsad.corpus.views.story_titles`). Three queries a chunk of stories."""
    row = _by_id(con, "threads", thread)
    story_ids: list[int] = []
    if "thread" in columns(con, "stories"):
        kcol = _first(columns(con, "stories"), ("id", "story"))
        if kcol:
            story_ids = [int(r[0]) for r in con.execute(
                f'SELECT "{kcol}" FROM stories WHERE thread = ?', (thread,))]
    if "thread" in columns(con, "articles"):
        story_ids += [int(r[0]) for r in con.execute(
            "SELECT DISTINCT story FROM articles WHERE thread = ? AND story IS NOT NULL", (thread,))]
    story_ids = sorted(set(story_ids))
    if row is None and not story_ids:
        return None
    rows = _by_ids(con, "stories", story_ids)
    counts = {int(r[0]): (int(r[1]), r[2], r[3]) for r in select_in(
        con, "SELECT story, count(*), min(published_day), max(published_day) FROM articles WHERE story IN",
        story_ids, after=" GROUP BY story")}
    stories = []
    for s in story_ids:
        n, first, last = counts.get(s, (0, None, None))
        r = rows.get(s) or {}
        stories.append({"id": s, "title": "", "articles": n, "first": first, "last": last,
                        "thread": r.get("thread"), "row": r or None})
    stories.sort(key=lambda s: (s["first"] or "9999", s["id"]))
    return {"id": thread, "row": row, "stories": stories,
            "title": (row or {}).get("title") or (row or {}).get("label") or ""}


def day_counts(con: sqlite3.Connection, *, story: int | None = None, stories: list[int] | None = None) -> list[tuple[str, int]]:
    """Articles per day for one story or several (a thread's timeline)."""
    ids = [story] if story is not None else list(stories or [])
    if not ids:
        return []
    rows = con.execute(
        f"SELECT published_day, count(*) FROM articles WHERE story IN ({','.join('?' * len(ids))})"
        " GROUP BY published_day ORDER BY published_day", ids,
    ).fetchall()
    return [(r[0] or "unknown", int(r[1])) for r in rows]
