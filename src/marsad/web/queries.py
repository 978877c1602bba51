"""The web's query layer: one function per page, each returning the page's JSON twin.

The HTML page and ``/api/...`` render the same dict, so they cannot drift apart. Reads go
through the archive's search (``search/fts.py``, ``search/analytics.py``) and read queries
(``store/queries.py``); no SQL here. Results are cached per archive state (the archive file and
its write-ahead log's size and mtime), so a read-only archive answers repeated queries from
memory and a re-ingested one never serves stale pages.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from marsad.errors import NotFoundError, QueryError
from marsad.pipeline.output import analysis_json
from marsad.search import analytics
from marsad.search.fts import Filters
from marsad.store import queries as sq
from marsad.web.render import group_mentions

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TIMEX_VALUE = re.compile(r"^[0-9X]{4}(-[0-9WXQHSUFAMIEV]{1,3}(-[0-9X]{2})?)?$")
MAX_LIMIT = 100


class Cache:
    """A small thread-safe LRU keyed by the archive's state and the call's arguments."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._d: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or(self, key: Any, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._d:
                self._d.move_to_end(key)
                self.hits += 1
                return self._d[key]
        self.misses += 1
        val = make()
        with self._lock:
            self._d[key] = val
            while len(self._d) > self.size:
                self._d.popitem(last=False)
        return val


def archive_state(arc: Any) -> tuple[int, ...]:
    out: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(f"{arc.path}{suffix}")
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


# --- parameters -------------------------------------------------------------------------------


def make_filters(*, sources: list[str] | None = None, date_from: str | None = None,
                 date_to: str | None = None, entity: str | None = None, story: int | None = None,
                 mentions_date: str | None = None, language: str | None = None) -> Filters:
    """Validated :class:`Filters` from request parameters (raises :class:`QueryError`)."""
    for name, v in (("from", date_from), ("to", date_to)):
        if v and not _DATE.match(v):
            raise QueryError(f"{name}={v[:40]!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)")
    if mentions_date and not _TIMEX_VALUE.match(mentions_date):
        raise QueryError(f"mentions_date={mentions_date[:40]!r} is not a TIMEX3 value such as 2021-09-17, 2021-09 or XXXX-09")
    # an upper bound given as a month or year includes all of it
    if date_to and len(date_to) < 10:
        date_to = date_to + "\uffff"
    return Filters(sources=tuple(s for s in (sources or []) if s), date_from=date_from or None,
                   date_to=date_to or None, language=language or None,
                   mentions_date=mentions_date or None, entity=entity or None, story=story)


def filters_json(f: Filters) -> dict[str, Any]:
    return {"source": list(f.sources), "from": f.date_from, "to": (f.date_to or "").rstrip("\uffff") or None,
            "entity": f.entity, "story": f.story, "mentions_date": f.mentions_date, "language": f.language}


def fill_buckets(points: list[tuple[str, int]], *, by: str = "month", max_buckets: int = 1200) -> list[tuple[str, int]]:
    """``points`` with the empty months (or days) between the first and last filled with 0.

    Keys that are not dates (``unknown``) are dropped; spans longer than ``max_buckets`` buckets
    are returned as they are.
    """
    from datetime import date, timedelta

    pts = {k: n for k, n in points if k and k[:4].isdigit()}
    if not pts:
        return []
    keys = sorted(pts)
    out: list[tuple[str, int]] = []
    try:
        if by == "month":
            y, m = int(keys[0][:4]), int(keys[0][5:7])
            ey, em = int(keys[-1][:4]), int(keys[-1][5:7])
            while (y, m) <= (ey, em) and len(out) < max_buckets:
                k = f"{y:04d}-{m:02d}"
                out.append((k, pts.get(k, 0)))
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        else:
            d, end = date.fromisoformat(keys[0][:10]), date.fromisoformat(keys[-1][:10])
            while d <= end and len(out) < max_buckets:
                out.append((d.isoformat(), pts.get(d.isoformat(), 0)))
                d += timedelta(days=1)
    except ValueError:
        return sorted(pts.items())
    if len(out) >= max_buckets:
        return sorted(pts.items())
    return out


def _clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_LIMIT)), max(0, min(int(offset), 100_000))


# --- pages ------------------------------------------------------------------------------------


