"""The web's query layer: one function per page, each returning the page's JSON twin.

The HTML page and ``/api/...`` render the same dict, so they cannot drift apart. Reads go
through the archive's search (``search/fts.py``, ``search/analytics.py``) and read queries
(``store/queries.py``) and the views the CLI lists stories through (``corpus/views.py``); no
SQL here. Results are cached per archive state (the archive file and its write-ahead log's size
and mtime), so a read-only archive answers repeated queries from memory and a re-ingested one
never serves stale pages.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from marsad.corpus import event_views as ev
from marsad.corpus import views
from marsad.enrich.events.lexicon import EVENT_TYPES
from marsad.errors import NotFoundError, check_known
from marsad.pipeline.output import analysis_json
from marsad.search import analytics, postings
from marsad.search.fts import (
    Filters,
    Hit,
    Searcher,
    check_day,
    check_range,
    check_timex_prefix,
    day_upper_bound,
)
from marsad.store import entity_queries as eq
from marsad.store import queries as sq
from marsad.web.render import group_mentions

MAX_LIMIT = 100


class Cache:
    """A small thread-safe LRU keyed by the archive's state and the call's arguments.

    Single flight: when several threads miss on the same key at once, one computes and the
    others wait for its result (a burst of identical searches costs one query, not fifty).
    """

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._d: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._inflight: dict[Any, Future[Any]] = {}
        self.hits = self.misses = 0

    def get_or(self, key: Any, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._d:
                self._d.move_to_end(key)
                self.hits += 1
                return self._d[key]
            fut = self._inflight.get(key)
            owner = fut is None
            if fut is None:
                fut = self._inflight[key] = Future()
                self.misses += 1
            else:
                self.hits += 1
        if not owner:
            return fut.result()
        try:
            val = make()
        except BaseException as e:
            with self._lock:
                self._inflight.pop(key, None)
            fut.set_exception(e)
            raise
        with self._lock:
            self._inflight.pop(key, None)
            if self.size > 0:
                self._d[key] = val
                while len(self._d) > self.size:
                    self._d.popitem(last=False)
        fut.set_result(val)
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


def day_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The period of the request parameters ``from`` and ``to``, checked: ``(from, to)`` with
    ``to`` an upper bound (:func:`~marsad.search.fts.day_upper_bound`: a month or year includes
    all of it), ``None`` for one not given; :class:`QueryError` for a date that is not one or a
    range that ends before it begins."""
    lo = check_day(date_from, "from") if date_from else None
    hi = day_upper_bound(check_day(date_to, "to")) if date_to else None
    check_range(lo, hi)
    return lo, hi


