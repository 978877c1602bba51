"""Stories, copy groups and threads as JSON-able dicts, for the CLI, the API and the web.

The provenance chain of an article (:func:`chain`) reads its own evidence: the agency of its
dateline (``موسكو- سبوتنيك``), the outlet of its trailing credit (``العربية نت``) and the outlet
that published it, in that order, repeats dropped — Sputnik copy republished by العربية نت.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import orjson

from marsad.corpus.provenance import publication_order
from marsad.corpus.story_record import display_word, label_stopword
from marsad.corpus.threads import readable
from marsad.errors import NotFoundError
from marsad.store.corpus_store import CorpusStore


def chain(article: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for k in ("dateline_agency", "credit", "source"):
        v = (article.get(k) or "").strip()
        if v and v not in out:
            out.append(v)
    return out if len(out) > 1 else []


def _terms(raw: str | list[str] | None) -> list[str]:
    """Stored label words: the column's JSON, or the list a row reader decoded it to."""
    if isinstance(raw, list):
        return list(raw)
    return list(orjson.loads(raw)) if raw else []


def list_stories(archive: Any, *, date_from: str | None = None, date_to: str | None = None,
                 min_size: int = 2, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """The biggest stories overlapping a period (most articles first), with their first article."""
    cs = CorpusStore(archive)
    rows = cs.list_stories(date_from=date_from, date_to=date_to, min_size=min_size, limit=limit, offset=offset)
    firsts = _first_published(cs, [r["story"] for r in rows])
    for r in rows:
        r["terms"] = _shown(r["terms"])
        r["first"] = firsts.get(r["story"])
    return rows


def story_briefs(archive: Any, *, date_from: str | None = None, date_to: str | None = None,
                 min_size: int = 1, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The stories of :func:`list_stories`, in its order, as the web lists them: ``id``,
    ``title`` (its first publisher's among the members with one), ``articles``, ``sources``,
    ``first`` and ``last`` day, ``thread``. Two queries for up to 500 stories."""
    cs = CorpusStore(archive)
    rows = cs.list_stories(date_from=date_from, date_to=date_to, min_size=min_size, limit=limit, offset=offset)
    titles = _titles(cs, [r["story"] for r in rows])
    return [{"id": r["story"], "title": titles.get(r["story"], ""), "articles": r["size"],
             "sources": r["sources"], "first": r["first_day"], "last": r["last_day"], "thread": r["thread"]}
            for r in rows]


def story_titles(archive: Any, stories: list[int]) -> dict[int, str]:
    """Each story's title: its first publisher's headline among the members with one
    (:func:`_first_published`), ``""`` for a story none of whose members has a title. One scan
    of the stories' members for all of them."""
    return _titles(CorpusStore(archive), stories)


def _titles(cs: CorpusStore, stories: list[int]) -> dict[int, str]:
    titled = _first_published(cs, stories, titled=True)
    return {s: (titled.get(s) or {}).get("title") or "" for s in stories}


def _first_published(cs: CorpusStore, stories: list[int], *, titled: bool = False) -> dict[int, dict[str, Any]]:
    """Each story's member published first (of those with a title, when ``titled``): the
    earliest day, and on it the earliest time as a UTC instant, an article dated by its day
    alone after those with a time (when it appeared that day is not known), then by ingest
    order. Not the article that opened the story: the clusterer reads a day's articles in its
    own order, and a batch ingested later can hold an earlier report."""
    best: dict[int, tuple[tuple[str, bool, str, int], dict[str, Any]]] = {}
    for m in cs.story_members_brief(stories):
        if titled and not m["title"]:
            continue
        k = publication_order(m["published_at"], m["rowid"])
        sid = m.pop("story")
        if sid not in best or k < best[sid][0]:
            best[sid] = (k, m)
    return {sid: m for sid, (_k, m) in best.items()}


def story_detail(archive: Any, story: int) -> dict[str, Any]:
    """A story's members grouped by copy group, its reprint edges and its timeline by day."""
    cs = CorpusStore(archive)
    row = cs.story_row(story)
    asked = story
    if row is None and (into := cs.merged_into(story)) is not None:
        story, row = into, cs.story_row(into)  # folded into another story since
    if row is None:
        raise NotFoundError(f"no story {story}; `marsad stories` lists them")
    # in publication order (the stored strings sort by local time across time zones)
    arts = sorted(cs.story_articles(story), key=lambda a: publication_order(a["published_at"], a["rowid"]))
    ids = {a["rowid"]: a["id"] for a in arts}
    order = {a["rowid"]: i for i, a in enumerate(arts)}
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in arts:
        groups[a["copy_group"] if a["copy_group"] is not None else -a["rowid"]].append(a)
    info = cs.group_rows([g for g in groups if g > 0])
    edges = defaultdict(list)
    for e in cs.edges_of_groups([g for g in groups if g > 0]):
        edges[e["grp"]].append(e)
    missing = {e["src"] for es in edges.values() for e in es} - set(ids)
    if missing:
        ids.update({k: v["id"] for k, v in cs.article_brief(sorted(missing)).items()})
    out_groups = []
    # the biggest groups first, then by their first member's time (an article without a copy
    # is a group of its own here: those are listed in time order too)
    for g, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), order[kv[1][0]["rowid"]])):
        out_groups.append({
            "group": g if g > 0 else None,
            "agency": (info.get(g) or {}).get("agency", ""),
            "members": [{"id": m["id"], "source": m["source"], "title": m["title"],
                         "published_at": m["published_at"], "published_at_source": m["published_at_source"],
                         "first_published": bool(m["first_published"]),
                         "chain": chain(m)} for m in members],
            # an edge of jaccard 0 is no pair: a member that joined through later copies only,
            # attributed to the first publisher (provenance.provenance)
            "edges": [{"src_id": ids.get(e["src"]), "dst_id": ids.get(e["dst"]), "jaccard": e["jaccard"],
                       "added": e["added"], "removed": e["removed"], "verified": e["jaccard"] > 0}
                      for e in edges.get(g, [])],
        })
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in arts:
        by_day[(a["published_at"] or "")[:10]].append(a)
    timeline = [{"day": d or None, "articles": len(v), "sources": sorted({a["source"] for a in v})}
                for d, v in sorted(by_day.items())]
    return {"story": story, "size": row["size"], "sources": row["sources"], "first_day": row["first_day"],
            "last_day": row["last_day"], "thread": row["thread"], "terms": _shown(row["terms"]),
            "copy_groups": out_groups, "timeline": timeline,
            "merged_from": asked if asked != story else None}


