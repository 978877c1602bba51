"""Exports of archive tables to JSONL, CSV and Parquet (streamed in batches)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from marsad.clean.debris import clean_text
from marsad.errors import ConfigError
from marsad.model import Span

ARTICLE_FIELDS = [
    "id", "source", "url", "title", "published_at", "published_at_source",
    "published_at_confidence", "dateline_place", "dateline_agency", "byline", "credit",
    "language", "language_flag", "copy_group", "first_published", "story", "text", "clean_text",
]
#: the articles table's columns: an id read as a duplicate of a stored article is a row of its own
#: naming the article it stands for (``alias_of``)
ARTICLE_COLUMNS = ARTICLE_FIELDS + ["alias_of"]
SPAN_FIELDS = ["article_id", "layer", "start", "end", "label", "value", "text", "attrs"]
#: the events table adds the article's story and the event's group key (``enrich/events/group.py``)
EVENT_FIELDS = SPAN_FIELDS + ["story", "event_group"]

#: a story as ``marsad stories`` lists it: its label words, its first publisher (the earliest
#: member, ``first_*``) and that member's title
STORY_FIELDS = ["story", "first_day", "last_day", "size", "sources", "thread", "terms", "title",
                "first_id", "first_source", "first_published_at"]
#: a thread of two stories or more as ``marsad threads`` lists it, with its biggest story
THREAD_FIELDS = ["thread", "first_day", "last_day", "stories", "terms", "top_story", "top_story_size"]

TABLES = ("articles", "spans", "timexes", "mentions", "events", "stories", "threads")


def _article_rows(archive: Any) -> Iterator[dict[str, Any]]:
    con = archive.con
    aliases: dict[int, list[str]] = {}
    for alias, rowid in archive.aliases():
        aliases.setdefault(rowid, []).append(alias)
    for row in archive.iter_rows(columns=[f for f in ARTICLE_FIELDS if f != "clean_text"]):
        spans = [Span(r[0], r[1], r[2]) for r in con.execute(
            "SELECT layer, start, \"end\" FROM spans WHERE article=? AND layer IN ('debris','dateline','byline','credit','title')",
            (row["_rowid"],))]
        out = {k: row.get(k) for k in ARTICLE_FIELDS if k != "clean_text"}
        out["first_published"] = bool(out["first_published"]) if out["first_published"] is not None else None
        out["clean_text"] = clean_text(row["text"], spans)
        yield out
        for alias in aliases.get(row["_rowid"], []):
            yield {**out, "id": alias, "alias_of": row["id"]}


def _span_rows(archive: Any, layer: str | None, *, article_text: bool = False) -> Iterator[dict[str, Any]]:
    """The spans of a layer (all when None), article by article; an event row adds its article's
    story and its group key (``article_text``: and the article's text, for the PLOVER records)."""
    from marsad.enrich.events.group import group_key, stated_days, story_anchors
    from marsad.store.event_queries import all_story_member_dates, story_event_dates

    con = archive.con
    anchors = story_anchors(all_story_member_dates(con)) if layer == "event" else {}
    stated = stated_days(anchors, story_event_dates(con)) if layer == "event" else {}
    last = 0
    while True:
        arts = con.execute("SELECT rowid, id, text, story, published_at FROM articles WHERE rowid > ? ORDER BY rowid "
                           "LIMIT 500",
                           (last,)).fetchall()
        if not arts:
            return
        for a in arts:
            q = 'SELECT layer, start, "end", label, value, attrs FROM spans WHERE article=?'
            args: list[Any] = [a["rowid"]]
            if layer:
                q += " AND layer=?"
                args.append(layer)
            rows = [{"article_id": a["id"], "layer": r["layer"], "start": r["start"], "end": r["end"],
                     "label": r["label"], "value": r["value"], "text": a["text"][r["start"]:r["end"]],
                     "attrs": orjson.loads(r["attrs"]) if r["attrs"] else {}}
                    for r in con.execute(q + " ORDER BY start", args)]
            if layer == "event":
                # an article in no story: the days its own events state (read from these rows)
                own = stated if a["story"] is not None else stated_days(
                    anchors, [{"story": None, "id": a["id"], "label": r["label"], "attrs": r["attrs"]} for r in rows])
                for row in rows:
                    row["story"] = a["story"]
                    row["event_group"] = group_key(anchors, story=a["story"], article_id=a["id"], label=row["label"],
                                                   attrs=row["attrs"], published_at=a["published_at"], stated=own)
                    if article_text:
                        row["article_text"] = a["text"]
            yield from rows
        last = arts[-1]["rowid"]


def _story_rows(archive: Any) -> Iterator[dict[str, Any]]:
    """Every story, the biggest first, 500 at a time (:func:`marsad.corpus.views.list_stories`)."""
    from marsad.corpus.views import list_stories

    offset = 0
    while rows := list_stories(archive, min_size=1, limit=500, offset=offset):
        for r in rows:
            first = r.pop("first") or {}
            yield {**{k: r[k] for k in STORY_FIELDS[:7]}, "title": first.get("title"), "first_id": first.get("id"),
                   "first_source": first.get("source"), "first_published_at": first.get("published_at")}
        offset += len(rows)


def _thread_rows(archive: Any) -> Iterator[dict[str, Any]]:
    """Every thread of two stories or more, the biggest first (:func:`marsad.corpus.views.list_threads`)."""
    from marsad.corpus.views import list_threads

    n = archive.con.execute("SELECT count(*) FROM threads").fetchone()[0]
    for r in list_threads(archive, limit=max(n, 1)):
        top = r.pop("top_story") or {}
        yield {**{k: r[k] for k in THREAD_FIELDS[:5]}, "top_story": top.get("story"), "top_story_size": top.get("size")}


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` for a flat format (CSV, Parquet): a nested value (a span's ``attrs``) becomes its
    JSON text; JSON and JSONL keep it an object."""
    return {k: orjson.dumps(v).decode() if isinstance(v, dict | list) else v for k, v in row.items()}


def rows_for(archive: Any, table: str) -> tuple[list[str], Iterator[dict[str, Any]]]:
    if table == "articles":
        return ARTICLE_COLUMNS, _article_rows(archive)
    if table == "stories":
        return STORY_FIELDS, _story_rows(archive)
    if table == "threads":
        return THREAD_FIELDS, _thread_rows(archive)
    layer = {"spans": None, "timexes": "timex", "mentions": "mention", "events": "event"}.get(table, "?")
    if layer == "?":
        raise ConfigError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    return (EVENT_FIELDS if layer == "event" else SPAN_FIELDS), _span_rows(archive, layer)


FORMATS = ("jsonl", "csv", "parquet", "plover")


def plover_rows(archive: Any) -> Iterator[dict[str, Any]]:
    """The events table as PLOVER-style records (:mod:`marsad.enrich.events.plover`)."""
    from marsad.enrich.events.plover import plover_record

    return (plover_record(r) for r in _span_rows(archive, "event", article_text=True))


def export(archive: Any, out: str | Path, *, table: str = "articles", format: str = "jsonl") -> int:
    """Write ``table`` to ``out`` in ``format`` (jsonl, csv, parquet; plover: the events table
    as PLOVER-style JSON lines); return the row count."""
    if format not in FORMATS:
        raise ConfigError(f"unknown format {format!r}; choose jsonl, csv, parquet or plover (events only)")
    if format == "plover":
        if table != "events":
            raise ConfigError(f"--format plover writes events; ask for --table events (not {table!r})")
        fields, rows = EVENT_FIELDS, plover_rows(archive)
        format = "jsonl"
    else:
        fields, rows = rows_for(archive, table)
    out = Path(out)
    try:
        return _write(out, fields, rows, format)
    except OSError as e:
        raise ConfigError(f"cannot write {out} ({e.strerror or e}); give -o a path in a folder you can write to") from None


def _write(out: Path, fields: list[str], rows: Iterator[dict[str, Any]], format: str) -> int:
    n = 0
    if format == "jsonl":
        with open(out, "wb") as f:
            for r in rows:
                f.write(orjson.dumps(r, default=str) + b"\n")
                n += 1
    elif format == "csv":
        with open(out, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow(flat(r))
                n += 1
    elif format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        ints = ("copy_group", "story", "start", "end", "size", "sources", "thread", "stories", "top_story",
                "top_story_size")
        types = {"published_at_confidence": pa.float64(), "first_published": pa.bool_(),
                 **dict.fromkeys(ints, pa.int64())}
        schema = pa.schema([(k, types.get(k, pa.string())) for k in fields])
        writer = pq.ParquetWriter(str(out), schema)
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            if batch:
                writer.write_table(pa.Table.from_pylist([{k: r.get(k) for k in fields} for r in batch], schema=schema))
                batch.clear()

        for r in rows:
            batch.append(flat(r))
            n += 1
            if len(batch) >= 2000:
                flush()
        flush()
        writer.close()
    else:
        raise ConfigError(f"unknown format {format!r}; choose jsonl, csv or parquet")
    return n