def make_filters(*, sources: list[str] | None = None, date_from: str | None = None,
                 date_to: str | None = None, entity: str | None = None, story: int | None = None,
                 mentions_date: str | None = None, language: str | None = None) -> Filters:
    """Validated :class:`Filters` from request parameters (raises :class:`QueryError`)."""
    lo, hi = day_range(date_from, date_to)
    if mentions_date:
        check_timex_prefix(mentions_date)
    return Filters(sources=tuple(s for s in (sources or []) if s), date_from=lo, date_to=hi,
                   language=language or None, mentions_date=mentions_date or None, entity=entity or None,
                   story=story)


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
        if filters.sources:  # an unknown outlet is named (as the CLI does), not matched in silence
            check_known("source", filters.sources, list(self._cached("sources", (), lambda: self.arc.tally("source"))),
                        hint=" (see /api/overview)")
        if filters.entity and not filters.entity_keys:
            # an entity is every mention value the registry maps to it (``#N`` of an entity of one
            # key matched the value "#N": nothing); one the archive does not know is named, as
            # the CLI does, not matched in silence
            ref = self._ref(filters.entity)
            filters = dataclasses.replace(filters, entity=ref.key, entity_keys=ref.keys)
        key = (q, filters, limit, offset, collapse, facets)
        return self._cached("search", key, lambda: self._search(q, filters, limit, offset, collapse, facets))

    def _search(self, q: str, filters: Filters, limit: int, offset: int, collapse: bool,
                with_facets: bool) -> dict[str, Any]:
        articles = None
        if q and collapse:
            hit_dicts, total, articles = self._collapsed(q, filters, limit, offset)
        elif q:
            hits, total = self.arc.search(q, filters=filters, limit=limit, offset=offset)
            hit_dicts = [h.as_dict() for h in hits]
        else:
            rows, total = sq.browse(self.con, filters=filters, limit=limit, offset=offset)
            hit_dicts = [{"id": r["id"], "rowid": r["rowid"], "title": r["title"], "source": r["source"],
                          "url": r["url"], "published_at": r["published_at"],
                          "published_at_source": r["published_at_source"] or "", "score": None,
                          "snippet": r["snippet"], "highlights": [], "snippet_start": 0, "copies": 1,
                          "copy_group": r["copy_group"], "story": r["story"], "first_published": None} for r in rows]
        for h in hit_dicts:
            h.pop("rowid", None)
        out: dict[str, Any] = {
            "query": q, "filters": filters_json(filters), "total": total, "limit": limit,
            "offset": offset, "collapsed": collapse and bool(q), "hits": hit_dicts,
        }
        if articles is not None:  # collapsed: ``total`` counts the hits (copy groups), as the CLI's
            out["articles"] = articles
        if with_facets:
            out["facets"] = self.facets(q, filters)
        return out

    def _collapsed(self, q: str, filters: Filters, limit: int,
                   offset: int) -> tuple[list[dict[str, Any]], int, int]:
        """One hit per copy group, ranked by its best member, showing its first publisher
        (:meth:`Searcher.show_first_publishers`), with how many members matched; with the
        number of hits (copy groups; an article without a copy is one), which the pages' offsets
        count, and of matching articles. The total was the articles': «13 results» over 12 hits,
        where ``marsad search --collapse-copies`` said «12 texts match».

        Ranks without grouping (the index's fast path) and folds copies here: when the page has
        members of copy groups, it over-fetches twice the page so copies further down still fold
        into their group.
        """
        if postings.ready(self.con):  # the index collapses the whole result set at once
            searcher = Searcher(self.con)
            hits, groups = searcher.search(q, filters=filters, limit=limit, offset=offset, collapse_copies=True)
            return [h.as_dict() for h in hits], groups, searcher.matched or groups
        hits, total = self.arc.search(q, filters=filters, limit=limit, offset=offset)
        groups = Searcher(self.con).count(q, filters=filters, collapse_copies=True)  # no grouped ranking
        on_page = sorted({h.copy_group for h in hits if h.copy_group is not None})
        if all(n <= 1 for n in sq.group_sizes(self.con, on_page).values()):  # nothing to fold here
            return [h.as_dict() for h in hits], groups, total
        fetch = min(500, offset + 2 * limit + 10)
        hits, total = self.arc.search(q, filters=filters, limit=fetch, offset=0)
        folded: dict[Any, Hit] = {}
        for h in hits:
            gk = h.copy_group if h.copy_group is not None else ("article", h.rowid)
            if gk in folded:
                folded[gk].copies += 1
            else:
                folded[gk] = dataclasses.replace(h, copies=1)
        page = Searcher(self.con).show_first_publishers(list(folded.values())[offset:offset + limit], q,
                                                        filters=filters)
        return [h.as_dict() for h in page], groups, total

    def facets(self, q: str, filters: Filters) -> dict[str, Any]:
        return self._cached("facets", (q, filters), lambda: self._facets(q, filters))

    def _facets(self, q: str, filters: Filters) -> dict[str, Any]:
        f = analytics.facets(self.con, q or None, filters=filters)
        canon = eq.canonical(self.con, [k for k, _n in f["entity"]])
        ents: dict[str, int] = {}
        for k, n in f["entity"]:
            ents[canon[k]] = ents.get(canon[k], 0) + n
        top = sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
        labels = eq.labels(self.con, [k for k, _n in top])
        titles = views.story_titles(self.arc, [int(k) for k, _n in f["story"]])
        return {
            "source": [{"key": k, "count": n} for k, n in f["source"]],
            "month": [{"key": k, "count": n} for k, n in f["month"]],
            "entity": [{"key": k, "count": n, **labels.get(k, {})} for k, n in top],
            "story": [{"key": k, "count": n, "title": titles[int(k)]} for k, n in f["story"]],
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
        d["author_field"] = self.arc.author_field(row)
        d["requested_id"] = article_id
        d["links"] = sq.article_links(self.con, rowid)
        groups = group_mentions(art.text, art.spans)
        canon = eq.canonical(self.con, [g["key"] for g in groups if g["linked"]])
        merged: dict[str, dict[str, Any]] = {}
        for g in groups:
            k = canon.get(g["key"], g["key"])
            m = merged.setdefault(k, {**g, "key": k, "forms": [], "count": 0})
            m["forms"] += [f for f in g["forms"] if f not in m["forms"]]
            m["count"] += g["count"]
        names = eq.labels(self.con, [k for k, g in merged.items() if g["linked"]])
        for k, g in merged.items():
            g["name"] = (names.get(k) or {}).get("name") or g["forms"][0]
        d["entities"] = list(merged.values())
        d["spans"] = [{"layer": s.layer, "start": s.start, "end": s.end, "label": s.label,
                       "value": s.value, "attrs": s.attrs} for s in art.spans]
        for e, key in zip(d["events"], ev.article_event_groups(self.arc, art.id, d["events"]), strict=True):
            e["group"] = key
        return d

    # events ----------------------------------------------------------------------------------

    def events(self, *, date_from: str = "", date_to: str = "", types: list[str] | None = None, actor: str = "",
               place: str = "", sources: list[str] | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Event groups of a period (each event once), as ``marsad events`` lists them."""
        limit, offset = _clamp(limit, offset)
        lo, hi = day_range(date_from, date_to)
        wanted = [ev.check_type(t) for t in (types or []) if t.strip()]
        srcs = [s for s in (sources or []) if s]
        key = (lo, hi, tuple(wanted), actor.strip(), place.strip(), tuple(srcs), limit, offset)
        items = self._cached("events", key, lambda: ev.list_event_groups(
            self.arc, date_from=lo, date_to=hi, types=wanted, actor=actor.strip(), place=place.strip(),
            sources=srcs, limit=limit, offset=offset))
        return {"filters": {"from": date_from or None, "to": date_to or None, "type": wanted, "actor": actor.strip(),
                            "place": place.strip(), "source": srcs},
                "types": list(EVENT_TYPES), "limit": limit, "offset": offset, "items": items}

    def event(self, key: str) -> dict[str, Any]:
        """One event group and its reports, each with its sentence."""
        return self._cached("event", (key,), lambda: self._event(key))

    def _event(self, key: str) -> dict[str, Any]:
        d = ev.event_group_detail(self.arc, key)
        for r in d["report_list"]:  # the trigger within its sentence, for the page to mark
            r["trigger_in_sentence"] = [r["start"] - r["sentence_start"], r["end"] - r["sentence_start"]]
        return d

    # entities --------------------------------------------------------------------------------

    def entity(self, key: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        limit, offset = _clamp(limit, offset)
        return self._cached("entity", (key, limit, offset), lambda: self._entity(key, limit, offset))

    def _entity(self, key: str, limit: int, offset: int) -> dict[str, Any]:
        ref = self._ref(key)
        return {
            **eq.summary(self.con, ref),
            "timeline": [{"key": k, "count": n} for k, n in fill_buckets(eq.timeline(self.con, ref))],
            "co_mentions": eq.co_mentions(self.con, ref),
            "article_list": {"limit": limit, "offset": offset,
                             "items": eq.articles(self.con, ref, limit=limit, offset=offset)},
        }

    def _ref(self, key: str) -> eq.EntityRef:
        ref = eq.resolve(self.con, key)
        if ref is None:
            raise NotFoundError(f"no entity with key {key[:80]!r}; see /api/entities for known keys")
        return ref

    def entities(self, *, limit: int = 50, offset: int = 0, type: str | None = None,  # noqa: A002
                 prefix: str | None = None) -> dict[str, Any]:
        limit, offset = _clamp(limit, offset)
        items = self._cached("entities", (limit, offset, type, prefix), lambda: eq.top(
            self.con, limit=limit, offset=offset, type=type, prefix=prefix))
        return {"limit": limit, "offset": offset, "type": type, "prefix": prefix,
                "registry": eq.has_registry(self.con), "items": items}

    # stories and threads ---------------------------------------------------------------------

    def story(self, story: int) -> dict[str, Any]:
        return self._cached("story", (story,), lambda: self._story(story))

    def _story(self, story: int) -> dict[str, Any]:
        brief = sq.story_brief(self.con, story)
        members = sq.story_members(self.con, story)
        if not members and not brief["row"] and (into := sq.merged_into(self.con, story)) is not None:
            return self._story(into)  # folded into another story since
        if not members and not brief["row"]:
            raise NotFoundError(f"no story {story}; see /api/stories for the stories found")
        return {**brief, "members": members, "copy_groups": _copy_groups(members),
                "timeline": [{"key": k, "count": n}
                             for k, n in fill_buckets(sq.day_counts(self.con, story=story), by="day")]}

    def stories(self, *, limit: int = 50, offset: int = 0, date_from: str = "", date_to: str = "",
                min_size: int = 1) -> dict[str, Any]:
        """Stories by size as ``marsad stories`` lists them, with its period and ``--min-size``."""
        limit, offset = _clamp(limit, offset)
        lo, hi = day_range(date_from, date_to)
        items = self._cached("stories", (limit, offset, lo, hi, min_size), lambda: views.story_briefs(
            self.arc, limit=limit, offset=offset, date_from=lo, date_to=hi, min_size=min_size))
        return {"filters": {"from": date_from or None, "to": date_to or None, "min_size": min_size},
                "limit": limit, "offset": offset, "items": items}

    def threads(self, *, min_stories: int = 2, limit: int = 20) -> dict[str, Any]:
        """Threads by number of stories as ``marsad threads`` lists them (its ``--min-stories``),
        each with its label words and biggest story."""
        limit, _ = _clamp(limit, 0)
        items = self._cached("threads", (min_stories, limit), lambda: views.list_threads(
            self.arc, min_stories=min_stories, limit=limit))
        return {"filters": {"min_stories": min_stories}, "limit": limit, "items": items}

    def thread(self, thread: int) -> dict[str, Any]:
        return self._cached("thread", (thread,), lambda: self._thread(thread))

    def _thread(self, thread: int) -> dict[str, Any]:
        info = sq.thread_info(self.con, thread)
        moved = sq.moved_thread(self.con, thread) if info is None else None
        if moved is not None:  # shown for open stories, gone since: the thread its first story is in
            info = sq.thread_info(self.con, moved)
        if info is None:
            raise NotFoundError(f"no thread {thread}")
        info["moved_from"] = thread if moved is not None else None
        if info["row"] is not None and "terms" in info["row"]:
            info["terms"] = views.thread_terms(info["row"]["terms"])
        ids = [s["id"] for s in info["stories"]]
        titles = views.story_titles(self.arc, ids)  # one scan, not one per story
        for s in info["stories"]:
            s["title"] = titles[s["id"]]
        if not info["title"] and info["stories"]:
            info["title"] = info["stories"][0]["title"]
        return {**info, "timeline": [{"key": k, "count": n}
                                     for k, n in fill_buckets(sq.day_counts(self.con, stories=ids), by="day")]}

    # analytics -------------------------------------------------------------------------------

    def attention(self, *, queries: list[str], entities: list[str], by: str = "month",
                  filters: Filters | None = None) -> dict[str, Any]:
        specs = [{"q": q.strip()} for q in queries if q.strip()] + [{"entity": e} for e in entities if e]
        key = (tuple(tuple(s.items()) for s in specs), by, filters)
        return self._cached("attention", key, lambda: self._attention(specs, by, filters))

    def _attention(self, specs: list[dict[str, Any]], by: str, filters: Filters | None) -> dict[str, Any]:
        resolved: list[dict[str, Any]] = []
        for spec in specs:
            if spec.get("entity"):
                ref = self._ref(spec["entity"])
                spec = {**spec, "entity": ref.key, "keys": list(ref.keys)}
            resolved.append(spec)
        series = analytics.series(self.con, resolved, by=by, filters=filters)
        labels = eq.labels(self.con, [s["entity"] for s in series if s.get("entity")])
        for s in series:
            s["label"] = s.get("q") or (labels.get(s.get("entity", ""), {}).get("name")) or s.get("entity")
        keys = [k for k, _n in fill_buckets([(p["key"], 1) for s in series for p in s["points"]], by=by)]
        for s in series:
            by_key = {p["key"]: p["count"] for p in s["points"]}
            s["values"] = [by_key.get(k, 0) for k in keys]
        return {"by": by, "filters": filters_json(filters or Filters()), "keys": keys, "series": series}

    def co_mentions(self, key: str, *, limit: int = 25) -> dict[str, Any]:
        limit = max(1, min(int(limit), 100))
        return self._cached("co", (key, limit), lambda: eq.co_mentions(self.con, self._ref(key), limit=limit))

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
