"""The time stages: ``pubdate.v4`` (publication date) and ``timex.v6`` (temporal expressions).

``pubdate`` needs the expressions the tagger finds (a date line, ``اليوم الثلاثاء``), and the
expressions need the publication date to be valued. So the tagger runs once, in whichever stage
comes first, and leaves what it found in ``doc.extras`` for the other; ``pubdate`` sets
``doc.anchor`` and ``timex`` values every expression against it. Each stage also works alone:
``timex`` without ``pubdate`` resolves against ``doc.anchor`` as an earlier stage left it (the
metadata date of ``metadate.v1``) or leaves the values underspecified.

The tagger reads the whole original text, not ``doc.masked``: a date line that the debris
cleaner removed (``نشر في 21 مايو 2020``) is still evidence for the publication date. Timex
spans are only emitted outside removed debris, byline and credit spans.
"""

from __future__ import annotations

from marsad.enrich.time.pubdate import PublicationDater
from marsad.enrich.time.resolve import Anchor, Expr
from marsad.enrich.time.tagger import tagger, to_span
from marsad.pipeline.core import Doc

_KEY = "_timex_exprs"
_HIDDEN = ("debris", "byline", "credit")


def found_exprs(doc: Doc) -> list[Expr]:
    """The tagger's expressions for ``doc`` (found once, shared by both stages)."""
    ex = doc.extras.get(_KEY)
    if ex is None:
        ex = doc.extras[_KEY] = tagger().find(doc.text)
    return ex


class PubDateStage:
    """Sets ``published_at`` with its source and confidence, and ``doc.anchor``."""

    name = "pubdate"
    requires = ("clean",)
    provides = ("published_at", "anchor")

    def __init__(self) -> None:
        self._dater = PublicationDater()

    def run(self, doc: Doc) -> None:
        art, rec = doc.article, doc.record
        dl = next(((s.start, s.end) for s in art.spans if s.layer == "dateline"), None)
        pd = self._dater.date(text=doc.text, exprs=found_exprs(doc), record_date=rec.date,
                              record_kind=rec.date_kind, url=rec.url, dateline=dl)
        art.published_at = pd.value
        art.published_at_source = pd.source
        art.published_at_confidence = pd.confidence
        a = pd.anchor
        doc.anchor = a.iso() if a else None


class TimexStage:
    """Adds a ``timex`` span (label = TIMEX3 type, value = normalised value) per expression."""

    name = "timex"
    requires = ("clean",)
    provides = ("timex",)

    def run(self, doc: Doc) -> None:
        exprs = found_exprs(doc)
        doc.extras.pop(_KEY, None)
        anchor = Anchor.parse(doc.anchor) if doc.anchor else None
        hidden = [(s.start, s.end) for s in doc.article.spans if s.layer in _HIDDEN]
        out = []
        for e in exprs:
            if any(hs < e.end and e.start < he for hs, he in hidden):
                continue
            out.append(to_span(e, anchor))
        doc.add(out)
