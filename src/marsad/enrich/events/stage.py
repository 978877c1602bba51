"""The ``events`` pipeline stage: PLOVER event mentions as ``event`` spans.

Runs after ``entities`` (its mentions are the actors and places) and ``timex`` (its dates),
on ``doc.masked``: debris, dateline, byline and credit are blanked, so site furniture holds no
events. Offsets index the original text. See :mod:`marsad.enrich.events.coder` and
``docs/events.md``.
"""

from __future__ import annotations

from marsad.enrich.events.coder import EventCoder
from marsad.enrich.events.setting import house_line
from marsad.enrich.language import read_as_arabic
from marsad.pipeline.core import Doc
from marsad.pipeline.stages import author_field


class EventCoderStage:
    """Adds ``event`` spans (label = PLOVER type; attrs: mode, source, target, date, place)."""

    name = "events"
    requires = ("clean", "mentions", "timex")
    provides = ("events",)

    def __init__(self) -> None:
        self._coder = EventCoder()

    def run(self, doc: Doc) -> None:
        art = doc.article
        if not read_as_arabic(art.language):  # the trigger lexicon is Arabic's
            return
        mentions = [s for s in art.spans if s.layer == "mention"]
        timexes = [s for s in art.spans if s.layer == "timex"]
        # a place the text's dateline gave, or the input's author field (dateline.v7); an outlet's
        # house line there («أبوظبي - سكاي نيوز عربية» on all its reports) places nothing unnamed
        from_text = any(s.layer == "dateline" and s.attrs.get("place") for s in art.spans)
        named_only = (not from_text and bool(art.dateline_place) and bool(doc.record.author)
                      and house_line(author_field(doc)))
        doc.add(self._coder.code(doc.masked, mentions=mentions, timexes=timexes,
                                 published_at=art.published_at, dateline_place=art.dateline_place,
                                 dateline_named_only=named_only))
