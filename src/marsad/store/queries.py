"""Read queries for the web UI and the HTTP API: articles, copies, entities, stories, threads.

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
from collections import Counter
from typing import Any

import orjson

from marsad.search.fts import Filters, _filter_sql

ARTICLE_BRIEF = "a.rowid AS rowid, a.id, a.title, a.source, a.url, a.published_at, a.published_day"

#: columns an entity registry may use, in order of preference, for each role
_ENTITY_KEY_COLS = ("key", "entity", "id")
_ENTITY_NAME_COLS = ("name", "name_ar", "canonical", "label_ar", "display")
_ENTITY_EN_COLS = ("name_en", "english", "label_en")
_ENTITY_TYPE_COLS = ("type", "label", "kind")
_VARIANT_TABLES = ("entity_variants", "entity_names", "variants")


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
        f"SELECT {ARTICLE_BRIEF}, a.copy_group, a.story, substr(a.text, 1, 240) AS snippet"
        f" FROM articles a WHERE 1{fsql}"
        " ORDER BY a.published_day IS NULL, a.published_day DESC, a.rowid DESC LIMIT ? OFFSET ?",
        [*fargs, limit, offset],
    ).fetchall()
    return [dict(r) for r in rows], int(total)


def article_links(con: sqlite3.Connection, rowid: int) -> dict[str, Any]:
    """The corpus facts about one article: its copy group (with the first publisher), story, thread."""
    acols = columns(con, "articles")
    row = con.execute("SELECT * FROM articles WHERE rowid = ?", (rowid,)).fetchone()
    out: dict[str, Any] = {"copy_group": None, "first_published": None, "copies": [],
                           "story": None, "thread": None, "aliases": []}
    if row is None:
        return out
    out["aliases"] = [r[0] for r in con.execute("SELECT id FROM aliases WHERE article = ?", (rowid,))]
    group = row["copy_group"] if "copy_group" in acols else None
    out["copy_group"] = group
    out["first_published"] = _flag(row["first_published"]) if "first_published" in acols else None
    if group is not None:
        out["copies"] = copy_members(con, group)
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
    rows = con.execute(
        f"SELECT {ARTICLE_BRIEF}, a.first_published FROM articles a WHERE a.copy_group = ?"
        " ORDER BY a.published_at IS NULL, a.published_at, a.rowid LIMIT ?", (group, limit)
    ).fetchall()
    return [{**dict(r), "first_published": _flag(r["first_published"])} for r in rows]


# --- entities ---------------------------------------------------------------------------------


def _registry(con: sqlite3.Connection) -> tuple[list[str], str | None]:
    cols = columns(con, "entities")
    return cols, _first(cols, _ENTITY_KEY_COLS)


def registry_row(con: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    cols, kcol = _registry(con)
    if not kcol:
        return None
    return _row(con.execute(f'SELECT * FROM entities WHERE "{kcol}" = ?', (key,)).fetchone())


def registry_variants(con: sqlite3.Connection, key: str) -> list[str]:
    """Variant spellings the registry lists for ``key`` (a variants table or a JSON column)."""
    out: list[str] = []
    row = registry_row(con, key) or {}
    v = row.get("variants") or row.get("aliases")
    if isinstance(v, list):
        out.extend(str(x) for x in v)
    elif isinstance(v, str) and v:
        out.extend(x for x in v.replace("|", "\n").splitlines() if x.strip())
    for t in _VARIANT_TABLES:
        cols = columns(con, t)
        kcol = _first(cols, ("entity", "key", "entity_key"))
        vcol = _first(cols, ("variant", "name", "text", "surface", "form"))
        if kcol and vcol:
            out.extend(r[0] for r in con.execute(f'SELECT "{vcol}" FROM "{t}" WHERE "{kcol}" = ?', (key,)))
    return list(dict.fromkeys(x for x in out if x))


def surface_forms(con: sqlite3.Connection, key: str, *, limit: int = 50) -> list[tuple[str, int]]:
    """How the entity is written in the archive: each surface form and how often."""
    rows = con.execute(
        "SELECT substr(a.text, s.start + 1, s.\"end\" - s.start) AS form, count(*) AS n"
        " FROM spans s JOIN articles a ON a.rowid = s.article"
        " WHERE s.layer = 'mention' AND s.value = ? GROUP BY form ORDER BY n DESC, form LIMIT ?",
        (key, limit),
    ).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def entity_summary(con: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """Names, type, country and counts of one entity; ``None`` when nothing is known of it."""
    reg = registry_row(con, key)
    stats = con.execute(
        "SELECT count(*), count(DISTINCT s.article), min(a.published_day), max(a.published_day)"
        " FROM spans s JOIN articles a ON a.rowid = s.article WHERE s.layer = 'mention' AND s.value = ?",
        (key,),
    ).fetchone()
    if reg is None and not stats[0]:
        return None
    labels = Counter(r[0] for r in con.execute(
        "SELECT label FROM spans WHERE layer = 'mention' AND value = ? LIMIT 2000", (key,)))
    attrs = [orjson.loads(r[0]) for r in con.execute(
        "SELECT attrs FROM spans WHERE layer = 'mention' AND value = ? AND attrs != '' LIMIT 200", (key,))]
    forms = surface_forms(con, key)
    cols = list(reg) if reg else []
    name = reg.get(_first(cols, _ENTITY_NAME_COLS) or "", None) if reg else None
    if not name and forms:
        # the most frequent form, preferring the longest among the frequent (full names)
        top = forms[0][1]
        name = max((f for f, n in forms if n * 3 >= top), key=len)
    country = (reg or {}).get("country") or _most_common(a.get("country") for a in attrs)
    return {
        "key": key,
        "name": name or key,
        "name_en": reg.get(_first(cols, _ENTITY_EN_COLS) or "", None) if reg else None,
        "type": (reg.get(_first(cols, _ENTITY_TYPE_COLS) or "", None) if reg else None)
        or (labels.most_common(1)[0][0] if labels else None),
        "country": country,
        "role": _most_common(a.get("role") for a in attrs),
        "variants": registry_variants(con, key),
        "surface_forms": [{"text": f, "count": n} for f, n in forms],
        "mentions": int(stats[0]),
        "articles": int(stats[1]),
        "first_seen": stats[2],
        "last_seen": stats[3],
        "registry": reg,
    }


def _most_common(values: Any) -> Any:
    c = Counter(v for v in values if v)
    return c.most_common(1)[0][0] if c else None


def entity_timeline(con: sqlite3.Connection, key: str, *, by: str = "month") -> list[tuple[str, int]]:
    """Articles mentioning ``key`` per month (or day)."""
    width = 7 if by == "month" else 10
    rows = con.execute(
        f"SELECT substr(a.published_day, 1, {width}) AS k, count(DISTINCT a.rowid)"
        " FROM spans s JOIN articles a ON a.rowid = s.article"
        " WHERE s.layer = 'mention' AND s.value = ? GROUP BY k ORDER BY k", (key,),
    ).fetchall()
    return [(r[0] or "unknown", int(r[1])) for r in rows]


def entity_articles(con: sqlite3.Connection, key: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    rows = con.execute(
        f"SELECT {ARTICLE_BRIEF}, count(*) AS mentions FROM spans s JOIN articles a ON a.rowid = s.article"
        " WHERE s.layer = 'mention' AND s.value = ? GROUP BY a.rowid"
        " ORDER BY a.published_day IS NULL, a.published_day DESC, a.rowid DESC LIMIT ? OFFSET ?",
        (key, limit, offset),
    ).fetchall()
    return [dict(r) for r in rows]


def entity_labels(con: sqlite3.Connection, keys: list[str]) -> dict[str, dict[str, Any]]:
    """Display name and type for many entity keys at once (registry first, else surface forms)."""
    out: dict[str, dict[str, Any]] = {}
    if not keys:
        return out
    cols, kcol = _registry(con)
    ncol = _first(cols, _ENTITY_NAME_COLS)
    tcol = _first(cols, _ENTITY_TYPE_COLS)
    if kcol and ncol:
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            sel = f'"{kcol}", "{ncol}"' + (f', "{tcol}"' if tcol else ", NULL")
            for r in con.execute(f'SELECT {sel} FROM entities WHERE "{kcol}" IN ({",".join("?" * len(chunk))})', chunk):
                out[r[0]] = {"name": r[1], "type": r[2]}
    for k in keys:
        if k in out and out[k]["name"]:
            continue
        r = con.execute(
            "SELECT substr(a.text, s.start + 1, s.\"end\" - s.start), s.label FROM spans s"
            " JOIN articles a ON a.rowid = s.article WHERE s.layer = 'mention' AND s.value = ?"
            " ORDER BY s.\"end\" - s.start DESC LIMIT 1", (k,),
        ).fetchone()
        out[k] = {"name": r[0] if r else k, "type": r[1] if r else None}
    return out


def co_mentions(con: sqlite3.Connection, key: str, *, limit: int = 25, sample: int = 5000) -> dict[str, Any]:
    """Entities mentioned in the same articles as ``key``: counts, and the links among them.

    Reads at most ``sample`` articles (the newest) so a very frequent entity stays fast.
    """
    arts = [r[0] for r in con.execute(
        "SELECT DISTINCT s.article FROM spans s WHERE s.layer = 'mention' AND s.value = ?"
        " ORDER BY s.article DESC LIMIT ?", (key, sample))]
    per_article: list[set[str]] = []
    for i in range(0, len(arts), 500):
        chunk = arts[i:i + 500]
        sets: dict[int, set[str]] = {}
        for a, v in con.execute(
            f"SELECT article, value FROM spans WHERE layer = 'mention' AND article IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            if v and v != key:
                sets.setdefault(a, set()).add(v)
        per_article.extend(sets.values())
    counts = Counter(v for s in per_article for v in s)
    top = [k for k, _n in counts.most_common(limit)]
    topset = set(top)
    pairs: Counter[tuple[str, str]] = Counter()
    for s in per_article:
        inter = sorted(s & topset)
        for i, a in enumerate(inter):
            for b in inter[i + 1:]:
                pairs[(a, b)] += 1
    labels = entity_labels(con, [key, *top])
    return {
        "entity": key,
        "articles_read": len(arts),
        "nodes": [{"key": k, "articles": counts[k], **labels.get(k, {})} for k in top],
        "center": {"key": key, **labels.get(key, {})},
        "links": [{"source": a, "target": b, "articles": n} for (a, b), n in pairs.most_common(200)],
    }


def top_entities(con: sqlite3.Connection, *, limit: int = 50, offset: int = 0, label: str | None = None,
                 prefix: str | None = None) -> list[dict[str, Any]]:
    """The most mentioned entities (by number of articles)."""
    where = "layer = 'mention' AND value != ''"
    args: list[Any] = []
    if label:
        where += " AND label = ?"
        args.append(label)
    if prefix:
        where += " AND value >= ? AND value < ?"
        args.extend([prefix, prefix + "\uffff"])
    rows = con.execute(
        f"SELECT value, count(DISTINCT article) AS n, count(*) AS m FROM spans WHERE {where}"
        " GROUP BY value ORDER BY n DESC, value LIMIT ? OFFSET ?", [*args, limit, offset],
    ).fetchall()
    labels = entity_labels(con, [r[0] for r in rows])
    return [{"key": r[0], "articles": int(r[1]), "mentions": int(r[2]), **labels.get(r[0], {})} for r in rows]


# --- stories and threads ----------------------------------------------------------------------


def _by_id(con: sqlite3.Connection, table: str, ident: int) -> dict[str, Any] | None:
    cols = columns(con, table)
    kcol = _first(cols, ("id", table.rstrip("s"), "rowid"))
    if not cols or not kcol:
        return None
    return _row(con.execute(f'SELECT * FROM "{table}" WHERE "{kcol}" = ?', (ident,)).fetchone())


def story_brief(con: sqlite3.Connection, story: int) -> dict[str, Any]:
    row = _by_id(con, "stories", story) or {}
    n = con.execute("SELECT count(*), min(published_day), max(published_day) FROM articles WHERE story = ?",
                    (story,)).fetchone()
    title = row.get("title") or row.get("label")
    if not title:
        r = con.execute("SELECT title FROM articles WHERE story = ? AND title != ''"
                        " ORDER BY published_at IS NULL, published_at, rowid LIMIT 1", (story,)).fetchone()
        title = r[0] if r else ""
    return {"id": story, "title": title, "articles": int(n[0]), "first": n[1], "last": n[2],
            "thread": row.get("thread"), "row": row or None}


def story_members(con: sqlite3.Connection, story: int, *, limit: int = 500) -> list[dict[str, Any]]:
    rows = con.execute(
        f"SELECT {ARTICLE_BRIEF}, a.copy_group, a.first_published FROM articles a WHERE a.story = ?"
        " ORDER BY a.published_at IS NULL, a.published_at, a.rowid LIMIT ?", (story, limit),
    ).fetchall()
    return [{**dict(r), "first_published": _flag(r["first_published"])} for r in rows]


def list_stories(con: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT story, count(*) AS n, min(published_day) AS first, max(published_day) AS last"
        " FROM articles WHERE story IS NOT NULL GROUP BY story ORDER BY n DESC, story LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return [story_brief(con, int(r[0])) for r in rows]


def thread_info(con: sqlite3.Connection, thread: int) -> dict[str, Any] | None:
    """A thread: its row (if a ``threads`` table exists) and its stories."""
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
    stories = [story_brief(con, s) for s in story_ids]
    stories.sort(key=lambda s: (s["first"] or "9999", s["id"]))
    return {"id": thread, "row": row, "stories": stories,
            "title": (row or {}).get("title") or (row or {}).get("label") or (stories[0]["title"] if stories else "")}


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
