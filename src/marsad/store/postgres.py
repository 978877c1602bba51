"""The archive mirrored into PostgreSQL: ``marsad sync URL`` (the store at scale of DESIGN).

The SQLite archive stays the working store (ingest, corpus stages, search, the web UI); a sync
copies what it holds into a PostgreSQL database that many people and tools can query at once
with SQL: every article with its corpus columns (copy group, first publisher, story), every span
(debris, dateline, time expressions, entity mentions, events: offsets into ``text``), the
events with their group keys, the stories and the threads — the tables and columns of
``marsad export`` (:mod:`marsad.store.export`), under ``marsad_*`` names.

- **Incremental:** each article's row and spans are hashed; a sync writes only the articles that
  are new or changed since the last one (a reanalysis, an update that moved it to another story
  or copy group), and removes the ones the archive no longer holds. Stories, threads and events
  are small and written whole.
- **All or nothing:** one transaction; a sync that fails (the server gone, a disk full) leaves
  the previous mirror as it was.
- **Search there:** ``marsad_articles.search`` is a ``tsvector`` of title and clean text under
  PostgreSQL's ``arabic`` configuration (clitics, hamza forms and diacritics folded:
  ``وروسيا`` and ``بروسيا`` are ``روسي``), with a GIN index:
  ``SELECT id, title FROM marsad_articles WHERE search @@ websearch_to_tsquery('arabic', 'روسيا')``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import xxhash

from marsad.errors import ArchiveError, ConfigError
from marsad.store.export import (
    ARTICLE_COLUMNS,
    EVENT_FIELDS,
    SPAN_FIELDS,
    STORY_FIELDS,
    THREAD_FIELDS,
    rows_for,
)

#: the mirror's layout; a database synced by another layout is refused, never altered
SCHEMA_VERSION = 1

_TYPES = {
    "copy_group": "bigint", "story": "bigint", "start": "integer", "end": "integer", "size": "integer",
    "sources": "integer", "thread": "bigint", "stories": "integer", "top_story": "bigint",
    "top_story_size": "integer", "published_at_confidence": "double precision", "first_published": "boolean",
    "attrs": "jsonb", "terms": "jsonb",
}


def _columns(fields: list[str]) -> str:
    return ", ".join(f'"{f}" {_TYPES.get(f, "text")}' for f in fields)


DDL = [
    "CREATE TABLE IF NOT EXISTS marsad_meta (key text PRIMARY KEY, value text NOT NULL)",
    f"CREATE TABLE IF NOT EXISTS marsad_articles ({_columns(ARTICLE_COLUMNS)}, row_hash text NOT NULL, "
    "search tsvector GENERATED ALWAYS AS (to_tsvector('arabic', coalesce(title, '') || ' ' || "
    "coalesce(clean_text, ''))) STORED, PRIMARY KEY (id))",
    "CREATE INDEX IF NOT EXISTS marsad_articles_search ON marsad_articles USING gin (search)",
    "CREATE INDEX IF NOT EXISTS marsad_articles_story ON marsad_articles (story)",
    "CREATE INDEX IF NOT EXISTS marsad_articles_source ON marsad_articles (source, published_at)",
    f"CREATE TABLE IF NOT EXISTS marsad_spans ({_columns(SPAN_FIELDS)})",
    "CREATE INDEX IF NOT EXISTS marsad_spans_article ON marsad_spans (article_id)",
    "CREATE INDEX IF NOT EXISTS marsad_spans_value ON marsad_spans (layer, value)",
    f"CREATE TABLE IF NOT EXISTS marsad_events ({_columns(EVENT_FIELDS)})",
    "CREATE INDEX IF NOT EXISTS marsad_events_group ON marsad_events (event_group)",
    f"CREATE TABLE IF NOT EXISTS marsad_stories ({_columns(STORY_FIELDS)}, PRIMARY KEY (story))",
    f"CREATE TABLE IF NOT EXISTS marsad_threads ({_columns(THREAD_FIELDS)}, PRIMARY KEY (thread))",
]

#: articles compared and written per round trip
BATCH = 500


def _safe(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def _first_line(e: Exception) -> str:
    """A driver error for a message: its first line, else its type's name."""
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def connect(url: str) -> Any:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - declared in the postgres extra
        raise ConfigError("marsad sync needs psycopg: pip install 'marsad[postgres]'") from None
    if not url.startswith(("postgresql://", "postgres://")) and "=" not in url:
        raise ConfigError(f"{_safe(url)}: not a PostgreSQL address; give postgresql://user@host:port/database")
    try:
        return psycopg.connect(url, connect_timeout=20)
    except psycopg.Error as e:
        raise ConfigError(f"{_safe(url)}: cannot connect to PostgreSQL ({_first_line(e)})") from None


