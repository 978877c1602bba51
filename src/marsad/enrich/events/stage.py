"""The ``events`` pipeline stage: PLOVER event mentions as ``event`` spans.

Runs after ``entities`` (its mentions are the actors and places) and ``timex`` (its dates),
on ``doc.masked``: debris, dateline, byline and credit are blanked, so site furniture holds no
events. Offsets index the original text. See :mod:`marsad.enrich.events.coder` and
``docs/events.md``.
"""

from __future__ import annotations

from marsad.enrich.events.coder import EventCoder
from marsad.enrich.language import read_as_arabic
from marsad.pipeline.core import Doc


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
        doc.add(self._coder.code(doc.masked, mentions=mentions, timexes=timexes,
                                 published_at=art.published_at, dateline_place=art.dateline_place))