def thread_terms(raw: str | list[str] | None) -> list[str]:
    """A thread's stored label words as the CLI and the web show them: :func:`_shown`, then
    :func:`~marsad.corpus.threads.readable` (labels stored before it keep their fragments)."""
    return readable(_shown(raw))


def _shown(raw: str | list[str] | None) -> list[str]:
    """Label words without the proclitics before the article (:func:`display_word`) and without
    function words and particles of names (:func:`label_stopword`): the labels stored before
    these rules keep them in the store."""
    out: list[str] = []
    for w in _terms(raw):
        w = display_word(w)
        if w not in out and not label_stopword(w):
            out.append(w)
    return out


def list_threads(archive: Any, *, min_stories: int = 2, limit: int = 20) -> list[dict[str, Any]]:
    """The threads of the most stories, each with its biggest story (``top_story``: the most
    articles, then the earliest, with its first publisher): a headline beside the label words.
    Three queries for up to 500 threads."""
    cs = CorpusStore(archive)
    rows = cs.list_threads(min_stories=min_stories, limit=limit)
    top = cs.top_stories([r["thread"] for r in rows])
    firsts = _first_published(cs, [s["story"] for s in top.values()])
    for r in rows:
        r["terms"] = thread_terms(r["terms"])
        s = top.get(r["thread"])
        r["top_story"] = None if s is None else {"story": s["story"], "size": s["size"], "first": firsts.get(s["story"])}
    return rows


def thread_detail(archive: Any, thread: int) -> dict[str, Any]:
    """A thread's row and its stories in time order; a thread gone since it was shown gives the
    thread it moved to (:func:`marsad.store.queries.moved_thread`), with ``moved_from``."""
    from marsad.store.queries import moved_thread

    cs = CorpusStore(archive)
    row = cs.thread_row(thread)
    moved = moved_thread(archive.con, thread) if row is None else None
    if moved is not None:
        row = cs.thread_row(moved)
    if row is None:
        raise NotFoundError(f"no thread {thread}; `marsad threads` lists them")
    row["moved_from"] = thread if moved is not None else None
    thread = row["thread"]
    stories = cs.thread_stories(thread)
    firsts = _first_published(cs, [s["story"] for s in stories])
    for s in stories:
        s["terms"] = _shown(s["terms"])
        s["first"] = firsts.get(s["story"])
    row["terms"] = thread_terms(row["terms"])
    row["timeline"] = stories
    return row