def _with_spans(archive: Any) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each article row of the export (aliases too) with its spans; both streams run in rowid
    order, so the spans of one article are read right after it."""
    _fields, arts = rows_for(archive, "articles")
    _fields, spans = rows_for(archive, "spans")
    pending: dict[str, Any] | None = next(spans, None)
    for a in arts:
        mine: list[dict[str, Any]] = []
        if "alias_of" not in a:
            while pending is not None and pending["article_id"] == a["id"]:
                mine.append(pending)
                pending = next(spans, None)
        yield a, mine


def _hash(row: dict[str, Any], spans: list[dict[str, Any]]) -> str:
    return xxhash.xxh3_128_hexdigest(orjson.dumps([row, spans], option=orjson.OPT_SORT_KEYS, default=str))


def _json(row: dict[str, Any], fields: list[str]) -> tuple[Any, ...]:
    from psycopg.types.json import Jsonb

    return tuple(Jsonb(row.get(f)) if _TYPES.get(f) == "jsonb" else row.get(f) for f in fields)


def _copy(cur: Any, table: str, fields: list[str], rows: Iterator[dict[str, Any]] | list[dict[str, Any]]) -> int:
    n = 0
    cols = ", ".join(f'"{f}"' for f in fields)
    with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as cp:
        for r in rows:
            cp.write_row(_json(r, fields))
            n += 1
    return n


def sync(archive: Any, url: str, *, progress: Callable[[dict[str, int]], None] | None = None) -> dict[str, Any]:
    """Mirror ``archive`` into the PostgreSQL database at ``url``; returns what was written."""
    import psycopg

    t0 = time.perf_counter()
    con = connect(url)
    out: dict[str, Any] = {"new": 0, "changed": 0, "unchanged": 0, "removed": 0, "spans": 0}
    try:
        _sync(con, archive, url, out, progress)
    except psycopg.Error as e:
        raise ArchiveError(f"{_safe(url)}: the sync failed ({_first_line(e)}); the mirror there is as it was "
                           "before") from None
    finally:
        con.close()
    out["seconds"] = round(time.perf_counter() - t0, 2)
    out["database"] = _safe(url)
    return out


def _sync(con: Any, archive: Any, url: str, out: dict[str, Any],
          progress: Callable[[dict[str, int]], None] | None) -> None:
    """:func:`sync`'s work, in one transaction of ``con``."""
    with con.transaction(), con.cursor() as cur:
        for stmt in DDL:
            cur.execute(stmt)
        got = cur.execute("SELECT value FROM marsad_meta WHERE key = 'schema'").fetchone()
        if got is not None and got[0] != str(SCHEMA_VERSION):
            raise ConfigError(f"{_safe(url)}: its marsad tables have layout {got[0]}, this marsad writes "
                              f"layout {SCHEMA_VERSION}; sync into another database")
        cur.execute("CREATE TEMP TABLE marsad_seen (id text PRIMARY KEY) ON COMMIT DROP")
        batch: list[tuple[dict[str, Any], list[dict[str, Any]], str]] = []

        def flush() -> None:
            ids = [a["id"] for a, _s, _h in batch]
            old = dict(cur.execute("SELECT id, row_hash FROM marsad_articles WHERE id = ANY(%s)", (ids,)).fetchall())
            todo = [(a, s, h) for a, s, h in batch if old.get(a["id"]) != h]
            out["unchanged"] += len(batch) - len(todo)
            out["changed"] += sum(1 for a, _s, _h in todo if a["id"] in old)
            out["new"] += sum(1 for a, _s, _h in todo if a["id"] not in old)
            with cur.copy("COPY marsad_seen (id) FROM STDIN") as cp:
                for i in ids:
                    cp.write_row((i,))
            if todo:
                changed = [a["id"] for a, _s, _h in todo]
                cur.execute("DELETE FROM marsad_spans WHERE article_id = ANY(%s)", (changed,))
                cur.execute("DELETE FROM marsad_articles WHERE id = ANY(%s)", (changed,))
                _copy(cur, "marsad_articles", ARTICLE_COLUMNS + ["row_hash"], [{**a, "row_hash": h} for a, _s, h in todo])
                out["spans"] += _copy(cur, "marsad_spans", SPAN_FIELDS, [sp for _a, s, _h in todo for sp in s])
            batch.clear()
            if progress:
                progress(out)

        for a, spans in _with_spans(archive):
            batch.append((a, spans, _hash(a, spans)))
            if len(batch) >= BATCH:
                flush()
        flush()
        gone = cur.execute("SELECT id FROM marsad_articles a WHERE NOT EXISTS "
                           "(SELECT 1 FROM marsad_seen s WHERE s.id = a.id)").fetchall()
        if gone:
            ids = [r[0] for r in gone]
            cur.execute("DELETE FROM marsad_spans WHERE article_id = ANY(%s)", (ids,))
            cur.execute("DELETE FROM marsad_articles WHERE id = ANY(%s)", (ids,))
        out["removed"] = len(gone)
        for table, name in (("events", "marsad_events"), ("stories", "marsad_stories"), ("threads", "marsad_threads")):
            cur.execute(f"TRUNCATE {name}")
            fields, rows = rows_for(archive, table)
            out[table] = _copy(cur, name, fields, rows)
        cur.execute("INSERT INTO marsad_meta VALUES ('schema', %s), ('archive', %s), ('synced_at', now()::text) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(SCHEMA_VERSION), str(archive.path)))
        out["articles"] = cur.execute("SELECT count(*) FROM marsad_articles").fetchone()[0]