class Pages:
    """Page data for one archive."""

    def __init__(self, arc: Any, *, cache: Cache | None = None) -> None:
        self.arc = arc
        self.cache = cache or Cache()

    def _cached(self, name: str, args: tuple, make: Callable[[], Any]) -> Any:
        return self.cache.get_or((name, args, archive_state(self.arc)), make)

    @property
    def con(self) -> Any:
        return self.arc.con

    # search ----------------------------------------------------------------------------------

    def search(self, *, q: str, filters: Filters, limit: int = 20, offset: int = 0,
               collapse: bool = True, facets: bool = True) -> dict[str, Any]:
        limit, offset = _clamp(limit, offset)
        q = q.strip()
        key = (q, filters, limit, offset, collapse, facets)
        return self._cached("search", key, lambda: self._search(q, filters, limit, offset, collapse, facets))

    def _search(self, q: str, filters: Filters, limit: int, offset: int, collapse: bool,
                with_facets: bool) -> dict[str, Any]:
        if q:
            hits, total = self.arc.search(q, filters=filters, limit=limit, offset=offset,
                                          collapse_copies=collapse)
            hit_dicts = [h.as_dict() for h in hits]
        else:
            rows, total = sq.browse(self.con, filters=filters, limit=limit, offset=offset)
            hit_dicts = [{"id": r["id"], "rowid": r["rowid"], "title": r["title"], "source": r["source"],
                          "url": r["url"], "published_at": r["published_at"], "score": None,
                          "snippet": r["snippet"], "highlights": [], "snippet_start": 0, "copies": 1,
                          "copy_group": r["copy_group"], "story": r["story"]} for r in rows]
        for h in hit_dicts:
            h.pop("rowid", None)
        out: dict[str, Any] = {
            "query": q, "filters": filters_json(filters), "total": total, "limit": limit,
            "offset": offset, "collapsed": collapse and bool(q), "hits": hit_dicts,
        }
        if with_facets:
            out["facets"] = self.facets(q, filters)
        return out

    def facets(self, q: str, filters: Filters) -> dict[str, Any]:
        return self._cached("facets", (q, filters), lambda: self._facets(q, filters))

    def _facets(self, q: str, filters: Filters) -> dict[str, Any]:
        f = analytics.facets(self.con, q or None, filters=filters)
        labels = sq.entity_labels(self.con, [k for k, _n in f["entity"]])
        return {
            "source": [{"key": k, "count": n} for k, n in f["source"]],
            "month": [{"key": k, "count": n} for k, n in f["month"]],
            "entity": [{"key": k, "count": n, **labels.get(k, {})} for k, n in f["entity"]],
            "story": [{"key": k, "count": n, "title": sq.story_brief(self.con, int(k))["title"]}
                      for k, n in f["story"]],
            "entity_sample": f["entity_sample"], "matches": f["total"],
        }

    # article ---------------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any]:
        return self._cached("article", (article_id,), lambda: self._article(article_id))

    def _article(self, article_id: str) -> dict[str, Any]:
        art = self.arc.get(article_id)
        rowid = self.arc.rowid_of(article_id)
        row = self.arc.get_row(article_id)
        d = analysis_json(art, with_text=True)
        d["url"] = row.get("url", "")
        d["requested_id"] = article_id
        d["links"] = sq.article_links(self.con, rowid)
        groups = group_mentions(art.text, art.spans)
        names = sq.entity_labels(self.con, [g["key"] for g in groups if g["linked"]])
        for g in groups:
            g["name"] = (names.get(g["key"]) or {}).get("name") or g["forms"][0]
        d["entities"] = groups
        d["spans"] = [{"layer": s.layer, "start": s.start, "end": s.end, "label": s.label,
                       "value": s.value, "attrs": s.attrs} for s in art.spans]
        return d

    # entities --------------------------------------------------------------------------------

    def entity(self, key: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        limit, offset = _clamp(limit, offset)
        return self._cached("entity", (key, limit, offset), lambda: self._entity(key, limit, offset))

    def _entity(self, key: str, limit: int, offset: int) -> dict[str, Any]:
        summary = sq.entity_summary(self.con, key)
        if summary is None:
            raise NotFoundError(f"no entity with key {key[:80]!r}; see /api/entities for known keys")
        return {
            **summary,
            "timeline": [{"key": k, "count": n} for k, n in fill_buckets(sq.entity_timeline(self.con, key))],
            "co_mentions": sq.co_mentions(self.con, key),
            "article_list": {"limit": limit, "offset": offset,
                             "items": sq.entity_articles(self.con, key, limit=limit, offset=offset)},
        }

    def entities(self, *, limit: int = 50, offset: int = 0, type: str | None = None,  # noqa: A002
                 prefix: str | None = None) -> dict[str, Any]:
        limit, offset = _clamp(limit, offset)
        items = self._cached("entities", (limit, offset, type, prefix), lambda: sq.top_entities(
            self.con, limit=limit, offset=offset, label=type, prefix=prefix))
        return {"limit": limit, "offset": offset, "type": type, "prefix": prefix,
                "registry": sq.has_table(self.con, "entities"), "items": items}

    # stories and threads ---------------------------------------------------------------------

    def story(self, story: int) -> dict[str, Any]:
        return self._cached("story", (story,), lambda: self._story(story))

    def _story(self, story: int) -> dict[str, Any]:
        brief = sq.story_brief(self.con, story)
        members = sq.story_members(self.con, story)
        if not members and not brief["row"]:
            raise NotFoundError(f"no story {story}; see /api/stories for the stories found")
        return {**brief, "members": members, "copy_groups": _copy_groups(members),
                "timeline": [{"key": k, "count": n}
                             for k, n in fill_buckets(sq.day_counts(self.con, story=story), by="day")]}

    def stories(self, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        limit, offset = _clamp(limit, offset)
        items = self._cached("stories", (limit, offset),
                             lambda: sq.list_stories(self.con, limit=limit, offset=offset))
        return {"limit": limit, "offset": offset, "items": items}

    def thread(self, thread: int) -> dict[str, Any]:
        return self._cached("thread", (thread,), lambda: self._thread(thread))

    def _thread(self, thread: int) -> dict[str, Any]:
        info = sq.thread_info(self.con, thread)
        if info is None:
            raise NotFoundError(f"no thread {thread}")
        ids = [s["id"] for s in info["stories"]]
        return {**info, "timeline": [{"key": k, "count": n}
                                     for k, n in fill_buckets(sq.day_counts(self.con, stories=ids), by="day")]}

    # analytics -------------------------------------------------------------------------------

    def attention(self, *, queries: list[str], entities: list[str], by: str = "month",
                  filters: Filters | None = None) -> dict[str, Any]:
        specs = [{"q": q.strip()} for q in queries if q.strip()] + [{"entity": e} for e in entities if e]
        key = (tuple(tuple(s.items()) for s in specs), by, filters)
        return self._cached("attention", key, lambda: self._attention(specs, by, filters))

    def _attention(self, specs: list[dict[str, str]], by: str, filters: Filters | None) -> dict[str, Any]:
        series = analytics.series(self.con, specs, by=by, filters=filters)
        labels = sq.entity_labels(self.con, [s["entity"] for s in series if s.get("entity")])
        for s in series:
            s["label"] = s.get("q") or (labels.get(s.get("entity", ""), {}).get("name")) or s.get("entity")
        keys = [k for k, _n in fill_buckets([(p["key"], 1) for s in series for p in s["points"]], by=by)]
        for s in series:
            by_key = {p["key"]: p["count"] for p in s["points"]}
            s["values"] = [by_key.get(k, 0) for k in keys]
        return {"by": by, "filters": filters_json(filters or Filters()), "keys": keys, "series": series}

    def co_mentions(self, key: str, *, limit: int = 25) -> dict[str, Any]:
        limit = max(1, min(int(limit), 100))
        return self._cached("co", (key, limit), lambda: sq.co_mentions(self.con, key, limit=limit))

    def overview(self) -> dict[str, Any]:
        return self._cached("overview", (), self.arc.stats)


def _copy_groups(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Members grouped by copy group; the first publisher is the flagged one, else the earliest."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for m in members:
        groups.setdefault(m["copy_group"] if m["copy_group"] is not None else f"a{m['rowid']}", []).append(m)
    out = []
    for g, ms in groups.items():
        first = next((m for m in ms if m["first_published"]), ms[0])
        out.append({"copy_group": g if isinstance(g, int) else None, "first_publisher": first["source"],
                    "first_id": first["id"], "members": [m["id"] for m in ms], "size": len(ms)})
    out.sort(key=lambda g: -g["size"])
    return out
