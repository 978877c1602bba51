"""Event groups as JSON-able dicts, for ``marsad events``, ``marsad event``, the API and the web.

An event **group** is one real-world event however many reports it has (the key and its limits:
:mod:`marsad.enrich.events.group`). A list counts each group once, with the number of its
reports (event mentions) and articles in the period asked; a group's detail lists every report
with its sentence.

A group's source, target and place are those most of its reports give (ties: the earliest
report's), the place with where it came from (``source``: its sentence, or the article's
dateline when the sentence names none); its date is the day its sentences state, else the day of its first report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from marsad.corpus.provenance import publication_order
from marsad.enrich.events.group import group_key, parse_group, stated_days, story_anchors
from marsad.enrich.events.lexicon import EVENT_TYPES
from marsad.errors import NotFoundError, QueryError
from marsad.store import event_queries as evq
from marsad.store.corpus_store import CorpusStore
from marsad.text.normalize import normalize


def check_type(value: str) -> str:
    """``value`` as a PLOVER type this archive codes (``protest`` → ``PROTEST``), or
    :class:`QueryError` naming the types."""
    t = value.strip().upper()
    if t not in EVENT_TYPES:
        raise QueryError(f"type {value[:30]!r} is not an event type marsad codes; "
                         f"use one of {', '.join(EVENT_TYPES)}")
    return t


def _actor_key(a: dict[str, Any] | None) -> str:
    if not a:
        return ""
    return a.get("entity") or normalize(a.get("text") or "")


def _matches(a: dict[str, Any] | None, needle: str) -> bool:
    """Whether an actor or place has ``needle`` (normalized) in its text or is the entity it names."""
    if not a or not needle:
        return False
    return needle in normalize(a.get("text") or "") or needle == normalize(a.get("entity") or "")


def _has_actor(x: dict[str, Any], needle: str) -> bool:
    """Whether a report or a group's summary has ``needle`` as its source or target actor."""
    return _matches(x["actor_source"], needle) or _matches(x["actor_target"], needle)


def _most_common(values: Iterable[dict[str, Any] | None]) -> dict[str, Any] | None:
    """The value given most often (by entity, else normalized text); ties to the first given."""
    seen: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    for v in values:
        k = _actor_key(v)
        if not k or v is None:
            continue
        counts[k] += 1
        seen.setdefault(k, v)
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)  # the first counted of equal counts
    v = seen[best]
    out = {"text": v.get("text") or "", "entity": v.get("entity") or "", "reports": counts[best]}
    if v.get("source"):  # a place: "sentence", or "dateline" when its sentence named none
        out["source"] = v["source"]
    return out


def _anchors(archive: Any, stories: Iterable[int | None]) -> dict[int, str]:
    """The anchor article of each story (:func:`marsad.enrich.events.group.story_anchors`)."""
    wanted = [s for s in stories if s is not None]
    return story_anchors(CorpusStore(archive).story_members_brief(wanted)) if wanted else {}


def _report(r: dict[str, Any]) -> dict[str, Any]:
    """One event mention as a report of its group (``text`` given when the article's text is)."""
    a = r["attrs"]
    out = {"article_id": r["id"], "source": r["source"], "title": r["title"], "published_at": r["published_at"],
           "story": r["story"], "start": r["start"], "end": r["end"], "mode": a.get("mode") or "",
           "trigger": a.get("trigger") or "", "actor_source": a.get("source"), "actor_target": a.get("target"),
           "place": a.get("place"), "date": a.get("date"), "sentence": a.get("sentence")}
    if "text" in r:
        text = r["text"]
        out["trigger_text"] = text[r["start"]:r["end"]]
        s, e = a.get("sentence") or (r["start"], r["end"])
        raw = text[s:e]
        out["sentence_text"] = raw.strip()
        out["sentence_start"] = s + len(raw) - len(raw.lstrip())  # where sentence_text begins
    return out


def _summary(key: str, reports: list[dict[str, Any]]) -> dict[str, Any]:
    reports.sort(key=lambda r: publication_order(r["published_at"], r["article_id"]))
    first = reports[0]
    _anchor, label, day = parse_group(key)
    modes = Counter(r["mode"] for r in reports if r["mode"])
    return {
        "group": key, "type": label, "mode": modes.most_common(1)[0][0] if modes else "",
        "date": day or ((first["published_at"] or "")[:10] or None), "date_stated": bool(day),
        "reports": len(reports), "articles": len({r["article_id"] for r in reports}),
        "sources": len({r["source"] for r in reports if r["source"]}),
        "first": {k: first[k] for k in ("article_id", "source", "title", "published_at")},
        "actor_source": _most_common(r["actor_source"] for r in reports),
        "actor_target": _most_common(r["actor_target"] for r in reports),
        "place": _most_common(r["place"] for r in reports),
        "story": first["story"],
    }


