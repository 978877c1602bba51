"""The records marsad passes around: raw input records, spans and annotated articles.

Every span's ``start``/``end`` index the article's original ``text`` exactly as it was read
(Python string offsets, end exclusive). Cleaning never rewrites the original: removed debris is
itself a span layer, and the clean text is derived from the original and that layer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a raw record came from: a file and a position in it, or a URL."""

    path: str = ""
    line: int | None = None  # 1-based line of a JSONL/CSV record
    offset: int | None = None  # byte offset of a WARC record
    url: str = ""


@dataclass(slots=True)
class RawRecord:
    """One article as a reader yields it, before any analysis."""

    text: str
    id: str = ""
    source: str = ""
    url: str = ""
    title: str = ""
    date: str = ""  # publication time from the input's own metadata, ISO 8601 if known
    date_kind: str = ""  # "metadata" | "crawl" | "feed" | "html" | "url": how good ``date`` is
    author: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    provenance: Provenance = field(default_factory=Provenance)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Span:
    """A typed stretch of the original text.

    ``layer`` says what kind of fact it is (``debris``, ``timex``, ``mention``, ``event``,
    ``dateline``, ``byline``, ``credit``, ``title``); ``label`` is its type within the layer
    (``share_widget``, ``DATE``, ``PER``, ``CONSULT`` …); ``value`` is a normalised value
    (a TIMEX3 value, an entity key); ``attrs`` holds anything else, JSON-serialisable.
    """

    layer: str
    start: int
    end: int
    label: str = ""
    value: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Article:
    """An analysed article: the original text, its fields and every span found in it."""

    id: str
    text: str
    source: str = ""
    url: str = ""
    title: str = ""
    published_at: str | None = None  # ISO date or datetime; may be underspecified (XXXX-09-14)
    published_at_source: str = ""  # metadata | feed | html | url | text | dateline | inferred | crawl
    published_at_confidence: float = 0.0
    dateline_place: str = ""
    dateline_agency: str = ""
    byline: str = ""
    credit: str = ""
    language: str = ""
    language_flag: str = ""  # "" when Arabic; otherwise why it was flagged
    spans: list[Span] = field(default_factory=list)
    fingerprint: bytes = b""
    meta: dict[str, Any] = field(default_factory=dict)

    def layer(self, name: str) -> list[Span]:
        return [s for s in self.spans if s.layer == name]

    @property
    def clean_text(self) -> str:
        """The original text with debris, dateline, byline and credit spans cut out."""
        from marsad.clean.debris import clean_text

        return clean_text(self.text, self.spans)
