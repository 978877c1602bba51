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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def event_day(attrs: Mapping[str, Any]) -> str:
    """The day an event's own sentence states (a time expression), or ``""``."""
    date = attrs.get("date") or {}
    return str(date.get("value", "")) if date.get("source") == "timex" else ""


def event_group(*, anchor: str, label: str, attrs: Mapping[str, Any]) -> str:
    """The group key of an event mention whose story's anchor article is ``anchor``."""
    return f"{anchor}|{label}|{event_day(attrs)}"


def group_key(anchors: Mapping[int, str], *, story: int | None, article_id: str, label: str,
              attrs: Mapping[str, Any]) -> str:
    """The group key of an event mention of the article ``article_id`` in ``story``: anchored
    on the story's anchor article (``anchors``, as :func:`story_anchors` gives them), else (no
    story, or one not in ``anchors``) on the article itself."""
    anchor = anchors.get(story, article_id) if story is not None else article_id
    return event_group(anchor=anchor, label=label, attrs=attrs)


def parse_group(key: str) -> tuple[str, str, str]:
    """``(anchor article id, type, day)`` of a group key; ``ValueError`` when it is not one.
    The id is everything before the last two ``|`` (an id may hold one)."""
    parts = key.rsplit("|", 2)
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise ValueError(key)
    return parts[0], parts[1], parts[2]


def anchor_order(published_at: str | None, article_id: str) -> tuple[str, bool, str, str]:
    """The sort key that puts a story's anchor first (see the module doc): the order of
    publication (:func:`marsad.corpus.provenance.publication_order`), ties by article id."""
    from marsad.corpus.provenance import publication_order

    return publication_order(published_at, article_id)


def story_anchors(members: Iterable[Mapping[str, Any]]) -> dict[int, str]:
    """Each story's anchor article id, from member rows with ``story``, ``id``, ``published_at``."""
    best: dict[int, tuple[tuple[str, bool, str, str], str]] = {}
    for m in members:
        sid = m["story"]
        if sid is None:
            continue
        k = anchor_order(m["published_at"], m["id"])
        if sid not in best or k < best[sid][0]:
            best[sid] = (k, m["id"])
    return {sid: aid for sid, (_k, aid) in best.items()}