def list_event_groups(archive: Any, *, date_from: str | None = None, date_to: str | None = None,
                      types: Sequence[str] = (), actor: str = "", place: str = "",
                      sources: Sequence[str] = (), limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """The event groups reported in a period (by the reports' publication days), each counted
    once, most reported (articles, then reports) first. ``actor`` keeps the groups one of whose
    reports has it as source or target (a word of its name, or its entity key); ``place`` the
    same for the place."""
    con = archive.con
    rows = list(evq.event_rows(con, date_from=date_from, date_to=date_to, types=[check_type(t) for t in types],
                               sources=sources))
    anchors = _anchors(archive, (r["story"] for r in rows))
    # the days stated by every report of the stories, in the period or not (as `marsad event` reads them)
    stories = {r["story"] for r in rows if r["story"] is not None}
    stated = stated_days(anchors, [r for r in rows if r["story"] is None] + evq.story_event_dates(con, list(stories)))
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        key = group_key(anchors, story=r["story"], article_id=r["id"], label=r["label"], attrs=r["attrs"],
                        published_at=r["published_at"], stated=stated)
        groups.setdefault(key, []).append(_report(r))
    needle_actor, needle_place = normalize(actor.strip()), normalize(place.strip())
    out = []
    for key, reports in groups.items():
        with_actor = sum(_has_actor(r, needle_actor) for r in reports) if needle_actor else 0
        if needle_actor and not with_actor:
            continue
        if needle_place and not any(_matches(r["place"], needle_place) for r in reports):
            continue
        g = _summary(key, reports)
        if needle_actor:
            # the group shows the actors most of its reports give: say in how many the asked one
            # is, or «--actor ترامب» listed «الصين → بكين» with nothing to tell why
            g["actor_reports"] = with_actor
            g["actor_shown"] = _has_actor(g, needle_actor)
        out.append(g)
    out.sort(key=lambda g: (-g["articles"], -g["reports"], g["date"] or "9999", g["group"]))
    return out[offset:offset + limit]


def event_group_detail(archive: Any, key: str) -> dict[str, Any]:
    """One event group: its summary and every report with its sentence, first report first.
    A key anchored on any article of the story finds the group (one whose anchor is no longer
    the story's first report, since an earlier one joined, too); ``asked`` then holds the key
    asked for and ``group`` the current one."""
    try:
        anchor, label, day = parse_group(key)
    except ValueError:
        raise QueryError(f"{key[:80]!r} is not an event group key (ARTICLE|TYPE|DAY, as `marsad events` "
                         "lists them)") from None
    label = check_type(label)
    con = archive.con
    found = evq.article_story(con, anchor)
    if found is None:
        raise NotFoundError(f"no article {anchor[:80]!r} anchors an event group; `marsad events` lists the groups")
    rowid, article_id, story = found
    rowids = evq.story_rowids(con, story) if story is not None else [rowid]
    rows = evq.events_of_articles(con, rowids, label=label)
    anchors = _anchors(archive, [story])
    stated = stated_days(anchors, rows)
    keys = [group_key(anchors, story=r["story"], article_id=r["id"], label=label, attrs=r["attrs"],
                      published_at=r["published_at"], stated=stated) for r in rows]
    rows = [r for r, k in zip(rows, keys, strict=True) if parse_group(k)[2] == day]
    if not rows:
        raise NotFoundError(f"no {label} event{' on ' + day if day else ''} in the story of article "
                            f"{article_id[:80]!r}; `marsad events` lists the groups")
    current = next(k for k in keys if parse_group(k)[2] == day)
    reports = [_report(r) for r in rows]
    summary = _summary(current, reports)
    return {**summary, "asked": key if key != current else None, "report_list": reports}


def article_event_groups(archive: Any, article_id: str, events: Sequence[dict[str, Any]]) -> list[str]:
    """The group key of each of an article's events (``type`` and the span's attrs, as
    :func:`marsad.pipeline.output.analysis_json` lists them)."""
    found = evq.article_story(archive.con, article_id)
    story = None
    if found is not None:
        _rowid, article_id, story = found
    anchors = _anchors(archive, [story])
    if story is not None:
        stated = stated_days(anchors, evq.story_event_dates(archive.con, [story]))
    else:
        stated = stated_days(anchors, [{"story": None, "id": article_id, "label": e["type"], "attrs": e} for e in events])
    published = evq.article_published(archive.con, article_id)
    return [group_key(anchors, story=story, article_id=article_id, label=e["type"], attrs=e, published_at=published,
                      stated=stated) for e in events]
