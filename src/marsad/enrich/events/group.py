"""Event groups: one key for the mentions of one real-world event, so that counts of events are
not counts of reports.

Many articles report the same attack or protest (and one article may mention it twice). The
archive already groups articles that report the same happening into a **story** (the corpus
stage, ``docs/stories.md``), so an event's group is simply

    story + PLOVER type + the event's own date, when the sentence gave one

e.g. ``story:412|ASSAULT|2024-03-04``. The date part is the value of the time expression found
in the event's sentence (``attrs.date.source == "timex"``); a date taken from the publication
date says when the report appeared, not when the event happened, so it is left out (``…|ASSAULT|``)
rather than splitting the reports of one attack published on two days. Two attacks of one story
on two stated days are two groups; two of the same day and story are one (a limit: a story about
a wave of attacks on one day counts as one event). An article the story stage has not reached
(``--defer-corpus`` before ``marsad update``) is its own group: ``article:ID|TYPE|date``.
"""

from __future__ import annotations

from typing import Any


def event_group(*, story: int | None, article_id: str, label: str, attrs: dict[str, Any]) -> str:
    """The group key of an event mention of ``article_id`` in ``story`` (see the module doc)."""
    date = attrs.get("date") or {}
    day = str(date.get("value", "")) if date.get("source") == "timex" else ""
    where = f"story:{story}" if story is not None else f"article:{article_id}"
    return f"{where}|{label}|{day}"
