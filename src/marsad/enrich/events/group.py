"""Event groups: one key for the mentions of one real-world event, so that counts of events are
not counts of reports.

Many articles report the same attack or protest (and one article may mention it twice). The
archive already groups articles that report the same happening into a **story** (the corpus
stage, ``docs/stories.md``), so an event's group is

    the story's anchor article + PLOVER type + the event's own date, when the sentence gave one

e.g. ``a3f9c2…|ASSAULT|2024-03-04``. The anchor is the story's member published first (the
earliest day; on it a timed article before one dated by its day alone; then the smallest article
id), named by its article id, which is stable: a story's *number* is renumbered when the corpus
tables are rebuilt (``marsad update --reanalyse``), so a key built on it (``story:412|…``, before)
named another event after a rebuild; the same articles give the same anchor. An article the
story stage has not reached (``--defer-corpus`` before ``marsad update``) or that stands alone is
its own anchor. A key changes only when a report published earlier than every member joins the
story later; :func:`parse_group` and the archive's group look-up still find the group from its
old anchor, through the anchor's story.

The date part is the value of the time expression found in the event's sentence
(``attrs.date.source == "timex"``); a date taken from the publication date says when the report
appeared, not when the event happened, so it is left out (``…|ASSAULT|``) rather than splitting
the reports of one attack published on two days. Two attacks of one story on two stated days are
two groups; two of the same day and story are one (a limit: a story about a wave of attacks on
one day counts as one event).

A report whose sentence states no day joins the group of its story and type whose stated day is
its own publication day, else the day before (:func:`group_day`): «توعد ترامب الأربعاء …» and
«وتوعد ترامب عبر تويتر …» of the same story, published that Wednesday, are one threat, where
they were a dated group and a no-day group. A report published later than the day after every
stated day stays in the no-day group (a later development, or a report of unknown date).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from marsad.corpus.provenance import publication_order

#: the days stated by the reports of each (anchor article id, type): what :func:`group_day` reads
StatedDays = Mapping[tuple[str, str], Collection[str]]


def event_day(attrs: Mapping[str, Any]) -> str:
    """The day an event's own sentence states (a time expression), or ``""``."""
    date = attrs.get("date") or {}
    return str(date.get("value", "")) if date.get("source") == "timex" else ""


def _day_before(day: str) -> str:
    try:
        return (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    except ValueError:
        return ""


def group_day(attrs: Mapping[str, Any], *, published_at: str | None, stated: Collection[str]) -> str:
    """The day part of an event mention's group key: the day its sentence states; else, among
    the days the other reports of its story and type state (``stated``), its publication day or
    the day before (a report of «yesterday's» attack that names no day); else ``""``."""
    day = event_day(attrs)
    if day or not stated:
        return day
    published = (published_at or "")[:10]
    for d in (published, _day_before(published)):
        if d and d in stated:
            return d
    return ""


def event_group(*, anchor: str, label: str, attrs: Mapping[str, Any], published_at: str | None = None,
                stated: StatedDays | None = None) -> str:
    """The group key of an event mention whose story's anchor article is ``anchor`` (``stated``:
    the days the reports of each anchor and type state, :func:`stated_days`)."""
    day = group_day(attrs, published_at=published_at, stated=(stated or {}).get((anchor, label), ()))
    return f"{anchor}|{label}|{day}"


def anchor_of(anchors: Mapping[int, str], *, story: int | None, article_id: str) -> str:
    """The anchor article id of an article in ``story`` (itself when it has no story, or one not
    in ``anchors``)."""
    return anchors.get(story, article_id) if story is not None else article_id


def stated_days(anchors: Mapping[int, str], rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], set[str]]:
    """The days stated by event mentions (rows with ``story``, ``id``, ``label``, ``attrs``), by
    (anchor article id, type): what :func:`group_key` reads to place a report that states none."""
    out: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        day = event_day(r["attrs"])
        if day:
            out.setdefault((anchor_of(anchors, story=r["story"], article_id=r["id"]), r["label"]), set()).add(day)
    return out


def group_key(anchors: Mapping[int, str], *, story: int | None, article_id: str, label: str,
              attrs: Mapping[str, Any], published_at: str | None = None, stated: StatedDays | None = None) -> str:
    """The group key of an event mention of the article ``article_id`` (published at
    ``published_at``) in ``story``: anchored on the story's anchor article (``anchors``, as
    :func:`story_anchors` gives them), else (no story, or one not in ``anchors``) on the article
    itself; a mention that states no day takes one the story's reports state (``stated``, as
    :func:`stated_days` gives them; :func:`group_day`)."""
    anchor = anchor_of(anchors, story=story, article_id=article_id)
    return event_group(anchor=anchor, label=label, attrs=attrs, published_at=published_at, stated=stated)


def parse_group(key: str) -> tuple[str, str, str]:
    """``(anchor article id, type, day)`` of a group key; ``ValueError`` when it is not one.
    The id is everything before the last two ``|`` (an id may hold one)."""
    parts = key.rsplit("|", 2)
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise ValueError(key)
    return parts[0], parts[1], parts[2]


def story_anchors(members: Iterable[Mapping[str, Any]]) -> dict[int, str]:
    """Each story's anchor article id, from member rows with ``story``, ``id``, ``published_at``:
    its member first in the order of publication (:func:`~marsad.corpus.provenance.publication_order`),
    ties by article id (see the module doc)."""
    best: dict[int, tuple[tuple[str, bool, str, str], str]] = {}
    for m in members:
        sid = m["story"]
        if sid is None:
            continue
        k = publication_order(m["published_at"], m["id"])
        if sid not in best or k < best[sid][0]:
            best[sid] = (k, m["id"])
    return {sid: aid for sid, (_k, aid) in best.items()}
