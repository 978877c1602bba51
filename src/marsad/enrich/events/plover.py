"""Event mentions as PLOVER-style JSON records (``marsad export --table events --format plover``).

PLOVER (the Political Language Ontology for Verifiable Event Records) codes an event as a type,
a mode, a source and a target actor, a date and a location, with the text it was read from. A
record here is one event mention (one report; ``event_group`` names the real-world event it
reports, :mod:`marsad.enrich.events.group`), and every text field carries the character offsets
of its words in the article's original text (``offsets``: ``[start, end]``), so a record can be
checked against its source.

``date`` is the day the sentence states when it states one (``date_source: "timex"``), else the
article's publication day (``"published"``); ``location_source`` says where the place was read:
the sentence, or the article's dateline.
"""

from __future__ import annotations

from typing import Any


def _actor(a: dict[str, Any] | None) -> dict[str, Any] | None:
    if not a:
        return None
    return {"text": a.get("text") or "", "entity": a.get("entity") or "", "type": a.get("type") or "",
            "offsets": [a["start"], a["end"]] if "start" in a else None}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER-style record of one row of the events table (``article_id``, ``start``,
    ``end``, ``label``, ``attrs``, ``event_group``; ``article_text`` for the sentence)."""
    a = row.get("attrs") or {}
    date = a.get("date") or {}
    place = a.get("place") or {}
    s, e = a.get("sentence") or (row["start"], row["end"])
    text = row.get("article_text") or ""
    return {
        "id": f"{row['article_id']}:{row['start']}-{row['end']}",
        "event_type": row["label"],
        "mode": a.get("mode") or "",
        "source_actor": _actor(a.get("source")),
        "target_actor": _actor(a.get("target")),
        "date": date.get("value"),
        "date_source": date.get("source"),
        "date_offsets": [date["start"], date["end"]] if "start" in date else None,
        "location": place.get("text") or None,
        "location_entity": place.get("entity") or "",
        "location_source": place.get("source"),
        "location_offsets": [place["start"], place["end"]] if "start" in place else None,
        "trigger": text[row["start"]:row["end"]] if text else row.get("text", ""),
        "trigger_lemma": a.get("trigger") or "",
        "trigger_offsets": [row["start"], row["end"]],
        "sentence": text[s:e] if text else None,
        "sentence_offsets": [s, e],
        "article_id": row["article_id"],
        "event_group": row.get("event_group"),
    }
