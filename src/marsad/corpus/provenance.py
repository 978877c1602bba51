"""Provenance of a copy group: its first publisher and who reprinted whom.

The first publisher is the member published first (:func:`publication_order`, the order the
listings of a story show: on one day, a timed member before one dated by its day alone); when
times tie or are only crawl times, a member whose outlet *is* the agency named in the group's
datelines (``الرياض - واس`` and the Saudi Press Agency's own site, :data:`AGENCY_OUTLETS`)
wins. Each other member gets one reprint
edge from the earlier member that contains most of it, with how much text it added and
removed (:func:`provenance`, over the verified pairs of :mod:`marsad.corpus.dedup`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from marsad.corpus.copy_rules import PairScore
from marsad.text.normalize import normalize

T = TypeVar("T")

#: outlets that are themselves agencies: source name (as stored) → agency names in datelines
AGENCY_OUTLETS: dict[str, tuple[str, ...]] = {
    "was": ("واس", "SPA"), "spa": ("واس", "SPA"), "sputnik": ("سبوتنيك",),
    "wam": ("وام", "WAM"), "qna": ("قنا", "QNA"), "kuna": ("كونا", "KUNA"), "sana": ("سانا",),
    "reuters": ("رويترز", "Reuters"), "afp": ("أ ف ب", "ا ف ب", "فرانس برس", "AFP"),
    "alarabia": ("العربية", "العربية نت", "العربية.نت"), "alarabiya": ("العربية", "العربية نت"),
    "skynews": ("سكاي نيوز عربية",), "CNN": ("CNN",), "BBC": ("BBC",), "aawsat": ("الشرق الأوسط",),
    "okaz": ("عكاظ",), "sabq": ("سبق",), "alriyadh": ("الرياض",), "alyaum": ("اليوم",),
    "alwatan": ("الوطن",), "almadina": ("المدينة",),
}


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What provenance needs to know of one document."""

    key: int  # the archive rowid (or the batch index)
    published_at: str | None = None
    source: str = ""
    dateline_agency: str = ""
    credit: str = ""
    confidence: float = 0.0  # of published_at


@dataclass(frozen=True, slots=True)
class ReprintEdge:
    src: int  # the earlier member it was most likely copied from
    dst: int
    jaccard: float
    added: float  # share of dst's text that is not in src
    removed: float  # share of src's text that dst left out


@dataclass
class GroupProvenance:
    members: list[int]
    first: int
    agency: str  # the agency the group's datelines name most ("" when none)
    edges: list[ReprintEdge]


def _norm_agency(s: str) -> str:
    return " ".join(normalize(s).replace(".", " ").split())


def is_agency_outlet(source: str, agency: str) -> bool:
    """Whether the outlet ``source`` is the agency named ``agency`` (its own wire)."""
    if not source or not agency:
        return False
    names = AGENCY_OUTLETS.get(source, ()) + (source,)
    a = _norm_agency(agency)
    return any(_norm_agency(n) == a for n in names)


def _time_key(info: DocInfo) -> str:
    return instant(info.published_at)


def instant(published_at: str | None) -> str:
    """A publication time as a sortable string: a time with an offset as its UTC instant
    (``2018-05-10T00:59:00+04:00`` is ``2018-05-09T20:59:00``, before ``2018-05-09T23:23:44+00:00``;
    as written, the strings sort the other way), a time without one as written, a day as the
    day, no time as ``9999`` (after all)."""
    t = (published_at or "").strip()
    if not t[:4].isdigit():
        return "9999"
    t = t.replace(" ", "T", 1) if len(t) > 10 and t[10] == " " else t
    if len(t) > 16 and (t.endswith("Z") or t[-6:-5] in ("+", "-")):
        try:
            at = datetime.fromisoformat(t[:-1] + "+00:00" if t.endswith("Z") else t)
        except ValueError:
            return t
        if at.tzinfo is not None:
            return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return t


def publication_order(published_at: str | None, rowid: T) -> tuple[str, bool, str, T]:
    """A sort key of articles in the order they were published, the one every listing of a
    story uses (members, first publisher, title): the day of the UTC instant (:func:`instant`),
    then on that day a timed article before one dated by its day alone (when it appeared that
    day is not known), then the instant, then ``rowid`` (ingest order; or another tie-break, an article id). The strings as written
    do not sort so: ``2018-05-09T21:30:19+04:00`` came before ``2018-05-09T17:32:43+00:00``."""
    at = instant(published_at)
    return (at[:10], len(at) <= 10, at, rowid)


def provenance(members: Sequence[DocInfo], scores: Iterable[PairScore]) -> GroupProvenance:
    """First publisher and reprint edges of one copy group (see the module docstring)."""
    by_key = {m.key: m for m in members}
    agencies = Counter(a for m in members for a in (m.dateline_agency,) if a)
    agency = agencies.most_common(1)[0][0] if agencies else ""
    # the order every listing of a story shows (publication_order): on one day, a timed member
    # before one dated by its day alone, so that the first publisher is the first member listed
    ordered = sorted(members, key=lambda m: publication_order(m.published_at, m.key))
    first = ordered[0]
    if agency:
        day = _time_key(first)[:10]
        # crawl times and day-only dates cannot order copies within a day: the agency's own
        # outlet, published the same day, is the origin
        own = [m for m in ordered if is_agency_outlet(m.source, agency) and _time_key(m)[:10] == day]
        if own and (first.confidence < 0.9 or len(_time_key(first)) <= 10 or _time_key(own[0]) == _time_key(first)):
            first = own[0]
    rank = {m.key: i for i, m in enumerate(ordered)}
    rank[first.key] = -1
    best: dict[int, tuple[float, int, PairScore]] = {}  # dst → (contained, src, score)
    for s in scores:
        if s.a not in by_key or s.b not in by_key or s.a == s.b:
            continue
        src, dst, contained = (s.a, s.b, s.b_in_a) if rank[s.a] < rank[s.b] else (s.b, s.a, s.a_in_b)
        cur = best.get(dst)
        if cur is None or (contained, -rank[src]) > (cur[0], -rank[cur[1]]):
            best[dst] = (contained, src, s)
    edges = []
    for m in ordered:
        if m.key == first.key:
            continue
        got = best.get(m.key)
        if got is None:  # joined through another member only; attribute to the origin
            edges.append(ReprintEdge(first.key, m.key, 0.0, 1.0, 1.0))
            continue
        contained, src, s = got
        other = s.b_in_a if s.a == m.key else s.a_in_b  # share of src found in dst
        edges.append(ReprintEdge(src, m.key, s.jaccard, 1.0 - contained, 1.0 - other))
    return GroupProvenance(members=sorted(by_key), first=first.key, agency=agency, edges=edges)
