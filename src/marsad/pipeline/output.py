"""The JSON shape of an analysed article (``marsad analyze``, the HTTP API, ``show --json``).

All offsets index the article's original ``text`` exactly as given.
"""

from __future__ import annotations

from typing import Any

from marsad.model import Article


def analysis_json(art: Article, *, with_text: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": art.id,
        "source": art.source,
        "title": art.title,
        "published_at": art.published_at,
        "published_at_source": art.published_at_source,
        "published_at_confidence": art.published_at_confidence,
        "language": art.language,
        "language_flag": art.language_flag,
        "dateline": {"place": art.dateline_place, "agency": art.dateline_agency},
        "byline": art.byline,
        "credit": art.credit,
        "debris": [],
        "timexes": [],
        "mentions": [],
        "events": [],
    }
    text = art.text
    for s in art.spans:
        if s.layer in ("debris", "dateline", "byline", "credit", "title"):
            kind = s.label if s.layer == "debris" else s.layer
            if s.layer != "title":
                out["debris"].append({"start": s.start, "end": s.end, "kind": kind})
        elif s.layer == "timex":
            out["timexes"].append({"start": s.start, "end": s.end, "text": text[s.start:s.end],
                                   "type": s.label, "value": s.value, **s.attrs})
        elif s.layer == "mention":
            out["mentions"].append({"start": s.start, "end": s.end, "text": text[s.start:s.end],
                                    "type": s.label, "entity": s.value,
                                    "country": s.attrs.get("country"),
                                    **{k: v for k, v in s.attrs.items() if k != "country"}})
        elif s.layer == "event":
            out["events"].append({"start": s.start, "end": s.end, "text": text[s.start:s.end],
                                  "type": s.label, **s.attrs})
    if with_text:
        out["text"] = text
        out["clean_text"] = art.clean_text
    return out
